"""Public consultations under Legea 52/2003: the draft act, the recommendations members send and the answers."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Count, IntegerField, Prefetch, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model_string
from wagtail.models import Page, PageManager, PageQuerySet
from wagtail.search import index

from directory.models import Organization
from participation import uploads
from participation.models import ModeratedQuerySet, ModeratedSubmission, ModerationState, optional_person
from resources.validators import validate_policy_page
from website.calendar import CALENDAR_ROUTE, calendar_response
from website.models import AttachedDocument, BasePage
from website.pagination import paginate

from .panels import RecommendationsPanel
from .status import (
    BUCHAREST,
    MINIMUM_PERIOD_DAYS,
    ConsultationStatus,
    calendar_days,
    consultation_status,
    countdown_label,
    now_utc,
    status_condition,
)

DEFAULT_LEGAL_BASIS = "Legea 52/2003 privind transparența decizională"


class ActKind(models.TextChoices):
    HCGMB = "hcgmb", _("Decision of the General Council of Bucharest (HCGMB)")
    HCL_SECTOR = "hcl-sector", _("Decision of a sector's local council (HCL)")
    MAYOR_GENERAL = "dispozitie-primar-general", _("Disposition of the General Mayor")
    MAYOR_SECTOR = "dispozitie-primar-sector", _("Disposition of a sector mayor")
    REGULATION = "regulament", _("Regulation")
    OTHER = "alt-act", _("Other normative act")


class Outcome(models.TextChoices):
    NONE = "", _("Not decided yet")
    ADOPTED = "adopted", _("The act was adopted")
    NOT_ADOPTED = "not_adopted", _("The act was not adopted")


def document_field(verbose_name, help_text=""):
    return models.ForeignKey(
        get_document_model_string(),
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


class ConsultationIndexPage(RoutablePageMixin, BasePage):
    """The list of public consultations ("Consultări publice"), with filters; open ones closing soonest first."""

    parent_page_types = ["website.HomePage"]
    subpage_types = ["consultations.ConsultationPage"]
    max_count = 1

    content_panels = BasePage.content_panels
    api_fields = BasePage.api_fields

    class Meta:
        verbose_name = _("consultations index")
        verbose_name_plural = _("consultations indexes")

    def consultations(self):
        """The live, public consultations under this index."""
        return ConsultationPage.objects.child_of(self).live().public()

    def get_context(self, request, *args, **kwargs):
        from .filters import ConsultationFilterSet

        context = super().get_context(request, *args, **kwargs)
        # One moment for the statuses the filter, the counts and the order read.
        filters = ConsultationFilterSet(request.GET, self.consultations(), now=timezone.now())
        filters.facets()
        context.update(
            filter_form=filters.form,
            ignored_filters=filters.ignored_filters(),
            consultations=paginate(request, filters.qs.for_listing(), settings.CONSULTATIONS_PER_PAGE),
            calendar_url=self.calendar_url(request),
        )
        return context

    # Reached as `<index url>calendar.ics` through website/calendar.py's `<path>calendar.ics` address, which hands
    # any page's `calendar.ics/` route back to Wagtail (its own URLs cannot hold a dot).
    @path(CALENDAR_ROUTE, name="calendar")
    def calendar(self, request):
        """Closing moments and public debates of upcoming, open and recently closed consultations."""
        from .ical import RECENTLY_CLOSED, calendar_for_consultations

        now = timezone.now()
        consultations = (
            self.consultations()
            .filter(closes_at__gte=now - RECENTLY_CLOSED)
            .select_related("authority")
            .order_by("closes_at", "pk")
        )
        body = calendar_for_consultations(consultations, request=request, now=now, name=self.title)
        return calendar_response(body, filename=self.slug)

    def calendar_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("calendar").rstrip("/")


class ConsultationPageQuerySet(PageQuerySet):
    def with_status(self, status, *, now=None):
        return self.filter(status_condition(status, now=now))

    def open(self, *, now=None):
        """Consultations accepting recommendations, the soonest closing first."""
        return self.with_status(ConsultationStatus.OPEN, now=now).order_by("closes_at", "pk")

    def order_for_listing(self, *, now=None):
        """Open ones first (closing soonest first), then upcoming (opening soonest), then the latest closed."""
        now = now_utc(now)
        rank = models.Case(
            models.When(status_condition(ConsultationStatus.OPEN, now=now), then=Value(0)),
            models.When(status_condition(ConsultationStatus.UPCOMING, now=now), then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
        return self.annotate(status_rank=rank).order_by(
            "status_rank",
            models.Case(models.When(status_rank=0, then="closes_at")).asc(),
            models.Case(models.When(status_rank=1, then="opens_at")).asc(),
            models.Case(models.When(status_rank=2, then="closes_at")).desc(),
            "pk",
        )

    def with_response_counts(self):
        """`approved_count` on each consultation (public recommendations)."""
        return self.annotate(
            approved_count=Coalesce(
                Count("responses", filter=Q(responses__moderation_state=ModerationState.APPROVED), distinct=True),
                0,
            )
        )

    def for_listing(self):
        """What cards, the home page and the profile section read, in a constant number of queries."""
        return (
            self.select_related("listing_image", "locale", "authority")
            .prefetch_related("topics", "sectors", "listing_image__renditions")
            .with_response_counts()
        )


class AuthoritySerializer(serializers.Field):
    def get_attribute(self, instance):
        return instance.public_authority

    def to_representation(self, organization):
        return {"id": organization.pk, "name": organization.name, "slug": organization.slug}


class ConsultationPage(RoutablePageMixin, BasePage):
    """One consultation on a draft normative act: the act, the dates, the debate, the recommendations, the outcome."""

    parent_page_types = ["consultations.ConsultationIndexPage"]
    subpage_types = []

    authority = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("initiating authority"),
        on_delete=models.PROTECT,
        related_name="consultations",
        limit_choices_to={"kind__in": list(Organization.AUTHORITY_KINDS)},
        help_text=_("The local public authority or public institution that proposes the act."),
    )
    legal_basis = models.CharField(_("legal basis"), max_length=255, default=DEFAULT_LEGAL_BASIS)
    act_kind = models.CharField(_("kind of act"), max_length=40, choices=ActKind.choices, default=ActKind.HCGMB)
    draft_act = document_field(_("draft act"), _("The draft normative act submitted for consultation."))
    explanatory_note = document_field(
        _("explanatory note"), _("The explanatory note (referatul de aprobare) that accompanies the draft.")
    )
    opens_at = models.DateTimeField(_("opens at"), help_text=_("Date and time, in Romania's time."))
    closes_at = models.DateTimeField(
        _("closes at"),
        help_text=_("Recommendations are accepted until this moment (Romania's time); at least 10 calendar days."),
    )
    short_period_exception = models.BooleanField(
        _("shorter period than 10 days"),
        default=False,
        help_text=_("Tick only when the law allows a shorter period; the reason is required and logged."),
    )
    short_period_reason = models.TextField(_("reason for the shorter period"), blank=True)
    how_to_respond = models.TextField(
        _("how to respond"),
        blank=True,
        validators=[MaxLengthValidator(3000)],
        help_text=_("Other ways to send recommendations (address, email), besides the form on this page."),
    )
    debate_at = models.DateTimeField(_("public debate on"), null=True, blank=True)
    debate_place = models.CharField(_("public debate place"), max_length=255, blank=True)
    debate_url = models.URLField(_("public debate online link"), max_length=500, blank=True)
    debate_minutes = document_field(_("minutes of the public debate"))
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, default=Outcome.NONE, blank=True)
    outcome_text = models.TextField(_("outcome explained"), blank=True, validators=[MaxLengthValidator(5000)])
    act_number = models.CharField(_("number of the adopted act"), max_length=60, blank=True)
    act_date = models.DateField(_("date of the act"), null=True, blank=True)
    act_document = document_field(_("adopted act"))
    sectors = ParentalManyToManyField(
        "directory.Sector", verbose_name=_("sectors"), blank=True, related_name="consultations"
    )
    implemented_policy = models.ForeignKey(
        "resources.ResourcePage",
        verbose_name=_("strategy or policy it implements"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="implementing_consultations",
        validators=[validate_policy_page],
        help_text=_("The strategy, public policy or action plan of the resources library that the act implements."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("authority"),
                FieldPanel("act_kind"),
                FieldPanel("legal_basis"),
                FieldPanel("draft_act"),
                FieldPanel("explanatory_note"),
                PageChooserPanel("implemented_policy", page_type="resources.ResourcePage"),
            ],
            heading=_("Draft act"),
        ),
        InlinePanel("annexes", label=_("Annexes"), heading=_("Annexes")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("short_period_exception"),
                FieldPanel("short_period_reason"),
                FieldPanel("how_to_respond"),
            ],
            heading=_("Recommendations period"),
        ),
        RecommendationsPanel(),
        MultiFieldPanel(
            [
                FieldPanel("debate_at"),
                FieldPanel("debate_place"),
                FieldPanel("debate_url"),
                FieldPanel("debate_minutes"),
            ],
            heading=_("Public debate"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("outcome"),
                FieldPanel("outcome_text"),
                FieldRowPanel([FieldPanel("act_number"), FieldPanel("act_date")]),
                FieldPanel("act_document"),
            ],
            heading=_("Outcome"),
        ),
        FieldPanel("body"),
        *BasePage.taxonomy_panels,
        FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("legal_basis"),
        index.FilterField("opens_at"),
        index.FilterField("closes_at"),
        index.FilterField("authority"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("authority", serializer=AuthoritySerializer(read_only=True)),
        APIField("legal_basis"),
        APIField("act_kind"),
        APIField("opens_at", serializer=serializers.DateTimeField(default_timezone=BUCHAREST, read_only=True)),
        APIField("closes_at", serializer=serializers.DateTimeField(default_timezone=BUCHAREST, read_only=True)),
        APIField("debate_at", serializer=serializers.DateTimeField(default_timezone=BUCHAREST, read_only=True)),
        APIField("debate_place"),
        APIField("debate_url"),
        APIField("outcome"),
        APIField("act_number"),
        APIField("act_date"),
        APIField("status", serializer=serializers.CharField(read_only=True)),
    ]

    # The API's filters on `?type=consultations.ConsultationPage` and on `/api/v2/consultations/`.
    listing_filters = "consultations.filters.ConsultationFilterSet"

    objects = PageManager.from_queryset(ConsultationPageQuerySet)()

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def clean(self):
        super().clean()
        errors = {}
        if self.opens_at and self.closes_at:
            if self.closes_at <= self.opens_at:
                errors["closes_at"] = _("The closing moment must be after the opening moment.")
            elif self.period_days < MINIMUM_PERIOD_DAYS:
                if not self.short_period_exception:
                    errors["closes_at"] = _(
                        "The law requires at least 10 calendar days for recommendations. Move the closing moment, "
                        "or tick the exception and give its reason."
                    )
                elif not self.short_period_reason.strip():
                    errors["short_period_reason"] = _("Give the reason for the period shorter than 10 days.")
        if self.outcome == Outcome.ADOPTED and not (self.act_number.strip() and self.act_date):
            errors["act_number"] = _("Give the number and the date of the adopted act.")
        if self.authority_id and not self.authority.is_authority:
            errors["authority"] = _("Choose a local public authority or a public institution.")
        if errors:
            raise ValidationError(errors)

    @property
    def period_days(self):
        """Calendar days (Bucharest) between the opening and the closing day."""
        return calendar_days(self.opens_at, self.closes_at)

    @property
    def uses_short_period(self):
        return bool(self.opens_at and self.closes_at and self.period_days < MINIMUM_PERIOD_DAYS)

    @property
    def public_authority(self):
        organization = self.authority
        return organization if organization is not None and organization.live else None

    def followed_through(self):
        """Whose followers hear of this consultation besides its own: the initiating authority's."""
        return [self.authority] if self.authority_id else []

    def status_at(self, now=None):
        if self.opens_at is None or self.closes_at is None:
            return None
        return consultation_status(
            opens_at=self.opens_at, closes_at=self.closes_at, has_outcome=bool(self.outcome), now=now
        )

    @property
    def status(self):
        return self.status_at()

    def is_open(self, now=None):
        return self.status_at(now) == ConsultationStatus.OPEN

    @property
    def status_label(self):
        status = self.status
        if status is None:
            return ""
        if status == ConsultationStatus.OPEN:
            return countdown_label(self.closes_at)
        return status.label

    @property
    def days_since_closing(self):
        return max(calendar_days(self.closes_at, now_utc()), 0)

    def public_responses(self):
        """Approved recommendations with their answers, oldest first, in one query."""
        return (
            self.responses.approved().select_related("author", "organization", "answer").order_by("created_at", "pk")
        )

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.consultation_page_context(self, request))
        return context

    @path("recomandare/", name="respond")
    def respond(self, request):
        from .views import respond

        return respond(request, self)

    @path("dezbatere/", name="debate_request")
    def debate_request(self, request):
        from .views import debate_request

        return debate_request(request, self)

    @path("raspuns/<int:response_id>/", name="answer")
    def answer(self, request, response_id):
        from .views import answer

        return answer(request, self, response_id)


