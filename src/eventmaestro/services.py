"""Which routers make up each deployable service.

`maestro serve --services gateway,planning` mounts only those; `all` mounts everything. A new
agent registers its router here when it lands.
"""

from __future__ import annotations

from fastapi import APIRouter

from eventmaestro.accounts.endpoints import auth_router, keys_router, users_router
from eventmaestro.events.endpoints import router as events_router

SERVICES: dict[str, tuple[APIRouter, ...]] = {
    "gateway": (auth_router, users_router, keys_router, events_router),
}


class UnknownServiceError(ValueError):
    pass


def parse_services(spec: str) -> list[str]:
    names = [part.strip() for part in spec.split(",") if part.strip()]
    if not names or names == ["all"]:
        return list(SERVICES)
    unknown = sorted(set(names) - set(SERVICES))
    if unknown:
        raise UnknownServiceError(
            f"Unknown service(s): {', '.join(unknown)}. Known: all, {', '.join(SERVICES)}"
        )
    return names


def routers_for(names: list[str]) -> list[APIRouter]:
    return [router for name in names for router in SERVICES[name]]
