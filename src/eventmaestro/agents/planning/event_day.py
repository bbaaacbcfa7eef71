"""Which day inside a window («в марте», «летом») an event should start on.

A pure rule: the window, the event's length, today, the earliest day its plan can be ready
by, and the public holidays in; one chosen first (and last) day and the reason out. Parties
and weddings want Friday or Saturday (guests are free the next day); conferences and other
business events want Tuesday–Thursday (people travel on Monday and leave on Friday), every
day of a multi-day event inside those days where the window allows. A public holiday is never
chosen; a day before the earliest feasible one only when the window holds nothing later.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container
from dataclasses import dataclass
from enum import StrEnum

import holidays as public_holidays

# Monday is 0.
_LEISURE_DAYS = frozenset({4, 5})
_BUSINESS_DAYS = frozenset({1, 2, 3})
_LEISURE_TYPES = frozenset(
    {"corporate_party", "wedding", "birthday", "award_ceremony", "concert", "festival",
     "team_building", "sports_event"}
)  # fmt: skip
_BUSINESS_TYPES = frozenset(
    {"conference", "forum", "seminar", "webinar", "exhibition", "product_launch"}
)


class DayRule(StrEnum):
    LEISURE = "fri_sat"  # Friday or Saturday
    BUSINESS = "tue_thu"  # Tuesday to Thursday
    ANY = "any"  # any day that is no public holiday


@dataclass(frozen=True, slots=True)
class ChosenDay:
    start: dt.date
    end: dt.date
    rule: DayRule
    preferred: bool  # every day of the event is on the rule's days
    before_feasible: bool  # no later day was in the window; the plan will be tight


def day_rule(event_type: str) -> DayRule:
    if event_type in _LEISURE_TYPES:
        return DayRule.LEISURE
    if event_type in _BUSINESS_TYPES:
        return DayRule.BUSINESS
    return DayRule.ANY


def russian_holidays(years: range) -> Container[dt.date]:
    """Russia's public holidays (1–8 January, 23 February, 8 March, 1 and 9 May, 12 June,
    4 November and their moved days) from the `holidays` package the work calendar uses."""
    return public_holidays.country_holidays("RU", years=list(years))


def _good_days(rule: DayRule) -> frozenset[int]:
    if rule is DayRule.LEISURE:
        return _LEISURE_DAYS
    if rule is DayRule.BUSINESS:
        return _BUSINESS_DAYS
    return frozenset(range(7))


def choose_event_day(
    event_type: str,
    window: tuple[dt.date, dt.date],
    duration_days: int | None,
    today: dt.date,
    earliest_feasible: dt.date | None,
    holidays: Container[dt.date],
) -> ChosenDay | None:
    """The best first day in the window; None when every day in it is past or a holiday."""
    length = max(1, duration_days or 1)
    rule = day_rule(event_type)
    good = _good_days(rule)
    first, last = window
    start = max(first, today + dt.timedelta(days=1))
    ready = max(start, earliest_feasible or start)
    best: tuple[tuple[int, int, int], dt.date] | None = None
    # The whole event inside the window, unless the window is shorter than the event.
    latest = max(start, last - dt.timedelta(days=length - 1))
    day = start
    while day <= latest:
        days = [day + dt.timedelta(days=i) for i in range(length)]
        if not any(d in holidays for d in days):
            on_rule = sum(d.weekday() in good for d in days)
            # Ranked: feasible first, then the most days on the rule's weekdays, then earliest.
            key = (0 if day >= ready else 1, length - on_rule, (day - start).days)
            if best is None or key < best[0]:
                best = (key, day)
        day += dt.timedelta(days=1)
    if best is None:
        return None
    (late, off_rule, _), chosen = best
    return ChosenDay(
        start=chosen,
        end=chosen + dt.timedelta(days=length - 1),
        rule=rule,
        preferred=off_rule == 0,
        before_feasible=late == 1,
    )
