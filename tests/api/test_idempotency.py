"""`Idempotency-Key` on POST: retries replay, conflicting reuse is refused."""

from __future__ import annotations

import asyncio

import httpx

from tests.api.helpers import KAZAN_PARTY, bearer, register


async def test_same_key_same_body_replays_without_a_second_write(
    client: httpx.AsyncClient,
) -> None:
    token = (await register(client))["access_token"]
    headers = {**bearer(token), "Idempotency-Key": "order-42"}
    first = await client.post("/api/v1/events", json=KAZAN_PARTY, headers=headers)
    second = await client.post("/api/v1/events", json=KAZAN_PARTY, headers=headers)
    assert first.status_code == second.status_code == 201
    assert second.json() == first.json()
    assert second.headers["idempotent-replayed"] == "true"
    listed = await client.get("/api/v1/events", headers=bearer(token))
    assert listed.json()["total"] == 1


async def test_same_key_different_body_is_422(client: httpx.AsyncClient) -> None:
    token = (await register(client))["access_token"]
    headers = {**bearer(token), "Idempotency-Key": "order-43"}
    await client.post("/api/v1/events", json=KAZAN_PARTY, headers=headers)
    other = await client.post(
        "/api/v1/events", json={**KAZAN_PARTY, "guests_count": 10}, headers=headers
    )
    assert other.status_code == 422
    assert "different request" in other.json()["detail"]


async def test_keys_are_scoped_per_caller(client: httpx.AsyncClient) -> None:
    alpha = (await register(client, organization="A"))["access_token"]
    beta = (await register(client, organization="B"))["access_token"]
    for token in (alpha, beta):
        response = await client.post(
            "/api/v1/events",
            json=KAZAN_PARTY,
            headers={**bearer(token), "Idempotency-Key": "shared"},
        )
        assert response.status_code == 201
        assert "idempotent-replayed" not in response.headers
    for token in (alpha, beta):
        assert (await client.get("/api/v1/events", headers=bearer(token))).json()["total"] == 1


async def test_concurrent_duplicates_write_once(client: httpx.AsyncClient) -> None:
    token = (await register(client))["access_token"]
    headers = {**bearer(token), "Idempotency-Key": "burst"}
    responses = await asyncio.gather(
        *(client.post("/api/v1/events", json=KAZAN_PARTY, headers=headers) for _ in range(5))
    )
    statuses = sorted(r.status_code for r in responses)
    assert set(statuses) <= {201, 409}
    assert 201 in statuses
    assert (await client.get("/api/v1/events", headers=bearer(token))).json()["total"] == 1


async def test_client_errors_are_replayed_and_bad_keys_refused(client: httpx.AsyncClient) -> None:
    token = (await register(client))["access_token"]
    headers = {**bearer(token), "Idempotency-Key": "retry-me"}
    bad = await client.post("/api/v1/events", json={"name": ""}, headers=headers)
    assert bad.status_code == 422
    again = await client.post("/api/v1/events", json={"name": ""}, headers=headers)
    assert again.headers.get("idempotent-replayed") == "true"
    invalid_key = await client.post(
        "/api/v1/events", json=KAZAN_PARTY, headers={**bearer(token), "Idempotency-Key": "x" * 300}
    )
    assert invalid_key.status_code == 422
