from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks

from search.documents import page_document
from search.registry import SEARCH_KINDS_HOOK, SearchKind
from website.hooks import DEMO_DATA_HOOK, HOME_PAGE_BLOCKS_HOOK, NAVIGATION_HOOK, PROFILE_SECTIONS_HOOK

from .models import ResourceDocument, ResourcePage
from .text import document_text


@hooks.register(NAVIGATION_HOOK)
def public_policies_navigation(request):
    """The header entry "Politici publice": the library's strategies and policies in force (resources.views)."""
    return {"title": _("Public policies"), "url": reverse("resources:public_policies"), "order": 80}


@hooks.register(HOME_PAGE_BLOCKS_HOOK)
def latest_resources_block(request):
    """The latest resources added to the library."""
    return {
        "order": 35,
        "id": "home-resources",
        "title": _("New in the resources library"),
        "more_label": _("All resources"),
        "items": ResourcePage.objects.live().public().order_by("-first_published_at", "-pk").for_listing()[:3],
        "card_meta": "resources/includes/resource_meta.html",
    }


@hooks.register(PROFILE_SECTIONS_HOOK)
def published_resources_section(organization, request):
    """The resources an organization published, on its directory profile (the newest first)."""
    resources = ResourcePage.objects.live().public().filter(publisher_organization=organization).newest_first()
    items = [
        (f"{page.title} ({page.get_kind_display()}, {page.year})", page.get_url(request)) for page in resources[:20]
    ]
    return {"title": _("Resources it published"), "items": items}


@hooks.register(PROFILE_SECTIONS_HOOK)
def adopted_policies_section(organization, request):
    """The strategies, policies and action plans an authority adopted, on its profile (the newest first)."""
    if not organization.is_authority:
        return None
    # Those it also published are in the section above.
    resources = (
        ResourcePage.objects.live()
        .public()
        .filter(adopting_authority=organization)
        .exclude(publisher_organization=organization)
        .newest_first()
    )
    items = []
    for page in resources[:20]:
        details = ", ".join(part for part in (str(page.period_label), str(page.validity_label)) if part)
        items.append((f"{page.title} ({details})" if details else page.title, page.get_url(request)))
    return {"title": _("Strategies and public policies it adopted"), "items": items}


@hooks.register(DEMO_DATA_HOOK)
def resources_demo():
    """After the directory (publishers, authorities), the guides and the consultations (related pages)."""
    from . import demo

    return 65, demo.seed


@hooks.register(SEARCH_KINDS_HOOK)
def resources_search_kinds():
    """Published resources in the site-wide search: title, summary, publisher and the text of their PDF, DOCX and ODT
    files (resources.text); a file added, removed or replaced updates the resource's document."""

    def document(page):
        extra = [page.publisher, page.authors, page.get_kind_display(), page.adopting_act]
        extra += [item.display_title for item in page.documents.all()]
        extra += [document_text(item.document) for item in page.documents.all()]
        return page_document(page, extra=extra)

    return SearchKind(
        key="resurse",
        label=gettext_lazy("Resources"),
        model=ResourcePage,
        public=lambda: (
            ResourcePage.objects.live()
            .public()
            .select_related("publisher_organization")
            .prefetch_related("topics", "documents__document")
        ),
        document=document,
        order=45,
        refresh_with={
            ResourceDocument: lambda pk: ResourcePage.objects.filter(documents__pk=pk),
            _document_model(): lambda pk: ResourcePage.objects.filter(documents__document_id=pk),
        },
    )


def _document_model():
    from wagtail.documents import get_document_model

    return get_document_model()


@hooks.register("after_publish_page")
def refresh_search_document(request, page):
    """A file removed from a published resource leaves its search document too (its row is deleted without the
    page being saved again)."""
    if page.specific_class is ResourcePage:
        from search.services import object_changed

        object_changed(obj=page)
