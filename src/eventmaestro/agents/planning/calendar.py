"""The working calendar: weekends, Russian public holidays and the government's transfer days.

The `holidays` package carries both the non-working days and the Saturdays made working by
the yearly government decree (`weekend_workdays`, e.g. 1 November 2025), so no transfer list
is kept here. The scheduler works in integer working-day indices counted from 1 January of
`FIRST_YEAR`; the index of a date that is not a working day is that of the next working day,
which is exactly "the first day work can happen on or after this date".
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from functools import lru_cache

import holidays

FIRST_YEAR = 2015
LAST_YEAR = 2100


class CalendarRangeError(ValueError):
    pass


class WorkCalendar:
    """Working days of one country, grown a year at a time as later dates are asked for."""

    def __init__(self, country: str = "RU") -> None:
        self.country = country
        self._days: list[dt.date] = []
        self._next_year = FIRST_YEAR

    def _grow_to(self, year: int) -> None:
        if year > LAST_YEAR:
            raise CalendarRangeError(f"dates after {LAST_YEAR} are not supported")
        while self._next_year <= year:
            self._days.extend(self._working_days_of(self._next_year))
            self._next_year += 1

    def _working_days_of(self, year: int) -> list[dt.date]:
        official = holidays.country_holidays(self.country, years=year)
        transfers = official.weekend_workdays
        day = dt.date(year, 1, 1)
        days: list[dt.date] = []
        while day.year == year:
            weekday = day.weekday() < 5 or day in transfers
            if weekday and day not in official:
                days.append(day)
            day += dt.timedelta(days=1)
        return days

    def index(self, day: dt.date) -> int:
        """Index of `day` if it is a working day, else of the next working day."""
        if day.year < FIRST_YEAR:
            raise CalendarRangeError(f"dates before {FIRST_YEAR} are not supported")
        self._grow_to(day.year + 1)
        return bisect_left(self._days, day)

    def date(self, index: int) -> dt.date:
        if index < 0:
            raise CalendarRangeError(f"dates before {FIRST_YEAR} are not supported")
        while index >= len(self._days):
            self._grow_to(self._next_year)
        return self._days[index]

    def is_working_day(self, day: dt.date) -> bool:
        return self.date(self.index(day)) == day


@lru_cache(maxsize=4)
def calendar_for(country: str = "RU") -> WorkCalendar:
    return WorkCalendar(country)
