"""Estimates from the cost reference, and their API shape, for the endpoints and the skill alike.

Pure: no database. A stored budget goes through `service.py`; a skill calls `estimate` directly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from eventmaestro.agents.finance.arithmetic import percent
from eventmaestro.agents.finance.budgeting import Terms as CalcTerms
from eventmaestro.agents.finance.budgeting import fit, scenarios
from eventmaestro.agents.finance.estimate import Estimate, LineItem, VatPolicy
from eventmaestro.agents.finance.fitting import Fit
from eventmaestro.agents.finance.reference import (
    CityTier,
    Drivers,
    Scenario,
    load_reference,
)
from eventmaestro.agents.finance.schemas import (
    CategoryAllocation,
    EstimateDrivers,
    EstimateOut,
    FitOut,
    LineOut,
    Terms,
    Totals,
)
from eventmaestro.kit.errors import UnprocessableError
from eventmaestro.kit.money import Currency, Money
from eventmaestro.kit.vat import vat_rate

DEFAULT_DAYS = 1


def require_roubles(money: Money, what: str) -> Decimal:
    """The cost reference and every plan are in roubles; converting would need a dated rate
    we do not have, so other currencies are refused rather than silently mixed."""
    if money.currency is not Currency.RUB:
        raise UnprocessableError(f"{what} must be in RUB; {money.currency} is not supported yet")
    return money.amount


@dataclass(frozen=True, slots=True)
class EstimateRequest:
    """Everything an estimate needs, independent of where it came from (API or a skill)."""

    event_type: str
    event_format: str
    guests: int
    city: str | None
    city_tier: CityTier | None
    hours: int | None
    days: int | None
    target: Decimal | None
    scenario: Scenario
    terms: Terms
    date: dt.date | None = None
    """The event's day: it sets the VAT rate unless the terms state one."""

    @property
    def vat_percent(self) -> Decimal:
        stated = self.terms.vat_rate_percent
        return stated if stated is not None else vat_rate(self.date)


def estimate(request: EstimateRequest) -> tuple[EstimateOut, Estimate]:
    reference = load_reference()
    assumptions = [
        f"Cost reference {reference.version}: 2026 prices net of VAT; each figure states its "
        "basis in the reference file.",
        f"VAT {request.vat_percent:f} % "
        + (
            "is included in the unit prices."
            if request.terms.prices_include_vat
            else "is added on top of the unit prices."
        ),
        f"Contingency reserve {request.terms.contingency_percent} % of the subtotal.",
    ]
    tier = request.city_tier or reference.tier_of(request.city)
    if tier is None:
        tier = CityTier.MOSCOW
        assumptions.append("No city given: Moscow prices assumed (the highest tier).")
    profile = reference.profiles[reference.profile_for(request.event_type, request.event_format)]
    drivers = Drivers(
        guests=request.guests,
        hours=request.hours or profile.hours,
        days=request.days or DEFAULT_DAYS,
        tier=tier,
        event_type=request.event_type,
        event_format=request.event_format,
    )
    calc_terms = CalcTerms(
        VatPolicy(request.vat_percent, request.terms.prices_include_vat),
        request.terms.contingency_percent,
    )
    by_scenario = scenarios(reference, drivers, calc_terms)
    requested = by_scenario[request.scenario]
    fitted: Fit | None = None
    chosen, label = requested, request.scenario.value
    if request.target is not None:
        fitted = fit(reference, drivers, calc_terms, request.target)
        if requested.total > request.target:
            # A target only ever lowers the requested scenario, never upgrades it.
            chosen, label = fitted.estimate, "fitted"
    out = EstimateOut(
        reference_version=reference.version,
        scenario=label,
        drivers=EstimateDrivers(
            event_type=request.event_type,
            format=request.event_format,
            guests=drivers.guests,
            hours=drivers.hours,
            days=drivers.days,
            city_tier=tier,
        ),
        lines=[line_out(line) for line in chosen.lines],
        totals=totals_out(chosen),
        allocation=allocation_out(chosen),
        scenarios={name.value: e.total for name, e in by_scenario.items()},
        fit=fit_out(fitted, request.target) if fitted and request.target is not None else None,
        assumptions=assumptions,
    )
    return out, chosen


def line_out(line: LineItem) -> LineOut:
    return LineOut(
        category=line.category,
        description=line.description,
        quantity=line.quantity,
        unit=line.unit,
        unit_price=line.unit_price,
        amount=line.amount,
        optional=line.optional,
    )


def totals_out(e: Estimate) -> Totals:
    return Totals(
        subtotal=e.subtotal,
        contingency_percent=e.contingency_rate,
        contingency=e.contingency,
        net=e.net,
        vat_rate_percent=e.vat_rate,
        vat=e.vat,
        total=e.total,
        prices_include_vat=e.prices_include_vat,
    )


def allocation_out(e: Estimate) -> list[CategoryAllocation]:
    return [
        CategoryAllocation(
            category=c.category,
            amount=c.amount,
            with_vat=c.with_vat,
            share_percent=percent(c.with_vat, e.total),
        )
        for c in e.categories
    ]


def fit_out(fitted: Fit, target: Decimal) -> FitOut:
    if fitted.fits:
        explanation = f"Fits {target} ₽ at price level {fitted.level} (0 economy … 1 premium)"
        if fitted.dropped:
            explanation += f" after dropping optional categories: {', '.join(fitted.dropped)}"
    else:
        names = ", ".join(f"{line.category} {line.amount} ₽" for line in fitted.drivers)
        explanation = (
            f"Even the minimum ({fitted.estimate.total} ₽ at economy prices without optional "
            f"categories) exceeds the target by {fitted.shortfall} ₽; largest lines: {names}"
        )
    return FitOut(
        target=target,
        fits=fitted.fits,
        level=fitted.level,
        dropped=list(fitted.dropped),
        shortfall=fitted.shortfall,
        shortfall_drivers=[line_out(line) for line in fitted.drivers],
        explanation=explanation,
    )
