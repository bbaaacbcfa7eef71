from decimal import Decimal

import pytest

from eventmaestro.agents.finance.roi import (
    BusinessValueInput,
    RevenueStream,
    RoiInput,
    RoiInputError,
    TicketTier,
    analyse,
    analyse_business_value,
)


def test_seed_example_exactly():
    """Cost 1,010,000 ₽, price 7,000 ₽, 140 attend → revenue 980,000, profit −30,000, −2.97 %."""
    result = analyse(
        RoiInput(
            fixed_costs=Decimal(1_010_000), tiers=(TicketTier("standard", Decimal(7000), 140),)
        )
    )
    assert result.revenue == Decimal("980000.00")
    assert result.costs == Decimal("1010000.00")
    assert result.profit == Decimal("-30000.00")
    assert result.roi_percent == Decimal("-2.97")
    assert result.margin_percent == Decimal("-3.06")
    assert result.break_even_attendance == 145
    assert result.break_even_price == Decimal("7214.29")


def test_seed_pricing_claim_is_wrong():
    """The seed claimed +200,000 ₽ at 8,500 ₽ × 120 guests; the arithmetic gives +10,000 ₽."""
    result = analyse(
        RoiInput(
            fixed_costs=Decimal(1_010_000), tiers=(TicketTier("standard", Decimal(8500), 120),)
        )
    )
    assert result.profit == Decimal("10000.00")


def test_streams_and_variable_costs():
    result = analyse(
        RoiInput(
            fixed_costs=Decimal(500_000),
            cost_per_attendee=Decimal(1500),
            tiers=(TicketTier("early", Decimal(3000), 100), TicketTier("std", Decimal(5000), 100)),
            other_revenue=(RevenueStream("sponsorship", Decimal(200_000)),),
            capacity=250,
        )
    )
    assert result.revenue == Decimal("1000000.00")
    assert result.costs == Decimal("800000.00")
    assert result.profit == Decimal("200000.00")
    assert result.roi_percent == Decimal("25.00")
    # (500,000 − 200,000) / (4,000 − 1,500) = 120 guests at the average price
    assert result.break_even_attendance == 120
    assert result.break_even_price == Decimal("3000.00")


def test_attendance_above_capacity_is_rejected():
    with pytest.raises(RoiInputError, match="capacity"):
        analyse(
            RoiInput(
                fixed_costs=Decimal(1), tiers=(TicketTier("a", Decimal(1), 300),), capacity=200
            )
        )


def test_corporate_business_value_with_formula():
    result = analyse_business_value(
        BusinessValueInput(
            costs=Decimal(1_500_000),
            attendees=150,
            leads=60,
            conversion_percent=Decimal(10),
            average_deal=Decimal(400_000),
        )
    )
    assert result.cost_per_attendee == Decimal("10000.00")
    assert result.business_value == Decimal("2400000.00")
    assert result.roi_percent == Decimal("60.00")
    assert "60 × 10 % × 400000.00" in result.formula
