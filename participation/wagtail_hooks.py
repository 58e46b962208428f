"""The participation core in the admin (moderation queue, dashboard panel, blocked members) and its own hooks."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet

from website.groups import MODERATORS
from website.hooks import PERSONAL_DATA_HOOK, STAFF_PERMISSIONS_HOOK
from website.models import Topic

from . import admin_views, moderation
from .follows import FOLLOWABLE_HOOK, FOLLOWED_NEWS, Followable, follows_of
from .models import Frequency, Notification, NotificationPreference, Report, SubmissionBlock, TransitionLog
from .notifications import NOTIFICATION_KINDS_HOOK, NotificationKind

moderation_urls = [
    path("", admin_views.ModerationQueueView.as_view(), name="queue"),
    path("<str:kind>/<int:pk>/", admin_views.SubmissionDecisionView.as_view(), name="decide"),
    path("rapoarte/<int:pk>/inchide/", admin_views.ReportResolveView.as_view(), name="report_resolve"),
]


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [path("moderare/", include((moderation_urls, "participation_moderation")))]


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return moderation.is_moderator(request.user)


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return ModerationMenuItem(_("Moderation"), reverse("participation_moderation:queue"), icon_name="tasks", order=190)


class ModerationPanel(Component):
    """On the admin dashboard: how many items of each kind wait for a moderator."""

    name = "moderation"
    order = 50
    template_name = "participation/admin/dashboard_panel.html"

    def __init__(self, counts, kinds):
        self.counts = counts
        self.kinds = kinds

    def get_context_data(self, parent_context):
        rows = [{"key": key, "label": kind.label, "count": self.counts[key]} for key, kind in self.kinds.items()]
        rows.append({"key": "rapoarte", "label": _("Reports from members"), "count": self.counts["rapoarte"]})
        return {
            "rows": rows,
            "total": sum(self.counts.values()),
            "queue_url": reverse("participation_moderation:queue"),
        }


@hooks.register("construct_homepage_panels")
def add_moderation_panel(request, panels):
    if moderation.is_moderator(request.user):
        panels.append(ModerationPanel(moderation.pending_counts(), moderation.moderation_kinds()))


class SubmissionBlockViewSet(ModelViewSet):
    """Members whom moderators stopped from submitting, with the reason they are shown."""

    model = SubmissionBlock
    icon = "lock"
    menu_label = _("Blocked members")
    menu_order = 230
    add_to_admin_menu = True
    form_fields = ["user", "reason"]
    list_display = ["user", "reason", "created_at"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "reason"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = False
    add_view_class = admin_views.BlockCreateView


@hooks.register("register_admin_viewset")
def register_block_viewset():
    return SubmissionBlockViewSet("participation_block")


@hooks.register(STAFF_PERMISSIONS_HOOK)
def moderator_permissions():
    """Moderators work the queue (reports) and block members."""
    return {
        MODERATORS: [
            ("participation", "change_report"),
            ("participation", "view_report"),
            ("participation", "add_submissionblock"),
            ("participation", "change_submissionblock"),
            ("participation", "delete_submissionblock"),
            ("participation", "view_submissionblock"),
        ]
    }


@hooks.register(NOTIFICATION_KINDS_HOOK)
def follow_notification_kinds():
    return [NotificationKind(FOLLOWED_NEWS, _("News about what I follow"), default=Frequency.DAILY)]


@hooks.register(FOLLOWABLE_HOOK)
def followable_topics():
    return Followable(Topic, visible=lambda queryset, user: queryset)


@hooks.register(PERSONAL_DATA_HOOK)
def participation_personal_data(user):
    """Notifications, email choices, follows, reports and state changes the member made."""
    return "participation", {
        "notifications": [
            {
                "kind": n.kind,
                "title": n.title,
                "text": n.text,
                "url": n.url,
                "created_at": n.created_at.isoformat(),
                "read_at": n.read_at.isoformat() if n.read_at else None,
            }
            for n in Notification.objects.filter(recipient=user)
        ],
        "email_preferences": dict(NotificationPreference.objects.filter(user=user).values_list("kind", "frequency")),
        "follows": [
            {"kind": item.content_type.model, "object": str(item.followed), "since": item.created_at.isoformat()}
            for item in follows_of(user)
        ],
        "reports": [
            {
                "kind": r.content_type.model,
                "object_id": r.object_id,
                "reason": r.reason,
                "created_at": r.created_at.isoformat(),
            }
            for r in Report.objects.filter(reporter=user).select_related("content_type")
        ],
        "state_changes": [
            {
                "kind": log.content_type.model,
                "object_id": log.object_id,
                "action": log.action,
                "from": log.from_state,
                "to": log.to_state,
                "comment": log.comment,
                "at": log.created_at.isoformat(),
            }
            for log in TransitionLog.objects.filter(actor=user).select_related("content_type")
        ],
    }
