"""The status from the dates in Bucharest time, the countdown and the 10-day rule (DST days included)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError

from consultations.models import ConsultationPage
from consultations.status import BUCHAREST, ConsultationStatus, calendar_days, consultation_status, countdown_label
from tests.factories.consultations import ConsultationPageFactory

OPENS = datetime(2026, 3, 20, 9, 0, tzinfo=BUCHAREST)
CLOSES = datetime(2026, 3, 30, 23, 59, tzinfo=BUCHAREST)  # the day after the change to summer time (29 March)


def status(now, *, has_outcome=False):
    return consultation_status(opens_at=OPENS, closes_at=CLOSES, has_outcome=has_outcome, now=now)


def test_status_boundaries_are_instants():
    assert status(OPENS - timedelta(seconds=1)) == ConsultationStatus.UPCOMING
    assert status(OPENS) == ConsultationStatus.OPEN
    assert status(CLOSES - timedelta(seconds=1)) == ConsultationStatus.OPEN
    assert status(CLOSES) == ConsultationStatus.CLOSED
    assert status(CLOSES, has_outcome=True) == ConsultationStatus.OUTCOME_PUBLISHED


def test_closing_moment_in_utc_after_the_change_to_summer_time():
    # 23:59 in Bucharest on 30 March 2026 is 20:59 UTC (EEST, UTC+3), not 21:59.
    assert status(datetime(2026, 3, 30, 20, 58, 59, tzinfo=UTC)) == ConsultationStatus.OPEN
    assert status(datetime(2026, 3, 30, 20, 59, tzinfo=UTC)) == ConsultationStatus.CLOSED


def test_closing_on_the_day_of_the_change_back_to_winter_time():
    # 25 October 2026: 04:00 EEST becomes 03:00 EET; 03:30 happens twice. fold=1 is the second, UTC+2.
    closes = datetime(2026, 10, 25, 3, 30, fold=1, tzinfo=BUCHAREST)
    assert closes.astimezone(UTC) == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    first_0330 = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert consultation_status(opens_at=OPENS, closes_at=closes, has_outcome=False, now=first_0330) == "open"
    assert consultation_status(opens_at=OPENS, closes_at=closes, has_outcome=False, now=closes) == "closed"


def test_countdown_counts_calendar_days_in_bucharest():
    closes = datetime(2026, 3, 30, 10, 0, tzinfo=BUCHAREST)
    # 23:30 UTC on 29 March is already 30 March (02:30 EEST) in Bucharest.
    assert countdown_label(closes, now=datetime(2026, 3, 29, 23, 30, tzinfo=UTC)) == "Se închide astăzi"
    assert countdown_label(closes, now=datetime(2026, 3, 29, 8, 0, tzinfo=BUCHAREST)) == "Se închide mâine"
    assert countdown_label(closes, now=datetime(2026, 3, 27, 8, 0, tzinfo=BUCHAREST)) == "Se închide în 3 zile"


def test_calendar_days_across_the_change_to_summer_time():
    # 239 hours, but 10 calendar days.
    assert (
        calendar_days(datetime(2026, 3, 20, 10, 0, tzinfo=BUCHAREST), datetime(2026, 3, 30, 10, 0, tzinfo=BUCHAREST))
        == 10
    )


def consultation(**kwargs):
    return ConsultationPageFactory.build(**kwargs)


@pytest.mark.django_db
def test_ten_calendar_days_are_enough_across_dst():
    page = consultation(
        opens_at=datetime(2026, 3, 20, 10, tzinfo=BUCHAREST), closes_at=datetime(2026, 3, 30, 0, 5, tzinfo=BUCHAREST)
    )
    page.clean()


@pytest.mark.django_db
def test_nine_days_need_the_exception_and_its_reason():
    opens, closes = datetime(2026, 3, 20, 10, tzinfo=BUCHAREST), datetime(2026, 3, 29, 23, 0, tzinfo=BUCHAREST)
    with pytest.raises(ValidationError) as error:
        consultation(opens_at=opens, closes_at=closes).clean()
    assert "cel puțin 10 zile calendaristice" in error.value.message_dict["closes_at"][0]
    with pytest.raises(ValidationError) as error:
        consultation(opens_at=opens, closes_at=closes, short_period_exception=True, short_period_reason=" ").clean()
    assert "short_period_reason" in error.value.message_dict
    consultation(opens_at=opens, closes_at=closes, short_period_exception=True, short_period_reason="Urgență").clean()


@pytest.mark.django_db
def test_closing_before_opening_is_refused():
    with pytest.raises(ValidationError) as error:
        consultation(opens_at=OPENS, closes_at=OPENS - timedelta(hours=1)).clean()
    assert error.value.message_dict["closes_at"] == ["Momentul închiderii trebuie să fie după cel al deschiderii."]


@pytest.mark.django_db
def test_queryset_statuses_match_the_function(consultation_index, frozen_now):
    now = frozen_now(datetime(2026, 3, 25, 12, tzinfo=BUCHAREST))
    upcoming = ConsultationPageFactory(
        parent=consultation_index, opens_at=now + timedelta(days=1), closes_at=now + timedelta(days=20)
    )
    open_late = ConsultationPageFactory(
        parent=consultation_index, opens_at=now - timedelta(days=5), closes_at=now + timedelta(days=9)
    )
    open_soon = ConsultationPageFactory(
        parent=consultation_index, opens_at=now - timedelta(days=12), closes_at=now + timedelta(seconds=1)
    )
    closed = ConsultationPageFactory(parent=consultation_index, opens_at=now - timedelta(days=30), closes_at=now)
    outcome = ConsultationPageFactory(
        parent=consultation_index,
        opens_at=now - timedelta(days=40),
        closes_at=now - timedelta(days=20),
        outcome="not_adopted",
    )
    pages = ConsultationPage.objects.all()
    assert list(pages.open()) == [open_soon, open_late]
    assert list(pages.with_status("upcoming")) == [upcoming]
    assert list(pages.with_status("closed")) == [closed]
    assert list(pages.with_status("outcome_published")) == [outcome]
    for page in pages:
        assert page.specific.status_at(now) == next(
            s for s in ConsultationStatus if pages.with_status(s).filter(pk=page.pk).exists()
        )
    assert list(pages.order_for_listing()) == [open_soon, open_late, upcoming, closed, outcome]
