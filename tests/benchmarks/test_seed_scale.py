"""`seed_scale`: exact targets, nothing duplicated by a second run, valid published organizations, pages render."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils.html import escape
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from directory.models import Organization
from directory.validators import validate_cui
from funding.models import FundingCallPage
from guides.models import LegislationGuidePage
from news.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db

TARGETS = {"news": 5, "calls": 3, "guides": 2, "organizations": 10}


def seed_scale(**targets):
    out = io.StringIO()
    call_command("seed_scale", *[f"--{name}={value}" for name, value in targets.items()], stdout=out)
    return out.getvalue()


def counts():
    return {
        "news": NewsPage.objects.count(),
        "calls": FundingCallPage.objects.count(),
        "guides": LegislationGuidePage.objects.count(),
        "organizations": Organization.objects.count(),
    }


def test_reaches_the_targets_and_a_second_run_duplicates_nothing(home_page):
    first = seed_scale(**TARGETS)
    assert counts() == TARGETS
    assert "News articles: 0 before, 5 created, 5 now" in first

    second = seed_scale(**TARGETS)
    assert counts() == TARGETS
    assert "Organizations: 10 before, 0 created, 10 now" in second
    # The page tree is consistent (paths, depths, child counts) after the paths computed by the command.
    assert all(problems == [] for problems in Page.find_problems())
    assert NewsIndexPage.objects.get().get_children().count() == 5


def test_tops_up_to_a_higher_target(home_page):
    seed_scale(news=2, calls=1, guides=1, organizations=3)
    seed_scale(news=4, calls=1, guides=1, organizations=7)

    assert NewsPage.objects.count() == 4
    assert Organization.objects.count() == 7
    assert len(set(NewsPage.objects.values_list("slug", flat=True))) == 4
    assert all(problems == [] for problems in Page.find_problems())


def test_organizations_are_published_valid_and_searchable(home_page):
    seed_scale(news=0, calls=0, guides=0, organizations=10)

    organizations = list(Organization.objects.prefetch_related("topics", "sectors"))
    assert len({organization.cui for organization in organizations}) == 10
    for organization in organizations:
        assert organization.live
        validate_cui(organization.cui)
        organization.full_clean()
        assert organization.topics.all()
        assert organization.sectors.all()
        assert organization.sort_name and organization.cui in organization.search_text
    name = organizations[0].name
    assert organizations[0] in list(get_search_backend().search(name, Organization))


def test_pages_render_with_the_generated_content(client, home_page):
    seed_scale(**TARGETS)
    news = NewsPage.objects.live().first()
    organization = Organization.objects.live().first()
    sector = organization.sectors.first().slug
    topic = organization.topics.first().slug

    for url in [
        "/",
        NewsIndexPage.objects.get().url,
        news.url,
        FundingCallPage.objects.first().url,
        LegislationGuidePage.objects.first().url,
        f"/organizatii/?sector={sector}&tema={topic}",
        organization.get_absolute_url(),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
    listing = client.get(NewsIndexPage.objects.get().url).content.decode()
    assert all(escape(title) in listing for title in NewsPage.objects.values_list("title", flat=True))
    assert organization.name in client.get(f"/organizatii/?sector={sector}&tema={topic}").content.decode()


def test_needs_the_demo_home_page(db):
    with pytest.raises(CommandError, match="seed_demo"):
        seed_scale(news=1)


def test_the_site_wide_search_finds_what_was_seeded(home_page):
    from search.models import SearchDocument
    from search.query import find

    output = seed_scale(**TARGETS)
    documents = SearchDocument.objects
    assert documents.filter(kind="organizatii").count() == 10
    assert documents.filter(kind="stiri").count() == 5
    assert documents.filter(kind="finantari").count() == 3
    assert documents.filter(kind="ghiduri").count() == 2
    assert "Search documents: 20" in output
    # A second run that creates nothing leaves them as they are.
    assert "Search documents: nothing new" in seed_scale(**TARGETS)
    organization = Organization.objects.order_by("pk").first()
    assert find(organization.name).hits(0, 1)[0].document.title == organization.name
