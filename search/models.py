"""The search documents: one row per public object of a registered kind, indexed by Wagtail's search backend."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from website.models import Topic

from .text import indexable


class RomanianSearchField(index.SearchField):
    """A field indexed in Romanian spelling and without diacritics (search.text.indexable)."""

    def get_value(self, obj):
        return indexable(super().get_value(obj))


class RomanianAutocompleteField(index.AutocompleteField):
    """An autocomplete field indexed like RomanianSearchField: "bucu" and "bucureș" both complete "București"."""

    def get_value(self, obj):
        return indexable(super().get_value(obj))


class SearchDocumentQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk))


class SearchDocument(index.Indexed, models.Model):
    """What the site-wide search finds for one public object: its title, text, address, date and topics.

    Built by the object's kind (search.registry) and kept current by search.services; only public objects have one.
    """

    kind = models.CharField(_("kind"), max_length=40, db_index=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    title = models.CharField(_("title"), max_length=255)
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(_("address"), max_length=500)
    date = models.DateField(_("date"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes at"), null=True, blank=True)
    priority = models.PositiveSmallIntegerField(_("priority"), default=0)
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="+")
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = SearchDocumentQuerySet.as_manager()

    search_fields = [
        RomanianSearchField("title", boost=3),
        RomanianAutocompleteField("title"),
        RomanianSearchField("body"),
        index.FilterField("kind"),
        # "topics" for the topic facet; topics' slugs for filtering (a filter on a many-to-many needs RelatedFields).
        index.FilterField("topics"),
        index.RelatedFields("topics", [index.FilterField("slug")]),
    ]
    # search.services indexes a document once its topics are saved, and removes it before deleting it.
    search_auto_update = False

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="search_one_document_per_object")
        ]

    def __str__(self):
        return self.title
