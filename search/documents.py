"""Helpers for the kinds' `document(obj)`: a page's searchable text and the document most pages need."""

import html

from django.utils.html import strip_tags
from wagtail import blocks

from .registry import DocumentData

# A document keeps this much text: enough for snippets and for the words that matter in a long guide.
BODY_MAX_CHARACTERS = 20_000
# Blocks whose values are settings (a heading's level), not text a reader would search for.
NON_TEXT_BLOCKS = (blocks.ChoiceBlock, blocks.MultipleChoiceBlock, blocks.URLBlock, blocks.BooleanBlock)


def plain_text(value):
    """`value` (text or HTML) as plain text on one line."""
    text = html.unescape(strip_tags(str(value or "")))
    return " ".join(text.split())


def _block_text(block, value):
    if isinstance(block, NON_TEXT_BLOCKS) or value is None:
        return []
    if isinstance(block, blocks.StructBlock):
        return [text for name, child in block.child_blocks.items() for text in _block_text(child, value.get(name))]
    if isinstance(block, blocks.ListBlock):
        return [text for item in value for text in _block_text(block.child_block, item)]
    if isinstance(block, blocks.StreamBlock):
        return [text for child in value for text in _block_text(child.block, child.value)]
    return [str(text) for text in block.get_searchable_content(value)]


def stream_text(stream_value):
    """The text of a StreamField value: headings, paragraphs, quotes, tables; no block settings."""
    if not stream_value:
        return ""
    return plain_text(" ".join(_block_text(stream_value.stream_block, stream_value)))


def join_text(*parts):
    """Non-empty parts as plain text, cut at BODY_MAX_CHARACTERS."""
    text = " ".join(plain_text(part) for part in parts if part)
    return text[:BODY_MAX_CHARACTERS]


def page_url(page):
    """A page's address on its site (relative on a single-site install)."""
    return page.get_url(None) or page.url_path


def page_document(page, *, extra=(), **values):
    """A page's document: title, summary, body and topics (website.BasePage), plus `extra` text and any
    DocumentData field given in `values` (date, closes_at, …)."""
    return DocumentData(
        title=page.title,
        url=page_url(page),
        body=join_text(getattr(page, "intro", ""), stream_text(getattr(page, "body", None)), *extra),
        topics=tuple(topic.pk for topic in page.topics.all()) if hasattr(page, "topics") else (),
        **values,
    )
