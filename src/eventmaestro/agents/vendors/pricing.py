"""What a vendor costs for one event: the price model applied to the event's size, the
minimum order, then VAT. Pure arithmetic on Decimal, shared by search, selection, comparison
and contracts so that every screen quotes the same number."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

VAT_RATE = Decimal("0.20")
KOPECK = Decimal("0.01")


class PriceModel(StrEnum):
    PER_EVENT = "event"
    PER_HOUR = "hour"
    PER_DAY = "day"
    PER_PERSON = "person"


class VatStatus(StrEnum):
    INCLUDED = "included"  # the price already contains 20 % VAT
    EXTRA = "extra"  # 20 % VAT is added on top of the price
    EXEMPT = "exempt"  # simplified tax system (УСН): no VAT at all


@dataclass(frozen=True, slots=True)
class EventSize:
    guests: int
    hours: int = 5
    days: int = 1


@dataclass(frozen=True, slots=True)
class Quote:
    net: Decimal
    vat: Decimal
    total: Decimal


def _kopecks(value: Decimal) -> Decimal:
    return value.quantize(KOPECK, rounding=ROUND_HALF_UP)


def vat_on(net: Decimal, vat_status: str) -> Decimal:
    """The VAT a contract adds to an agreed price before VAT: 20 % unless the vendor is
    VAT-exempt. Contracts and the event's chosen vendors both use it, so they agree."""
    if VatStatus(vat_status) is VatStatus.EXEMPT:
        return Decimal("0.00")
    return _kopecks(net * VAT_RATE)


def quote(
    price_model: str, unit_price: Decimal, min_order: Decimal, vat_status: str, size: EventSize
) -> Quote:
    units = {
        PriceModel.PER_EVENT: 1,
        PriceModel.PER_HOUR: size.hours * size.days,
        PriceModel.PER_DAY: size.days,
        PriceModel.PER_PERSON: size.guests,
    }[PriceModel(price_model)]
    price = max(unit_price * units, min_order)
    status = VatStatus(vat_status)
    if status is VatStatus.EXTRA:
        net = _kopecks(price)
        vat = _kopecks(net * VAT_RATE)
    elif status is VatStatus.INCLUDED:
        total = _kopecks(price)
        vat = _kopecks(total * VAT_RATE / (1 + VAT_RATE))
        net = total - vat
    else:
        net, vat = _kopecks(price), Decimal("0.00")
    return Quote(net=net, vat=vat, total=net + vat)
