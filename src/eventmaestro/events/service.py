"""Event rules: creation, partial updates that keep the aggregate consistent, archiving."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from eventmaestro.events import events as topics
from eventmaestro.events.models import Event
from eventmaestro.events.repository import EventsRepository
from eventmaestro.events.schemas import (
    City,
    EventCreate,
    EventFilters,
    EventOut,
    EventStatus,
    EventUpdate,
)
from eventmaestro.kit.auth import Principal
from eventmaestro.kit.clock import utcnow
from eventmaestro.kit.errors import NotFoundError, ValidationFailedError
from eventmaestro.kit.money import Money
from eventmaestro.kit.outbox import add_event

REQUIRED_FIELDS = frozenset({"name", "event_type", "timezone", "format", "status"})


def to_out(event: Event) -> EventOut:
    return EventOut(
        id=event.id,
        name=event.name,
        event_type=event.event_type,
        date=event.date,
        date_end=event.date_end,
        timezone=event.timezone,
        city=City(name=event.city_name, geoname_id=event.city_geoname_id)
        if event.city_name
        else None,
        venue=event.venue,
        guests_count=event.guests_count,
        budget=Money(amount=event.budget_amount, currency=event.budget_currency)
        if event.budget_amount is not None
        else None,
        format=event.format,
        status=event.status,
        client=event.client,
        notes=event.notes,
        created_at=event.created_at,
        updated_at=event.updated_at,
        archived_at=event.archived_at,
    )


def _apply(event: Event, values: dict[str, Any]) -> None:
    for field, value in values.items():
        if field == "city":
            event.city_name = value["name"] if value else None
            event.city_geoname_id = value.get("geoname_id") if value else None
        elif field == "budget":
            event.budget_amount = value["amount"] if value else None
            event.budget_currency = value["currency"] if value else None
        else:
            setattr(event, field, value)


class EventsService:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.repo = EventsRepository(session)

    async def create(self, principal: Principal, data: EventCreate) -> EventOut:
        event = Event(org_id=principal.org_id, created_by_id=principal.actor_id)
        _apply(event, data.model_dump())
        await self.repo.add(event)
        out = to_out(event)
        add_event(
            self.session, topics.EVENT_CREATED, out.model_dump(mode="json"), org_id=principal.org_id
        )
        return out

    async def get(self, principal: Principal, event_id: uuid.UUID) -> EventOut:
        return to_out(await self._load(principal, event_id))

    async def list(
        self, principal: Principal, filters: EventFilters, *, limit: int, offset: int
    ) -> tuple[list[EventOut], int]:
        events, total = await self.repo.list(principal.org_id, filters, limit=limit, offset=offset)
        return [to_out(e) for e in events], total

    async def update(
        self, principal: Principal, event_id: uuid.UUID, data: EventUpdate
    ) -> EventOut:
        event = await self._load(principal, event_id)
        changes = data.model_dump(include=data.model_fields_set)
        cleared = sorted(f for f in REQUIRED_FIELDS if f in changes and changes[f] is None)
        if cleared:
            raise ValidationFailedError(f"These fields cannot be null: {', '.join(cleared)}")
        start = changes.get("date", event.date)
        end = changes.get("date_end", event.date_end)
        if start is not None and end is not None and end < start:
            raise ValidationFailedError("date_end must be on or after date")
        if not changes:
            return to_out(event)
        _apply(event, changes)
        if changes.get("status") not in (None, EventStatus.ARCHIVED):
            event.archived_at = None
        event.updated_at = utcnow()
        await self.session.flush()
        out = to_out(event)
        add_event(
            self.session,
            topics.EVENT_UPDATED,
            {"event": out.model_dump(mode="json"), "changed": sorted(changes)},
            org_id=principal.org_id,
        )
        return out

    async def archive(self, principal: Principal, event_id: uuid.UUID) -> None:
        event = await self._load(principal, event_id)
        if event.status == EventStatus.ARCHIVED:
            return
        event.status = EventStatus.ARCHIVED
        event.archived_at = event.updated_at = utcnow()
        await self.session.flush()
        add_event(
            self.session, topics.EVENT_ARCHIVED, {"id": str(event.id)}, org_id=principal.org_id
        )

    async def _load(self, principal: Principal, event_id: uuid.UUID) -> Event:
        event = await self.repo.get(principal.org_id, event_id)
        if event is None:
            raise NotFoundError("Event not found")
        return event
