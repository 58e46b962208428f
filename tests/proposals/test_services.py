"""Creating and changing proposals, private messages, partners and attachments: who may, what is valid, Romanian
messages, nothing half-saved."""

import io
import zipfile
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.test import RequestFactory

from participation.models import Notification, SubmissionBlock
from proposals import services
from proposals.models import Proposal, ProposalAttachment, ProposalComment, ProposalPartner, ProposalState
from tests.factories.directory import OrganizationFactory, sector
from tests.factories.members import MembershipFactory
from tests.factories.proposals import ProposalPartnerFactory
from website.models import Topic

pytestmark = pytest.mark.django_db
S = ProposalState

CONTENT = {
    "title": "  Grădini comunitare în Titan  ",
    "summary": "Amenajăm grădini comunitare.",
    "problem": "Lipsa spațiilor verzi.",
    "activities": "Ateliere lunare.",
    "target_group": "Vârstnicii din cartier.",
    "beneficiaries_count": 200,
    "budget_ron": Decimal("80000"),
    "cofinancing_ron": Decimal("8000"),
    "duration_months": 10,
}


def create(world, **data):
    return services.proposal_create(
        organization=world.ngo, authority=world.authority, by=world.proposer, data={**CONTENT, **data}
    )


# Creating


def test_an_administrator_creates_a_draft(world):
    topic = Topic.objects.create(name="Mediu", slug="mediu")
    proposal = create(world, topics=[topic], sectors=[sector("sector-3").pk])
    assert proposal.state == S.DRAFT
    assert proposal.title == "Grădini comunitare în Titan"
    assert (proposal.proposing_organization, proposal.addressed_authority, proposal.created_by) == (
        world.ngo,
        world.authority,
        world.proposer,
    )
    assert list(proposal.topics.all()) == [topic]
    assert [s.slug for s in proposal.sectors.all()] == ["sector-3"]
    assert proposal.cofinancing_percent == Decimal("10.0")


def test_a_draft_may_be_incomplete_but_is_not_submitted_so(world):
    proposal = services.proposal_create(
        organization=world.ngo, authority=world.authority, by=world.proposer, data={"title": "O idee"}
    )
    with pytest.raises(ValidationError) as error:
        services.proposal_transition(proposal=proposal, action="submit", by=world.proposer)
    assert set(error.value.message_dict) == {
        "summary",
        "problem",
        "activities",
        "target_group",
        "beneficiaries_count",
        "budget_ron",
        "duration_months",
    }
    assert "înainte de a trimite propunerea" in error.value.message_dict["budget_ron"][0]
    proposal.refresh_from_db()
    assert proposal.state == S.DRAFT and proposal.submitted_at is None


@pytest.mark.parametrize("who", ["ngo_member", "reviewer", "outsider", "moderator", "anonymous"])
def test_only_the_organizations_administrators_create(world, who):
    with pytest.raises(PermissionDenied):
        services.proposal_create(
            organization=world.ngo, authority=world.authority, by=getattr(world, who), data=CONTENT
        )
    assert not Proposal.objects.exists()


def test_the_addressed_organization_must_be_a_published_authority(world):
    draft_authority = OrganizationFactory(kind="autoritate-locala", publish=False)
    for authority, message in [
        (world.other, "Alegeți o autoritate publică locală sau o instituție publică."),
        (draft_authority, "Această autoritate nu este publicată în director."),
        (None, "Alegeți o autoritate publică locală sau o instituție publică."),
    ]:
        with pytest.raises(ValidationError) as error:
            services.proposal_create(organization=world.ngo, authority=authority, by=world.proposer, data=CONTENT)
        assert error.value.message_dict["addressed_authority"] == [message]
    assert not Proposal.objects.exists()


def test_an_authority_cannot_address_itself(world):
    admin = world.authority_admin
    with pytest.raises(ValidationError) as error:
        services.proposal_create(organization=world.authority, authority=world.authority, by=admin, data=CONTENT)
    assert "nu își poate adresa" in error.value.message_dict["addressed_authority"][0]


def test_a_blocked_member_cannot_create(world):
    SubmissionBlock.objects.create(user=world.proposer, reason="Mesaje jignitoare.")
    with pytest.raises(ValidationError) as error:
        create(world)
    assert "Mesaje jignitoare." in error.value.messages[0]


