"""The proposal pages: the public listing and pages (/propuneri/) and the members' side in "Contul meu"
(/contul-meu/propuneri/).

Every change goes through proposals.services, which decide who may (PermissionDenied: 403) and what is valid
(ValidationError: the form again, with what was typed and a Romanian message); permissions and selectors say what
to show. A POST on a proposal the member has no part in answers 403, whatever it asks.
"""

import copy

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from directory.models import Organization
from members.decorators import member_required
from members.models import Membership
from website import ratelimit
from website.pagination import paginate

from . import permissions, selectors, services
from .files import attachment_response
from .filters import ProposalFilterSet
from .forms import AttachmentForm, CommentForm, PartnerOfferForm, ProposalForm, ResultsForm, TransitionForm
from .models import Proposal, ProposalAttachment, ProposalPartner, ProposalState
from .workflow import ACTION_LABELS

PER_PAGE = 20
# Actions whose form has a comment field: required where the table says so (request changes, reject), optional for
# the other decision (accept). Completing is part of the results form.
COMMENT_LABELS = {
    "request_changes": gettext_lazy("What should the organization change?"),
    "reject": gettext_lazy("Why is the proposal rejected?"),
    "accept": gettext_lazy("Message to the organization (optional)"),
}
RESULTS_ACTION = "complete"
MINE, RECEIVED = "mele", "primite"


def _add_errors(form, error):
    """A service's ValidationError on the form: on its field when the form has one, else above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _member_url(proposal):
    return reverse("proposals:member_detail", args=[proposal.pk])


def _administered(user):
    """The organizations the member administers (whose proposals and offers they make)."""
    return Organization.objects.filter(
        pk__in=Membership.objects.administrators().filter(user=user).values("organization_id")
    ).order_by("name")


# Public side


@require_GET
def proposal_list(request):
    """`/propuneri/`: accepted, in-progress and completed proposals, with filters and counts."""
    filters = ProposalFilterSet(request.GET, Proposal.objects.public())
    filters.facets()  # the options' counts, on the form's labels
    page_obj = paginate(request, filters.qs.for_listing(), PER_PAGE)
    context = {
        "filters": filters,
        "filter_form": filters.form,
        "ignored_filters": filters.ignored_filters(),
        "page_obj": page_obj,
        "proposals": page_obj.object_list,
    }
    return render(request, "proposals/proposal_list.html", context)


@require_GET
def proposal_detail(request, pk):
    """`/propuneri/<pk>/`: a public proposal. Another one exists here only for who may read it in "Contul meu"."""
    proposal = Proposal.objects.public().for_listing().filter(pk=pk).first()
    if proposal is None:
        private = get_object_or_404(Proposal.objects.select_related("proposing_organization"), pk=pk)
        if not permissions.can_view_private(request.user, private):
            raise Http404
        return render(request, "proposals/not_public.html", {"proposal": private})
    return _render_public(request, proposal)


def _offering_organizations(user, proposal):
    """The organizations on whose behalf `user` may offer to join `proposal` now, and the offers they already made."""
    if not user.is_authenticated or not proposal.is_public:
        return [], []
    candidates = list(
        _administered(user).exclude(pk__in=[proposal.proposing_organization_id, proposal.addressed_authority_id])
    )
    if not candidates:
        return [], []
    offers = list(
        ProposalPartner.objects.filter(proposal=proposal, organization__in=candidates).select_related("organization")
    )
    offered = {offer.organization_id for offer in offers}
    allowed = [
        organization
        for organization in candidates
        if organization.pk not in offered and permissions.can_offer_partnership(user, organization, proposal)
    ]
    return allowed, offers


def _render_public(request, proposal, *, offer_form=None, status=200):
    organizations, own_offers = _offering_organizations(request.user, proposal)
    if organizations and offer_form is None:
        offer_form = PartnerOfferForm(organizations=organizations)
    elif offer_form is not None:
        offer_form.show_organizations(organizations)
    context = {
        "proposal": proposal,
        "timeline": selectors.public_timeline_entries(selectors.timeline(proposal)),
        "partners": proposal.accepted_partner_list,
        "offer_form": offer_form if organizations else None,
        # A refused offer whose form is no longer offered (the proposal closed to partners meanwhile).
        "offer_errors": [] if organizations or offer_form is None else offer_form.errors.get("__all__", []),
        "own_offers": own_offers,
        "open_to_partners": proposal.state in (ProposalState.ACCEPTED, ProposalState.IN_PROGRESS),
        "private_access": permissions.can_view_private(request.user, proposal),
    }
    return render(request, "proposals/proposal_detail.html", context, status=status)


@member_required
@require_POST
def partner_offer(request, pk):
    """POST `/propuneri/<pk>/parteneriat/`: an administrator of another organization offers to join."""
    proposal = get_object_or_404(Proposal.objects.for_listing(), pk=pk)
    if not proposal.is_public:
        raise PermissionDenied
    form = PartnerOfferForm(request.POST, organizations=None)
    if form.is_valid():
        try:
            services.partner_offer(
                proposal=proposal,
                organization=form.cleaned_data["organization"],
                by=request.user,
                role=form.cleaned_data["role"],
                message=form.cleaned_data["message"],
                request=request,
            )
        except ValidationError as error:  # also RateLimited
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _("Your offer was sent to %(organization)s, which proposed the project. You will hear of its answer.")
                % {"organization": proposal.proposing_organization.name},
            )
            return redirect(reverse("proposals:detail", args=[proposal.pk]) + "#parteneri")
    return _render_public(request, proposal, offer_form=form, status=ratelimit.form_status(form))


# Members' side: lists


def _state_counts(proposals):
    """(state, label, count) of each state that has proposals, in the workflow's order (one query)."""
    counts = dict(proposals.prefetch_related(None).order_by().values_list("state").annotate(count=Count("pk")))
    return [(state, state.label, counts[state.value]) for state in ProposalState if counts.get(state.value)]


