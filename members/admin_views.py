"""Moderators' screens for memberships in the Wagtail admin; every change goes through members.services."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from . import services
from .models import Membership
from .selectors import user_display_name


class MembershipCreateForm(WagtailAdminModelForm):
    """A moderator adds a member to an organization, finding the member by email address."""

    email = forms.EmailField(
        label=_("Member's email address"), help_text=_("The member must already have an account on the site.")
    )

    class Meta:
        model = Membership
        fields = ["organization", "role"]

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        self.member = (
            get_user_model()
            .objects.filter(Q(email__iexact=email) | Q(emailaddress__email__iexact=email), is_active=True)
            .distinct()
            .first()
        )
        if self.member is None:
            raise ValidationError(_("There is no account with this email address."), code="unknown_email")
        return email


class MembershipEditForm(WagtailAdminModelForm):
    class Meta:
        model = Membership
        fields = ["role"]


class ServiceErrorsAsFormErrorsMixin:
    """A service's ValidationError (a rule of the domain) shown on the form, instead of a server error."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class MembershipCreateView(ServiceErrorsAsFormErrorsMixin, generic.CreateView):
    def save_instance(self):
        return services.membership_add(
            user=self.form.member,
            organization=self.form.cleaned_data["organization"],
            role=self.form.cleaned_data["role"],
            by=self.request.user,
        )


class MembershipEditView(ServiceErrorsAsFormErrorsMixin, generic.EditView):
    def save_instance(self):
        membership = Membership.objects.get(pk=self.object.pk)
        role = self.form.cleaned_data["role"]
        if role == membership.role:
            return membership
        if role == Membership.Role.ADMINISTRATOR:
            return services.membership_make_administrator(membership=membership, by=self.request.user)
        with transaction.atomic():  # administrator → reviewer: both steps or neither
            if membership.role == Membership.Role.ADMINISTRATOR:
                membership = services.membership_remove_administrator(membership=membership, by=self.request.user)
            if role == Membership.Role.REVIEWER:
                return services.membership_make_reviewer(membership=membership, by=self.request.user)
            if membership.role == Membership.Role.REVIEWER:
                return services.membership_remove_reviewer(membership=membership, by=self.request.user)
            return membership


class MembershipDecisionView(PermissionCheckedMixin, WagtailAdminTemplateMixin, BaseObjectMixin, TemplateView):
    """Approve or reject a request to join: a confirmation page (GET), then the decision (POST)."""

    model = Membership
    permission_required = "change"
    template_name = "members/admin/membership_decision.html"
    index_url_name = None
    decision = None  # "approve" or "reject"

    DECISIONS = {
        "approve": (
            services.membership_approve,
            _("Approve the request"),
            _("%(member)s is now a member of %(organization)s."),
        ),
        "reject": (
            services.membership_reject,
            _("Reject the request"),
            _("The request of %(member)s to join %(organization)s was rejected."),
        ),
    }

    def get_page_title(self):
        return self.DECISIONS[self.decision][1]

    def get_page_subtitle(self):
        return str(self.object.organization)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": Membership._meta.verbose_name_plural.capitalize()},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            membership=self.object,
            member_name=user_display_name(self.object.user),
            decision=self.decision,
            index_url=reverse(self.index_url_name),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        service, _title, success_message = self.DECISIONS[self.decision]
        try:
            service(membership=self.object, by=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            names = {"member": user_display_name(self.object.user), "organization": self.object.organization.name}
            messages.success(request, success_message % names)
        return redirect(self.index_url_name)
