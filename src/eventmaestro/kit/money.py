"""Money: an exact Decimal amount with an ISO currency. Never a float.

Two kinds of amounts reach `Money`. Amounts computed in code (a per-guest price, a share, VAT)
arrive as `Decimal` and are rounded to kopecks half-up here, once, so no arithmetic path can
make an invalid amount. Amounts typed by people arrive as text or JSON numbers and must already
be whole kopecks: «100.005» is refused, not silently rounded.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field


class Currency(StrEnum):
    RUB = "RUB"
    USD = "USD"
    EUR = "EUR"


KOPECK = Decimal("0.01")


def kopecks(value: Decimal) -> Decimal:
    """The one rounding rule for money: to the kopeck, half away from zero."""
    return value.quantize(KOPECK, rounding=ROUND_HALF_UP)


def _round_computed(value: Any) -> Any:
    if isinstance(value, Decimal) and value.is_finite():
        return kopecks(value)
    return value


def _to_kopecks(value: Decimal) -> Decimal:
    """One representation per amount: "1500000.5" and "1500000.50" are the same money."""
    return value.quantize(KOPECK)


Amount = Annotated[
    Decimal,
    BeforeValidator(_round_computed),
    Field(
        gt=0,
        max_digits=14,
        decimal_places=2,
        allow_inf_nan=False,
        description='Exact amount as a decimal string, e.g. "2000000.00"',
    ),
    AfterValidator(_to_kopecks),
]


class Money(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    amount: Amount
    currency: Currency = Currency.RUB


ROUBLE = Decimal(1)
_GROUP = {"ru": "\u00a0", "en": ","}
_POINT = {"ru": ",", "en": "."}


def roubles(value: Decimal) -> Decimal:
    """The one display rounding: whole roubles, half away from zero (as `kopecks`)."""
    return value.quantize(ROUBLE, rounding=ROUND_HALF_UP)


def shown_parts(parts: Sequence[Decimal]) -> list[Decimal]:
    """Whole roubles for lines shown beside their total: each line rounded, then the
    rounding drift handed to the largest remainders, so the shown lines add up to the shown
    total `roubles(sum(parts))` (1 910 672,50 ₽ split in halves shows 955 337 + 955 336)."""
    if not parts:
        return []
    total = roubles(sum(parts, Decimal(0)))
    floors = [p.quantize(ROUBLE, rounding=ROUND_FLOOR) for p in parts]
    leftover = int(total - sum(floors, Decimal(0)))
    order = sorted(range(len(parts)), key=lambda i: parts[i] - floors[i], reverse=True)
    for i in order[:leftover]:
        floors[i] += 1
    return floors


def _grouped(whole: Decimal, language: str) -> str:
    return f"{abs(whole):,f}".replace(",", _GROUP.get(language, "\u00a0"))


def format_rub(amount: Decimal | str | float, language: str = "ru") -> str:
    """«1 910 673 ₽»: how chat, the CLI, charts and summaries show roubles — whole roubles,
    grouped by no-break spaces in Russian, never kopecks."""
    value = roubles(Decimal(str(amount)))
    sign = "−" if value < 0 else ""
    return f"{sign}{_grouped(value, language)} ₽"


def format_rub_exact(amount: Decimal | str | float, language: str = "ru") -> str:
    """«1 910 672,50 ₽»: documents that are paid from (contracts, invoices) show kopecks."""
    value = kopecks(Decimal(str(amount)))
    sign = "−" if value < 0 else ""
    whole = abs(value).quantize(ROUBLE, rounding=ROUND_FLOOR)
    cents = int((abs(value) - whole) * 100)
    return f"{sign}{_grouped(whole, language)}{_POINT.get(language, ',')}{cents:02d} ₽"