@member_required
@require_GET
def member_list(request):
    """ "Contul meu" → proposals: those of the member's organizations and, for an authority's members, those
    addressed to it (waiting ones first, with how long they have waited)."""
    user = request.user
    mine = selectors.proposals_of(user)
    received = selectors.proposals_received_by(user)
    in_authority = Organization.objects.filter(
        pk__in=permissions.member_organization_ids(user), kind__in=Organization.AUTHORITY_KINDS
    ).exists()
    view = request.GET.get("vedere")
    if view not in (MINE, RECEIVED) or (view == RECEIVED and not in_authority):
        view = RECEIVED if in_authority and not mine.exists() else MINE
    proposals = received if view == RECEIVED else mine
    states = _state_counts(proposals)
    state = request.GET.get("stare")
    if state not in {value for value, _label, _count in states}:
        state = None
    if state:
        proposals = proposals.filter(state=state)
    if view == MINE:
        proposals = proposals.annotate(
            offers_waiting=Count("partners", filter=Q(partners__state=ProposalPartner.State.OFFERED), distinct=True)
        )
    page_obj = paginate(request, proposals, PER_PAGE)
    context = {
        "view": view,
        "in_authority": in_authority,
        "can_create": _administered(user).exists(),
        "states": states,
        "state": state,
        "page_obj": page_obj,
        "proposals": page_obj.object_list,
        "received_waiting": received.waiting_for_review().count() if in_authority else 0,
        "MINE": MINE,
        "RECEIVED": RECEIVED,
    }
    return render(request, "proposals/member_list.html", context)


# Members' side: creating and editing


@member_required
@require_http_methods(["GET", "POST"])
def proposal_create(request):
    """A draft, on behalf of an organization the member administers, addressed to a published authority."""
    organizations = list(_administered(request.user))
    if not organizations:
        if request.method == "POST":
            raise PermissionDenied
        return render(request, "proposals/proposal_form.html", {"form": None, "creating": True})
    form = ProposalForm(request.POST or None, organizations=organizations)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = services.proposal_create(
                organization=form.cleaned_data["proposing_organization"],
                authority=form.cleaned_data["addressed_authority"],
                by=request.user,
                data=form.content(),
                request=request,
            )
        except ValidationError as error:  # also RateLimited
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _("The draft was saved. Only your organization sees it until you submit it to the authority."),
            )
            return redirect(_member_url(proposal))
    context = {"form": form, "creating": True}
    return render(request, "proposals/proposal_form.html", context, status=ratelimit.form_status(form))


