"""Estimates from the reference: the three scenarios and fitting to a target budget."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from eventmaestro.agents.finance.estimate import (
    DEFAULT_CONTINGENCY_RATE,
    Estimate,
    VatPolicy,
    build_estimate,
)
from eventmaestro.agents.finance.fitting import Fit, fit_to_target
from eventmaestro.agents.finance.reference import (
    SCENARIO_LEVEL,
    Drivers,
    Reference,
    Scenario,
    build_lines,
    drop_order,
)


@dataclass(frozen=True, slots=True)
class Terms:
    vat: VatPolicy
    contingency_rate: Decimal = DEFAULT_CONTINGENCY_RATE


def estimate_at(
    reference: Reference,
    drivers: Drivers,
    terms: Terms,
    level: Decimal,
    dropped: frozenset[str] = frozenset(),
) -> Estimate:
    return build_estimate(
        build_lines(reference, drivers, level, dropped),
        vat=terms.vat,
        contingency_rate=terms.contingency_rate,
    )


def scenarios(reference: Reference, drivers: Drivers, terms: Terms) -> dict[Scenario, Estimate]:
    return {
        scenario: estimate_at(reference, drivers, terms, level)
        for scenario, level in SCENARIO_LEVEL.items()
    }


def fit(reference: Reference, drivers: Drivers, terms: Terms, target: Decimal) -> Fit:
    return fit_to_target(
        lambda level, dropped: estimate_at(reference, drivers, terms, level, dropped),
        drop_order(reference, drivers),
        target,
    )
