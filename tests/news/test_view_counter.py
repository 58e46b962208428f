import threading

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings
from wagtail.models import PageViewRestriction

from news.models import NewsPage
from news.services import SEEN_COOKIE, news_page_record_view, request_is_from_bot
from tests.factories.news import NewsPageFactory
from website.ratelimit import client_key

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0"


def views_url(page):
    return f"/stiri/vizualizari/{page.pk}/"


def pixel_url(page):
    return f"/stiri/vizualizari/{page.pk}/pixel.gif"


def view_count(page):
    return NewsPage.objects.values_list("view_count", flat=True).get(pk=page.pk)


def reader(address="203.0.113.10"):
    """A browser at `address` (each test client is a new reader with its own cookies)."""
    return Client(headers={"User-Agent": BROWSER}, REMOTE_ADDR=address)


@pytest.fixture
def browser():
    return reader()


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

    def test_a_second_view_by_the_same_reader_does_not_count(self, browser, article):
        assert browser.post(views_url(article)).json() == {"views": 1}
        assert browser.post(views_url(article)).json() == {"views": 1}
        assert browser.get(pixel_url(article)).status_code == 200
        assert view_count(article) == 1

    def test_each_page_counts_once_per_reader(self, browser, news_index):
        first, second = NewsPageFactory(parent=news_index), NewsPageFactory(parent=news_index)
        browser.post(views_url(first))
        browser.post(views_url(second))
        browser.post(views_url(first))
        assert (view_count(first), view_count(second)) == (1, 1)

    def test_separate_visitors_count_separately(self, article):
        for number in range(3):
            reader(f"203.0.113.{number + 1}").post(views_url(article))
        assert view_count(article) == 3

    def test_the_reader_cookie_stops_a_second_count_after_the_address_window(self, browser, article):
        browser.post(views_url(article))
        cache.clear()  # the per-address window has passed
        assert browser.post(views_url(article)).json() == {"views": 1}
        assert view_count(article) == 1

    def test_a_cleared_cookie_does_not_count_again_from_the_same_address(self, browser, article):
        browser.post(views_url(article))
        browser.cookies.clear()
        assert browser.post(views_url(article)).json() == {"views": 1}
        assert view_count(article) == 1

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
        client = Client(enforce_csrf_checks=True, headers={"User-Agent": BROWSER}, REMOTE_ADDR="203.0.113.10")
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
class TestNoSessions:
    """Issue #7 point 7: anonymous reading creates no session, and scripts cannot inflate the counter."""

    def test_anonymous_hits_create_no_session(self, browser, article):
        browser.post(views_url(article))
        browser.get(pixel_url(article))
        assert Session.objects.count() == 0
        assert settings.SESSION_COOKIE_NAME not in browser.cookies

    def test_the_reader_cookie_is_scoped_to_the_counter(self, browser, article):
        browser.post(views_url(article))
        cookie = browser.cookies[SEEN_COOKIE]
        assert cookie.value == str(article.pk)
        assert cookie["path"] == "/stiri/vizualizari/"
        assert cookie["httponly"]

    def test_fifty_scripted_posts_from_one_address_count_once(self, article):
        for _ in range(50):
            response = reader("198.51.100.7").post(views_url(article))  # a fresh client: no cookies kept
            assert response.status_code == 200
        assert view_count(article) == 1

    def test_two_addresses_count_twice(self, article):
        for _ in range(25):
            reader("198.51.100.7").post(views_url(article))
            reader("198.51.100.8").post(views_url(article))
        assert view_count(article) == 2

    def test_the_cap_is_per_article(self, news_index):
        first, second = NewsPageFactory(parent=news_index), NewsPageFactory(parent=news_index)
        reader().post(views_url(first))
        reader().post(views_url(second))
        assert (view_count(first), view_count(second)) == (1, 1)

    def test_one_ipv6_network_counts_once(self, article):
        reader("2001:db8:1:2::10").post(views_url(article))
        reader("2001:db8:1:2::99").post(views_url(article))
        reader("2001:db8:1:3::10").post(views_url(article))
        assert view_count(article) == 2

    @override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
    def test_behind_a_proxy_the_forwarded_address_is_the_reader(self, article):
        for address in ("198.51.100.1", "198.51.100.2", "198.51.100.2"):
            Client(headers={"User-Agent": BROWSER, "X-Forwarded-For": address}, REMOTE_ADDR="10.0.0.1").post(
                views_url(article)
            )
        assert view_count(article) == 2

    def test_malformed_cookies_are_ignored(self, browser, article):
        browser.cookies[SEEN_COOKIE] = "abc.-1.99999999999999999999.."
        assert browser.post(views_url(article)).json() == {"views": 1}


@pytest.mark.django_db
class TestService:
    def test_increment_is_atomic_not_read_modify_write(self, rf, article):
        """A stale in-memory count must never be written back over other visitors' views."""
        stale = NewsPage.objects.get(pk=article.pk)
        NewsPage.objects.filter(pk=article.pk).update(view_count=5)
        request = rf.post("/", headers={"User-Agent": BROWSER})
        assert news_page_record_view(page=stale, request=request, seen=[]) == 6
        assert view_count(article) == 6

    def test_a_page_in_the_cookie_is_not_counted(self, rf, article):
        request = rf.post("/", headers={"User-Agent": BROWSER})
        assert news_page_record_view(page=article, request=request, seen=[article.pk]) == 0

    def test_the_cookie_remembers_a_bounded_number_of_pages(self, browser, article, monkeypatch):
        monkeypatch.setattr("news.services.SEEN_COOKIE_MAX_PAGES", 3)
        browser.cookies[SEEN_COOKIE] = "1.2.3"
        browser.post(views_url(article))
        assert browser.cookies[SEEN_COOKIE].value == f"2.3.{article.pk}"

    def test_the_counter_reads_the_address_as_the_rate_limits_do(self, rf):
        assert client_key(rf.get("/", REMOTE_ADDR="192.0.2.1")) == "192.0.2.1"
        assert client_key(rf.get("/", REMOTE_ADDR="::ffff:192.0.2.1")) == "192.0.2.1"
        assert client_key(rf.get("/", REMOTE_ADDR="2001:db8::1")) == "2001:db8::/64"
        assert client_key(rf.get("/", REMOTE_ADDR="")) is None


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_visitors_give_exactly_fifty_views(article):
    visitors = 50
    barrier = threading.Barrier(visitors)
    statuses = []
    errors = []

    def visit(number):
        try:
            client = reader(f"198.51.100.{number + 1}")
            barrier.wait(timeout=30)
            statuses.append(client.post(views_url(article)).status_code)
        except Exception as error:  # noqa: BLE001 - reported by the main thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=visit, args=(number,)) for number in range(visitors)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert statuses == [200] * visitors
    assert view_count(article) == visitors
