from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from directory.models import Organization
from proposals.models import Proposal, ProposalPartner, ProposalState
from tests.factories.directory import OrganizationFactory

S = ProposalState
SUBMITTED_STATES = {
    S.SUBMITTED,
    S.UNDER_REVIEW,
    S.CHANGES_REQUESTED,
    S.ACCEPTED,
    S.REJECTED,
    S.IN_PROGRESS,
    S.COMPLETED,
}
ANSWERED_STATES = SUBMITTED_STATES - {S.SUBMITTED}


class ProposalAuthorityFactory(OrganizationFactory):
    name = factory.Sequence(lambda n: f"Primăria Sectorului {n} (propuneri)")
    kind = Organization.Kind.LOCAL_AUTHORITY


class ProposalFactory(factory.django.DjangoModelFactory):
    """A complete proposal, a draft by default; `state=` any state sets the dates that state implies (test data, as
    if it had gone through the workflow; the workflow itself is proposals.services)."""

    title = factory.Sequence(lambda n: f"Grădini comunitare în cartier {n}")
    summary = "Amenajăm grădini comunitare pe terenuri neutilizate, împreună cu locuitorii."
    problem = "Lipsa spațiilor verzi și izolarea vârstnicilor din blocuri."
    activities = "Curățenie, amenajare, ateliere de grădinărit, întâlniri lunare."
    target_group = "Locuitorii cartierului, în special vârstnicii și copiii."
    beneficiaries_count = 300
    budget_ron = Decimal("150000.00")
    cofinancing_ron = Decimal("15000.00")
    duration_months = 12
    proposing_organization = factory.SubFactory(OrganizationFactory)
    addressed_authority = factory.SubFactory(ProposalAuthorityFactory)
    state = S.DRAFT
    results_summary = factory.LazyAttribute(
        lambda o: "Patru grădini amenajate, 350 de participanți." if o.state == S.COMPLETED else ""
    )
    first_submitted_at = factory.LazyAttribute(
        lambda o: timezone.now() - timedelta(days=10) if o.state in SUBMITTED_STATES else None
    )
    submitted_at = factory.LazyAttribute(lambda o: o.first_submitted_at)
    first_answer_at = factory.LazyAttribute(
        lambda o: o.first_submitted_at + timedelta(days=3) if o.state in ANSWERED_STATES else None
    )
    decided_at = factory.LazyAttribute(
        lambda o: (
            o.first_submitted_at + timedelta(days=5)
            if o.state in {S.ACCEPTED, S.REJECTED, S.IN_PROGRESS, S.COMPLETED}
            else None
        )
    )

    class Meta:
        model = Proposal
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if extracted:
            obj.topics.set(extracted)

    @factory.post_generation
    def sectors(obj, create, extracted, **kwargs):
        if extracted:
            obj.sectors.set(extracted)


class ProposalPartnerFactory(factory.django.DjangoModelFactory):
    """An offer waiting for the proposer; `state=ProposalPartner.State.ACCEPTED` for a partner."""

    proposal = factory.SubFactory(ProposalFactory, state=S.ACCEPTED)
    organization = factory.SubFactory(OrganizationFactory)
    role = "Voluntari pentru ateliere"
    message = "Putem aduce 20 de voluntari."
    state = ProposalPartner.State.OFFERED
    decided_at = factory.LazyAttribute(lambda o: None if o.state == ProposalPartner.State.OFFERED else timezone.now())

    class Meta:
        model = ProposalPartner
