"""Reads for the consultation pages and "Contul meu": what to show, never what to allow (see permissions)."""

from django.db.models import Count, Q

from members.models import Membership
from participation.models import ModerationState

from . import permissions
from .forms import AnswerForm, ResponseForm
from .models import Response, ResponseAnswer
from .status import ConsultationStatus


def member_organizations(user):
    """The organizations a member may speak for, by name."""
    if not user.is_authenticated:
        return []
    memberships = Membership.objects.approved().filter(user=user).select_related("organization")
    return sorted((m.organization for m in memberships), key=lambda organization: organization.name)


def answer_summary(consultation):
    """Counts of approved recommendations and of their answers by verdict, in one query."""
    verdict = ResponseAnswer.Verdict
    return consultation.responses.approved().aggregate(
        total=Count("pk"),
        accepted=Count("pk", filter=Q(answer__verdict=verdict.ACCEPTED)),
        partly=Count("pk", filter=Q(answer__verdict=verdict.PARTLY)),
        not_accepted=Count("pk", filter=Q(answer__verdict=verdict.NOT_ACCEPTED)),
        unanswered=Count("pk", filter=Q(answer__isnull=True)),
    )


def consultation_page_context(consultation, request, *, response_form=None):
    user = request.user if hasattr(request, "user") else None
    status = consultation.status
    responses = list(consultation.public_responses())
    summary = answer_summary(consultation)
    can_answer = bool(user and user.is_authenticated and permissions.can_answer(user, consultation))
    context = {
        "status": status,
        "responses": responses,
        "summary": summary,
        "answers_missing": status in (ConsultationStatus.CLOSED, ConsultationStatus.OUTCOME_PUBLISHED)
        and summary["unanswered"] > 0,
        "can_answer": can_answer,
    }
    context.update(debate_context(consultation, user, status=status, can_answer=can_answer))
    if can_answer:
        for response in responses:
            response.answer_form = answer_form_for(response)
    if status == ConsultationStatus.OPEN and user is not None and user.is_authenticated:
        context["response_form"] = response_form or ResponseForm(organizations=member_organizations(user))
    return context


def debate_context(consultation, user, *, status, can_answer):
    """How many organizations asked for a public debate; which of the member's organizations may still ask (while
    open); the requests themselves for the authority."""
    context = {"debate_request_count": consultation.debate_requests.count()}
    if status == ConsultationStatus.OPEN and user is not None and user.is_authenticated:
        memberships = (
            Membership.objects.administrators()
            .filter(user=user)
            .exclude(organization__consultation_debate_requests__consultation=consultation)
            .select_related("organization")
        )
        context["debate_organizations"] = sorted((m.organization for m in memberships), key=lambda o: o.name)
    if can_answer:
        context["debate_requests"] = list(consultation.debate_requests.select_related("organization", "requested_by"))
    return context


def answer_form_for(response, data=None):
    """The answer form of one recommendation (its own prefix, so that each form's fields have their own ids)."""
    answer = getattr(response, "answer", None) if response.pk else None
    initial = {"verdict": answer.verdict, "justification": answer.justification} if answer else None
    return AnswerForm(data, prefix=f"raspuns-{response.pk}", initial=initial)


def responses_of(user):
    """A member's recommendations, newest first, with their consultation and answer."""
    return (
        Response.objects.filter(author=user)
        .select_related("consultation", "organization", "answer")
        .order_by("-created_at", "-pk")
    )


def can_download_attachment(user, response):
    """Approved recommendations' attachments are public; others only for their author and moderators."""
    from participation.moderation import is_moderator

    if response.moderation_state == ModerationState.APPROVED:
        return True
    return bool(user.is_authenticated and (response.author_id == user.pk or is_moderator(user)))
