"""Memberships in the Wagtail admin (moderators decide requests, name administrators), and the member's data export."""

import django_filters
from django import forms
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button

from directory.models import Organization
from participation.moderation import MODERATION_KINDS_HOOK, ModerationKind
from participation.notifications import NOTIFICATION_KINDS_HOOK
from website.groups import MODERATORS
from website.hooks import DEMO_DATA_HOOK, STAFF_PERMISSIONS_HOOK
from website.spreadsheets import SafeSpreadsheetExportMixin

from .admin_views import (
    MembershipCreateForm,
    MembershipCreateView,
    MembershipDecisionView,
    MembershipEditForm,
    MembershipEditView,
)
from .models import Membership
from .personal_data import (
    account_data,
    email_address_data,
    login_record_data,
    membership_data,
    revision_data,
    session_data,
)
from .selectors import user_display_name
from .services import PERSONAL_DATA_HOOK
from .workflow import NOTIFICATION_KINDS


class MembershipFilterSet(WagtailFilterSet):
    state = django_filters.MultipleChoiceFilter(
        label=_("State"), choices=Membership.State.choices, widget=forms.CheckboxSelectMultiple
    )
    role = django_filters.ChoiceFilter(label=_("Role"), choices=Membership.Role.choices)
    organization = django_filters.ModelChoiceFilter(label=_("Organization"), queryset=Organization.objects.all())

    class Meta:
        model = Membership
        fields = []


class MembershipIndexView(SafeSpreadsheetExportMixin, generic.IndexView):
    @cached_property
    def columns(self):
        # The member's name opens the membership and carries its buttons (approve, reject, edit, …).
        title_column = self._get_title_column_class(TitleColumn)(
            "member",
            label=_("Member"),
            accessor=lambda membership: user_display_name(membership.user),
            get_url=self.get_edit_url,
        )
        return [
            title_column,
            Column("organization", label=_("Organization")),
            Column("role", label=_("Role"), accessor="get_role_display"),
            Column("state", label=_("State"), accessor="get_state_display"),
            DateColumn("created_at", label=_("Requested at")),
        ]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user", "organization")

    def get_list_buttons(self, instance):
        buttons = super().get_list_buttons(instance)
        if instance.state == Membership.State.REQUESTED and self.user_has_permission("change"):
            buttons[:0] = [
                Button(_("Approve"), url=reverse("members_membership:approve", args=[instance.pk]), icon_name="check"),
                Button(_("Reject"), url=reverse("members_membership:reject", args=[instance.pk]), icon_name="cross"),
            ]
        return buttons


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "group"
    menu_label = _("Memberships")
    menu_order = 210
    add_to_admin_menu = True
    index_view_class = MembershipIndexView
    add_view_class = MembershipCreateView
    edit_view_class = MembershipEditView
    filterset_class = MembershipFilterSet
    search_fields = ["user__first_name", "user__last_name", "user__email", "organization__name"]
    search_backend_name = None
    list_per_page = 50
    ordering = ["-created_at", "-pk"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "user",
        "organization",
        "role",
        "state",
        "message",
        "created_at",
        "decided_at",
        "decided_by",
    ]

    create_panel = ObjectList(
        [FieldPanel("email"), FieldPanel("organization"), FieldPanel("role")], base_form_class=MembershipCreateForm
    )
    edit_panel = ObjectList([FieldPanel("role")], base_form_class=MembershipEditForm)

    def get_add_view_kwargs(self, **kwargs):
        panel = self.create_panel.bind_to_model(self.model)
        return super().get_add_view_kwargs(panel=panel, form_class=panel.get_form_class(), **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        panel = self.edit_panel.bind_to_model(self.model)
        return super().get_edit_view_kwargs(panel=panel, form_class=panel.get_form_class(), **kwargs)

    def get_form_class(self, for_update=False):
        return (self.edit_panel if for_update else self.create_panel).bind_to_model(self.model).get_form_class()

    def decision_view(self, decision):
        return MembershipDecisionView.as_view(decision=decision, index_url_name=self.get_url_name("index"))

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("approve/<int:pk>/", self.decision_view("approve"), name="approve"),
            path("reject/<int:pk>/", self.decision_view("reject"), name="reject"),
        ]


membership_viewset = MembershipViewSet("members_membership")


@hooks.register("register_admin_viewset")
def register_membership_viewset():
    return membership_viewset


# The member's data export ("Descarcă datele mele"): each part of what the platform holds about them.


@hooks.register(PERSONAL_DATA_HOOK)
def personal_account(user):
    return "account", account_data(user)


@hooks.register(PERSONAL_DATA_HOOK)
def personal_email_addresses(user):
    return "email_addresses", email_address_data(user)


@hooks.register(PERSONAL_DATA_HOOK)
def personal_memberships(user):
    return "memberships", membership_data(user)


@hooks.register(PERSONAL_DATA_HOOK)
def personal_revisions(user):
    return "organization_profile_changes", revision_data(user)


@hooks.register(PERSONAL_DATA_HOOK)
def personal_sessions(user):
    return "sessions", session_data(user)


@hooks.register(PERSONAL_DATA_HOOK)
def personal_login_records(user):
    return "login_records", login_record_data(user)


@hooks.register(NOTIFICATION_KINDS_HOOK)
def membership_notification_kinds():
    return NOTIFICATION_KINDS


@hooks.register(MODERATION_KINDS_HOOK)
def join_requests_in_moderation():
    """Requests to join wait for the organization's administrators; moderators see them all and can decide."""
    return ModerationKind(
        key="cereri-aderare",
        label=_("Requests to join organizations"),
        model=Membership,
        pending=lambda: Membership.objects.requested().select_related("user", "organization").order_by("created_at"),
        admin_url=lambda membership: reverse("members_membership:edit", args=[membership.pk]),
        describe=lambda membership: (
            _("%(member)s → %(organization)s")
            % {"member": user_display_name(membership.user), "organization": membership.organization.name}
        ),
    )


@hooks.register(STAFF_PERMISSIONS_HOOK)
def membership_permissions():
    """Moderators decide requests to join and name organizations' administrators."""
    return {
        MODERATORS: [
            ("members", "add_membership"),
            ("members", "change_membership"),
            ("members", "delete_membership"),
            ("members", "view_membership"),
        ]
    }


@hooks.register(DEMO_DATA_HOOK)
def members_demo():
    """After the directory: the demo members belong to demo organizations."""
    from . import demo

    return 20, demo.seed
