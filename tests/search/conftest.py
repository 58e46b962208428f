"""A small Romanian site for the search tests: each section's index page under the home page."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from participation.models import ModerationState
from tests.factories.consultations import ConsultationIndexPageFactory, ConsultationPageFactory, ResponseFactory
from tests.factories.directory import OrganizationFactory
from tests.factories.funding import FundingCallPageFactory, FundingIndexPageFactory
from tests.factories.guides import GuideIndexPageFactory, LegislationGuidePageFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.website import ContentPageFactory, TopicFactory


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def guide_index(home_page):
    return GuideIndexPageFactory(parent=home_page)


@pytest.fixture
def funding_index(home_page):
    return FundingIndexPageFactory(parent=home_page)


@pytest.fixture
def consultation_index(home_page):
    return ConsultationIndexPageFactory(parent=home_page)


@pytest.fixture
def social_economy(db):
    return TopicFactory(name="Economie socială", slug="economie-sociala")


@pytest.fixture
def environment(db):
    return TopicFactory(name="Mediu", slug="mediu")


@pytest.fixture
def corpus(home_page, news_index, guide_index, funding_index, consultation_index, social_economy, environment):
    """One public object of each kind with Romanian text (comma-below and legacy cedilla spellings), and what must
    never be found: a draft page, a private page, a draft organization, pending and rejected recommendations, and
    unpublished changes to a live page."""
    site = SimpleNamespace()
    site.news = NewsPageFactory(
        parent=news_index,
        title="Ședință publică despre economia socială în București",
        intro="Primăria invită asociațiile din cartier la dezbatere.",
        topics=[social_economy],
    )
    site.cedilla_news = NewsPageFactory(
        parent=news_index,
        title="Şedinţa consiliului local din Sectorul 4",
        intro="Comunicat vechi, scris cu sedile: organizaţiile pot trimite propuneri.",
    )
    site.guide = LegislationGuidePageFactory(
        parent=guide_index,
        title="Legea 219/2015 privind economia socială",
        intro="Ce este o întreprindere socială și cum obține atestatul.",
        topics=[social_economy],
    )
    site.open_call = FundingCallPageFactory(
        parent=funding_index,
        title="Granturi pentru întreprinderi sociale",
        intro="Finanțare nerambursabilă pentru economie socială și incluziune.",
        topics=[social_economy],
    )
    site.closed_call = FundingCallPageFactory(
        parent=funding_index,
        title="Granturi pentru grădini urbane",
        intro="Finanțare pentru mediu.",
        opens_on=timezone.localdate() - timedelta(days=60),
        deadline=timezone.now() - timedelta(days=10),
        topics=[environment],
    )
    site.consultation = ConsultationPageFactory(
        parent=consultation_index,
        title="Regulamentul parcărilor de reședință",
        intro="Proiect de hotărâre privind parcarea în cartierele Capitalei.",
    )
    site.content = ContentPageFactory(
        parent=home_page, title="Despre proiect", intro="Platforma leagă organizațiile neguvernamentale de primării."
    )
    site.organization = OrganizationFactory(
        name="Asociația Zâmbet pentru Copii",
        description="Suntem o asociație de părinți care oferă meditații gratuite în Sectorul 3.",
        topics=[social_economy],
    )
    site.approved = ResponseFactory(
        consultation=site.consultation, text="Propunem locuri speciale pentru biciclete lângă blocuri."
    )

    # Never to be found.
    site.draft_page = NewsPageFactory(parent=news_index, title="Știre nepublicată despre tezaur", live=False)
    site.private_page = ContentPageFactory(
        parent=home_page, title="Pagină cu parolă", intro="Raport confidențial: tezaur."
    )
    PageViewRestriction.objects.create(
        page=site.private_page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    site.draft_organization = OrganizationFactory(
        name="Fundația Ascunsă", description="Nepublicată, în moderare.", publish=False
    )
    site.pending = ResponseFactory(
        consultation=site.consultation, text="Propunem un trotuar mai lat.", moderation_state=ModerationState.PENDING
    )
    site.rejected = ResponseFactory(
        consultation=site.consultation,
        text="Mesaj jignitor despre vecini.",
        moderation_state=ModerationState.REJECTED,
    )
    # A live page with changes saved as a draft: the public keeps the published text.
    site.content.intro = "Text nepublicat despre zmeu."
    site.content.save_revision()
    return site