def test_creating_is_rate_limited_when_the_request_is_given(world, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "proposal_create": {"user": "2/h"}}
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.7")
    request.user = world.proposer
    for _ in range(2):
        services.proposal_create(
            organization=world.ngo, authority=world.authority, by=world.proposer, data=CONTENT, request=request
        )
    with pytest.raises(ValidationError) as error:
        services.proposal_create(
            organization=world.ngo, authority=world.authority, by=world.proposer, data=CONTENT, request=request
        )
    assert error.value.code == "rate_limited"
    assert Proposal.objects.count() == 2


# Validation


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"budget_ron": Decimal("0")}, "budget_ron", "Bugetul trebuie să fie mai mare decât zero."),
        ({"budget_ron": Decimal("-5")}, "budget_ron", "Bugetul trebuie să fie mai mare decât zero."),
        ({"budget_ron": Decimal("100000000.01")}, "budget_ron", "Bugetul poate fi de cel mult 100.000.000 de lei."),
        ({"cofinancing_ron": Decimal("80000.01")}, "cofinancing_ron", "Cofinanțarea nu poate depăși bugetul."),
        ({"cofinancing_ron": Decimal("-1")}, "cofinancing_ron", "Cofinanțarea nu poate fi negativă."),
        ({"budget_ron": None, "cofinancing_ron": Decimal("10")}, "budget_ron", "Introduceți bugetul împreună cu"),
        ({"duration_months": 0}, "duration_months", "Durata trebuie să fie între 1 și 120 de luni."),
        ({"duration_months": 121}, "duration_months", "Durata trebuie să fie între 1 și 120 de luni."),
        ({"beneficiaries_count": 0}, "beneficiaries_count", "Introduceți cel puțin un beneficiar."),
        ({"budget_ron": "mult"}, "budget_ron", ""),
        ({"duration_months": "un an"}, "duration_months", ""),
        ({"title": "   "}, "title", ""),
        ({"summary": "x" * 1001}, "summary", ""),
        ({"topics": [999999]}, "topics", "Alegeți din listă."),
        ({"sectors": ["nu"]}, "sectors", "Alegeți din listă."),
    ],
)
def test_bad_values_are_refused_with_a_message(world, data, field, message):
    with pytest.raises(ValidationError) as error:
        create(world, **data)
    assert field in error.value.message_dict
    assert message in error.value.message_dict[field][0]
    assert not Proposal.objects.exists()


def test_the_limits_themselves_are_accepted(world):
    proposal = create(
        world, budget_ron=Decimal("100000000"), cofinancing_ron=Decimal("100000000"), duration_months=120
    )
    assert proposal.cofinancing_percent == Decimal("100.0")
    assert create(world, budget_ron=Decimal("0.01"), cofinancing_ron=None, duration_months=1).pk


@pytest.mark.parametrize(
    "values",
    [
        {"budget_ron": Decimal("0")},
        {"budget_ron": Decimal("100000001")},
        {"cofinancing_ron": Decimal("200000")},
        {"duration_months": 0},
        {"duration_months": 121},
        {"state": "published"},
        {"state": S.SUBMITTED, "submitted_at": None},
        {"state": S.COMPLETED, "results_summary": ""},
    ],
)
def test_the_database_refuses_what_the_rules_refuse(world, make_proposal, values):
    proposal = make_proposal()
    with pytest.raises(IntegrityError), transaction.atomic():
        Proposal.objects.filter(pk=proposal.pk).update(**values)


# Editing


def test_the_proposer_edits_a_draft_and_a_proposal_with_changes_requested(world, make_proposal):
    for state in (S.DRAFT, S.CHANGES_REQUESTED):
        proposal = make_proposal(state=state)
        updated = services.proposal_update(
            proposal=proposal, by=world.proposer, data={"title": "Titlu nou", "budget_ron": Decimal("90000")}
        )
        assert (updated.title, updated.budget_ron, updated.state) == ("Titlu nou", Decimal("90000"), state)
        assert updated.summary == proposal.summary  # keys not given stay


@pytest.mark.parametrize("state", [S.SUBMITTED, S.UNDER_REVIEW, S.ACCEPTED, S.REJECTED, S.IN_PROGRESS, S.COMPLETED])
def test_the_proposer_cannot_edit_once_it_is_with_the_authority(world, make_proposal, state):
    proposal = make_proposal(state=state)
    with pytest.raises(ValidationError) as error:
        services.proposal_update(proposal=proposal, by=world.proposer, data={"title": "Altceva"})
    assert "nu poate fi modificată acum" in error.value.messages[0]
    proposal.refresh_from_db()
    assert proposal.title != "Altceva"


