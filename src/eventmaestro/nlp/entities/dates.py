"""Dates and date ranges, resolved against the user's `today` (never the wall clock).

Explicit («20 декабря», «20.12», «15 апреля 2027», "December 20"), ranges («20-22 декабря»,
«с 1 по 3 июня», «в декабре»), relative («завтра», «через 2 месяца», «в следующую пятницу»,
«на выходных», "next week"). A day and month without a year that has already passed this year
means next year: nobody plans an event in the past.

A *window* («в марте», «летом», «в следующем месяце», «на следующей неделе», «на новогодних
праздниках», «в конце года») is a period to choose the event's day in, not the event's
days: its span is marked `window` so it never becomes the event's last day. A *duration*
(«два дня», «3-дневный», "3-day") is read apart by `extract_duration`.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True, slots=True)
class DateSpan:
    start: date
    end: date | None = None
    window: bool = False  # a period to pick a day in, not the event's first and last days


_MONTHS: dict[str, int] = {}
for _number, _stems in enumerate(
    [
        ("январ", "jan"), ("феврал", "feb"), ("март", "mar"), ("апрел", "apr"), ("ма[йяюе]", "may"),
        ("июн", "jun"), ("июл", "jul"), ("август", "aug"), ("сентябр", "sep"), ("октябр", "oct"),
        ("ноябр", "nov"), ("декабр", "dec"),
    ],
    start=1,
):  # fmt: skip
    for _stem in _stems:
        _MONTHS[_stem] = _number

_MONTH = (
    r"(?P<{name}>январ[ьяею]|феврал[ьяею]|марта?|марте|апрел[ьяею]|ма[йяюе]|июн[ьяею]|"
    r"июл[ьяею]|августа?|августе|сентябр[ьяею]|октябр[ьяею]|ноябр[ьяею]|декабр[ьяею]|"
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?:\s*(?P<{name}>20\d\d)(?:\s*(?:г\.?|года?|году))?)?"
_DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"
_DASH = r"\s*(?:-|–|—|по|до|to|till|until|through|and|и)\s*"


def _f(template: str, **names: str) -> str:
    return template.format(**names)


_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"(?P<y>20\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)")),
    (
        "numeric_range",
        re.compile(
            r"(?<![\d.,])(?P<d1>[0-3]?\d)\.(?P<m1>[01]\d)(?:\.(?P<y1>(?:20)?\d\d))?"
            r"\s*(?:-|–|—|по|до)\s*(?P<d2>[0-3]?\d)\.(?P<m2>[01]\d)(?:\.(?P<y2>(?:20)?\d\d))?"
            r"(?![\d.,]*\s*(?:млн|тыс|k|к|m)\b)"
        ),
    ),
    (
        "numeric",
        re.compile(
            r"(?<![\d.,])(?P<d>[0-3]?\d)[./](?P<m>[01]\d)(?:[./](?P<y>(?:20)?\d\d))?(?!\d|,\d)"
            r"(?!\.\d)(?!\s*(?:млн|тыс|k|к|m)\b)"
        ),
    ),
    (
        "day_month_range",
        re.compile(
            r"(?:с\s+|from\s+|between\s+)?"
            + _f(_DAY, name="d1")
            + r"(?:\s+"
            + _f(_MONTH, name="m1")
            + ")?"
            + _DASH
            + _f(_DAY, name="d2")
            + r"\s+"
            + _f(_MONTH, name="m2")
            + _f(_YEAR, name="y")
            + r"(?![a-zа-я])"
        ),
    ),
    (
        "month_day_range",
        re.compile(
            _f(_MONTH, name="m1")
            + r"\s+"
            + _f(_DAY, name="d1")
            + _DASH
            + r"(?:"
            + _f(_MONTH, name="m2")
            + r"\s+)?"
            + _f(_DAY, name="d2")
            + r"(?:,?\s*(?P<y>20\d\d))?"
        ),
    ),
    (
        "day_month",
        re.compile(
            r"(?<![\d.,])"
            + _f(_DAY, name="d")
            + r"\s+(?:of\s+)?"
            + _f(_MONTH, name="m")
            + _f(_YEAR, name="y")
            + r"(?![a-zа-я])"
        ),
    ),
    (
        "month_day",
        re.compile(
            r"(?<![a-zа-я])"
            + _f(_MONTH, name="m")
            + r"\s+"
            + _f(_DAY, name="d")
            + r"(?![\d])(?:,?\s*(?P<y>20\d\d))?"
        ),
    ),
    (
        "month_only",
        re.compile(
            r"(?:(?<![a-zа-я])в|in|на|к|by|during)\s+(?:(?:начале|середине|конце|early|mid|late)\s+)?"
            + _f(_MONTH, name="m")
            + _f(_YEAR, name="y")
            + r"(?![a-zа-я])"
        ),
    ),
]

_WEEKDAYS = {
    "понедельник": 0, "вторник": 1, "сред": 2, "четверг": 3, "пятниц": 4, "суббот": 5,
    "воскресень": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}  # fmt: skip
_WEEKDAY = (
    r"(?P<wd>понедельник[ау]?|вторник[ау]?|сред[ауеы]|четверг[ау]?|пятниц[ауеы]|суббот[ауеы]|"
    r"воскресень[еяю]|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
)
_UNITS = {"д": "day", "ден": "day", "day": "day", "недел": "week", "week": "week", "месяц": "month",
          "month": "month", "год": "year", "лет": "year", "year": "year"}  # fmt: skip

_RELATIVE: list[tuple[str, re.Pattern[str]]] = [
    ("day_after", re.compile(r"послезавтра|day after tomorrow")),
    ("tomorrow", re.compile(r"(?<![a-zа-я])завтра|tomorrow")),
    ("today", re.compile(r"(?<![a-zа-я])сегодня|today|tonight")),
    (
        "in_n",
        re.compile(
            r"(?:через|in|спустя)\s+(?:(?P<n>\d+)\s+)?(?P<unit>дн[ейяь]+|день|недел[юиь]|месяц\w*|"
            r"год\w*|лет|days?|weeks?|months?|years?)"
        ),
    ),
    ("half_year", re.compile(r"(?:через|спустя)\s+полгода|in half a year")),
    ("next_weekday", re.compile(r"(?:в\s+)?(?:следующ\w+|next)\s+" + _WEEKDAY)),
    # «в пятницу», and the deadline forms «на пятницу», «к пятнице», «до пятницы» (a deadline
    # is that day), "by/to Friday".
    (
        "weekday",
        re.compile(
            r"(?:(?<![a-zа-я])(?:в[о]?|на|до|к[о]?)\s+|on\s+|this\s+|by\s+|to\s+)" + _WEEKDAY
        ),
    ),
    ("next_weekend", re.compile(r"(?:на\s+)?следующих\s+выходных|next weekend")),
    ("weekend", re.compile(r"(?:на|в)\s+(?:эти\s+)?выходн\w+|(?:this|the|on the)\s+weekend")),
    ("next_week", re.compile(r"(?:на\s+)?следующ(?:ей\s+неделе|ую\s+неделю)|next week")),
    ("next_month", re.compile(r"(?:в\s+)?следующем\s+месяце|next month")),
    ("new_year_holidays", re.compile(r"новогодн\w*\s+(?:праздник|каникул)\w*|new year holidays")),
    (
        "end_of_year",
        re.compile(r"(?:в\s+)?конце\s+(?:этого\s+)?года|(?:at\s+)?the end of the year"),
    ),
    (
        "season",
        re.compile(
            r"(?<![a-zа-я])(?:этим\s+|следующим\s+)?(?P<season>летом|весной|осенью|зимой)"
            r"(?![a-zа-я])|(?:this|next|in(?: the)?)\s+"
            r"(?P<season_en>summer|spring|autumn|fall|winter)"
        ),
    ),
    ("next_year", re.compile(r"(?:в\s+)?следующем\s+году|next year")),
]
# Seasons as (first month, months); winter starts in December and runs into the next year.
_SEASONS = {"весн": (3, 3), "spring": (3, 3), "лет": (6, 3), "summer": (6, 3), "осен": (9, 3),
            "autumn": (9, 3), "fall": (9, 3), "зим": (12, 3), "winter": (12, 3)}  # fmt: skip
# The official New Year holidays in Russia: 1–8 January.
_NEW_YEAR_LAST_DAY = 8
# «в конце года»: the last two weeks of December, when year-end events happen.
_END_OF_YEAR_FIRST_DAY = 15


def _month(raw: str) -> int:
    raw = raw.rstrip(".")
    for stem, number in _MONTHS.items():
        if re.match(stem, raw):
            return number
    raise LookupError(raw)


def _year(raw: str | None) -> int | None:
    if raw is None:
        return None
    value = int(raw)
    return value + 2000 if value < 100 else value


def _make(today: date, day: int, month: int, year: int | None) -> date | None:
    """A calendar date; with no year, the next occurrence on or after today."""
    try:
        if year is not None:
            return date(year, month, day)
        candidate = date(today.year, month, day)
        return candidate if candidate >= today else date(today.year + 1, month, day)
    except ValueError:
        return None


def add_months(start: date, months: int) -> date:
    """Calendar months, clamped: one month after 31 January is the end of February."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _span(start: date | None, end: date | None = None) -> DateSpan | None:
    if start is None:
        return None
    if end is not None and end < start:
        # «с 28 декабря по 3 января»: the end is in the next year.
        try:
            end = end.replace(year=end.year + 1)
        except ValueError:
            return None
    return DateSpan(start, end if end != start else None)


