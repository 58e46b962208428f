"""Queries per request do not grow with the number of organizations (DESIGN §14)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail_factories import ImageFactory

from directory.models import Organization
from search.services import documents_rebuild
from tests.factories.directory import sector, valid_cui

pytestmark = pytest.mark.django_db

LISTING_MAX_QUERIES = 25
EXPORT_MAX_QUERIES = 10
API_MAX_QUERIES = 10
SECTORS = ["sector-1", "sector-2", "sector-3", "sector-4", "sector-5", "sector-6", "municipiu"]


@pytest.fixture
def grow(home_page, environment, education, monkeypatch):
    """Brings the directory to `count` published organizations, each with a logo, two sectors and topics.

    Rows are bulk-created (no revisions): only what the public pages read matters here, and it keeps
    the test fast at 200 organizations.
    """
    monkeypatch.setattr("directory.views.PER_PAGE", 500)  # every organization on one page
    logos = [ImageFactory(file__width=400, file__height=200) for _ in range(3)]
    sectors = [sector(slug) for slug in SECTORS]
    kinds = Organization.Kind.values
    now = timezone.now()

    def grow(count):
        start = Organization.objects.count()
        created = Organization.objects.bulk_create(
            [
                Organization(
                    name=f"Asociația Numărul {number:03d}",
                    sort_name=f"asociatia numarul {number:03d}",
                    search_text=f"asociatia numarul {number:03d} lucram in cartier",
                    slug=f"asociatia-{number:03d}",
                    cui=valid_cui(30_000_000 + number),
                    kind=kinds[number % len(kinds)],
                    logo=logos[number % 3],
                    seeking_partners=number % 3 == 0,
                    verified=number % 2 == 0,
                    live=True,
                    first_published_at=now,
                    last_published_at=now,
                )
                for number in range(start, count)
            ]
        )
        Organization.sectors.through.objects.bulk_create(
            Organization.sectors.through(organization_id=organization.pk, sector_id=sectors[(n + shift) % 7].pk)
            for n, organization in enumerate(created, start)
            for shift in (0, 3)
        )
        Organization.topics.through.objects.bulk_create(
            Organization.topics.through(organization_id=organization.pk, topic_id=topic.pk)
            for n, organization in enumerate(created, start)
            for topic in [environment, education][: 1 + n % 2]
        )
        # bulk_create sends no signals: the search (the listing's `q`) needs the documents built as seed_scale does.
        documents_rebuild(kinds=["organizatii"])

    return grow


def queries(client, url, params):
    client.get(url, params)  # renditions and caches are created by the first request
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
        body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200
    return len(captured), body


@pytest.mark.parametrize(
    ("url", "params", "limit"),
    [
        (reverse("directory:index"), {}, LISTING_MAX_QUERIES),
        (reverse("directory:index"), {"sector": ["sector-3", "sector-4"], "tema": "mediu", "q": "asociatia"}, 30),
        (reverse("directory:export_csv"), {}, EXPORT_MAX_QUERIES),
        (reverse("directory:export_json"), {"verificat": "1"}, EXPORT_MAX_QUERIES),
        ("/api/v2/organizations/", {"limit": 100, "fields": "*"}, API_MAX_QUERIES),
        ("/api/v2/organizations/", {"limit": 100, "sector": "sector-3", "topic": "mediu"}, API_MAX_QUERIES),
    ],
)
def test_constant_queries_with_10_and_200_organizations(client, grow, url, params, limit):
    grow(10)
    with_10, small = queries(client, url, params)
    grow(200)
    with_200, large = queries(client, url, params)
    assert len(large) > 3 * len(small)  # the second request really lists many more organizations
    assert with_10 == with_200
    assert with_200 <= limit


def test_listing_renders_every_card_with_logo(client, grow):
    grow(200)
    _, body = queries(client, reverse("directory:index"), {})
    html = body.decode()
    assert html.count('class="card organization-card"') == 200
    assert html.count('class="organization-card__logo"') == 200
