"""Notifications, email preferences, unsubscribing, follows and reports, for members."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from website.models import Topic
from website.pagination import paginate
from website.ratelimit import RateLimited, consume

from . import follows, moderation, notifications
from .forms import PreferencesForm, ReportForm, TopicsForm
from .models import Frequency, Notification

PER_PAGE = 20


@login_required
@require_http_methods(["GET", "POST"])
def notification_list(request):
    if request.method == "POST":
        notifications.mark_read(user=request.user)
        messages.success(request, _("All notifications are marked as read."))
        return redirect("participation:notifications")
    page = paginate(request, Notification.objects.filter(recipient=request.user), PER_PAGE)
    return render(request, "participation/notifications.html", {"page": page})


@login_required
@require_POST
def notification_open(request, pk):
    """Mark one notification read and go where it points (only the recipient's own)."""
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    notifications.mark_read(user=request.user, notification_ids=[notification.pk])
    url = notification.url
    if not url or not url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}):
        url = "participation:notifications"
    return redirect(url)


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    kinds = notifications.notification_kinds()
    form = PreferencesForm(
        request.POST or None, kinds=kinds, initial_frequencies=notifications.frequencies_for(request.user)
    )
    if request.method == "POST" and form.is_valid():
        for key, frequency in form.cleaned_data.items():
            notifications.preference_set(user=request.user, kind=key, frequency=frequency)
        messages.success(request, _("Your email preferences were saved."))
        return redirect("participation:preferences")
    return render(request, "participation/preferences.html", {"form": form})


@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """The link at the bottom of every email: GET asks for confirmation (mail scanners follow links), POST acts.

    Mail programs' own one-click button (RFC 8058) POSTs straight here. No login needed: the signed token
    names the member and the kind, and a tampered or foreign token changes nothing.
    """
    found = notifications.unsubscribe_read(token)
    if found is None:
        return render(request, "participation/unsubscribe.html", {"invalid": True}, status=400)
    user_id, kind_key = found
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return render(request, "participation/unsubscribe.html", {"invalid": True}, status=400)
    kind = notifications.notification_kinds()[kind_key]
    done = False
    if request.method == "POST":
        notifications.preference_set(user=user, kind=kind_key, frequency=Frequency.NEVER)
        done = True
    return render(request, "participation/unsubscribe.html", {"kind": kind, "done": done})


# Follows


@login_required
@require_http_methods(["GET", "POST"])
def follow_list(request):
    """What the member follows, and the topics they follow, chosen with checkboxes."""
    form = TopicsForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The topics you follow were saved."))
        return redirect("participation:follows")
    items = [item for item in follows.follows_of(request.user) if not isinstance(item.followed, Topic)]
    return render(request, "participation/follows.html", {"follows": items, "topics_form": form})


@login_required
@require_POST
def follow_toggle(request, label, pk):
    obj = follows.followable_object(label=label, pk=pk, user=request.user)
    if obj is None:
        raise Http404
    if request.POST.get("action") == "unfollow":
        follows.unfollow(user=request.user, obj=obj)
        messages.success(request, _("You no longer follow “%(name)s”.") % {"name": obj})
    else:
        follows.follow(user=request.user, obj=obj)
        messages.success(request, _("You follow “%(name)s”. You will be notified of what changes.") % {"name": obj})
    return redirect(_back(request, obj))


# Reports


@login_required
@require_http_methods(["GET", "POST"])
def report(request, label, pk):
    kind = next((k for k in moderation.moderation_kinds().values() if k.model._meta.label_lower == label), None)
    if kind is None or kind.reportable is None:
        raise Http404
    item = kind.reportable(kind.model._default_manager.filter(pk=pk)).first() if pk <= follows.MAX_ID else None
    if item is None:
        raise Http404
    form = ReportForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            consume(request, "report")
            moderation.report_create(item=item, by=request.user, reason=form.cleaned_data["reason"])
        except PermissionDenied:
            raise Http404 from None
        except RateLimited as error:
            form.add_error(None, error)
            status = 429
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you. The moderators will look at your report."))
            return redirect(_back(request, item))
    return render(request, "participation/report.html", {"form": form, "item": item}, status=status)


def _back(request, obj):
    url = request.POST.get("next", "")
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}):
        return url
    get_url = getattr(obj, "get_absolute_url", None) or getattr(obj, "get_url", None)
    return (get_url() if get_url else None) or "participation:follows"
