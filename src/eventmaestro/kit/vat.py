"""Russian VAT (НДС): the one rule every estimate, vendor price, contract, payment and export
uses, so no two screens can show different rates for the same event.

The rate follows the date of the supply (the event's day): 22 % from 1 January 2026
(Federal Law 425-FZ raised the general rate), 20 % before. A vendor on the simplified tax
system (УСН) charges no VAT at all, shown as «без НДС».
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum

from eventmaestro.kit.clock import utcnow
from eventmaestro.kit.money import kopecks

HUNDRED = Decimal(100)
RATE_FROM_2026 = Decimal("22.00")
RATE_BEFORE_2026 = Decimal("20.00")
RATE_CHANGED_ON = dt.date(2026, 1, 1)
NO_VAT = Decimal("0.00")


class VatStatus(StrEnum):
    """How a vendor's catalogue price relates to VAT."""

    INCLUDED = "included"  # the price already contains VAT
    EXTRA = "extra"  # VAT is added on top of the price
    EXEMPT = "exempt"  # simplified tax system (УСН): no VAT at all


def vat_rate(on: dt.date | None = None, status: str = VatStatus.EXTRA) -> Decimal:
    """The VAT rate in percent for a supply on `on` (default: today) by a vendor of `status`."""
    if VatStatus(status) is VatStatus.EXEMPT:
        return NO_VAT
    day = on if on is not None else utcnow().date()
    return RATE_FROM_2026 if day >= RATE_CHANGED_ON else RATE_BEFORE_2026


def vat_on_net(net: Decimal, rate: Decimal) -> Decimal:
    """VAT added on top of a price before VAT, to the kopeck."""
    return kopecks(net * rate / HUNDRED)


def vat_within(gross: Decimal, rate: Decimal) -> Decimal:
    """The VAT contained in a VAT-inclusive price («в т. ч. НДС»), to the kopeck."""
    return kopecks(gross * rate / (HUNDRED + rate))


def vat_label(rate: Decimal, language: str = "ru") -> str:
    """«НДС 22 %» or «без НДС»: how every document and screen names the rate."""
    if rate == 0:
        return "без НДС" if language == "ru" else "no VAT"
    shown = f"{rate.normalize():f}"
    return f"НДС {shown} %" if language == "ru" else f"VAT {shown} %"
