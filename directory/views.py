"""The public directory: listing with filters and counts, profiles, and the open-data exports."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET
from wagtail import hooks

from website.addresses import public_base_url
from website.hooks import PROFILE_SECTIONS_HOOK
from website.pagination import paginate

from .exports import csv_response, organization_data, xlsx_response
from .filters import DirectoryFilterSet
from .models import Organization
from .selectors import public_organizations

PER_PAGE = getattr(settings, "DIRECTORY_PER_PAGE", 24)
EXPORT_CHUNK_SIZE = 1000

# Other apps add sections to a profile (its consultations, proposals, funding calls) through
# PROFILE_SECTIONS_HOOK (website/hooks.py; importable from here too). A hook that returns nothing, or no
# items, adds nothing to the page.


@require_GET
def organization_list(request):
    filters = DirectoryFilterSet(request.GET, public_organizations())
    page_obj = paginate(request, filters.qs.for_listing(), PER_PAGE)
    context = {
        "filters": filters,
        "facets": filters.directory_facets(),
        "ignored_filters": filters.ignored_filters(),
        "page_obj": page_obj,
        "organizations": page_obj.object_list,
        "kinds": Organization.Kind,
    }
    return render(request, "directory/organization_list.html", context)


@require_GET
def organization_detail(request, slug):
    organization = get_object_or_404(public_organizations().for_listing(), slug=slug)
    sections = []
    for hook in hooks.get_hooks(PROFILE_SECTIONS_HOOK):
        section = hook(organization, request)
        if section and section.get("items"):
            sections.append(section)
    context = {"organization": organization, "profile_sections": sections}
    return render(request, "directory/organization_detail.html", context)


def _exported(request):
    return DirectoryFilterSet(request.GET, public_organizations()).qs.for_listing()


@require_GET
def export_csv(request):
    """The (filtered) public directory as CSV, streamed in chunks of EXPORT_CHUNK_SIZE rows."""
    organizations = _exported(request).iterator(chunk_size=EXPORT_CHUNK_SIZE)
    return csv_response(organizations, base_url=_base_url(request))


@require_GET
def export_xlsx(request):
    """The (filtered) public directory as an XLSX workbook for people: Romanian headings, codes as text."""
    organizations = _exported(request).iterator(chunk_size=EXPORT_CHUNK_SIZE)
    return xlsx_response(organizations, base_url=_base_url(request))


@require_GET
def export_json(request):
    """The (filtered) public directory as JSON, in the API's list shape."""
    base_url = _base_url(request)
    items = [organization_data(organization, base_url=base_url) for organization in _exported(request)]
    return JsonResponse(
        {"meta": {"total_count": len(items)}, "items": items},
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )


def _base_url(request):
    return public_base_url()
