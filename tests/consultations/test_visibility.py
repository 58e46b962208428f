"""What the public never sees: recommendations that are not approved, and consultations that are not published.

Pending, rejected and hidden recommendations stay off the consultation page, the API, the iCal feed, the sitemap
and the feeds (their counts too); draft, unpublished and private consultations stay off the listing (and its
filter options), the sitemap, the iCal feed, the API, the home page and the authority's profile.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import PageViewRestriction

from participation.models import ModerationState
from tests.factories.consultations import AuthorityFactory, ConsultationPageFactory, ResponseFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.website import TopicFactory

pytestmark = pytest.mark.django_db

NOT_PUBLIC = [ModerationState.PENDING, ModerationState.REJECTED, ModerationState.HIDDEN]
API_CONSULTATIONS = "/api/v2/consultations/"


def text_of(response):
    """A response's body as text, iCal lines unfolded (RFC 5545 folds them at 75 octets)."""
    assert response.status_code == 200, response.status_code
    return response.content.decode().replace("\r\n ", "")


def public_places(client, consultation, index):
    """Every public address that shows a consultation or its recommendations, with its text."""
    news_index = NewsIndexPageFactory(parent=index.get_parent())
    NewsPageFactory(parent=news_index, title="O știre oarecare")
    return {
        "page": text_of(client.get(consultation.url)),
        "listing": text_of(client.get(index.url)),
        "api list": text_of(client.get(API_CONSULTATIONS)),
        "api detail": text_of(client.get(f"{API_CONSULTATIONS}{consultation.pk}/")),
        "api pages": text_of(client.get(f"/api/v2/pages/{consultation.pk}/")),
        "api pages list": text_of(
            client.get("/api/v2/pages/", {"type": "consultations.ConsultationPage", "fields": "*"})
        ),
        "ical": text_of(client.get(index.calendar_url())),
        "sitemap": text_of(client.get("/sitemap.xml")),
        "news feed": text_of(client.get(news_index.feed_url())),
        "home": text_of(client.get("/")),
        "profile": text_of(client.get(consultation.authority.get_absolute_url())),
    }


@pytest.fixture
def consultation(consultation_index):
    return ConsultationPageFactory(parent=consultation_index, title="Regulamentul piețelor agroalimentare")


@pytest.fixture
def recommendations(consultation):
    """One approved recommendation and one in each state the public must not see, each with an attachment."""
    by_state = {
        state: ResponseFactory(
            consultation=consultation,
            moderation_state=state,
            text=f"Recomandarea în starea {state}: mutați piața în altă parte.",
            section=f"art. {state}",
            attachment=SimpleUploadedFile(f"{state}.pdf", b"%PDF-1.4 test"),
        )
        for state in [ModerationState.APPROVED, *NOT_PUBLIC]
    }
    yield by_state
    for response in by_state.values():
        response.attachment.delete(save=False)


def test_only_approved_recommendations_appear_anywhere(client, consultation, consultation_index, recommendations):
    approved = recommendations[ModerationState.APPROVED]
    places = public_places(client, consultation, consultation_index)
    for state in NOT_PUBLIC:
        hidden = recommendations[state]
        attachment_url = reverse("consultations:attachment", args=[hidden.pk])
        for place, text in places.items():
            assert hidden.text not in text, (state, place)
            assert f"art. {state}" not in text, (state, place)
            assert attachment_url not in text, (state, place)
            assert f"recomandare-{hidden.pk}" not in text, (state, place)
        # Nor its attachment, nor a report of it.
        assert client.get(attachment_url).status_code == 404
    # The approved one is where it belongs, so the checks above look at the right texts.
    assert approved.text in places["page"] and approved.text in places["api list"]
    assert approved.text in places["api detail"]
    assert reverse("consultations:attachment", args=[approved.pk]) in places["page"]


def test_counts_leave_out_what_is_not_approved(client, consultation, consultation_index, recommendations):
    page = client.get(consultation.url).text
    assert "1 recomandare: 0 acceptate, 0 parțial, 0 neacceptate" in page
    (item,) = client.get(API_CONSULTATIONS).json()["items"]
    assert item["counts"]["approved"] == 1
    assert [recommendation["id"] for recommendation in item["recommendations"]] == [
        recommendations[ModerationState.APPROVED].pk
    ]
    (card,) = client.get(consultation_index.url).context["consultations"]
    assert card.approved_count == 1


