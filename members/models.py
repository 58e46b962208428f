"""Members' links to the organizations of the directory: who asked to join, who belongs, who administers,
who reviews for an authority."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class MembershipQuerySet(models.QuerySet):
    def requested(self):
        return self.filter(state=Membership.State.REQUESTED)

    def approved(self):
        return self.filter(state=Membership.State.APPROVED)

    def open(self):
        """Requests waiting for a decision and approved memberships: at most one per member and organization."""
        return self.filter(state__in=Membership.OPEN_STATES)

    def administrators(self):
        return self.approved().filter(role=Membership.Role.ADMINISTRATOR)

    def reviewers(self):
        """Approved memberships that answer for an authority: its reviewers and its administrators (who hold every
        right of their organization)."""
        return self.approved().filter(role__in=Membership.REVIEWER_ROLES)


class Membership(models.Model):
    """A member's request to join an organization, and once approved, their membership and role in it.

    The state changes only through members.services, which enforce who may decide.
    """

    class Role(models.TextChoices):
        ADMINISTRATOR = "administrator", _("administrator")
        # Answers for an authority (a local public authority or a public institution): recommendations, debates.
        REVIEWER = "evaluator", _("reviewer")
        MEMBER = "membru", _("member")

    class State(models.TextChoices):
        REQUESTED = "requested", _("waiting for approval")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    OPEN_STATES = (State.REQUESTED, State.APPROVED)
    REVIEWER_ROLES = (Role.ADMINISTRATOR, Role.REVIEWER)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.CASCADE, related_name="memberships"
    )
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("organization"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.REQUESTED)
    message = models.CharField(
        _("message to the administrators"),
        max_length=500,
        blank=True,
        help_text=_("Optional: who you are in the organization, so that its administrators recognise you."),
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        indexes = [models.Index(fields=["organization", "state"], name="members_membership_org_state")]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organization"],
                condition=Q(state__in=["requested", "approved"]),
                name="members_membership_one_open_per_organization",
                violation_error_message=_(
                    "This member already belongs to the organization or has a request waiting for approval."
                ),
            ),
            models.CheckConstraint(
                condition=Q(state__in=["requested", "approved", "rejected"]),
                name="members_membership_state_valid",
            ),
            models.CheckConstraint(
                condition=Q(role__in=["administrator", "evaluator", "membru"]),
                name="members_membership_role_valid",
            ),
            models.CheckConstraint(
                condition=Q(role="membru") | Q(state="approved"),
                name="members_membership_administrator_is_approved",
                violation_error_message=_("Only an approved member can be an administrator."),
            ),
            models.CheckConstraint(
                condition=Q(state="requested", decided_at__isnull=True)
                | (~Q(state="requested") & Q(decided_at__isnull=False)),
                name="members_membership_decided_when_not_requested",
                violation_error_message=_("A decided request needs the date of the decision."),
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.organization}"

    def clean(self):
        super().clean()
        if self.role == self.Role.REVIEWER and self.organization_id and not self.organization.is_authority:
            raise ValidationError(
                {
                    "role": ValidationError(
                        _("Only the members of a local public authority or a public institution can be reviewers."),
                        code="not_authority",
                    )
                }
            )

    @property
    def is_administrator(self):
        return self.state == self.State.APPROVED and self.role == self.Role.ADMINISTRATOR

    @property
    def is_reviewer(self):
        return self.state == self.State.APPROVED and self.role == self.Role.REVIEWER
