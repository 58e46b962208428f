"""The directory in the Wagtail admin: organizations, with search, filters and export for staff."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, LiveStatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from website.models import Topic
from website.spreadsheets import SafeSpreadsheetExportMixin

from .admin_views import OrganizationCreateView, OrganizationEditView, OrganizationWorkflowActionView
from .models import Organization, Sector


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
    has_unpublished_changes = django_filters.BooleanFilter(label=_("Has changes waiting for publication"))

    class Meta:
        model = Organization
        fields = []


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
