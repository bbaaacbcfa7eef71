"""Booking calls in the ledger, enforcing monthly limits and reporting usage.

`UsageService` works inside a caller's session (the request's unit of work for the API).
`DatabaseUsageSink` is what the gateway holds: each booking is its own short transaction,
because a call's tokens are spent whether or not the caller's own transaction commits.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import Integer, cast, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from eventmaestro.kit.auth import Principal
from eventmaestro.kit.clock import utcnow
from eventmaestro.llm.config import LLMSettings
from eventmaestro.llm.errors import LLMLimitExceededError
from eventmaestro.llm.ledger import CallRecord
from eventmaestro.llm.models import LLMUsage
from eventmaestro.llm.schemas import UsageGrouping, UsageReport, UsageRow


def month_start(now: dt.datetime) -> dt.datetime:
    return now.astimezone(dt.UTC).replace(day=1, hour=0, minute=0, second=0, microsecond=0)


class UsageService:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def record(self, record: CallRecord) -> None:
        if record.org_id is None:
            return  # platform-internal calls show in metrics, not in a tenant's bill
        self.session.add(
            LLMUsage(
                org_id=record.org_id,
                task=record.task.value,
                provider=record.provider,
                model=record.model,
                prompt_tokens=record.prompt_tokens,
                completion_tokens=record.completion_tokens,
                latency_ms=record.latency_ms,
                outcome=record.outcome,
                fallback=record.fallback,
                cost_rub=record.cost_rub,
            )
        )
        await self.session.flush()

    async def spent_this_month(self, org_id: uuid.UUID, now: dt.datetime) -> tuple[int, Decimal]:
        row = (
            await self.session.execute(
                select(
                    func.coalesce(func.sum(LLMUsage.prompt_tokens + LLMUsage.completion_tokens), 0),
                    func.coalesce(func.sum(LLMUsage.cost_rub), 0),
                ).where(LLMUsage.org_id == org_id, LLMUsage.created_at >= month_start(now))
            )
        ).one()
        return int(row[0]), Decimal(row[1])

    async def check_limits(self, org_id: uuid.UUID, settings: LLMSettings) -> None:
        limits = settings.limits_for(org_id)
        if limits.monthly_tokens is None and limits.monthly_roubles is None:
            return
        tokens, roubles = await self.spent_this_month(org_id, utcnow())
        if limits.monthly_tokens is not None and tokens >= limits.monthly_tokens:
            raise LLMLimitExceededError(
                f"This organisation has used {tokens} of its {limits.monthly_tokens} LLM tokens "
                "for this month. Raise the limit or wait for the next month; features keep "
                "working without a language model meanwhile."
            )
        if limits.monthly_roubles is not None and roubles >= limits.monthly_roubles:
            raise LLMLimitExceededError(
                f"This organisation has spent {roubles:.2f} ₽ of its {limits.monthly_roubles} ₽ "
                "LLM budget for this month. Raise the limit or wait for the next month."
            )

    async def report(
        self,
        principal: Principal,
        group_by: UsageGrouping,
        date_from: dt.date | None,
        date_to: dt.date | None,
    ) -> UsageReport:
        key = {
            UsageGrouping.DAY: func.date(LLMUsage.created_at),
            UsageGrouping.MODEL: LLMUsage.provider + ":" + LLMUsage.model,
            UsageGrouping.TASK: LLMUsage.task,
        }[group_by]
        query = (
            select(
                key,
                func.count(),
                func.sum(LLMUsage.prompt_tokens),
                func.sum(LLMUsage.completion_tokens),
                func.sum(cast(LLMUsage.fallback, Integer)),
                func.sum(LLMUsage.cost_rub),
            )
            .where(LLMUsage.org_id == principal.org_id)
            .group_by(key)
            .order_by(key)
        )
        if date_from is not None:
            query = query.where(LLMUsage.created_at >= _midnight(date_from))
        if date_to is not None:
            query = query.where(LLMUsage.created_at < _midnight(date_to + dt.timedelta(days=1)))
        rows = [
            UsageRow(
                key=str(k),
                calls=int(calls),
                prompt_tokens=int(prompt or 0),
                completion_tokens=int(completion or 0),
                fallbacks=int(fallbacks or 0),
                cost_rub=Decimal(cost or 0),
            )
            for k, calls, prompt, completion, fallbacks, cost in await self.session.execute(query)
        ]
        total = UsageRow(
            key="total",
            calls=sum(r.calls for r in rows),
            prompt_tokens=sum(r.prompt_tokens for r in rows),
            completion_tokens=sum(r.completion_tokens for r in rows),
            fallbacks=sum(r.fallbacks for r in rows),
            cost_rub=sum((r.cost_rub for r in rows), Decimal(0)),
        )
        return UsageReport(group_by=group_by, rows=rows, total=total)


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


class DatabaseUsageSink:
    """The gateway's ledger in production: books each call in its own transaction."""

    def __init__(
        self, sessionmaker: async_sessionmaker[AsyncSession], settings: LLMSettings
    ) -> None:
        self._sessionmaker = sessionmaker
        self._settings = settings

    async def check_limits(self, org_id: uuid.UUID) -> None:
        async with self._sessionmaker() as session:
            await UsageService(session).check_limits(org_id, self._settings)

    async def record(self, record: CallRecord) -> None:
        if record.org_id is None:
            return
        async with self._sessionmaker() as session:
            await UsageService(session).record(record)
            await session.commit()
