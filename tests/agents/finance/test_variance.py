from decimal import Decimal

from eventmaestro.agents.finance.variance import VarianceStatus, compare

# The seed's plan-vs-actual example: plan 1,010,000 ₽, actual 1,018,000 ₽, +8,000 ₽, 0.8 %.
SEED_PLAN = {
    "venue": Decimal(300_000),
    "catering": Decimal(450_000),
    "decoration": Decimal(80_000),
    "entertainment": Decimal(100_000),
    "technical": Decimal(50_000),
    "printing": Decimal(30_000),
}
SEED_ACTUAL = {
    "venue": Decimal(300_000),
    "catering": Decimal(465_000),
    "decoration": Decimal(72_000),
    "entertainment": Decimal(100_000),
    "technical": Decimal(51_000),
    "printing": Decimal(30_000),
}


def test_seed_table():
    report = compare(SEED_PLAN, SEED_ACTUAL)
    assert report.plan == Decimal(1_010_000)
    assert report.actual == Decimal(1_018_000)
    assert report.variance == Decimal(8000)
    assert report.variance_percent == Decimal("0.8")
    assert report.status is VarianceStatus.ON_TRACK
    rows = {row.category: row for row in report.categories}
    assert rows["catering"].variance == Decimal(15_000)
    assert rows["catering"].variance_percent == Decimal("3.3")
    assert rows["catering"].status is VarianceStatus.OVER
    assert rows["decoration"].status is VarianceStatus.UNDER
    assert rows["technical"].status is VarianceStatus.ON_TRACK
    assert [row.category for row in report.overspent] == ["catering"]


def test_unplanned_spending_is_flagged():
    report = compare({"venue": Decimal(10)}, {"flowers": Decimal(5)})
    assert report.categories[1].status is VarianceStatus.UNPLANNED
    assert report.categories[0].variance == Decimal(-10)
