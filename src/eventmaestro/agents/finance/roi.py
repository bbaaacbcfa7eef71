"""Return on investment, margin and break-even for ticketed and corporate events.

ROI % = profit / cost × 100 and margin % = profit / revenue × 100, both rounded half up to
hundredths. Break-even attendance is the smallest whole number of paying guests whose ticket
margin covers the costs the other revenue does not; break-even price is what each expected
guest would have to pay for the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from eventmaestro.agents.finance.arithmetic import ZERO, ceil_int, kopecks, percent


@dataclass(frozen=True, slots=True)
class TicketTier:
    name: str
    price: Decimal
    attendance: int


@dataclass(frozen=True, slots=True)
class RevenueStream:
    """Sponsorship, partners, merchandise or anything else not sold per ticket."""

    kind: str
    amount: Decimal


@dataclass(frozen=True, slots=True)
class RoiInput:
    fixed_costs: Decimal
    cost_per_attendee: Decimal = ZERO
    tiers: tuple[TicketTier, ...] = ()
    other_revenue: tuple[RevenueStream, ...] = ()
    capacity: int | None = None


@dataclass(frozen=True, slots=True)
class RoiResult:
    attendance: int
    ticket_revenue: Decimal
    other_revenue: Decimal
    revenue: Decimal
    costs: Decimal
    profit: Decimal
    roi_percent: Decimal
    margin_percent: Decimal
    average_price: Decimal
    break_even_attendance: int | None
    """None when a ticket does not even cover its own per-attendee cost."""
    break_even_price: Decimal | None
    revenue_by_stream: tuple[tuple[str, Decimal], ...]


class RoiInputError(ValueError):
    """Inputs that describe an impossible event (more guests than seats, negative prices)."""


def analyse(data: RoiInput) -> RoiResult:
    _check(data)
    attendance = sum(tier.attendance for tier in data.tiers)
    by_stream = [(f"tickets:{t.name}", kopecks(t.price * t.attendance)) for t in data.tiers]
    ticket_revenue = sum((amount for _, amount in by_stream), ZERO)
    other = sum((kopecks(s.amount) for s in data.other_revenue), ZERO)
    by_stream += [(s.kind, kopecks(s.amount)) for s in data.other_revenue]
    revenue = ticket_revenue + other
    costs = kopecks(data.fixed_costs) + kopecks(data.cost_per_attendee * attendance)
    profit = revenue - costs
    average_price = kopecks(ticket_revenue / attendance) if attendance else ZERO
    return RoiResult(
        attendance=attendance,
        ticket_revenue=ticket_revenue,
        other_revenue=other,
        revenue=revenue,
        costs=costs,
        profit=profit,
        roi_percent=percent(profit, costs),
        margin_percent=percent(profit, revenue),
        average_price=average_price,
        break_even_attendance=_break_even_attendance(data, average_price, other),
        break_even_price=_break_even_price(data, attendance, other),
        revenue_by_stream=tuple(by_stream),
    )


def _check(data: RoiInput) -> None:
    if data.fixed_costs < 0 or data.cost_per_attendee < 0:
        raise RoiInputError("costs must not be negative")
    for tier in data.tiers:
        if tier.price < 0 or tier.attendance < 0:
            raise RoiInputError(f"ticket tier {tier.name!r}: price and attendance must be ≥ 0")
    if any(stream.amount < 0 for stream in data.other_revenue):
        raise RoiInputError("revenue streams must not be negative")
    attendance = sum(tier.attendance for tier in data.tiers)
    if data.capacity is not None and attendance > data.capacity:
        raise RoiInputError(
            f"expected attendance {attendance} exceeds the capacity of {data.capacity} seats"
        )


def _break_even_attendance(data: RoiInput, average_price: Decimal, other: Decimal) -> int | None:
    unit_margin = average_price - data.cost_per_attendee
    uncovered = data.fixed_costs - other
    if uncovered <= 0:
        return 0
    if unit_margin <= 0:
        return None
    return ceil_int(uncovered / unit_margin)


def _break_even_price(data: RoiInput, attendance: int, other: Decimal) -> Decimal | None:
    if attendance == 0:
        return None
    needed = data.fixed_costs - other + data.cost_per_attendee * attendance
    return max(ZERO, kopecks(needed / attendance))


@dataclass(frozen=True, slots=True)
class BusinessValueInput:
    """A corporate event sells no tickets; its return is the business it brings."""

    costs: Decimal
    attendees: int
    leads: int
    conversion_percent: Decimal
    average_deal: Decimal


@dataclass(frozen=True, slots=True)
class BusinessValueResult:
    cost_per_attendee: Decimal
    expected_deals: Decimal
    business_value: Decimal
    profit: Decimal
    roi_percent: Decimal
    formula: str


def analyse_business_value(data: BusinessValueInput) -> BusinessValueResult:
    if data.costs <= 0:
        raise RoiInputError("costs must be positive")
    if data.attendees <= 0:
        raise RoiInputError("attendees must be positive")
    if data.leads < 0 or data.average_deal < 0:
        raise RoiInputError("leads and deal size must not be negative")
    if not ZERO <= data.conversion_percent <= 100:
        raise RoiInputError("conversion must be between 0 and 100 %")
    deals = data.leads * data.conversion_percent / 100
    value = kopecks(deals * data.average_deal)
    costs = kopecks(data.costs)
    profit = value - costs
    roi = percent(profit, costs)
    formula = (
        f"value = leads × conversion × deal = {data.leads} × {data.conversion_percent} % × "
        f"{kopecks(data.average_deal)} = {value}; ROI = (value − costs) / costs × 100 = "
        f"({value} − {costs}) / {costs} × 100 = {roi} %"
    )
    return BusinessValueResult(
        cost_per_attendee=kopecks(costs / data.attendees),
        expected_deals=deals,
        business_value=value,
        profit=profit,
        roi_percent=roi,
        formula=formula,
    )
