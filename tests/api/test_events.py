"""The Event aggregate over HTTP: CRUD, filters, exact money, domain events."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx
from sqlalchemy import select

from eventmaestro.kit.bus import Message
from eventmaestro.kit.bus.rabbitmq import (
    RabbitMQBus,
    dead_letter_queue,
    group_queue,
    retry_queue,
)
from eventmaestro.kit.outbox_models import OutboxMessage
from eventmaestro.kit.platform import Platform
from tests.api.helpers import KAZAN_PARTY, bearer, create_event, register


async def test_create_and_read_back_in_contract_vocabulary(client: httpx.AsyncClient) -> None:
    token = (await register(client))["access_token"]
    event = await create_event(client, token)
    assert event["event_type"] == "corporate_party"
    assert event["city"] == {"name": "Kazan", "geoname_id": 551487}
    assert event["budget"] == {"amount": "2000000.00", "currency": "RUB"}
    assert event["status"] == "draft"
    fetched = await client.get(f"/api/v1/events/{event['id']}", headers=bearer(token))
    assert fetched.json() == event


async def test_city_as_plain_name_and_exact_decimal(client: httpx.AsyncClient) -> None:
    token = (await register(client))["access_token"]
    event = await create_event(
        client, token, city="Казань", budget={"amount": "1234567.89", "currency": "EUR"}
    )
    assert event["city"] == {"name": "Казань", "geoname_id": None}
    assert event["budget"]["amount"] == "1234567.89"
    number = await create_event(client, token, budget={"amount": 1500000.5})
    assert number["budget"] == {"amount": "1500000.50", "currency": "RUB"}


async def test_patch_changes_only_sent_fields_and_clears_nulls(client: httpx.AsyncClient) -> None:
    token = (await register(client))["access_token"]
    event = await create_event(client, token, venue="Корстон")
    patched = await client.patch(
        f"/api/v1/events/{event['id']}",
        json={"guests_count": 200, "venue": None, "date_end": "2026-12-21"},
        headers=bearer(token),
    )
    assert patched.status_code == 200, patched.text
    body = patched.json()
    assert body["guests_count"] == 200
    assert body["venue"] is None
    assert body["date_end"] == "2026-12-21"
    assert body["name"] == event["name"]
    assert body["budget"] == event["budget"]


async def test_patch_keeps_the_aggregate_consistent(client: httpx.AsyncClient) -> None:
    token = (await register(client))["access_token"]
    event = await create_event(client, token)
    url = f"/api/v1/events/{event['id']}"
    before = await client.patch(url, json={"date_end": "2026-12-01"}, headers=bearer(token))
    assert before.status_code == 422
    assert "date_end" in before.json()["detail"]
    nulled = await client.patch(url, json={"name": None}, headers=bearer(token))
    assert nulled.status_code == 422
    unchanged = await client.get(url, headers=bearer(token))
    assert unchanged.json() == event


async def test_validation_errors_name_the_fields(client: httpx.AsyncClient) -> None:
    token = (await register(client))["access_token"]
    bad: dict[str, Any] = {
        **KAZAN_PARTY,
        "guests_count": -5,
        "budget": {"amount": "0", "currency": "GBP"},
        "timezone": "Mars/Olympus",
        "date": "2026-12-20",
        "date_end": "2026-12-19",
        "color": "red",
    }
    response = await client.post("/api/v1/events", json=bad, headers=bearer(token))
    assert response.status_code == 422
    problem = response.json()
    assert response.headers["content-type"].startswith("application/problem+json")
    fields = {error["field"] for error in problem["errors"]}
    assert {
        "body.guests_count",
        "body.budget.amount",
        "body.budget.currency",
        "body.timezone",
        "body.color",
    } <= fields
    listed = await client.get("/api/v1/events", headers=bearer(token))
    assert listed.json()["total"] == 0


async def test_list_filters_sorting_and_pagination(client: httpx.AsyncClient) -> None:
    token = (await register(client))["access_token"]
    for day, city, kind in [
        ("2026-12-20", "Kazan", "corporate_party"),
        ("2027-03-15", "Moscow", "conference"),
        ("2027-04-15", "Moscow", "conference"),
        ("2027-06-01", "Saint Petersburg", "wedding"),
    ]:
        await create_event(
            client, token, date=day, city=city, event_type=kind, name=f"{kind} {city}"
        )
    h = bearer(token)
    conferences = (await client.get("/api/v1/events?event_type=conference", headers=h)).json()
    assert conferences["total"] == 2
    moscow_2027 = (
        await client.get("/api/v1/events?city=mosc&date_from=2027-04-01", headers=h)
    ).json()
    assert [e["date"] for e in moscow_2027["items"]] == ["2027-04-15"]
    page = (await client.get("/api/v1/events?limit=2&offset=1&sort=-date", headers=h)).json()
    assert page["total"] == 4
    assert [e["date"] for e in page["items"]] == ["2027-04-15", "2027-03-15"]
    search = (await client.get("/api/v1/events?q=WEDDING", headers=h)).json()
    assert search["total"] == 1
    like_chars = (await client.get("/api/v1/events?q=%25", headers=h)).json()
    assert like_chars["total"] == 0
    too_big = await client.get("/api/v1/events?limit=100000", headers=h)
    assert too_big.status_code == 422


async def test_delete_archives(client: httpx.AsyncClient) -> None:
    token = (await register(client))["access_token"]
    event = await create_event(client, token)
    url = f"/api/v1/events/{event['id']}"
    assert (await client.delete(url, headers=bearer(token))).status_code == 204
    archived = (await client.get(url, headers=bearer(token))).json()
    assert archived["status"] == "archived"
    assert archived["archived_at"] is not None
    listed = (await client.get("/api/v1/events", headers=bearer(token))).json()
    assert listed["total"] == 0
    with_archived = await client.get("/api/v1/events?include_archived=true", headers=bearer(token))
    assert with_archived.json()["total"] == 1
    restored = await client.patch(url, json={"status": "planning"}, headers=bearer(token))
    assert restored.json()["archived_at"] is None
    assert (await client.get("/api/v1/events/not-a-uuid", headers=bearer(token))).status_code == 422


async def test_domain_events_go_through_the_outbox_to_the_bus(
    client: httpx.AsyncClient, clean_platform: Platform
) -> None:
    token = (await register(client))["access_token"]
    me = await client.get("/api/v1/auth/me", headers=bearer(token))
    org_id = me.json()["organization"]["id"]
    received: list[Message] = []
    arrived = asyncio.Event()

    async def handler(message: Message) -> None:
        # Events of earlier tests may still be on their way; only this tenant's count.
        if message.headers.get("org-id") == org_id:
            received.append(message)
        if len(received) == 3:
            arrived.set()

    group = f"test-events-{uuid.uuid4().hex[:8]}"
    subscription = await clean_platform.bus.subscribe("event.*", group, handler)
    try:
        event = await create_event(client, token)
        url = f"/api/v1/events/{event['id']}"
        await client.patch(url, json={"guests_count": 180}, headers=bearer(token))
        await client.delete(url, headers=bearer(token))
        await asyncio.wait_for(arrived.wait(), timeout=10)
    finally:
        await subscription.cancel()
        await _drop_group(clean_platform, group)

    assert [m.topic for m in received] == ["event.created", "event.updated", "event.archived"]
    assert received[0].payload["id"] == event["id"]
    assert received[1].payload["changed"] == ["guests_count"]
    # The relay marks rows only after the broker confirmed them, so this may lag delivery.
    for _ in range(100):
        async with clean_platform.sessionmaker() as session:
            rows = (await session.scalars(select(OutboxMessage))).all()
        if all(row.published_at is not None for row in rows):
            break
        await asyncio.sleep(0.05)
    assert len(rows) == 3
    assert all(row.published_at is not None for row in rows)


async def _drop_group(platform: Platform, group: str) -> None:
    """Leave no queue behind on a shared broker."""
    if isinstance(platform.bus, RabbitMQBus):
        channel = await platform.bus.connection.channel()
        for name in (group_queue(group), retry_queue(group), dead_letter_queue(group)):
            await channel.queue_delete(name)
        await channel.close()