@pytest.mark.parametrize("who", ["ngo_member", "reviewer", "authority_admin", "outsider", "editor", "anonymous"])
def test_nobody_else_edits(world, make_proposal, who):
    proposal = make_proposal(state=S.CHANGES_REQUESTED)
    with pytest.raises(PermissionDenied):
        services.proposal_update(proposal=proposal, by=getattr(world, who), data={"title": "Falsificat"})
    proposal.refresh_from_db()
    assert proposal.title != "Falsificat"


def test_a_moderator_corrects_a_submitted_proposal_but_never_sees_a_draft(world, make_proposal):
    submitted = make_proposal(state=S.UNDER_REVIEW)
    corrected = services.proposal_update(proposal=submitted, by=world.moderator, data={"title": "Titlu corectat"})
    assert (corrected.title, corrected.state) == ("Titlu corectat", S.UNDER_REVIEW)
    with pytest.raises(PermissionDenied):
        services.proposal_update(proposal=make_proposal(), by=world.moderator, data={"title": "x"})


def test_the_state_and_the_organizations_are_not_data(world, make_proposal):
    proposal = make_proposal()
    updated = services.proposal_update(
        proposal=proposal,
        by=world.proposer,
        data={"state": S.ACCEPTED, "proposing_organization": world.other, "first_submitted_at": None},
    )
    assert (updated.state, updated.proposing_organization) == (S.DRAFT, world.ngo)


def test_the_authority_changes_only_while_a_draft(world, make_proposal):
    other_authority = OrganizationFactory(kind="institutie-publica", name="DGASPC Sector 3")
    draft = make_proposal()
    assert (
        services.proposal_update(
            proposal=draft, by=world.proposer, data={"addressed_authority": other_authority}
        ).addressed_authority
        == other_authority
    )
    with pytest.raises(ValidationError):
        services.proposal_update(proposal=draft, by=world.proposer, data={"addressed_authority": world.other})
    returned = make_proposal(state=S.CHANGES_REQUESTED)
    updated = services.proposal_update(
        proposal=returned, by=world.proposer, data={"addressed_authority": other_authority}
    )
    assert updated.addressed_authority == world.authority


def test_submitting_needs_a_published_organization(world, make_proposal):
    proposal = make_proposal()
    world.ngo.live = False
    world.ngo.save()
    with pytest.raises(ValidationError) as error:
        services.proposal_transition(proposal=proposal, action="submit", by=world.proposer)
    assert error.value.code == "organization_not_live"


# Results


def test_results_are_written_while_in_progress_by_either_side(world, make_proposal):
    proposal = make_proposal(state=S.IN_PROGRESS)
    services.proposal_report_results(proposal=proposal, by=world.proposer, results_summary=" Primele rezultate. ")
    proposal.refresh_from_db()
    assert proposal.results_summary == "Primele rezultate."
    with pytest.raises(PermissionDenied):
        services.proposal_report_results(proposal=proposal, by=world.outsider, results_summary="Fals")
    with pytest.raises(ValidationError):
        services.proposal_report_results(
            proposal=make_proposal(state=S.ACCEPTED), by=world.proposer, results_summary="x"
        )


# Private messages


def test_the_two_sides_and_staff_exchange_private_messages(world, make_proposal, django_capture_on_commit_callbacks):
    proposal = make_proposal(state=S.UNDER_REVIEW)
    with django_capture_on_commit_callbacks(execute=True):
        comment = services.comment_add(proposal=proposal, by=world.reviewer, text=" Puteți detalia bugetul? ")
    assert (comment.text, comment.acting_organization, comment.author) == (
        "Puteți detalia bugetul?",
        world.authority,
        world.reviewer,
    )
    recipients = set(Notification.objects.filter(kind="propuneri").values_list("recipient", flat=True))
    assert recipients == {world.proposer.pk, world.proposer2.pk, world.authority_admin.pk}
    answer = services.comment_add(proposal=proposal, by=world.proposer, text="Da, atașăm un buget detaliat.")
    assert answer.acting_organization == world.ngo
    assert services.comment_add(proposal=proposal, by=world.moderator, text="Notă").acting_organization is None


