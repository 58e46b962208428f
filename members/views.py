"""The member area, "Contul meu" (/contul-meu/): profile, organizations, personal data."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.models import WorkflowState

from directory import services as directory_services
from directory.models import Organization
from directory.selectors import public_organizations
from website import hooks as site_hooks
from website import ratelimit
from website.pagination import paginate

from . import permissions, selectors, services
from .decorators import member_required
from .forms import (
    AccountDeleteForm,
    JoinRequestForm,
    OrganizationProfileForm,
    OrganizationSearchForm,
    ProfileForm,
)
from .models import Membership

SEARCH_RESULTS_PER_PAGE = 20


@member_required
@require_GET
def dashboard(request):
    memberships = list(selectors.memberships_of(request.user))
    waiting = selectors.pending_request_counts(request.user)
    for membership in memberships:
        membership.pending_requests = waiting.get(membership.organization_id, 0)
    context = {
        "memberships": [membership for membership in memberships if membership.state != Membership.State.REJECTED],
        "rejected": [membership for membership in memberships if membership.state == Membership.State.REJECTED],
        "account_links": site_hooks.account_links(request),
    }
    return render(request, "members/dashboard.html", context)


@member_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            ratelimit.consume(request, "profile")
        except ValidationError as error:
            form.add_error(None, error)
        else:
            form.save()
            messages.success(request, _("Your profile was saved."))
            return redirect("members:dashboard")
    return render(request, "members/profile.html", {"form": form}, status=ratelimit.form_status(form))


# Organizations


@member_required
@require_GET
def organization_search(request):
    """Find an organization of the directory to ask to join."""
    form = OrganizationSearchForm(request.GET or None)
    page_obj = None
    if form.is_valid() and form.cleaned_data["q"]:
        page_obj = paginate(request, selectors.organizations_to_join(form.cleaned_data["q"]), SEARCH_RESULTS_PER_PAGE)
        own = dict(Membership.objects.open().filter(user=request.user).values_list("organization_id", "state"))
        for organization in page_obj.object_list:
            organization.own_state = own.get(organization.pk)
    context = {"form": form, "page_obj": page_obj, "searched": page_obj is not None}
    return render(request, "members/organization_search.html", context)


@member_required
@require_http_methods(["GET", "POST"])
def join_request(request, pk):
    # Only published organizations take requests; any other id answers as if it did not exist (never its name).
    organization = get_object_or_404(public_organizations(), pk=pk)
    form = JoinRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            ratelimit.consume(request, "join_request")
            services.membership_request(
                user=request.user, organization=organization, message=form.cleaned_data["message"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Your request to join %(organization)s was sent to its administrators.")
                % {"organization": organization.name},
            )
            return redirect("members:dashboard")
    refusal = "" if form.is_bound else services.organization_join_refusal(organization=organization)
    context = {"organization": organization, "form": form, "can_ask": organization.live, "refusal": refusal}
    return render(request, "members/join_request.html", context, status=ratelimit.form_status(form))


@member_required
@require_http_methods(["GET", "POST"])
def organization_register(request):
    form = OrganizationProfileForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            ratelimit.consume(request, "organization_register")
            organization = directory_services.organization_register(user=request.user, data=form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _(
                    "%(organization)s was registered. A moderator will check it before it appears in the directory; "
                    "you will get an email."
                )
                % {"organization": organization.name},
            )
            return redirect("members:organization", pk=organization.pk)
    return render(request, "members/organization_register.html", {"form": form}, status=ratelimit.form_status(form))


@member_required
@require_GET
def organization_detail(request, pk):
    """An organization in the member area: its members, the requests to join, the state of its profile."""
    organization = get_object_or_404(Organization, pk=pk)
    if not permissions.can_view_organization_area(request.user, organization):
        raise PermissionDenied
    can_manage = permissions.can_manage_members(request.user, organization)
    context = {
        "organization": organization,
        "members": selectors.organization_members(organization),
        "requests": selectors.pending_requests(organization) if can_manage else [],
        "can_manage": can_manage,
        "can_name_reviewers": can_manage and organization.is_authority,
        "can_edit": permissions.can_edit_profile(request.user, organization),
        "moderation": _moderation_status(organization),
    }
    return render(request, "members/organization_detail.html", context)


@member_required
@require_http_methods(["GET", "POST"])
def organization_edit(request, pk):
    """An administrator proposes a change of the public profile; moderators approve it before it is public."""
    organization = get_object_or_404(Organization, pk=pk)
    if not permissions.can_edit_profile(request.user, organization):
        raise PermissionDenied
    # The form starts from the latest revision: a change sent back by a moderator is edited, not retyped.
    latest = organization.get_latest_revision_as_object() if organization.latest_revision_id else organization
    form = OrganizationProfileForm(request.POST or None, instance=latest)
    editable_error = None
    try:
        directory_services.ensure_profile_editable(organization=organization, user=request.user)
    except ValidationError as error:
        editable_error = error
    if request.method == "POST" and form.is_valid():
        try:
            ratelimit.consume(request, "organization_edit")
            directory_services.organization_profile_submit_change(
                organization=organization, user=request.user, data=form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Your change was sent to the moderators. The public profile changes when a moderator approves it."),
            )
            return redirect("members:organization", pk=organization.pk)
    context = {
        "organization": organization,
        "form": form,
        "editable_error": editable_error,
        "moderation": _moderation_status(organization),
    }
    return render(request, "members/organization_edit.html", context, status=ratelimit.form_status(form))


def _moderation_status(organization):
    """What the organization's administrators need to know about its moderation, for the templates."""
    state = organization.current_workflow_state
    return {
        "live": organization.live,
        "in_progress": state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS,
        "needs_changes": state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES,
        "comment": state.current_task_state.comment
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES and state.current_task_state
        else "",
        "submitted_at": state.created_at if state is not None else None,
        "has_unpublished_changes": organization.has_unpublished_changes,
    }


