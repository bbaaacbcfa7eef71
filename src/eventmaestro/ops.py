"""Operational endpoints: liveness, readiness, Prometheus metrics."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from eventmaestro import __version__
from eventmaestro.kit.deps import PlatformDep

router = APIRouter(tags=["operations"])


@router.get("/api/v1/health")
async def health() -> dict[str, str]:
    """Liveness: the process answers. Says nothing about its dependencies."""
    return {"status": "ok", "version": __version__}


@router.get(
    "/api/v1/ready",
    responses={503: {"description": "A dependency is unreachable"}},
)
async def ready(platform: PlatformDep) -> JSONResponse:
    """Readiness: database, bus and cache all answer within a bounded time."""
    checks = await platform.readiness()
    ok = all(checks.values())
    body: dict[str, Any] = {
        "status": "ready" if ok else "unavailable",
        "checks": {name: "ok" if up else "unreachable" for name, up in checks.items()},
    }
    return JSONResponse(body, status_code=200 if ok else 503)


@router.get("/metrics", include_in_schema=False)
async def metrics() -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