def test_a_logged_in_member_cannot_report_what_is_not_public(client, consultation, recommendations):
    from tests.factories.members import UserFactory

    client.force_login(UserFactory())
    for state in NOT_PUBLIC:
        url = reverse("participation:report", args=["consultations.response", recommendations[state].pk])
        assert client.get(url).status_code == 404
        assert url not in client.get(consultation.url).text


@pytest.fixture
def unpublished(consultation_index):
    """A draft, a consultation published then unpublished, and a private one (login and password), each by its
    own authority, on a topic no public consultation has, all open now."""
    topic = TopicFactory(name="Tema ascunsă", slug="tema-ascunsa")
    draft = ConsultationPageFactory(
        parent=consultation_index,
        title="Consultare ciornă",
        live=False,
        authority=AuthorityFactory(name="Autoritatea ciornei", slug="autoritatea-ciornei"),
        topics=[topic],
    )
    withdrawn = ConsultationPageFactory(
        parent=consultation_index,
        title="Consultare retrasă",
        authority=AuthorityFactory(name="Autoritatea retrasă", slug="autoritatea-retrasa"),
        topics=[topic],
    )
    withdrawn.save_revision().publish()
    withdrawn.unpublish()
    members_only = ConsultationPageFactory(
        parent=consultation_index,
        title="Consultare doar pentru membri",
        authority=AuthorityFactory(name="Autoritatea privată", slug="autoritatea-privata"),
        topics=[topic],
    )
    PageViewRestriction.objects.create(page=members_only, restriction_type=PageViewRestriction.LOGIN)
    with_password = ConsultationPageFactory(
        parent=consultation_index,
        title="Consultare cu parolă",
        authority=AuthorityFactory(name="Autoritatea cu parolă", slug="autoritatea-cu-parola"),
        topics=[topic],
    )
    PageViewRestriction.objects.create(
        page=with_password, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    for page in (draft, withdrawn, members_only, with_password):
        ResponseFactory(consultation=page, text=f"Recomandare aprobată la „{page.title}”.")
    return [draft, withdrawn, members_only, with_password]


def test_unpublished_and_private_consultations_appear_nowhere(client, consultation, consultation_index, unpublished):
    places = public_places(client, consultation, consultation_index)
    assert consultation.title in places["listing"] and consultation.title in places["api list"]
    for page in unpublished:
        for place, text in places.items():
            if place == "profile":
                continue  # the public consultation's authority; each hidden one has its own, below
            assert page.title not in text, (page.title, place)
            assert page.url_path.rstrip("/").rsplit("/", 1)[-1] + "/" not in text, (page.title, place)
            assert f"Recomandare aprobată la „{page.title}”." not in text, (page.title, place)
        # Nor in the filters: no option for its authority (topics are the site's, each counted: 0).
        assert page.authority.name not in places["listing"]
        assert "Tema ascunsă (0)" in places["listing"]
        # Its authority's profile (the authority itself is public) does not list it.
        profile = client.get(page.authority.get_absolute_url())
        assert profile.status_code == 200
        assert page.title not in profile.text
        # The API neither lists it nor finds it.
        assert client.get(f"{API_CONSULTATIONS}{page.pk}/").status_code == 404
        assert client.get(API_CONSULTATIONS, {"slug": page.slug}).json()["items"] == []
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    # Filtering on its authority is a value the listing does not know: ignored with a notice, and a 400 in the API.
    hidden_authority = unpublished[0].authority.slug
    response = client.get(consultation_index.url, {"autoritate": hidden_authority})
    assert [str(label) for label, _value, _reason in response.context["ignored_filters"]] == [
        "Autoritatea inițiatoare"
    ]
    assert client.get(API_CONSULTATIONS, {"authority": hidden_authority}).status_code == 400


def test_unpublished_and_private_consultation_pages_are_not_served(client, unpublished):
    draft, withdrawn, members_only, with_password = unpublished
    assert client.get(f"/consultari/{draft.slug}/").status_code == 404
    assert client.get(f"/consultari/{withdrawn.slug}/").status_code == 404
    login = client.get(f"/consultari/{members_only.slug}/")
    assert login.status_code == 302 and members_only.title not in login.content.decode()
    # The members' login (Romanian, with the site's throttling), not Wagtail's bare form; it comes back here.
    assert login["Location"] == f"/cont/autentificare/?next=/consultari/{members_only.slug}/"
    assert members_only.title not in client.get(f"/consultari/{with_password.slug}/").text
