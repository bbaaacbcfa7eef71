from decimal import Decimal

import pytest

from eventmaestro.agents.finance.forecast import forecast


def test_eac_from_actuals_committed_and_remaining():
    result = forecast(
        plan={"venue": Decimal(300_000), "catering": Decimal(450_000), "decor": Decimal(80_000)},
        actual={"venue": Decimal(150_000), "decor": Decimal(90_000)},
        committed={"venue": Decimal(150_000), "catering": Decimal(200_000)},
    )
    rows = {row.category: row for row in result.categories}
    assert rows["catering"].remaining == Decimal(250_000)
    assert rows["decor"].remaining == Decimal(0)
    assert result.at_completion == Decimal(840_000)
    assert result.variance_at_completion == Decimal(10_000)
    assert result.low == Decimal("827500.00")
    assert result.high == Decimal("877500.00")
    assert result.low <= result.at_completion <= result.high


def test_closed_categories_overrun_widens_the_range():
    result = forecast(
        plan={"venue": Decimal(100), "catering": Decimal(100)},
        actual={"venue": Decimal(130)},
        committed={},
        closed=frozenset({"venue"}),
    )
    assert result.upside_percent == Decimal("30.00")
    assert result.high == Decimal("260.00")


def test_bad_risk_is_rejected():
    with pytest.raises(ValueError, match="risk"):
        forecast({}, {}, {}, downside_percent=Decimal(120))


def test_reserve_is_not_forecast_as_spent():
    result = forecast(
        plan={"venue": Decimal(900), "contingency": Decimal(100)},
        actual={},
        committed={"venue": Decimal(500)},
        reserve=frozenset({"contingency"}),
    )
    assert result.at_completion == Decimal(900)
    assert result.variance_at_completion == Decimal(-100)
    assert result.high == Decimal("960.00")  # 500 + 400 × 1.15, still within the plan
