"""The text of a resource's documents, for the site-wide search: PDF (pypdf), DOCX and ODT (their XML), plain text.

Every extraction is capped (file size, pages, characters) and never raises: a broken, encrypted or hostile file
gives "" (or what could be read before the problem), never an error where the search document is built.
"""

import io
import logging
import zipfile
from collections import OrderedDict

from defusedxml import ElementTree

from .files import extension

# Uploads are at most 10 MB (WAGTAILDOCS_MAX_UPLOAD_SIZE); a larger file (an older upload) is not read.
MAX_FILE_BYTES = 20 * 1024 * 1024
# The text kept per document: the search document keeps 20,000 characters in all (search.documents).
MAX_CHARACTERS = 20_000
MAX_PDF_PAGES = 60
# The uncompressed XML of a DOCX or ODT read at most (a "zip bomb" declares a small file and inflates).
MAX_XML_BYTES = 20 * 1024 * 1024

WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
ODF_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"

# Old fonts name ț "tcommaaccent" but map it to the cedilla ţ; Romanian text is written with the comma below.
LEGACY_CEDILLAS = str.maketrans("şţŞŢ", "șțȘȚ")

logger = logging.getLogger(__name__)

# Texts already extracted, by document and file: a page saved again does not read its PDFs again.
MAX_REMEMBERED = 256
_texts = OrderedDict()


def _clean(text):
    """Whitespace collapsed, NUL characters dropped, cut at MAX_CHARACTERS."""
    return " ".join(str(text).replace("\x00", " ").translate(LEGACY_CEDILLAS).split())[:MAX_CHARACTERS]


def pdf_text(data):
    """The text of a PDF's first pages."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        return ""
    parts, length = [], 0
    for number, page in enumerate(reader.pages):
        if number >= MAX_PDF_PAGES or length >= MAX_CHARACTERS:
            break
        text = page.extract_text() or ""
        parts.append(text)
        length += len(text)
    return "\n".join(parts)


def _zip_member(data, name):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(name)
        if info.file_size > MAX_XML_BYTES:
            return b""
        with archive.open(info) as member:
            return member.read(MAX_XML_BYTES + 1)[:MAX_XML_BYTES]


def _walk(root, *, keeps_text, block_tags, space_tags, keeps_tail):
    """The text under `root` in document order, a line break after each block, without recursion."""
    parts = []
    stack = [(root, False)]
    while stack:
        element, closing = stack.pop()
        if closing:
            if element.tag in block_tags:
                parts.append("\n")
            if keeps_tail and element is not root and element.tail:
                parts.append(element.tail)
            continue
        if element.tag in space_tags:
            parts.append(" ")
        if element.text and keeps_text(element):
            parts.append(element.text)
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    return "".join(parts)


def docx_text(data):
    """The paragraphs of a Word document's body (`word/document.xml`)."""
    root = ElementTree.fromstring(_zip_member(data, "word/document.xml"))
    return _walk(
        root,
        keeps_text=lambda element: element.tag == f"{WORD}t",
        block_tags={f"{WORD}p"},
        space_tags={f"{WORD}tab", f"{WORD}br", f"{WORD}cr"},
        keeps_tail=False,
    )


def odt_text(data):
    """The paragraphs and headings of an OpenDocument text (`content.xml`), without its styles."""
    root = ElementTree.fromstring(_zip_member(data, "content.xml"))
    body = root.find(f"{ODF_OFFICE}body")
    if body is None:
        return ""
    return _walk(
        body,
        keeps_text=lambda element: True,
        block_tags={f"{ODF_TEXT}p", f"{ODF_TEXT}h"},
        space_tags={f"{ODF_TEXT}s", f"{ODF_TEXT}tab", f"{ODF_TEXT}line-break"},
        keeps_tail=True,
    )


def plain_text(data):
    return data[: MAX_CHARACTERS * 4].decode("utf-8", errors="replace")


EXTRACTORS = {"pdf": pdf_text, "docx": docx_text, "odt": odt_text, "txt": plain_text, "csv": plain_text}


def extract_text(data, ext):
    """The searchable text of a file's bytes `data` with extension `ext` ("pdf"); "" when it cannot be read."""
    extractor = EXTRACTORS.get((ext or "").lower())
    if extractor is None or not data or len(data) > MAX_FILE_BYTES:
        return ""
    try:
        return _clean(extractor(data))
    except Exception:  # any broken or hostile file: no text, never an error for the caller
        logger.info("No text extracted from a .%s file", ext, exc_info=True)
        return ""


def document_text(document):
    """The searchable text of a Wagtail document, remembered while its file stays the same."""
    ext = extension(document.filename)
    if ext not in EXTRACTORS:
        return ""
    key = (document.pk, document.file.name, document.file_hash, document.file_size)
    if key in _texts:
        _texts.move_to_end(key)
        return _texts[key]
    text = extract_text(_read(document), ext)
    _texts[key] = text
    while len(_texts) > MAX_REMEMBERED:
        _texts.popitem(last=False)
    return text


def _read(document):
    try:
        if document.file.size > MAX_FILE_BYTES:
            return b""
        with document.open_file() as handle:
            return handle.read(MAX_FILE_BYTES + 1)
    except Exception:  # a missing or unreadable file: no text
        logger.info("Document %s could not be read", document.pk, exc_info=True)
        return b""