def _explicit(kind: str, m: re.Match[str], today: date) -> DateSpan | None:
    g = m.groupdict()
    if kind == "iso":
        return _span(_make(today, int(g["d"]), int(g["m"]), int(g["y"])))
    if kind == "numeric":
        if not 1 <= int(g["m"]) <= 12:
            return None
        return _span(_make(today, int(g["d"]), int(g["m"]), _year(g["y"])))
    if kind == "numeric_range":
        start = _make(today, int(g["d1"]), int(g["m1"]), _year(g["y1"]))
        end = _make(start or today, int(g["d2"]), int(g["m2"]), _year(g["y2"]))
        return _span(start, end)
    if kind in ("day_month_range", "month_day_range"):
        end_month = _month(g["m2"]) if g["m2"] else _month(g["m1"])
        start_month = _month(g["m1"]) if g["m1"] else end_month
        year = _year(g["y"])
        start = _make(today, int(g["d1"]), start_month, year)
        if start is None:
            return None
        end = _make(start, int(g["d2"]), end_month, year)
        return _span(start, end)
    if kind in ("day_month", "month_day"):
        return _span(_make(today, int(g["d"]), _month(g["m"]), _year(g["y"])))
    month = _month(g["m"])
    year = _year(g["y"]) or (today.year if month >= today.month else today.year + 1)
    last = calendar.monthrange(year, month)[1]
    return DateSpan(date(year, month, 1), date(year, month, last), window=True)


