"""Budget: an amount with a multiplier and a currency, as people write it in chat.

«2 млн», «1,5 млн», «300к», «$20k», «20 тыс. евро», "budget 500,000 rub". A number counts as
money only when a multiplier, a currency or a budget word says so, so «150 человек» and
«20.12» are never read as money. Russian text with no currency is roubles (SPEC.md).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from eventmaestro.kit.money import Currency, Money
from eventmaestro.nlp.numbers import parse_decimal

_MULTIPLIERS: tuple[tuple[str, Decimal], ...] = (
    (r"млрд\.?|миллиард\w*|billions?|bn", Decimal(1_000_000_000)),
    (r"млн\.?|миллион\w*|лям\w*|millions?|mln|mn|m", Decimal(1_000_000)),
    (r"тыс\.?|тысяч\w*|тыщ\w*|косар\w*|thousands?|к|k", Decimal(1000)),
)
_CURRENCIES: tuple[tuple[str, Currency], ...] = (
    (r"руб\w*\.?|р\.|₽|rub|rur|rubles?|roubles?", Currency.RUB),
    (r"usd|долл\w*|бакс\w*|\$|dollars?|bucks", Currency.USD),
    (r"eur|евро|€|euros?", Currency.EUR),
)
_MULT = "|".join(f"(?:{p})" for p, _ in _MULTIPLIERS)
_CUR = "|".join(f"(?:{p})" for p, _ in _CURRENCIES)
_NUMBER = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+(?:[.,]\d+)?"
_BUDGET_WORDS = (
    r"бюджет\w*|смет\w*|budget|стоимост\w*|за|до|в пределах|не дороже|не больше|укладыва\w*|"
    r"within|under|up to|around|about|около|примерно|порядка|spend|потратить|cost|costs"
)

_AMOUNT = re.compile(
    rf"(?P<cur_before>{_CUR})?\s*(?P<num>{_NUMBER})\s*(?P<mult>(?:{_MULT})(?![a-zа-я]))?\.?"
    rf"\s*(?P<cur_after>(?:{_CUR})(?![a-zа-я]))?",
    re.IGNORECASE,
)
_BUDGET_CONTEXT = re.compile(rf"(?:{_BUDGET_WORDS})[\s:\-—–]*(?:\w+\s+){{0,2}}$", re.IGNORECASE)
_NOT_MONEY_AFTER = re.compile(
    r"\s*(?:человек|чел|гост|участник|персон|pax|people|guests|attendees|дн|недел|месяц|"
    r"час|лет|год|day|week|month|hour|year|%|процент|[./]\d)",
    re.IGNORECASE,
)

_TICKET_BEFORE = re.compile(r"(?:билет|ticket|вход|проходк)\w*[^.,;\d]{0,12}$", re.IGNORECASE)
_TICKET_AFTER = re.compile(r"[^.,;\d]{0,20}(?:билет|ticket|за вход|per person|за человека)", re.I)


def _lookup(table: tuple[tuple[str, Currency], ...], raw: str) -> Currency:
    for pattern, value in table:
        if re.fullmatch(pattern, raw, re.IGNORECASE):
            return value
    raise LookupError(raw)


def _multiplier(raw: str) -> Decimal:
    for pattern, value in _MULTIPLIERS:
        if re.fullmatch(pattern, raw.rstrip("."), re.IGNORECASE) or re.fullmatch(
            pattern, raw, re.IGNORECASE
        ):
            return value
    raise LookupError(raw)


def _amount(raw: str, has_multiplier: bool) -> Decimal:
    # "500,000" and "20.000" group thousands; «1,5 млн» is a decimal fraction.
    if not has_multiplier and re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", raw):
        raw = re.sub(r"[.,]", "", raw)
    return parse_decimal(raw)


def extract_budget(text: str) -> Money | None:
    """The budget the text states, or None. Prefers a number next to a budget word."""
    best: tuple[int, Money] | None = None
    for match in _AMOUNT.finditer(text):
        cur_raw = match.group("cur_before") or match.group("cur_after")
        mult_raw = match.group("mult")
        if _NOT_MONEY_AFTER.match(text, match.end("num")) and not (mult_raw or cur_raw):
            continue
        context = bool(_BUDGET_CONTEXT.search(text, 0, match.start("num")))
        if not (cur_raw or mult_raw or context):
            continue
        if match.start("num") > 0 and text[match.start("num") - 1] in ".:/-":
            continue
        if _TICKET_BEFORE.search(text, 0, match.start()) or _TICKET_AFTER.match(text, match.end()):
            continue  # a ticket price is pricing, not the event's budget
        try:
            amount = _amount(match.group("num"), bool(mult_raw))
        except InvalidOperation:
            continue
        if mult_raw:
            amount *= _multiplier(mult_raw)
        currency = _lookup(_CURRENCIES, cur_raw.strip()) if cur_raw else Currency.RUB
        if amount <= 0 or amount >= Decimal(10) ** 12:
            continue
        if not (cur_raw or mult_raw) and amount < 1000:
            continue
        score = (2 if context else 0) + (1 if cur_raw else 0) + (1 if mult_raw else 0)
        if best is None or score > best[0]:
            best = (score, Money(amount=amount, currency=currency))
    return best[1] if best else None
