"""website.ratelimit: limits per account and IP address on forms that create something or send email (issue #7, 6)."""

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory, override_settings

from tests.factories.members import UserFactory
from tests.factories.website import FormFieldFactory, FormPageFactory, SiteSettingsFactory
from website import ratelimit


@pytest.fixture(autouse=True)
def fresh_counters():
    cache.clear()
    yield
    cache.clear()


def request_from(ip, user=None, **meta):
    request = RequestFactory().post("/", REMOTE_ADDR=ip, **meta)
    request.user = user or AnonymousUser()
    return request


@override_settings(RATE_LIMITS={"test": {"ip": "2/h"}})
def test_counts_per_address():
    ratelimit.consume(request_from("203.0.113.1"), "test")
    ratelimit.consume(request_from("203.0.113.1"), "test")
    with pytest.raises(ratelimit.RateLimited):
        ratelimit.consume(request_from("203.0.113.1"), "test")
    ratelimit.consume(request_from("203.0.113.2"), "test")


@pytest.mark.django_db
@override_settings(RATE_LIMITS={"test": {"user": "1/h", "ip": "100/h"}})
def test_counts_per_account_whatever_the_address():
    user = UserFactory()
    ratelimit.consume(request_from("203.0.113.1", user), "test")
    with pytest.raises(ratelimit.RateLimited):
        ratelimit.consume(request_from("198.51.100.1", user), "test")
    ratelimit.consume(request_from("198.51.100.1", UserFactory()), "test")


@override_settings(RATE_LIMITS={"test": {"ip": "1/s"}})
def test_a_window_expires(monkeypatch):
    ratelimit.consume(request_from("203.0.113.1"), "test")
    with pytest.raises(ratelimit.RateLimited):
        ratelimit.consume(request_from("203.0.113.1"), "test")
    cache.delete("ratelimit:test:ip:203.0.113.1")  # what the cache does when the second has passed
    ratelimit.consume(request_from("203.0.113.1"), "test")


@override_settings(RATE_LIMITS={"test": {"ip": "1/h"}}, ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_forwarded_address_counts():
    ratelimit.consume(request_from("10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.1"), "test")
    # What the client itself put in the header before the proxy's entry does not change its address.
    ratelimit.consume(request_from("10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.2"), "test")
    with pytest.raises(ratelimit.RateLimited):
        ratelimit.consume(request_from("10.0.0.1", HTTP_X_FORWARDED_FOR="5.6.7.8, 203.0.113.2"), "test")


@override_settings(RATE_LIMITS={"test": {"ip": "1/h"}})
def test_one_ipv6_network_is_one_client():
    """A host holds a whole /64: changing the address inside it does not buy more submissions."""
    ratelimit.consume(request_from("2001:db8:1:2::10"), "test")
    with pytest.raises(ratelimit.RateLimited):
        ratelimit.consume(request_from("2001:db8:1:2::99"), "test")
    ratelimit.consume(request_from("2001:db8:1:3::10"), "test")


@override_settings(RATE_LIMITS={"test": {"ip": "1/h"}})
def test_an_ipv4_mapped_address_is_the_ipv4_client():
    ratelimit.consume(request_from("192.0.2.1"), "test")
    with pytest.raises(ratelimit.RateLimited):
        ratelimit.consume(request_from("::ffff:192.0.2.1"), "test")


def test_client_key():
    assert ratelimit.client_key(request_from("192.0.2.1")) == "192.0.2.1"
    assert ratelimit.client_key(request_from("::ffff:192.0.2.1")) == "192.0.2.1"
    assert ratelimit.client_key(request_from("2001:db8::1")) == "2001:db8::/64"
    assert ratelimit.client_key(request_from("")) is None


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=0)
def test_without_proxies_the_forwarded_header_is_ignored():
    assert ratelimit.client_ip(request_from("203.0.113.9", HTTP_X_FORWARDED_FOR="1.2.3.4")) == "203.0.113.9"


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_a_malformed_forwarded_header_falls_back_to_the_connection():
    assert ratelimit.client_ip(request_from("203.0.113.9", HTTP_X_FORWARDED_FOR="not-an-ip")) == "203.0.113.9"


