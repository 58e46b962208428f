"""Demo funding calls for `seed_demo`: realistic Bucharest calls in every status, dated relative to today.

The texts are data: demo_data/calls.json. Dates are `{"days_from_today": n}`, deadlines add `"time": "HH:MM"`
(Bucharest time), amounts are decimal strings, documents are (title, text) pairs.
"""

from datetime import datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

from django.utils import timezone

from directory.models import Organization
from website import demo

from .models import ApplicantKind, FundingCallDocument, FundingCallPage, FundingIndexPage
from .status import BUCHAREST

CALLS = Path(__file__).resolve().parent / "demo_data" / "calls.json"
DECIMALS = ("amount_min", "amount_max", "cofinancing_percent")


def seed(*, home, topics):
    ApplicantKind.ensure_all()
    kinds = {kind.code: kind for kind in ApplicantKind.objects.all()}
    today = timezone.localdate(timezone.now(), BUCHAREST)
    data = demo.load_data(CALLS)
    section = data["index"]
    index = demo.child_page(
        home,
        FundingIndexPage,
        slug=section["slug"],
        title=section["title"],
        show_in_menus=True,
        intro=section["intro"],
        body=demo.streamfield(section["body"]),
        topics=[topics[slug] for slug in section["topics"]],
    )
    for call in data["calls"]:
        call = dict(call)
        documents = [
            FundingCallDocument(document=demo.generated_document(title, text), sort_order=position)
            for position, (title, text) in enumerate(call.pop("documents", []))
        ]
        image_title = call.pop("image", None)
        # Funders that are in the directory (seeded before this) get linked to their profile.
        funder_organization = Organization.objects.live().filter(name=call["funder"]).first()
        demo.child_page(
            index,
            FundingCallPage,
            applicant_kinds=[kinds[code] for code in call.pop("kinds")],
            topics=[topics[slug] for slug in call.pop("topics")],
            body=demo.streamfield(call.pop("body")),
            opens_on=_when(call.pop("opens_on"), today),
            deadline=_when(call.pop("deadline"), today),
            documents=documents,
            listing_image=demo.generated_image(image_title) if image_title else None,
            funder_organization=funder_organization,
            **{name: Decimal(value) if name in DECIMALS else value for name, value in call.items()},
        )
    return []


def _when(value, today):
    """A date `days_from_today`, or with a `time` a Bucharest date and time."""
    day = today + timedelta(days=value["days_from_today"])
    if "time" not in value:
        return day
    return datetime.combine(day, time.fromisoformat(value["time"]), tzinfo=BUCHAREST)
