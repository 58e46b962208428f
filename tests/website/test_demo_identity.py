"""The demo content tells who really runs the platform, with whom, and under which project (project-facts.md)."""

import html
import re

import pytest
from wagtail.models import Revision

from news import demo as news_demo
from news.models import NewsPage
from website import demo
from website.management.commands.seed_demo import Command
from website.models import ContentPage, SiteSettings

pytestmark = pytest.mark.django_db

PROJECT = "„Noul București, O Capitală a Tuturor”"
FUNDING_FACTS = [
    "Programul Operațional Capacitate Administrativă",
    "POCA",
    "2014–2020",
    PROJECT,
    "MySMIS 131435",
    "SIPOCA 1085",
    "375.870,46 lei",
    "294.682,45 lei",
]
PARTNERS = ["Asociația Ateliere Fără Frontiere", "Primăria Municipiului București", "Primăria Sectorului 3"]
INVENTED = ["PIDS/2026/000001", "Programul Incluziune și Demnitate Socială", "Str. Exemplu", "+40 21 000 00 00"]
CEDILLA_LETTERS = set("şţŞŢ")


def seed(home):
    topics = demo.topics()
    command = Command()
    command.seed_settings(home)
    command.seed_content_pages(home, topics)
    news_demo.seed(home=home, topics=topics)


def text_of(response):
    """The visible text of a page: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def test_footer_names_the_real_project_programme_codes_and_value(client, home_page):
    seed(home_page)
    site_settings = SiteSettings.for_site(home_page.get_site())
    assert site_settings.contact_email == "contact@atelierefarafrontiere.ro"
    footer = text_of(client.get("/"))
    for fact in [*FUNDING_FACTS, "contact@atelierefarafrontiere.ro"]:
        assert fact in footer, fact
    for invented in INVENTED:
        assert invented not in footer, invented


def test_about_page_says_who_runs_the_platform_with_whom(client, home_page):
    seed(home_page)
    about = ContentPage.objects.get(slug="despre")
    assert about.title == "Despre platformă"
    page = text_of(client.get(about.url))
    for fact in [*PARTNERS, *FUNDING_FACTS, "contact@atelierefarafrontiere.ro", "consultările publice"]:
        assert fact in page, fact
    assert "din 2008" not in page  # not among the facts
    assert not CEDILLA_LETTERS & set(page)


def test_launch_article_credits_ateliere_fara_frontiere(client, home_page):
    seed(home_page)
    article = NewsPage.objects.get(slug="lansarea-platformei-bucurestiul-social-si-solidar")
    assert article.live
    assert (article.source_name, article.view_count) == ("Ateliere Fără Frontiere", 178)
    page = text_of(client.get(article.url))
    for fact in ["Ioana Lazăr", *PARTNERS[1:], PROJECT, "MySMIS 131435", "SIPOCA 1085", "Sursa"]:
        assert fact in page, fact
    assert "Ateliere Fără Frontiere" in page
    assert not CEDILLA_LETTERS & set(page)


def test_an_existing_demo_database_gets_the_real_identity_and_a_second_run_changes_nothing(home_page):
    """Databases seeded before kept the invented texts: seeding again updates them, then stays still."""
    SiteSettings.objects.create(
        site=home_page.get_site(),
        contact_email="contact@bucuresti-social.ro",
        address="Str. Exemplu nr. 1, Sector 3\n030000 București",
        funding_disclaimer="Proiect cofinanțat din Fondul Social European Plus.",
        programme_name="Programul Incluziune și Demnitate Socială 2021-2027",
        project_code="PIDS/2026/000001",
    )
    demo.child_page(
        home_page,
        ContentPage,
        slug="despre",
        title="Despre proiect",
        intro="Text vechi.",
        body=demo.paragraph("Platforma este administrată de Ateliere Fără Frontiere, din 2008."),
    )

    seed(home_page)
    site_settings = SiteSettings.objects.get(site=home_page.get_site())
    assert (site_settings.project_code, site_settings.address) == ("MySMIS 131435 / SIPOCA 1085", "")
    assert "POCA" in site_settings.programme_name
    about = ContentPage.objects.get(slug="despre")
    assert about.title == "Despre platformă"
    assert "Primăria Sectorului 3" in str(about.body)
    assert about.live and not about.has_unpublished_changes

    revisions = Revision.objects.count()
    seed(home_page)
    assert Revision.objects.count() == revisions
    assert ContentPage.objects.get(slug="despre").title == "Despre platformă"
    assert NewsPage.objects.filter(slug="lansarea-platformei-bucurestiul-social-si-solidar").count() == 1
