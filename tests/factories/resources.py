import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from resources.models import ResourceDocument, ResourceIndexPage, ResourceKind, ResourcePage
from resources.pdf import text_pdf


class ResourceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Resurse"
    slug = "resurse"
    intro = "Studii, strategii și ghiduri practice."

    class Meta:
        model = ResourceIndexPage


class ResourcePageFactory(wagtail_factories.PageFactory):
    """A study published in 2024 by a publisher named in text; `kind=ResourceKind.STRATEGY` with `valid_from` and
    `valid_until` for a strategy."""

    title = factory.Sequence(lambda n: f"Studiu despre economia socială {n}")
    intro = "Rezultatele unei cercetări despre întreprinderile sociale din București."
    kind = ResourceKind.STUDY
    publisher_name = "Universitatea din București"
    year = 2024
    external_url = "https://example.org/studiu"

    class Meta:
        model = ResourcePage
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, topics, **kwargs):
        if topics:
            self.topics.set(topics)
            if create:
                self.save()

    @factory.post_generation
    def sectors(self, create, sectors, **kwargs):
        if sectors:
            self.sectors.set(sectors)
            if create:
                self.save()


def pdf_document(title="Raport de cercetare", paragraphs=("Întreprinderile sociale din București.",)):
    """A Wagtail document holding a small real PDF, with its size recorded as Wagtail's upload form does."""
    content = text_pdf(title, list(paragraphs))
    document = get_document_model()(title=title, collection=Collection.get_first_root_node())
    document.file.save("raport-de-cercetare.pdf", ContentFile(content), save=False)
    document.file_size = len(content)
    document.save()
    return document


class ResourceDocumentFactory(factory.django.DjangoModelFactory):
    document = factory.LazyFunction(pdf_document)
    title = ""

    class Meta:
        model = ResourceDocument
