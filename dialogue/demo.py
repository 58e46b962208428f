"""Demo dialogue for `seed_demo`: discussions and assistance requests between the demo NGOs, an authority and the
platform's team, public and for members only, with replies (one quoting another), an assistance request answered
and its helpful answer marked, one still unanswered, a closed thread, a reported reply and a reply waiting for the
moderators; and the dialogue's rules and the private group's link, when the site has none yet.

The threads are data (demo_data/threads.json). Each post goes through dialogue.services; a member's first posts wait
for a moderator as they would, and the demo moderator approves them in the moderation core, except the reply the data
marks `pending` (written as the service would, and left waiting whatever the site's premoderation). The moments
(`{"days_ago": n, "time": "HH:MM"}`, Bucharest time) are then written on what was created.
Idempotent: a thread that exists (same title) is left as it is.
"""

from datetime import datetime, time, timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from directory.models import Organization
from participation.follows import follow
from participation.models import ModerationState, TransitionLog
from participation.moderation import report_create, submission_moderate
from website.demo import load_data
from website.models import SiteSettings

from . import services
from .models import Post, Thread, dialogue_settings

DATA = Path(__file__).resolve().parent / "demo_data" / "threads.json"
# How long after a post the demo moderator approved it.
APPROVAL_DELAY = timedelta(hours=2)


def seed(*, home, topics):
    data = load_data(DATA)
    _settings(home, data["settings"])
    moderator = get_user_model().objects.filter(username=data["moderator"]).first()
    if moderator is None:  # the members' demo was not seeded
        return []
    for item in data["threads"]:
        _thread(item, topics, moderator)
    return []


def _settings(home, values):
    """The rules beside the private group's link, and the link itself, unless staff already wrote them."""
    settings = dialogue_settings()
    if not settings.rules:
        settings.rules = values["rules"]
        settings.save()
    site_settings = SiteSettings.for_site(home.get_site())
    if not site_settings.discussion_group_url:
        site_settings.discussion_group_url = values["discussion_group_url"]
        site_settings.save()


def _thread(item, topics, moderator):
    if Thread.objects.filter(title=item["title"]).exists():
        return None
    replies_data = item.get("replies", [])
    usernames = {item["by"], *(reply["by"] for reply in replies_data)}
    usernames |= {item[name]["by"] for name in ("report", "locked") if name in item}
    people = {user.username: user for user in get_user_model().objects.filter(username__in=usernames)}
    names = {item.get("organization"), *(reply.get("organization") for reply in replies_data)} - {None}
    organizations = {organization.name: organization for organization in Organization.objects.filter(name__in=names)}
    if len(people) != len(usernames) or len(organizations) != len(names):
        return None  # the members', proposals' or directory's demo was not seeded
    with transaction.atomic():
        thread = services.thread_create(
            user=people[item["by"]],
            title=item["title"],
            text=item["text"],
            kind=item["kind"],
            visibility=item["visibility"],
            topics=[topics[slug] for slug in item["topics"]],
            organization=organizations.get(item.get("organization")),
        )
        _date(thread, _moment(item["created"]), moderator)
        replies = {}
        for data in replies_data:
            reply = _reply(thread, data, people[data["by"]], organizations.get(data.get("organization")), replies)
            _date(reply, _moment(data), moderator, keep_pending=data.get("pending", False))
            replies[data.get("key", f"raspuns-{reply.pk}")] = reply
        services.thread_recount(thread.pk)
        if "accepted" in item:
            services.answer_mark(thread=thread, reply=replies[item["accepted"]], user=people[item["by"]])
        if "report" in item:
            report = item["report"]
            report_create(item=replies[report["reply"]], by=people[report["by"]], reason=report["reason"])
        if "locked" in item:
            locked = item["locked"]
            services.thread_lock(thread=thread, by=people[locked["by"]], reason=locked["reason"])
            Thread.objects.filter(pk=thread.pk).update(locked_at=_moment(locked))
    return thread


def _reply(thread, data, user, organization, replies):
    quote = replies[data["quote"]] if "quote" in data else None
    if not data.get("pending"):
        return services.reply_create(
            thread=thread, user=user, text=data["text"], quote=quote, organization=organization
        )
    # A member's first reply, waiting for the moderators whatever the site's premoderation is set to.
    reply = Post(
        thread=thread,
        author=user,
        text=data["text"],
        quote=quote,
        organization=organization,
        moderation_state=ModerationState.PENDING,
    )
    reply.full_clean()
    reply.save()
    follow(user=user, obj=thread)
    return reply


def _date(post, moment, moderator, *, keep_pending=False):
    """Write `moment` on a thread or reply; one that waits for a moderator is approved by the demo moderator two hours
    later, unless the data keeps it waiting."""
    model = type(post)
    if post.moderation_state == ModerationState.PENDING and not keep_pending:
        submission_moderate(submission=post, action="approve", by=moderator)
        TransitionLog.objects.for_object(post).update(created_at=moment + APPROVAL_DELAY)
        model.objects.filter(pk=post.pk).update(moderated_at=moment + APPROVAL_DELAY)
    model.objects.filter(pk=post.pk).update(created_at=moment)
    post.refresh_from_db()


def _moment(value):
    """`days_ago` days before today, at `time` (10:00 by default) in Bucharest."""
    day = timezone.localdate() - timedelta(days=value["days_ago"])
    return datetime.combine(
        day, time.fromisoformat(value.get("time", "10:00")), tzinfo=timezone.get_current_timezone()
    )
