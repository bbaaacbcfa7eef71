"""Tables the Finance agent owns: one budget per event with its line items, expenses, and
the vendors' payment terms per event.

Amounts are NUMERIC(14, 2) and quantities NUMERIC(14, 3): exact on both SQLite and
PostgreSQL, never floats. Budget totals are not stored: they are recomputed from the lines,
so an edited line can never disagree with a stale total.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from eventmaestro.kit.db import Model, OrgScopedMixin

MONEY = Numeric(14, 2, asdecimal=True)


class Budget(OrgScopedMixin, Model):
    __tablename__ = "finance_budgets"
    __table_args__ = (Index("uq_finance_budgets_org_event", "org_id", "event_id", unique=True),)

    event_id: Mapped[uuid.UUID] = mapped_column(index=True)
    reference_version: Mapped[str] = mapped_column(String(40))
    currency: Mapped[str] = mapped_column(String(3))
    scenario: Mapped[str] = mapped_column(String(20))
    vat_rate: Mapped[Decimal] = mapped_column(Numeric(5, 2, asdecimal=True))
    prices_include_vat: Mapped[bool] = mapped_column(Boolean)
    contingency_rate: Mapped[Decimal] = mapped_column(Numeric(5, 2, asdecimal=True))
    analysis: Mapped[dict[str, Any]] = mapped_column(JSON)
    """How the estimate was made (drivers, fitting, scenarios, assumptions): kept as written."""


class BudgetLine(OrgScopedMixin, Model):
    __tablename__ = "finance_budget_lines"

    budget_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("finance_budgets.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(60))
    description: Mapped[str] = mapped_column(String(500))
    quantity: Mapped[Decimal] = mapped_column(Numeric(14, 3, asdecimal=True))
    unit: Mapped[str] = mapped_column(String(40))
    unit_price: Mapped[Decimal] = mapped_column(MONEY)
    optional: Mapped[bool] = mapped_column(Boolean)


class Expense(OrgScopedMixin, Model):
    __tablename__ = "finance_expenses"
    __table_args__ = (Index("ix_finance_expenses_org_event", "org_id", "event_id"),)

    event_id: Mapped[uuid.UUID] = mapped_column()
    category: Mapped[str] = mapped_column(String(60))
    amount: Mapped[Decimal] = mapped_column(MONEY)
    currency: Mapped[str] = mapped_column(String(3))
    spent_on: Mapped[dt.date] = mapped_column(Date)
    vendor: Mapped[str | None] = mapped_column(String(500))
    document_number: Mapped[str | None] = mapped_column(String(100))
    description: Mapped[str | None] = mapped_column(String(500))
    paid: Mapped[bool] = mapped_column(Boolean)
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(default=None)


class PaymentTerm(OrgScopedMixin, Model):
    """One vendor's payment terms for an event, as the organiser agreed them: what the
    payment schedule is built from. Kept in the order they were given."""

    __tablename__ = "finance_payment_terms"
    __table_args__ = (UniqueConstraint("org_id", "event_id", "position"),)

    event_id: Mapped[uuid.UUID] = mapped_column()
    position: Mapped[int] = mapped_column(Integer)
    vendor: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(60))
    amount: Mapped[Decimal] = mapped_column(MONEY)
    deposit_percent: Mapped[Decimal] = mapped_column(Numeric(5, 2, asdecimal=True))
    deposit_days_before: Mapped[int] = mapped_column(Integer)
    balance_days_before: Mapped[int] = mapped_column(Integer)
    paid: Mapped[Decimal] = mapped_column(MONEY)
    signed_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
