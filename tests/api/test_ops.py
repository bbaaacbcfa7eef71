"""Health, readiness, metrics, docs and request ids."""

from __future__ import annotations

import httpx

from eventmaestro.app import create_app
from eventmaestro.kit.cache import create_cache
from eventmaestro.kit.platform import Platform


async def test_health_and_ready(client: httpx.AsyncClient) -> None:
    health = await client.get("/api/v1/health")
    assert health.status_code == 200
    assert health.json()["status"] == "ok"
    ready = await client.get("/api/v1/ready")
    assert ready.status_code == 200
    assert ready.json() == {
        "status": "ready",
        "checks": {"database": "ok", "bus": "ok", "cache": "ok"},
    }


async def test_ready_reports_an_unreachable_dependency(clean_platform: Platform) -> None:
    working = clean_platform.cache
    clean_platform.cache = create_cache("redis://127.0.0.1:1/0")
    try:
        app = create_app(platform=clean_platform)
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://t"
        ) as http:
            response = await http.get("/api/v1/ready")
    finally:
        await clean_platform.cache.close()
        clean_platform.cache = working
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == "unreachable"
    assert response.json()["checks"]["database"] == "ok"


async def test_metrics_docs_and_request_id(client: httpx.AsyncClient) -> None:
    await client.get("/api/v1/health")
    metrics = await client.get("/metrics")
    assert metrics.status_code == 200
    assert 'maestro_http_requests_total{method="GET",route="/api/v1/health",status="200"}' in (
        metrics.text
    )
    docs = await client.get("/docs")
    assert docs.status_code == 200
    spec = (await client.get("/openapi.json")).json()
    assert "/api/v1/events/{event_id}" in spec["paths"]

    echoed = await client.get("/api/v1/health", headers={"X-Request-ID": "abc-123"})
    assert echoed.headers["x-request-id"] == "abc-123"
    generated = await client.get("/api/v1/health", headers={"X-Request-ID": "<script>"})
    assert generated.headers["x-request-id"] != "<script>"
    assert len(generated.headers["x-request-id"]) == 32


async def test_unknown_route_is_problem_json(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/nope")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["status"] == 404
    wrong_method = await client.put("/api/v1/health")
    assert wrong_method.status_code == 405
