"""Tenant isolation: every endpoint that takes an id, tried with another organisation's token.

Another tenant's object must be a 404 — indistinguishable from an id that does not exist —
and must stay unchanged.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.api.helpers import add_user, bearer, create_event, register


async def _two_tenants(client: httpx.AsyncClient) -> tuple[str, str, dict[str, Any]]:
    alpha = (await register(client, organization="Alpha"))["access_token"]
    beta = (await register(client, organization="Beta"))["access_token"]
    event = await create_event(client, alpha)
    user, _ = await add_user(client, alpha, "manager")
    key = (await client.post("/api/v1/api-keys", json={"name": "k"}, headers=bearer(alpha))).json()
    return alpha, beta, {"event": event["id"], "user": user["id"], "key": key["id"]}


ID_ENDPOINTS = [
    ("GET", "/api/v1/events/{event}", None),
    ("PATCH", "/api/v1/events/{event}", {"name": "Hijacked"}),
    ("DELETE", "/api/v1/events/{event}", None),
    ("GET", "/api/v1/users/{user}", None),
    ("PATCH", "/api/v1/users/{user}", {"role": "admin"}),
    ("DELETE", "/api/v1/users/{user}", None),
    ("DELETE", "/api/v1/api-keys/{key}", None),
]


@pytest.mark.parametrize(("method", "path", "body"), ID_ENDPOINTS)
async def test_other_tenants_objects_are_not_found(
    client: httpx.AsyncClient, method: str, path: str, body: dict[str, Any] | None
) -> None:
    alpha, beta, ids = await _two_tenants(client)
    url = path.format(**ids)
    before = await client.get(
        url.replace("/api/v1/api-keys/", "/api/v1/api-keys?"), headers=bearer(alpha)
    )

    foreign = await client.request(method, url, json=body, headers=bearer(beta))
    assert foreign.status_code == 404, foreign.text
    missing = await client.request(
        method,
        url.replace(url.rsplit("/", 1)[1], "00000000-0000-7000-8000-000000000000"),
        json=body,
        headers=bearer(beta),
    )
    assert missing.status_code == 404
    assert foreign.json()["detail"] == missing.json()["detail"]

    after = await client.get(
        url.replace("/api/v1/api-keys/", "/api/v1/api-keys?"), headers=bearer(alpha)
    )
    assert after.json() == before.json()


async def test_lists_show_only_own_tenant(client: httpx.AsyncClient) -> None:
    alpha, beta, _ = await _two_tenants(client)
    assert (await client.get("/api/v1/events", headers=bearer(beta))).json()["total"] == 0
    assert (await client.get("/api/v1/events", headers=bearer(alpha))).json()["total"] == 1
    beta_users = (await client.get("/api/v1/users", headers=bearer(beta))).json()
    assert beta_users["total"] == 1
    assert (await client.get("/api/v1/api-keys", headers=bearer(beta))).json() == []
