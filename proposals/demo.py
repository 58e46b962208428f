"""Demo collaboration proposals for `seed_demo`: one in every state of DESIGN §8, between the demo NGOs and the demo
authorities, with private messages, accepted partners and a pending partner offer, and a proposal that has waited
more than 30 days for the authority.

The proposals and their steps are data (demo_data/proposals.json). Every step goes through proposals.services, so
each timeline is the workflow's own; the steps' moments (`{"days_ago": n, "time": "HH:MM"}`, Bucharest time) are
then written on what the step created: its log, message or offer, and the proposal's dates it set.
Idempotent: a proposal that exists (same proposing organization and title) is left as it is.
"""

from datetime import datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from directory.models import Organization, Sector
from members import demo as members_demo
from members.models import Membership
from participation.models import TransitionLog
from website.demo import load_data

from . import services
from .models import Proposal, ProposalComment, ProposalPartner

DATA = Path(__file__).resolve().parent / "demo_data" / "proposals.json"
# The dates the workflow sets on a proposal: each one takes the moment of the step that set it.
WORKFLOW_DATES = ("first_submitted_at", "submitted_at", "first_answer_at", "decided_at", "completed_at")


def seed(*, home, topics):
    data = load_data(DATA)
    logins = [login for person in data["people"] if (login := _person(person))]
    for item in data["proposals"]:
        _proposal(item, topics)
    return logins


def _person(data):
    """An administrator of a demo organization who proposes or offers partnerships (members' demo accounts)."""
    organization = Organization.objects.filter(name=data["organization"]).first()
    if organization is None:  # the directory's demo was not seeded
        return None
    user = members_demo._member(
        data["email"], data["first_name"], data["last_name"], password=members_demo.MEMBER_PASSWORD
    )
    members_demo._membership(user, organization, Membership.Role.ADMINISTRATOR, Membership.State.APPROVED)
    return data["role"], user.username, members_demo.MEMBER_PASSWORD


def _proposal(item, topics):
    organization = Organization.objects.live().filter(name=item["organization"]).first()
    authority = Organization.objects.live().filter(name=item["authority"]).first()
    if organization is None or authority is None:
        return None
    content = dict(item["content"])
    if Proposal.objects.filter(proposing_organization=organization, title=content["title"]).exists():
        return None
    usernames = {item["by"], *(step["by"] for step in item["steps"])}
    people = {user.username: user for user in get_user_model().objects.filter(username__in=usernames)}
    if len(people) != len(usernames):  # the members' demo was not seeded
        return None
    with transaction.atomic():
        proposal = services.proposal_create(
            organization=organization, authority=authority, by=people[item["by"]], data=_content(content, topics)
        )
        moments = [_moment(item["created"])]
        dates = {}
        for step in item["steps"]:
            moment = _moment(step)
            before = {name: getattr(proposal, name) for name in WORKFLOW_DATES}
            proposal = _step(proposal, step, people[step["by"]], moment, topics)
            dates |= {name: moment for name in WORKFLOW_DATES if getattr(proposal, name) != before[name]}
            moments.append(moment)
        Proposal.objects.filter(pk=proposal.pk).update(created_at=moments[0], updated_at=moments[-1], **dates)
    return proposal


def _content(data, topics):
    """The services' `data` from the file's values (only the keys given: an update changes only those)."""
    data = dict(data)
    if "topics" in data:
        data["topics"] = [topics[slug] for slug in data["topics"]]
    if "sectors" in data:
        data["sectors"] = list(Sector.objects.filter(slug__in=data["sectors"]))
    for name in ("budget_ron", "cofinancing_ron"):
        if name in data:
            data[name] = Decimal(data[name])
    return data


def _step(proposal, step, by, moment, topics):
    """Apply one step through the services and date what it created; return the proposal as it is now."""
    if "action" in step:
        last_log = _last_log_pk()
        proposal = services.proposal_transition(
            proposal=proposal,
            action=step["action"],
            by=by,
            comment=step.get("comment", ""),
            results_summary=step.get("results_summary"),
        )
        _date_logs(proposal, after=last_log, moment=moment)
    elif "update" in step:
        proposal = services.proposal_update(proposal=proposal, by=by, data=_content(step["update"], topics))
    elif "message" in step:
        comment = services.comment_add(proposal=proposal, by=by, text=step["message"])
        ProposalComment.objects.filter(pk=comment.pk).update(created_at=moment)
    elif "offer" in step:
        offer = step["offer"]
        partner = services.partner_offer(
            proposal=proposal,
            organization=Organization.objects.get(name=offer["organization"]),
            by=by,
            role=offer["role"],
            message=offer.get("message", ""),
        )
        ProposalPartner.objects.filter(pk=partner.pk).update(created_at=moment)
    elif "accept_offer" in step:
        partner = ProposalPartner.objects.get(proposal=proposal, organization__name=step["accept_offer"])
        last_log = _last_log_pk()
        partner = services.partner_accept(partner=partner, by=by, comment=step.get("comment", ""))
        ProposalPartner.objects.filter(pk=partner.pk).update(decided_at=moment)
        _date_logs(partner, after=last_log, moment=moment)
    else:
        raise ValueError(f"{DATA.name}: unknown step {step!r}")
    return Proposal.objects.get(pk=proposal.pk)


def _last_log_pk():
    return TransitionLog.objects.aggregate(last=Max("pk"))["last"] or 0


def _date_logs(obj, *, after, moment):
    TransitionLog.objects.for_object(obj).filter(pk__gt=after).update(created_at=moment)


def _moment(value):
    """`days_ago` days before today, at `time` (10:00 by default) in Bucharest."""
    day = timezone.localdate() - timedelta(days=value["days_ago"])
    return datetime.combine(
        day, time.fromisoformat(value.get("time", "10:00")), tzinfo=timezone.get_current_timezone()
    )
