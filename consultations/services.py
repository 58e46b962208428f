"""The only ways a recommendation is sent and an answer recorded: every rule is checked here."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from members import selectors as member_selectors
from participation.moderation import ensure_can_submit
from website import ratelimit

from . import permissions
from .models import ConsultationNotice, ConsultationPage, DebateRequest, Response, ResponseAnswer
from .status import BUCHAREST, days_left
from .uploads import validate_attachment


def _closed_message(consultation):
    moment = date_format(consultation.closes_at.astimezone(BUCHAREST), "DATETIME_FORMAT")
    return _("This consultation does not accept recommendations now: the period is from %(opens)s to %(closes)s.") % {
        "opens": date_format(consultation.opens_at.astimezone(BUCHAREST), "DATETIME_FORMAT"),
        "closes": moment,
    }


@transaction.atomic
def response_submit(*, consultation, user, data, organization=None, request=None, now=None):
    """A logged-in member sends a recommendation to an open consultation; it waits for moderation.

    `data` holds `text`, `section` and `attachment` (an uploaded file or None). The closing moment is checked
    against the server's clock when the recommendation arrives, whenever the form was opened.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        raise PermissionDenied
    ensure_can_submit(user)
    # Read the dates again from the database, locked: an editor may have just changed them.
    consultation = ConsultationPage.objects.select_for_update().get(pk=consultation.pk)
    if not consultation.live or not consultation.is_open(now or timezone.now()):
        raise ValidationError(_closed_message(consultation), code="closed")
    if organization is not None and not permissions.can_respond_for(user, organization):
        raise ValidationError(
            {"organization": _("You can send recommendations only on behalf of organizations you are a member of.")},
            code="not_member",
        )
    text = (data.get("text") or "").strip()
    if not text:
        raise ValidationError({"text": _("Write your recommendation.")}, code="required")
    attachment = data.get("attachment")
    if attachment:
        try:
            validate_attachment(attachment)
        except ValidationError as error:
            raise ValidationError({"attachment": error.messages}) from error
    if request is not None:
        ratelimit.consume(request, "consultation_response")
    response = Response(
        consultation=consultation,
        author=user,
        organization=organization,
        section=(data.get("section") or "").strip(),
        text=text,
    )
    if attachment:
        response.attachment = attachment
    response.full_clean()
    response.save()
    return response


@transaction.atomic
def debate_request(*, consultation, user, organization, request=None, now=None):
    """An organization's administrator asks for a public debate on an open consultation; once per organization."""
    if user is None or not user.is_authenticated or not user.is_active:
        raise PermissionDenied
    if organization is None or not permissions.can_request_debate(user, organization):
        raise PermissionDenied
    ensure_can_submit(user)
    consultation = ConsultationPage.objects.select_for_update().get(pk=consultation.pk)
    if not consultation.live or not consultation.is_open(now or timezone.now()):
        raise ValidationError(
            _("A public debate can be asked for only while the consultation accepts recommendations."), code="closed"
        )
    if DebateRequest.objects.filter(consultation=consultation, organization=organization).exists():
        raise ValidationError(
            _("%(organization)s has already asked for a public debate on this consultation.")
            % {"organization": organization.name},
            code="duplicate",
        )
    if request is not None:
        ratelimit.consume(request, "consultation_debate_request")
    debate = DebateRequest.objects.create(consultation=consultation, organization=organization, requested_by=user)
    _notify_authority_of_debate_request(debate)
    return debate


@transaction.atomic
def answer_record(*, response, by, verdict, justification=""):
    """The authority's reviewer (or an editor) answers an approved recommendation; a later call corrects it."""
    response = Response.objects.select_for_update().select_related("consultation__authority").get(pk=response.pk)
    if not permissions.can_answer(by, response.consultation):
        raise PermissionDenied
    if not response.is_public:
        raise ValidationError(_("Only approved recommendations can be answered."), code="not_approved")
    justification = (justification or "").strip()
    if verdict not in ResponseAnswer.Verdict.values:
        raise ValidationError({"verdict": _("Choose the answer.")}, code="required")
    if verdict != ResponseAnswer.Verdict.ACCEPTED and not justification:
        raise ValidationError(
            {"justification": _("Explain why the recommendation was not fully accepted.")}, code="required"
        )
    answer = ResponseAnswer.objects.filter(response=response).first() or ResponseAnswer(response=response)
    answer.verdict = verdict
    answer.justification = justification
    answer.answered_by = by
    answer.answered_at = timezone.now()
    answer.full_clean()
    answer.save()
    return answer


def response_moderated(submission, action, by):
    """After a moderator's decision on a recommendation (the moderation kind's `on_decision`): once approved, the
    authority's reviewers hear that it waits for their answer."""
    if action == "approve":
        _notify_authority_of_approved_response(submission)


