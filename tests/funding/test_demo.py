import pytest

from funding import demo as funding_demo
from funding.models import FundingCallDocument, FundingCallPage, FundingIndexPage
from funding.status import FundingStatus
from website import demo as website_demo

pytestmark = pytest.mark.django_db


def counts():
    return (
        FundingIndexPage.objects.count(),
        FundingCallPage.objects.count(),
        FundingCallDocument.objects.count(),
        FundingCallPage.applicant_kinds.through.objects.count(),
        FundingCallPage.topics.through.objects.count(),
    )


def test_seeding_twice_gives_the_same_content(home_page):
    topics = website_demo.topics()
    assert funding_demo.seed(home=home_page, topics=topics) == []
    first = counts()
    assert funding_demo.seed(home=home_page, topics=topics) == []
    assert counts() == first
    assert first[1] >= 10


def test_demo_calls_cover_every_status(client, home_page):
    funding_demo.seed(home=home_page, topics=website_demo.topics())
    index = FundingIndexPage.objects.get()
    assert index.slug == "finantari" and index.show_in_menus and index.live
    calls = list(FundingCallPage.objects.live())
    assert {call.status for call in calls} == set(FundingStatus)
    assert all(call.applicant_kinds.exists() and call.topics.exists() for call in calls)
    for call in calls:
        assert client.get(call.url).status_code == 200
    assert client.get(index.url).status_code == 200
    assert client.get("/finantari/calendar.ics").status_code == 200