@member_required
@require_http_methods(["GET", "POST"])
def proposal_edit(request, pk):
    """The proposer changes a draft (its authority too) or a proposal whose changes were requested."""
    proposal = get_object_or_404(
        Proposal.objects.select_related("proposing_organization", "addressed_authority"), pk=pk
    )
    if not permissions.can_edit(request.user, proposal):
        if permissions.PROPOSER in permissions.roles(request.user, proposal):
            messages.error(
                request,
                _("This proposal cannot be changed now: it is “%(state)s”.") % {"state": proposal.get_state_display()},
            )
            return redirect(_member_url(proposal))
        raise PermissionDenied
    # The form works on a copy: the page's header keeps the saved title while the typed one is corrected.
    form = ProposalForm(
        request.POST or None, instance=copy.copy(proposal), with_authority=proposal.state == ProposalState.DRAFT
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.proposal_update(proposal=proposal, by=request.user, data=form.content())
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The proposal was saved."))
            return redirect(_member_url(proposal))
    return render(request, "proposals/proposal_form.html", {"form": form, "proposal": proposal, "creating": False})


# Members' side: a proposal


@member_required
@require_GET
def member_detail(request, pk):
    """The whole proposal for its two sides and staff: content, attachments, partners, private messages, the
    timeline with comments, and what the member may do now."""
    proposal = get_object_or_404(Proposal.objects.for_listing(), pk=pk)
    if not permissions.can_view_private(request.user, proposal):
        if proposal.is_public:
            return redirect("proposals:detail", pk=proposal.pk)
        raise Http404
    return _render_member(request, proposal)


def _render_member(request, proposal, *, status=200, failed_action=None, **forms):
    """The member page of `proposal`, with the forms given (bound, with their errors) in place of empty ones."""
    user = request.user
    roles = permissions.roles(user, proposal)
    available = {transition.action: transition for transition in permissions.available_actions(user, proposal)}
    transition_form = forms.get("transition_form")
    actions = [
        {
            "action": action,
            "label": ACTION_LABELS[action],
            "comment": action in COMMENT_LABELS or transition.comment_required,
            "comment_label": COMMENT_LABELS.get(action, _("Comment")),
            "comment_required": transition.comment_required,
            "form": transition_form if action == failed_action else TransitionForm(),
            "failed": action == failed_action,
        }
        for action, transition in available.items()
        if action != RESULTS_ACTION
    ]
    refused = None
    if failed_action and failed_action not in available:
        # The action is no longer offered (someone acted first): the refusal above the page, with what was typed.
        refused = {
            "label": ACTION_LABELS[failed_action],
            "messages": [message for errors in transition_form.errors.values() for message in errors],
            "comment": transition_form.data.get("comment", "").strip(),
        }
    can_report = permissions.can_report_results(user, proposal)
    results_form = forms.get("results_form")
    if results_form is None and (can_report or RESULTS_ACTION in available):
        results_form = ResultsForm(initial={"results_summary": proposal.results_summary})
    can_comment = permissions.can_comment(user, proposal)
    can_attach = permissions.can_manage_attachments(user, proposal)
    context = {
        "proposal": proposal,
        "roles": roles,
        "is_proposer": permissions.PROPOSER in roles,
        "actions": actions,
        "refused": refused,
        "can_edit": permissions.can_edit(user, proposal),
        "missing": list(proposal.missing_for_submission().values()) if "submit" in available else [],
        "results_form": results_form,
        "can_report_results": can_report,
        "can_complete": RESULTS_ACTION in available,
        "timeline": selectors.timeline(proposal),
        "comments": selectors.comments(proposal),
        "comment_form": forms.get("comment_form") or (CommentForm() if can_comment else None),
        "attachments": selectors.attachments(proposal),
        "attachment_form": forms.get("attachment_form") or (AttachmentForm() if can_attach else None),
        "can_manage_attachments": can_attach,
        "partners": selectors.partner_offers(proposal),
        # permissions.can_decide_partner: the proposer decides every offer of the proposal.
        "can_decide_partners": permissions.PROPOSER in roles,
        "days_waiting": proposal.days_waiting,
    }
    return render(request, "proposals/member_detail.html", context, status=status)


def _acting_on(request, pk):
    """The proposal a POST of the members' side acts on: 403 for a member who has no part in it."""
    proposal = get_object_or_404(Proposal.objects.for_listing(), pk=pk)
    if not (permissions.roles(request.user, proposal) and permissions.can_view_private(request.user, proposal)):
        raise PermissionDenied
    return proposal


@member_required
@require_POST
def transition(request, pk):
    """POST `action` (and `comment`, `results_summary`): one step of the transition table."""
    proposal = _acting_on(request, pk)
    action = request.POST.get("action", "")
    if action not in ACTION_LABELS:
        messages.error(request, _("Choose one of the actions on the page."))
        return redirect(_member_url(proposal))
    form = TransitionForm(request.POST)
    if form.is_valid():
        try:
            proposal = services.proposal_transition(
                proposal=proposal,
                action=action,
                by=request.user,
                comment=form.cleaned_data["comment"],
                results_summary=form.cleaned_data["results_summary"] if action == RESULTS_ACTION else None,
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(
                request,
                _("Done: “%(title)s” is now %(state)s.")
                % {"title": proposal.title, "state": proposal.get_state_display()},
            )
            return redirect(_member_url(proposal))
    if action == RESULTS_ACTION:
        # Completing is a button of the results form: the refusal is shown there, with the results typed.
        results_form = ResultsForm(request.POST)
        results_form.is_valid()
        for errors in form.errors.values():
            results_form.add_error(None, errors)
        return _render_member(request, proposal, results_form=results_form)
    return _render_member(request, proposal, failed_action=action, transition_form=form)


@member_required
@require_POST
def results(request, pk):
    """POST `results_summary`: the project's results while it runs."""
    proposal = _acting_on(request, pk)
    form = ResultsForm(request.POST)
    if form.is_valid():
        try:
            services.proposal_report_results(
                proposal=proposal, by=request.user, results_summary=form.cleaned_data["results_summary"]
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The results were saved."))
            return redirect(_member_url(proposal) + "#rezultate")
    return _render_member(request, proposal, results_form=form)


@member_required
@require_POST
def comment(request, pk):
    """POST `text`: a private message to the other side."""
    proposal = _acting_on(request, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.comment_add(proposal=proposal, by=request.user, text=form.cleaned_data["text"], request=request)
        except ValidationError as error:  # also RateLimited
            _add_errors(form, error)
        else:
            messages.success(request, _("Your message was sent."))
            return redirect(_member_url(proposal) + "#mesaje")
    return _render_member(request, proposal, comment_form=form, status=ratelimit.form_status(form))


@member_required
@require_POST
def attachment_add(request, pk):
    proposal = _acting_on(request, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attachment_add(
                proposal=proposal, by=request.user, upload=form.cleaned_data["file"], title=form.cleaned_data["title"]
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The document was attached."))
            return redirect(_member_url(proposal) + "#anexe")
    return _render_member(request, proposal, attachment_form=form)


@member_required
@require_POST
def attachment_remove(request, pk):
    attachment = get_object_or_404(ProposalAttachment.objects.select_related("proposal"), pk=pk)
    proposal = _acting_on(request, attachment.proposal_id)
    try:
        services.attachment_remove(attachment=attachment, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("“%(title)s” was removed.") % {"title": attachment.title})
    return redirect(_member_url(proposal) + "#anexe")


@member_required
@require_GET
def attachment_download(request, pk):
    """An attachment, for who may read the proposal's private side (never anyone else: 404)."""
    attachment = get_object_or_404(
        ProposalAttachment.objects.select_related("proposal__proposing_organization", "proposal__addressed_authority"),
        pk=pk,
    )
    if not permissions.can_download_attachment(request.user, attachment.proposal):
        raise Http404
    return attachment_response(attachment)


@member_required
@require_POST
def partner_decide(request, pk, decision):
    """POST: the proposer accepts or declines an organization's offer to join."""
    partner = get_object_or_404(ProposalPartner.objects.select_related("proposal", "organization"), pk=pk)
    if not permissions.can_decide_partner(request.user, partner):
        raise PermissionDenied
    service = services.partner_accept if decision == "accept" else services.partner_decline
    try:
        service(partner=partner, by=request.user, comment=request.POST.get("comment", "")[:2000])
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        message = (
            _("%(organization)s is now a partner of the project.")
            if decision == "accept"
            else _("The offer of %(organization)s was declined.")
        )
        messages.success(request, message % {"organization": partner.organization.name})
    return redirect(_member_url(partner.proposal) + "#parteneri")
