"""ROI and price optimisation in their API shape: pure functions shared by endpoints and skills."""

from __future__ import annotations

from decimal import Decimal

from eventmaestro.agents.finance.arithmetic import kopecks
from eventmaestro.agents.finance.pricing import (
    Costs,
    Demand,
    ElasticDemand,
    LinearDemand,
    PricePoint,
    PricingInputError,
    calibrate_elastic,
    calibrate_linear,
    optimise,
    tier_structure,
)
from eventmaestro.agents.finance.reference import load_reference
from eventmaestro.agents.finance.roi import (
    BusinessValueInput,
    RevenueStream,
    RoiInput,
    RoiInputError,
    TicketTier,
    analyse,
    analyse_business_value,
)
from eventmaestro.agents.finance.schemas import (
    PricePointOut,
    PricingOut,
    PricingRequest,
    RoiOut,
    RoiRequest,
    TierOut,
)
from eventmaestro.kit.errors import UnprocessableError

# Assumed price elasticity of attendance when no sales history is given: business audiences
# are paid for by employers and react less to price than festival-goers buying their own.
DEFAULT_ELASTICITY = {
    "business": Decimal("1.6"),
    "online": Decimal("1.4"),
    "corporate": Decimal("1.5"),
    "private": Decimal("1.5"),
    "mass": Decimal("2.2"),
}


def roi_analysis(data: RoiRequest, costs: Decimal, attendees: int | None) -> RoiOut:
    """Ticketed events: revenue streams vs costs. No tickets but a business value: the
    corporate formula. Pure, so a skill can call it without an event in the database."""
    try:
        if not data.tiers and data.business_value is not None:
            if attendees is None:
                raise UnprocessableError("Give `attendees`: the event has no guest count")
            value = analyse_business_value(
                BusinessValueInput(
                    costs=costs,
                    attendees=attendees,
                    leads=data.business_value.leads,
                    conversion_percent=data.business_value.conversion_percent,
                    average_deal=data.business_value.average_deal,
                )
            )
            return RoiOut(
                mode="business_value",
                costs=kopecks(costs),
                revenue=value.business_value,
                profit=value.profit,
                roi_percent=value.roi_percent,
                attendance=attendees,
                cost_per_attendee=value.cost_per_attendee,
                formula=value.formula,
            )
        if not data.tiers and not data.other_revenue:
            raise UnprocessableError(
                "Give ticket tiers or other revenue, or a business value for a corporate event"
            )
        fixed = costs
        result = analyse(
            RoiInput(
                fixed_costs=fixed,
                cost_per_attendee=data.cost_per_attendee,
                tiers=tuple(TicketTier(t.name, t.price, t.attendance) for t in data.tiers),
                other_revenue=tuple(
                    RevenueStream(s.kind.value, s.amount) for s in data.other_revenue
                ),
                capacity=data.capacity,
            )
        )
    except RoiInputError as error:
        raise UnprocessableError(str(error)) from error
    return RoiOut(
        mode="tickets",
        costs=result.costs,
        revenue=result.revenue,
        profit=result.profit,
        roi_percent=result.roi_percent,
        margin_percent=result.margin_percent,
        attendance=result.attendance,
        cost_per_attendee=kopecks(result.costs / result.attendance) if result.attendance else None,
        revenue_by_stream=dict(result.revenue_by_stream),
        break_even_attendance=result.break_even_attendance,
        break_even_price=result.break_even_price,
        formula=(
            f"profit = revenue − costs = {result.revenue} − {result.costs} = {result.profit}; "
            f"ROI = profit / costs × 100 = {result.roi_percent} %"
        ),
    )


def pricing(data: PricingRequest) -> PricingOut:
    try:
        demand = _demand(data)
        result = optimise(
            demand,
            Costs(data.fixed_costs, data.cost_per_attendee, data.capacity),
            max_price=data.max_price,
        )
    except PricingInputError as error:
        raise UnprocessableError(str(error)) from error
    except ArithmeticError as error:
        # Decimal overflow from parameters no market has (a price of 10^30 ₽, say).
        raise UnprocessableError(
            "These demand parameters give prices or attendance out of any sensible range"
        ) from error
    if isinstance(demand, LinearDemand):
        parameters = {"intercept": demand.intercept, "slope": demand.slope}
        why = "p* = (a / b + c) / 2 for q = a − b·p"
    else:
        parameters = {"scale": demand.scale, "elasticity": demand.elasticity}
        why = "p* = c · e / (e − 1) for q = A · p^(−e)"
    if result.capacity_binds:
        why = "the hall fills before the profit peak: p* is the price at which demand = capacity"
    if result.capped:
        why = "capped at the price ceiling you gave"
    return PricingOut(
        model=data.model,
        parameters={k: _significant(v) for k, v in parameters.items()},
        optimum=_point(result.optimum),
        exact_price=_significant(result.exact_price),
        capacity_binds=result.capacity_binds,
        capped=result.capped,
        sensitivity=[_point(p) for p in result.sensitivity],
        tiers=[
            TierOut(name=t.name, price=t.price, seats=t.seats)
            for t in tier_structure(result.optimum)
        ],
        explanation=why,
    )


def _significant(value: Decimal) -> Decimal:
    """Model parameters to 12 significant digits: a fitted scale can be 10^200 or 10^-9."""
    return Decimal(f"{value:.12g}")


def _point(point: PricePoint) -> PricePointOut:
    return PricePointOut(
        price=point.price, attendance=point.attendance, revenue=point.revenue, profit=point.profit
    )


def _demand(data: PricingRequest) -> Demand:
    sales = [(s.price, s.sold) for s in data.sales]
    if data.model == "linear":
        if sales:
            return calibrate_linear(sales)
        if data.intercept is None or data.slope is None:
            raise PricingInputError("linear demand needs `intercept` and `slope`, or `sales`")
        return LinearDemand(data.intercept, data.slope)
    if sales:
        return calibrate_elastic(sales)
    elasticity = data.elasticity
    if elasticity is None:
        reference = load_reference()
        elasticity = DEFAULT_ELASTICITY[reference.profile_for(data.event_type or "other")]
    if data.anchor_price is not None and data.anchor_attendance is not None:
        return ElasticDemand.anchored(data.anchor_price, data.anchor_attendance, elasticity)
    if data.intercept is not None:
        return ElasticDemand(data.intercept, elasticity)
    raise PricingInputError(
        "elastic demand needs `anchor_price` and `anchor_attendance` (a known point), or `sales`"
    )
