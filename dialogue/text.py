"""Members' text in the dialogue, shown as a safe subset of Markdown.

Markdown is rendered without raw HTML (a `<script>` typed by a member stays text), plain addresses become links,
and the result is sanitised once more with an allow-list: only these tags, only http(s) and mailto links, every link
`rel="nofollow ugc noopener"`. Headings are shown as bold paragraphs' size: a post cannot shout over the page.
"""

from html import unescape

import nh3
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a", "h3", "h4", "hr", "s",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow ugc noopener"

_markdown = (
    MarkdownIt("commonmark", {"html": False, "linkify": True, "typographer": False})
    .enable(["linkify", "strikethrough"])
    .disable(["image"])
)


def _demote_headings(html):
    """A member's `# Title` is an h3 at most: the page's own headings keep their order."""
    for level in (6, 5, 4, 3, 2, 1):
        target = 3 if level <= 3 else 4
        html = html.replace(f"<h{level}>", f"<h{target}>").replace(f"</h{level}>", f"</h{target}>")
    return html


def render(text):
    """The member's text as safe HTML."""
    html = _demote_headings(_markdown.render(text or ""))
    # Sanitised by nh3's allow-list just above: nothing of the member's markup survives outside it.
    return mark_safe(  # noqa: S308
        nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=URL_SCHEMES,
            link_rel=LINK_REL,
            strip_comments=True,
        )
    )


def plain(text):
    """The member's text without its Markdown or any markup: excerpts, emails, search documents, the API's text."""
    return " ".join(unescape(strip_tags(render(text))).split())


def excerpt(text, length=200):
    value = plain(text)
    return value if len(value) <= length else value[: length - 1].rsplit(" ", 1)[0] + "…"
