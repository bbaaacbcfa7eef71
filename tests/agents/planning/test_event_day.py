"""The day chosen inside a window: the event type's best weekdays, never a public holiday,
not before the plan can be ready when the window allows."""

from __future__ import annotations

import datetime as dt

from eventmaestro.agents.planning.event_day import (
    DayRule,
    choose_event_day,
    russian_holidays,
)
from tests.clock import TEST_TODAY

HOLIDAYS = russian_holidays(range(2026, 2029))
MARCH = (dt.date(2027, 3, 1), dt.date(2027, 3, 31))


def test_a_two_day_conference_in_march_is_tuesday_wednesday_or_wednesday_thursday() -> None:
    chosen = choose_event_day("conference", MARCH, 2, TEST_TODAY, None, HOLIDAYS)
    assert chosen is not None
    assert chosen.rule is DayRule.BUSINESS
    assert chosen.preferred
    assert (chosen.start.weekday(), chosen.end.weekday()) in {(1, 2), (2, 3)}
    assert chosen.end - chosen.start == dt.timedelta(days=1)
    assert MARCH[0] <= chosen.start
    assert chosen.end <= MARCH[1]


def test_a_party_is_on_friday_or_saturday() -> None:
    june = (dt.date(2027, 6, 1), dt.date(2027, 6, 30))
    chosen = choose_event_day("corporate_party", june, None, TEST_TODAY, None, HOLIDAYS)
    assert chosen is not None
    assert chosen.start.weekday() in {4, 5}
    assert chosen.start == chosen.end
    assert chosen.start != dt.date(2027, 6, 12)  # Russia Day
    wedding = choose_event_day("wedding", june, None, TEST_TODAY, None, HOLIDAYS)
    assert wedding is not None
    assert wedding.start.weekday() in {4, 5}


def test_never_a_public_holiday() -> None:
    january = (dt.date(2027, 1, 1), dt.date(2027, 1, 31))
    chosen = choose_event_day("corporate_party", january, None, TEST_TODAY, None, HOLIDAYS)
    assert chosen is not None
    assert chosen.start > dt.date(2027, 1, 8)
    march = choose_event_day("corporate_party", (dt.date(2027, 3, 8),) * 2, 1, TEST_TODAY, None,
                             HOLIDAYS)  # fmt: skip
    assert march is None  # the window is only 8 March


def test_not_before_the_plan_can_be_ready_when_the_window_allows() -> None:
    ready = dt.date(2027, 3, 20)
    chosen = choose_event_day("conference", MARCH, 2, TEST_TODAY, ready, HOLIDAYS)
    assert chosen is not None
    assert chosen.start >= ready
    assert not chosen.before_feasible
    too_late = choose_event_day("conference", MARCH, 2, TEST_TODAY, dt.date(2027, 5, 1), HOLIDAYS)
    assert too_late is not None
    assert too_late.before_feasible


def test_never_today_or_in_the_past() -> None:
    december = (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    chosen = choose_event_day("other", december, None, TEST_TODAY, None, HOLIDAYS)
    assert chosen is not None
    assert chosen.start > TEST_TODAY
    assert chosen.rule is DayRule.ANY