@pytest.mark.parametrize("who", ["ngo_member", "authority_member", "outsider", "editor", "anonymous"])
def test_others_cannot_write_private_messages(world, make_proposal, who):
    with pytest.raises(PermissionDenied):
        services.comment_add(proposal=make_proposal(state=S.SUBMITTED), by=getattr(world, who), text="Salut")
    assert not ProposalComment.objects.exists()


def test_no_private_messages_on_a_draft_nor_empty_ones(world, make_proposal):
    with pytest.raises(PermissionDenied):
        services.comment_add(proposal=make_proposal(), by=world.reviewer, text="Văd ciorna?")
    with pytest.raises(ValidationError) as error:
        services.comment_add(proposal=make_proposal(state=S.SUBMITTED), by=world.proposer, text="   ")
    assert error.value.message_dict["text"] == ["Scrieți mesajul."]


# Partners


def offer(world, proposal, **kwargs):
    values = {"organization": world.other, "by": world.outsider, "role": "Voluntari", "message": "Vrem să ajutăm."}
    return services.partner_offer(proposal=proposal, **{**values, **kwargs})


@pytest.mark.parametrize("state", [S.ACCEPTED, S.IN_PROGRESS])
def test_another_organization_offers_to_join(world, make_proposal, state, django_capture_on_commit_callbacks):
    proposal = make_proposal(state=state)
    with django_capture_on_commit_callbacks(execute=True):
        partner = offer(world, proposal)
    assert (partner.state, partner.organization, partner.offered_by) == (
        ProposalPartner.State.OFFERED,
        world.other,
        world.outsider,
    )
    notified = set(Notification.objects.values_list("recipient", flat=True))
    assert notified == {world.proposer.pk, world.proposer2.pk}


@pytest.mark.parametrize("state", [S.DRAFT, S.SUBMITTED, S.UNDER_REVIEW, S.REJECTED, S.COMPLETED, S.WITHDRAWN])
def test_offers_only_on_accepted_or_running_proposals(world, make_proposal, state):
    with pytest.raises(ValidationError) as error:
        offer(world, make_proposal(state=state))
    assert error.value.code == "not_open_to_partners"
    assert not ProposalPartner.objects.exists()


def test_offers_are_refused_to_non_administrators_the_two_sides_and_twice(world, make_proposal):
    proposal = make_proposal(state=S.ACCEPTED)
    plain = MembershipFactory(organization=world.other).user
    with pytest.raises(PermissionDenied):
        offer(world, proposal, by=plain)
    with pytest.raises(PermissionDenied):  # an administrator of another organization, forging its name
        offer(world, proposal, by=world.proposer)
    for organization, by in [(world.ngo, world.proposer), (world.authority, world.authority_admin)]:
        with pytest.raises(ValidationError) as error:
            offer(world, proposal, organization=organization, by=by)
        assert error.value.code == "already_part"
    with pytest.raises(ValidationError) as error:
        offer(world, proposal, role="  ")
    assert "role" in error.value.message_dict
    offer(world, proposal)
    with pytest.raises(ValidationError) as error:
        offer(world, proposal)
    assert error.value.code == "duplicate"
    assert ProposalPartner.objects.count() == 1


def test_offers_are_rate_limited(world, make_proposal, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "proposal_partner_offer": {"user": "1/h"}}
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.8")
    request.user = world.outsider
    offer(world, make_proposal(state=S.ACCEPTED), request=request)
    with pytest.raises(ValidationError) as error:
        offer(world, make_proposal(state=S.ACCEPTED), request=request)
    assert error.value.code == "rate_limited"


def test_the_proposer_accepts_or_declines(world, make_proposal, django_capture_on_commit_callbacks):
    proposal = make_proposal(state=S.ACCEPTED)
    first = ProposalPartnerFactory(proposal=proposal, organization=world.other)
    second = ProposalPartnerFactory(proposal=proposal)
    second_admin = MembershipFactory(organization=second.organization, administrator=True).user
    with django_capture_on_commit_callbacks(execute=True):
        accepted = services.partner_accept(partner=first, by=world.proposer)
        declined = services.partner_decline(partner=second, by=world.proposer2, comment="Avem deja voluntari.")
    assert (accepted.state, declined.state) == (ProposalPartner.State.ACCEPTED, ProposalPartner.State.DECLINED)
    assert accepted.decided_by == world.proposer and accepted.decided_at is not None
    assert set(Notification.objects.values_list("recipient", flat=True)) == {world.outsider.pk, second_admin.pk}
    with pytest.raises(ValidationError) as error:
        services.partner_decline(partner=first, by=world.proposer)
    assert error.value.code == "already_decided"


