"""Dashboard API: the events list, and one event, each with its plan, money and vendors."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends

from eventmaestro.accounts.dependencies import CurrentPrincipal
from eventmaestro.dashboard.schemas import EventOverview
from eventmaestro.dashboard.service import DashboardService
from eventmaestro.events.endpoints import event_filters
from eventmaestro.events.schemas import EventFilters
from eventmaestro.kit.clock import utcnow
from eventmaestro.kit.deps import SessionDep
from eventmaestro.kit.pagination import Page, PageParams, page_params

router = APIRouter(prefix="/api/v1/dashboard", tags=["dashboard"])


def get_dashboard_service(session: SessionDep) -> DashboardService:
    return DashboardService(session)


DashboardServiceDep = Annotated[DashboardService, Depends(get_dashboard_service)]


@router.get("/events")
async def list_event_overviews(
    principal: CurrentPrincipal,
    service: DashboardServiceDep,
    filters: Annotated[EventFilters, Depends(event_filters)],
    page: Annotated[PageParams, Depends(page_params)],
) -> Page[EventOverview]:
    """The events `GET /api/v1/events` lists (same filters, order and paging), each with its
    plan progress, money and contracts — one request for the whole dashboard."""
    items, total = await service.overviews(
        principal, filters, limit=page.limit, offset=page.offset, now=utcnow()
    )
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.get("/events/{event_id}")
async def get_event_overview(
    event_id: uuid.UUID, principal: CurrentPrincipal, service: DashboardServiceDep
) -> EventOverview:
    """One event with the same summary the dashboard shows for it."""
    return await service.overview(principal, event_id, now=utcnow())
