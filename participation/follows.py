"""Following: a member follows an organization, a topic, a consultation, a proposal, a thread….

Apps say which of their models can be followed, and which objects a given member may see, with the
`register_followable` hook:

    @hooks.register(FOLLOWABLE_HOOK)
    def organizations():
        return Followable(Organization, visible=lambda queryset, user: queryset.filter(live=True))
"""

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Q
from wagtail import hooks

from .models import Follow

FOLLOWABLE_HOOK = "register_followable"
# Ids past the database's bigint range answer "not found" rather than an overflow error.
MAX_ID = 2**63 - 1


@dataclass(frozen=True)
class Followable:
    model: Any
    # (queryset, user) -> the objects of the queryset that the user may see and follow.
    visible: Any


def followables():
    """Registered followable models, by "app_label.model_name"."""
    return {f.model._meta.label_lower: f for f in (hook() for hook in hooks.get_hooks(FOLLOWABLE_HOOK))}


def followable_object(*, label, pk, user):
    """The object `label`/`pk` if it can be followed and `user` may see it, else None (answer 404)."""
    followable = followables().get(label)
    if followable is None or not 0 < pk <= MAX_ID:
        return None
    return followable.visible(followable.model._default_manager.filter(pk=pk), user).first()


def follow(*, user, obj):
    """Follow `obj` (doing it twice changes nothing); returns the Follow."""
    content_type = ContentType.objects.get_for_model(obj)
    try:
        with transaction.atomic():
            follow_, _created = Follow.objects.get_or_create(
                user=user, content_type=content_type, object_id=str(obj.pk)
            )
    except IntegrityError:
        follow_ = Follow.objects.get(user=user, content_type=content_type, object_id=str(obj.pk))
    return follow_


def unfollow(*, user, obj):
    content_type = ContentType.objects.get_for_model(obj)
    return Follow.objects.filter(user=user, content_type=content_type, object_id=str(obj.pk)).delete()[0] > 0


def is_following(*, user, obj):
    if not user.is_authenticated:
        return False
    content_type = ContentType.objects.get_for_model(obj)
    return Follow.objects.filter(user=user, content_type=content_type, object_id=str(obj.pk)).exists()


def followers(*objects):
    """The active users who follow any of `objects` (e.g. a consultation and its authority), each once."""
    objects = [obj for obj in objects if obj is not None]
    if not objects:
        return get_user_model().objects.none()
    condition = Q()
    for obj in objects:
        condition |= Q(content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk))
    user_ids = Follow.objects.filter(condition).values("user_id")
    return get_user_model().objects.filter(pk__in=user_ids, is_active=True)


def follows_of(user):
    """The member's follows with the objects they point at, newest first (objects deleted since are skipped)."""
    follows = list(Follow.objects.filter(user=user).select_related("content_type"))
    by_type = {}
    for item in follows:
        by_type.setdefault(item.content_type, []).append(item)
    for content_type, items in by_type.items():
        model = content_type.model_class()
        objects = model._default_manager.in_bulk([item.object_id for item in items]) if model else {}
        objects = {str(pk): obj for pk, obj in objects.items()}
        for item in items:
            item.followed = objects.get(item.object_id)
            item.label = f"{content_type.app_label}.{content_type.model}"
            get_url = getattr(item.followed, "get_absolute_url", None) or getattr(item.followed, "get_url", None)
            item.url = get_url() if get_url and item.followed is not None else ""
    return [item for item in follows if getattr(item, "followed", None) is not None]


FOLLOWED_NEWS = "noutati-urmarite"


def notify_followers_of_publication(*, obj, by=None):
    """Tell the followers of what `obj` belongs to that it was published.

    A page's followers are those of its topics and of what it names through `followed_through()` (a funding
    call's funder, a consultation's authority); a followable snippet's are its own followers.
    """
    from django.utils.translation import gettext as _

    from .notifications import notify

    label = obj._meta.label_lower
    if label in followables():
        objects = [obj]
        title = _("News from “%(name)s”, which you follow") % {"name": obj}
    else:
        topics = getattr(obj, "topics", None)
        objects = list(topics.all()) if topics is not None and hasattr(topics, "all") else []
        objects += list(getattr(obj, "followed_through", lambda: [])())
        title = _("New on the platform, about what you follow: “%(name)s”") % {"name": obj}
    recipients = list(followers(*objects))
    if not recipients:
        return []
    get_url = getattr(obj, "get_absolute_url", None) or getattr(obj, "get_url", None)
    return notify(
        recipients=recipients,
        kind=FOLLOWED_NEWS,
        title=title,
        url=(get_url() if get_url else "") or "",
        subject=obj,
        exclude=by,
    )
