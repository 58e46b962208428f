"""Collaboration proposals: an organization proposes a project to a local authority, which reviews it (DESIGN §8).

The state changes only through proposals.workflow (the one transition table) and every change goes through
proposals.services. Drafts may be incomplete; what a submitted proposal must hold is `missing_for_submission()`,
backed by database constraints.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Organization
from participation.models import optional_person
from participation.uploads import private_storage, unguessable_name

MAX_BUDGET_RON = Decimal("100000000")  # 100 million lei: far above a local collaboration project
MAX_DURATION_MONTHS = 120
MAX_BENEFICIARIES = 10_000_000
MAX_ATTACHMENTS = 10


class ProposalState(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    UNDER_REVIEW = "under_review", _("under review")
    CHANGES_REQUESTED = "changes_requested", _("changes requested")
    ACCEPTED = "accepted", _("accepted")
    REJECTED = "rejected", _("rejected")
    IN_PROGRESS = "in_progress", _("in progress")
    COMPLETED = "completed", _("completed")
    WITHDRAWN = "withdrawn", _("withdrawn")


# Public: on /propuneri/, in the API, in search. The rest only to the two sides and staff (proposals.permissions).
PUBLIC_STATES = (ProposalState.ACCEPTED, ProposalState.IN_PROGRESS, ProposalState.COMPLETED)
# The proposer may change the content only while the proposal is theirs to write.
EDITABLE_STATES = (ProposalState.DRAFT, ProposalState.CHANGES_REQUESTED)
# Open to partners' offers.
PARTNERING_STATES = (ProposalState.ACCEPTED, ProposalState.IN_PROGRESS)

# What the proposer writes (forms, the admin and proposal_update read this list): one place.
CONTENT_FIELDS = (
    "title",
    "summary",
    "problem",
    "activities",
    "target_group",
    "beneficiaries_count",
    "budget_ron",
    "cofinancing_ron",
    "duration_months",
    "topics",
    "sectors",
)
# Required before submission (a draft may lack them).
REQUIRED_FOR_SUBMISSION = (
    "summary",
    "problem",
    "activities",
    "target_group",
    "beneficiaries_count",
    "budget_ron",
    "duration_months",
)


class ProposalQuerySet(models.QuerySet):
    def public(self):
        """Accepted, in progress and completed proposals: what anyone may read."""
        return self.filter(state__in=PUBLIC_STATES)

    def ever_submitted(self):
        """Proposals the addressed authority and staff have seen (drafts, and drafts withdrawn, excluded)."""
        return self.filter(first_submitted_at__isnull=False)

    def waiting_for_review(self):
        """Submitted proposals the authority has not taken into review yet."""
        return self.filter(state=ProposalState.SUBMITTED)

    def visible_to(self, user):
        """What `user` may read: public proposals; their organizations' own, drafts included; what was submitted to
        their organizations; and for staff, everything ever submitted (see proposals.permissions.can_view)."""
        from . import permissions

        condition = Q(state__in=PUBLIC_STATES)
        if user is not None and user.is_authenticated and user.is_active:
            organizations = permissions.member_organization_ids(user)
            condition |= Q(proposing_organization__in=organizations)
            received = Q(first_submitted_at__isnull=False)
            if not permissions.is_staff(user):
                received &= Q(addressed_authority__in=organizations)
            condition |= received
        return self.filter(condition)

    def for_listing(self):
        """What cards, listings, profiles and the API read, in a constant number of queries."""
        return self.select_related("proposing_organization", "addressed_authority").prefetch_related(
            "topics",
            "sectors",
            Prefetch(
                "partners",
                queryset=ProposalPartner.objects.accepted().select_related("organization").order_by("created_at"),
                to_attr="accepted_partner_list",
            ),
        )


def _positive(message):
    return MinValueValidator(Decimal("0.01"), message=message)


class Proposal(models.Model):
    """A collaboration project an organization proposes to a local public authority or public institution."""

    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(
        _("summary"), blank=True, validators=[MaxLengthValidator(1000)], help_text=_("A few lines: what and for whom.")
    )
    problem = models.TextField(_("problem it addresses"), blank=True, validators=[MaxLengthValidator(5000)])
    activities = models.TextField(_("activities"), blank=True, validators=[MaxLengthValidator(5000)])
    target_group = models.TextField(_("target group"), blank=True, validators=[MaxLengthValidator(2000)])
    beneficiaries_count = models.PositiveIntegerField(
        _("expected beneficiaries"),
        null=True,
        blank=True,
        validators=[
            MinValueValidator(1, message=_("Enter at least one beneficiary.")),
            MaxValueValidator(MAX_BENEFICIARIES, message=_("Enter at most 10,000,000 beneficiaries.")),
        ],
        help_text=_("How many people the project expects to reach."),
    )
    sectors = models.ManyToManyField(
        "directory.Sector", verbose_name=_("sectors"), blank=True, related_name="proposals"
    )
    topics = models.ManyToManyField("website.Topic", verbose_name=_("topics"), blank=True, related_name="proposals")
    proposing_organization = models.ForeignKey(
        Organization, verbose_name=_("proposing organization"), on_delete=models.PROTECT, related_name="proposals"
    )
    addressed_authority = models.ForeignKey(
        Organization,
        verbose_name=_("addressed authority"),
        on_delete=models.PROTECT,
        related_name="received_proposals",
        limit_choices_to={"kind__in": Organization.AUTHORITY_KINDS},
        help_text=_("The local public authority or public institution the proposal is addressed to."),
    )
    budget_ron = models.DecimalField(
        _("estimated budget (RON)"),
        max_digits=11,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[
            _positive(_("The budget must be greater than zero.")),
            MaxValueValidator(MAX_BUDGET_RON, message=_("The budget may be at most 100,000,000 lei.")),
        ],
    )
    cofinancing_ron = models.DecimalField(
        _("co-financing (RON)"),
        max_digits=11,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"), message=_("The co-financing cannot be negative."))],
        help_text=_("What the proposing organization and its partners contribute, at most the whole budget."),
    )
    duration_months = models.PositiveSmallIntegerField(
        _("duration (months)"),
        null=True,
        blank=True,
        validators=[
            MinValueValidator(1, message=_("The duration must be between 1 and 120 months.")),
            MaxValueValidator(MAX_DURATION_MONTHS, message=_("The duration must be between 1 and 120 months.")),
        ],
    )
    state = models.CharField(_("state"), max_length=30, choices=ProposalState.choices, default=ProposalState.DRAFT)
    results_summary = models.TextField(
        _("results"),
        blank=True,
        validators=[MaxLengthValidator(5000)],
        help_text=_("What the project achieved; required to mark it completed."),
    )
    created_by = optional_person(_("created by"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # The first submission (for the authority's "days to a first answer") and the latest one (what it waits since).
    first_submitted_at = models.DateTimeField(_("first submitted at"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    first_answer_at = models.DateTimeField(
        _("first answer at"), null=True, blank=True, help_text=_("When the authority first took it into review.")
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    # The last 30-day reminder sent to the authority (manage.py proposal_reminders).
    reminded_at = models.DateTimeField(_("authority reminded at"), null=True, blank=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("collaboration proposal")
        verbose_name_plural = _("collaboration proposals")
        indexes = [
            models.Index(fields=["state", "submitted_at"], name="proposals_state_submitted"),
            models.Index(fields=["addressed_authority", "state"], name="proposals_authority_state"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(state__in=ProposalState.values), name="proposals_proposal_state_valid"),
            models.CheckConstraint(
                condition=Q(budget_ron__isnull=True) | Q(budget_ron__gt=0, budget_ron__lte=MAX_BUDGET_RON),
                name="proposals_proposal_budget_range",
                violation_error_message=_("The budget must be greater than zero and at most 100,000,000 lei."),
            ),
            models.CheckConstraint(
                condition=Q(cofinancing_ron__isnull=True)
                | Q(cofinancing_ron__gte=0, budget_ron__isnull=False, cofinancing_ron__lte=models.F("budget_ron")),
                name="proposals_proposal_cofinancing_within_budget",
                violation_error_message=_("The co-financing cannot be more than the budget."),
            ),
            models.CheckConstraint(
                condition=Q(duration_months__isnull=True)
                | Q(duration_months__gte=1, duration_months__lte=MAX_DURATION_MONTHS),
                name="proposals_proposal_duration_range",
                violation_error_message=_("The duration must be between 1 and 120 months."),
            ),
            models.CheckConstraint(
                condition=Q(beneficiaries_count__isnull=True)
                | Q(beneficiaries_count__gte=1, beneficiaries_count__lte=MAX_BENEFICIARIES),
                name="proposals_proposal_beneficiaries_range",
            ),
            models.CheckConstraint(
                condition=~Q(proposing_organization=models.F("addressed_authority")),
                name="proposals_proposal_not_to_itself",
                violation_error_message=_("An organization cannot address a proposal to itself."),
            ),
            # Past the draft, a proposal holds what the authority needs to judge it.
            models.CheckConstraint(
                condition=Q(state__in=[ProposalState.DRAFT, ProposalState.WITHDRAWN])
                | Q(
                    submitted_at__isnull=False,
                    first_submitted_at__isnull=False,
                    budget_ron__isnull=False,
                    duration_months__isnull=False,
                    beneficiaries_count__isnull=False,
                ),
                name="proposals_proposal_complete_when_submitted",
            ),
            models.CheckConstraint(
                condition=~Q(state=ProposalState.COMPLETED) | ~Q(results_summary=""),
                name="proposals_proposal_completed_has_results",
                violation_error_message=_("Describe the project's results before marking it completed."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        """The public page (`proposals:detail`) of a public proposal, else its page in "Contul meu"
        (`proposals:member_detail`); "" while the site has no such address."""
        name = "proposals:detail" if self.is_public else "proposals:member_detail"
        try:
            return reverse(name, args=[self.pk])
        except NoReverseMatch:
            return ""

    def clean(self):
        super().clean()
        errors = {}
        # Only values that passed their own field's checks are compared (a bad one is already reported).
        if isinstance(self.cofinancing_ron, Decimal):
            if self.budget_ron is None:
                errors["budget_ron"] = ValidationError(
                    _("Enter the budget together with the co-financing."), code="budget_required"
                )
            elif isinstance(self.budget_ron, Decimal) and self.cofinancing_ron > self.budget_ron:
                errors["cofinancing_ron"] = ValidationError(
                    _("The co-financing cannot be more than the budget."), code="cofinancing_over_budget"
                )
        if self.addressed_authority_id and not self.addressed_authority.is_authority:
            errors["addressed_authority"] = ValidationError(
                _("Choose a local public authority or a public institution."), code="not_authority"
            )
        if self.addressed_authority_id and self.addressed_authority_id == self.proposing_organization_id:
            errors["addressed_authority"] = ValidationError(
                _("An organization cannot address a proposal to itself."), code="to_itself"
            )
        if errors:
            raise ValidationError(errors)

    def missing_for_submission(self):
        """{field: message} of what the proposal lacks before it can be submitted ({} when complete)."""
        missing = {}
        for name in REQUIRED_FOR_SUBMISSION:
            value = getattr(self, name)
            if value is None or (isinstance(value, str) and not value.strip()):
                missing[name] = ValidationError(
                    _("Fill in “%(field)s” before submitting the proposal.")
                    % {"field": self._meta.get_field(name).verbose_name},
                    code="required_for_submission",
                )
        return missing

    @property
    def is_public(self):
        return self.state in PUBLIC_STATES

    @property
    def is_editable(self):
        return self.state in EDITABLE_STATES

    @property
    def cofinancing_percent(self):
        """The co-financing as a share of the budget, rounded to one decimal (None when either is missing)."""
        if self.cofinancing_ron is None or not self.budget_ron:
            return None
        return (self.cofinancing_ron * 100 / self.budget_ron).quantize(Decimal("0.1"))

    def days_waiting_at(self, now=None):
        """Whole days since the (latest) submission while the authority has not taken it into review, else None."""
        if self.state != ProposalState.SUBMITTED or self.submitted_at is None:
            return None
        return max(((now or timezone.now()) - self.submitted_at).days, 0)

    @property
    def days_waiting(self):
        return self.days_waiting_at()


class ProposalPartnerQuerySet(models.QuerySet):
    def offered(self):
        return self.filter(state=ProposalPartner.State.OFFERED)

    def accepted(self):
        return self.filter(state=ProposalPartner.State.ACCEPTED)


class ProposalPartner(models.Model):
    """Another organization's offer to join a public proposal, with the role it would play; the proposer decides."""

    class State(models.TextChoices):
        OFFERED = "offered", _("offered")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="partners"
    )
    organization = models.ForeignKey(
        Organization, verbose_name=_("organization"), on_delete=models.CASCADE, related_name="proposal_partnerships"
    )
    role = models.CharField(_("role in the project"), max_length=200)
    message = models.TextField(_("message"), blank=True, validators=[MaxLengthValidator(2000)])
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.OFFERED)
    offered_by = optional_person(_("offered by"))
    created_at = models.DateTimeField(_("offered at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = optional_person(_("decided by"))

    objects = ProposalPartnerQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "organization"],
                name="proposals_one_offer_per_organization",
                violation_error_message=_("This organization has already offered to join this proposal."),
            ),
            models.CheckConstraint(
                condition=Q(state__in=["offered", "accepted", "declined"]), name="proposals_partner_state_valid"
            ),
            models.CheckConstraint(
                condition=Q(state="offered", decided_at__isnull=True)
                | (~Q(state="offered") & Q(decided_at__isnull=False)),
                name="proposals_partner_decided_when_not_offered",
            ),
        ]

    def __str__(self):
        return f"{self.organization} – {self.role}"


def attachment_path(instance, filename):
    return unguessable_name("proposals/attachments", filename)


class ProposalAttachment(models.Model):
    """A document attached to a proposal (PDF, DOC, DOCX, ODT): private, handed out only to who may see it."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to=attachment_path, storage=private_storage, max_length=255)
    title = models.CharField(_("title"), max_length=200, help_text=_("What the document is, e.g. “Detailed budget”."))
    uploaded_by = optional_person(_("uploaded by"))
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.title


class ProposalComment(models.Model):
    """A private message between the proposing organization and the addressed authority (staff may read and write)."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="comments"
    )
    author = optional_person(_("author"))
    acting_organization = models.ForeignKey(
        Organization,
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("message"), validators=[MaxLengthValidator(5000)])
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("private message")
        verbose_name_plural = _("private messages")

    def __str__(self):
        return self.text[:80]
