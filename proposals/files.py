"""Handing out a proposal's attachment (after the caller checked permissions.can_download_attachment)."""

from pathlib import PurePath

from django.http import FileResponse, Http404
from django.utils.text import slugify


def attachment_response(attachment):
    """The file as a download named after its title, never rendered by the browser."""
    try:
        handle = attachment.file.open("rb")
    except OSError as error:
        raise Http404 from error
    name = (slugify(attachment.title) or f"anexa-{attachment.pk}")[:80] + PurePath(attachment.file.name).suffix
    response = FileResponse(handle, as_attachment=True, filename=name)
    response["X-Content-Type-Options"] = "nosniff"
    return response
