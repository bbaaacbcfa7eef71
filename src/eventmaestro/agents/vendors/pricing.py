"""What a vendor costs for one event: the price model applied to the event's size, the
minimum order, then VAT by the one rule (`kit.vat`: the event's date and the vendor's tax
status). Pure arithmetic on Decimal, shared by search, selection, comparison and contracts so
that every screen quotes the same number."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from eventmaestro.kit.money import kopecks
from eventmaestro.kit.vat import VatStatus, vat_on_net, vat_rate, vat_within

__all__ = ["EventSize", "PriceModel", "Quote", "VatStatus", "quote", "vat_on"]


class PriceModel(StrEnum):
    PER_EVENT = "event"
    PER_HOUR = "hour"
    PER_DAY = "day"
    PER_PERSON = "person"


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


def vat_on(net: Decimal, vat_status: str, on: dt.date | None = None) -> Decimal:
    """The VAT a contract adds to an agreed price before VAT for a supply on `on`. Contracts
    and the event's chosen vendors both use it, so they agree."""
    return vat_on_net(net, vat_rate(on, vat_status))


def quote(
    price_model: str,
    unit_price: Decimal,
    min_order: Decimal,
    vat_status: str,
    size: EventSize,
    on: dt.date | None = None,
) -> Quote:
    units = {
        PriceModel.PER_EVENT: 1,
        PriceModel.PER_HOUR: size.hours * size.days,
        PriceModel.PER_DAY: size.days,
        PriceModel.PER_PERSON: size.guests,
    }[PriceModel(price_model)]
    price = kopecks(max(unit_price * units, min_order))
    status = VatStatus(vat_status)
    rate = vat_rate(on, status)
    if status is VatStatus.INCLUDED:
        vat = vat_within(price, rate)
        return Quote(net=price - vat, vat=vat, total=price)
    vat = vat_on_net(price, rate)
    return Quote(net=price, vat=vat, total=price + vat)
