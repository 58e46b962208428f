"""The resources library: studies, reports, strategies and public policies, action plans, toolkits, presentations,
videos and datasets, each with its files or a link; strategies and policies with their period of validity."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page, PageManager, PageQuerySet
from wagtail.search import index

from directory.models import Organization
from website.models import AttachedDocument, BasePage
from website.pagination import paginate

from . import files
from .forms import NOT_AN_AUTHORITY, ResourcePageForm
from .serializers import DocumentsField, OrganizationField, PublisherField, RelatedPagesField, SectorSerializer
from .validators import validate_web_link, validate_year
from .validity import ValidityStatus, in_force_condition, validity_status

RESOURCES_PER_PAGE = 12
# The page types a resource may point to at its bottom ("see also").
RELATED_PAGE_TYPES = ["resources.ResourcePage", "consultations.ConsultationPage", "guides.LegislationGuidePage"]
RELATED_SECTION_TITLES = [_("Related resources"), _("Related public consultations"), _("Related guides")]


class ResourceKind(models.TextChoices):
    STUDY = "studiu", pgettext_lazy("resource kind", "Study or research")
    REPORT = "raport", pgettext_lazy("resource kind", "Report")
    STRATEGY = "strategie", pgettext_lazy("resource kind", "Strategy or public policy")
    ACTION_PLAN = "plan-de-actiune", pgettext_lazy("resource kind", "Action plan")
    TOOLKIT = "ghid-practic", pgettext_lazy("resource kind", "Practical guide or toolkit")
    PRESENTATION = "prezentare", pgettext_lazy("resource kind", "Presentation")
    VIDEO = "video", pgettext_lazy("resource kind", "Video")
    DATASET = "set-de-date", pgettext_lazy("resource kind", "Dataset")


# The kinds adopted by an authority for a period ("Strategia … 2022–2027"): only they have a validity period.
POLICY_KINDS = (ResourceKind.STRATEGY, ResourceKind.ACTION_PLAN)


class Language(models.TextChoices):
    ROMANIAN = "ro", pgettext_lazy("language", "Romanian")
    ENGLISH = "en", pgettext_lazy("language", "English")
    FRENCH = "fr", pgettext_lazy("language", "French")
    GERMAN = "de", pgettext_lazy("language", "German")
    OTHER = "alta", pgettext_lazy("language", "Another language")


class ResourceIndexPage(BasePage):
    """The library ("Resurse"): every resource, filterable by kind, topic, publisher, year and "in force"."""

    parent_page_types = ["website.HomePage"]
    subpage_types = ["resources.ResourcePage"]
    max_count = 1

    content_panels = BasePage.content_panels
    api_fields = BasePage.api_fields

    class Meta:
        verbose_name = _("resources index")
        verbose_name_plural = _("resources indexes")

    def resources(self):
        """The live, public resources under this index."""
        return ResourcePage.objects.child_of(self).live().public()

    def get_context(self, request, *args, **kwargs):
        from .filters import ResourceFilterSet

        context = super().get_context(request, *args, **kwargs)
        # One moment for "in force", read by the filter and its counts.
        filters = ResourceFilterSet(request.GET, self.resources(), now=timezone.now())
        filters.facets()
        per_page = getattr(settings, "RESOURCES_PER_PAGE", RESOURCES_PER_PAGE)
        context.update(
            filter_form=filters.form,
            ignored_filters=filters.ignored_filters(),
            resources=paginate(request, filters.qs.for_listing(), per_page),
        )
        return context


class ResourcePageQuerySet(PageQuerySet):
    def newest_first(self):
        """The most recent publication year first, then the most recently added."""
        return self.order_by("-year", "-first_published_at", "-pk")

    def in_force(self, *, now=None):
        """Strategies, policies and action plans whose period holds today's date in Bucharest."""
        return self.filter(in_force_condition(now=now), kind__in=POLICY_KINDS)

    def for_listing(self):
        """What cards, the home page, profiles and the API read, in a constant number of queries."""
        return self.select_related(
            "listing_image", "locale", "publisher_organization", "adopting_authority", "download_counter"
        ).prefetch_related(
            "topics",
            "sectors",
            "listing_image__renditions",
            Prefetch("documents", queryset=ResourceDocument.objects.select_related("document")),
            Prefetch("related_links", queryset=ResourceRelatedPage.objects.public().select_related("target")),
        )


