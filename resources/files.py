"""How a resource's files are named and described: "PDF, 2,4 MB" before downloading, a readable name after."""

import re
from pathlib import PurePosixPath
from urllib.parse import quote

from django.utils.formats import number_format
from django.utils.text import slugify

from website.slugs import transliterate

# Characters a file name cannot hold on common systems, and control characters.
UNSAFE_NAME_CHARACTERS = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')
MAX_NAME_LENGTH = 120
DASHES = re.compile("[\u2010-\u2015\u2212]")


def size_label(size):
    """A file size as Romanian readers write it: "2,4 MB", "850 KB" (1 KB = 1024 bytes); "" when unknown."""
    if size is None:
        return ""
    kilobytes = max(size, 0) / 1024
    if kilobytes < 1024:
        return f"{number_format(max(round(kilobytes), 1), decimal_pos=0)} KB"
    megabytes = kilobytes / 1024
    if megabytes < 1024:
        return f"{number_format(round(megabytes, 1), decimal_pos=1)} MB"
    return f"{number_format(round(megabytes / 1024, 1), decimal_pos=1)} GB"


def extension(filename):
    """The lower-case extension of `filename` without its dot ("pdf"), or ""."""
    return PurePosixPath(filename or "").suffix.lstrip(".").lower()[:10]


def format_label(filename, size):
    """What a reader sees before downloading: "PDF, 2,4 MB" (the format alone when the size is unknown)."""
    parts = [extension(filename).upper(), size_label(size)]
    return ", ".join(part for part in parts if part)


def ascii_name(title, ext):
    """`title` as an ASCII slug with its extension: "Strategia socială" → "strategia-sociala.pdf"."""
    # Dashes between words or years ("2022–2027") stay hyphens; slugify would drop them.
    title = DASHES.sub("-", title or "")
    stem = slugify(transliterate(title))[:MAX_NAME_LENGTH].strip("-") or "document"
    return f"{stem}.{ext}" if ext else stem


def readable_name(title, ext):
    """`title` as it reads, with its diacritics, safe as a file name, with its extension."""
    stem = " ".join(UNSAFE_NAME_CHARACTERS.sub(" ", title or "").split())[:MAX_NAME_LENGTH].strip(" .") or "document"
    return f"{stem}.{ext}" if ext else stem


def content_disposition(title, ext):
    """`attachment` with an ASCII `filename` for old clients and the readable UTF-8 name in `filename*` (RFC 6266)."""
    readable = quote(readable_name(title, ext), safe="")
    return f"attachment; filename=\"{ascii_name(title, ext)}\"; filename*=UTF-8''{readable}"
