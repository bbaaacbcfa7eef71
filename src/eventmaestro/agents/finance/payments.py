"""Payment schedule and cash flow from each vendor's terms, relative to the event date.

Typical Russian event contracts: an advance ("предоплата") some days before the event and
the balance shortly before or after it. A deposit is rounded to the kopeck and the balance is
the exact remainder, so a vendor's payments always sum to its contract amount. Money already
paid to a vendor settles its earliest payments first; whatever is still owed past its due date
is overdue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from eventmaestro.agents.finance.arithmetic import HUNDRED, ZERO, kopecks


class Period(StrEnum):
    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True, slots=True)
class VendorTerms:
    vendor: str
    category: str
    amount: Decimal
    deposit_percent: Decimal
    deposit_days_before: int
    balance_days_before: int
    """Negative: the balance is due after the event (post-payment)."""
    paid: Decimal = ZERO
    signed_on: dt.date | None = None
    """A deposit cannot fall due before the contract exists."""


@dataclass(frozen=True, slots=True)
class Payment:
    vendor: str
    category: str
    kind: str
    due: dt.date
    amount: Decimal
    outstanding: Decimal


@dataclass(frozen=True, slots=True)
class CashFlowRow:
    period_start: dt.date
    amount: Decimal
    cumulative: Decimal


class PaymentTermsError(ValueError):
    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field
        """Which of the vendor's terms is wrong (`amount`, `deposit_percent`, …)."""


def schedule(terms: Sequence[VendorTerms], event_date: dt.date) -> list[Payment]:
    payments: list[Payment] = []
    for term in terms:
        check(term)
        deposit = kopecks(term.amount * term.deposit_percent / HUNDRED)
        deposit_due = event_date - dt.timedelta(days=term.deposit_days_before)
        if term.signed_on is not None:
            deposit_due = max(deposit_due, term.signed_on)
        balance_due = max(event_date - dt.timedelta(days=term.balance_days_before), deposit_due)
        parts = [("deposit", deposit_due, deposit), ("balance", balance_due, term.amount - deposit)]
        unsettled = term.paid
        for kind, due, amount in parts:
            if amount == 0:
                continue
            settled = min(amount, unsettled)
            unsettled -= settled
            payments.append(
                Payment(term.vendor, term.category, kind, due, amount, amount - settled)
            )
    return sorted(payments, key=lambda p: (p.due, p.vendor, p.kind))


def check(term: VendorTerms) -> None:
    if term.amount <= 0:
        raise PaymentTermsError(f"{term.vendor}: the contract amount must be positive", "amount")
    if not ZERO <= term.deposit_percent <= HUNDRED:
        raise PaymentTermsError(f"{term.vendor}: the deposit must be 0–100 %", "deposit_percent")
    if term.deposit_days_before < term.balance_days_before:
        raise PaymentTermsError(
            f"{term.vendor}: the deposit cannot fall due after the balance",
            "deposit_days_before",
        )
    if not ZERO <= term.paid <= term.amount:
        raise PaymentTermsError(
            f"{term.vendor}: paid must be between 0 and the contract amount", "paid"
        )


def overdue(payments: Sequence[Payment], today: dt.date) -> list[Payment]:
    return [p for p in payments if p.due < today and p.outstanding > 0]


def period_start(day: dt.date, period: Period) -> dt.date:
    if period is Period.WEEK:
        return day - dt.timedelta(days=day.weekday())
    return day.replace(day=1)


def next_period(start: dt.date, period: Period) -> dt.date:
    if period is Period.WEEK:
        return start + dt.timedelta(days=7)
    return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def cash_flow(payments: Sequence[Payment], period: Period) -> list[CashFlowRow]:
    """Outgoing money per ISO week (from Monday) or calendar month, with a running total.
    Quiet periods are listed with zero, so a chart's time axis has no hidden gaps."""
    sums: dict[dt.date, Decimal] = {}
    for payment in payments:
        start = period_start(payment.due, period)
        sums[start] = sums.get(start, ZERO) + payment.amount
    if not sums:
        return []
    rows, running = [], ZERO
    start, last = min(sums), max(sums)
    while start <= last:
        running += sums.get(start, ZERO)
        rows.append(CashFlowRow(start, sums.get(start, ZERO), running))
        start = next_period(start, period)
    return rows