@pytest.mark.parametrize("who", ["ngo_member", "reviewer", "outsider", "moderator"])
def test_only_the_proposer_decides_offers(world, make_proposal, who):
    partner = ProposalPartnerFactory(proposal=make_proposal(state=S.ACCEPTED), organization=world.other)
    with pytest.raises(PermissionDenied):
        services.partner_accept(partner=partner, by=getattr(world, who))
    partner.refresh_from_db()
    assert partner.state == ProposalPartner.State.OFFERED


def test_offers_are_not_decided_once_the_proposal_is_closed(world, make_proposal):
    partner = ProposalPartnerFactory(proposal=make_proposal(state=S.COMPLETED), organization=world.other)
    with pytest.raises(ValidationError):
        services.partner_accept(partner=partner, by=world.proposer)
    partner.refresh_from_db()
    assert partner.state == ProposalPartner.State.OFFERED


# Attachments (the consultations' checks, shared through participation.uploads)


def zipped(name, content):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, content)
    return buffer.getvalue()


DOCX = zipped(
    "[Content_Types].xml",
    b'<Types><Override ContentType="application/vnd.openxmlformats-officedocument'
    b'.wordprocessingml.document.main+xml"/></Types>',
)
ODT = zipped("mimetype", b"application/vnd.oasis.opendocument.text")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("buget.pdf", b"%PDF-1.7\n..."),
        ("buget.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100),
        ("buget.docx", DOCX),
        ("buget.ODT", ODT),
    ],
)
def test_good_attachments_are_kept_privately(world, make_proposal, name, content):
    from django.core.files.storage import storages

    attachment = services.attachment_add(
        proposal=make_proposal(), by=world.proposer, upload=SimpleUploadedFile(name, content)
    )
    assert attachment.file.storage is storages["private"]
    assert attachment.file.name.startswith("proposals/attachments/")
    assert attachment.file.name.endswith(name[name.rfind(".") :].lower())
    assert attachment.title == "buget"
    attachment.file.delete(save=False)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("script.exe", b"MZ...", "Atașați un fișier PDF, DOC, DOCX sau ODT."),
        ("fals.pdf", b"<html><script>alert(1)</script>", "nu este un document PDF"),
        ("fals.docx", ODT, "nu este un document DOCX"),
        ("mare.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), "cel mult 10 MB"),
    ],
)
def test_bad_attachments_are_refused(world, make_proposal, name, content, message):
    with pytest.raises(ValidationError) as error:
        services.attachment_add(proposal=make_proposal(), by=world.proposer, upload=SimpleUploadedFile(name, content))
    assert message in error.value.message_dict["file"][0]
    assert not ProposalAttachment.objects.exists()


def test_attachments_change_only_while_the_proposer_may_edit(world, make_proposal):
    pdf = SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan")
    with pytest.raises(ValidationError):
        services.attachment_add(proposal=make_proposal(state=S.SUBMITTED), by=world.proposer, upload=pdf)
    for who in ("ngo_member", "reviewer", "outsider"):
        with pytest.raises(PermissionDenied):
            services.attachment_add(proposal=make_proposal(), by=getattr(world, who), upload=pdf)
    assert not ProposalAttachment.objects.exists()


def test_at_most_ten_attachments_and_removing_deletes_the_file(
    world, make_proposal, django_capture_on_commit_callbacks
):
    proposal = make_proposal()
    attachments = [
        services.attachment_add(
            proposal=proposal, by=world.proposer, upload=SimpleUploadedFile(f"a{i}.pdf", b"%PDF-1.4"), title=f"A{i}"
        )
        for i in range(10)
    ]
    with pytest.raises(ValidationError) as error:
        services.attachment_add(proposal=proposal, by=world.proposer, upload=SimpleUploadedFile("b.pdf", b"%PDF-"))
    assert error.value.code == "too_many"
    with pytest.raises(PermissionDenied):
        services.attachment_remove(attachment=attachments[0], by=world.outsider)
    storage = attachments[0].file.storage
    names = [attachment.file.name for attachment in attachments]
    assert all(storage.exists(name) for name in names)
    with django_capture_on_commit_callbacks(execute=True):
        for attachment in attachments:
            services.attachment_remove(attachment=attachment, by=world.proposer)
    assert not ProposalAttachment.objects.exists()
    assert not any(storage.exists(name) for name in names)
