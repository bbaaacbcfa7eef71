"""Money: an exact Decimal amount with an ISO currency. Never a float.

Two kinds of amounts reach `Money`. Amounts computed in code (a per-guest price, a share, VAT)
arrive as `Decimal` and are rounded to kopecks half-up here, once, so no arithmetic path can
make an invalid amount. Amounts typed by people arrive as text or JSON numbers and must already
be whole kopecks: «100.005» is refused, not silently rounded.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
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
