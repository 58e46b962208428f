"""A visitor creates an account, confirms the email address, logs in and asks to join an organization."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils.translation import gettext
from playwright.sync_api import expect

from members.models import Membership
from tests.factories.directory import OrganizationFactory


def field(page, label):
    """The input labelled `label` (translated), whose label may end with the "required" asterisk."""
    return page.get_by_label(re.compile(rf"^{re.escape(gettext(label))}\s*\*?$"))


@pytest.fixture
def organization(transactional_db, home_page):
    cache.clear()  # allauth's rate limits count in the cache
    OrganizationFactory(name="Fundația Lumina")
    return OrganizationFactory(name="Asociația Vecinii din Titan")


def test_sign_up_confirm_log_in_and_ask_to_join(live_server, page, organization):
    page.goto(live_server.url + "/")
    page.get_by_role("banner").get_by_role("link", name=gettext("Sign up")).click()
    expect(page).to_have_url(re.compile(r"/cont/inregistrare/$"))

    field(page, "First name").fill("Elena")
    field(page, "Last name").fill("Marinescu")
    field(page, "Email address").fill("elena.marinescu@example.org")
    field(page, "Password").fill("Sigur-pe-ea-2026")
    field(page, "Password again").fill("Sigur-pe-ea-2026")
    page.get_by_role("button", name=gettext("Create the account")).click()
    expect(page).to_have_url(re.compile(r"/cont/confirmare-email/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(gettext("Confirm your email address"))

    # The confirmation link, from the email the server (in this process) just sent.
    assert [message.to for message in mail.outbox] == [["elena.marinescu@example.org"]]
    link = re.search(r"https?://[^/\s]+(/cont/confirmare-email/\S+)", mail.outbox[0].body).group(1)
    page.goto(live_server.url + link)
    page.get_by_role("button", name=gettext("Confirm")).click()
    expect(page).to_have_url(re.compile(r"/cont/autentificare/$"))

    field(page, "Email address").fill("elena.marinescu@example.org")
    field(page, "Password").fill("Sigur-pe-ea-2026")
    page.get_by_role("main").get_by_role("button", name=gettext("Log in")).click()
    expect(page).to_have_url(re.compile(r"/contul-meu/$"))
    banner = page.get_by_role("banner")
    expect(banner).to_contain_text("Elena Marinescu")
    expect(banner.get_by_role("link", name=gettext("My account"))).to_be_visible()
    expect(banner.get_by_role("button", name=gettext("Log out"))).to_be_visible()

    page.get_by_role("link", name=gettext("Join an organization")).click()
    field(page, "Organization name or fiscal code (CUI)").fill("vecinii titan")
    page.get_by_role("main").get_by_role("button", name=gettext("Search")).click()
    page.get_by_role("link", name=re.compile(re.escape(gettext("Ask to join")))).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Asociația Vecinii din Titan")
    page.get_by_role("textbox").fill("Sunt voluntară la grădina comunitară.")
    page.get_by_role("button", name=gettext("Send the request")).click()

    expect(page).to_have_url(re.compile(r"/contul-meu/$"))
    my_organizations = page.get_by_role("region", name=gettext("My organizations"))
    request = my_organizations.get_by_role("listitem").filter(has_text="Asociația Vecinii din Titan")
    expect(request).to_contain_text(gettext("Request waiting for approval"))
    membership = Membership.objects.get(user__email="elena.marinescu@example.org")
    assert (membership.organization, membership.state) == (organization, Membership.State.REQUESTED)
    assert membership.message == "Sunt voluntară la grădina comunitară."
