from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone

from consultations.models import ConsultationIndexPage, ConsultationPage, Response, ResponseAnswer
from directory.models import Organization
from participation.models import ModerationState
from tests.factories.directory import OrganizationFactory
from tests.factories.members import UserFactory


class ConsultationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Consultări publice"
    slug = "consultari"
    intro = "Proiecte de acte normative supuse dezbaterii publice."

    class Meta:
        model = ConsultationIndexPage


class AuthorityFactory(OrganizationFactory):
    name = factory.Sequence(lambda n: f"Primăria Sectorului {n} (test)")  # never a real name a test spells out
    kind = Organization.Kind.LOCAL_AUTHORITY


class ConsultationPageFactory(wagtail_factories.PageFactory):
    """An open consultation by default: opened five days ago, closes in fifteen days."""

    title = factory.Sequence(lambda n: f"Proiect de hotărâre {n}")
    intro = "Proiect de hotărâre privind aprobarea regulamentului de acordare a finanțărilor nerambursabile."
    authority = factory.SubFactory(AuthorityFactory)
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=5))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=15))

    class Meta:
        model = ConsultationPage
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


class ResponseFactory(factory.django.DjangoModelFactory):
    """An approved recommendation by default; `moderation_state=ModerationState.PENDING` for one waiting."""

    consultation = factory.SubFactory(ConsultationPageFactory)
    author = factory.SubFactory(UserFactory)
    text = factory.Sequence(lambda n: f"Propunem completarea articolului {n} cu o prevedere privind accesibilitatea.")
    section = "art. 3"
    moderation_state = ModerationState.APPROVED

    class Meta:
        model = Response


class ResponseAnswerFactory(factory.django.DjangoModelFactory):
    response = factory.SubFactory(ResponseFactory)
    verdict = ResponseAnswer.Verdict.ACCEPTED
    justification = ""

    class Meta:
        model = ResponseAnswer