def _season(m: re.Match[str], today: date) -> DateSpan:
    name = m.group("season") or m.group("season_en")
    first_month, months = next(v for k, v in _SEASONS.items() if name.startswith(k))
    start = date(today.year, first_month, 1)
    if add_months(start, months) <= today:
        start = date(today.year + 1, first_month, 1)
    end = add_months(start, months) - timedelta(days=1)
    return DateSpan(start, end, window=True)


def _weekday(raw: str) -> int:
    return next(number for stem, number in _WEEKDAYS.items() if raw.startswith(stem))


def _relative(kind: str, m: re.Match[str], today: date) -> DateSpan | None:
    monday = today - timedelta(days=today.weekday())
    if kind == "today":
        return DateSpan(today)
    if kind == "tomorrow":
        return DateSpan(today + timedelta(days=1))
    if kind == "day_after":
        return DateSpan(today + timedelta(days=2))
    if kind == "in_n":
        n = int(m.group("n") or 1)
        unit = next(v for k, v in _UNITS.items() if m.group("unit").startswith(k))
        if unit == "day":
            return DateSpan(today + timedelta(days=n))
        if unit == "week":
            return DateSpan(today + timedelta(weeks=n))
        return DateSpan(add_months(today, n * (12 if unit == "year" else 1)))
    if kind == "half_year":
        return DateSpan(add_months(today, 6))
    if kind == "weekday":
        ahead = (_weekday(m.group("wd")) - today.weekday()) % 7 or 7
        return DateSpan(today + timedelta(days=ahead))
    if kind == "next_weekday":
        # "Next Friday" is the Friday of next week, as in calendars and Duckling.
        return DateSpan(monday + timedelta(weeks=1, days=_weekday(m.group("wd"))))
    if kind == "weekend":
        saturday = monday + timedelta(days=5)
        if today.weekday() == 6:
            return DateSpan(today)
        return DateSpan(max(saturday, today), saturday + timedelta(days=1))
    if kind == "next_weekend":
        saturday = monday + timedelta(weeks=1, days=5)
        return DateSpan(saturday, saturday + timedelta(days=1))
    if kind == "next_week":
        return DateSpan(
            monday + timedelta(weeks=1), monday + timedelta(weeks=1, days=6), window=True
        )
    if kind == "next_month":
        first = add_months(today.replace(day=1), 1)
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        return DateSpan(first, last, window=True)
    if kind == "new_year_holidays":
        year = today.year if today <= date(today.year, 1, _NEW_YEAR_LAST_DAY) else today.year + 1
        return DateSpan(date(year, 1, 1), date(year, 1, _NEW_YEAR_LAST_DAY), window=True)
    if kind == "end_of_year":
        return DateSpan(
            max(today, date(today.year, 12, _END_OF_YEAR_FIRST_DAY)),
            date(today.year, 12, 31),
            window=True,
        )
    if kind == "season":
        return _season(m, today)
    return DateSpan(date(today.year + 1, 1, 1), date(today.year + 1, 12, 31))


