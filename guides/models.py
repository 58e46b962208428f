"""Legislation and policy guides: the acts a guide explains, its questions and answers, when it was last checked."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.api import APIField
from wagtail.api.rich_text import APIRichText
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager, PageQuerySet
from wagtail.search import index

from website.models import BasePage
from website.pagination import paginate

FIRST_ACT_YEAR = 1859  # the Union of the Principalities: older acts are not in force
ANSWER_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


def validate_act_year(value):
    last = timezone.localdate().year
    if not FIRST_ACT_YEAR <= value <= last:
        raise ValidationError(
            _("Enter a year between %(first)s and %(last)s."),
            code="year_out_of_range",
            params={"first": FIRST_ACT_YEAR, "last": last},
        )


class ActKind(models.TextChoices):
    LAW = "lege", _("Law")
    ORDINANCE = "og", _("Government ordinance (OG)")
    EMERGENCY_ORDINANCE = "oug", _("Government emergency ordinance (OUG)")
    GOVERNMENT_DECISION = "hg", _("Government decision (HG)")
    CGMB_DECISION = "hcgmb", _("Bucharest General Council decision (HCGMB)")
    ORDER = "ordin", pgettext_lazy("legal act type", "Order")
    OTHER = "altul", _("Other act")


# How an act is cited: "Legea nr. 219/2015", "OUG nr. 57/2019", …
CITATIONS = {
    ActKind.LAW: _("Law no. %(number)s/%(year)s"),
    ActKind.ORDINANCE: _("GO no. %(number)s/%(year)s"),
    ActKind.EMERGENCY_ORDINANCE: _("GEO no. %(number)s/%(year)s"),
    ActKind.GOVERNMENT_DECISION: _("GD no. %(number)s/%(year)s"),
    ActKind.CGMB_DECISION: _("HCGMB no. %(number)s/%(year)s"),
    ActKind.ORDER: _("Order no. %(number)s/%(year)s"),
    ActKind.OTHER: _("Act no. %(number)s/%(year)s"),
}


# The full name of the kinds that CITATIONS abbreviate, shown once beside the citation ("HG nr. 585/2016 …
# (Hotărâre a Guvernului)"); a law or an order is named in full by its citation already.
KIND_NAMES = {
    ActKind.ORDINANCE: _("Government ordinance"),
    ActKind.EMERGENCY_ORDINANCE: _("Government emergency ordinance"),
    ActKind.GOVERNMENT_DECISION: _("Government decision"),
    ActKind.CGMB_DECISION: _("Bucharest General Council decision"),
}


class GuideIndexPage(BasePage):
    """The list of guides ("Ghiduri și legislație"), filterable by topic and by the kind of act they cover."""

    parent_page_types = ["website.HomePage"]
    subpage_types = ["guides.LegislationGuidePage"]
    max_count = 1

    content_panels = BasePage.content_panels
    api_fields = BasePage.api_fields

    class Meta:
        verbose_name = _("guide index")
        verbose_name_plural = _("guide indexes")

    def guides(self):
        """The live, public guides under this index, in the order editors gave them in the page tree."""
        return LegislationGuidePage.objects.child_of(self).live().public()

    def get_context(self, request, *args, **kwargs):
        from .filters import GuideFilterSet

        context = super().get_context(request, *args, **kwargs)
        filters = GuideFilterSet(request.GET, self.guides())
        filters.facets()
        context.update(
            filter_form=filters.form,
            ignored_filters=filters.ignored_filters(),
            guides=paginate(request, filters.qs.for_listing(), settings.GUIDES_PER_PAGE),
        )
        return context


class LegislationGuidePageQuerySet(PageQuerySet):
    def covering(self, kind):
        """Guides that explain at least one act of this kind (a law, an emergency ordinance, …)."""
        return self.filter(pk__in=LegalAct.objects.filter(kind=kind).values("page_id"))

    def for_listing(self):
        """Everything a card and the API read, in a constant number of queries."""
        return self.select_related("listing_image", "locale").prefetch_related(
            "topics", "legal_acts", "faq_items", "listing_image__renditions"
        )


class LegalActSerializer(serializers.Serializer):
    kind = serializers.CharField()
    kind_label = serializers.CharField(source="get_kind_display")
    kind_name = serializers.CharField()
    number = serializers.CharField()
    year = serializers.IntegerField()
    title = serializers.CharField()
    citation = serializers.CharField()
    url = serializers.URLField(help_text="The act's official text, e.g. on legislatie.just.ro; empty when unknown.")


class RichTextSerializer(serializers.CharField):
    """Rich text in the API's format (HTML with real links here), like Wagtail's own rich text fields."""

    def to_representation(self, value):
        request = self.context.get("request")
        rich_text_format = APIRichText.resolve_format(request.GET.get("rich_text_format") if request else None)
        return APIRichText.serialize(value, format=rich_text_format)


class QuestionSerializer(serializers.Serializer):
    question = serializers.CharField()
    answer = RichTextSerializer()


class LegislationGuidePage(BasePage):
    """A guide to one or more legal acts: what they say, in plain Romanian, with questions and answers."""

    parent_page_types = ["guides.GuideIndexPage"]
    subpage_types = []
    # The filters of their listing, read by the index page and by the API (`/api/v2/pages/?type=…&topic=…`).
    listing_filters = "guides.filters.GuideFilterSet"

    last_reviewed = models.DateField(
        _("last reviewed on"), help_text=_("When someone last checked that the guide matches the law in force.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("legal_acts", label=_("Legal act"), heading=_("Legal acts covered")),
        FieldPanel("body"),
        InlinePanel("faq_items", label=_("Question"), heading=_("Frequently asked questions")),
        FieldPanel("last_reviewed"),
        *BasePage.taxonomy_panels,
    ]
    search_fields = BasePage.search_fields + [
        index.RelatedFields("legal_acts", [index.SearchField("title"), index.SearchField("number")]),
        index.RelatedFields("faq_items", [index.SearchField("question"), index.SearchField("answer")]),
        index.FilterField("last_reviewed"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("acts", serializer=LegalActSerializer(many=True, source="legal_acts")),
        APIField("faq", serializer=QuestionSerializer(many=True, source="faq_items")),
        APIField("last_reviewed"),
    ]

    objects = PageManager.from_queryset(LegislationGuidePageQuerySet)()

    class Meta:
        verbose_name = _("legislation guide")
        verbose_name_plural = _("legislation guides")


class LegalAct(Orderable):
    """An act a guide covers: "Legea nr. 219/2015 privind economia socială"."""

    page = ParentalKey(LegislationGuidePage, on_delete=models.CASCADE, related_name="legal_acts")
    kind = models.CharField(_("type"), max_length=10, choices=ActKind.choices, default=ActKind.LAW)
    number = models.CharField(_("number"), max_length=30)
    year = models.PositiveSmallIntegerField(_("year"), validators=[validate_act_year])
    title = models.CharField(
        _("title"), max_length=255, help_text=_("What the act is about, e.g. „privind economia socială”.")
    )
    url = models.URLField(
        _("official link"),
        max_length=500,
        blank=True,
        help_text=_("The consolidated text, e.g. on legislatie.just.ro."),
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("number"), FieldPanel("year")]),
        FieldPanel("title"),
        FieldPanel("url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("legal act")
        verbose_name_plural = _("legal acts")

    def __str__(self):
        return f"{self.citation} {self.title}"

    @property
    def citation(self):
        template = CITATIONS.get(self.kind, CITATIONS[ActKind.OTHER])
        return str(template) % {"number": self.number, "year": self.year}

    @property
    def kind_name(self):
        """The kind's full name when the citation abbreviates it ("Hotărâre a Guvernului"), else ""."""
        return str(KIND_NAMES.get(self.kind, ""))

    @property
    def url_host(self):
        """The official text's site, shown beside its link ("legislatie.just.ro")."""
        return (urlsplit(self.url).hostname or "") if self.url else ""


class GuideQuestion(Orderable):
    """A frequently asked question about the acts, with its answer."""

    page = ParentalKey(LegislationGuidePage, on_delete=models.CASCADE, related_name="faq_items")
    question = models.CharField(_("question"), max_length=255)
    answer = RichTextField(_("answer"), features=ANSWER_FEATURES)

    panels = [FieldPanel("question"), FieldPanel("answer")]

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.question
