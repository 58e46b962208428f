"""The one check of a member's attachment (a consultation recommendation's, a proposal's): an allowed extension, at
most 10 MB, content that matches it; and where such files live (the private storage, under names nobody can guess).
"""

import uuid
import zipfile
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.utils.translation import gettext as _

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
OLE2_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DOCX_CONTENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
ALLOWED_EXTENSIONS = (".pdf", ".doc", ".docx", ".odt")


def _zip_member(upload, name):
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            return archive.read(name)[:4096] if name in archive.namelist() else None
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, NotImplementedError):
        return None


def _content_matches(upload, extension):
    upload.seek(0)
    head = upload.read(8)
    match extension:
        case ".pdf":
            return head.startswith(b"%PDF-")
        case ".doc":
            return head == OLE2_HEADER
        case ".docx":
            types = _zip_member(upload, "[Content_Types].xml") if head.startswith(b"PK\x03\x04") else None
            return bool(types) and DOCX_CONTENT_TYPE in types
        case ".odt":
            mimetype = _zip_member(upload, "mimetype") if head.startswith(b"PK\x03\x04") else None
            return mimetype is not None and mimetype.strip() == ODT_MIMETYPE
    return False


def validate_attachment(upload):
    """Raise a ValidationError (in Romanian) unless `upload` is a real PDF, DOC, DOCX or ODT of at most 10 MB."""
    extension = PurePath(upload.name or "").suffix.lower()
    if extension not in ALLOWED_EXTENSIONS:
        raise ValidationError(_("Attach a PDF, DOC, DOCX or ODT file."), code="extension")
    if upload.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(_("The attachment may be at most 10 MB."), code="size")
    try:
        matches = _content_matches(upload, extension)
    finally:
        upload.seek(0)
    if not matches:
        raise ValidationError(
            _("The file's content is not a %(kind)s document: save it again in this format and attach it.")
            % {"kind": extension[1:].upper()},
            code="content",
        )


def private_storage():
    """Outside the public media: members' attachments are handed out only by views that check who asks."""
    return storages["private"]


def unguessable_name(folder, filename):
    """`folder/<random>.<ext>`: a name nobody can guess, keeping only the extension of what the member uploaded."""
    return f"{folder}/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"