class ConsultationAnnex(AttachedDocument):
    """An annex of the draft act."""

    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="annexes")

    class Meta(AttachedDocument.Meta):
        verbose_name = _("annex")
        verbose_name_plural = _("annexes")


def attachment_path(instance, filename):
    return uploads.unguessable_name("consultations/responses", filename)


def private_storage():
    """Named in migrations; the private storage itself is the participation core's."""
    return uploads.private_storage()


class Response(ModeratedSubmission):
    """A member's recommendation on a consultation, on their own behalf or on behalf of one of their organizations."""

    consultation = models.ForeignKey(
        ConsultationPage, verbose_name=_("consultation"), on_delete=models.CASCADE, related_name="responses"
    )
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_responses",
    )
    section = models.CharField(_("article or section"), max_length=255, blank=True)
    text = models.TextField(_("recommendation"), validators=[MaxLengthValidator(10000)])
    attachment = models.FileField(
        _("attachment"), upload_to=attachment_path, storage=private_storage, max_length=255, blank=True
    )

    objects = ModeratedQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self):
        return self.text[:80]

    def get_absolute_url(self):
        return f"{self.consultation.url}#recomandare-{self.pk}"

    @property
    def public_author_name(self):
        """The organization's name, else the author's full name; never an email address."""
        if self.organization_id:
            return self.organization.name
        if self.author_id and self.author.get_full_name().strip():
            return self.author.get_full_name().strip()
        return str(_("A member of the platform"))


