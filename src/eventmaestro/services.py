"""Which routers make up each deployable service.

`maestro serve --services gateway,planning` mounts only those; `all` mounts everything. A new
agent registers its router here when it lands.
"""

from __future__ import annotations

from fastapi import APIRouter

from eventmaestro.accounts.endpoints import auth_router, keys_router, users_router
from eventmaestro.agents.finance.endpoints import router as finance_router
from eventmaestro.agents.maestro.endpoints import router as orchestration_router
from eventmaestro.agents.planning.endpoints import router as planning_router
from eventmaestro.agents.registry import all_agents
from eventmaestro.agents.vendors.endpoints import router as vendors_router
from eventmaestro.dashboard.endpoints import router as dashboard_router
from eventmaestro.events.endpoints import router as events_router
from eventmaestro.llm.endpoints import router as llm_router

SERVICES: dict[str, tuple[APIRouter, ...]] = {
    # The dashboard reads what the agents stored (one shared database), for the web app.
    "gateway": (auth_router, users_router, keys_router, events_router, dashboard_router),
    "planning": (planning_router,),
    "llm": (llm_router,),
    "finance": (finance_router,),
    "maestro": (orchestration_router,),
    "vendors": (vendors_router,),
}


class UnknownServiceError(ValueError):
    pass


def known_services() -> list[str]:
    """HTTP services plus every registered agent (an agent is a service with a queue)."""
    return list(dict.fromkeys([*SERVICES, *(agent.name for agent in all_agents())]))


def parse_services(spec: str) -> list[str]:
    names = [part.strip() for part in spec.split(",") if part.strip()]
    known = known_services()
    if not names or names == ["all"]:
        return known
    unknown = sorted(set(names) - set(known))
    if unknown:
        raise UnknownServiceError(
            f"Unknown service(s): {', '.join(unknown)}. Known: all, {', '.join(known)}"
        )
    return names


def routers_for(names: list[str]) -> list[APIRouter]:
    return [router for name in names for router in SERVICES.get(name, ())]
