"""Any input the schema accepts gives an answer or a clear 4xx, never a crash."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from eventmaestro.agents.finance.analysis import pricing
from eventmaestro.agents.finance.schemas import PricingRequest
from eventmaestro.kit.errors import UnprocessableError

positive = st.decimals(min_value=Decimal("1e-12"), max_value=Decimal("1e15"), places=None)


@settings(max_examples=150, deadline=None)
@given(
    model=st.sampled_from(["linear", "elastic"]),
    intercept=positive,
    slope=positive,
    elasticity=st.decimals(Decimal("0.001"), Decimal(20), places=3),
    anchor_price=st.decimals(Decimal("0.01"), Decimal(10**11), places=2),
    capacity=st.integers(1, 1_000_000),
    fixed=st.decimals(Decimal(0), Decimal(10**11), places=2),
    unit=st.decimals(Decimal(0), Decimal(10**6), places=2),
    ceiling=st.none() | st.decimals(Decimal("0.01"), Decimal(10**11), places=2),
)
def test_pricing_never_crashes(
    model, intercept, slope, elasticity, anchor_price, capacity, fixed, unit, ceiling
):
    try:
        request = PricingRequest(
            model=model,
            intercept=intercept,
            slope=slope,
            elasticity=elasticity,
            anchor_price=anchor_price,
            anchor_attendance=Decimal(100),
            capacity=capacity,
            fixed_costs=fixed,
            cost_per_attendee=unit,
            max_price=ceiling,
        )
    except ValidationError:
        return
    try:
        result = pricing(request)
    except UnprocessableError:
        return
    assert result.optimum.price > 0
    if ceiling is not None:
        assert result.optimum.price <= ceiling
