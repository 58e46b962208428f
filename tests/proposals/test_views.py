"""The members' side of proposals ("Contul meu" → propuneri): lists, drafts, edits, transitions, results, private
messages, attachments and partner decisions, through the Django test client. Forged POSTs answer 403, refused
actions show a Romanian message and change nothing, a form with an error keeps what was typed."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from participation.models import TransitionLog
from proposals.models import Proposal, ProposalAttachment, ProposalComment, ProposalPartner, ProposalState
from tests.factories.directory import OrganizationFactory, sector
from tests.factories.proposals import ProposalFactory, ProposalPartnerFactory
from tests.factories.website import TopicFactory

pytestmark = pytest.mark.django_db
S = ProposalState
LIST = "/contul-meu/propuneri/"
NEW = "/contul-meu/propuneri/noua/"

DRAFT_DATA = {
    "title": "Bibliotecă de cartier în Ferentari",
    "summary": "O bibliotecă deschisă seara, cu voluntari.",
    "problem": "Copiii nu au unde învăța după școală.",
    "activities": "Amenajare, program de lectură, meditații.",
    "target_group": "Copiii din Ferentari.",
    "beneficiaries_count": "120",
    "budget_ron": "150.000",
    "cofinancing_ron": "15.000,50",
    "duration_months": "18",
}


def member_url(proposal, suffix=""):
    return f"/contul-meu/propuneri/{proposal.pk}/{suffix}"


def text(response):
    return response.content.decode()


def snapshot(proposal):
    proposal.refresh_from_db()
    return (proposal.state, proposal.title, proposal.results_summary, proposal.submitted_at, proposal.updated_at)


def logs_of(proposal):
    return list(TransitionLog.objects.for_object(proposal).values_list("action", "to_state", "comment"))


def limit(action, rates):
    return override_settings(RATE_LIMITS={**settings.RATE_LIMITS, action: rates})


# The list


def test_the_list_needs_a_login(client):
    response = client.get(LIST)
    assert response.status_code == 302 and "/cont/autentificare/" in response["Location"]


def test_the_proposer_lists_the_proposals_of_their_organizations_by_state(client, world, make_proposal):
    draft = make_proposal(title="Ciorna noastră")
    accepted = make_proposal(state=S.ACCEPTED, title="Propunerea acceptată")
    ProposalPartnerFactory(proposal=accepted, organization=world.other)
    elsewhere = ProposalFactory(title="Propunerea altcuiva")
    client.force_login(world.proposer)
    page = text(client.get(LIST))
    assert "Ciorna noastră" in page and "Propunerea acceptată" in page
    assert "Propunerea altcuiva" not in page
    assert f'href="{member_url(draft)}"' in page
    assert 'Ciornă <span class="facet-count">(1)</span>' in page
    assert "o ofertă de parteneriat așteaptă răspunsul" in page
    assert 'href="/contul-meu/propuneri/noua/"' in page

    only_drafts = text(client.get(LIST, {"stare": "draft"}))
    assert "Ciorna noastră" in only_drafts and "Propunerea acceptată" not in only_drafts
    # An unknown state is ignored, not an error.
    assert "Propunerea acceptată" in text(client.get(LIST, {"stare": "<script>"}))
    assert elsewhere.title not in text(client.get(LIST, {"vedere": "primite"}))


def test_a_plain_member_sees_the_proposals_but_cannot_start_one(client, world, make_proposal):
    make_proposal(title="Ciorna noastră")
    client.force_login(world.ngo_member)
    page = text(client.get(LIST))
    assert "Ciorna noastră" in page
    assert 'href="/contul-meu/propuneri/noua/"' not in page
    assert "Doar administratorii unei organizații pot începe propuneri" in page


def test_the_reviewer_sees_what_was_submitted_to_the_institution_and_how_long_it_waits(client, world, make_proposal):
    make_proposal(title="Încă o ciornă")
    waiting = make_proposal(state=S.SUBMITTED, title="Propunere în așteptare")
    make_proposal(state=S.UNDER_REVIEW, title="Propunere în analiză")
    client.force_login(world.reviewer)
    page = text(client.get(LIST))  # the authority has no proposals of its own: the received ones come first
    assert "Propuneri primite de instituția mea" in page
    assert "Propunere în așteptare" in page and "Propunere în analiză" in page
    assert "Încă o ciornă" not in page
    assert f"așteaptă de {waiting.days_waiting} zile" in page
    assert "1 așteaptă analiza" in page
    assert f'href="{member_url(waiting)}"' in page


# Creating a draft


def test_an_administrator_creates_a_draft(client, world):
    topic = TopicFactory(name="Educație", slug="educatie")
    client.force_login(world.proposer)
    form = text(client.get(NEW))
    assert "Asociația Grădina Vecinilor" in form and "Primăria Sectorului 3" in form
    assert "Fundația Lumina" not in form  # not an organization the member administers, nor an authority
    data = {
        **DRAFT_DATA,
        "proposing_organization": world.ngo.pk,
        "addressed_authority": world.authority.pk,
        "topics": [topic.pk],
        "sectors": [sector("sector-5").pk],
    }
    response = client.post(NEW, data)
    proposal = Proposal.objects.get()
    assert response.status_code == 302 and response["Location"] == member_url(proposal)
    assert (proposal.state, proposal.proposing_organization, proposal.addressed_authority, proposal.created_by) == (
        S.DRAFT,
        world.ngo,
        world.authority,
        world.proposer,
    )
    # Amounts as Romanians type them: dots for thousands, a comma for decimals.
    assert (proposal.budget_ron, proposal.cofinancing_ron) == (Decimal("150000"), Decimal("15000.50"))
    assert list(proposal.topics.all()) == [topic] and [s.slug for s in proposal.sectors.all()] == ["sector-5"]
    assert "Ciorna a fost salvată" in text(client.get(response["Location"]))


def test_an_invalid_draft_shows_romanian_messages_and_keeps_what_was_typed(client, world):
    client.force_login(world.proposer)
    data = {
        **DRAFT_DATA,
        "proposing_organization": world.ngo.pk,
        "addressed_authority": world.authority.pk,
        "budget_ron": "1000",
        "cofinancing_ron": "2000",
        "duration_months": "500",
    }
    response = client.post(NEW, data)
    page = text(response)
    assert response.status_code == 200
    assert "Cofinanțarea nu poate depăși bugetul." in page
    assert "Durata trebuie să fie între 1 și 120 de luni." in page
    assert 'value="Bibliotecă de cartier în Ferentari"' in page
    assert "Copiii nu au unde învăța după școală." in page
    assert 'value="2000"' in page and 'value="500"' in page
    assert not Proposal.objects.exists()


def test_a_draft_needs_a_title_and_a_published_authority(client, world):
    client.force_login(world.proposer)
    response = client.post(NEW, {"proposing_organization": world.ngo.pk, "addressed_authority": world.other.pk})
    page = text(response)
    assert response.status_code == 200
    assert "Dați un titlu propunerii." in page
    assert "Selectați o opțiune validă" in page  # an NGO is not among the authorities
    assert not Proposal.objects.exists()


def test_only_an_administrator_creates_a_proposal(client, world):
    client.force_login(world.ngo_member)
    page = text(client.get(NEW))
    assert "Doar administratorii unei organizații pot începe propuneri în numele ei." in page
    assert 'name="title"' not in page
    data = {**DRAFT_DATA, "proposing_organization": world.ngo.pk, "addressed_authority": world.authority.pk}
    assert client.post(NEW, data).status_code == 403
    assert not Proposal.objects.exists()


def test_a_forged_organization_is_refused_with_403(client, world):
    client.force_login(world.proposer)
    data = {**DRAFT_DATA, "proposing_organization": world.other.pk, "addressed_authority": world.authority.pk}
    assert client.post(NEW, data).status_code == 403
    assert not Proposal.objects.exists()


def test_too_many_drafts_in_a_short_time_answer_429_and_keep_the_form(client, world):
    client.force_login(world.proposer)
    data = {**DRAFT_DATA, "proposing_organization": world.ngo.pk, "addressed_authority": world.authority.pk}
    with limit("proposal_create", {"user": "1/h"}):
        assert client.post(NEW, data).status_code == 302
        response = client.post(NEW, {**data, "title": "A doua propunere"})
    assert response.status_code == 429
    assert "Ați trimis acest formular de prea multe ori" in text(response)
    assert 'value="A doua propunere"' in text(response)
    assert Proposal.objects.count() == 1


# Editing


def test_the_proposer_edits_a_draft_and_may_change_its_authority(client, world, make_proposal):
    proposal = make_proposal(title="Titlu vechi")
    second = OrganizationFactory(name="Direcția Generală de Asistență Socială", kind="institutie-publica")
    client.force_login(world.proposer)
    form = text(client.get(member_url(proposal, "modifica/")))
    assert 'value="Titlu vechi"' in form and 'value="150000"' in form and "Direcția Generală" in form
    data = {**DRAFT_DATA, "title": "Titlu nou", "addressed_authority": second.pk}
    response = client.post(member_url(proposal, "modifica/"), data)
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.title, proposal.addressed_authority, proposal.duration_months) == ("Titlu nou", second, 18)


def test_changes_requested_the_content_changes_but_not_the_authority(client, world, make_proposal):
    proposal = make_proposal(state=S.CHANGES_REQUESTED)
    client.force_login(world.proposer)
    form = text(client.get(member_url(proposal, "modifica/")))
    assert 'name="addressed_authority"' not in form
    assert "Autoritatea a solicitat modificări" in form
    response = client.post(member_url(proposal, "modifica/"), {**DRAFT_DATA, "addressed_authority": world.other.pk})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.title == DRAFT_DATA["title"] and proposal.addressed_authority == world.authority


def test_an_invalid_edit_keeps_the_typed_values_and_the_saved_title(client, world, make_proposal):
    proposal = make_proposal(title="Titlu salvat")
    client.force_login(world.proposer)
    data = {**DRAFT_DATA, "title": "Titlu tastat", "addressed_authority": world.authority.pk, "budget_ron": "-5"}
    response = client.post(member_url(proposal, "modifica/"), data)
    page = text(response)
    assert response.status_code == 200
    assert "Bugetul trebuie să fie mai mare decât zero." in page
    assert 'value="Titlu tastat"' in page and 'value="-5"' in page
    assert '<li><a href="/contul-meu/propuneri/' in page and ">Titlu salvat</a>" in page  # the breadcrumb
    proposal.refresh_from_db()
    assert proposal.title == "Titlu salvat"


def test_a_submitted_proposal_cannot_be_edited(client, world, make_proposal):
    proposal = make_proposal(state=S.SUBMITTED)
    before = snapshot(proposal)
    client.force_login(world.proposer)
    response = client.post(member_url(proposal, "modifica/"), {**DRAFT_DATA, "title": "Altceva"}, follow=True)
    assert "Această propunere nu poate fi modificată acum: este în starea „trimisă”." in text(response)
    assert snapshot(proposal) == before


@pytest.mark.parametrize("who", ["outsider", "ngo_member", "reviewer", "anonymous_login"])
def test_editing_another_organizations_proposal_is_forbidden(client, world, make_proposal, who):
    proposal = make_proposal()
    before = snapshot(proposal)
    if who != "anonymous_login":
        client.force_login(getattr(world, who))
        assert client.get(member_url(proposal, "modifica/")).status_code == 403
        assert client.post(member_url(proposal, "modifica/"), {**DRAFT_DATA}).status_code == 403
    else:
        assert client.post(member_url(proposal, "modifica/"), {**DRAFT_DATA}).status_code == 302  # to the login
    assert snapshot(proposal) == before


# The member page of a proposal


def test_the_member_page_shows_the_private_side_to_the_two_sides_only(client, world, make_proposal):
    proposal = make_proposal(state=S.UNDER_REVIEW)
    TransitionLog.objects.create(
        target=proposal, action="start_review", from_state="submitted", to_state="under_review", actor=world.reviewer
    )
    ProposalComment.objects.create(proposal=proposal, author=world.reviewer, text="Un mesaj privat al primăriei.")
    for who in ("proposer", "ngo_member", "reviewer", "authority_member", "editor"):
        client.force_login(getattr(world, who))
        page = text(client.get(member_url(proposal)))
        assert "Un mesaj privat al primăriei." in page, who
        assert "Preia în analiză" in page, who  # the timeline's action
    client.force_login(world.outsider)
    assert client.get(member_url(proposal)).status_code == 404


def test_a_draft_is_its_organizations_alone(client, world, make_proposal):
    proposal = make_proposal()
    for who in ("reviewer", "authority_admin", "outsider", "editor", "moderator"):
        client.force_login(getattr(world, who))
        assert client.get(member_url(proposal)).status_code == 404, who


def test_a_public_proposal_sends_an_outsider_to_its_public_page(client, world, make_proposal):
    proposal = make_proposal(state=S.ACCEPTED)
    client.force_login(world.outsider)
    response = client.get(member_url(proposal))
    assert response.status_code == 302 and response["Location"] == f"/propuneri/{proposal.pk}/"


def test_each_side_sees_its_own_buttons(client, world, make_proposal):
    draft = make_proposal()
    client.force_login(world.proposer)
    page = text(client.get(member_url(draft)))
    assert 'value="submit"' in page and 'value="withdraw"' in page and 'value="accept"' not in page
    assert "Modificați propunerea" in page

    under_review = make_proposal(state=S.UNDER_REVIEW)
    client.force_login(world.reviewer)
    page = text(client.get(member_url(under_review)))
    for action in ("request_changes", "accept", "reject"):
        assert f'value="{action}"' in page
    assert 'value="submit"' not in page and "Modificați propunerea" not in page
    assert 'id="comment-request_changes"' in page and 'id="comment-reject"' in page

    client.force_login(world.authority_member)  # a plain member of the authority reads, but does not decide
    page = text(client.get(member_url(under_review)))
    assert 'name="action"' not in page and "Ce puteți face acum" not in page


def test_a_draft_says_what_it_lacks_before_submission(client, world):
    proposal = ProposalFactory(
        proposing_organization=world.ngo, addressed_authority=world.authority, budget_ron=None, cofinancing_ron=None
    )
    client.force_login(world.proposer)
    page = text(client.get(member_url(proposal)))
    assert "Completați „buget estimat (lei)” înainte de a trimite propunerea." in page


# Transitions


def test_the_proposer_submits_and_the_reviewer_moves_it_on(client, world, make_proposal):
    proposal = make_proposal()
    client.force_login(world.proposer)
    response = client.post(member_url(proposal, "actiune/"), {"action": "submit"})
    assert response.status_code == 302 and response["Location"] == member_url(proposal)
    assert "Gata: „" in text(client.get(response["Location"]))
    proposal.refresh_from_db()
    assert proposal.state == S.SUBMITTED and proposal.submitted_at is not None

    client.force_login(world.reviewer)
    client.post(member_url(proposal, "actiune/"), {"action": "start_review"})
    client.post(member_url(proposal, "actiune/"), {"action": "request_changes", "comment": "Detaliați bugetul."})
    proposal.refresh_from_db()
    assert proposal.state == S.CHANGES_REQUESTED
    assert logs_of(proposal) == [
        ("submit", "submitted", ""),
        ("start_review", "under_review", ""),
        ("request_changes", "changes_requested", "Detaliați bugetul."),
    ]
    client.force_login(world.proposer)
    assert "Detaliați bugetul." in text(client.get(member_url(proposal)))


def test_a_refused_transition_shows_a_romanian_message_and_changes_nothing(client, world, make_proposal):
    proposal = make_proposal(state=S.UNDER_REVIEW)
    before = snapshot(proposal)
    client.force_login(world.reviewer)
    response = client.post(member_url(proposal, "actiune/"), {"action": "reject", "comment": "   "})
    assert response.status_code == 200
    assert "Vă rugăm să vă explicați decizia într-un comentariu." in text(response)
    # Not possible in this state (e.g. someone else acted first): the generic refusal.
    response = client.post(member_url(proposal, "actiune/"), {"action": "start_review"})
    assert "Această acțiune nu este posibilă acum" in text(response)
    response = client.post(member_url(proposal, "actiune/"), {"action": "teleport"}, follow=True)
    assert "Alegeți una dintre acțiunile din pagină." in text(response)
    assert snapshot(proposal) == before and logs_of(proposal) == []


def test_a_refused_comment_keeps_what_was_typed(client, world, make_proposal):
    proposal = make_proposal(state=S.SUBMITTED)
    client.force_login(world.reviewer)
    # Someone took it into review already? Here: the action needs the "under review" state.
    response = client.post(member_url(proposal, "actiune/"), {"action": "reject", "comment": "Motivul meu scris."})
    assert "Această acțiune nu este posibilă acum" in text(response)
    assert "Motivul meu scris." in text(response)
    assert snapshot(proposal)[0] == S.SUBMITTED


def test_an_incomplete_draft_is_not_submitted(client, world):
    proposal = ProposalFactory(proposing_organization=world.ngo, addressed_authority=world.authority, problem="")
    client.force_login(world.proposer)
    response = client.post(member_url(proposal, "actiune/"), {"action": "submit"})
    assert "Completați „problema pe care o abordează” înainte de a trimite propunerea." in text(response)
    proposal.refresh_from_db()
    assert proposal.state == S.DRAFT and logs_of(proposal) == []


@pytest.mark.parametrize(
    ("state", "action", "who"),
    [
        (S.DRAFT, "submit", "outsider"),
        (S.DRAFT, "withdraw", "ngo_member"),
        (S.SUBMITTED, "start_review", "outsider"),
        (S.UNDER_REVIEW, "accept", "proposer"),
        (S.UNDER_REVIEW, "accept", "authority_member"),
        (S.UNDER_REVIEW, "reject", "outsider"),
        (S.IN_PROGRESS, "complete", "proposer"),
        (S.ACCEPTED, "withdraw", "outsider"),  # an action the state does not even have
    ],
)
def test_forged_transitions_answer_403_and_change_nothing(client, world, make_proposal, state, action, who):
    proposal = make_proposal(state=state)
    before = snapshot(proposal)
    client.force_login(getattr(world, who))
    data = {"action": action, "comment": "x", "results_summary": "x"}
    response = client.post(member_url(proposal, "actiune/"), data)
    assert response.status_code == 403
    assert snapshot(proposal) == before and logs_of(proposal) == []


def test_completing_needs_the_results_which_are_kept_when_refused(client, world, make_proposal):
    proposal = make_proposal(state=S.IN_PROGRESS)
    client.force_login(world.reviewer)
    page = text(client.get(member_url(proposal)))
    assert 'formaction="/contul-meu/propuneri/' in page and 'value="complete"' in page
    response = client.post(member_url(proposal, "actiune/"), {"action": "complete", "results_summary": ""})
    assert "Descrieți rezultatele proiectului înainte de a-l marca drept finalizat." in text(response)
    assert snapshot(proposal)[0] == S.IN_PROGRESS

    response = client.post(
        member_url(proposal, "actiune/"), {"action": "complete", "results_summary": "Trei grădini, 400 de oameni."}
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.state, proposal.results_summary) == (S.COMPLETED, "Trei grădini, 400 de oameni.")


def test_the_proposer_reports_results_while_the_project_runs(client, world, make_proposal):
    proposal = make_proposal(state=S.IN_PROGRESS)
    client.force_login(world.proposer)
    page = text(client.get(member_url(proposal)))
    assert "Salvați rezultatele" in page and 'value="complete"' not in page
    response = client.post(member_url(proposal, "rezultate/"), {"results_summary": "Primele două grădini."})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.state, proposal.results_summary) == (S.IN_PROGRESS, "Primele două grădini.")

    response = client.post(member_url(proposal, "rezultate/"), {"results_summary": "  "})
    assert "Descrieți rezultatele proiectului." in text(response)
    client.force_login(world.outsider)
    assert client.post(member_url(proposal, "rezultate/"), {"results_summary": "Fals"}).status_code == 403
    proposal.refresh_from_db()
    assert proposal.results_summary == "Primele două grădini."


def test_results_outside_a_running_project_are_refused(client, world, make_proposal):
    proposal = make_proposal(state=S.ACCEPTED)
    client.force_login(world.proposer)
    response = client.post(member_url(proposal, "rezultate/"), {"results_summary": "Prea devreme."})
    assert "Rezultatele pot fi completate cât timp proiectul este în desfășurare." in text(response)
    assert "Prea devreme." in text(response)
    proposal.refresh_from_db()
    assert proposal.results_summary == ""


# Private messages


def test_the_two_sides_write_private_messages(client, world, make_proposal):
    proposal = make_proposal(state=S.SUBMITTED)
    client.force_login(world.proposer)
    response = client.post(member_url(proposal, "mesaje/"), {"text": "Putem veni la o întâlnire."})
    assert response.status_code == 302 and response["Location"].endswith("#mesaje")
    client.force_login(world.reviewer)
    client.post(member_url(proposal, "mesaje/"), {"text": "Vă așteptăm marți."})
    assert list(ProposalComment.objects.values_list("author", "acting_organization", "text")) == [
        (world.proposer.pk, world.ngo.pk, "Putem veni la o întâlnire."),
        (world.reviewer.pk, world.authority.pk, "Vă așteptăm marți."),
    ]
    page = text(client.get(member_url(proposal)))
    assert "Putem veni la o întâlnire." in page and "Vă așteptăm marți." in page


def test_an_empty_or_too_frequent_message_is_refused_and_kept(client, world, make_proposal):
    proposal = make_proposal(state=S.SUBMITTED)
    client.force_login(world.proposer)
    response = client.post(member_url(proposal, "mesaje/"), {"text": "  "})
    assert response.status_code == 200 and "Scrieți mesajul." in text(response)
    with limit("proposal_comment", {"user": "1/h"}):
        client.post(member_url(proposal, "mesaje/"), {"text": "Primul."})
        response = client.post(member_url(proposal, "mesaje/"), {"text": "Al doilea, tastat cu grijă."})
    assert response.status_code == 429
    assert "Al doilea, tastat cu grijă." in text(response)
    assert list(ProposalComment.objects.values_list("text", flat=True)) == ["Primul."]


@pytest.mark.parametrize("who", ["outsider", "ngo_member", "authority_member"])
def test_forged_messages_answer_403(client, world, make_proposal, who):
    proposal = make_proposal(state=S.SUBMITTED)
    client.force_login(getattr(world, who))
    assert client.post(member_url(proposal, "mesaje/"), {"text": "Intrus"}).status_code == 403
    assert not ProposalComment.objects.exists()


def test_no_messages_on_a_draft(client, world, make_proposal):
    proposal = make_proposal()
    client.force_login(world.proposer)
    assert "Mesajele cu autoritatea încep după ce propunerea este trimisă." in text(client.get(member_url(proposal)))
    assert client.post(member_url(proposal, "mesaje/"), {"text": "Prea devreme"}).status_code == 403


# Attachments


def pdf(name="buget.pdf", content=b"%PDF-1.7\nbuget"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_attachments_are_added_downloaded_by_the_two_sides_only_and_removed(client, world, make_proposal):
    proposal = make_proposal()
    client.force_login(world.proposer)
    response = client.post(member_url(proposal, "anexe/"), {"file": pdf(), "title": "Buget detaliat"})
    assert response.status_code == 302
    attachment = ProposalAttachment.objects.get()
    assert attachment.title == "Buget detaliat"
    download = f"/contul-meu/propuneri/anexe/{attachment.pk}/"
    assert download in text(client.get(member_url(proposal)))
    response = client.get(download)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.7\nbuget"
    assert "attachment;" in response["Content-Disposition"] and "buget-detaliat.pdf" in response["Content-Disposition"]

    for who in ("outsider", "reviewer"):  # the authority does not see a draft
        client.force_login(getattr(world, who))
        assert client.get(download).status_code == 404
    client.logout()
    assert client.get(download).status_code == 302

    client.force_login(world.outsider)
    assert client.post(f"{download}sterge/").status_code == 403
    client.force_login(world.proposer)
    response = client.post(f"{download}sterge/", follow=True)
    assert "„Buget detaliat” a fost șters." in text(response)
    assert not ProposalAttachment.objects.exists()


def test_a_bad_attachment_is_refused_on_the_form(client, world, make_proposal):
    proposal = make_proposal()
    client.force_login(world.proposer)
    response = client.post(member_url(proposal, "anexe/"), {"file": pdf("fals.pdf", b"<html>"), "title": "Fals"})
    page = text(response)
    assert response.status_code == 200 and "nu este un document PDF" in page
    assert 'value="Fals"' in page
    response = client.post(member_url(proposal, "anexe/"), {"title": "Fără fișier"})
    assert "Alegeți un fișier." in text(response)
    assert not ProposalAttachment.objects.exists()


def test_attachments_stay_as_they_were_once_submitted(client, world, make_proposal):
    proposal = make_proposal(state=S.SUBMITTED)
    client.force_login(world.proposer)
    assert "Atașați un document" not in text(client.get(member_url(proposal)))
    response = client.post(member_url(proposal, "anexe/"), {"file": pdf()})
    assert "nu poate fi modificată acum" in text(response)
    client.force_login(world.outsider)
    assert client.post(member_url(proposal, "anexe/"), {"file": pdf()}).status_code == 403
    assert not ProposalAttachment.objects.exists()


# Partner offers


def test_the_proposer_accepts_or_declines_offers(client, world, make_proposal):
    proposal = make_proposal(state=S.ACCEPTED)
    offer = ProposalPartnerFactory(proposal=proposal, organization=world.other, role="Voluntari")
    second = ProposalPartnerFactory(proposal=proposal, role="Spațiu")
    client.force_login(world.proposer)
    page = text(client.get(member_url(proposal)))
    assert f"/contul-meu/propuneri/parteneri/{offer.pk}/accepta/" in page and "Voluntari" in page
    response = client.post(f"/contul-meu/propuneri/parteneri/{offer.pk}/accepta/", follow=True)
    assert "Fundația Lumina este acum partener în proiect." in text(response)
    client.post(f"/contul-meu/propuneri/parteneri/{second.pk}/refuza/")
    offer.refresh_from_db()
    second.refresh_from_db()
    assert (offer.state, second.state) == (ProposalPartner.State.ACCEPTED, ProposalPartner.State.DECLINED)
    assert offer.decided_by == world.proposer
    # Answered already: a message, nothing changes.
    response = client.post(f"/contul-meu/propuneri/parteneri/{second.pk}/accepta/", follow=True)
    assert "Această ofertă a primit deja un răspuns." in text(response)
    second.refresh_from_db()
    assert second.state == ProposalPartner.State.DECLINED


@pytest.mark.parametrize("who", ["outsider", "reviewer", "ngo_member"])
def test_only_the_proposer_decides_offers(client, world, make_proposal, who):
    offer = ProposalPartnerFactory(proposal=make_proposal(state=S.ACCEPTED), organization=world.other)
    client.force_login(getattr(world, who))
    assert client.post(f"/contul-meu/propuneri/parteneri/{offer.pk}/accepta/").status_code == 403
    assert client.post(f"/contul-meu/propuneri/parteneri/{offer.pk}/refuza/").status_code == 403
    offer.refresh_from_db()
    assert offer.state == ProposalPartner.State.OFFERED


def test_get_on_an_action_is_not_allowed(client, world, make_proposal):
    proposal = make_proposal()
    client.force_login(world.proposer)
    assert client.get(member_url(proposal, "actiune/")).status_code == 405
    assert reverse("proposals:member_detail", args=[proposal.pk]) == member_url(proposal)
