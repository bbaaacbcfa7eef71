"""Fit an estimate under a target budget without ever exceeding it.

Order of sacrifice, stated to the user: first lower the price level (premium → economy,
continuously, so the budget is used as fully as the reference allows); only when economy
prices still do not fit, drop optional categories in the reference's drop order, then raise
the price level again as far as the freed money allows. When even economy prices without
any optional line exceed the target, nothing is dropped silently: the answer says by how much
the minimum exceeds the target and which required lines drive it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from eventmaestro.agents.finance.estimate import Estimate, LineItem

Builder = Callable[[Decimal, frozenset[str]], Estimate]

LEVEL_STEP = Decimal("0.0001")
_BISECTIONS = 14  # 2^-14 < 0.0001: the level is found to the step


@dataclass(frozen=True, slots=True)
class Fit:
    estimate: Estimate
    level: Decimal
    dropped: tuple[str, ...]
    fits: bool
    shortfall: Decimal
    """How much the cheapest possible estimate exceeds the target (0 when it fits)."""
    drivers: tuple[LineItem, ...]
    """The largest required lines of the cheapest estimate, when it does not fit."""


def fit_to_target(build: Builder, drop_order: Sequence[str], target: Decimal) -> Fit:
    if target <= 0:
        raise ValueError("the target budget must be positive")
    top = build(Decimal(1), frozenset())
    if top.total <= target:
        return Fit(top, Decimal(1), (), True, Decimal(0), ())
    dropped: list[str] = []
    while True:
        floor = build(Decimal(0), frozenset(dropped))
        if floor.total <= target:
            return _raise_level(build, frozenset(dropped), target, floor)
        if len(dropped) == len(drop_order):
            break
        dropped.append(drop_order[len(dropped)])
    largest = sorted(
        (line for line in floor.lines if not line.optional), key=lambda line: -line.amount
    )
    return Fit(floor, Decimal(0), tuple(dropped), False, floor.total - target, tuple(largest[:3]))


def _raise_level(build: Builder, dropped: frozenset[str], target: Decimal, floor: Estimate) -> Fit:
    """Highest level (to LEVEL_STEP) whose total stays within the target; totals never fall
    as the level rises, so bisection is exact."""
    low, high, best = Decimal(0), Decimal(1), floor
    for _ in range(_BISECTIONS):
        mid = ((low + high) / 2).quantize(LEVEL_STEP)
        candidate = build(mid, dropped)
        if candidate.total <= target:
            low, best = mid, candidate
        else:
            high = mid
    return Fit(best, low, tuple(dropped), True, Decimal(0), ())
