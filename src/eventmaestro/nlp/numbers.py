"""Numbers written in words («сто пятьдесят», «полтора», "two hundred") turned into digits.

Entity rules then only need to read digits. Russian words are matched through their lemma, so
every case form («ста», «двухсот», «полутора») is covered by one table entry.
"""

from __future__ import annotations

import re
from decimal import Decimal

from eventmaestro.nlp.morphology import lemma

_UNITS = {
    "ноль": 0, "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12,
    "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16,
    "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20, "тридцать": 30,
    "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80,
    "девяносто": 90, "сто": 100, "двести": 200, "триста": 300, "четыреста": 400,
    "пятьсот": 500, "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_HALF_MORE = {"полтора", "полторы"}
_HUNDRED = {"hundred"}
_THOUSAND = {"тысяча", "thousand"}
_GLUE = {"and"}

_WORD = re.compile(r"[a-zа-яё]+", re.IGNORECASE)
_ORDINAL_SUFFIX = re.compile(r"(\d)-?(?:ти|х|ми|го|ое|ого|ому|ой|ью|е|м)\b", re.IGNORECASE)


def _value(word: str) -> tuple[str, Decimal] | None:
    low = word.lower()
    if low in _UNITS:
        return "unit", Decimal(_UNITS[low])
    if low in _HUNDRED:
        return "hundred", Decimal(100)
    if low in _THOUSAND:
        return "thousand", Decimal(1000)
    if not re.fullmatch(r"[а-яё]+", low):
        return None
    base = lemma(low)
    if base in _UNITS:
        return "unit", Decimal(_UNITS[base])
    if base in _HALF_MORE:
        return "unit", Decimal("1.5")
    if base in _THOUSAND:
        return "thousand", Decimal(1000)
    return None


def _format(value: Decimal) -> str:
    return str(value.normalize()) if value != value.to_integral() else str(int(value))


def words_to_digits(text: str) -> str:
    """Replace each run of number words with its value; the rest of the text is kept as is."""
    text = _ORDINAL_SUFFIX.sub(r"\1", text)
    out: list[str] = []
    pos = 0
    run: list[tuple[str, Decimal]] = []
    run_end = 0

    def flush() -> None:
        nonlocal run
        if run:
            total = current = Decimal(0)
            for kind, value in run:
                if kind == "unit":
                    current += value
                elif kind == "hundred":
                    current = max(current, Decimal(1)) * value
                else:
                    total += max(current, Decimal(1)) * value
                    current = Decimal(0)
            out.append(_format(total + current))
            run = []

    for match in _WORD.finditer(text):
        parsed = _value(match.group())
        if parsed and parsed[0] == "thousand" and not run and _after_digits(text, match.start()):
            parsed = None  # «400 тысяч»: a multiplier the money rule reads itself
        gap = text[run_end : match.start()]
        if parsed and (not run or gap.strip() == ""):
            if not run:
                out.append(text[pos : match.start()])
            run.append(parsed)
            run_end = match.end()
            pos = run_end
            continue
        if run and match.group().lower() in _GLUE and gap.strip() == "":
            run_end = match.end()
            continue
        flush()
    flush()
    out.append(text[pos:])
    return "".join(out)


def _after_digits(text: str, position: int) -> bool:
    return bool(re.search(r"\d[\s.,]*$", text[:position]))


def parse_decimal(raw: str) -> Decimal:
    """«1,5» and "1.5" are one and a half; spaces inside «1 500 000» are digit grouping."""
    return Decimal(re.sub(r"\s", "", raw).replace(",", "."))
