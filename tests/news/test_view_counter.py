import threading

import pytest
from django.db import connection
from django.test import Client
from wagtail.models import PageViewRestriction

from news.models import NewsPage
from news.services import news_page_record_view, request_is_from_bot
from tests.factories.news import NewsPageFactory

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0"


def views_url(page):
    return f"/stiri/vizualizari/{page.pk}/"


def pixel_url(page):
    return f"/stiri/vizualizari/{page.pk}/pixel.gif"


def view_count(page):
    return NewsPage.objects.values_list("view_count", flat=True).get(pk=page.pk)


@pytest.fixture
def browser():
    return Client(headers={"User-Agent": BROWSER})


@pytest.fixture
def article(news_index):
    return NewsPageFactory(parent=news_index)


@pytest.mark.django_db
class TestEndpoint:
    def test_a_view_is_counted_and_the_new_total_returned(self, browser, article):
        NewsPage.objects.filter(pk=article.pk).update(view_count=10)
        response = browser.post(views_url(article))
        assert response.status_code == 200
        assert response.json() == {"views": 11}
        assert view_count(article) == 11

    def test_a_second_view_in_the_same_session_does_not_count(self, browser, article):
        assert browser.post(views_url(article)).json() == {"views": 1}
        assert browser.post(views_url(article)).json() == {"views": 1}
        assert browser.get(pixel_url(article)).status_code == 200
        assert view_count(article) == 1

    def test_each_page_counts_once_per_session(self, browser, news_index):
        first, second = NewsPageFactory(parent=news_index), NewsPageFactory(parent=news_index)
        browser.post(views_url(first))
        browser.post(views_url(second))
        browser.post(views_url(first))
        assert (view_count(first), view_count(second)) == (1, 1)

    def test_separate_visitors_count_separately(self, article):
        for _ in range(3):
            Client(headers={"User-Agent": BROWSER}).post(views_url(article))
        assert view_count(article) == 3

    @pytest.mark.parametrize(
        "user_agent",
        [
            "",
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
            "Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)",
            "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 "
            "Safari/537.36",
            "WhatsApp/2.23.20.0",
            "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
            "curl/8.5.0",
            "Wget/1.21.4",
            "python-requests/2.32.3",
            "python-httpx/0.27.0",
            "Go-http-client/1.1",
            "Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)",
        ],
    )
    def test_bots_are_not_counted(self, article, user_agent):
        response = Client(headers={"User-Agent": user_agent}).post(views_url(article))
        assert response.status_code == 200
        assert response.json() == {"views": 0}
        assert view_count(article) == 0

    def test_browser_prefetches_are_not_counted(self, article):
        Client(headers={"User-Agent": BROWSER, "Sec-Purpose": "prefetch;prerender"}).get(pixel_url(article))
        assert view_count(article) == 0

    @pytest.mark.parametrize(
        "user_agent",
        [
            BROWSER,
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
            "Version/17.5 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 "
            "Safari/537.36 Edg/131.0.0.0",
            "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 "
            "Mobile Safari/537.36",
        ],
    )
    def test_real_browsers_are_not_bots(self, rf, user_agent):
        assert not request_is_from_bot(rf.get("/", headers={"User-Agent": user_agent}))

    def test_drafts_are_not_counted(self, browser, news_index):
        draft = NewsPageFactory(parent=news_index, live=False)
        response = browser.post(views_url(draft))
        assert response.status_code == 404
        assert browser.get(pixel_url(draft)).status_code == 404
        assert view_count(draft) == 0

    def test_private_pages_are_not_counted(self, browser, article):
        PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
        assert browser.post(views_url(article)).status_code == 404
        assert view_count(article) == 0

    def test_other_pages_and_unknown_ids_are_not_found(self, browser, news_index, home_page):
        assert browser.post(f"/stiri/vizualizari/{news_index.pk}/").status_code == 404
        assert browser.post(f"/stiri/vizualizari/{home_page.pk}/").status_code == 404
        assert browser.post("/stiri/vizualizari/987654/").status_code == 404

    def test_works_without_a_csrf_token(self, article):
        client = Client(enforce_csrf_checks=True, headers={"User-Agent": BROWSER})
        assert client.post(views_url(article)).status_code == 200
        assert view_count(article) == 1

    def test_methods(self, browser, article):
        assert browser.get(views_url(article)).status_code == 405
        assert browser.post(pixel_url(article)).status_code == 405
        assert view_count(article) == 0

    def test_responses_are_never_cached(self, browser, article):
        for response in (browser.post(views_url(article)), browser.get(pixel_url(article))):
            assert "no-store" in response["Cache-Control"]

    def test_pixel_for_readers_without_javascript(self, browser, article):
        response = browser.get(pixel_url(article))
        assert response.status_code == 200
        assert response["Content-Type"] == "image/gif"
        assert response.content.startswith(b"GIF89a")
        assert view_count(article) == 1


@pytest.mark.django_db
class TestService:
    def test_increment_is_atomic_not_read_modify_write(self, rf, article):
        """A stale in-memory count must never be written back over other visitors' views."""
        stale = NewsPage.objects.get(pk=article.pk)
        NewsPage.objects.filter(pk=article.pk).update(view_count=5)
        request = rf.post("/", headers={"User-Agent": BROWSER})
        request.session = {}
        assert news_page_record_view(page=stale, request=request) == 6
        assert view_count(article) == 6

    def test_session_remembers_a_bounded_number_of_pages(self, rf, article, monkeypatch):
        monkeypatch.setattr("news.services.SESSION_MAX_PAGES", 3)
        request = rf.post("/", headers={"User-Agent": BROWSER})
        request.session = {"news_viewed_pages": [1, 2, 3]}
        news_page_record_view(page=article, request=request)
        assert request.session["news_viewed_pages"] == [2, 3, article.pk]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_visitors_give_exactly_fifty_views(article):
    visitors = 50
    barrier = threading.Barrier(visitors)
    statuses = []
    errors = []

    def visit():
        try:
            client = Client(headers={"User-Agent": BROWSER})
            barrier.wait(timeout=30)
            statuses.append(client.post(views_url(article)).status_code)
        except Exception as error:  # noqa: BLE001 - reported by the main thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=visit) for _ in range(visitors)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert statuses == [200] * visitors
    assert view_count(article) == visitors
