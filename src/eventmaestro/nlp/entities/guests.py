"""Guest count: a number next to a word for people («150 человек», «сто гостей», "150 pax")."""

from __future__ import annotations

import re

_PEOPLE = (
    r"человек\w*|чел\b\.?|гост\w*|участник\w*|персон\w*|сотрудник\w*|посетител\w*|зрител\w*|"
    r"делегат\w*|приглашенн\w*|pax|people|persons?|guests?|attendees?|participants?|"
    r"visitors?|delegates?|employees?|heads|ppl|партнер\w*|коллег\w*|инженер\w*|"
    r"айтишник\w*|partners?|colleagues?|engineers?"
)
_RANGE = re.compile(
    rf"(?<![\d.,])(?:(?P<low>\d+)\s*(?:-|–|—|до|to)\s*)?(?P<high>\d+)\+?\s*(?:{_PEOPLE})",
    re.IGNORECASE,
)
_LABELLED = re.compile(
    r"(?:guests?|гостей|участников|человек|headcount|pax)\s*(?:[:=—–-]|на)?\s*"
    r"(?:(?:будет|будут|планируется|ожидается|около|примерно|порядка|где-то|expected|about|"
    r"around|will be)\s+){0,2}(?P<high>\d+)\b(?!\s*(?:[./]\d|млн|тыс|k\b|к\b|руб|₽|\$|евро))",
    re.IGNORECASE,
)


def extract_guests(text: str) -> int | None:
    """The headcount stated; a range («100-120 человек») plans for its upper bound."""
    match = _RANGE.search(text) or _LABELLED.search(text)
    if match is None:
        return None
    count = int(match.group("high"))
    return count if 0 < count <= 1_000_000 else None
