"""Rounding and apportioning rules shared by every finance calculation.

Money is rounded once per line to kopecks (half up, the way Russian invoices round), and
every total is the sum of already rounded parts, so a printed estimate always adds up.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

# The one rounding rule lives with the money type; finance re-exports it for its modules.
from eventmaestro.kit.money import KOPECK, kopecks

__all__ = ["HUNDRED", "KOPECK", "ZERO", "ceil_int", "kopecks", "percent"]

HUNDRED = Decimal(100)
ZERO = Decimal(0)


def percent(part: Decimal, whole: Decimal, places: str = "0.01") -> Decimal:
    """`part` as a percentage of `whole`, rounded half up; 0 when there is no whole."""
    if whole == 0:
        return ZERO.quantize(Decimal(places))
    return (part * HUNDRED / whole).quantize(Decimal(places), rounding=ROUND_HALF_UP)


def ceil_int(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_CEILING))


def apportion(total: Decimal, weights: Sequence[Decimal]) -> list[Decimal]:
    """Split `total` (kopecks) in proportion to `weights` so the parts sum to it exactly.

    Largest-remainder method: each part is floored to the kopeck and the leftover kopecks go
    to the largest remainders, so no rounding drift leaks into a category cap."""
    if not weights:
        return []
    weight_sum = sum(weights, ZERO)
    if weight_sum == 0:
        return [ZERO for _ in weights]
    units = int((total / KOPECK).to_integral_value())
    raw = [Decimal(units) * w / weight_sum for w in weights]
    floors = [int(r) for r in raw]
    leftover = units - sum(floors)
    by_remainder = sorted(range(len(raw)), key=lambda i: raw[i] - floors[i], reverse=True)
    for i in by_remainder[:leftover]:
        floors[i] += 1
    return [Decimal(f) * KOPECK for f in floors]
