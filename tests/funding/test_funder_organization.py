"""A funding call can name its funder from the directory; the call then shows on the funder's profile."""

import pytest
from django.core.exceptions import ValidationError

from tests.factories.directory import OrganizationFactory
from tests.factories.funding import FundingCallPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def city_hall():
    return OrganizationFactory(name="Primăria Sectorului 3", slug="primaria-sectorului-3")


def test_call_links_to_the_published_funder_profile(client, funding_index, city_hall):
    call = FundingCallPageFactory(parent=funding_index, funder="", funder_organization=city_hall)
    html = client.get(call.url).content.decode()
    assert '<a href="/organizatii/primaria-sectorului-3/">Primăria Sectorului 3</a>' in html

    profile = client.get("/organizatii/primaria-sectorului-3/").content.decode()
    assert call.title in profile
    assert f'href="{call.url}"' in profile


def test_draft_funder_is_neither_linked_nor_named(client, funding_index):
    draft = OrganizationFactory(name="Fundația Ciornă", publish=False)
    call = FundingCallPageFactory(parent=funding_index, funder="Fundația Comunitară", funder_organization=draft)
    html = client.get(call.url).content.decode()
    assert "Fundația Ciornă" not in html
    assert "Fundația Comunitară" in html

    data = client.get(f"/api/v2/pages/{call.pk}/").json()
    assert data["funder"] == "Fundația Comunitară"
    assert data["funder_organization"] is None


def test_api_names_the_funder_organization(client, funding_index, city_hall):
    call = FundingCallPageFactory(parent=funding_index, funder="", funder_organization=city_hall)
    data = client.get(f"/api/v2/pages/{call.pk}/").json()
    assert data["funder"] == "Primăria Sectorului 3"
    assert data["funder_organization"] == {
        "id": city_hall.pk,
        "name": "Primăria Sectorului 3",
        "slug": "primaria-sectorului-3",
        "url": "http://testserver/organizatii/primaria-sectorului-3/",
    }


def test_a_funder_is_required(funding_index):
    call = FundingCallPageFactory.build(funder="  ", funder_organization=None)
    with pytest.raises(ValidationError) as error:
        call.clean()
    assert "funder" in error.value.message_dict


def test_profile_lists_calls_in_constant_queries(client, funding_index, city_hall, django_assert_max_num_queries):
    FundingCallPageFactory(parent=funding_index, funder_organization=city_hall)
    with django_assert_max_num_queries(40) as few:
        client.get("/organizatii/primaria-sectorului-3/")
    for _ in range(10):
        FundingCallPageFactory(parent=funding_index, funder_organization=city_hall)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/organizatii/primaria-sectorului-3/")
