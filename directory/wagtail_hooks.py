"""The directory in the Wagtail admin: organizations, with search, filters and export for staff."""

import django_filters
from django import forms
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, LiveStatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from participation.follows import FOLLOWABLE_HOOK, Followable
from participation.moderation import MODERATION_KINDS_HOOK, ModerationKind
from search.documents import join_text
from search.registry import SEARCH_KINDS_HOOK, DocumentData, SearchKind
from website.groups import EDITORS, MODERATORS
from website.hooks import (
    API_ENDPOINTS_HOOK,
    DEMO_DATA_HOOK,
    NAVIGATION_HOOK,
    SITEMAPS_HOOK,
    STAFF_PERMISSIONS_HOOK,
)
from website.models import Topic
from website.spreadsheets import SafeSpreadsheetExportMixin

from .admin_views import OrganizationCreateView, OrganizationEditView, OrganizationWorkflowActionView
from .api import OrganizationAPIViewSet
from .models import Organization, Sector
from .sitemaps import OrganizationSitemap


class OrganizationFilterSet(WagtailFilterSet):
    kind = django_filters.MultipleChoiceFilter(
        label=_("Kind"), choices=Organization.Kind.choices, widget=forms.CheckboxSelectMultiple
    )
    sectors = django_filters.ModelMultipleChoiceFilter(
        label=_("Sector"), queryset=Sector.objects.all(), widget=forms.CheckboxSelectMultiple, distinct=True
    )
    topics = django_filters.ModelMultipleChoiceFilter(
        label=_("Topic"), queryset=Topic.objects.all(), widget=forms.CheckboxSelectMultiple, distinct=True
    )
    verified = django_filters.BooleanFilter(label=_("Verified by staff"))
    seeking_partners = django_filters.BooleanFilter(label=_("Seeking partners"))
    live = django_filters.BooleanFilter(label=_("Published"))
    in_moderation = django_filters.BooleanFilter(label=_("Waiting for moderation"), method="filter_in_moderation")
    has_unpublished_changes = django_filters.BooleanFilter(label=_("Has changes waiting for publication"))

    class Meta:
        model = Organization
        fields = []

    def filter_in_moderation(self, queryset, name, value):
        if value is None:
            return queryset
        waiting = Organization.objects.in_moderation().values("pk")
        return queryset.filter(pk__in=waiting) if value else queryset.exclude(pk__in=waiting)


class OrganizationIndexView(SafeSpreadsheetExportMixin, IndexView):
    pass


class OrganizationViewSet(SnippetViewSet):
    model = Organization
    index_view_class = OrganizationIndexView
    add_view_class = OrganizationCreateView
    edit_view_class = OrganizationEditView
    workflow_action_view_class = OrganizationWorkflowActionView
    icon = "group"
    menu_label = _("Organizations")
    menu_order = 200
    add_to_admin_menu = True
    filterset_class = OrganizationFilterSet
    # Plain database search: staff find an organization by part of its name or by its CUI, drafts included.
    search_backend_name = None
    search_fields = ["name", "short_name", "cui", "description"]
    list_display = [
        "name",
        "kind",
        "cui",
        BooleanColumn("verified", label=_("Verified")),
        BooleanColumn("seeking_partners", label=_("Seeking partners")),
        LiveStatusTagColumn(),
    ]
    list_per_page = 50
    ordering = ["sort_name"]
    list_export = [
        "name",
        "short_name",
        "slug",
        "kind",
        "cui",
        "registration_number",
        "founding_year",
        "address",
        "postal_code",
        "email",
        "phone",
        "website",
        "verified",
        "seeking_partners",
        "live",
        "has_unpublished_changes",
    ]
    export_filename = "organizatii"
    copy_view_enabled = False


register_snippet(OrganizationViewSet)


@hooks.register(MODERATION_KINDS_HOOK)
def organizations_in_moderation():
    """New organizations and profile changes wait in Wagtail's workflow; the queue lists them beside the rest."""
    return ModerationKind(
        key="organizatii",
        label=_("Organizations and profile changes"),
        model=Organization,
        pending=lambda: Organization.objects.in_moderation().order_by("sort_name"),
        admin_url=lambda organization: reverse(
            Organization.snippet_viewset.get_url_name("edit"), args=[organization.pk]
        ),
    )


@hooks.register(NAVIGATION_HOOK)
def directory_navigation(request):
    """The header entry "Organizații", after the content families."""
    return {"title": gettext("Organizations"), "url": reverse("directory:index"), "order": 100}


@hooks.register(STAFF_PERMISSIONS_HOOK)
def directory_permissions():
    """Editors add and edit organizations; publishing goes through moderators' approval."""
    return {
        EDITORS: [
            ("directory", "add_organization"),
            ("directory", "change_organization"),
            ("directory", "lock_organization"),
        ],
        MODERATORS: [
            ("directory", "add_organization"),
            ("directory", "change_organization"),
            ("directory", "delete_organization"),
            ("directory", "publish_organization"),
            ("directory", "lock_organization"),
            ("directory", "unlock_organization"),
        ],
    }


@hooks.register(SITEMAPS_HOOK)
def directory_sitemaps():
    return {"organizations": OrganizationSitemap}


@hooks.register(API_ENDPOINTS_HOOK)
def directory_api_endpoint():
    """`/api/v2/organizations/`: the published organizations."""
    return "organizations", OrganizationAPIViewSet


@hooks.register(DEMO_DATA_HOOK)
def directory_demo():
    """First: the other apps' demo content refers to the demo organizations."""
    from . import demo

    return 10, demo.seed


@hooks.register(FOLLOWABLE_HOOK)
def followable_organizations():
    return Followable(Organization, visible=lambda queryset, user: queryset.live())


@hooks.register(SEARCH_KINDS_HOOK)
def directory_search_kinds():
    """Published organizations in the site-wide search; an organization ranks first for its name (priority) and is
    found by its fiscal code, with or without the "RO" prefix (the code is stored without it)."""

    def document(organization):
        return DocumentData(
            title=organization.name,
            url=organization.get_absolute_url(),
            body=join_text(
                organization.short_name,
                organization.get_kind_display(),
                organization.description,
                organization.partnership_text,
                organization.address,
                # Last, so that a snippet shows the text first. "RO4267117" is one word to the search, not a prefix
                # of "4267117": both spellings are searched.
                organization.cui and f"{organization.cui} RO{organization.cui}",
            ),
            topics=tuple(topic.pk for topic in organization.topics.all()),
            priority=1,
        )

    return SearchKind(
        key="organizatii",
        label=_("Organizations"),
        model=Organization,
        public=lambda: Organization.objects.live().prefetch_related("topics"),
        document=document,
        order=10,
    )
