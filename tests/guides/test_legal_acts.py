"""How a guide shows its acts (issue #7 point 15): kind named once, a link to the official text."""

from datetime import date

import pytest

from guides import demo as guides_demo
from guides.models import ActKind, LegalAct
from tests.factories.guides import LegalActFactory, LegislationGuidePageFactory
from website import demo as website_demo

pytestmark = pytest.mark.django_db

JUST = "https://legislatie.just.ro/Public/DetaliiDocument/"


@pytest.fixture
def guide(guide_index):
    guide = LegislationGuidePageFactory(parent=guide_index, title="Economia socială", last_reviewed=date(2026, 9, 30))
    LegalActFactory(
        page=guide, kind=ActKind.LAW, number="219", year=2015, title="privind economia socială", url=JUST + "170962"
    )
    LegalActFactory(
        page=guide,
        kind=ActKind.GOVERNMENT_DECISION,
        number="585",
        year=2016,
        title="pentru aprobarea Normelor metodologice",
        url="",
    )
    return guide


def test_the_act_kind_is_named_without_nested_brackets(client, guide):
    html = client.get(guide.url).content.decode()
    assert "(HG))" not in html
    assert "HG nr. 585/2016" in html
    assert "(Hotărâre a Guvernului)" in html
    # A law's citation already names its kind: no "(Lege)" after "Legea nr. 219/2015".
    assert "(Lege)" not in html


def test_the_official_text_is_linked(client, guide):
    html = client.get(guide.url).content.decode()
    assert f'<a class="legal-acts__official" href="{JUST}170962" rel="noopener">Textul oficial' in html
    assert "(legislatie.just.ro)" in html
    assert html.count('class="legal-acts__official"') == 1  # the act without a link gets none


def test_the_api_gives_the_official_link_and_the_kind_name(client, guide):
    acts = client.get(f"/api/v2/pages/{guide.pk}/").json()["acts"]
    assert [(act["url"], act["kind_name"]) for act in acts] == [
        (JUST + "170962", ""),
        ("", "Hotărâre a Guvernului"),
    ]


def test_the_demo_links_every_real_law_to_its_official_text(home_page):
    guides_demo.seed(home=home_page, topics=website_demo.topics())
    for number, year in [("219", 2015), ("26", 2000), ("52", 2003), ("350", 2005), ("544", 2001)]:
        act = LegalAct.objects.get(number=number, year=year)
        assert act.url.startswith(JUST), (number, year)
