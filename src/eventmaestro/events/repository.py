"""Every Event query, always scoped by organisation."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, SQLColumnExpression, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from eventmaestro.events.models import Event
from eventmaestro.events.schemas import EventFilters, EventSort, EventStatus

_ORDER: dict[EventSort, tuple[SQLColumnExpression[Any], ...]] = {
    EventSort.DATE: (Event.date.asc().nulls_last(), Event.id),
    EventSort.DATE_DESC: (Event.date.desc().nulls_last(), Event.id.desc()),
    EventSort.CREATED: (Event.created_at.asc(), Event.id),
    EventSort.CREATED_DESC: (Event.created_at.desc(), Event.id.desc()),
    EventSort.NAME: (Event.name.asc(), Event.id),
}


def _contains(column: SQLColumnExpression[Any], needle: str) -> ColumnElement[bool]:
    return func.lower(column).contains(needle.lower(), autoescape=True)


class EventsRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, event: Event) -> None:
        self.session.add(event)
        await self.session.flush()

    async def get(self, org_id: uuid.UUID, event_id: uuid.UUID) -> Event | None:
        stmt = select(Event).where(Event.id == event_id, Event.org_id == org_id)
        return (await self.session.scalars(stmt)).first()

    def _filtered(self, org_id: uuid.UUID, f: EventFilters) -> Select[Event]:
        stmt = select(Event).where(Event.org_id == org_id)
        if f.status:
            stmt = stmt.where(Event.status.in_([s.value for s in f.status]))
        elif not f.include_archived:
            stmt = stmt.where(Event.status != EventStatus.ARCHIVED)
        if f.event_type:
            stmt = stmt.where(Event.event_type.in_([t.value for t in f.event_type]))
        if f.format:
            stmt = stmt.where(Event.format == f.format)
        if f.city:
            stmt = stmt.where(_contains(Event.city_name, f.city))
        if f.date_from:
            stmt = stmt.where(Event.date >= f.date_from)
        if f.date_to:
            stmt = stmt.where(Event.date <= f.date_to)
        if f.q:
            stmt = stmt.where(
                or_(
                    _contains(Event.name, f.q),
                    _contains(Event.client, f.q),
                    _contains(Event.venue, f.q),
                )
            )
        return stmt

    async def list(
        self, org_id: uuid.UUID, filters: EventFilters, *, limit: int, offset: int
    ) -> tuple[Sequence[Event], int]:
        stmt = self._filtered(org_id, filters)
        total = await self.session.scalar(select(func.count()).select_from(stmt.subquery()))
        page = stmt.order_by(*_ORDER[filters.sort]).limit(limit).offset(offset)
        return (await self.session.scalars(page)).all(), int(total or 0)
