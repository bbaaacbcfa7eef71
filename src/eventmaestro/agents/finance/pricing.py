"""Profit-maximising ticket price under a demand model, solved in closed form.

Profit(p) = (p − c) · min(q(p), K) − F for per-attendee cost c, capacity K, fixed costs F.
Below the price p_K at which demand fills the hall, attendance is K and profit grows with p;
above it profit is (p − c)·q(p), which for both models here has one peak p_u. So the optimum
is max(p_u, p_K), clamped to a price ceiling when one is given — exact, no grid scan. The
exact optimum is then rounded to the better neighbouring kopeck.

Models: linear q(p) = a − b·p; constant elasticity q(p) = A · p^(−e). With e ≤ 1 revenue
never falls as price rises, so there is no finite optimum without a ceiling.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from eventmaestro.agents.finance.arithmetic import KOPECK, ZERO, kopecks

ONE = Decimal(1)
# The sensitivity table shows the optimum and prices 40 % either side, in 10 % steps.
SENSITIVITY_STEPS = tuple(Decimal(step) / 10 for step in range(6, 15))


class PricingInputError(ValueError):
    """The model or its parameters cannot describe a market with a best price."""


@dataclass(frozen=True, slots=True)
class LinearDemand:
    intercept: Decimal
    slope: Decimal
    """Guests lost per rouble of price (positive)."""

    def quantity(self, price: Decimal) -> Decimal:
        return max(ZERO, self.intercept - self.slope * price)

    def peak(self, unit_cost: Decimal) -> Decimal:
        return (self.intercept / self.slope + unit_cost) / 2

    def price_for(self, quantity: Decimal) -> Decimal:
        return (self.intercept - quantity) / self.slope


@dataclass(frozen=True, slots=True)
class ElasticDemand:
    scale: Decimal
    elasticity: Decimal
    """Positive: a 1 % price rise loses `elasticity` % of guests."""

    def quantity(self, price: Decimal) -> Decimal:
        if price <= 0:
            raise PricingInputError("constant-elasticity demand needs a positive price")
        return self.scale * price ** (-self.elasticity)

    def peak(self, unit_cost: Decimal) -> Decimal:
        return unit_cost * self.elasticity / (self.elasticity - ONE)

    def price_for(self, quantity: Decimal) -> Decimal:
        return (self.scale / quantity) ** (ONE / self.elasticity)

    @classmethod
    def anchored(cls, price: Decimal, attendance: Decimal, elasticity: Decimal) -> ElasticDemand:
        """The curve through a known point (e.g. last year's price and turnout)."""
        return cls(scale=attendance * price**elasticity, elasticity=elasticity)


Demand = LinearDemand | ElasticDemand


@dataclass(frozen=True, slots=True)
class Costs:
    fixed: Decimal
    per_attendee: Decimal
    capacity: int


@dataclass(frozen=True, slots=True)
class PricePoint:
    price: Decimal
    attendance: Decimal
    revenue: Decimal
    profit: Decimal


@dataclass(frozen=True, slots=True)
class PricingResult:
    optimum: PricePoint
    exact_price: Decimal
    capacity_binds: bool
    capped: bool
    sensitivity: tuple[PricePoint, ...]


def validate(demand: Demand, costs: Costs) -> None:
    if costs.capacity <= 0:
        raise PricingInputError("capacity must be at least one seat")
    if costs.fixed < 0 or costs.per_attendee < 0:
        raise PricingInputError("costs must not be negative")
    if isinstance(demand, LinearDemand):
        if demand.slope <= 0:
            raise PricingInputError("linear demand must fall as price rises (slope > 0)")
        if demand.intercept <= 0:
            raise PricingInputError("linear demand needs a positive intercept")
    elif demand.scale <= 0 or demand.elasticity <= 0:
        raise PricingInputError("elastic demand needs a positive scale and elasticity")


def attendance(demand: Demand, costs: Costs, price: Decimal) -> Decimal:
    return min(demand.quantity(price), Decimal(costs.capacity))


def evaluate(demand: Demand, costs: Costs, price: Decimal) -> PricePoint:
    guests = attendance(demand, costs, price)
    return PricePoint(
        price=price,
        attendance=guests.quantize(KOPECK),
        revenue=kopecks(price * guests),
        profit=kopecks((price - costs.per_attendee) * guests - costs.fixed),
    )


def exact_profit(demand: Demand, costs: Costs, price: Decimal) -> Decimal:
    return (price - costs.per_attendee) * attendance(demand, costs, price) - costs.fixed


def optimise(
    demand: Demand,
    costs: Costs,
    *,
    max_price: Decimal | None = None,
    sensitivity_steps: Sequence[Decimal] = SENSITIVITY_STEPS,
) -> PricingResult:
    validate(demand, costs)
    if max_price is not None and max_price <= 0:
        raise PricingInputError("the price ceiling must be positive")
    if isinstance(demand, LinearDemand) and demand.intercept / demand.slope <= costs.per_attendee:
        raise PricingInputError(
            "no price both attracts guests and covers the per-attendee cost under this demand"
        )
    fill_price = demand.price_for(Decimal(costs.capacity))
    if isinstance(demand, ElasticDemand) and demand.elasticity <= ONE:
        if max_price is None:
            raise PricingInputError(
                "with elasticity ≤ 1 a higher price always earns more; give a price ceiling"
            )
        peak = max_price
    else:
        peak = demand.peak(costs.per_attendee)
    exact = max(peak, fill_price)
    capped = max_price is not None and exact >= max_price
    if max_price is not None:
        exact = min(exact, max_price)
    best = _best_kopeck(demand, costs, exact, max_price)
    optimum = evaluate(demand, costs, best)
    table = tuple(evaluate(demand, costs, kopecks(best * step)) for step in sensitivity_steps)
    return PricingResult(
        optimum=optimum,
        exact_price=exact,
        capacity_binds=fill_price >= peak and not capped,
        capped=capped,
        sensitivity=table,
    )


def _best_kopeck(
    demand: Demand, costs: Costs, exact: Decimal, max_price: Decimal | None
) -> Decimal:
    candidates = {
        exact.quantize(KOPECK, rounding=ROUND_FLOOR),
        exact.quantize(KOPECK, rounding=ROUND_CEILING),
    }
    allowed = [p for p in candidates if p > 0 and (max_price is None or p <= max_price)] or [KOPECK]
    return max(allowed, key=lambda p: (exact_profit(demand, costs, p), -p))


def calibrate_linear(sales: Sequence[tuple[Decimal, Decimal]]) -> LinearDemand:
    """Least-squares line through (price, tickets sold) pairs from past events."""
    slope, intercept = _least_squares(sales)
    if slope >= 0:
        raise PricingInputError("past sales do not show demand falling as price rises")
    return LinearDemand(intercept=intercept, slope=-slope)


def calibrate_elastic(sales: Sequence[tuple[Decimal, Decimal]]) -> ElasticDemand:
    """Least squares on ln q = ln A − e · ln p."""
    if any(p <= 0 or q <= 0 for p, q in sales):
        raise PricingInputError("elastic calibration needs positive prices and sales")
    slope, intercept = _least_squares([(p.ln(), q.ln()) for p, q in sales])
    if slope >= 0:
        raise PricingInputError("past sales do not show demand falling as price rises")
    return ElasticDemand(scale=intercept.exp(), elasticity=-slope)


def _least_squares(points: Sequence[tuple[Decimal, Decimal]]) -> tuple[Decimal, Decimal]:
    if len({x for x, _ in points}) < 2:
        raise PricingInputError("calibration needs sales at two or more different prices")
    n = Decimal(len(points))
    mean_x = sum((x for x, _ in points), ZERO) / n
    mean_y = sum((y for _, y in points), ZERO) / n
    sxy = sum(((x - mean_x) * (y - mean_y) for x, y in points), ZERO)
    sxx = sum(((x - mean_x) ** 2 for x, _ in points), ZERO)
    slope = sxy / sxx
    return slope, mean_y - slope * mean_x


@dataclass(frozen=True, slots=True)
class Tier:
    name: str
    price: Decimal
    seats: int


# Convention, not a model output: an early-bird tier 20 % below the optimum for the first
# fifth of the expected audience (it buys early sales and cash for deposits) and a late tier
# 15 % above it for the last tenth, prices rounded to 100 ₽ as tickets are sold.
EARLY_DISCOUNT, EARLY_SHARE = Decimal("0.8"), Decimal("0.2")
LATE_MARKUP, LATE_SHARE = Decimal("1.15"), Decimal("0.1")
HUNDRED_ROUBLES = Decimal(100)


def tier_structure(optimum: PricePoint) -> tuple[Tier, ...]:
    seats = int(optimum.attendance)
    early = int(seats * EARLY_SHARE)
    late = int(seats * LATE_SHARE)
    return (
        Tier("early_bird", _to_hundreds(optimum.price * EARLY_DISCOUNT, ROUND_FLOOR), early),
        Tier("standard", optimum.price, seats - early - late),
        Tier("late", _to_hundreds(optimum.price * LATE_MARKUP, ROUND_CEILING), late),
    )


def _to_hundreds(price: Decimal, rounding: str) -> Decimal:
    return (price / HUNDRED_ROUBLES).quantize(Decimal(1), rounding=rounding) * HUNDRED_ROUBLES
