import datetime as dt
from decimal import Decimal
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventmaestro.agents.finance.payments import (
    PaymentTermsError,
    Period,
    VendorTerms,
    cash_flow,
    overdue,
    schedule,
)

EVENT = dt.date(2026, 12, 20)


def test_deposits_and_balances_fall_due_relative_to_the_event():
    terms = [
        VendorTerms("Корстон", "venue", Decimal(300_000), Decimal(50), 60, 7),
        VendorTerms("Вкусно", "catering", Decimal(450_000), Decimal(30), 30, -5, Decimal(135_000)),
    ]
    payments = schedule(terms, EVENT)
    assert [(p.vendor, p.kind, p.due, p.amount) for p in payments] == [
        ("Корстон", "deposit", dt.date(2026, 10, 21), Decimal("150000.00")),
        ("Вкусно", "deposit", dt.date(2026, 11, 20), Decimal("135000.00")),
        ("Корстон", "balance", dt.date(2026, 12, 13), Decimal("150000.00")),
        ("Вкусно", "balance", dt.date(2026, 12, 25), Decimal("315000.00")),
    ]
    late = overdue(payments, dt.date(2026, 12, 1))
    assert [(p.vendor, p.kind) for p in late] == [("Корстон", "deposit")]
    monthly = cash_flow(payments, Period.MONTH)
    assert [(r.period_start, r.amount) for r in monthly] == [
        (dt.date(2026, 10, 1), Decimal("150000.00")),
        (dt.date(2026, 11, 1), Decimal("135000.00")),
        (dt.date(2026, 12, 1), Decimal("465000.00")),
    ]
    assert monthly[-1].cumulative == Decimal(750_000)
    weekly = cash_flow(payments, Period.WEEK)
    assert all(r.period_start.weekday() == 0 for r in weekly)
    assert all((b.period_start - a.period_start).days == 7 for a, b in pairwise(weekly))
    assert sum(r.amount for r in weekly) == weekly[-1].cumulative == Decimal(750_000)
    assert cash_flow([], Period.MONTH) == []


def test_deposit_waits_for_the_signature():
    (deposit, _) = schedule(
        [
            VendorTerms(
                "x", "venue", Decimal(100), Decimal(50), 90, 0, signed_on=dt.date(2026, 12, 1)
            )
        ],
        EVENT,
    )
    assert deposit.due == dt.date(2026, 12, 1)


@given(
    amount=st.decimals(Decimal("0.01"), Decimal(10**8), places=2),
    percent=st.decimals(Decimal(0), Decimal(100), places=2),
)
def test_payments_sum_to_the_contract(amount, percent):
    payments = schedule([VendorTerms("v", "c", amount, percent, 30, 0)], EVENT)
    assert sum(p.amount for p in payments) == amount


def test_bad_terms():
    with pytest.raises(PaymentTermsError, match="after the balance"):
        schedule([VendorTerms("v", "c", Decimal(1), Decimal(10), 1, 5)], EVENT)
