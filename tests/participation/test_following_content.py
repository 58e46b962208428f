"""Following organizations and topics: buttons, the topics form, and notifications when something is published."""

import pytest
from django.urls import reverse

from participation import follows
from participation.models import Follow, Notification
from tests.factories.directory import OrganizationFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.website import TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organization(db):
    return OrganizationFactory(name="Asociația Vecinii din Titan")


def test_a_member_follows_an_organization_from_its_profile(client, member, organization):
    client.force_login(member)
    page = client.get(organization.get_absolute_url()).content.decode()
    assert reverse("participation:follow", args=["directory.organization", organization.pk]) in page
    assert 'aria-pressed="false"' in page

    response = client.post(
        reverse("participation:follow", args=["directory.organization", organization.pk]),
        {"next": organization.get_absolute_url()},
    )
    assert response["Location"] == organization.get_absolute_url()
    assert follows.is_following(user=member, obj=organization)
    assert 'aria-pressed="true"' in client.get(organization.get_absolute_url()).content.decode()


def test_anonymous_readers_are_invited_to_log_in(client, organization):
    page = client.get(organization.get_absolute_url()).content.decode()
    assert "Autentificați-vă pentru a urmări" in page


def test_a_draft_organization_cannot_be_followed(client, member):
    draft = OrganizationFactory(publish=False)
    client.force_login(member)
    response = client.post(reverse("participation:follow", args=["directory.organization", draft.pk]))
    assert response.status_code == 404
    assert not Follow.objects.exists()


def test_topics_are_chosen_with_checkboxes(client, member):
    health, youth = TopicFactory(name="Sănătate", slug="sanatate"), TopicFactory(name="Tineret", slug="tineret")
    client.force_login(member)
    client.post(reverse("participation:follows"), {"topics": [health.pk, youth.pk]})
    assert {item.followed for item in follows.follows_of(member)} == {health, youth}
    client.post(reverse("participation:follows"), {"topics": [youth.pk]})
    assert [item.followed for item in follows.follows_of(member)] == [youth]
    page = client.get(reverse("participation:follows")).content.decode()
    assert "Temele pe care le urmăresc" in page


def test_new_content_on_a_followed_topic_is_notified_once(home_page, member, other_member):
    topic = TopicFactory(name="Economie socială", slug="economie-sociala")
    follows.follow(user=member, obj=topic)
    index = NewsIndexPageFactory(parent=home_page)
    article = NewsPageFactory(parent=index, topics=[topic], live=False)
    article.save_revision().publish()
    notification = Notification.objects.get(recipient=member)
    assert notification.kind == "noutati-urmarite"
    assert article.title in notification.title
    assert notification.url == article.url

    article.refresh_from_db()
    article.save_revision().publish()  # a correction: no second notification
    assert Notification.objects.filter(recipient=member).count() == 1
    assert not Notification.objects.filter(recipient=other_member).exists()


def test_an_organization_publishing_changes_notifies_its_followers(member, organization):
    follows.follow(user=member, obj=organization)
    organization.description = "Grădini comunitare în Titan."
    organization.save_revision().publish()
    notification = Notification.objects.get(recipient=member)
    assert organization.name in notification.title
    assert notification.url == organization.get_absolute_url()
