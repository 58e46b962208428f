"""A resource's file downloads: served under a readable name (the file's title, not the uploaded name) and counted."""

from urllib.parse import urlencode

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET
from wagtail import hooks

from . import files, services
from .models import ResourceIndexPage, ResourceKind

# The library's strategies and public policies in force: where the menu's "Politici publice" leads.
PUBLIC_POLICIES_QUERY = {"tip": ResourceKind.STRATEGY, "in_vigoare": "da"}


@require_GET
def public_policies(request):
    """`/politici-publice/`: the library's listing of the strategies and public policies in force. A fixed address,
    so that the menu entry costs no query on every page; the library is looked up only when it is followed."""
    index = ResourceIndexPage.objects.live().public().first()
    url = index.get_url(request) if index else None
    if not url:
        raise Http404
    return redirect(f"{url}?{urlencode(PUBLIC_POLICIES_QUERY)}")


def download(request, resource, document_id):
    """`<resource>/descarca/<document id>/`: one of the resource's files, as an attachment, counted.

    Wagtail's own document checks run first (a private collection asks for its password or a login). Files in
    object storage, without a local path, are handed over by a redirect to their address. Never cached, so that
    a cache between the reader and the site cannot swallow a count.
    """
    attached = (
        resource.documents.select_related("document", "document__collection").filter(document_id=document_id).first()
    )
    if attached is None:
        raise Http404
    document = attached.document
    for check in hooks.get_hooks("before_serve_document"):
        result = check(document, request)
        if isinstance(result, HttpResponse):
            return result
    try:
        local_path = document.file.path
    except NotImplementedError:
        response = redirect(document.file.url)
    else:
        try:
            handle = open(local_path, "rb")  # noqa: SIM115 - FileResponse closes it
        except OSError as error:
            raise Http404 from error
        response = FileResponse(handle, content_type=document.content_type)
        response["Content-Disposition"] = files.content_disposition(
            attached.display_title, files.extension(document.filename)
        )
        # As Wagtail's own document view: nothing in a file runs as part of the site.
        response["Content-Security-Policy"] = "default-src 'none'"
        response["X-Content-Type-Options"] = "nosniff"
    if request.method == "GET":
        services.resource_record_download(resource=resource)
    add_never_cache_headers(response)
    return response
