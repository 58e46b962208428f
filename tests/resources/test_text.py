"""The text of a resource's files for the search: PDF, DOCX, ODT and plain text; capped, and never an error."""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from resources import text
from resources.pdf import text_pdf

WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ODF_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def zipped(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx(paragraphs):
    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{first}</w:t></w:r><w:r><w:tab/><w:t>{second}</w:t></w:r></w:p>'
        for first, second in paragraphs
    )
    document = f'<?xml version="1.0"?><w:document xmlns:w="{WORD}"><w:body>{body}</w:body></w:document>'
    return zipped({"[Content_Types].xml": "<Types/>", "word/document.xml": document})


def odt(heading, paragraphs):
    body = f"<text:h>{heading}</text:h>" + "".join(
        f"<text:p>{before}<text:span>{inside}</text:span>{after}<text:s/>final</text:p>"
        for before, inside, after in paragraphs
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="{ODF_OFFICE}" '
        f'xmlns:text="{ODF_TEXT}"><office:automatic-styles><text:p>stil ascuns</text:p></office:automatic-styles>'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    return zipped({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": content})


def test_pdf_text_with_romanian_letters():
    paragraph = "Întreprinderile sociale țin ateliere în Ferentari (Sector 5)."
    data = text_pdf("Strategia de incluziune socială", [paragraph])
    extracted = text.extract_text(data, "pdf")
    assert "Strategia de incluziune socială" in extracted
    # The comma-below letters, never the legacy cedilla ones.
    assert paragraph in extracted


def test_docx_paragraphs_and_tabs():
    extracted = text.extract_text(docx([("Economia circulară", "în București"), ("Al doilea", "paragraf")]), "docx")
    assert extracted == "Economia circulară în București Al doilea paragraf"


def test_odt_headings_spans_and_spaces_without_the_styles():
    data = odt("Planul de acțiune", [("Măsura ", "unu", ": compostare"), ("Măsura ", "doi", ": reparații")])
    extracted = text.extract_text(data, "odt")
    assert extracted == "Planul de acțiune Măsura unu: compostare final Măsura doi: reparații final"
    assert "stil ascuns" not in extracted


def test_plain_text_and_csv():
    assert text.extract_text(b"denumire,sector\nAtelierul de Croitorie,Sector 5\n", "csv") == (
        "denumire,sector Atelierul de Croitorie,Sector 5"
    )
    assert text.extract_text(b"\xff\xfe caf\xc3\xa9", "txt").endswith("café")


@pytest.mark.parametrize(
    ("data", "ext"),
    [
        (b"", "pdf"),
        (b"%PDF-1.4 nu este un pdf", "pdf"),
        (text_pdf("Trunchiat", ["Un text."])[:200], "pdf"),
        (b"PK\x03\x04 nu este o arhiva", "docx"),
        (zipped({"word/altceva.xml": "<a/>"}), "docx"),
        (zipped({"word/document.xml": "<w:document><nu se închide"}), "docx"),
        (zipped({"content.xml": '<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'}), "odt"),
        (zipped({"content.xml": "<x/>"}), "odt"),
        (b"orice", "exe"),
        (b"orice", ""),
    ],
)
def test_broken_or_hostile_files_give_no_text(data, ext):
    assert text.extract_text(data, ext) == ""


def test_deeply_nested_xml_is_read_without_recursion():
    depth = 50_000
    document = f'<w:document xmlns:w="{WORD}">' + "<w:p>" * depth + "<w:t>adânc</w:t>" + "</w:p>" * depth
    document += "</w:document>"
    extracted = text.extract_text(zipped({"word/document.xml": document}), "docx")
    assert extracted in ("adânc", "")  # read, or refused by the parser: never an error


def test_limits(monkeypatch):
    monkeypatch.setattr(text, "MAX_CHARACTERS", 50)
    long = text.extract_text(("cuvânt " * 100).encode(), "txt")
    assert len(long) == 50
    monkeypatch.setattr(text, "MAX_FILE_BYTES", 10)
    assert text.extract_text(b"x" * 11, "txt") == ""
    monkeypatch.setattr(text, "MAX_XML_BYTES", 10)
    assert text.extract_text(docx([("prea", "lung")]), "docx") == ""


def test_a_pdf_is_read_up_to_its_page_limit(monkeypatch):
    monkeypatch.setattr(text, "MAX_PDF_PAGES", 1)
    data = text_pdf("Pagini", [f"Paragraful numărul {number} al documentului." for number in range(300)])
    extracted = text.extract_text(data, "pdf")
    assert "Paragraful numărul 0 " in extracted and "Paragraful numărul 299" not in extracted


@pytest.mark.django_db
def test_document_text_reads_a_document_once_and_survives_a_missing_file(monkeypatch):
    content = text_pdf("Raport", ["Compostarea în blocuri."])
    document = get_document_model()(title="Raport")
    document.file.save("raport.pdf", ContentFile(content), save=False)
    document.save()
    reads = []
    original = text._read
    monkeypatch.setattr(text, "_read", lambda doc: reads.append(doc.pk) or original(doc))
    assert "Compostarea în blocuri." in text.document_text(document)
    assert "Compostarea în blocuri." in text.document_text(document)
    assert reads == [document.pk]
    document.file.storage.delete(document.file.name)
    document.file.name = "documents/lipsa.pdf"
    assert text.document_text(document) == ""