class ResponseAnswer(models.Model):
    """The initiating authority's answer to one approved recommendation."""

    class Verdict(models.TextChoices):
        ACCEPTED = "accepted", _("accepted")
        PARTLY = "partly", _("partly accepted")
        NOT_ACCEPTED = "not_accepted", _("not accepted")

    response = models.OneToOneField(
        Response, verbose_name=_("recommendation"), on_delete=models.CASCADE, related_name="answer"
    )
    verdict = models.CharField(_("answer"), max_length=20, choices=Verdict.choices)
    justification = models.TextField(_("justification"), blank=True, validators=[MaxLengthValidator(5000)])
    answered_by = optional_person(_("answered by"))
    answered_at = models.DateTimeField(_("answered at"), default=timezone.now)

    class Meta:
        verbose_name = _("answer to a recommendation")
        verbose_name_plural = _("answers to recommendations")
        constraints = [
            models.CheckConstraint(
                condition=Q(verdict="accepted") | ~Q(justification=""),
                name="consultations_answer_justified",
                violation_error_message=_("Explain why the recommendation was not fully accepted."),
            )
        ]

    def __str__(self):
        return self.get_verdict_display()


class DebateRequest(models.Model):
    """An organization asks the authority for a public debate on an open consultation (Legea 52/2003, art. 7 (9))."""

    consultation = models.ForeignKey(
        ConsultationPage, verbose_name=_("consultation"), on_delete=models.CASCADE, related_name="debate_requests"
    )
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("organization"),
        on_delete=models.CASCADE,
        related_name="consultation_debate_requests",
    )
    requested_by = optional_person(_("requested by"))
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("public debate request")
        verbose_name_plural = _("public debate requests")
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "organization"],
                name="consultations_one_debate_request_per_organization",
                violation_error_message=_("This organization has already asked for a public debate."),
            )
        ]

    def __str__(self):
        return f"{self.organization} → {self.consultation}"


class ConsultationNotice(models.Model):
    """That the followers were told of an event of a consultation (it opened, its outcome was published): once each."""

    class Event(models.TextChoices):
        OPENED = "opened", _("opened")
        DEBATE = "debate", _("public debate announced")
        CLOSING_WEEK = "closing_week", _("closes in a week")
        CLOSING_DAY = "closing_day", _("closes tomorrow")
        OUTCOME = "outcome", _("outcome published")

    consultation = models.ForeignKey(ConsultationPage, on_delete=models.CASCADE, related_name="notices")
    event = models.CharField(max_length=20, choices=Event.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["consultation", "event"], name="consultations_one_notice_per_event")
        ]

    def __str__(self):
        return f"{self.consultation_id}: {self.event}"


def prefetch_public_responses():
    """A `Prefetch` of approved recommendations with answers, for listings that show them."""
    return Prefetch(
        "responses",
        queryset=Response.objects.approved().select_related("organization", "answer", "author"),
        to_attr="public_response_list",
    )
