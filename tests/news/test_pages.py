import datetime
import re

import pytest
from django.http import Http404
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from news.models import NewsIndexPage, NewsPage
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def titles_in(html):
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a></h3>', html)


class TestRendering:
    def test_news_index_renders(self, client, news_index):
        NewsPageFactory(parent=news_index, title="Atelier de reparații în Sectorul 3")
        response = client.get("/stiri/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "<h1>Știri</h1>" in html
        assert "Atelier de reparații în Sectorul 3" in html
        assert '<link rel="alternate" type="application/rss+xml"' in html
        assert 'href="/stiri/rss/"' in html
        assert '<label for="id_tema">' in html and '<label for="id_eticheta">' in html
        assert '<form class="filters" method="get"' in html and 'type="submit"' in html

    def test_news_page_renders_every_detail(self, client, news_index, economy):
        page = NewsPageFactory(
            parent=news_index,
            title="Legea 219/2015, pe înțelesul tuturor",
            date=datetime.date(2026, 3, 9),
            author="Ana Popescu",
            source_name="AJOFM București",
            source_url="https://www.anofm.ro/",
            topics=[economy],
            tags=["întreprinderi sociale"],
            body=[("paragraph", "<p>Atestatul se obține de la AJOFM.</p>")],
        )
        NewsPage.objects.filter(pk=page.pk).update(view_count=41)
        response = client.get(page.url)
        assert response.status_code == 200
        html = response.content.decode()
        assert '<time datetime="2026-03-09">' in html
        assert "Ana Popescu" in html
        assert '<a href="https://www.anofm.ro/" rel="noopener">AJOFM București</a>' in html
        assert "Atestatul se obține de la AJOFM." in html
        assert 'href="/stiri/?tema=economie-sociala"' in html
        assert 'href="/stiri/?eticheta=intreprinderi-sociale"' in html
        assert f'data-news-views-url="/stiri/vizualizari/{page.pk}/">41<' in html
        assert '<script src="/static/js/news-views.js" defer></script>' in html
        assert f'<noscript><img class="visually-hidden" src="/stiri/vizualizari/{page.pk}/pixel.gif"' in html
        assert 'href="/stiri/rss/"' in html
        assert "<script>" not in html  # nothing inline: the site runs under a strict CSP

    def test_source_without_link_is_plain_text(self, client, news_index):
        page = NewsPageFactory(parent=news_index, source_name="Comunicat de presă", source_url="")
        html = client.get(page.url).content.decode()
        assert "Comunicat de presă" in html
        assert 'rel="noopener">Comunicat de presă' not in html

    def test_rendering_the_page_does_not_count_a_view(self, client, news_index):
        page = NewsPageFactory(parent=news_index)
        client.get(page.url, headers={"User-Agent": "Mozilla/5.0 Firefox/130.0"})
        page.refresh_from_db()
        assert page.view_count == 0

    def test_related_news_on_the_page(self, client, news_index, economy, environment):
        page = NewsPageFactory(parent=news_index, topics=[economy])
        NewsPageFactory(parent=news_index, topics=[economy], title="Altă știre despre economia socială")
        NewsPageFactory(parent=news_index, topics=[environment], title="Știre despre mediu")
        html = client.get(page.url).content.decode()
        assert "Altă știre despre economia socială" in html
        assert "Știre despre mediu" not in html

    def test_listing_card_shows_news_meta(self, rf, news_index):
        page = NewsPageFactory(parent=news_index, date=datetime.date(2026, 11, 5), author="Elena Popa")
        html = render_to_string(
            "includes/page_card.html",
            {"item": page, "card_meta": "news/includes/news_meta.html"},
            request=rf.get("/"),
        )
        assert '<time datetime="2026-11-05">5 noiembrie 2026</time>' in html
        assert "Elena Popa" in html


class TestPreview:
    @pytest.fixture
    def form_data(self):
        return nested_form_data(
            {
                "title": "Știre în lucru",
                "slug": "stire-in-lucru",
                "date": "2026-05-04",
                "author": "Redacția",
                "intro": "Un rezumat.",
                "body": streamfield([("paragraph", rich_text("<p>Text în lucru</p>"))]),
                "tags": "ONG",
            }
        )

    def test_preview_of_a_new_page_has_no_view_counter(self, admin_client, news_index, form_data):
        url = f"/admin/pages/add/news/newspage/{news_index.pk}/preview/"
        assert admin_client.post(url, form_data).json()["is_valid"]
        response = admin_client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Text în lucru" in html
        assert "news-views.js" not in html and "pixel.gif" not in html

    def test_preview_of_an_existing_page_has_no_view_counter(self, admin_client, news_index, form_data):
        page = NewsPageFactory(parent=news_index)
        url = f"/admin/pages/{page.pk}/edit/preview/"
        assert admin_client.post(url, form_data).json()["is_valid"]
        html = admin_client.get(url).content.decode()
        assert "Text în lucru" in html
        assert "news-views.js" not in html and "pixel.gif" not in html
        page.refresh_from_db()
        assert page.view_count == 0


class TestAdminCreation:
    """What WagtailPageTestCase.assertCanCreate checks: the admin's add form accepts the page."""

    def test_editor_can_create_news_index(self, admin_client, home_page):
        data = nested_form_data(
            {
                "title": "Știri",
                "slug": "stiri",
                "intro": "Noutăți.",
                "body": streamfield([]),
            }
        )
        response = admin_client.post(f"/admin/pages/add/news/newsindexpage/{home_page.pk}/", data)
        assert response.status_code == 302
        assert NewsIndexPage.objects.child_of(home_page).filter(slug="stiri").exists()

    def test_editor_can_create_and_publish_news_page(self, admin_client, news_index, economy):
        data = nested_form_data(
            {
                "title": "Primăria Sectorului 3 lansează un apel",
                "slug": "apel-sector-3",
                "date": "2026-11-20",
                "author": "Redacția",
                "source_name": "Primăria Sectorului 3",
                "source_url": "https://www.primarie3.ro/",
                "intro": "Un rezumat.",
                "body": streamfield([("paragraph", rich_text("<p>Detalii despre apel.</p>"))]),
                "tags": "Sectorul 3, ONG",
                "action-publish": "publish",
            }
        )
        data["topics"] = [economy.pk]
        response = admin_client.post(f"/admin/pages/add/news/newspage/{news_index.pk}/", data)
        assert response.status_code == 302
        page = NewsPage.objects.get(slug="apel-sector-3")
        assert page.live
        assert page.date == datetime.date(2026, 11, 20)
        assert page.source_url == "https://www.primarie3.ro/"
        assert list(page.topics.all()) == [economy]
        assert sorted(tag.name for tag in page.tags.all()) == ["ONG", "Sectorul 3"]
        assert page.view_count == 0

    def test_admin_cannot_set_the_view_count(self, admin_client, news_index):
        page = NewsPageFactory(parent=news_index)
        NewsPage.objects.filter(pk=page.pk).update(view_count=7)
        edit_url = f"/admin/pages/{page.pk}/edit/"
        assert admin_client.get(edit_url).status_code == 200
        data = nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                "date": "2026-11-20",
                "body": streamfield([]),
                "view_count": "100000",
                "action-publish": "publish",
            }
        )
        assert admin_client.post(edit_url, data).status_code == 302
        page.refresh_from_db()
        assert page.view_count == 7


