"""A recommendation's attachment is checked by the participation core's one check, shared with proposals."""

from participation.uploads import ALLOWED_EXTENSIONS, MAX_ATTACHMENT_BYTES, validate_attachment

__all__ = ["ALLOWED_EXTENSIONS", "MAX_ATTACHMENT_BYTES", "validate_attachment"]