class ResourcePage(RoutablePageMixin, BasePage):
    """One resource: what it is, who published it and when, its files or link; for a strategy or a policy, its
    period of validity and the authority that adopted it."""

    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []
    # The filters of its listing, read by the index page and by the API (`/api/v2/pages/?type=…&kind=…`).
    listing_filters = "resources.filters.ResourceFilterSet"
    base_form_class = ResourcePageForm

    kind = models.CharField(_("kind"), max_length=20, choices=ResourceKind.choices, default=ResourceKind.STUDY)
    publisher_organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("publisher in the directory"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="published_resources",
        help_text=_(
            "Choose the publisher from the directory when it is there: the resource then appears on its profile."
        ),
    )
    publisher_name = models.CharField(
        _("publisher"),
        max_length=255,
        blank=True,
        help_text=_("The institution or organization that published it, when it is not in the directory."),
    )
    authors = models.CharField(
        _("authors"), max_length=500, blank=True, help_text=_("The people who wrote it, separated by commas.")
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[validate_year], help_text=_("The year it was published (or adopted).")
    )
    language = models.CharField(_("language"), max_length=5, choices=Language.choices, default=Language.ROMANIAN)
    sectors = ParentalManyToManyField(
        "directory.Sector", verbose_name=_("sectors"), blank=True, related_name="resources"
    )
    external_url = models.URLField(
        _("external link"),
        max_length=500,
        blank=True,
        validators=[validate_web_link],
        help_text=_("Where the resource is published, when it is not attached here (a video, an online report)."),
    )
    valid_from = models.DateField(
        _("in force from"),
        null=True,
        blank=True,
        help_text=_("Strategies, policies and action plans: a year (2022) or a date (15.03.2022)."),
    )
    valid_until = models.DateField(
        _("in force until"),
        null=True,
        blank=True,
        help_text=_("A year (2027: until 31 December) or a date. Leave empty when it has no end."),
    )
    adopting_authority = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("adopted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adopted_resources",
        limit_choices_to={"kind__in": list(Organization.AUTHORITY_KINDS)},
        help_text=_("The local public authority or public institution that adopted it."),
    )
    adopting_act = models.CharField(
        _("adopting act"), max_length=255, blank=True, help_text=_("e.g. HCGMB nr. 123/2022.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("publisher_organization"),
                FieldPanel("publisher_name"),
                FieldPanel("authors"),
                FieldRowPanel([FieldPanel("year"), FieldPanel("language")]),
            ],
            heading=_("About the resource"),
        ),
        InlinePanel("documents", label=_("Files"), heading=_("Files")),
        FieldPanel("external_url"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
                FieldPanel("adopting_authority"),
                FieldPanel("adopting_act"),
            ],
            heading=_("Strategies, public policies and action plans"),
        ),
        FieldPanel("body"),
        *BasePage.taxonomy_panels,
        FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
        InlinePanel(
            "related_links", label=_("Related page"), heading=_("Related resources, consultations and guides")
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("authors"),
        index.SearchField("publisher_name"),
        index.SearchField("adopting_act"),
        index.FilterField("kind"),
        index.FilterField("year"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("kind"),
        APIField("kind_label", serializer=serializers.CharField(source="get_kind_display", read_only=True)),
        APIField("publisher", serializer=PublisherField(read_only=True)),
        APIField("authors"),
        APIField("year"),
        APIField("language"),
        APIField("sectors", serializer=SectorSerializer(many=True, read_only=True)),
        APIField("documents", serializer=DocumentsField(read_only=True)),
        APIField("external_url"),
        APIField("valid_from"),
        APIField("valid_until"),
        APIField("period", serializer=serializers.CharField(source="period_label", read_only=True)),
        APIField("validity_status", serializer=serializers.CharField(read_only=True, allow_null=True)),
        APIField("in_force", serializer=serializers.BooleanField(read_only=True)),
        APIField("adopting_authority", serializer=OrganizationField(read_only=True)),
        APIField("adopting_act"),
        APIField("download_count", serializer=serializers.IntegerField(read_only=True)),
        APIField("related_pages", serializer=RelatedPagesField(read_only=True)),
    ]

    objects = PageManager.from_queryset(ResourcePageQuerySet)()

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    def clean(self):
        super().clean()
        errors = {}
        if not self.publisher_organization_id and not self.publisher_name.strip():
            errors["publisher_name"] = _("Choose the publisher from the directory or type its name.")
        has_policy_fields = self.valid_from or self.valid_until or self.adopting_authority_id or self.adopting_act
        if has_policy_fields and self.kind not in POLICY_KINDS:
            errors["kind"] = _(
                "Only strategies, public policies and action plans have a period of validity and an adopting "
                "authority: choose one of these kinds, or leave those fields empty."
            )
        if self.valid_until and not self.valid_from:
            errors["valid_from"] = _("Give the start of the period of validity too.")
        elif self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            errors["valid_until"] = _("The period of validity cannot end before it starts.")
        if self.adopting_authority_id and not self.adopting_authority.is_authority:
            errors["adopting_authority"] = NOT_AN_AUTHORITY
        if errors:
            raise ValidationError(errors)

    # Who published it

    @property
    def public_publisher_organization(self):
        """The publisher's directory profile, only while it is published."""
        organization = self.publisher_organization
        return organization if organization is not None and organization.live else None

    @property
    def publisher(self):
        """The publisher's name: its directory profile's, else the name typed."""
        organization = self.public_publisher_organization
        return organization.name if organization else self.publisher_name

    @property
    def public_adopting_authority(self):
        organization = self.adopting_authority
        return organization if organization is not None and organization.live else None

    # The period of validity

    @property
    def has_period(self):
        return self.kind in POLICY_KINDS and self.valid_from is not None

    def validity_status_at(self, now=None):
        """In force, not yet or no longer, at `now`; None for resources without a period."""
        if self.kind not in POLICY_KINDS:
            return None
        return validity_status(self.valid_from, self.valid_until, now=now)

    @property
    def validity_status(self):
        return self.validity_status_at()

    @property
    def in_force(self):
        return self.validity_status == ValidityStatus.IN_FORCE

    @property
    def validity_label(self):
        status = self.validity_status
        return status.label if status else ""

    @property
    def period_label(self):
        """ "2022–2027" when the period runs over whole years, else its dates; "" without a period."""
        from .forms import boundary_text

        if not self.has_period:
            return ""
        start = boundary_text(self.valid_from, end=False)
        if self.valid_until is None:
            return _("from %(start)s") % {"start": start}
        end = boundary_text(self.valid_until, end=True)
        if start == end:
            return start  # one whole year
        separator = "–" if start.isdigit() and end.isdigit() else " – "
        return f"{start}{separator}{end}"

    # Files

    @property
    def download_count(self):
        counter = getattr(self, "download_counter", None) if self.pk else None
        return counter.count if counter else 0

    def download_url(self, attached, request=None):
        """The address that serves `attached` (a ResourceDocument) under a readable name and counts it."""
        url = self.get_url(request)
        if not url:  # a new page in the admin's preview: no address yet
            return attached.document.url
        return url + self.reverse_subpage("download", args=[attached.document_id])

    @path("descarca/<int:document_id>/", name="download")
    def download(self, request, document_id):
        from .views import download

        return download(request, self, document_id)

    # What is linked to it

    def public_related_pages(self):
        """The live, public pages it links to at its bottom, grouped by type in the order of RELATED_PAGE_TYPES."""
        links = getattr(self, "_prefetched_objects_cache", {}).get("related_links")
        if links is not None:  # for_listing() keeps the public ones with their pages
            pages = [link.target for link in links]
        else:  # also the links being edited, in the admin's preview
            ids = [link.target_id for link in self.related_links.all()]
            targets = Page.objects.live().public().in_bulk(ids)
            pages = [targets[pk] for pk in ids if pk in targets]
        groups = {label: [] for label in RELATED_PAGE_TYPES}
        for page in pages:
            label = page.specific_class._meta.label if page.specific_class else None
            if label in groups:
                groups[label].append(page)
        return groups

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        documents = list(self.documents.select_related("document"))
        for item in documents:
            item.download_url = self.download_url(item, request)
        groups = self.public_related_pages()
        titles = dict(zip(RELATED_PAGE_TYPES, RELATED_SECTION_TITLES, strict=True))
        context.update(
            documents=documents,
            related_sections=[
                {"id": f"conexe-{position}", "title": titles[label], "pages": pages}
                for position, (label, pages) in enumerate(groups.items())
                if pages
            ],
            implementing_consultations=self.implementing_consultations_list(),
        )
        return context

    def implementing_consultations_list(self):
        """The live, public consultations that say they implement this strategy or policy."""
        related = getattr(self, "implementing_consultations", None) if self.pk else None
        if related is None:  # a new page in the preview, or no consultations app
            return []
        return list(related.live().public().order_by("-closes_at", "pk"))


class ResourceDocument(AttachedDocument):
    """A file of a resource: the study, the strategy, its annexes."""

    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="documents")

    class Meta(AttachedDocument.Meta):
        verbose_name = _("file")
        verbose_name_plural = _("files")

    @property
    def extension(self):
        return files.extension(self.document.filename)

    @property
    def format_label(self):
        """ "PDF, 2,4 MB": read before downloading."""
        return files.format_label(self.document.filename, self.document.file_size)


