"""Relative moves of a date already known: «перенеси на неделю позже», «two weeks earlier».

Not a date of its own: «через 2 месяца» is a date counted from today (see `dates.py`); a
shift needs a direction («позже», «раньше», «вперёд», «later», «earlier») or a verb that
implies one («отложи», «postpone»), and moves whatever date the conversation holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventmaestro.nlp.numbers import words_to_digits


@dataclass(frozen=True, slots=True)
class DateShift:
    """Calendar months and days; months apply first (31 Jan + 1 month is end of February)."""

    days: int = 0
    months: int = 0


_AMOUNT = r"(?P<n>\d{1,3}|пар[уы]|a|an|one|a couple of|couple of)?"
_UNIT = r"(?P<unit>дн(?:я|ей)|день|сут(?:ки|ок)|недел[юиь]\w*|месяц\w*|days?|weeks?|months?)"
_LATER = {"позже", "попозже", "позднее", "вперед", "later", "back"}
_EARLIER = {"раньше", "пораньше", "ранее", "назад", "earlier", "sooner", "forward", "ahead"}
_DIRECTION = "|".join(sorted(_LATER | _EARLIER, key=len, reverse=True))
_DIRECTION_AFTER = re.compile(
    rf"(?:на|by|for)?\s*{_AMOUNT}\s*{_UNIT}\s+(?:\w+\s+)?(?P<dir>{_DIRECTION})\b"
)
_DIRECTION_BEFORE = re.compile(rf"\b(?P<dir>{_DIRECTION})\s+(?:на|by)\s+{_AMOUNT}\s*{_UNIT}")
# Verbs that mean "later" without a direction word: «отложи на неделю», «postpone by a week».
_POSTPONE = re.compile(
    rf"\b(?:отлож\w*|postpone\w*|delay\w*|push\w*)\b.*?(?:на|by|for)?\s*{_AMOUNT}\s*{_UNIT}"
)


def _unit(match: re.Match[str]) -> DateShift:
    raw = match.group("n")
    if raw is None or not raw[0].isdigit():
        amount = 2 if raw and ("пар" in raw or "couple" in raw) else 1
    else:
        amount = int(raw)
    unit = match.group("unit")
    if unit.startswith(("недел", "week")):
        return DateShift(days=7 * amount)
    if unit.startswith(("месяц", "month")):
        return DateShift(months=amount)
    return DateShift(days=amount)


def extract_date_shift(text: str) -> DateShift | None:
    normal = words_to_digits(text).lower().replace("ё", "е")
    for pattern in (_DIRECTION_AFTER, _DIRECTION_BEFORE):
        match = pattern.search(normal)
        if match:
            shift = _unit(match)
            sign = -1 if match.group("dir") in _EARLIER else 1
            return DateShift(days=sign * shift.days, months=sign * shift.months)
    match = _POSTPONE.search(normal)
    return _unit(match) if match else None
