"""Threads and replies in the Wagtail admin ("Dialog"): listings with filters for the platform's team, and for
moderators the actions on each row: close or reopen a thread (dialogue.services), decide on it in the moderation
core (hide, restore, approve), and block its author (the core's blocked members).

Reports and pending posts wait in the one moderation queue (`/admin/moderare/`), through the moderation kinds.
"""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.admin.widgets import Button

from participation.admin_views import ReadOnlyModelViewSet, block_url, person_name
from participation.follows import MAX_ID
from participation.models import ModerationState

from . import permissions, services
from .models import Post, Thread, ThreadKind, Visibility

THREADS_VIEWSET = "dialogue_thread"
REPLIES_VIEWSET = "dialogue_post"
EXCERPT_WORDS = 20


def author_label(item):
    """The author, and the organization they wrote on behalf of."""
    name = person_name(item.author)
    if item.organization_id:
        return _("%(name)s, on behalf of %(organization)s") % {"name": name, "organization": item.organization.name}
    return name


def moderation_url(key, item):
    return reverse("participation_moderation:decide", args=[key, item.pk])


class ModeratorButtonsMixin:
    """Each row's actions: moderators decide on the item and block its author; everyone opens it on the site."""

    moderation_key = None

    @cached_property
    def is_moderator(self):
        return permissions.can_lock(self.request.user)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.moderation_state == ModerationState.APPROVED:
            buttons.append(
                Button(_("View on the site"), url=instance.get_absolute_url(), icon_name="view", priority=15)
            )
        if self.is_moderator:
            buttons.append(
                Button(
                    _("Moderate (approve, hide, restore)"),
                    url=moderation_url(self.moderation_key, instance),
                    icon_name="tasks",
                    priority=40,
                )
            )
            if instance.author_id:
                buttons.append(
                    Button(_("Block the author"), url=block_url(instance.author_id), icon_name="lock", priority=60)
                )
        return buttons


def moderation_column():
    return StatusTagColumn(
        "moderation_state",
        label=gettext_lazy("Moderation"),
        accessor="get_moderation_state_display",
        primary=lambda item: item.moderation_state == ModerationState.PENDING,
        sort_key="moderation_state",
    )


# Threads


class ThreadFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=gettext_lazy("Kind"), choices=ThreadKind.choices)
    visibility = django_filters.ChoiceFilter(label=gettext_lazy("Who can read it"), choices=Visibility.choices)
    moderation_state = django_filters.MultipleChoiceFilter(
        label=gettext_lazy("Moderation"), choices=ModerationState.choices, widget=forms.CheckboxSelectMultiple
    )
    locked = django_filters.BooleanFilter(label=gettext_lazy("Closed"), method="filter_locked")

    class Meta:
        model = Thread
        fields = []

    def filter_locked(self, queryset, name, value):
        return queryset if value is None else queryset.filter(locked_at__isnull=not value)


class ThreadIndexView(ModeratorButtonsMixin, generic.IndexView):
    """Every thread, the latest activity first; moderators close, reopen and moderate them from here."""

    moderation_key = "discutii"

    @cached_property
    def columns(self):
        return [
            self._get_title_column_class(TitleColumn)(
                "title", label=_("Title"), get_url=self.get_inspect_url, sort_key="title"
            ),
            Column("kind", label=_("Kind"), accessor="get_kind_display"),
            Column("visibility", label=_("Who can read it"), accessor=visibility_label),
            Column("author", label=_("Author"), accessor=author_label),
            moderation_column(),
            Column("reply_count", label=_("Replies"), sort_key="reply_count"),
            Column("locked", label=_("Closed"), accessor=lambda thread: _("closed") if thread.is_locked else "—"),
            DateColumn("last_activity_at", label=_("Latest activity"), sort_key="last_activity_at"),
        ]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("author", "organization")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.is_moderator and instance.moderation_state == ModerationState.APPROVED:
            label = _("Reopen the discussion") if instance.is_locked else _("Close the discussion")
            url = reverse(f"{THREADS_VIEWSET}:lock", args=[instance.pk])
            buttons.append(Button(label, url=url, icon_name="lock", priority=30))
        return buttons


def visibility_label(thread):
    return _("members only") if thread.is_members_only else _("public")


class ThreadInspectView(generic.InspectView):
    def get_author_display_value(self):
        return author_label(self.object)

    def get_locked_by_display_value(self):
        return person_name(self.object.locked_by) if self.object.locked_by_id else "—"

    def get_topics_display_value(self):
        return ", ".join(topic.name for topic in self.object.topics.all()) or "—"


class LockForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why it is closed"),
        help_text=gettext_lazy("Shown on the discussion's page."),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ThreadLockView(WagtailAdminTemplateMixin, TemplateView):
    """A moderator closes a thread (it stays readable and takes no more replies) or reopens it."""

    template_name = "dialogue/admin/lock.html"
    page_title = gettext_lazy("Close or reopen a discussion")
    header_icon = "lock"

    def dispatch(self, request, *args, pk, **kwargs):
        if not permissions.can_lock(request.user):
            raise PermissionDenied
        self.thread = Thread.objects.select_related("locked_by").filter(pk=pk).first() if pk <= MAX_ID else None
        if self.thread is None:
            raise Http404
        return super().dispatch(request, *args, pk=pk, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "thread": self.thread,
                "form": kwargs.get("form") or LockForm(),
                "closed_by": person_name(self.thread.locked_by) if self.thread.locked_by_id else "",
                "index_url": reverse(f"{THREADS_VIEWSET}:index"),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        form = LockForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            if request.POST.get("action") == "unlock":
                services.thread_unlock(thread=self.thread, by=request.user)
                messages.success(request, _("“%(title)s” takes replies again.") % {"title": self.thread.title})
            else:
                services.thread_lock(thread=self.thread, by=request.user, reason=form.cleaned_data["reason"])
                messages.success(request, _("“%(title)s” is closed.") % {"title": self.thread.title})
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return self.render_to_response(self.get_context_data(form=form))
        return redirect(reverse(f"{THREADS_VIEWSET}:index"))


# Replies


class PostFilterSet(WagtailFilterSet):
    moderation_state = django_filters.MultipleChoiceFilter(
        label=gettext_lazy("Moderation"), choices=ModerationState.choices, widget=forms.CheckboxSelectMultiple
    )
    by_staff = django_filters.BooleanFilter(label=gettext_lazy("Written by the platform team"))

    class Meta:
        model = Post
        fields = []


class PostIndexView(ModeratorButtonsMixin, generic.IndexView):
    """Every reply, the newest first."""

    moderation_key = "raspunsuri-dialog"

    @cached_property
    def columns(self):
        return [
            self._get_title_column_class(TitleColumn)(
                "text",
                label=_("The reply"),
                accessor=lambda post: Truncator(post.text).words(EXCERPT_WORDS),
                get_url=self.get_inspect_url,
                get_title_id=lambda post: f"post_{post.pk}_title",
            ),
            Column("thread", label=_("Discussion"), accessor="thread.title"),
            Column("author", label=_("Author"), accessor=author_label),
            moderation_column(),
            DateColumn("created_at", label=_("Written at"), sort_key="created_at"),
        ]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("thread", "author", "organization")


class PostInspectView(generic.InspectView):
    def get_author_display_value(self):
        return author_label(self.object)


# The viewsets


class ThreadViewSet(ReadOnlyModelViewSet):
    model = Thread
    name = THREADS_VIEWSET
    url_prefix = "dialog/discutii"
    icon = "comment"
    menu_label = gettext_lazy("Discussions")
    index_view_class = ThreadIndexView
    inspect_view_class = ThreadInspectView
    filterset_class = ThreadFilterSet
    search_fields = ["title"]
    list_per_page = 50
    ordering = ["-last_activity_at", "-pk"]
    inspect_view_fields = [
        "title",
        "kind",
        "visibility",
        "author",
        "topics",
        "text",
        "moderation_state",
        "moderation_reason",
        "moderated_at",
        "created_at",
        "edited_at",
        "reply_count",
        "last_activity_at",
        "accepted_reply",
        "locked_at",
        "locked_by",
        "lock_reason",
    ]

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("<int:pk>/inchide/", ThreadLockView.as_view(), name="lock")]


class PostViewSet(ReadOnlyModelViewSet):
    model = Post
    name = REPLIES_VIEWSET
    url_prefix = "dialog/raspunsuri"
    icon = "comment"
    menu_label = gettext_lazy("Replies")
    index_view_class = PostIndexView
    inspect_view_class = PostInspectView
    filterset_class = PostFilterSet
    search_fields = ["text"]
    list_per_page = 50
    ordering = ["-created_at", "-pk"]
    inspect_view_fields = [
        "thread",
        "author",
        "text",
        "quote",
        "moderation_state",
        "moderation_reason",
        "moderated_at",
        "created_at",
        "edited_at",
    ]


class DialogueViewSetGroup(ModelViewSetGroup):
    """The "Dialog" menu: discussions and replies, beside the moderation queue."""

    items = (ThreadViewSet, PostViewSet)
    menu_label = gettext_lazy("Dialogue")
    menu_icon = "comment"
    menu_order = 197