class ResourceRelatedPageQuerySet(models.QuerySet):
    def public(self):
        """Links whose page readers may see (live and not private)."""
        return self.filter(target__in=Page.objects.live().public().values("pk"))


class ResourceRelatedPage(Orderable):
    """A page shown at the bottom of a resource: another resource, a consultation or a guide."""

    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="related_links")
    target = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("target", page_type=RELATED_PAGE_TYPES)]

    objects = ResourceRelatedPageQuerySet.as_manager()

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")

    def clean(self):
        super().clean()
        if self.target_id:
            label = self.target.specific_class._meta.label if self.target.specific_class else ""
            if label not in RELATED_PAGE_TYPES:
                raise ValidationError({"target": _("Choose a resource, a public consultation or a guide.")})
            if self.target_id == self.page_id:
                raise ValidationError({"target": _("A resource cannot be related to itself.")})


class ResourceDownloadCount(models.Model):
    """How many times a resource's files were downloaded. Kept apart from the page, whose revisions would put
    back an older count each time an editor publishes."""

    resource = models.OneToOneField(
        ResourcePage,
        verbose_name=_("resource"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="download_counter",
    )
    count = models.PositiveBigIntegerField(_("downloads"), default=0)

    class Meta:
        verbose_name = _("download count")
        verbose_name_plural = _("download counts")

    def __str__(self):
        return f"{self.resource_id}: {self.count}"
