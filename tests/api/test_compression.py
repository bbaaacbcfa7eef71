"""API answers travel gzip-compressed to clients that ask, except what is packed or streamed."""

from __future__ import annotations

import gzip
import json

import httpx

from tests.api.helpers import bearer, create_event, register


async def test_large_json_is_gzipped_only_when_asked(client: httpx.AsyncClient) -> None:
    token = (await register(client))["access_token"]
    event = await create_event(client, token, date="2027-06-01", guests_count=150)
    plan = await client.post(
        f"/api/v1/planning/events/{event['id']}/plan", json={}, headers=bearer(token)
    )
    assert plan.status_code == 201, plan.text
    path = f"/api/v1/planning/events/{event['id']}/tasks"

    async with client.stream(
        "GET", path, headers={**bearer(token), "Accept-Encoding": "gzip"}
    ) as zipped:
        raw = b"".join([chunk async for chunk in zipped.aiter_raw()])
    assert zipped.headers["content-encoding"] == "gzip"
    tasks = json.loads(gzip.decompress(raw))
    assert len(tasks) > 10
    assert len(raw) * 4 < len(gzip.decompress(raw))

    plain = await client.get(path, headers={**bearer(token), "Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert plain.json() == tasks

    # An XLSX is a zip archive already: compressing it again only costs time.
    export = await client.get(
        f"/api/v1/planning/events/{event['id']}/export?format=xlsx",
        headers={**bearer(token), "Accept-Encoding": "gzip"},
    )
    assert export.status_code == 200
    assert "content-encoding" not in export.headers
    assert export.content[:2] == b"PK"

    # Small answers are not worth the header.
    small = await client.get("/api/v1/health", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in small.headers
