"""Dashboard API on both stacks: every event with its plan, money and contracts, in numbers
that agree with the planning timeline and finance's budget status, in a bounded number of
queries however many events a page holds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

import httpx
import pytest
from sqlalchemy import event as sql_event

from eventmaestro.kit.platform import Platform
from tests.agents.vendors.catalogue import LOFT, load
from tests.api.helpers import bearer, create_event, register
from tests.clock import TEST_TODAY

DASHBOARD = "/api/v1/dashboard/events"
TODAY = TEST_TODAY


def _days(n: int) -> str:
    return (TODAY + dt.timedelta(days=n)).isoformat()


async def _get(client: httpx.AsyncClient, token: str, url: str, **params: Any) -> Any:
    response = await client.get(url, params=params, headers=bearer(token))
    assert response.status_code == 200, response.text
    return response.json()


async def _plan(client: httpx.AsyncClient, token: str, event_id: str) -> list[dict[str, Any]]:
    """A plan begun four months ago and laid out forward, so its first tasks are overdue."""
    response = await client.post(
        f"/api/v1/planning/events/{event_id}/plan",
        json={"start_date": _days(-120), "mode": "forward"},
        headers=bearer(token),
    )
    assert response.status_code == 201, response.text
    tasks: list[dict[str, Any]] = response.json()["tasks"]
    return tasks


async def _set_status(client: httpx.AsyncClient, token: str, task_id: str, status: str) -> None:
    response = await client.put(
        f"/api/v1/planning/tasks/{task_id}", json={"status": status}, headers=bearer(token)
    )
    assert response.status_code == 200, response.text


async def _budget(client: httpx.AsyncClient, token: str, event_id: str) -> None:
    response = await client.post(
        f"/api/v1/finance/events/{event_id}/budget", json={}, headers=bearer(token)
    )
    assert response.status_code == 201, response.text


async def _expense(
    client: httpx.AsyncClient,
    token: str,
    event_id: str,
    amount: str,
    *,
    category: str = "catering",
    paid: bool = False,
) -> None:
    response = await client.post(
        f"/api/v1/finance/events/{event_id}/expenses",
        json={
            "category": category,
            "amount": {"amount": amount},
            "date": _days(-1),
            "paid": paid,
        },
        headers=bearer(token),
    )
    assert response.status_code == 201, response.text


async def _contract(client: httpx.AsyncClient, token: str, event_id: str, *steps: str) -> None:
    created = await client.post(
        "/api/v1/vendors/contracts",
        json={
            "vendor_id": str(LOFT["id"]),
            "event_id": event_id,
            "event_date": _days(200),
            "guests": 150,
            "scope": "Аренда лофта с террасой",
            "client_name": "ООО «Праздник»",
        },
        headers=bearer(token),
    )
    assert created.status_code == 201, created.text
    for step in steps:
        moved = await client.put(
            f"/api/v1/vendors/contracts/{created.json()['id']}/{step}", headers=bearer(token)
        )
        assert moved.status_code == 200, moved.text


def _expected_next_due(tasks: list[dict[str, Any]], today: str) -> dict[str, Any] | None:
    """Read from the planning task list: the first open task due from today on."""
    upcoming = [
        (task["due_date"], position, task)
        for position, task in enumerate(tasks)
        if task["status"] in ("todo", "in_progress") and task["due_date"] >= today
    ]
    return min(upcoming, key=lambda row: (row[0], row[1]))[2] if upcoming else None


async def test_an_overview_says_what_the_timeline_and_budget_status_say(
    client: httpx.AsyncClient, clean_platform: Platform
) -> None:
    await load(clean_platform, filler=0)
    token = (await register(client))["access_token"]
    # Far east: the plan's "today" may be a day ahead of the server's.
    created = await create_event(
        client, token, date=_days(200), timezone="Asia/Kamchatka", guests_count=150
    )
    event_id = created["id"]
    tasks = await _plan(client, token, event_id)
    for task in tasks[:3]:
        await _set_status(client, token, task["id"], "done")
    await _set_status(client, token, tasks[3]["id"], "skipped")
    await _set_status(client, token, tasks[4]["id"], "in_progress")
    await _budget(client, token, event_id)
    await _expense(client, token, event_id, "150000.00", paid=True)
    await _expense(client, token, event_id, "20000.55", category="printing")
    await _expense(client, token, event_id, "999.99", category="flowers", paid=True)
    await _contract(client, token, event_id, "send", "sign")
    await _contract(client, token, event_id, "cancel")
    await _contract(client, token, event_id)

    overview = await _get(client, token, f"{DASHBOARD}/{event_id}")
    timeline = await _get(client, token, f"/api/v1/planning/events/{event_id}/timeline")
    listed = await _get(client, token, f"/api/v1/planning/events/{event_id}/tasks")
    status = await _get(client, token, f"/api/v1/finance/budget-status/{event_id}")

    assert overview["event"] == created
    plan = overview["plan"]
    assert plan["has_plan"] is True
    assert plan["progress"] == timeline["progress"] > 0
    assert plan["overdue"] == timeline["overdue"] > 0
    assert plan["overdue"] == sum(task["overdue"] for task in listed)
    assert plan["tasks"] == len(listed)
    assert plan["done"] == 3
    expected = _expected_next_due(listed, timeline["today"])
    assert expected is not None
    assert plan["next_due"] == {
        key: expected[key] for key in ("id", "title", "start_date", "due_date")
    }

    money = overview["money"]
    assert money["has_budget"] is True
    for key in ("plan", "actual", "paid", "remaining"):
        assert money[key] == status[key], key
    assert money["actual"] == "171000.54"
    assert money["paid"] == "150999.99"
    used = Decimal(status["actual"]) * 100 / Decimal(status["plan"])
    assert Decimal(money["used_percent"]) == used.quantize(Decimal("0.1"))
    assert money["overspent"] is False

    assert overview["vendors"]["contracts"] == {"draft": 1, "sent": 0, "signed": 1, "cancelled": 1}

    page = await _get(client, token, DASHBOARD)
    assert page["total"] == 1
    assert page["items"] == [overview]


async def test_an_overspent_budget_is_flagged(client: httpx.AsyncClient) -> None:
    token = (await register(client))["access_token"]
    event_id = (await create_event(client, token))["id"]
    await _budget(client, token, event_id)
    plan = Decimal((await _get(client, token, f"{DASHBOARD}/{event_id}"))["money"]["plan"])
    await _expense(client, token, event_id, str(plan + Decimal("0.01")))

    money = (await _get(client, token, f"{DASHBOARD}/{event_id}"))["money"]
    assert money["overspent"] is True
    assert money["remaining"] == "-0.01"
    assert Decimal(money["used_percent"]) == Decimal("100.0")


async def test_every_one_of_150_expenses_is_counted(client: httpx.AsyncClient) -> None:
    """The dashboard once added up only the first 100 expenses in the browser."""
    token = (await register(client))["access_token"]
    event_id = (await create_event(client, token))["id"]
    await _budget(client, token, event_id)
    amounts = [Decimal("1234.57") + Decimal(i) / 100 for i in range(150)]
    for i, amount in enumerate(amounts):
        await _expense(
            client, token, event_id, str(amount), category=f"item {i % 7}", paid=i % 3 == 0
        )

    money = (await _get(client, token, f"{DASHBOARD}/{event_id}"))["money"]
    status = await _get(client, token, f"/api/v1/finance/budget-status/{event_id}")
    assert Decimal(money["actual"]) == sum(amounts)
    assert Decimal(money["paid"]) == sum(a for i, a in enumerate(amounts) if i % 3 == 0)
    for key in ("plan", "actual", "paid", "remaining"):
        assert money[key] == status[key], key


async def test_an_event_with_no_plan_and_no_budget_gives_zeros(client: httpx.AsyncClient) -> None:
    token = (await register(client))["access_token"]
    bare = (await create_event(client, token, date=None, budget=None, guests_count=None))["id"]
    spent = (await create_event(client, token, name="Только расходы", budget=None))["id"]
    await _expense(client, token, spent, "5000.00", paid=True)

    overview = await _get(client, token, f"{DASHBOARD}/{bare}")
    assert overview["plan"] == {
        "has_plan": False,
        "tasks": 0,
        "done": 0,
        "progress": 0.0,
        "overdue": 0,
        "next_due": None,
    }
    assert overview["money"] == {
        "has_budget": False,
        "currency": "RUB",
        "plan": "0.00",
        "actual": "0.00",
        "paid": "0.00",
        "remaining": "0.00",
        "used_percent": "0.0",
        "overspent": False,
    }
    assert overview["vendors"]["contracts"] == {"draft": 0, "sent": 0, "signed": 0, "cancelled": 0}

    money = (await _get(client, token, f"{DASHBOARD}/{spent}"))["money"]
    assert money["has_budget"] is False
    assert (money["actual"], money["paid"]) == ("5000.00", "5000.00")
    assert (money["remaining"], money["used_percent"], money["overspent"]) == ("0.00", "0.0", False)


async def test_filters_order_and_paging_are_those_of_the_events_list(
    client: httpx.AsyncClient,
) -> None:
    token = (await register(client))["access_token"]
    await create_event(client, token, name="Свадьба", event_type="wedding", date=_days(40))
    await create_event(client, token, name="Форум", event_type="forum", date=_days(10))
    await create_event(client, token, name="Без даты", date=None, venue="Лофт «Ромашка»")
    archived = await create_event(client, token, name="Старый корпоратив", date=_days(5))
    assert (
        await client.delete(f"/api/v1/events/{archived['id']}", headers=bearer(token))
    ).status_code == 204

    queries: list[dict[str, Any]] = [
        {},
        {"sort": "-date"},
        {"sort": "name", "limit": 2, "offset": 1},
        {"event_type": ["wedding", "forum"]},
        {"q": "ромашк"},
        {"date_from": _days(20)},
        {"include_archived": True, "sort": "created_at"},
        {"status": ["archived"]},
    ]
    for params in queries:
        events = await _get(client, token, "/api/v1/events", **params)
        overviews = await _get(client, token, DASHBOARD, **params)
        assert [item["event"] for item in overviews["items"]] == events["items"], params
        assert {k: overviews[k] for k in ("total", "limit", "offset")} == {
            k: events[k] for k in ("total", "limit", "offset")
        }


@pytest.mark.parametrize(
    "params",
    [
        {"status": "bogus"},
        {"event_type": "picnic"},
        {"date_from": "15 апреля"},
        {"sort": "budget"},
        {"limit": 0},
        {"limit": 201},
        {"offset": -1},
        {"include_archived": "perhaps"},
        {"q": "x" * 201},
    ],
)
async def test_bad_filters_are_a_clear_422(
    client: httpx.AsyncClient, params: dict[str, Any]
) -> None:
    token = (await register(client))["access_token"]
    response = await client.get(DASHBOARD, params=params, headers=bearer(token))
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert next(iter(params)) in response.text


async def test_another_organisations_event_is_not_found(client: httpx.AsyncClient) -> None:
    alpha = (await register(client, organization="Alpha"))["access_token"]
    beta = (await register(client, organization="Beta"))["access_token"]
    event_id = (await create_event(client, alpha))["id"]
    await _budget(client, alpha, event_id)

    foreign = await client.get(f"{DASHBOARD}/{event_id}", headers=bearer(beta))
    missing = await client.get(
        f"{DASHBOARD}/00000000-0000-7000-8000-000000000000", headers=bearer(beta)
    )
    assert foreign.status_code == missing.status_code == 404
    assert foreign.json()["detail"] == missing.json()["detail"]
    assert (await _get(client, beta, DASHBOARD))["items"] == []
    assert (await client.get(DASHBOARD)).status_code == 401
    assert (await client.get(f"{DASHBOARD}/{event_id}")).status_code == 401


@contextmanager
def _statements(platform: Platform) -> Iterator[list[str]]:
    """The SQL the app runs meanwhile, but for the outbox relay finishing earlier writes."""
    seen: list[str] = []

    def record(*args: Any) -> None:
        statement: str = args[2]
        if "outbox" not in statement:
            seen.append(statement)

    engine = platform.engine.sync_engine
    sql_event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        sql_event.remove(engine, "before_cursor_execute", record)


async def test_a_page_costs_the_same_queries_for_two_events_or_eight(
    client: httpx.AsyncClient, clean_platform: Platform
) -> None:
    await load(clean_platform, filler=0)
    token = (await register(client))["access_token"]
    for n in range(8):
        event_id = (await create_event(client, token, name=f"Событие {n}", date=_days(90)))["id"]
        await _plan(client, token, event_id)
        await _budget(client, token, event_id)
        await _expense(client, token, event_id, "1000.00")
        await _contract(client, token, event_id)

    counts = {}
    for limit in (2, 8):
        with _statements(clean_platform) as seen:
            page = await _get(client, token, DASHBOARD, limit=limit)
        assert len(page["items"]) == limit
        assert all(item["plan"]["has_plan"] for item in page["items"])
        counts[limit] = len(seen)
    # The caller, the count and the page of events, then 2 + 3 + 1 for the three domains.
    assert counts == {2: 9, 8: 9}