# Decisions on join requests and roles (buttons in the organization's page)


@member_required
@require_POST
def membership_approve(request, pk):
    return _decide(request, pk, services.membership_approve, _("%(member)s is now a member of %(organization)s."))


@member_required
@require_POST
def membership_reject(request, pk):
    return _decide(request, pk, services.membership_reject, _("The request of %(member)s was rejected."))


@member_required
@require_POST
def membership_make_administrator(request, pk):
    return _decide(
        request,
        pk,
        services.membership_make_administrator,
        _("%(member)s is now an administrator of %(organization)s."),
    )


@member_required
@require_POST
def membership_make_reviewer(request, pk):
    return _decide(
        request,
        pk,
        services.membership_make_reviewer,
        _("%(member)s is now a reviewer of %(organization)s."),
    )


@member_required
@require_POST
def membership_remove_reviewer(request, pk):
    return _decide(
        request,
        pk,
        services.membership_remove_reviewer,
        _("%(member)s is no longer a reviewer of %(organization)s."),
    )


def _decide(request, pk, service, success_message):
    membership = get_object_or_404(Membership.objects.select_related("organization", "user"), pk=pk)
    if not permissions.can_manage_members(request.user, membership.organization):
        raise PermissionDenied
    try:
        service(membership=membership, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            success_message
            % {"member": selectors.user_display_name(membership.user), "organization": membership.organization.name},
        )
    return redirect("members:organization", pk=membership.organization_id)


# Personal data


@member_required
@require_GET
def data_export(request):
    """ "Descarcă datele mele": everything the platform holds about the member, as a JSON file."""
    data = services.account_export_data(user=request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    filename = f"datele-mele-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@member_required
@require_http_methods(["GET", "POST"])
def account_delete(request):
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.account_delete(user=request.user)
        logout(request)
        messages.success(
            request,
            _(
                "Your account and your personal data were deleted. "
                "What you published stays on the site, without your name."
            ),
        )
        return redirect("/")
    context = {"form": form, "administered_alone": selectors.organizations_administered_alone(request.user)}
    return render(request, "members/account_delete.html", context)
