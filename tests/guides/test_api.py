from datetime import date

import pytest

from guides.models import ActKind
from tests.factories.guides import GuideQuestionFactory, LegalActFactory, LegislationGuidePageFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v2/pages/?type=guides.LegislationGuidePage&fields=*"


@pytest.fixture
def guide(home_page, guide_index):
    guide = LegislationGuidePageFactory(parent=guide_index, title="Legea 544/2001", last_reviewed=date(2026, 9, 30))
    LegalActFactory(
        page=guide,
        kind=ActKind.LAW,
        number="544",
        year=2001,
        title="privind liberul acces la informațiile de interes public",
        url="https://legislatie.just.ro/Public/DetaliiDocument/31413",
    )
    GuideQuestionFactory(
        page=guide,
        question="În cât timp primesc răspunsul?",
        answer=f'<p>În 10 zile; vezi <a linktype="page" id="{home_page.pk}">prima pagină</a>.</p>',
    )
    return guide


def test_list_shape(client, guide):
    response = client.get(LIST_URL)
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["total_count"] == 1
    (item,) = data["items"]
    assert item["meta"]["type"] == "guides.LegislationGuidePage"
    assert item["last_reviewed"] == "2026-09-30"
    (act,) = item["acts"]
    assert act["kind"] == "lege"
    assert act["number"] == "544"
    assert act["year"] == 2001
    assert act["title"] == "privind liberul acces la informațiile de interes public"
    assert act["url"] == "https://legislatie.just.ro/Public/DetaliiDocument/31413"
    assert act["kind_label"] and act["citation"]
    (question,) = item["faq"]
    assert question["question"] == "În cât timp primesc răspunsul?"
    assert 'href="/"' in question["answer"]
    assert "linktype" not in question["answer"]


def test_answer_in_another_rich_text_format(client, guide):
    item = client.get(LIST_URL + "&rich_text_format=db_html").json()["items"][0]
    assert "linktype" in item["faq"][0]["answer"]


def test_detail(client, guide):
    data = client.get(f"/api/v2/pages/{guide.pk}/").json()
    assert [act["number"] for act in data["acts"]] == ["544"]
    assert len(data["faq"]) == 1


@pytest.mark.parametrize("query", ["last_reviewed=ieri", "acts=1", "faq=x", "topics=x", "order=acts"])
def test_bad_parameters_are_400_not_500(client, guide, query):
    response = client.get(f"{LIST_URL}&{query}")
    assert response.status_code == 400
    assert "message" in response.json()
