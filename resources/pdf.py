"""A minimal PDF writer for generated documents (the demo's studies and strategies, tests): text pages only.

Helvetica (one of the PDF's standard fonts, so nothing is embedded) in WinAnsi encoding, with the Romanian letters
that WinAnsi lacks (ă Ă ș Ș ț Ț) mapped onto codes it does not need, named by their glyphs: viewers show them and
text extraction reads them back as Unicode.
"""

import textwrap

# Codes of WinAnsi characters that documents here do not use (¤ ¦ ¨ ¬ ¯ ¸), given to the missing Romanian letters.
EXTRA_LETTERS = {"ă": 164, "Ă": 166, "ș": 168, "Ș": 172, "ț": 175, "Ț": 184}
DIFFERENCES = {164: "abreve", 166: "Abreve", 168: "scommaaccent", 172: "Scommaaccent", 175: "tcommaaccent"}
DIFFERENCES[184] = "Tcommaaccent"
LEGACY_CEDILLAS = str.maketrans("şţŞŢ", "șțȘȚ")
PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4, in points
MARGIN = 56
LINE_CHARACTERS = 90
LINES_PER_PAGE = 52


def _encode(text):
    """`text` as a PDF literal string in the font's encoding (octal escapes outside ASCII)."""
    out = []
    for character in text.translate(LEGACY_CEDILLAS):
        code = EXTRA_LETTERS.get(character)
        if code is None:
            try:
                code = character.encode("cp1252")[0]
            except UnicodeEncodeError:
                code = ord("?")
        if character in "()\\":
            out.append("\\" + character)
        elif 32 <= code < 127:
            out.append(chr(code))
        else:
            out.append(f"\\{code:03o}")
    return "(" + "".join(out) + ")"


def _lines(title, paragraphs):
    lines = [("title", line) for line in textwrap.wrap(title, 60)] + [("text", "")]
    for paragraph in paragraphs:
        lines += [("text", line) for line in textwrap.wrap(paragraph, LINE_CHARACTERS)] + [("text", "")]
    return lines


def _page_stream(lines):
    commands = ["BT", f"{MARGIN} {PAGE_HEIGHT - MARGIN} Td"]
    for style, line in lines:
        size, leading = (16, 22) if style == "title" else (11, 14)
        commands += [f"/F1 {size} Tf", f"{_encode(line)} Tj", f"0 -{leading} Td"]
    commands.append("ET")
    return "\n".join(commands).encode("latin-1")


def text_pdf(title, paragraphs):
    """The bytes of a PDF with `title` on top and `paragraphs` of text below, on as many A4 pages as they need."""
    lines = _lines(title, paragraphs)
    pages = [lines[start : start + LINES_PER_PAGE] for start in range(0, len(lines), LINES_PER_PAGE)] or [[]]
    differences = " ".join(f"{code} /{name}" for code, name in sorted(DIFFERENCES.items()))
    # Objects: 1 catalog, 2 page tree, 3 font, then a page and its content stream for each page.
    page_ids = [4 + 2 * number for number in range(len(pages))]
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: f"<< /Type /Pages /Kids [{' '.join(f'{pk} 0 R' for pk in page_ids)}] /Count {len(pages)} >>".encode(),
        3: (
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding "
            f"<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [{differences}] >> >>"
        ).encode(),
    }
    for page_id, page_lines in zip(page_ids, pages, strict=True):
        stream = _page_stream(page_lines)
        objects[page_id] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {page_id + 1} 0 R >>"
        ).encode()
        objects[page_id + 1] = f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream"
    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(output)
        output += f"{number} 0 obj\n".encode() + objects[number] + b"\nendobj\n"
    xref = len(output)
    output += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    output += "".join(f"{offsets[number]:010d} 00000 n \n" for number in sorted(objects)).encode()
    output += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(output)
