from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from eventmaestro.agents.finance.arithmetic import apportion
from eventmaestro.agents.finance.estimate import (
    CONTINGENCY,
    LineItem,
    VatPolicy,
    build_estimate,
)

prices = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(5_000_000), places=4)
quantities = st.decimals(min_value=Decimal(0), max_value=Decimal(5000), places=3)
rates = st.decimals(min_value=Decimal(0), max_value=Decimal(30), places=2)
lines = st.lists(
    st.builds(
        LineItem,
        category=st.sampled_from(["venue", "catering", "decoration", "staff"]),
        description=st.just("x"),
        quantity=quantities,
        unit=st.just("guest"),
        unit_price=prices,
    ),
    max_size=30,
)


@given(lines, rates, rates, st.booleans())
def test_totals_are_sums_of_rounded_lines(items, vat_rate, reserve, inclusive):
    estimate = build_estimate(items, vat=VatPolicy(vat_rate, inclusive), contingency_rate=reserve)
    assert estimate.subtotal == sum((line.amount for line in items), Decimal(0))
    assert all(line.amount == line.amount.quantize(Decimal("0.01")) for line in items)
    assert estimate.total == estimate.net + estimate.vat
    assert estimate.total == sum((c.with_vat for c in estimate.categories), Decimal(0))
    assert estimate.subtotal + estimate.contingency == sum(
        (c.amount for c in estimate.categories), Decimal(0)
    )
    for value in (estimate.total, estimate.vat, estimate.net, estimate.contingency):
        assert value == value.quantize(Decimal("0.01"))


def test_vat_added_on_top_at_22_percent():
    items = [LineItem("venue", "Hall", Decimal(1), "day", Decimal(100_000))]
    estimate = build_estimate(items, contingency_rate=Decimal(10))
    assert estimate.vat_rate == Decimal(22)
    assert estimate.contingency == Decimal("10000.00")
    assert estimate.net == Decimal("110000.00")
    assert estimate.vat == Decimal("24200.00")
    assert estimate.total == Decimal("134200.00")
    assert [c.category for c in estimate.categories] == ["venue", CONTINGENCY]


def test_vat_included_in_prices_is_shown_as_its_part():
    items = [LineItem("catering", "Banquet", Decimal(100), "guest", Decimal("6100"))]
    estimate = build_estimate(
        items, vat=VatPolicy(prices_include_vat=True), contingency_rate=Decimal(0)
    )
    assert estimate.total == Decimal("610000.00")
    assert estimate.vat == Decimal("110000.00")
    assert estimate.net == Decimal("500000.00")


def test_line_rounds_half_up_to_kopecks():
    assert LineItem("x", "x", Decimal(3), "guest", Decimal("0.125")).amount == Decimal("0.38")


@given(
    st.decimals(min_value=Decimal(0), max_value=Decimal(10**9), places=2),
    st.lists(st.decimals(min_value=Decimal(0), max_value=Decimal(10**6), places=2), max_size=12),
)
def test_apportion_sums_exactly(total, weights):
    parts = apportion(total, weights)
    assert len(parts) == len(weights)
    if weights and sum(weights) > 0:
        assert sum(parts, Decimal(0)) == total