class TestFilters:
    @pytest.fixture
    def news(self, news_index, economy, environment):
        today = timezone.localdate()
        return {
            "economy": NewsPageFactory(
                parent=news_index, title="Economie", topics=[economy], tags=["ONG"], date=today
            ),
            "environment": NewsPageFactory(
                parent=news_index,
                title="Mediu",
                topics=[environment],
                tags=["reciclare"],
                date=today - datetime.timedelta(days=1),
            ),
            "both": NewsPageFactory(
                parent=news_index,
                title="Amândouă",
                topics=[economy, environment],
                tags=["ONG", "reciclare"],
                date=today - datetime.timedelta(days=2),
            ),
        }

    def test_newest_first(self, client, news):
        assert titles_in(client.get("/stiri/").content.decode()) == ["Economie", "Mediu", "Amândouă"]

    def test_by_topic(self, client, news):
        response = client.get("/stiri/", {"tema": "mediu"})
        html = response.content.decode()
        assert titles_in(html) == ["Mediu", "Amândouă"]
        assert '<option value="mediu" selected>' in html
        assert "Șterge filtrele" in html

    def test_by_tag(self, client, news):
        assert titles_in(client.get("/stiri/", {"eticheta": "ong"}).content.decode()) == ["Economie", "Amândouă"]

    def test_by_topic_and_tag(self, client, news):
        html = client.get("/stiri/", {"tema": "economie-sociala", "eticheta": "reciclare"}).content.decode()
        assert titles_in(html) == ["Amândouă"]

    def test_tag_list_has_only_tags_of_live_news(self, client, news, news_index):
        NewsPageFactory(parent=news_index, tags=["ciornă"], live=False)
        html = client.get("/stiri/").content.decode()
        assert '<option value="reciclare">reciclare (' in html
        assert "ciornă" not in html

    @pytest.mark.parametrize(
        ("params", "applied", "label"),
        [
            ({"tema": "nu-exista"}, {}, "Temă"),
            ({"eticheta": "nu-exista"}, {}, "Etichetă"),
            ({"tema": "mediu", "eticheta": "nu-exista"}, {"tema": "mediu"}, "Etichetă"),
            ({"tema": "<script>alert(1)</script>"}, {}, "Temă"),
            ({"tema": "a\x00b"}, {}, "Temă"),
            ({"eticheta": "x" * 5000}, {}, "Etichetă"),
        ],
    )
    def test_unknown_values_are_ignored_with_a_notice(self, client, news, params, applied, label):
        """Like every listing's filters (website/filters.py): the value is dropped and reported, never an error."""
        response = client.get("/stiri/", params)
        assert response.status_code == 200
        html = response.content.decode()
        assert titles_in(html) == titles_in(client.get("/stiri/", applied).content.decode())
        assert f"Filtrul „{label}” a fost ignorat" in html
        assert "<script>alert(1)</script>" not in html

    @pytest.mark.parametrize("page_number", ["abc", "0", "-1", "99999", "", "1.5", "\x00"])
    def test_bad_page_numbers_never_fail(self, client, news_index, settings, page_number):
        settings.NEWS_PER_PAGE = 2
        for _ in range(5):
            NewsPageFactory(parent=news_index)
        response = client.get("/stiri/", {"page": page_number})
        assert response.status_code == 200
        assert len(titles_in(response.content.decode())) in (1, 2)

    def test_pagination_keeps_filters(self, client, news_index, economy, settings):
        settings.NEWS_PER_PAGE = 2
        for _ in range(3):
            NewsPageFactory(parent=news_index, topics=[economy])
        html = client.get("/stiri/", {"tema": "economie-sociala"}).content.decode()
        assert 'href="?tema=economie-sociala&amp;page=2"' in html
        page_2 = client.get("/stiri/", {"tema": "economie-sociala", "page": "2"}).content.decode()
        assert len(titles_in(page_2)) == 1


