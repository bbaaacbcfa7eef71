"""Estimate arithmetic: line items, contingency reserve and VAT, shown separately.

VAT: the rate comes from the one rule (`kit.vat`: 22 % for dates from 1 January 2026, 20 %
before); a budget may state another because simplified-tax vendors charge 5 %, 7 % or none.
Whether unit prices already include VAT is an explicit flag, never guessed: with
`prices_include_vat` the VAT is the part "в том числе НДС" of the gross total; without it the
VAT is added on top of the net total.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from eventmaestro.agents.finance.arithmetic import HUNDRED, ZERO, apportion, kopecks
from eventmaestro.kit.vat import vat_on_net, vat_rate, vat_within

DEFAULT_CONTINGENCY_RATE = Decimal(10)


@dataclass(frozen=True, slots=True)
class LineItem:
    category: str
    description: str
    quantity: Decimal
    unit: str
    unit_price: Decimal
    optional: bool = False

    @property
    def amount(self) -> Decimal:
        """Rounded once, here; every total is a sum of these."""
        return kopecks(self.quantity * self.unit_price)


@dataclass(frozen=True, slots=True)
class VatPolicy:
    rate: Decimal = field(default_factory=vat_rate)
    prices_include_vat: bool = False


@dataclass(frozen=True, slots=True)
class CategoryTotal:
    category: str
    amount: Decimal
    """Sum of the category's lines, on the same VAT basis as the unit prices."""
    with_vat: Decimal
    """What the category costs with its VAT share; these caps sum to the total."""


@dataclass(frozen=True, slots=True)
class Estimate:
    lines: tuple[LineItem, ...]
    subtotal: Decimal
    contingency_rate: Decimal
    contingency: Decimal
    net: Decimal
    vat_rate: Decimal
    vat: Decimal
    total: Decimal
    prices_include_vat: bool
    categories: tuple[CategoryTotal, ...]


def build_estimate(
    lines: Sequence[LineItem],
    *,
    vat: VatPolicy | None = None,
    contingency_rate: Decimal = DEFAULT_CONTINGENCY_RATE,
) -> Estimate:
    """Sum the rounded lines, add the contingency reserve, then show VAT explicitly.

    Identities that hold to the kopeck: subtotal = Σ line amounts; total = net + vat;
    Σ category caps with VAT (the contingency reserve is one of the categories) = total."""
    if contingency_rate < 0:
        raise ValueError("contingency rate must not be negative")
    policy = vat or VatPolicy()
    if policy.rate < 0:
        raise ValueError("VAT rate must not be negative")
    subtotal = sum((line.amount for line in lines), ZERO)
    contingency = kopecks(subtotal * contingency_rate / HUNDRED)
    if policy.prices_include_vat:
        total = subtotal + contingency
        vat_amount = vat_within(total, policy.rate)
        net = total - vat_amount
    else:
        net = subtotal + contingency
        vat_amount = vat_on_net(net, policy.rate)
        total = net + vat_amount
    categories = _category_totals(lines, contingency, total, subtotal)
    return Estimate(
        lines=tuple(lines),
        subtotal=subtotal,
        contingency_rate=contingency_rate,
        contingency=contingency,
        net=net,
        vat_rate=policy.rate,
        vat=vat_amount,
        total=total,
        prices_include_vat=policy.prices_include_vat,
        categories=categories,
    )


CONTINGENCY = "contingency"


def _category_totals(
    lines: Sequence[LineItem], contingency: Decimal, total: Decimal, subtotal: Decimal
) -> tuple[CategoryTotal, ...]:
    """Per-category amounts plus the contingency reserve as its own category; the VAT-inclusive
    caps are apportioned from the total so they add up exactly (a vendor search uses them)."""
    sums: dict[str, Decimal] = {}
    for line in lines:
        sums[line.category] = sums.get(line.category, ZERO) + line.amount
    if contingency:
        sums[CONTINGENCY] = sums.get(CONTINGENCY, ZERO) + contingency
    names = list(sums)
    basis = [sums[name] for name in names]
    if subtotal + contingency == 0:
        caps = [ZERO for _ in names]
    else:
        caps = apportion(total, basis)
    return tuple(
        CategoryTotal(category=name, amount=sums[name], with_vat=cap)
        for name, cap in zip(names, caps, strict=True)
    )
