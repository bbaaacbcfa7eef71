"""Plan vs actual: per category plan, actual, variance and a status a person can act on."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from eventmaestro.agents.finance.arithmetic import ZERO, percent

# Within ±2 % of plan is noise in event budgets (tips, rounding, a spare box of water); past
# it the organiser should look.
ON_TRACK_TOLERANCE_PERCENT = Decimal(2)


class VarianceStatus(StrEnum):
    UNDER = "under"
    ON_TRACK = "on_track"
    OVER = "over"
    UNPLANNED = "unplanned"


@dataclass(frozen=True, slots=True)
class CategoryVariance:
    category: str
    plan: Decimal
    actual: Decimal
    variance: Decimal
    variance_percent: Decimal
    status: VarianceStatus


@dataclass(frozen=True, slots=True)
class VarianceReport:
    categories: tuple[CategoryVariance, ...]
    plan: Decimal
    actual: Decimal
    variance: Decimal
    variance_percent: Decimal
    status: VarianceStatus

    @property
    def overspent(self) -> tuple[CategoryVariance, ...]:
        return tuple(
            c
            for c in self.categories
            if c.status in (VarianceStatus.OVER, VarianceStatus.UNPLANNED)
        )


def _status(plan: Decimal, actual: Decimal, tolerance: Decimal) -> VarianceStatus:
    if plan == 0:
        return VarianceStatus.UNPLANNED if actual > 0 else VarianceStatus.ON_TRACK
    share = (actual - plan) * 100 / plan
    if share > tolerance:
        return VarianceStatus.OVER
    if share < -tolerance:
        return VarianceStatus.UNDER
    return VarianceStatus.ON_TRACK


def compare(
    plan: Mapping[str, Decimal],
    actual: Mapping[str, Decimal],
    *,
    tolerance_percent: Decimal = ON_TRACK_TOLERANCE_PERCENT,
) -> VarianceReport:
    """Categories in plan order, then any category spent without a plan."""
    names = list(plan) + [name for name in actual if name not in plan]
    rows = []
    for name in names:
        p, a = plan.get(name, ZERO), actual.get(name, ZERO)
        rows.append(
            CategoryVariance(
                category=name,
                plan=p,
                actual=a,
                variance=a - p,
                variance_percent=percent(a - p, p, "0.1"),
                status=_status(p, a, tolerance_percent),
            )
        )
    total_plan = sum(plan.values(), ZERO)
    total_actual = sum(actual.values(), ZERO)
    return VarianceReport(
        categories=tuple(rows),
        plan=total_plan,
        actual=total_actual,
        variance=total_actual - total_plan,
        variance_percent=percent(total_actual - total_plan, total_plan, "0.1"),
        status=_status(total_plan, total_actual, tolerance_percent),
    )
