"""Estimate at completion (EAC) per category from what is spent, committed and still planned.

EAC = actual + committed + remaining, where remaining is the plan not yet spent or committed
(never negative: an overspent category has nothing left to spend, not a refund). The risk
range widens only the remaining part, because money paid or contracted is known: the low end
assumes the remaining plan comes in `downside` % cheaper, the high end that it overruns by the
larger of `upside` % and the overrun already seen on categories that are closed.

A reserve category (the estimate's contingency) is not forecast to be spent: it exists to
absorb exactly the risk the range shows, so the range can be read against it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from eventmaestro.agents.finance.arithmetic import HUNDRED, ZERO, kopecks, percent

DEFAULT_UPSIDE_PERCENT = Decimal(15)
DEFAULT_DOWNSIDE_PERCENT = Decimal(5)


@dataclass(frozen=True, slots=True)
class CategoryForecast:
    category: str
    plan: Decimal
    actual: Decimal
    committed: Decimal
    remaining: Decimal
    at_completion: Decimal


@dataclass(frozen=True, slots=True)
class Forecast:
    categories: tuple[CategoryForecast, ...]
    plan: Decimal
    actual: Decimal
    committed: Decimal
    remaining: Decimal
    at_completion: Decimal
    low: Decimal
    high: Decimal
    upside_percent: Decimal
    downside_percent: Decimal
    variance_at_completion: Decimal
    variance_percent: Decimal


def forecast(
    plan: Mapping[str, Decimal],
    actual: Mapping[str, Decimal],
    committed: Mapping[str, Decimal],
    *,
    closed: frozenset[str] = frozenset(),
    reserve: frozenset[str] = frozenset(),
    upside_percent: Decimal = DEFAULT_UPSIDE_PERCENT,
    downside_percent: Decimal = DEFAULT_DOWNSIDE_PERCENT,
) -> Forecast:
    if upside_percent < 0 or not ZERO <= downside_percent <= HUNDRED:
        raise ValueError("risk percentages must be 0..100 (upside ≥ 0)")
    names = list(dict.fromkeys([*plan, *actual, *committed]))
    rows = []
    for name in names:
        p, a, c = plan.get(name, ZERO), actual.get(name, ZERO), committed.get(name, ZERO)
        remaining = ZERO if name in closed | reserve else max(ZERO, p - a - c)
        rows.append(CategoryForecast(name, p, a, c, remaining, a + c + remaining))
    upside = max(upside_percent, _observed_overrun(rows, closed))
    total_plan = sum((r.plan for r in rows), ZERO)
    known = sum((r.actual + r.committed for r in rows), ZERO)
    remaining = sum((r.remaining for r in rows), ZERO)
    eac = known + remaining
    return Forecast(
        categories=tuple(rows),
        plan=total_plan,
        actual=sum((r.actual for r in rows), ZERO),
        committed=sum((r.committed for r in rows), ZERO),
        remaining=remaining,
        at_completion=eac,
        low=known + kopecks(remaining * (HUNDRED - downside_percent) / HUNDRED),
        high=known + kopecks(remaining * (HUNDRED + upside) / HUNDRED),
        upside_percent=upside,
        downside_percent=downside_percent,
        variance_at_completion=eac - total_plan,
        variance_percent=percent(eac - total_plan, total_plan, "0.1"),
    )


def _observed_overrun(rows: list[CategoryForecast], closed: frozenset[str]) -> Decimal:
    """Overrun % on closed categories: if finished work ran 12 % over, assume the rest may."""
    done = [r for r in rows if r.category in closed and r.plan > 0]
    plan = sum((r.plan for r in done), ZERO)
    spent = sum((r.actual + r.committed for r in done), ZERO)
    if plan == 0 or spent <= plan:
        return ZERO
    return percent(spent - plan, plan)