def consultation_log_short_period(*, consultation, by):
    """Record in the page's history that it was published with a period shorter than 10 days, and why."""
    from wagtail.log_actions import log

    if consultation.uses_short_period and consultation.short_period_exception:
        log(
            instance=consultation,
            action="consultations.short_period",
            user=by,
            data={"reason": consultation.short_period_reason, "days": consultation.period_days},
        )


NOTIFICATION_KIND = "consultari"


def followers_of(consultation):
    """The members who follow the consultation, its initiating authority or one of its topics."""
    from participation.follows import followers

    return followers(consultation, *consultation.followed_through(), *consultation.topics.all())


def due_events(consultation, now):
    """The events of a consultation its followers should have heard of at `now`."""
    event = ConsultationNotice.Event
    events = []
    is_open = consultation.opens_at <= now < consultation.closes_at
    if is_open:
        events.append(event.OPENED)
    if consultation.debate_at and consultation.debate_at > now and consultation.closes_at > now:
        events.append(event.DEBATE)
    if is_open:
        left = days_left(consultation.closes_at, now=now)
        if left <= 1:
            events.append(event.CLOSING_DAY)
        elif left <= 7:
            events.append(event.CLOSING_WEEK)
    if consultation.outcome and consultation.closes_at <= now:
        events.append(event.OUTCOME)
    return events


def _message(consultation, event):
    closes = date_format(consultation.closes_at.astimezone(BUCHAREST), "DATETIME_FORMAT")
    until = _("Recommendations are accepted until %(moment)s (Romania's time).") % {"moment": closes}
    title = {"title": consultation.title}
    match event:
        case ConsultationNotice.Event.OPENED:
            return _("Public consultation open: %(title)s") % title, until
        case ConsultationNotice.Event.DEBATE:
            moment = date_format(consultation.debate_at.astimezone(BUCHAREST), "DATETIME_FORMAT")
            where = consultation.debate_place or consultation.debate_url
            return _("Public debate announced: %(title)s") % title, f"{moment}. {where}".strip()
        case ConsultationNotice.Event.CLOSING_WEEK:
            return _("A week left for recommendations: %(title)s") % title, until
        case ConsultationNotice.Event.CLOSING_DAY:
            return _("Last day for recommendations: %(title)s") % title, until
        case _:
            return _("Outcome of the public consultation: %(title)s") % title, str(consultation.get_outcome_display())


def notify_followers(*, consultation, now=None, by=None):
    """Tell the followers, once per event, that a live consultation opened, that its public debate was announced,
    that it closes in a week or tomorrow, or that its outcome was published.

    Called when a consultation is published and by `manage.py consultation_notifications` (for what happens after
    the publication); a second call for the same event notifies nobody. A reminder is not sent with the opening.
    """
    from participation.notifications import notify

    if not consultation.live:
        return []
    now = now or timezone.now()
    sent = []
    opened_now = False
    for event in due_events(consultation, now):
        reminder = event in (ConsultationNotice.Event.CLOSING_WEEK, ConsultationNotice.Event.CLOSING_DAY)
        if reminder and opened_now:
            continue
        with transaction.atomic():
            _notice, created = ConsultationNotice.objects.get_or_create(consultation=consultation, event=event)
            if not created:
                continue
            opened_now = opened_now or event == ConsultationNotice.Event.OPENED
            title, text = _message(consultation, event)
            sent += notify(
                recipients=list(followers_of(consultation)),
                kind=NOTIFICATION_KIND,
                title=title,
                text=text,
                url=consultation.full_url or "",
                subject=consultation,
                exclude=by,
            )
    return sent


# The initiating authority hears of what waits for it: its reviewers and administrators (members.selectors.reviewers).

AUTHORITY_NOTIFICATION_KIND = "consultari-institutie"


def _notify_authority_of_debate_request(debate):
    from participation.notifications import notify

    consultation = debate.consultation
    asked = DebateRequest.objects.filter(consultation=consultation).count()
    notify(
        recipients=list(member_selectors.reviewers(consultation.authority)),
        kind=AUTHORITY_NOTIFICATION_KIND,
        title=_("%(organization)s asks for a public debate: %(title)s")
        % {"organization": debate.organization.name, "title": consultation.title},
        text=_("Organizations that have asked for a public debate on this consultation so far: %(count)d.")
        % {"count": asked},
        url=f"{consultation.full_url}#cereri-dezbatere" if consultation.full_url else "",
        subject=debate,
        exclude=debate.requested_by,
    )


def _notify_authority_of_approved_response(response):
    from participation.notifications import notify

    response = Response.objects.select_related("consultation__authority", "organization", "author").get(pk=response.pk)
    consultation = response.consultation
    notify(
        recipients=list(member_selectors.reviewers(consultation.authority)),
        kind=AUTHORITY_NOTIFICATION_KIND,
        title=_("A recommendation waits for your answer: %(title)s") % {"title": consultation.title},
        text=_("From %(author)s: “%(text)s”")
        % {"author": response.public_author_name, "text": Truncator(response.text).chars(300)},
        url=f"{consultation.full_url}#recomandare-{response.pk}" if consultation.full_url else "",
        subject=response,
    )
