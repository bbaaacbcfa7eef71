"""Every Finance query, always scoped by organisation."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from decimal import Decimal
from typing import NamedTuple

from sqlalchemy import case, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from eventmaestro.agents.finance.models import Budget, BudgetLine, Expense, PaymentTerm


class BudgetTerms(NamedTuple):
    id: uuid.UUID
    event_id: uuid.UUID
    vat_rate: Decimal
    prices_include_vat: bool
    contingency_rate: Decimal


class LineRow(NamedTuple):
    budget_id: uuid.UUID
    category: str
    description: str
    quantity: Decimal
    unit: str
    unit_price: Decimal
    optional: bool


class FinanceRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def budget(self, org_id: uuid.UUID, event_id: uuid.UUID) -> Budget | None:
        found: Budget | None = await self.session.scalar(
            select(Budget).where(Budget.org_id == org_id, Budget.event_id == event_id)
        )
        return found

    async def budget_terms(
        self, org_id: uuid.UUID, event_ids: Collection[uuid.UUID]
    ) -> list[BudgetTerms]:
        """The budgets of many events, without the estimate's stored analysis (the bulk of
        a budget row) that summing them up never reads."""
        result = await self.session.execute(
            select(
                Budget.id,
                Budget.event_id,
                Budget.vat_rate,
                Budget.prices_include_vat,
                Budget.contingency_rate,
            ).where(Budget.org_id == org_id, Budget.event_id.in_(event_ids))
        )
        return [BudgetTerms(*row) for row in result]

    async def line_rows(
        self, org_id: uuid.UUID, budget_ids: Collection[uuid.UUID]
    ) -> list[LineRow]:
        result = await self.session.execute(
            select(
                BudgetLine.budget_id,
                BudgetLine.category,
                BudgetLine.description,
                BudgetLine.quantity,
                BudgetLine.unit,
                BudgetLine.unit_price,
                BudgetLine.optional,
            )
            .where(BudgetLine.org_id == org_id, BudgetLine.budget_id.in_(budget_ids))
            .order_by(BudgetLine.budget_id, BudgetLine.position)
        )
        return [LineRow(*row) for row in result]

    async def spending_by_category(
        self, org_id: uuid.UUID, event_ids: Collection[uuid.UUID]
    ) -> list[tuple[uuid.UUID, str, Decimal, Decimal]]:
        """(event, category, spent, paid) sums, in one statement for many events. SQLite keeps
        these NUMERIC amounts as REALs; the column type rounds their sum back to kopecks,
        exact to the kopeck for totals under a billion roubles."""
        paid = case((Expense.paid, Expense.amount), else_=0)
        result = await self.session.execute(
            select(
                Expense.event_id,
                Expense.category,
                func.sum(Expense.amount),
                func.sum(paid, type_=Expense.amount.type),
            )
            .where(Expense.org_id == org_id, Expense.event_id.in_(event_ids))
            .group_by(Expense.event_id, Expense.category)
        )
        return [(event_id, category, spent, paid) for event_id, category, spent, paid in result]

    async def lines(self, org_id: uuid.UUID, budget_id: uuid.UUID) -> Sequence[BudgetLine]:
        result = await self.session.scalars(
            select(BudgetLine)
            .where(BudgetLine.org_id == org_id, BudgetLine.budget_id == budget_id)
            .order_by(BudgetLine.position)
        )
        return result.all()

    async def replace_lines(
        self, org_id: uuid.UUID, budget_id: uuid.UUID, lines: Sequence[BudgetLine]
    ) -> None:
        await self.session.execute(
            delete(BudgetLine).where(BudgetLine.org_id == org_id, BudgetLine.budget_id == budget_id)
        )
        self.session.add_all(lines)
        await self.session.flush()

    async def add(self, row: Budget | Expense) -> None:
        self.session.add(row)
        await self.session.flush()

    async def expenses(
        self,
        org_id: uuid.UUID,
        event_id: uuid.UUID,
        *,
        limit: int | None = None,
        offset: int = 0,
    ) -> tuple[Sequence[Expense], int]:
        where = (Expense.org_id == org_id, Expense.event_id == event_id)
        total = await self.session.scalar(select(func.count()).select_from(Expense).where(*where))
        query = select(Expense).where(*where).order_by(Expense.spent_on, Expense.id).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        result = await self.session.scalars(query)
        return result.all(), total or 0

    async def payment_terms(self, org_id: uuid.UUID, event_id: uuid.UUID) -> Sequence[PaymentTerm]:
        result = await self.session.scalars(
            select(PaymentTerm)
            .where(PaymentTerm.org_id == org_id, PaymentTerm.event_id == event_id)
            .order_by(PaymentTerm.position)
        )
        return result.all()

    async def replace_payment_terms(
        self, org_id: uuid.UUID, event_id: uuid.UUID, terms: Sequence[PaymentTerm]
    ) -> None:
        await self.session.execute(
            delete(PaymentTerm).where(
                PaymentTerm.org_id == org_id, PaymentTerm.event_id == event_id
            )
        )
        self.session.add_all(terms)
        await self.session.flush()
