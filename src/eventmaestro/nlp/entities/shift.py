"""Relative moves of a date the conversation already has: «перенеси на неделю позже».

A follow-up such as «сдвинь на 3 дня вперёд» names no date of its own; it moves the event's
date by an amount. The amount is returned as calendar units — days (weeks are seven days) and
calendar months — so «на месяц позже» from 31 January lands on the last day of February, not
30 days later. A date stated from today («через 2 месяца», «20 декабря») is not a move and
gives None: entities.dates reads those.

The direction comes from a word next to the amount («позже», «раньше», «вперёд», «назад»,
"later", "earlier", "back", "forward") or, failing that, from the verb: «перенеси/сдвинь/
отложи на неделю» and "postpone/delay/push by a week" mean later, "bring forward/move up by a
week" earlier. An amount with neither («конференция на две недели») is a duration, not a move.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from eventmaestro.nlp.entities.dates import add_months
from eventmaestro.nlp.numbers import words_to_digits


@dataclass(frozen=True, slots=True)
class DateShift:
    """A signed move in calendar units: `days` (weeks count as 7) and calendar `months`."""

    days: int = 0
    months: int = 0

    def apply(self, day: date) -> date:
        """Months first (clamped to the month's length), then days."""
        return add_months(day, self.months) + timedelta(days=self.days)


_AMOUNT = (
    r"(?:(?P<n>(?<![\d.,])\d+(?:[.,]\d+)?(?![\d.,]*\s*[-–]\s*\d))\s*"
    r"|(?P<pair>пару|пара|a\s+couple\s+of|couple\s+of)\s+"
    r"|(?:an?|one|одну|один|одни)\s+)?"
)
_UNIT = (
    r"(?P<unit>дн(?:я|ей|ь)\b|день\b|сут(?:ки|ок)\b|недел[юиья]\b|недель\b|месяц(?:а|ев)?\b|"
    r"год(?:а)?\b|лет\b|days?\b|weeks?\b|fortnights?\b|months?\b|years?\b)"
)
_LATER = r"позже|попозже|вперед|later|back"
_EARLIER = r"раньше|пораньше|назад|earlier|sooner|forward"
_DIRECTION = rf"(?P<dir>{_LATER}|{_EARLIER})\b"
# «на неделю позже», "a week later", "by two weeks earlier"
_AMOUNT_THEN_DIRECTION = re.compile(rf"(?:\b(?:на|by)\s+)?{_AMOUNT}{_UNIT}\s+{_DIRECTION}")
# «позже на неделю», "later by a week", "back a week" (push back a week)
_DIRECTION_THEN_AMOUNT = re.compile(rf"\b{_DIRECTION}\s+(?:(?:на|by)\s+)?{_AMOUNT}{_UNIT}")
# «перенеси на две недели», "postpone it by a week": the verb says which way
_VERB_THEN_AMOUNT = re.compile(
    r"(?P<verb>\b(?:перенес|перенос|сдвин|сдвиг|передвин|подвин|отлож|отодвин|postpone|delay|"
    r"push|move|shift|bring|pull)\w*(?:\s+(?:up|forward|ahead|back|it|everything|the\s+\w+))*)"
    rf"[^.!?;\d]{{0,25}}?\b(?:на|by)\s+{_AMOUNT}{_UNIT}"
)
_VERB_EARLIER = re.compile(r"\b(?:bring|pull)\w*\b|\b(?:up|forward|ahead)\b")

_DAYS_PER = {"day": 1, "week": 7, "fortnight": 14}
_MONTHS_PER = {"month": 1, "year": 12}


def _unit(raw: str) -> str:
    stem = raw[:3]
    if stem in ("дн", "ден", "сут") or raw.startswith(("дн", "day")):
        return "day"
    if stem == "нед" or raw.startswith("week"):
        return "week"
    if raw.startswith("fortnight"):
        return "fortnight"
    if stem == "мес" or raw.startswith("month"):
        return "month"
    return "year"


def _amount(match: re.Match[str]) -> Decimal | None:
    if match.group("pair"):
        return Decimal(2)
    if raw := match.group("n"):
        try:
            return Decimal(raw.replace(",", "."))
        except InvalidOperation:
            return None
    return Decimal(1)  # «на неделю», "a week"


def _shift(match: re.Match[str], sign: int) -> DateShift | None:
    amount = _amount(match)
    if amount is None or amount <= 0:
        return None
    unit = _unit(match.group("unit"))
    if unit in _DAYS_PER:
        days = amount * _DAYS_PER[unit]
        # «полторы недели» is ten and a half days: not a whole number of days, no answer.
        return DateShift(days=sign * int(days)) if days == days.to_integral() else None
    if amount != amount.to_integral():
        return None  # «полтора месяца»: calendar months do not split
    return DateShift(months=sign * int(amount) * _MONTHS_PER[unit])


def extract_date_shift(text: str) -> DateShift | None:
    """The relative move the text asks for, or None when it states no move of a known date."""
    normal = words_to_digits(text).lower().replace("ё", "е")
    for pattern in (_AMOUNT_THEN_DIRECTION, _DIRECTION_THEN_AMOUNT):
        if match := pattern.search(normal):
            sign = 1 if re.fullmatch(_LATER, match.group("dir")) else -1
            return _shift(match, sign)
    if match := _VERB_THEN_AMOUNT.search(normal):
        return _shift(match, -1 if _VERB_EARLIER.search(match.group("verb")) else 1)
    return None
