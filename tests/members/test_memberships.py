"""Memberships (DESIGN §6): asking to join, and who may approve, reject and name administrators."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from members import services
from members.models import Membership
from tests.factories.directory import OrganizationFactory
from tests.factories.members import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def codes(error):
    return [item.code for item in error.value.error_list]


def test_request_to_join_notifies_the_administrators(
    organization, administrator, outsider, django_capture_on_commit_callbacks
):
    second_administrator = MembershipFactory(organization=organization, administrator=True).user
    MembershipFactory(organization=organization)  # a plain member is not asked
    with django_capture_on_commit_callbacks(execute=True):
        membership = services.membership_request(user=outsider, organization=organization, message=" Sunt voluntar. ")
    assert (membership.state, membership.role, membership.message) == ("requested", "membru", "Sunt voluntar.")
    assert membership.decided_at is None

    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([administrator.email, second_administrator.email])
    # One email each: no administrator learns another one's address.
    assert all(len(message.to) == 1 and not message.cc and not message.bcc for message in mail.outbox)
    message = mail.outbox[0]
    assert organization.name in message.subject
    assert "Bucureștiul social și solidar" in message.subject
    assert "Ioana" in message.body
    assert "Sunt voluntar." in message.body
    assert f"/contul-meu/organizatii/{organization.pk}/" in message.body
    assert outsider.email not in message.body


def test_request_to_an_organization_without_administrators_goes_to_the_moderators(
    organization, outsider, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_request(user=outsider, organization=organization)
    assert [message.to for message in mail.outbox] == [[moderator.email]]
    assert "/admin/members_membership/" in mail.outbox[0].body


def test_request_to_a_draft_organization_is_refused(outsider):
    draft = OrganizationFactory(name="Asociația Nepublicată", publish=False)
    with pytest.raises(ValidationError) as error:
        services.membership_request(user=outsider, organization=draft)
    assert codes(error) == ["organization_not_published"]
    assert "Asociația Nepublicată" in error.value.messages[0]
    assert not Membership.objects.exists()


def test_second_request_while_one_is_pending_is_refused(join_request, organization, outsider):
    with pytest.raises(ValidationError) as error:
        services.membership_request(user=outsider, organization=organization)
    assert codes(error) == ["request_pending"]
    assert Membership.objects.filter(user=outsider).count() == 1


def test_request_from_a_member_is_refused(organization, member):
    with pytest.raises(ValidationError) as error:
        services.membership_request(user=member, organization=organization)
    assert codes(error) == ["already_member"]


def test_a_rejected_member_may_ask_again(join_request, organization, outsider, administrator):
    services.membership_reject(membership=join_request, by=administrator)
    again = services.membership_request(user=outsider, organization=organization)
    assert again.pk != join_request.pk
    assert list(Membership.objects.filter(user=outsider).values_list("state", flat=True).order_by("pk")) == [
        "rejected",
        "requested",
    ]


def test_the_database_allows_one_open_membership_per_member_and_organization(organization, outsider):
    MembershipFactory(organization=organization, user=outsider, requested=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=outsider, organization=organization)


def test_the_database_refuses_an_administrator_who_is_not_approved(organization, outsider):
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=outsider, organization=organization, role="administrator")


def test_the_database_refuses_a_decision_without_its_date(organization, outsider):
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=outsider, organization=organization, state="approved")


def test_administrator_approves_a_request(join_request, administrator, outsider, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        membership = services.membership_approve(membership=join_request, by=administrator)
    assert membership.state == "approved"
    assert membership.decided_by == administrator
    assert membership.decided_at is not None
    assert [message.to for message in mail.outbox] == [[outsider.email]]


def test_administrator_rejects_a_request(join_request, administrator, outsider, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        membership = services.membership_reject(membership=join_request, by=administrator)
    assert membership.state == "rejected"
    assert membership.role == "membru"
    assert [message.to for message in mail.outbox] == [[outsider.email]]


def test_a_request_is_decided_once(join_request, administrator):
    services.membership_approve(membership=join_request, by=administrator)
    with pytest.raises(ValidationError) as error:
        services.membership_reject(membership=join_request, by=administrator)
    assert codes(error) == ["already_decided"]
    join_request.refresh_from_db()
    assert join_request.state == "approved"


@pytest.mark.parametrize("service", [services.membership_approve, services.membership_reject])
def test_only_administrators_and_moderators_decide(service, join_request, member, outsider, other_organization):
    other_administrator = MembershipFactory(organization=other_organization, administrator=True).user
    for user in (member, outsider, other_administrator):
        with pytest.raises(PermissionDenied):
            service(membership=join_request, by=user)
    join_request.refresh_from_db()
    assert join_request.state == "requested"


def test_moderator_decides_for_any_organization(join_request, moderator):
    assert services.membership_approve(membership=join_request, by=moderator).state == "approved"


def test_administrator_makes_another_member_administrator(organization, administrator, member):
    membership = Membership.objects.get(user=member, organization=organization)
    services.membership_make_administrator(membership=membership, by=administrator)
    membership.refresh_from_db()
    assert membership.role == "administrator"
    with pytest.raises(ValidationError) as error:
        services.membership_make_administrator(membership=membership, by=administrator)
    assert codes(error) == ["already_administrator"]


def test_plain_members_cannot_make_administrators(organization, member):
    colleague = MembershipFactory(organization=organization)
    with pytest.raises(PermissionDenied):
        services.membership_make_administrator(membership=colleague, by=member)
    with pytest.raises(PermissionDenied):
        services.membership_make_administrator(
            membership=Membership.objects.get(user=member, organization=organization), by=member
        )
    colleague.refresh_from_db()
    assert colleague.role == "membru"


def test_a_pending_request_cannot_become_administrator(join_request, administrator):
    with pytest.raises(ValidationError) as error:
        services.membership_make_administrator(membership=join_request, by=administrator)
    assert codes(error) == ["not_approved"]


def test_only_moderators_take_the_administrator_role_back(organization, administrator, moderator):
    second = MembershipFactory(organization=organization, administrator=True)
    with pytest.raises(PermissionDenied):
        services.membership_remove_administrator(membership=second, by=administrator)
    services.membership_remove_administrator(membership=second, by=moderator)
    second.refresh_from_db()
    assert (second.state, second.role) == ("approved", "membru")


def test_moderator_adds_a_member_directly_approving_a_pending_request(join_request, organization, outsider, moderator):
    membership = services.membership_add(user=outsider, organization=organization, role="administrator", by=moderator)
    assert membership.pk == join_request.pk
    assert (membership.state, membership.role, membership.decided_by) == ("approved", "administrator", moderator)
    with pytest.raises(ValidationError) as error:
        services.membership_add(user=outsider, organization=organization, role="membru", by=moderator)
    assert codes(error) == ["already_member"]
    with pytest.raises(PermissionDenied):
        services.membership_add(user=UserFactory(), organization=organization, role="membru", by=outsider)


def test_decisions_go_through_the_transition_table_and_are_logged(
    join_request, administrator, outsider, django_capture_on_commit_callbacks
):
    from participation.models import Notification, TransitionLog

    with django_capture_on_commit_callbacks(execute=True):
        services.membership_approve(membership=join_request, by=administrator)
    log = TransitionLog.objects.for_object(join_request).get()
    assert (log.action, log.from_state, log.to_state, log.actor) == ("approve", "requested", "approved", administrator)
    notification = Notification.objects.get(recipient=outsider)
    assert notification.kind == "decizii-aderare"
    assert join_request.organization.name in notification.title


def test_a_member_cannot_decide_their_own_request(join_request, outsider):
    with pytest.raises(PermissionDenied):
        services.membership_approve(membership=join_request, by=outsider)
    join_request.refresh_from_db()
    assert join_request.state == "requested"


def test_join_requests_appear_among_the_administrators_notifications(
    organization, administrator, outsider, django_capture_on_commit_callbacks
):
    from participation.models import Notification

    with django_capture_on_commit_callbacks(execute=True):
        services.membership_request(user=outsider, organization=organization, message="Sunt voluntar.")
    notification = Notification.objects.get(recipient=administrator)
    assert notification.kind == "cereri-aderare"
    assert notification.text == "Mesajul său: „Sunt voluntar.”"
    assert notification.url == f"/contul-meu/organizatii/{organization.pk}/"


def test_a_member_blocked_by_the_moderators_cannot_ask_to_join(organization, outsider, moderator):
    from participation.moderation import member_block

    member_block(user=outsider, by=moderator, reason="Cereri repetate fără legătură cu organizațiile")
    with pytest.raises(ValidationError) as error:
        services.membership_request(user=outsider, organization=organization)
    assert codes(error) == ["blocked"]
    assert "Cereri repetate fără legătură cu organizațiile" in error.value.messages[0]
    assert not Membership.objects.filter(user=outsider).exists()
