"""Demo consultations for `seed_demo`: one in every state, from the demo directory's authorities, with approved and
pending recommendations by the demo members and the authority's answers.

The texts are data: demo_data/consultations.json. Moments are `{"days_from_today": n, "time": "HH:MM"}` in Bucharest
time (a date without `time`). Idempotent: a consultation, recommendation or answer that exists is left as it is.
"""

from datetime import datetime, time, timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone

from directory.models import Organization, Sector
from members import selectors as member_selectors
from participation.models import ModerationState
from website import demo

from .models import ConsultationIndexPage, ConsultationPage, DebateRequest, Response, ResponseAnswer
from .status import BUCHAREST

DATA = Path(__file__).resolve().parent / "demo_data" / "consultations.json"
MOMENTS = ("opens_at", "closes_at", "debate_at")


def seed(*, home, topics):
    today = timezone.localdate(timezone.now(), BUCHAREST)
    data = demo.load_data(DATA)
    section = data["index"]
    index = demo.child_page(
        home,
        ConsultationIndexPage,
        slug=section["slug"],
        title=section["title"],
        show_in_menus=True,
        intro=section["intro"],
    )
    for item in data["consultations"]:
        item = dict(item)
        authority = Organization.objects.live().filter(name=item.pop("authority")).first()
        if authority is None:  # the directory's demo was not seeded
            continue
        responses = item.pop("responses")
        debate_requests = item.pop("debate_requests", [])
        sectors = list(Sector.objects.filter(slug__in=item.pop("sectors", [])))
        fields = {name: _when(value, today) if isinstance(value, dict) else value for name, value in item.items()}
        topic_slugs = fields.pop("topics")
        consultation = demo.child_page(
            index, ConsultationPage, authority=authority, topics=[topics[slug] for slug in topic_slugs], **fields
        )
        if sectors and not consultation.sectors.exists():
            consultation.sectors.set(sectors)
            consultation.save_revision().publish()
        for response in responses:
            _response(consultation, response)
        for debate in debate_requests:
            _debate_request(consultation, debate)
    return []


def _response(consultation, data):
    author = get_user_model().objects.filter(email=data["author"]).first()
    if author is None:  # the members' demo was not seeded
        return
    organization = Organization.objects.filter(name=data["organization"]).first() if "organization" in data else None
    approved = data["state"] == ModerationState.APPROVED
    response, _created = Response.objects.get_or_create(
        consultation=consultation,
        author=author,
        text=data["text"],
        defaults={
            "organization": organization,
            "section": data["section"],
            "moderation_state": data["state"],
            "moderated_at": timezone.now() if approved else None,
        },
    )
    if "answer" in data:
        # Recorded by one of the authority's reviewers, as on the site.
        reviewer = member_selectors.reviewers(consultation.authority).order_by("pk").first()
        ResponseAnswer.objects.get_or_create(
            response=response,
            defaults={
                "verdict": data["answer"]["verdict"],
                "justification": data["answer"]["justification"],
                "answered_by": reviewer,
            },
        )


def _debate_request(consultation, data):
    organization = Organization.objects.filter(name=data["organization"]).first()
    if organization is None:
        return
    DebateRequest.objects.get_or_create(
        consultation=consultation,
        organization=organization,
        defaults={"requested_by": get_user_model().objects.filter(email=data["requested_by"]).first()},
    )


def _when(value, today):
    """A date `days_from_today`, or with a `time` a Bucharest moment."""
    day = today + timedelta(days=value["days_from_today"])
    if "time" not in value:
        return day
    return datetime.combine(day, time.fromisoformat(value["time"]), tzinfo=BUCHAREST)
