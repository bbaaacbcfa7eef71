"""Events API: the aggregate every agent works on."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, status

from eventmaestro.accounts.dependencies import CurrentPrincipal, WriterPrincipal
from eventmaestro.events.schemas import (
    EventCreate,
    EventFilters,
    EventFormat,
    EventOut,
    EventSort,
    EventStatus,
    EventType,
    EventUpdate,
)
from eventmaestro.events.service import EventsService
from eventmaestro.kit.deps import SessionDep
from eventmaestro.kit.pagination import Page, PageParams, page_params
from eventmaestro.kit.types import SearchText

router = APIRouter(prefix="/api/v1/events", tags=["events"])


def get_events_service(session: SessionDep) -> EventsService:
    return EventsService(session)


EventsServiceDep = Annotated[EventsService, Depends(get_events_service)]


def event_filters(
    status: Annotated[list[EventStatus] | None, Query()] = None,
    event_type: Annotated[list[EventType] | None, Query()] = None,
    format: Annotated[EventFormat | None, Query()] = None,
    city: Annotated[SearchText | None, Query(description="City name contains")] = None,
    date_from: Annotated[date | None, Query()] = None,
    date_to: Annotated[date | None, Query()] = None,
    q: Annotated[SearchText | None, Query(description="Name, client or venue contains")] = None,
    include_archived: bool = False,
    sort: EventSort = EventSort.DATE,
) -> EventFilters:
    return EventFilters(
        status=status,
        event_type=event_type,
        format=format,
        city=city,
        date_from=date_from,
        date_to=date_to,
        q=q,
        include_archived=include_archived,
        sort=sort,
    )


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_event(
    body: EventCreate, principal: WriterPrincipal, service: EventsServiceDep
) -> EventOut:
    return await service.create(principal, body)


@router.get("")
async def list_events(
    principal: CurrentPrincipal,
    service: EventsServiceDep,
    filters: Annotated[EventFilters, Depends(event_filters)],
    page: Annotated[PageParams, Depends(page_params)],
) -> Page[EventOut]:
    items, total = await service.list(principal, filters, limit=page.limit, offset=page.offset)
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.get("/{event_id}")
async def get_event(
    event_id: uuid.UUID, principal: CurrentPrincipal, service: EventsServiceDep
) -> EventOut:
    return await service.get(principal, event_id)


@router.patch("/{event_id}")
async def update_event(
    event_id: uuid.UUID, body: EventUpdate, principal: WriterPrincipal, service: EventsServiceDep
) -> EventOut:
    return await service.update(principal, event_id, body)


@router.delete("/{event_id}", status_code=status.HTTP_204_NO_CONTENT)
async def archive_event(
    event_id: uuid.UUID, principal: WriterPrincipal, service: EventsServiceDep
) -> None:
    """Archive the event: it leaves default lists but keeps its history; PATCH a status to
    restore it."""
    await service.archive(principal, event_id)
