"""Money: an exact Decimal amount with an ISO currency. Never a float."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field


class Currency(StrEnum):
    RUB = "RUB"
    USD = "USD"
    EUR = "EUR"


KOPECK = Decimal("0.01")


def _to_kopecks(value: Decimal) -> Decimal:
    """One representation per amount: "1500000.5" and "1500000.50" are the same money."""
    return value.quantize(KOPECK)


Amount = Annotated[
    Decimal,
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
