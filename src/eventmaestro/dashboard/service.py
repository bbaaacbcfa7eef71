"""Overviews of many events at once, read-only, through each domain's own service.

Each domain summarises a whole page of events in a fixed number of queries grouped by
event, so a page costs the same handful of statements whether it holds one event or two
hundred; the numbers are those the domain's own endpoints report for one event.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from eventmaestro.agents.finance.service import FinanceService
from eventmaestro.agents.planning.service import PlanningService
from eventmaestro.agents.vendors.service import VendorsService
from eventmaestro.dashboard.schemas import EventOverview, VendorsSummary
from eventmaestro.events.schemas import EventFilters, EventOut
from eventmaestro.events.service import EventsService
from eventmaestro.kit.auth import Principal


class DashboardService:
    def __init__(self, session: AsyncSession) -> None:
        self.events = EventsService(session)
        self.planning = PlanningService(session)
        self.finance = FinanceService(session)
        self.vendors = VendorsService(session)

    async def overviews(
        self,
        principal: Principal,
        filters: EventFilters,
        *,
        limit: int,
        offset: int,
        now: dt.datetime,
    ) -> tuple[list[EventOverview], int]:
        events, total = await self.events.list(principal, filters, limit=limit, offset=offset)
        return await self._summarised(principal.org_id, events, now=now), total

    async def overview(
        self, principal: Principal, event_id: uuid.UUID, *, now: dt.datetime
    ) -> EventOverview:
        event = await self.events.get(principal, event_id)
        (overview,) = await self._summarised(principal.org_id, [event], now=now)
        return overview

    async def _summarised(
        self, org_id: uuid.UUID, events: Sequence[EventOut], *, now: dt.datetime
    ) -> list[EventOverview]:
        ids = [event.id for event in events]
        plans = await self.planning.summaries(org_id, ids, now=now)
        money = await self.finance.summaries(org_id, ids)
        contracts = await self.vendors.contract_counts(org_id, ids)
        return [
            EventOverview(
                event=event,
                plan=plans[event.id],
                money=money[event.id],
                vendors=VendorsSummary(contracts=contracts[event.id]),
            )
            for event in events
        ]
