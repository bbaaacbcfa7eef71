from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventmaestro.agents.finance.pricing import (
    Costs,
    ElasticDemand,
    LinearDemand,
    PricingInputError,
    calibrate_elastic,
    calibrate_linear,
    exact_profit,
    optimise,
    tier_structure,
)


def _beats_rouble_grid(demand, costs, span=300):
    result = optimise(demand, costs)
    best = result.optimum.price
    top = exact_profit(demand, costs, best)
    for step in range(-span, span + 1):
        other = best + step
        if step and other > 0:
            assert top >= exact_profit(demand, costs, other), other
    return result


def test_linear_interior_optimum():
    demand = LinearDemand(intercept=Decimal(400), slope=Decimal("0.03"))
    costs = Costs(fixed=Decimal(500_000), per_attendee=Decimal(1500), capacity=500)
    result = _beats_rouble_grid(demand, costs)
    # p* = (400 / 0.03 + 1500) / 2 = 7416.666…
    assert result.optimum.price == Decimal("7416.67")
    assert not result.capacity_binds


def test_linear_capacity_binds():
    demand = LinearDemand(intercept=Decimal(400), slope=Decimal("0.03"))
    costs = Costs(fixed=Decimal(500_000), per_attendee=Decimal(1500), capacity=150)
    result = _beats_rouble_grid(demand, costs)
    assert result.capacity_binds
    assert result.optimum.attendance == Decimal("150.00")


def test_elastic_optimum_is_markup_rule():
    demand = ElasticDemand.anchored(Decimal(7000), Decimal(140), Decimal(2))
    costs = Costs(fixed=Decimal(1_010_000), per_attendee=Decimal(2000), capacity=1000)
    result = _beats_rouble_grid(demand, costs)
    assert result.optimum.price == Decimal("4000.00")  # c · e / (e − 1)


@settings(max_examples=40, deadline=None)
@given(
    intercept=st.integers(50, 5000),
    slope=st.decimals(Decimal("0.001"), Decimal("1"), places=3),
    cost=st.integers(0, 3000),
    capacity=st.integers(10, 3000),
)
def test_linear_optimum_beats_rouble_grid(intercept, slope, cost, capacity):
    demand = LinearDemand(Decimal(intercept), slope)
    if Decimal(intercept) / slope <= cost:
        return
    _beats_rouble_grid(demand, Costs(Decimal(100_000), Decimal(cost), capacity), span=40)


@settings(max_examples=40, deadline=None)
@given(
    elasticity=st.decimals(Decimal("1.2"), Decimal("4"), places=2),
    cost=st.integers(100, 5000),
    capacity=st.integers(10, 3000),
)
def test_elastic_optimum_beats_rouble_grid(elasticity, cost, capacity):
    demand = ElasticDemand.anchored(Decimal(5000), Decimal(300), elasticity)
    _beats_rouble_grid(demand, Costs(Decimal(100_000), Decimal(cost), capacity), span=40)


def test_inelastic_demand_needs_a_ceiling():
    demand = ElasticDemand(Decimal(1000), Decimal("0.8"))
    costs = Costs(Decimal(0), Decimal(0), 100)
    with pytest.raises(PricingInputError, match="ceiling"):
        optimise(demand, costs)
    result = optimise(demand, costs, max_price=Decimal(9000))
    assert result.optimum.price == Decimal(9000)
    assert result.capped


def test_sensitivity_table_runs_around_the_optimum():
    demand = LinearDemand(Decimal(400), Decimal("0.03"))
    result = optimise(demand, Costs(Decimal(0), Decimal(0), 1000))
    prices = [row.price for row in result.sensitivity]
    assert prices == sorted(prices)
    assert max(row.profit for row in result.sensitivity) == result.optimum.profit


def test_calibration_recovers_the_curve():
    linear = calibrate_linear([(Decimal(1000), Decimal(370)), (Decimal(3000), Decimal(310))])
    assert linear.slope == Decimal("0.03")
    assert linear.intercept == Decimal(400)
    elastic = calibrate_elastic(
        [
            (Decimal(1000), Decimal(1000)),
            (Decimal(2000), Decimal(250)),
            (Decimal(4000), Decimal("62.5")),
        ]
    )
    assert abs(elastic.elasticity - 2) < Decimal("1e-20")


@pytest.mark.parametrize(
    "sales",
    [
        [(Decimal(1000), Decimal(10))],
        [(Decimal(1000), Decimal(10)), (Decimal(2000), Decimal(20))],
    ],
)
def test_calibration_rejects_useless_history(sales):
    with pytest.raises(PricingInputError):
        calibrate_linear(sales)


def test_bad_inputs():
    with pytest.raises(PricingInputError, match="capacity"):
        optimise(LinearDemand(Decimal(10), Decimal(1)), Costs(Decimal(0), Decimal(0), 0))
    with pytest.raises(PricingInputError, match="per-attendee"):
        optimise(LinearDemand(Decimal(10), Decimal(1)), Costs(Decimal(0), Decimal(20), 10))


def test_tier_structure_around_the_optimum():
    demand = LinearDemand(Decimal(400), Decimal("0.03"))
    result = optimise(demand, Costs(Decimal(500_000), Decimal(1500), 500))
    early, standard, late = tier_structure(result.optimum)
    assert early.price == Decimal(5900)  # 7416.67 × 0.8 = 5933.34, down to 100 ₽
    assert standard.price == result.optimum.price
    assert late.price == Decimal(8600)  # 7416.67 × 1.15 = 8529.17, up to 100 ₽
    assert early.seats + standard.seats + late.seats == int(result.optimum.attendance)
