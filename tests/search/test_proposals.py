"""Public collaboration proposals in the site-wide search; drafts, proposals under review, rejected and withdrawn ones
never, and a proposal follows its state in and out of the search."""

import pytest
from django.core.cache import cache
from django.utils import timezone

from members.models import Membership
from proposals.models import ProposalState
from proposals.services import proposal_transition
from search.models import SearchDocument
from search.query import find, suggest
from tests.factories.directory import OrganizationFactory
from tests.factories.members import MembershipFactory
from tests.factories.proposals import ProposalAuthorityFactory, ProposalFactory
from tests.factories.website import TopicFactory

S = ProposalState


@pytest.fixture
def parties(db):
    cache.clear()  # the transitions' rate limits count in the cache
    ngo = OrganizationFactory(name="Asociația Grădina Vecinilor")
    authority = ProposalAuthorityFactory(name="Primăria Sectorului 3")
    reviewer = MembershipFactory(organization=authority, role=Membership.Role.REVIEWER).user
    proposer = MembershipFactory(organization=ngo, role=Membership.Role.ADMINISTRATOR).user
    return ngo, authority, reviewer, proposer


def proposal(parties, state, title, **kwargs):
    ngo, authority, _reviewer, _proposer = parties
    return ProposalFactory(
        state=state, title=title, proposing_organization=ngo, addressed_authority=authority, **kwargs
    )


def titles(query, **kwargs):
    outcome = find(query, **kwargs)
    return sorted(hit.document.title for hit in outcome.hits())


def test_public_proposals_are_found_with_their_type_and_topic(client, parties):
    topic = TopicFactory(name="Mediu", slug="mediu")
    accepted = proposal(parties, S.ACCEPTED, "Compostare comunitară în blocurile din Titan", topics=[topic])
    proposal(parties, S.IN_PROGRESS, "Compostare în școlile din Sectorul 3")
    proposal(parties, S.COMPLETED, "Compostare în piețele Capitalei")
    assert titles("compostare") == [
        "Compostare comunitară în blocurile din Titan",
        "Compostare în piețele Capitalei",
        "Compostare în școlile din Sectorul 3",
    ]
    assert titles("compostare", kinds=["propuneri"], topic="mediu") == [accepted.title]
    outcome = find("compostare")
    assert [(facet.key, str(facet.label), facet.count) for facet in outcome.kind_facets] == [
        ("propuneri", "Propuneri de colaborare", 3)
    ]
    document = SearchDocument.objects.for_object(accepted).get()
    assert document.url == f"/propuneri/{accepted.pk}/"
    assert document.date == timezone.localdate(accepted.decided_at)  # the day in Bucharest, also after 22:00 UTC
    # The organizations' names are searched too: "who proposed it, to whom".
    assert accepted.title in titles("gradina vecinilor compostare")
    # In the page and the API.
    page = client.get("/cautare/", {"q": "compostare"}).content.decode()
    assert "<mark>Compostare</mark> comunitară în blocurile din Titan" in page
    api = client.get("/api/v2/search/", {"q": "compostare", "type": "propuneri"}).json()
    assert api["meta"]["total_count"] == 3
    assert api["items"][0]["type_label"] == "Propuneri de colaborare"
    # And their titles complete what is typed.
    assert {item.title for item in suggest("compost")} == set(titles("compostare"))


@pytest.mark.parametrize("state", [S.DRAFT, S.SUBMITTED, S.UNDER_REVIEW, S.CHANGES_REQUESTED, S.REJECTED, S.WITHDRAWN])
def test_proposals_that_are_not_public_are_never_found(client, parties, state):
    hidden = proposal(parties, state, "Hărți tactile pentru nevăzători")
    assert not SearchDocument.objects.for_object(hidden).exists()
    assert titles("harti tactile") == []
    assert suggest("harti tact") == []
    assert client.get("/api/v2/search/", {"q": "harti tactile"}).json()["meta"]["total_count"] == 0


def test_a_proposal_enters_the_search_when_accepted_and_leaves_it_when_no_longer_public(parties):
    _ngo, _authority, reviewer, proposer = parties
    item = proposal(parties, S.UNDER_REVIEW, "Bănci și umbrare în parcul Titan")
    assert titles("banci umbrare") == []

    proposal_transition(proposal=item, action="accept", by=reviewer, comment="De acord.")
    assert titles("banci umbrare") == [item.title]

    proposal_transition(proposal=item, action="start", by=proposer)
    assert titles("banci umbrare") == [item.title]

    # A state outside the public ones (a correction in the data) takes it out at once.
    item.refresh_from_db()
    item.state = S.WITHDRAWN
    item.save()
    assert titles("banci umbrare") == []
    assert not SearchDocument.objects.for_object(item).exists()

    item.state = S.ACCEPTED
    item.save()
    assert titles("banci umbrare") == [item.title]
    item.delete()
    assert titles("banci umbrare") == []


def test_a_renamed_organization_is_found_under_its_new_name(parties):
    ngo = parties[0]
    item = proposal(parties, S.ACCEPTED, "Cursuri de reparații pentru biciclete")
    ngo.name = "Asociația Roți Libere"
    ngo.save()
    assert titles("roti libere", kinds=["propuneri"]) == [item.title]
