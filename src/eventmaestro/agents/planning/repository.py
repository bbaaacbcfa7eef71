"""Every Planning query, always scoped by organisation."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection, Sequence
from typing import NamedTuple

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from eventmaestro.agents.planning.models import Plan, PlanTask


class TaskGlance(NamedTuple):
    plan_id: uuid.UUID
    id: uuid.UUID
    title: str
    status: str
    duration: int
    start_date: dt.date
    due_date: dt.date
    position: int


class PlanningRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def plan_for_event(self, org_id: uuid.UUID, event_id: uuid.UUID) -> Plan | None:
        stmt = select(Plan).where(Plan.org_id == org_id, Plan.event_id == event_id)
        return (await self.session.scalars(stmt)).first()

    async def plans_for_events(
        self, org_id: uuid.UUID, event_ids: Collection[uuid.UUID]
    ) -> Sequence[Plan]:
        stmt = select(Plan).where(Plan.org_id == org_id, Plan.event_id.in_(event_ids))
        return (await self.session.scalars(stmt)).all()

    async def task_glances(
        self, org_id: uuid.UUID, plan_ids: Collection[uuid.UUID]
    ) -> list[TaskGlance]:
        """The tasks of many plans, only the columns a summary reads: whole rows of every
        task of a page of events cost several times more to load."""
        stmt = select(
            PlanTask.plan_id,
            PlanTask.id,
            PlanTask.title,
            PlanTask.status,
            PlanTask.duration,
            PlanTask.start_date,
            PlanTask.due_date,
            PlanTask.position,
        ).where(PlanTask.org_id == org_id, PlanTask.plan_id.in_(plan_ids))
        return [TaskGlance(*row) for row in await self.session.execute(stmt)]

    async def plan(self, org_id: uuid.UUID, plan_id: uuid.UUID) -> Plan | None:
        stmt = select(Plan).where(Plan.org_id == org_id, Plan.id == plan_id)
        return (await self.session.scalars(stmt)).first()

    async def task(self, org_id: uuid.UUID, task_id: uuid.UUID) -> PlanTask | None:
        stmt = select(PlanTask).where(PlanTask.org_id == org_id, PlanTask.id == task_id)
        return (await self.session.scalars(stmt)).first()

    async def tasks(self, org_id: uuid.UUID, plan_id: uuid.UUID) -> Sequence[PlanTask]:
        stmt = (
            select(PlanTask)
            .where(PlanTask.org_id == org_id, PlanTask.plan_id == plan_id)
            .order_by(PlanTask.position)
        )
        return (await self.session.scalars(stmt)).all()

    async def replace_plan(self, org_id: uuid.UUID, event_id: uuid.UUID) -> None:
        """Remove the event's previous plan and its tasks (a regenerated plan starts clean)."""
        old = await self.plan_for_event(org_id, event_id)
        if old is not None:
            await self.session.execute(
                delete(PlanTask).where(PlanTask.org_id == org_id, PlanTask.plan_id == old.id)
            )
            await self.session.delete(old)
            await self.session.flush()

    async def add(self, *rows: Plan | PlanTask) -> None:
        self.session.add_all(rows)
        await self.session.flush()
