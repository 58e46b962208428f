from datetime import timedelta
from decimal import Decimal

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Collection

from funding.models import ApplicantKind, FundingCallDocument, FundingCallPage, FundingIndexPage


class FundingIndexPageFactory(wagtail_factories.PageFactory):
    title = "Finanțări"
    slug = "finantari"
    intro = "Apeluri de finanțare pentru organizații și instituții."

    class Meta:
        model = FundingIndexPage


class FundingCallPageFactory(wagtail_factories.PageFactory):
    """An open call by default: opened ten days ago, closes in thirty days."""

    title = factory.Sequence(lambda n: f"Apel de finanțare {n}")
    intro = "Granturi pentru proiecte de incluziune socială."
    funder = "Primăria Municipiului București"
    programme = "Programul de finanțare nerambursabilă 2026"
    amount_min = Decimal("10000")
    amount_max = Decimal("50000")
    currency = "RON"
    cofinancing_percent = Decimal("10")
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=10))
    deadline = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    official_url = "https://www.pmb.ro/"

    class Meta:
        model = FundingCallPage
        skip_postgeneration_save = True

    @factory.post_generation
    def applicant_kinds(self, create, codes, **kwargs):
        if codes:
            ApplicantKind.ensure_all()
            self.applicant_kinds.set(ApplicantKind.objects.filter(code__in=codes))
            if create:
                self.save()

    @factory.post_generation
    def topics(self, create, topics, **kwargs):
        if topics:
            self.topics.set(topics)
            if create:
                self.save()


class FundingCallDocumentFactory(factory.django.DjangoModelFactory):
    document = factory.SubFactory(
        wagtail_factories.DocumentFactory,
        title="Ghidul solicitantului",
        collection=factory.LazyFunction(Collection.get_first_root_node),
    )
    title = ""

    class Meta:
        model = FundingCallDocument
