"""The authority's reviewers: they answer recommendations, and they hear of debate requests and of recommendations
approved for an answer; plain members of the authority and members of other organizations do neither."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from consultations import services
from consultations.models import DebateRequest, ResponseAnswer
from directory.models import Organization
from members.models import Membership
from participation.models import Frequency, ModerationState, Notification
from participation.moderation import submission_moderate
from participation.notifications import notification_kinds, preference_set
from tests.factories.consultations import AuthorityFactory, ConsultationPageFactory, ResponseFactory
from tests.factories.directory import OrganizationFactory
from tests.factories.members import MembershipFactory, UserFactory
from tests.participation.conftest import make_moderator

pytestmark = pytest.mark.django_db

KIND = services.AUTHORITY_NOTIFICATION_KIND


@pytest.fixture
def consultation(consultation_index):
    authority = AuthorityFactory(name="Primăria Sectorului 3")
    return ConsultationPageFactory(parent=consultation_index, authority=authority, title="Regulamentul pieței Obor")


@pytest.fixture
def people(consultation):
    """Everyone around the authority: who answers for it and who does not."""
    authority = consultation.authority
    other_authority = AuthorityFactory(name="Primăria Sectorului 5")
    return {
        "reviewer": MembershipFactory(organization=authority, role=Membership.Role.REVIEWER).user,
        "administrator": MembershipFactory(organization=authority, administrator=True).user,
        "clerk": MembershipFactory(organization=authority).user,
        "requested": MembershipFactory(organization=authority, requested=True).user,
        "other_reviewer": MembershipFactory(organization=other_authority, role=Membership.Role.REVIEWER).user,
        "other_administrator": MembershipFactory(organization=other_authority, administrator=True).user,
    }


def recipients():
    return set(Notification.objects.filter(kind=KIND).values_list("recipient_id", flat=True))


def ids(people, *names):
    return {people[name].pk for name in names}


# Answers


def test_a_reviewer_answers_on_the_page(client, consultation, people):
    response = ResponseFactory(consultation=consultation)
    client.force_login(people["reviewer"])
    page = client.get(consultation.url).text
    assert f'action="{consultation.url}raspuns/{response.pk}/"' in page
    post = client.post(
        consultation.url + f"raspuns/{response.pk}/",
        {f"raspuns-{response.pk}-verdict": "partly", f"raspuns-{response.pk}-justification": "Doar art. 2."},
    )
    assert post.status_code == 302
    answer = ResponseAnswer.objects.get(response=response)
    assert (answer.verdict, answer.justification, answer.answered_by) == ("partly", "Doar art. 2.", people["reviewer"])


@pytest.mark.parametrize("who", ["clerk", "requested", "other_reviewer", "other_administrator", "author"])
def test_others_cannot_answer_and_nothing_is_saved(client, consultation, people, who):
    response = ResponseFactory(consultation=consultation)
    user = response.author if who == "author" else people[who]
    client.force_login(user)
    assert f"raspuns/{response.pk}/" not in client.get(consultation.url).text
    post = client.post(
        consultation.url + f"raspuns/{response.pk}/",
        {f"raspuns-{response.pk}-verdict": "accepted"},
    )
    assert post.status_code == 403
    assert not ResponseAnswer.objects.exists()


def test_a_reviewer_whose_role_was_taken_back_no_longer_answers(consultation, people):
    from members import services as member_services

    response = ResponseFactory(consultation=consultation)
    membership = Membership.objects.get(user=people["reviewer"])
    member_services.membership_remove_reviewer(membership=membership, by=people["administrator"])
    with pytest.raises(PermissionDenied):
        services.answer_record(response=response, by=people["reviewer"], verdict="accepted")
    assert not ResponseAnswer.objects.exists()


# Notifications: a debate request


def test_a_debate_request_notifies_the_authoritys_reviewers_and_administrators(
    consultation, people, mailoutbox, django_capture_on_commit_callbacks
):
    association = OrganizationFactory(name="Asociația Vecinii din Titan", kind=Organization.Kind.ASSOCIATION)
    asker = MembershipFactory(organization=association, administrator=True).user
    MembershipFactory(organization=association)  # a colleague of the asker: not told
    with django_capture_on_commit_callbacks(execute=True):
        debate = services.debate_request(consultation=consultation, user=asker, organization=association)
    assert recipients() == ids(people, "reviewer", "administrator")
    notification = Notification.objects.filter(kind=KIND).first()
    assert notification.title == "Asociația Vecinii din Titan solicită o dezbatere publică: Regulamentul pieței Obor"
    assert "până acum o dezbatere publică pentru această consultare: 1." in notification.text
    assert notification.url == f"{consultation.full_url}#cereri-dezbatere"
    assert (notification.content_type.model_class(), notification.object_id) == (DebateRequest, str(debate.pk))
    assert sorted(address for mail in mailoutbox for address in mail.to) == sorted(
        [people["reviewer"].email, people["administrator"].email]
    )


def test_the_second_request_counts_both_and_a_refused_request_notifies_nobody(consultation, people):
    first, second = (MembershipFactory(administrator=True) for _ in range(2))
    services.debate_request(consultation=consultation, user=first.user, organization=first.organization)
    services.debate_request(consultation=consultation, user=second.user, organization=second.organization)
    texts = sorted(Notification.objects.filter(kind=KIND).values_list("text", flat=True))
    assert [text[-4:] for text in texts] == [": 1.", ": 1.", ": 2.", ": 2."]
    with pytest.raises(ValidationError):
        services.debate_request(consultation=consultation, user=first.user, organization=first.organization)
    assert Notification.objects.filter(kind=KIND).count() == 4
    assert DebateRequest.objects.count() == 2


def test_a_reviewer_who_also_asks_for_another_organization_is_not_told_of_their_own_request(consultation, people):
    association = OrganizationFactory(kind=Organization.Kind.ASSOCIATION)
    MembershipFactory(organization=association, user=people["reviewer"], administrator=True)
    services.debate_request(consultation=consultation, user=people["reviewer"], organization=association)
    assert recipients() == ids(people, "administrator")


# Notifications: a recommendation approved by moderation


def test_an_approved_recommendation_waits_for_the_reviewers_answer(
    consultation, people, mailoutbox, django_capture_on_commit_callbacks
):
    author = UserFactory(first_name="Elena", last_name="Marin")
    response = ResponseFactory(
        consultation=consultation, author=author, moderation_state=ModerationState.PENDING, text="Mai multe bănci."
    )
    with django_capture_on_commit_callbacks(execute=True):
        submission_moderate(submission=response, action="approve", by=make_moderator())
    assert recipients() == ids(people, "reviewer", "administrator")
    notification = Notification.objects.filter(kind=KIND).first()
    assert notification.title == "O recomandare așteaptă răspunsul dumneavoastră: Regulamentul pieței Obor"
    assert notification.text == "De la Elena Marin: „Mai multe bănci.”"
    assert author.email not in notification.text
    assert notification.url == f"{consultation.full_url}#recomandare-{response.pk}"
    assert len(mailoutbox) == 2
    assert not Notification.objects.filter(recipient=author).exists()


def test_rejected_hidden_or_restored_recommendations_notify_nobody(consultation, people):
    moderator = make_moderator()
    rejected = ResponseFactory(consultation=consultation, moderation_state=ModerationState.PENDING)
    submission_moderate(submission=rejected, action="reject", by=moderator, reason="Nu privește proiectul.")
    public = ResponseFactory(consultation=consultation)
    submission_moderate(submission=public, action="hide", by=moderator, reason="Date personale.")
    submission_moderate(submission=public, action="restore", by=moderator)
    assert not Notification.objects.filter(kind=KIND).exists()


def test_members_choose_how_often_they_hear_of_their_institution(
    consultation, people, mailoutbox, django_capture_on_commit_callbacks
):
    assert KIND in notification_kinds()
    assert str(notification_kinds()[KIND].label).startswith("Consultările publice ale instituției mele")
    preference_set(user=people["reviewer"], kind=KIND, frequency=Frequency.NEVER)
    response = ResponseFactory(consultation=consultation, moderation_state=ModerationState.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        submission_moderate(submission=response, action="approve", by=make_moderator())
    # Still listed in "Contul meu", but no email for the one who chose "never".
    assert recipients() == ids(people, "reviewer", "administrator")
    assert [mail.to for mail in mailoutbox] == [[people["administrator"].email]]


def test_an_authority_without_reviewers_notifies_nobody(consultation_index):
    consultation = ConsultationPageFactory(parent=consultation_index)
    MembershipFactory(organization=consultation.authority)  # a plain member only
    response = ResponseFactory(consultation=consultation, moderation_state=ModerationState.PENDING)
    submission_moderate(submission=response, action="approve", by=make_moderator())
    asker = MembershipFactory(administrator=True)
    services.debate_request(consultation=consultation, user=asker.user, organization=asker.organization)
    assert not Notification.objects.filter(kind=KIND).exists()


# The demo


def test_the_demo_reviewer_answers_for_both_authorities_and_signed_the_demo_answers(home_page):
    from consultations import demo as consultations_demo
    from directory import demo as directory_demo
    from members import demo as members_demo
    from members import permissions as member_permissions
    from website import demo as website_demo
    from website.groups import setup_groups

    setup_groups()
    topics = website_demo.topics()
    directory_demo.seed(home=home_page, topics=topics)
    logins = members_demo.seed(home=home_page, topics=topics)
    consultations_demo.seed(home=home_page, topics=topics)
    radu = next(login for role, login, _password in logins if login == "radu.stan@example.org")
    reviewer = Membership.objects.get(user__username=radu, organization__name=members_demo.PMB)
    assert reviewer.role == Membership.Role.REVIEWER
    assert "evaluator" in next(role for role, login, _password in logins if login == radu)
    answers = ResponseAnswer.objects.select_related("response__consultation__authority", "answered_by")
    assert answers.exists()
    for answer in answers:
        authority = answer.response.consultation.authority
        assert answer.response.moderation_state == ModerationState.APPROVED
        assert member_permissions.is_reviewer(answer.answered_by, authority), answer.pk
    # Every demo authority with recommendations has someone to answer them.
    for name in (members_demo.PMB, members_demo.SECTOR_3):
        assert member_permissions.is_reviewer(reviewer.user, Organization.objects.get(name=name))


def test_an_approval_after_the_closing_still_asks_for_an_answer(consultation_index):
    """Answers come after the closing: a recommendation approved late still reaches the reviewers."""
    now = timezone.now()
    closed = ConsultationPageFactory(
        parent=consultation_index, opens_at=now - timedelta(days=30), closes_at=now - timedelta(days=1)
    )
    reviewer = MembershipFactory(organization=closed.authority, role=Membership.Role.REVIEWER).user
    response = ResponseFactory(consultation=closed, moderation_state=ModerationState.PENDING)
    submission_moderate(submission=response, action="approve", by=make_moderator())
    assert recipients() == {reviewer.pk}
