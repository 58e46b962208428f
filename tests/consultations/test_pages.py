"""The index and consultation pages: filters, moderation visibility, the form, answers, "Contul meu"."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import resolve, reverse
from django.utils import timezone

from consultations.models import Outcome, Response
from members.models import Membership
from participation.models import ModerationState
from participation.moderation import submission_moderate
from tests.factories.consultations import AuthorityFactory, ConsultationPageFactory, ResponseFactory
from tests.factories.directory import sector
from tests.factories.members import MembershipFactory, UserFactory
from tests.factories.website import TopicFactory
from website.calendar import page_calendar

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(consultation_index):
    return ConsultationPageFactory(parent=consultation_index, title="Regulamentul pieței Obor")


def test_index_lists_and_filters(client, consultation_index):
    now = timezone.now()
    topic = TopicFactory(name="Mediu", slug="mediu")
    authority = AuthorityFactory(name="Primăria Sectorului 2", slug="primaria-sectorului-2")
    open_one = ConsultationPageFactory(
        parent=consultation_index, title="Deschisă", authority=authority, topics=[topic]
    )
    ConsultationPageFactory(
        parent=consultation_index,
        title="Închisă",
        opens_at=now - timedelta(days=30),
        closes_at=now - timedelta(days=1),
    )
    page = client.get(consultation_index.url)
    assert page.status_code == 200
    assert "Deschisă" in page.text and "Închisă" in page.text
    assert "Se închide în" in page.text
    for query in ("?stare=open", "?autoritate=primaria-sectorului-2", "?tema=mediu"):
        filtered = client.get(consultation_index.url + query).text
        assert open_one.title in filtered and "Închisă" not in filtered, query
    assert client.get(consultation_index.url + "?stare=nimic&tema=<script>").status_code == 200


def test_pending_and_rejected_recommendations_are_never_shown(client, consultation):
    ResponseFactory(consultation=consultation, text="Aprobată și publică")
    ResponseFactory(consultation=consultation, text="În așteptare", moderation_state=ModerationState.PENDING)
    ResponseFactory(consultation=consultation, text="Respinsă", moderation_state=ModerationState.REJECTED)
    text = client.get(consultation.url).text
    assert "Aprobată și publică" in text
    assert "În așteptare" not in text and "Respinsă" not in text


def test_public_name_is_the_organization_or_the_name_never_the_email(client, consultation):
    person = UserFactory(first_name="Elena", last_name="Marin", email="elena.secret@example.org")
    organization = MembershipFactory(user=person).organization
    ResponseFactory(consultation=consultation, author=person, text="Prima")
    ResponseFactory(consultation=consultation, author=person, organization=organization, text="A doua")
    text = client.get(consultation.url).text
    assert "Elena Marin" in text and organization.name in text
    assert "elena.secret@example.org" not in text


def test_a_member_sends_a_recommendation_and_a_moderator_approves_it(client, consultation):
    member = UserFactory()
    client.force_login(member)
    page = client.get(consultation.url)
    assert "Trimiteți o recomandare" in page.text
    url = consultation.url + "recomandare/"
    answer = client.post(url, {"text": "<script>alert(1)</script> Mai multe locuri de parcare."})
    assert answer.status_code == 302
    response = Response.objects.get()
    assert response.moderation_state == ModerationState.PENDING
    assert "alert(1)" not in client.get(consultation.url).text
    from tests.participation.conftest import make_moderator

    submission_moderate(submission=response, action="approve", by=make_moderator())
    text = client.get(consultation.url).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Mai multe locuri de parcare." in text
    assert "<script>alert(1)" not in text


def test_errors_keep_the_text_and_save_nothing(client, consultation):
    client.force_login(UserFactory())
    bad = SimpleUploadedFile("anexa.pdf", b"nu este pdf")
    page = client.post(consultation.url + "recomandare/", {"text": "Textul meu rămâne", "attachment": bad})
    assert page.status_code == 400
    assert "Textul meu rămâne" in page.text
    assert "nu este un document PDF" in page.text
    empty = client.post(consultation.url + "recomandare/", {"text": "  "})
    assert "Scrieți recomandarea dumneavoastră." in empty.text
    other = AuthorityFactory()
    wrong = client.post(consultation.url + "recomandare/", {"text": "Pentru alții", "organization": other.pk})
    assert wrong.status_code == 400 and "Pentru alții" in wrong.text
    assert not Response.objects.exists()


def test_after_the_deadline_the_form_is_gone_and_posts_are_refused(client, consultation_index):
    now = timezone.now()
    closed = ConsultationPageFactory(
        parent=consultation_index, opens_at=now - timedelta(days=20), closes_at=now - timedelta(minutes=1)
    )
    client.force_login(UserFactory())
    assert "Trimiteți recomandarea" not in client.get(closed.url).text
    page = client.post(closed.url + "recomandare/", {"text": "Prea târziu"})
    assert page.status_code == 400 and "nu primește recomandări" in page.text
    assert "Prea târziu" in page.text
    assert not Response.objects.exists()


def test_anonymous_visitors_are_asked_to_log_in(client, consultation):
    assert "Autentificați-vă pentru a trimite o recomandare" in client.get(consultation.url).text
    post = client.post(consultation.url + "recomandare/", {"text": "Anonim"})
    assert post.status_code == 302 and "/cont/" in post["Location"]
    assert not Response.objects.exists()


def test_the_reviewer_answers_and_the_summary_counts(client, consultation_index):
    now = timezone.now()
    consultation = ConsultationPageFactory(
        parent=consultation_index, opens_at=now - timedelta(days=30), closes_at=now - timedelta(days=3)
    )
    first, second, third = (ResponseFactory(consultation=consultation) for _ in range(3))
    reviewer = MembershipFactory(organization=consultation.authority, role=Membership.Role.REVIEWER).user
    client.force_login(reviewer)
    text = client.get(consultation.url).text
    assert "3 recomandări: 0 acceptate, 0 parțial, 0 neacceptate" in text
    assert "consultarea s-a închis acum 3 zile" in text
    url = consultation.url + f"raspuns/{first.pk}/"
    client.post(url, {f"raspuns-{first.pk}-verdict": "accepted"})
    client.post(consultation.url + f"raspuns/{second.pk}/", {f"raspuns-{second.pk}-verdict": "not_accepted"})
    client.post(
        consultation.url + f"raspuns/{third.pk}/",
        {f"raspuns-{third.pk}-verdict": "partly", f"raspuns-{third.pk}-justification": "Doar art. 2."},
    )
    text = client.get(consultation.url).text
    assert "3 recomandări: 1 acceptate, 1 parțial, 0 neacceptate" in text
    assert "Doar art. 2." in text
    assert "nu a răspuns încă la 1 dintre" in text

    client.force_login(UserFactory())
    forbidden = client.post(
        url, {f"raspuns-{first.pk}-verdict": "not_accepted", f"raspuns-{first.pk}-justification": "x"}
    )
    assert forbidden.status_code == 403


def test_my_recommendations_in_contul_meu(client, consultation):
    member = UserFactory()
    ResponseFactory(consultation=consultation, author=member, text="A mea", moderation_state=ModerationState.PENDING)
    ResponseFactory(consultation=consultation, text="A altcuiva")
    client.force_login(member)
    assert reverse("consultations:my_responses") in client.get(reverse("members:dashboard")).text
    text = client.get(reverse("consultations:my_responses")).text
    assert "A mea" in text and "A altcuiva" not in text
    assert "Regulamentul pieței Obor" in text


def test_attachment_of_a_pending_recommendation_is_private(client, consultation):
    response = ResponseFactory(
        consultation=consultation,
        moderation_state=ModerationState.PENDING,
        attachment=SimpleUploadedFile("a.pdf", b"%PDF-1.4 test"),
    )
    url = reverse("consultations:attachment", args=[response.pk])
    assert client.get(url).status_code == 404
    client.force_login(response.author)
    assert client.get(url).status_code == 200
    response.attachment.delete(save=False)


def test_home_page_and_authority_profile(client, home_page, consultation):
    assert "Regulamentul pieța Obor" not in client.get(home_page.url).text
    assert "Consultări publice deschise" in client.get(home_page.url).text
    profile = client.get(consultation.authority.get_absolute_url()).text
    assert "Consultări publice inițiate" in profile and "Regulamentul pieței Obor" in profile


def test_recommendations_appear_in_the_moderation_queue_and_decision_page(client, consultation):
    from tests.participation.conftest import make_moderator

    response = ResponseFactory(consultation=consultation, text="De moderat", moderation_state=ModerationState.PENDING)
    client.force_login(make_moderator())
    assert "De moderat" in client.get(reverse("participation_moderation:queue")).text
    decide = reverse("participation_moderation:decide", args=["recomandari", response.pk])
    assert client.get(decide).status_code == 200


def test_index_filters_count_each_option_keep_the_order_and_report_what_they_ignore(client, consultation_index):
    now = timezone.now()
    authority = AuthorityFactory(name="Primăria Sectorului 3", slug="ps3")
    later = ConsultationPageFactory(
        parent=consultation_index,
        title="Deschisă, se închide peste o lună",
        authority=authority,
        closes_at=now + timedelta(days=30),
        sectors=[sector("sector-3")],
    )
    sooner = ConsultationPageFactory(
        parent=consultation_index,
        title="Deschisă, se închide poimâine",
        opens_at=now - timedelta(days=10),
        closes_at=now + timedelta(days=2),
    )
    upcoming = ConsultationPageFactory(
        parent=consultation_index,
        title="Urmează",
        authority=authority,
        opens_at=now + timedelta(days=2),
        closes_at=now + timedelta(days=20),
    )
    closed = ConsultationPageFactory(
        parent=consultation_index,
        title="Închisă ieri",
        opens_at=now - timedelta(days=30),
        closes_at=now - timedelta(days=1),
    )
    decided = ConsultationPageFactory(
        parent=consultation_index,
        title="Închisă de mult, cu rezultat",
        opens_at=now - timedelta(days=90),
        closes_at=now - timedelta(days=60),
        outcome=Outcome.NOT_ADOPTED,
    )

    def titles(query=None):
        response = client.get(consultation_index.url, query or {})
        assert response.status_code == 200
        return [item.title for item in response.context["consultations"]]

    # Open ones closing soonest first, then upcoming ones, then the latest closed.
    assert titles() == [page.title for page in (sooner, later, upcoming, closed, decided)]
    html = client.get(consultation_index.url).text
    for option in (
        "Deschise pentru recomandări (2)",
        "Urmează (1)",
        "Închise, în așteptarea rezultatului (1)",
        "Cu rezultatul publicat (1)",
        "Primăria Sectorului 3 (2)",
        "Sector 3 (1)",
    ):
        assert option in html, option
    assert titles({"sector": "sector-3"}) == [later.title]
    assert titles({"autoritate": "ps3"}) == [later.title, upcoming.title]
    assert titles({"stare": "closed"}) == [closed.title]
    assert titles({"stare": "outcome_published"}) == [decided.title]
    # Each filter's options are counted under the other filters.
    narrowed = client.get(consultation_index.url, {"autoritate": "ps3"}).text
    assert "Deschise pentru recomandări (1)" in narrowed and "Urmează (1)" in narrowed
    assert "Închise, în așteptarea rezultatului (0)" in narrowed
    assert "Filtre (1 activ)" in narrowed

    # Values not understood are dropped, named in a notice, and the listing stays whole.
    response = client.get(consultation_index.url, {"stare": "deschis", "sector": "sector-99", "tema": "mediu"})
    assert [item.title for item in response.context["consultations"]] == titles()
    assert [str(label) for label, _value, _reason in response.context["ignored_filters"]] == [
        "Stare",
        "Temă",
        "Sector",
    ]
    assert "Filtrul „Sector” a fost ignorat" in response.text.replace("“", "„")
    assert "No consultation" not in response.text


def test_no_match_says_so_and_clears_the_filters(client, consultation_index):
    ConsultationPageFactory(parent=consultation_index)
    page = client.get(consultation_index.url, {"stare": "upcoming"}).text
    assert "Nicio consultare nu corespunde acestor filtre." in page
    assert f'href="{consultation_index.url}"' in page


def test_index_links_its_calendar_through_the_site_wide_address(client, consultation_index):
    assert consultation_index.calendar_url() == "/consultari/calendar.ics"
    assert resolve("/consultari/calendar.ics").func is page_calendar
    assert reverse("page_calendar", kwargs={"path": "consultari/"}) == "/consultari/calendar.ics"
    assert client.get("/consultari/calendar.ics")["Content-Type"] == "text/calendar; charset=utf-8"
    # Pages without a `calendar.ics/` route have no calendar.
    assert client.get("/calendar.ics").status_code == 404
    assert client.get("/consultari/nu-exista/calendar.ics").status_code == 404


def test_members_report_an_approved_recommendation_through_the_report_view(client, consultation):
    from participation.models import Report

    approved = ResponseFactory(consultation=consultation, text="O recomandare cu date personale")
    pending = ResponseFactory(consultation=consultation, moderation_state=ModerationState.PENDING)
    url = reverse("participation:report", args=["consultations.response", approved.pk])
    assert url not in client.get(consultation.url).text  # anonymous readers see no link

    member = UserFactory()
    client.force_login(member)
    page = client.get(consultation.url).text
    card = page[page.index(f'id="recomandare-{approved.pk}"') :]
    link = f'<a class="report-link" href="{url}">Raportează<span class="visually-hidden">: {approved}</span></a>'
    assert link in card[: card.index("</li>")]  # screen readers hear which recommendation it reports
    assert page.count('class="report-link"') == 1  # the pending one is neither shown nor reportable

    assert client.get(url).status_code == 200
    sent = client.post(url, {"reason": "Conține numărul de telefon al unei persoane."})
    assert sent.status_code == 302 and sent["Location"] == approved.get_absolute_url()
    report = Report.objects.get()
    assert (report.reporter, report.object_id, report.target) == (member, str(approved.pk), approved)
    assert "Conține numărul de telefon" in report.reason
    pending_url = reverse("participation:report", args=["consultations.response", pending.pk])
    assert client.post(pending_url, {"reason": "x"}).status_code == 404
    assert Report.objects.count() == 1