def extract_dates(text: str, today: date) -> DateSpan | None:
    """The first date or range in the text; explicit dates beat relative words."""
    found: list[tuple[int, int, DateSpan]] = []
    for rank, (kind, pattern) in enumerate(_PATTERNS):
        for m in pattern.finditer(text):
            span = _explicit(kind, m, today)
            if span is not None:
                found.append((m.start(), rank, span))
                break
    if not found:
        for rank, (kind, pattern) in enumerate(_RELATIVE):
            hit = pattern.search(text)
            if hit and (span := _relative(kind, hit, today)) is not None:
                found.append((hit.start(), rank, span))
    if not found:
        return None
    # Ranges and longer forms are listed first, so at one position the richer reading wins.
    return min(found, key=lambda item: (item[0], item[1]))[2]


# «2 дня», «на 3 дня», «3-дневный», «3-х дневная», «5 дней», "2 days", "3-day". Not a
# relative date («через 2 дня», "in 3 days"), a deadline («за 2 дня до», "3 days before")
# nor a move («на 2 дня позже»).
_DURATION = re.compile(
    r"(?<![\d.,])(?<!через )(?<!за )(?<!спустя )(?<!in )(?<!within )"
    r"(?P<n>\d{1,2})\s*(?:-?\s*(?:х|ти|и|ух|ех)\s*)?-?\s*"
    r"(?:(?:дн(?:я|ей)|день)(?![a-zа-я])|дневн\w*|days?(?![a-z])|day-long)"
    r"(?!\s*(?:позже|раньше|назад|вперед|до\b|later|earlier|ago|before|after|from now))"
)
_ONE_DAY = re.compile(r"однодневн\w*|(?:one|1)-day(?![a-z])|(?:в|на)\s+1\s+день(?![a-zа-я])")
MAX_DURATION_DAYS = 60


def extract_duration(text: str) -> int | None:
    """How many days the event lasts, when the text states it; a window says nothing of it."""
    m = _DURATION.search(text)
    if m is not None and 1 <= int(m.group("n")) <= MAX_DURATION_DAYS:
        return int(m.group("n"))
    if _ONE_DAY.search(text):
        return 1
    return None