class TestFeed:
    def test_rss_lists_latest_twenty_live_public_news(self, client, news_index):
        today = timezone.localdate()
        pages = [
            NewsPageFactory(parent=news_index, title=f"Știrea {n}", date=today - datetime.timedelta(days=n))
            for n in range(22)
        ]
        NewsPageFactory(parent=news_index, title="Ciornă", live=False)
        private = NewsPageFactory(parent=news_index, title="Doar pentru membri", date=today)
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

        response = client.get("/stiri/rss/")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/rss+xml")
        xml = response.content.decode()
        assert '<rss version="2.0"' in xml
        assert "<title>Știri · " in xml
        assert "<language>ro</language>" in xml
        assert xml.count("<item>") == 20
        assert f"<link>http://testserver{pages[0].url}</link>" in xml
        assert f"<link>http://testserver{pages[19].url}</link>" in xml
        assert pages[20].url not in xml
        assert "Ciornă" not in xml and "Doar pentru membri" not in xml

    def test_rss_item_details(self, client, news_index, economy):
        NewsPageFactory(
            parent=news_index,
            title="Bursa locurilor de muncă",
            intro="Peste 40 de angajatori.",
            author="Mihai Stan",
            topics=[economy],
            tags=["AJOFM"],
        )
        xml = client.get("/stiri/rss/").content.decode()
        assert "<title>Bursa locurilor de muncă</title>" in xml
        assert "<description>Peste 40 de angajatori.</description>" in xml
        assert "<category>Economie socială</category>" in xml and "<category>AJOFM</category>" in xml
        assert ">Mihai Stan</dc:creator>" in xml

    def test_feed_of_a_draft_index_is_not_routed(self, rf, home_page):
        index = NewsIndexPageFactory(parent=home_page, live=False)
        with pytest.raises(Http404):
            index.route(rf.get("/stiri/rss/"), ["rss"])
