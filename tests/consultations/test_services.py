"""The rules of sending a recommendation and of answering it: Romanian messages, nothing half-saved."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from consultations import services
from consultations.models import Response, ResponseAnswer
from members.models import Membership
from participation.models import ModerationState, SubmissionBlock
from tests.factories.consultations import ConsultationPageFactory, ResponseFactory
from tests.factories.members import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(consultation_index):
    return ConsultationPageFactory(parent=consultation_index)


@pytest.fixture
def member():
    return UserFactory(first_name="Mihai", last_name="Ionescu")


def submit(consultation, user, organization=None, **data):
    return services.response_submit(
        consultation=consultation, user=user, organization=organization, data={"text": "O recomandare.", **data}
    )


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


def test_a_member_sends_a_recommendation_that_waits_for_moderation(consultation, member):
    response = submit(consultation, member, section=" art. 2 ", text="  Propunem  ")
    assert (response.text, response.section, response.author) == ("Propunem", "art. 2", member)
    assert response.moderation_state == ModerationState.PENDING


def test_on_behalf_of_an_organization_only_for_its_members(consultation, member):
    mine = MembershipFactory(user=member).organization
    other = MembershipFactory().organization
    assert submit(consultation, member, organization=mine).organization == mine
    with pytest.raises(ValidationError) as error:
        submit(consultation, member, organization=other)
    assert "sunteți membru" in error.value.message_dict["organization"][0]
    requested = MembershipFactory(user=member, requested=True).organization
    with pytest.raises(ValidationError):
        submit(consultation, member, organization=requested)
    assert Response.objects.count() == 1


def test_closed_and_upcoming_consultations_refuse(consultation_index, member):
    now = timezone.now()
    closed = ConsultationPageFactory(
        parent=consultation_index, opens_at=now - timedelta(days=20), closes_at=now - timedelta(seconds=1)
    )
    upcoming = ConsultationPageFactory(parent=consultation_index, opens_at=now + timedelta(hours=1))
    for page in (closed, upcoming):
        with pytest.raises(ValidationError) as error:
            submit(page, member)
        assert "nu primește recomandări" in error.value.messages[0]
    assert not Response.objects.exists()


def test_the_deadline_is_checked_when_the_recommendation_arrives(consultation, member):
    # The page object the form was built from still says "open"; the server's clock decides.
    with pytest.raises(ValidationError):
        services.response_submit(
            consultation=consultation,
            user=member,
            data={"text": "Târziu"},
            now=consultation.closes_at,
        )
    assert not Response.objects.exists()


def test_anonymous_and_blocked_members_cannot_send(consultation, member):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        submit(consultation, AnonymousUser())
    SubmissionBlock.objects.create(user=member, reason="Mesaje repetate")
    with pytest.raises(ValidationError) as error:
        submit(consultation, member)
    assert "Mesaje repetate" in error.value.messages[0]
    assert not Response.objects.exists()


def test_empty_text_is_refused(consultation, member):
    with pytest.raises(ValidationError) as error:
        submit(consultation, member, text="   ")
    assert error.value.message_dict["text"] == ["Scrieți recomandarea dumneavoastră."]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("recomandare.pdf", b"%PDF-1.7\n..."),
        ("recomandare.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100),
        ("recomandare.docx", DOCX),
        ("recomandare.ODT", ODT),
    ],
)
def test_good_attachments_are_kept(consultation, member, name, content):
    response = submit(consultation, member, attachment=SimpleUploadedFile(name, content))
    assert response.attachment.name.startswith("consultations/responses/")
    assert response.attachment.name.endswith(name[name.rfind(".") :].lower())
    response.attachment.delete(save=False)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("script.exe", b"MZ...", "Atașați un fișier PDF, DOC, DOCX sau ODT."),
        ("fals.pdf", b"<html><script>alert(1)</script>", "nu este un document PDF"),
        ("fals.doc", b"%PDF-1.4", "nu este un document DOC"),
        ("fals.docx", ODT, "nu este un document DOCX"),
        ("fals.odt", DOCX, "nu este un document ODT"),
        ("fals.docx", b"PK\x03\x04 not really a zip", "nu este un document DOCX"),
    ],
)
def test_bad_attachments_are_refused(consultation, member, name, content, message):
    with pytest.raises(ValidationError) as error:
        submit(consultation, member, attachment=SimpleUploadedFile(name, content))
    assert message in error.value.message_dict["attachment"][0]
    assert not Response.objects.exists()


def test_attachments_over_10_mb_are_refused(consultation, member):
    big = SimpleUploadedFile("mare.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024))
    with pytest.raises(ValidationError) as error:
        submit(consultation, member, attachment=big)
    assert error.value.message_dict["attachment"] == ["Fișierul atașat poate avea cel mult 10 MB."]


# Answers


@pytest.fixture
def reviewer(consultation):
    return MembershipFactory(organization=consultation.authority, role=Membership.Role.REVIEWER).user


def test_the_authoritys_reviewer_answers(consultation, reviewer):
    response = ResponseFactory(consultation=consultation)
    answer = services.answer_record(
        response=response, by=reviewer, verdict="partly", justification="Parțial, din buget."
    )
    assert (answer.verdict, answer.answered_by) == ("partly", reviewer)
    again = services.answer_record(response=response, by=reviewer, verdict="accepted")
    assert again.pk == answer.pk and ResponseAnswer.objects.count() == 1


def test_justification_is_required_unless_accepted(consultation, reviewer):
    response = ResponseFactory(consultation=consultation)
    for verdict in ("partly", "not_accepted"):
        with pytest.raises(ValidationError) as error:
            services.answer_record(response=response, by=reviewer, verdict=verdict, justification=" ")
        assert error.value.message_dict["justification"] == [
            "Explicați de ce recomandarea nu a fost acceptată în întregime."
        ]
    assert not ResponseAnswer.objects.exists()


def test_only_reviewers_and_editors_answer(consultation):
    response = ResponseFactory(consultation=consultation)
    plain_member = MembershipFactory(organization=consultation.authority).user
    other_admin = MembershipFactory(administrator=True).user
    for user in (plain_member, other_admin, response.author):
        with pytest.raises(PermissionDenied):
            services.answer_record(response=response, by=user, verdict="accepted")
    from django.contrib.auth.models import Permission

    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="add_responseanswer"))
    services.answer_record(response=response, by=editor, verdict="accepted")


def test_pending_recommendations_cannot_be_answered(consultation, reviewer):
    response = ResponseFactory(consultation=consultation, moderation_state=ModerationState.PENDING)
    with pytest.raises(ValidationError):
        services.answer_record(response=response, by=reviewer, verdict="accepted")


def test_attachments_are_kept_outside_the_public_media(settings):
    from django.core.files.storage import storages

    from consultations.models import Response

    storage = Response._meta.get_field("attachment").storage
    assert storage is storages["private"]
    assert not str(storage.location).startswith(str(settings.MEDIA_ROOT))
