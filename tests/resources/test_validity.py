""" "In force" means today's date in Bucharest lies within the period, both ends included: at the edges of the days
(in winter and in summer time) the page, the listing's filter and the API agree."""

import datetime

import pytest

from resources.models import ResourcePage
from resources.validity import ValidityStatus, bucharest_today, validity_status

from .conftest import strategy

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
START = datetime.date(2026, 1, 1)
END = datetime.date(2026, 6, 30)

# (moment in UTC, status): Bucharest is UTC+2 in winter, UTC+3 in summer (from 29 March 2026).
MOMENTS = [
    (datetime.datetime(2025, 12, 31, 21, 59, 59, tzinfo=UTC), ValidityStatus.UPCOMING),  # 23:59:59 on 31 December
    (datetime.datetime(2025, 12, 31, 22, 0, 0, tzinfo=UTC), ValidityStatus.IN_FORCE),  # 00:00 on 1 January
    (datetime.datetime(2026, 3, 15, 12, 0, tzinfo=UTC), ValidityStatus.IN_FORCE),
    (datetime.datetime(2026, 6, 30, 20, 59, 59, tzinfo=UTC), ValidityStatus.IN_FORCE),  # 23:59:59 on 30 June
    (datetime.datetime(2026, 6, 30, 21, 0, 0, tzinfo=UTC), ValidityStatus.EXPIRED),  # 00:00 on 1 July
]


@pytest.mark.parametrize(("moment", "expected"), MOMENTS)
def test_status_at_the_edges_of_the_period(moment, expected):
    assert validity_status(START, END, now=moment) == expected


@pytest.mark.parametrize(("moment", "expected"), MOMENTS)
def test_page_listing_and_api_agree(client, resource_index, frozen_now, moment, expected):
    page = strategy(resource_index, start=START, end=END, year=2025, title="Strategia de iarnă și de vară")
    frozen_now(moment)
    page = ResourcePage.objects.get(pk=page.pk)
    assert page.validity_status == expected
    assert page.in_force is (expected == ValidityStatus.IN_FORCE)
    assert ResourcePage.objects.in_force(now=moment).exists() is (expected == ValidityStatus.IN_FORCE)

    listed = client.get(resource_index.url, {"in_vigoare": "da"}).context["resources"].object_list
    assert [item.pk for item in listed] == ([page.pk] if expected == ValidityStatus.IN_FORCE else [])
    not_in_force = client.get(resource_index.url, {"in_vigoare": "nu"}).context["resources"].object_list
    assert [item.pk for item in not_in_force] == ([] if expected == ValidityStatus.IN_FORCE else [page.pk])

    api = client.get("/api/v2/pages/", {"type": "resources.ResourcePage", "fields": "in_force,validity_status"}).json()
    assert api["items"][0]["in_force"] is (expected == ValidityStatus.IN_FORCE)
    assert api["items"][0]["validity_status"] == expected.value
    in_force_ids = [item["id"] for item in client.get("/api/v2/pages/", {**TYPE, "in_force": "true"}).json()["items"]]
    assert in_force_ids == ([page.pk] if expected == ValidityStatus.IN_FORCE else [])


TYPE = {"type": "resources.ResourcePage"}


def test_a_period_without_an_end_stays_in_force():
    assert validity_status(START, None, now=datetime.datetime(2090, 1, 1, tzinfo=UTC)) == ValidityStatus.IN_FORCE
    assert validity_status(None, END) is None


def test_a_one_day_period():
    day = datetime.date(2026, 8, 15)
    assert validity_status(day, day, now=datetime.datetime(2026, 8, 14, 21, 0, tzinfo=UTC)) == ValidityStatus.IN_FORCE
    assert validity_status(day, day, now=datetime.datetime(2026, 8, 15, 21, 0, tzinfo=UTC)) == ValidityStatus.EXPIRED


def test_bucharest_today_is_the_date_in_bucharest():
    assert bucharest_today(datetime.datetime(2026, 12, 31, 22, 30, tzinfo=UTC)) == datetime.date(2027, 1, 1)
    assert bucharest_today(datetime.datetime(2026, 7, 1, 20, 59, tzinfo=UTC)) == datetime.date(2026, 7, 1)
    assert bucharest_today(datetime.datetime(2026, 7, 1, 21, 0, tzinfo=UTC)) == datetime.date(2026, 7, 2)


def test_studies_are_never_in_force(resource_index):
    from tests.factories.resources import ResourcePageFactory

    study = ResourcePageFactory(parent=resource_index)
    assert study.validity_status is None and not study.in_force
    assert not ResourcePage.objects.in_force().exists()
