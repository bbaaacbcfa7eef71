"""Dashboard I/O: an event and what each agent's own summary says of it."""

from __future__ import annotations

from pydantic import BaseModel

from eventmaestro.agents.finance.schemas import MoneySummary
from eventmaestro.agents.planning.schemas import PlanSummary
from eventmaestro.agents.vendors.schemas import ContractCounts
from eventmaestro.events.schemas import EventOut


class VendorsSummary(BaseModel):
    contracts: ContractCounts


class EventOverview(BaseModel):
    event: EventOut
    plan: PlanSummary
    money: MoneySummary
    vendors: VendorsSummary
