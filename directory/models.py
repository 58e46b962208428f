"""The organization directory: NGOs, social enterprises and public authorities, moderated by staff."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from website.models import Topic, TopicSerializer

from .fields import PUBLIC_FIELDS
from .text import fold
from .validators import (
    normalize_cui,
    validate_cui,
    validate_founding_year,
    validate_latitude,
    validate_longitude,
    validate_phone,
    validate_postal_code,
)

PUBLISHED_WITHOUT_CUI = _(
    "A published organization must have a fiscal code (CUI): enter it before publishing or approving."
)

# One rendition of a logo serves the cards, the profile and the API, so one prefetch covers them all.
LOGO_RENDITION = "max-400x200"


class Sector(models.Model):
    """Where in Bucharest an organization works: one of the six sectors or the whole municipality.

    A fixed list, created by a data migration; a table (rather than choices) so that filters and
    counts are plain joins on SQLite and PostgreSQL alike.
    """

    slug = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=60, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self):
        return self.name


class SectorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Sector
        fields = ["slug", "name"]


# How the API writes the public fields that are not plain values.
API_SERIALIZERS = {
    "topics": TopicSerializer(many=True),
    "sectors": SectorSerializer(many=True),
    "latitude": serializers.FloatField(),
    "longitude": serializers.FloatField(),
    "logo": ImageRenditionField(LOGO_RENDITION),
}


class CUIField(models.CharField):
    """A Romanian fiscal code, stored as bare digits: "RO 4267117" is saved as "4267117"."""

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            # None and "" pass through, so that a blank CUI never matches NULL in uniqueness checks.
            return value
        # A value with nothing but the prefix ("RO") stays as typed, for the validator to refuse.
        return normalize_cui(value) or value.strip()

    def formfield(self, **kwargs):
        # Room for the "RO" prefix and spaces that people type; the stored value is shorter.
        return super().formfield(**{"max_length": 16, **kwargs})


class OrganizationQuerySet(models.QuerySet):
    def live(self):
        """Published organizations, with the values of their last approved revision."""
        return self.filter(live=True)

    def in_moderation(self):
        """Organizations whose latest change waits in the moderation workflow."""
        from django.contrib.contenttypes.models import ContentType
        from django.db.models.functions import Cast
        from wagtail.models import WorkflowState

        waiting = (
            WorkflowState.objects.active()
            .filter(base_content_type=ContentType.objects.get_for_model(self.model))
            .annotate(organization_id=Cast("object_id", models.BigIntegerField()))
            .values("organization_id")
        )
        return self.filter(pk__in=waiting)

    def for_listing(self):
        """Everything a card, an export row or an API item reads, in a constant number of queries."""
        from wagtail.images import get_image_model

        return self.prefetch_related(
            "sectors",
            "topics",
            models.Prefetch("logo", queryset=get_image_model().objects.prefetch_renditions(LOGO_RENDITION)),
        )


class Organization(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """An NGO, social enterprise or public institution listed in the directory.

    Edits to a published organization are kept as revisions until a moderator publishes them
    (directly or through the "Moderare organizații" workflow): the row itself always holds the
    public, last approved values.
    """

    class Kind(models.TextChoices):
        ASSOCIATION = "asociatie", _("association")
        FOUNDATION = "fundatie", _("foundation")
        FEDERATION = "federatie", _("federation")
        SOCIAL_ENTERPRISE = "intreprindere-sociala", _("social enterprise")
        PUBLIC_INSTITUTION = "institutie-publica", _("public institution")
        LOCAL_AUTHORITY = "autoritate-locala", _("local public authority")
        OTHER = "alta-entitate", _("other entity")

    # Kinds that take decisions the public is consulted on (consultations) and whose members can be reviewers.
    AUTHORITY_KINDS = (Kind.LOCAL_AUTHORITY, Kind.PUBLIC_INSTITUTION)

    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(
        _("short name"), max_length=80, blank=True, help_text=_("An acronym or the name people use, e.g. DGASPC 3.")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        unique=True,
        blank=True,
        help_text=_("The last part of the profile's address. Filled in from the name when left empty."),
        error_messages={"unique": _("Another organization already uses this slug.")},
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.ASSOCIATION)
    cui = CUIField(
        _("fiscal code (CUI)"),
        max_length=10,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_cui],
        help_text=_("Romanian fiscal identification code, with or without the “RO” prefix."),
        error_messages={"unique": _("Another organization already has this fiscal code (CUI).")},
    )
    registration_number = models.CharField(
        _("NGO register number"),
        max_length=50,
        blank=True,
        help_text=_("Number in the national register of associations and foundations."),
    )
    founding_year = models.PositiveSmallIntegerField(
        _("founding year"),
        null=True,
        blank=True,
        validators=[validate_founding_year],
    )
    description = models.TextField(
        _("description"),
        blank=True,
        validators=[MaxLengthValidator(5000)],
        help_text=_("What the organization does, for whom and where. Plain text."),
    )
    topics = ParentalManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="organizations")
    sectors = ParentalManyToManyField(
        Sector,
        verbose_name=_("sectors"),
        blank=True,
        related_name="organizations",
        help_text=_("Where in Bucharest the organization works."),
    )

    address = models.CharField(_("address"), max_length=255, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=6, blank=True, validators=[validate_postal_code])
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[validate_latitude],
        help_text=_(
            "Where the organization is on the map, north–south, in decimal degrees with a point, e.g. 44.426767 "
            "(Bucharest is around 44.4). On openstreetmap.org, right-click the place and choose “Show address”; "
            "on Google Maps, right-click it: the first number is the latitude, the second the longitude."
        ),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[validate_longitude],
        help_text=_(
            "East–west position in decimal degrees, e.g. 26.102538 (Bucharest is around 26.1). "
            "Fill in both coordinates or neither."
        ),
    )
    website = models.URLField(_("website"), max_length=255, blank=True)
    email = models.EmailField(_("email"), blank=True, help_text=_("The organization's public contact address."))
    phone = models.CharField(_("phone"), max_length=30, blank=True, validators=[validate_phone])
    facebook_url = models.URLField(_("Facebook"), max_length=255, blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), max_length=255, blank=True)
    instagram_url = models.URLField(_("Instagram"), max_length=255, blank=True)
    youtube_url = models.URLField(_("YouTube"), max_length=255, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    social_service_provider = models.BooleanField(_("accredited social-service provider"), default=False)
    social_enterprise_certified = models.BooleanField(_("certified social enterprise"), default=False)
    social_enterprise_certificate = models.CharField(
        _("social-enterprise certificate number"), max_length=50, blank=True
    )
    seeking_partners = models.BooleanField(_("seeking partners"), default=False)
    partnership_text = models.CharField(
        _("partners sought"),
        max_length=500,
        blank=True,
        help_text=_("A sentence on the partners or projects the organization is looking for."),
    )
    verified = models.BooleanField(
        _("verified by staff"), default=False, help_text=_("Staff checked the organization's identity and data.")
    )

    # Derived on save, for diacritics-insensitive search and alphabetical order ("Ș" next to "S").
    sort_name = models.CharField(max_length=255, editable=False, db_index=True, default="")
    search_text = models.TextField(editable=False, default="")

    objects = OrganizationQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                TitleFieldPanel("name", targets=["slug"], placeholder=None),
                FieldPanel("short_name"),
                FieldPanel("slug"),
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("cui"), FieldPanel("registration_number"), FieldPanel("founding_year")]),
                FieldPanel("description"),
                FieldPanel("logo"),
            ],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Topics and sectors"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                FieldPanel("website"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Social networks"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("social_service_provider"),
                FieldRowPanel(
                    [FieldPanel("social_enterprise_certified"), FieldPanel("social_enterprise_certificate")]
                ),
                FieldPanel("seeking_partners"),
                FieldPanel("partnership_text"),
                FieldPanel("verified"),
            ],
            heading=_("Status"),
        ),
    ]

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("short_name", boost=2),
        index.AutocompleteField("short_name"),
        index.SearchField("description"),
        index.SearchField("cui"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("live"),
        index.FilterField("kind"),
        index.FilterField("verified"),
        index.FilterField("seeking_partners"),
    ]

    # The public fields (directory/fields.py), with the kind's name after its code and the publication dates.
    api_fields = [
        *(
            APIField(name, serializer=API_SERIALIZERS.get(name))
            for name in PUBLIC_FIELDS[: PUBLIC_FIELDS.index("kind") + 1]
        ),
        APIField("kind_label", serializer=serializers.CharField(source="get_kind_display")),
        *(
            APIField(name, serializer=API_SERIALIZERS.get(name))
            for name in PUBLIC_FIELDS[PUBLIC_FIELDS.index("kind") + 1 :]
        ),
        APIField("first_published_at"),
        APIField("last_published_at"),
    ]

    class Meta:
        ordering = ["sort_name", "pk"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="directory_organization_coordinates_together",
                violation_error_message=_("Enter both the latitude and the longitude, or neither."),
            ),
            # The check digit is verified by clean() and publish(); the database keeps a CUI-less row from going live.
            models.CheckConstraint(
                condition=Q(live=False) | (Q(cui__isnull=False) & ~Q(cui="")),
                name="directory_organization_live_has_cui",
                violation_error_message=PUBLISHED_WITHOUT_CUI,
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("directory:detail", kwargs={"slug": self.slug})

    @property
    def is_authority(self):
        """A local public authority or a public institution (see AUTHORITY_KINDS)."""
        return self.kind in self.AUTHORITY_KINDS

    def clean(self):
        super().clean()
        errors = {}
        if (self.latitude is None) != (self.longitude is None):
            errors["latitude" if self.latitude is None else "longitude"] = ValidationError(
                _("Enter both the latitude and the longitude, or neither."), code="coordinates_together"
            )
        # A new object is "live" until Wagtail saves it as a draft: only a published row is checked here.
        if self.pk and self.live and not self.cui:
            errors["cui"] = ValidationError(PUBLISHED_WITHOUT_CUI, code="published_without_cui")
        if self.social_enterprise_certificate and not self.social_enterprise_certified:
            errors["social_enterprise_certified"] = ValidationError(
                _("Tick “certified social enterprise” or remove the certificate number."),
                code="certificate_without_flag",
            )
        if errors:
            raise ValidationError(errors)
        if not self.slug:
            self.slug = self.unique_slug()

    def publication_errors(self):
        """Why these values cannot be published (every published organization has a valid CUI), or []."""
        if not self.cui:
            return [PUBLISHED_WITHOUT_CUI]
        try:
            validate_cui(self.cui)
        except ValidationError as error:
            return [_("It cannot be published: %(reason)s") % {"reason": " ".join(error.messages)}]
        return []

    def publish(self, revision, *args, **kwargs):
        """Publish `revision`, refused (ValidationError, nothing published) when its values lack a valid CUI."""
        errors = revision.as_object().publication_errors()
        if errors:
            raise ValidationError({"cui": errors}, code="published_without_cui")
        return super().publish(revision, *args, **kwargs)

    def save(self, *args, **kwargs):
        self.cui = normalize_cui(self.cui) or None
        if not self.slug:
            self.slug = self.unique_slug()
        self.sort_name = fold(self.name)[:255]
        self.search_text = fold(" ".join([self.name, self.short_name, self.cui or "", self.description]))
        super().save(*args, **kwargs)

    def unique_slug(self):
        """A slug from the name that no other organization uses ("asociatia-x", "asociatia-x-2", …)."""
        base = slugify(self.name)[:240].strip("-") or "organizatie"
        taken = set(
            Organization.objects.filter(slug__startswith=base).exclude(pk=self.pk).values_list("slug", flat=True)
        )
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        return slug

    @property
    def map_url(self):
        """The organization's coordinates on OpenStreetMap (a link, no map is embedded)."""
        if self.latitude is None or self.longitude is None:
            return ""
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
            f"#map=17/{self.latitude}/{self.longitude}"
        )

    @property
    def social_links(self):
        links = [
            ("Facebook", self.facebook_url),
            ("LinkedIn", self.linkedin_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
        ]
        return [(label, url) for label, url in links if url]
