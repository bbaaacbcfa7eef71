"""Every Finance query, always scoped by organisation."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from eventmaestro.agents.finance.models import Budget, BudgetLine, Expense, PaymentTerm


class FinanceRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def budget(self, org_id: uuid.UUID, event_id: uuid.UUID) -> Budget | None:
        found: Budget | None = await self.session.scalar(
            select(Budget).where(Budget.org_id == org_id, Budget.event_id == event_id)
        )
        return found

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
