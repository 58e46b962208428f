"""The status rule at every boundary, in Bucharest time, and the database filters that must agree with it."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import translation

from funding.models import FundingCallPage
from funding.status import BUCHAREST, FundingStatus, days_left, funding_status, status_label
from tests.factories.funding import FundingCallPageFactory, FundingIndexPageFactory

UPCOMING, OPEN, CLOSING_SOON, CLOSED = (
    FundingStatus.UPCOMING,
    FundingStatus.OPEN,
    FundingStatus.CLOSING_SOON,
    FundingStatus.CLOSED,
)
MICROSECOND = timedelta(microseconds=1)
FAR_DEADLINE = datetime(2026, 12, 31, 16, 0, tzinfo=BUCHAREST)


def utc(*args):
    return datetime(*args, tzinfo=UTC)


def local(*args):
    return datetime(*args, tzinfo=BUCHAREST)


class TestOpeningDay:
    """A call opens at 00:00 in Bucharest on `opens_on`, which is 22:00 or 21:00 UTC the day before."""

    @pytest.mark.parametrize(
        ("opens_on", "midnight_in_bucharest"),
        [
            (date(2026, 3, 10), utc(2026, 3, 9, 22)),  # winter time, UTC+2
            (date(2026, 7, 1), utc(2026, 6, 30, 21)),  # summer time, UTC+3
            (date(2026, 3, 29), utc(2026, 3, 28, 22)),  # clocks go forward at 03:00 that day: midnight is still +2
            (date(2026, 10, 25), utc(2026, 10, 24, 21)),  # clocks go back at 04:00 that day: midnight is still +3
        ],
    )
    def test_opens_at_midnight_in_bucharest(self, opens_on, midnight_in_bucharest):
        def status(now):
            return funding_status(opens_on=opens_on, deadline=FAR_DEADLINE, now=now)

        assert status(midnight_in_bucharest - MICROSECOND) == UPCOMING
        assert status(midnight_in_bucharest) == OPEN
        assert status(midnight_in_bucharest + MICROSECOND) == OPEN

    def test_utc_date_does_not_matter(self):
        # 23:30 UTC on the 9th is already 01:30 on the 10th in Bucharest.
        assert funding_status(opens_on=date(2026, 3, 10), deadline=FAR_DEADLINE, now=utc(2026, 3, 9, 23, 30)) == OPEN
        # 21:30 UTC on the 9th is 23:30 on the 9th in Bucharest: not open yet.
        assert (
            funding_status(opens_on=date(2026, 3, 10), deadline=FAR_DEADLINE, now=utc(2026, 3, 9, 21, 30)) == UPCOMING
        )

    def test_now_in_any_time_zone_gives_the_same_answer(self):
        moment = utc(2026, 3, 9, 22)
        for now in (moment, moment.astimezone(BUCHAREST)):
            assert funding_status(opens_on=date(2026, 3, 10), deadline=FAR_DEADLINE, now=now) == OPEN

    def test_upcoming_wins_over_closing_soon(self):
        now = local(2026, 5, 1, 12)
        status = funding_status(opens_on=date(2026, 5, 2), deadline=local(2026, 5, 3, 12), now=now)
        assert status == UPCOMING


class TestDeadline:
    opens_on = date(2026, 1, 5)
    deadline = local(2026, 5, 15, 16, 0)  # 13:00 UTC

    def status(self, now):
        return funding_status(opens_on=self.opens_on, deadline=self.deadline, now=now)

    def test_exactly_at_the_deadline_applications_are_still_accepted(self):
        assert self.status(self.deadline) == CLOSING_SOON
        assert self.status(utc(2026, 5, 15, 13, 0)) == CLOSING_SOON

    def test_one_microsecond_before_and_after(self):
        assert self.status(self.deadline - MICROSECOND) == CLOSING_SOON
        assert self.status(self.deadline + MICROSECOND) == CLOSED

    def test_seven_day_window(self):
        window_start = self.deadline - timedelta(days=7)
        assert self.status(window_start - MICROSECOND) == OPEN
        assert self.status(window_start) == CLOSING_SOON
        assert self.status(window_start + MICROSECOND) == CLOSING_SOON

    def test_window_is_168_hours_across_a_clock_change(self):
        # Clocks go forward on 29 March 2026. A deadline at 12:00 on 1 April (09:00 UTC) enters its
        # last 168 hours at 09:00 UTC on 25 March, which is 11:00 in Bucharest, not 12:00.
        deadline = local(2026, 4, 1, 12, 0)
        assert deadline.astimezone(UTC) == utc(2026, 4, 1, 9)

        def status(now):
            return funding_status(opens_on=self.opens_on, deadline=deadline, now=now)

        assert status(utc(2026, 3, 25, 9) - MICROSECOND) == OPEN
        assert status(local(2026, 3, 25, 11, 0)) == CLOSING_SOON
        assert status(local(2026, 3, 25, 11, 30)) == CLOSING_SOON

    def test_deadline_stored_in_utc_or_bucharest_is_the_same(self):
        now = local(2026, 5, 15, 15, 59)
        assert funding_status(opens_on=self.opens_on, deadline=self.deadline.astimezone(UTC), now=now) == CLOSING_SOON
        assert funding_status(opens_on=self.opens_on, deadline=self.deadline, now=now) == CLOSING_SOON


class TestLabels:
    deadline = local(2026, 5, 15, 16, 0)

    @pytest.mark.parametrize(
        ("now", "days", "label"),
        [
            (local(2026, 5, 15, 9, 0), 0, "Closes today"),
            (local(2026, 5, 15, 0, 0), 0, "Closes today"),
            (local(2026, 5, 14, 23, 59), 1, "Closes tomorrow"),
            (local(2026, 5, 14, 0, 0), 1, "Closes tomorrow"),
            (local(2026, 5, 12, 12, 0), 3, "Closes in 3 days"),
            (local(2026, 5, 8, 16, 0), 7, "Closes in 7 days"),
            # 22:30 UTC on the 13th is already the 14th in Bucharest.
            (utc(2026, 5, 13, 22, 30), 1, "Closes tomorrow"),
        ],
    )
    def test_closing_soon_counts_calendar_days_in_bucharest(self, now, days, label):
        assert days_left(self.deadline, now=now) == days
        with translation.override("en"):
            assert status_label(CLOSING_SOON, deadline=self.deadline, now=now) == label

    def test_other_statuses_use_their_names(self):
        with translation.override("en"):
            assert status_label(OPEN, deadline=self.deadline) == "Open"
            assert status_label(UPCOMING, deadline=self.deadline) == "Upcoming"
            assert status_label(CLOSED, deadline=self.deadline) == "Closed"

    def test_badge_classes_match_the_stylesheet(self):
        assert [status.css_class for status in FundingStatus] == [
            "badge--upcoming",
            "badge--open",
            "badge--closing-soon",
            "badge--closed",
        ]


def test_page_status_without_dates_is_none(db):  # Wagtail looks up the content type
    assert FundingCallPage(title="Ciornă").status is None
    assert FundingCallPage(title="Ciornă").status_label == ""


@pytest.mark.django_db
class TestQuerySetAgreesWithStatus:
    """For many moments around the boundaries, the database filters select exactly the calls whose status matches."""

    opens_on = date(2026, 3, 10)
    deadline = local(2026, 3, 20, 16, 0)

    @pytest.fixture
    def calls(self, home_page):
        index = FundingIndexPageFactory(parent=home_page)
        calls = []
        offsets = [-MICROSECOND, timedelta(0), MICROSECOND, timedelta(days=7), timedelta(days=7) + MICROSECOND]
        for number, offset in enumerate(offsets):
            calls.append(
                FundingCallPageFactory(
                    parent=index,
                    slug=f"termen-{number}",
                    opens_on=self.opens_on,
                    deadline=self.deadline + offset,
                )
            )
        calls.append(
            FundingCallPageFactory(
                parent=index, slug="deschidere-ulterioara", opens_on=date(2026, 3, 11), deadline=self.deadline
            )
        )
        return calls

    @pytest.mark.parametrize(
        "now",
        [
            utc(2026, 3, 9, 22) - MICROSECOND,
            utc(2026, 3, 9, 22),
            utc(2026, 3, 10, 21, 59, 59, 999999),
            utc(2026, 3, 10, 22),
            local(2026, 3, 13, 16, 0) - MICROSECOND,
            local(2026, 3, 13, 16, 0),
            local(2026, 3, 13, 16, 0) + MICROSECOND,
            local(2026, 3, 20, 16, 0) - MICROSECOND,
            local(2026, 3, 20, 16, 0),
            local(2026, 3, 20, 16, 0) + MICROSECOND,
            local(2026, 3, 27, 16, 0),
            local(2026, 3, 27, 16, 0) + MICROSECOND,
        ],
    )
    def test_filters_match_per_object_status(self, calls, now):
        queryset = FundingCallPage.objects.all()
        expected = {status: {call.pk for call in calls if call.status_at(now) == status} for status in FundingStatus}
        assert set(queryset.upcoming(now=now).values_list("pk", flat=True)) == expected[UPCOMING]
        assert set(queryset.closing_soon(now=now).values_list("pk", flat=True)) == expected[CLOSING_SOON]
        assert set(queryset.closed(now=now).values_list("pk", flat=True)) == expected[CLOSED]
        assert set(queryset.with_status(OPEN, now=now).values_list("pk", flat=True)) == expected[OPEN]
        accepting = set(queryset.accepting_applications(now=now).values_list("pk", flat=True))
        assert accepting == expected[OPEN] | expected[CLOSING_SOON]

    def test_the_fixture_covers_every_status(self, calls):
        statuses = {
            call.status_at(now)
            for call in calls
            for now in (utc(2026, 3, 9, 12), local(2026, 3, 12, 12), local(2026, 3, 20, 12), local(2026, 3, 28, 12))
        }
        assert statuses == set(FundingStatus)

    def test_accepting_applications_lists_the_nearest_deadline_first(self, calls):
        now = local(2026, 3, 12, 12)
        deadlines = list(FundingCallPage.objects.accepting_applications(now=now).values_list("deadline", flat=True))
        assert deadlines == sorted(deadlines)
        assert len(deadlines) == 6

    def test_order_by_deadline(self, home_page):
        index = FundingIndexPageFactory(parent=home_page)
        now = local(2026, 6, 1, 12)

        def call(slug, opens_on, deadline):
            return FundingCallPageFactory(parent=index, slug=slug, opens_on=opens_on, deadline=deadline)

        closed_long_ago = call("inchis-demult", date(2026, 1, 1), local(2026, 2, 1, 12))
        closed_recently = call("inchis-recent", date(2026, 1, 1), local(2026, 5, 30, 12))
        upcoming = call("urmeaza", date(2026, 6, 10), local(2026, 7, 1, 12))
        open_later = call("deschis-tarziu", date(2026, 5, 1), local(2026, 8, 1, 12))
        closing_soon = call("se-inchide", date(2026, 5, 1), local(2026, 6, 3, 12))
        ordered = list(FundingCallPage.objects.order_by_deadline(now=now))
        assert ordered == [closing_soon, open_later, upcoming, closed_recently, closed_long_ago]
