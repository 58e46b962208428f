"""Funding calls (grants, programmes, calls for proposals) and their index, with a status derived from dates."""

from datetime import UTC, datetime, time, timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, F, IntegerField, Prefetch, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, PageManager, PageQuerySet
from wagtail.search import index

from website.addresses import public_url
from website.calendar import CALENDAR_ROUTE, calendar_response
from website.models import AttachedDocument, BasePage
from website.pagination import paginate

from .status import (
    BUCHAREST,
    FundingStatus,
    accepting_condition,
    funding_status,
    reference_time,
    status_condition,
    status_label,
)

AMOUNT_VALIDATORS = [MinValueValidator(0, message=_("Amounts cannot be negative."))]
PERCENT_MESSAGE = _("The co-financing percentage must be between 0 and 100.")


class Currency(models.TextChoices):
    RON = "RON", "RON"
    EUR = "EUR", "EUR"


class ApplicantKind(models.Model):
    """Who may apply for a call. The rows are the `Code` choices, created by a data migration."""

    class Code(models.TextChoices):
        NGO = "ong", _("Associations and foundations")
        SOCIAL_ENTERPRISE = "intreprindere-sociala", _("Social enterprises")
        PUBLIC_INSTITUTION = "institutie-publica", _("Public institutions")
        LOCAL_AUTHORITY = "autoritate-locala", _("Local public authorities")
        SCHOOL = "unitate-invatamant", _("Schools and universities")
        SME = "imm", _("Small and medium-sized enterprises")
        INDIVIDUAL = "persoana-fizica", _("Individuals")

    code = models.CharField(_("code"), max_length=40, choices=Code.choices, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("applicant kind")
        verbose_name_plural = _("applicant kinds")

    def __str__(self):
        return str(self.get_code_display())

    @classmethod
    def ensure_all(cls):
        """Create any missing rows (the data migration does this; tests without migrations call it)."""
        for position, code in enumerate(cls.Code.values):
            cls.objects.get_or_create(code=code, defaults={"sort_order": position})


class FundingIndexPage(RoutablePageMixin, BasePage):
    """The list of funding calls ("Finanțări"), with filters and an iCal feed of deadlines."""

    parent_page_types = ["website.HomePage"]
    subpage_types = ["funding.FundingCallPage"]
    max_count = 1

    # Reached as `<index url>calendar.ics` through website/calendar.py (Wagtail's own URLs cannot hold a dot).
    CALENDAR_ROUTE = CALENDAR_ROUTE

    content_panels = BasePage.content_panels
    api_fields = BasePage.api_fields

    class Meta:
        verbose_name = _("funding index")
        verbose_name_plural = _("funding indexes")

    def calls(self):
        """The live, public calls under this index."""
        return FundingCallPage.objects.child_of(self).live().public()

    def get_context(self, request, *args, **kwargs):
        from .filters import FundingFilterSet

        context = super().get_context(request, *args, **kwargs)
        filters = FundingFilterSet(request.GET, self.calls(), now=timezone.now())
        filters.facets()
        context.update(
            filter_form=filters.form,
            ignored_filters=filters.ignored_filters(),
            calls=paginate(request, filters.qs.for_listing(), settings.FUNDING_PER_PAGE),
            calendar_url=self.calendar_url(request),
        )
        return context

    def calendar_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("calendar").rstrip("/")

    @path(CALENDAR_ROUTE, name="calendar")
    def calendar(self, request):
        """Deadlines of the calls that still accept (or will accept) applications, and recently closed ones."""
        from .ical import calendar_for_calls

        now = timezone.now()
        calls = self.calls().in_calendar(now=now).for_listing()
        body = calendar_for_calls(calls, request=request, now=now, name=self.title)
        return calendar_response(body, filename=self.slug)


class FundingCallPageQuerySet(PageQuerySet):
    def with_status(self, status, *, now=None):
        return self.filter(status_condition(status, now=now))

    def upcoming(self, *, now=None):
        return self.with_status(FundingStatus.UPCOMING, now=now)

    def accepting_applications(self, *, now=None):
        """Open or closing-soon calls, the nearest deadline first."""
        return self.filter(accepting_condition(now=now)).order_by("deadline", "pk")

    def closing_soon(self, *, now=None):
        return self.with_status(FundingStatus.CLOSING_SOON, now=now)

    def closed(self, *, now=None):
        return self.with_status(FundingStatus.CLOSED, now=now)

    def in_calendar(self, *, now=None, closed_since_days=90):
        """Calls that are not closed, plus the ones closed in the last `closed_since_days` days."""
        now, _today = reference_time(now)
        return self.filter(deadline__gte=now - timedelta(days=closed_since_days)).order_by("deadline", "pk")

    def order_by_deadline(self, *, now=None):
        """Accepting calls first (nearest deadline first), then upcoming ones, then the most recently closed."""
        rank = Case(
            When(status_condition(FundingStatus.UPCOMING, now=now), then=Value(1)),
            When(status_condition(FundingStatus.CLOSED, now=now), then=Value(2)),
            default=Value(0),
            output_field=IntegerField(),
        )
        return self.annotate(status_rank=rank).order_by(
            "status_rank",
            Case(When(status_rank__lt=2, then=F("deadline"))).asc(),
            Case(When(status_rank=2, then=F("deadline"))).desc(),
            "pk",
        )

    def for_listing(self):
        """What cards, the iCal feed and the API (`meta.locale` included) read, in a constant number of queries."""
        return self.select_related("listing_image", "locale", "funder_organization").prefetch_related(
            "topics",
            "applicant_kinds",
            "listing_image__renditions",
            Prefetch("documents", queryset=FundingCallDocument.objects.select_related("document")),
        )


class FunderOrganizationField(serializers.Field):
    """The funder's public directory entry (id, name, slug, profile URL), or null."""

    def get_attribute(self, instance):
        return instance.public_funder_organization

    def to_representation(self, organization):
        url = organization.get_absolute_url()
        return {
            "id": organization.pk,
            "name": organization.name,
            "slug": organization.slug,
            "url": public_url(url),
        }


class ApplicantKindSerializer(serializers.ModelSerializer):
    label = serializers.CharField(source="get_code_display")

    class Meta:
        model = ApplicantKind
        fields = ["code", "label"]


class FundingDocumentSerializer(serializers.Serializer):
    title = serializers.CharField(source="display_title")
    url = serializers.SerializerMethodField()
    file_extension = serializers.CharField(source="document.file_extension")

    def get_url(self, obj):
        url = obj.document.url
        return public_url(url)


class FundingCallPage(RoutablePageMixin, BasePage):
    """One funding call: who funds it, who may apply, how much, until when; its deadline as an iCal file."""

    parent_page_types = ["funding.FundingIndexPage"]
    subpage_types = []
    # The filters of their listing, read by the index page and by the API (`/api/v2/pages/?type=…&topic=…`).
    listing_filters = "funding.filters.FundingFilterSet"

    funder_organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("funder in the directory"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="funding_calls",
        help_text=_("Choose the funder from the directory when it is there: the call then appears on its profile."),
    )
    funder = models.CharField(
        _("funder"),
        max_length=255,
        blank=True,
        help_text=_("The institution that gives the money, e.g. a ministry, when it is not in the directory."),
    )
    programme = models.CharField(
        _("programme"),
        max_length=255,
        blank=True,
        help_text=_("e.g. Programul Incluziune și Demnitate Socială 2021-2027."),
    )
    applicant_kinds = ParentalManyToManyField(
        ApplicantKind, verbose_name=_("eligible applicants"), blank=True, related_name="funding_calls"
    )
    amount_min = models.DecimalField(
        _("minimum amount"), max_digits=14, decimal_places=2, null=True, blank=True, validators=AMOUNT_VALIDATORS
    )
    amount_max = models.DecimalField(
        _("maximum amount"), max_digits=14, decimal_places=2, null=True, blank=True, validators=AMOUNT_VALIDATORS
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.RON)
    cofinancing_percent = models.DecimalField(
        _("co-financing (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, message=PERCENT_MESSAGE), MaxValueValidator(100, message=PERCENT_MESSAGE)],
        help_text=_("The share of the budget the applicant must contribute. Leave empty if none is required."),
    )
    opens_on = models.DateField(
        _("opens on"), help_text=_("Applications are accepted from 00:00 (Romania's time) on this day.")
    )
    deadline = models.DateTimeField(_("deadline"), help_text=_("Date and time, in Romania's time."))
    official_url = models.URLField(_("official link"), max_length=500, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("funder_organization"),
                FieldPanel("funder"),
                FieldPanel("programme"),
                FieldPanel("official_url"),
            ],
            heading=_("Funder"),
        ),
        FieldRowPanel([FieldPanel("opens_on"), FieldPanel("deadline")], heading=_("Dates")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("amount_min"), FieldPanel("amount_max"), FieldPanel("currency")]),
                FieldPanel("cofinancing_percent"),
            ],
            heading=_("Money"),
        ),
        FieldPanel("applicant_kinds", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
        InlinePanel("documents", label=_("Documents"), heading=_("Documents")),
        *BasePage.taxonomy_panels,
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("funder"),
        index.SearchField("programme"),
        index.FilterField("opens_on"),
        index.FilterField("deadline"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("funder", serializer=serializers.CharField(source="funder_name", read_only=True)),
        APIField("funder_organization", serializer=FunderOrganizationField(read_only=True)),
        APIField("programme"),
        APIField("applicant_kinds", serializer=ApplicantKindSerializer(many=True)),
        APIField("amount_min", serializer=serializers.DecimalField(14, 2, coerce_to_string=False, read_only=True)),
        APIField("amount_max", serializer=serializers.DecimalField(14, 2, coerce_to_string=False, read_only=True)),
        APIField("currency"),
        APIField(
            "cofinancing_percent", serializer=serializers.DecimalField(5, 2, coerce_to_string=False, read_only=True)
        ),
        APIField("opens_on"),
        APIField("deadline", serializer=serializers.DateTimeField(default_timezone=BUCHAREST, read_only=True)),
        APIField("official_url"),
        APIField("documents", serializer=FundingDocumentSerializer(many=True)),
        APIField("status", serializer=serializers.CharField(read_only=True)),
        APIField("status_label", serializer=serializers.CharField(read_only=True)),
    ]

    objects = PageManager.from_queryset(FundingCallPageQuerySet)()

    class Meta:
        verbose_name = _("funding call")
        verbose_name_plural = _("funding calls")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_min__isnull=True) | Q(amount_max__isnull=True) | Q(amount_min__lte=F("amount_max")),
                name="funding_call_amount_min_not_above_max",
                violation_error_message=_("The minimum amount cannot be greater than the maximum amount."),
            ),
            models.CheckConstraint(
                condition=Q(cofinancing_percent__isnull=True)
                | Q(cofinancing_percent__gte=0, cofinancing_percent__lte=100),
                name="funding_call_cofinancing_percent_range",
                violation_error_message=PERCENT_MESSAGE,
            ),
        ]

    def clean(self):
        super().clean()
        errors = {}
        if not self.funder_organization_id and not self.funder.strip():
            errors["funder"] = _("Choose the funder from the directory or type its name.")
        if self.opens_on and self.deadline and self.deadline.astimezone(UTC) < self.opens_at.astimezone(UTC):
            errors["deadline"] = _("The deadline cannot be before the opening date.")
        if self.amount_min is not None and self.amount_max is not None and self.amount_min > self.amount_max:
            errors["amount_min"] = _("The minimum amount cannot be greater than the maximum amount.")
        if errors:
            raise ValidationError(errors)

    @property
    def public_funder_organization(self):
        """The funder's directory profile, only while it is published."""
        organization = self.funder_organization
        return organization if organization is not None and organization.live else None

    @property
    def funder_name(self):
        organization = self.public_funder_organization
        return organization.name if organization else self.funder

    @property
    def opens_at(self):
        """The moment applications open: 00:00 in Bucharest on `opens_on`."""
        return datetime.combine(self.opens_on, time.min, tzinfo=BUCHAREST)

    def status_at(self, now=None):
        """The status at `now` (default: the current time); None while the dates are not filled in."""
        if self.opens_on is None or self.deadline is None:
            return None
        return funding_status(opens_on=self.opens_on, deadline=self.deadline, now=now)

    def calendar_url(self, request=None):
        """`<call url>calendar.ics`: this call's deadline for the reader's calendar ("Adăugați în calendar")."""
        return self.get_url(request) + self.reverse_subpage("calendar").rstrip("/")

    @path(FundingIndexPage.CALENDAR_ROUTE, name="calendar")
    def calendar(self, request):
        """This call's deadline as a one-event iCal file, built like the index's feed."""
        from .ical import calendar_for_calls

        body = calendar_for_calls([self], request=request, now=timezone.now(), name=self.title)
        return calendar_response(body, filename=self.slug, disposition="attachment")

    @property
    def status(self):
        return self.status_at()

    @property
    def status_label(self):
        status = self.status
        if status is None:
            return ""
        return status_label(status, deadline=self.deadline)

    @property
    def has_amount(self):
        return self.amount_min is not None or self.amount_max is not None


class FundingCallDocument(AttachedDocument):
    """A document attached to a call: the applicant's guide, forms, annexes."""

    page = ParentalKey(FundingCallPage, on_delete=models.CASCADE, related_name="documents")

    class Meta(AttachedDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