@pytest.mark.parametrize("rate", ["5", "5/w", "x/h", ""])
def test_a_bad_rate_is_a_configuration_error(rate):
    with pytest.raises(ImproperlyConfigured):
        ratelimit.parse_rate(rate)


def test_an_action_without_limits_is_a_configuration_error():
    with pytest.raises(ImproperlyConfigured):
        ratelimit.consume(request_from("203.0.113.1"), "no-such-action")


@pytest.mark.django_db
class TestContactForm:
    @pytest.fixture
    def contact_page(self, home_page):
        page = FormPageFactory(parent=home_page)
        FormFieldFactory(page=page, label="Nume", field_type="singleline", sort_order=0)
        FormFieldFactory(page=page, label="Email", field_type="email", sort_order=1)
        FormFieldFactory(page=page, label="Mesaj", field_type="multiline", sort_order=2)
        SiteSettingsFactory(site=home_page.get_site(), contact_email="echipa@example.org")
        return page

    def test_posting_in_a_loop_is_refused_and_emails_nobody(self, client, contact_page):
        data = {"nume": "Ana Pop", "email": "ana@example.org", "mesaj": "Mesaj repetat"}
        with override_settings(RATE_LIMITS={"contact_form": {"user": "2/h", "ip": "2/h"}}):
            for _ in range(2):
                assert client.post(contact_page.url, data).status_code == 200
            response = client.post(contact_page.url, data)
            # Invalid submissions are not counted, and they still show their own errors.
            assert client.post(contact_page.url, {**data, "email": "nu-e-email"}).status_code == 200
        assert response.status_code == 429
        page = response.content.decode()
        assert "Ați trimis acest formular de prea multe ori" in page
        assert "Mesaj repetat" in page
        assert len(mail.outbox) == 2
        assert contact_page.get_submission_class().objects.filter(page=contact_page).count() == 2

    def test_default_limits_refuse_the_next_submission_and_email_once_per_accepted_one(self, client, contact_page):
        """With the limits of settings (not overridden): n accepted submissions, each one emails staff exactly once,
        and the n+1-th is answered with 429, the Romanian message and what was typed."""
        allowed, _period = ratelimit.parse_rate(settings.RATE_LIMITS["contact_form"]["ip"])
        data = {"nume": "Ana Pop", "email": "ana@example.org", "mesaj": "Mesaj repetat"}
        for number in range(1, allowed + 1):
            assert client.post(contact_page.url, data).status_code == 200
            assert len(mail.outbox) == number
            assert mail.outbox[-1].to == ["echipa@example.org"]
        response = client.post(contact_page.url, {**data, "mesaj": "Ultimul mesaj, păstrat"})
        assert response.status_code == 429
        page = response.content.decode()
        assert "Ați trimis acest formular de prea multe ori" in page
        assert "Ultimul mesaj, păstrat" in page
        assert 'value="Ana Pop"' in page
        assert len(mail.outbox) == allowed
        assert contact_page.get_submission_class().objects.filter(page=contact_page).count() == allowed

    def test_default_limits_per_account(self, client, contact_page):
        allowed, _period = ratelimit.parse_rate(settings.RATE_LIMITS["contact_form"]["user"])
        client.force_login(UserFactory())
        data = {"nume": "Ana Pop", "email": "ana@example.org", "mesaj": "Din cont"}
        for _ in range(allowed):
            assert client.post(contact_page.url, data).status_code == 200
        # Another address does not help an account past its own limit.
        response = client.post(contact_page.url, data, REMOTE_ADDR="198.51.100.77")
        assert response.status_code == 429
        assert "Din cont" in response.content.decode()
        assert len(mail.outbox) == allowed


@override_settings(RATE_LIMITS={"test": {"user": "2/m,3/h"}})
def test_several_rates_all_hold(db):
    """A burst limit and a longer one: the burst stops the third in a minute, the hourly one the fourth in an hour."""
    user = UserFactory()
    for _ in range(2):
        ratelimit.consume(request_from("203.0.113.1", user), "test")
    with pytest.raises(ratelimit.RateLimited):
        ratelimit.consume(request_from("203.0.113.1", user), "test")
    cache.delete(f"ratelimit:test:user:{user.pk}:2/m")  # the minute has passed
    with pytest.raises(ratelimit.RateLimited):
        ratelimit.consume(request_from("203.0.113.1", user), "test")  # the fourth this hour
