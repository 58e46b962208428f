"""Public debate requests: one per organization, by its administrators, while the consultation is open."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from consultations import services
from consultations.models import DebateRequest
from members.models import Membership
from participation.models import SubmissionBlock
from tests.factories.consultations import ConsultationPageFactory
from tests.factories.members import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(consultation_index):
    return ConsultationPageFactory(parent=consultation_index)


@pytest.fixture
def administrator():
    return MembershipFactory(administrator=True)


def test_an_administrator_asks_once_per_organization(consultation, administrator):
    request = services.debate_request(
        consultation=consultation, user=administrator.user, organization=administrator.organization
    )
    assert request.requested_by == administrator.user
    with pytest.raises(ValidationError) as error:
        services.debate_request(
            consultation=consultation, user=administrator.user, organization=administrator.organization
        )
    assert error.value.code == "duplicate"
    assert DebateRequest.objects.count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        DebateRequest.objects.create(consultation=consultation, organization=administrator.organization)


def test_a_plain_member_or_an_outsider_cannot_ask(consultation, administrator):
    member = MembershipFactory(organization=administrator.organization)
    with pytest.raises(PermissionDenied):
        services.debate_request(consultation=consultation, user=member.user, organization=member.organization)
    other = MembershipFactory(administrator=True)
    with pytest.raises(PermissionDenied):
        services.debate_request(consultation=consultation, user=other.user, organization=administrator.organization)
    assert not DebateRequest.objects.exists()


@pytest.mark.parametrize("days", [-30, 5])
def test_only_while_open(consultation_index, administrator, days):
    now = timezone.now()
    closed_or_upcoming = ConsultationPageFactory(
        parent=consultation_index, opens_at=now + timedelta(days=days), closes_at=now + timedelta(days=days + 12)
    )
    with pytest.raises(ValidationError) as error:
        services.debate_request(
            consultation=closed_or_upcoming, user=administrator.user, organization=administrator.organization
        )
    assert error.value.code == "closed"


def test_a_blocked_member_cannot_ask(consultation, administrator):
    SubmissionBlock.objects.create(user=administrator.user, reason="Mesaje abuzive.")
    with pytest.raises(ValidationError) as error:
        services.debate_request(
            consultation=consultation, user=administrator.user, organization=administrator.organization
        )
    assert error.value.code == "blocked"


def test_the_page_shows_the_button_the_count_and_the_authority_sees_the_list(client, consultation, administrator):
    client.force_login(administrator.user)
    page = client.get(consultation.url).content.decode()
    assert "Solicitați o dezbatere publică în numele" in page
    response = client.post(consultation.url + "dezbatere/", {"organization": administrator.organization.pk})
    assert response.status_code == 302
    assert DebateRequest.objects.filter(consultation=consultation, organization=administrator.organization).exists()
    page = client.get(consultation.url).content.decode()
    assert "1 organizație a solicitat o dezbatere publică." in page
    assert "Solicitați o dezbatere publică în numele" not in page  # asked already
    assert administrator.organization.name not in page.split("cereri-dezbatere-sectiune")[1].split("</section>")[0]

    reviewer = MembershipFactory(organization=consultation.authority, role=Membership.Role.REVIEWER)
    client.force_login(reviewer.user)
    section = client.get(consultation.url).content.decode().split("cereri-dezbatere-sectiune")[1]
    assert administrator.organization.name in section.split("</section>")[0]


def test_refusals_are_messages_not_errors(client, consultation):
    member = MembershipFactory()
    client.force_login(member.user)
    for organization in (member.organization.pk, "abc", "", "99999999999999999999999"):
        response = client.post(consultation.url + "dezbatere/", {"organization": organization}, follow=True)
        assert response.status_code == 200
        assert "Doar un administrator al organizației" in response.content.decode()
    assert not DebateRequest.objects.exists()
