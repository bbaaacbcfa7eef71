"""Chat commands about a stored event, through POST /orchestration/process on both stacks with
the real agents on the bus: move a deadline, record an expense, ask what is left, ask whether
a ticket price pays off, ask for the best price. Every number in the answers is checked
against what the agents compute and store."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import httpx
import pytest

from eventmaestro.agents.finance.analysis import pricing, roi_analysis
from eventmaestro.agents.finance.schemas import PricingRequest, RoiRequest, TierIn
from eventmaestro.agents.maestro.summaries import exact_money, percent
from eventmaestro.agents.registry import all_agents
from eventmaestro.agents.runtime import AgentRuntime
from eventmaestro.kit.platform import Platform
from tests.agents.maestro.helpers import ask, serve
from tests.api.helpers import bearer, create_event

OPEN = {"todo", "in_progress"}


@pytest.fixture
async def served(clean_platform: Platform) -> AsyncIterator[AgentRuntime]:
    """Every real agent; no vendor catalogue, since no command here selects vendors."""
    runtime = await serve(clean_platform, all_agents())
    try:
        yield runtime
    finally:
        await runtime.stop()


@pytest.fixture
async def event(client: httpx.AsyncClient, token: str, served: AgentRuntime) -> dict[str, Any]:
    """The Kazan corporate party (20 December 2026, 150 guests, budget 2 million) with a plan
    started on 1 September and an estimate fitted to its budget, both stored."""
    created = await create_event(client, token)
    plan = await client.post(
        f"/api/v1/planning/events/{created['id']}/plan",
        json={"start_date": "2026-09-01"},
        headers=bearer(token),
    )
    assert plan.status_code == 201, plan.text
    budget = await client.post(
        f"/api/v1/finance/events/{created['id']}/budget", json={}, headers=bearer(token)
    )
    assert budget.status_code == 201, budget.text
    return created


async def _tasks(client: httpx.AsyncClient, token: str, event_id: str) -> list[dict[str, Any]]:
    response = await client.get(f"/api/v1/planning/events/{event_id}/tasks", headers=bearer(token))
    assert response.status_code == 200, response.text
    tasks: list[dict[str, Any]] = response.json()
    return tasks


async def _status(client: httpx.AsyncClient, token: str, event_id: str) -> dict[str, Any]:
    response = await client.get(f"/api/v1/finance/budget-status/{event_id}", headers=bearer(token))
    assert response.status_code == 200, response.text
    status: dict[str, Any] = response.json()
    return status


def _morning(day: dt.date) -> str:
    return f"{day.isoformat()}T09:00:00+03:00"


def _next_friday(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=(4 - day.weekday()) % 7 or 7)


async def test_moving_the_catering_deadline_moves_the_next_catering_task_and_its_dependants(
    client: httpx.AsyncClient, token: str, event: dict[str, Any]
) -> None:
    before = await _tasks(client, token, event["id"])
    catering = [t for t in before if "кейтеринг" in t["title"].lower() and t["status"] in OPEN]
    assert len(catering) > 1  # several catering deadlines: the next one is meant
    target = min(catering, key=lambda t: t["due_date"])
    # Asked on the morning the task is due, «на пятницу» is the coming Friday: later, so
    # the work after it must move.
    today = dt.date.fromisoformat(target["due_date"])
    friday = _next_friday(today)
    dependants = {t["id"]: t for t in before if target["id"] in t["depends_on"]}
    assert dependants

    body = await ask(
        client,
        token,
        "перенеси дедлайн по кейтерингу на пятницу",
        event_id=event["id"],
        now=_morning(today),
    )

    assert body["intent"] == "manage_tasks"
    assert body["clarification"] is None
    assert body["agents_used"] == ["planning"]
    assert body["results"]["find"]["output"]["category"] == "catering"
    change = body["results"]["move"]["output"]
    assert change["task"]["id"] == target["id"]
    assert change["task"]["due_date"] == friday.isoformat()
    assert change["moved"]
    after = {t["id"]: t for t in await _tasks(client, token, event["id"])}
    assert after[target["id"]]["due_date"] == friday.isoformat()
    assert {m["id"] for m in change["moved"]} >= {
        task_id
        for task_id, task in dependants.items()
        if dt.date.fromisoformat(task["start_date"]) <= friday
    }
    for task_id in dependants:
        assert after[task_id]["start_date"] > friday.isoformat()
    for moved in change["moved"]:
        assert after[moved["id"]]["due_date"] == moved["due_date"]
    assert f"«{target['title']}»" in body["summary"]
    assert "(пятница)" in body["summary"]
    assert "ближайшую по сроку" in body["summary"]
    assert "Сдвинулись зависимые задачи" in body["summary"]


async def test_an_unknown_task_gets_a_question_listing_tasks_and_nothing_changes(
    client: httpx.AsyncClient, token: str, event: dict[str, Any]
) -> None:
    before = await _tasks(client, token, event["id"])
    body = await ask(
        client, token, "перенеси дедлайн по фейерверку на пятницу", event_id=event["id"]
    )
    assert body["intent"] == "manage_tasks"
    question = body["clarification"]
    assert question["blocking"] is True
    assert question["missing"] == ["task"]
    assert 0 < len(question["options"]) <= 5
    assert set(question["options"]) <= {t["title"] for t in before if t["status"] in OPEN}
    assert "фейерверку" in question["question"]
    assert body["summary"] == question["question"]
    assert "move" not in body["results"]
    assert body["results"]["find"]["output"]["matches"] == []
    assert await _tasks(client, token, event["id"]) == before


async def test_a_deadline_before_the_task_starts_is_asked_about_not_sent(
    client: httpx.AsyncClient, token: str, event: dict[str, Any]
) -> None:
    before = await _tasks(client, token, event["id"])
    body = await ask(client, token, "перенеси срок дегустации на 2 сентября", event_id=event["id"])
    assert body["clarification"]["missing"] == ["due_date"]
    assert "не может быть раньше" in body["summary"]
    assert "move" not in body["results"]
    assert await _tasks(client, token, event["id"]) == before


async def test_an_expense_is_recorded_and_what_is_left_is_exact(
    client: httpx.AsyncClient, token: str, event: dict[str, Any]
) -> None:
    before = await _status(client, token, event["id"])
    body = await ask(client, token, "добавь расход 50 000 на цветы", event_id=event["id"])

    assert body["intent"] == "track_expenses"
    expense = body["results"]["expense"]["output"]["expense"]
    assert expense["amount"] == {"amount": "50000.00", "currency": "RUB"}
    assert expense["category"] == "decoration"
    assert expense["description"] == "цветы"
    assert expense["date"] == "2026-09-01"
    listed = await client.get(
        f"/api/v1/finance/events/{event['id']}/expenses", headers=bearer(token)
    )
    assert [(e["amount"]["amount"], e["category"]) for e in listed.json()["items"]] == [
        ("50000.00", "decoration")
    ]
    after = await _status(client, token, event["id"])
    assert Decimal(after["actual"]) - Decimal(before["actual"]) == Decimal("50000.00")
    assert Decimal(before["remaining"]) - Decimal(after["remaining"]) == Decimal("50000.00")
    decor = next(c for c in after["categories"] if c["category"] == "decoration")
    left_in_decor = Decimal(decor["plan"]) - Decimal(decor["actual"])
    assert f"осталось {exact_money(left_in_decor, 'ru')}" in body["summary"]
    assert f"осталось {exact_money(after['remaining'], 'ru')}" in body["summary"]
    # The expense's sum is not the event's budget.
    assert body["entities"]["budget"] == {"amount": "2000000.00", "currency": "RUB"}

    left = await ask(client, token, "сколько осталось?", conversation_id=body["conversation_id"])
    assert left["intent"] == "track_expenses"
    assert left["results"]["status"]["output"]["status"] == after
    assert f"осталось {exact_money(after['remaining'], 'ru')}" in left["summary"]
    assert f"потрачено {exact_money(after['actual'], 'ru')}" in left["summary"]


async def test_roi_and_the_best_ticket_price_are_finances_own_figures(
    client: httpx.AsyncClient, token: str, event: dict[str, Any]
) -> None:
    status = await _status(client, token, event["id"])
    costs = Decimal(status["plan"])
    body = await ask(client, token, "окупится ли, если билет 5000?", event_id=event["id"])

    assert body["intent"] == "analyze_roi"
    expected = roi_analysis(
        RoiRequest(tiers=[TierIn(name="standard", price=Decimal(5000), attendance=150)]),
        costs,
        150,
    )
    assert body["results"]["roi"]["output"] == expected.model_dump(mode="json")
    assert expected.profit < 0
    assert f"ROI {percent(expected.roi_percent, 'ru')}" in body["summary"]
    assert f"убыток {exact_money(-expected.profit, 'ru')}" in body["summary"]
    assert f"Безубыточность: {expected.break_even_attendance} гост" in body["summary"]

    priced = await ask(
        client, token, "какую цену билета поставить?", conversation_id=body["conversation_id"]
    )
    assert priced["intent"] == "optimize_pricing"
    best = pricing(
        PricingRequest(
            event_type="corporate_party",
            anchor_price=Decimal(5000),
            anchor_attendance=Decimal(150),
            capacity=150,
            fixed_costs=costs,
        )
    )
    assert priced["results"]["pricing"]["output"] == best.model_dump(mode="json")
    assert exact_money(best.optimum.price, "ru") in priced["summary"]


async def test_without_a_price_the_pricing_question_asks_for_a_point_of_demand(
    client: httpx.AsyncClient, token: str, event: dict[str, Any]
) -> None:
    body = await ask(client, token, "какую цену билета поставить?", event_id=event["id"])
    assert body["clarification"]["missing"] == ["price_point"]
    assert "pricing" not in body["results"]

    answered = await ask(
        client,
        token,
        "какую цену поставить, если при 3000 придут 300 человек?",
        conversation_id=body["conversation_id"],
    )
    output = answered["results"]["pricing"]["output"]
    assert output["capacity_binds"] is True  # 300 want to come at 3000, the hall holds 150
    assert Decimal(output["optimum"]["price"]) > 3000


@pytest.mark.parametrize(
    "message",
    [
        "перенеси дедлайн по кейтерингу на пятницу",
        "добавь расход 50 000 на цветы",
        "сколько осталось?",
        "окупится ли, если билет 5000?",
    ],
)
async def test_without_an_event_maestro_asks_which_one(
    client: httpx.AsyncClient, token: str, served: AgentRuntime, message: str
) -> None:
    body = await ask(client, token, message)
    assert body["clarification"]["missing"] == ["event"]
    assert body["clarification"]["blocking"] is True
    assert "о каком мероприятии речь" in body["summary"]
    assert body["results"] == {}
    assert body["agents_used"] == []


async def test_the_first_two_options_found_are_compared(
    client: httpx.AsyncClient, token: str, agents: AgentRuntime
) -> None:
    found = await ask(client, token, "найди лофт на 200 человек в Москве")
    assert found["intent"] == "search_vendors"
    items = found["results"]["vendors"]["output"]["items"]
    assert len(items) >= 3

    body = await ask(
        client, token, "сравни первые два варианта", conversation_id=found["conversation_id"]
    )
    assert body["intent"] == "compare_vendors"
    rows = body["results"]["vendors"]["output"]["rows"]
    assert [r["vendor_id"] for r in rows] == [hit["vendor"]["id"] for hit in items[:2]]
    assert body["results"]["vendors"]["output"]["guests"] == 200
    assert "Сравнение:" in body["summary"]
    for row in rows:
        assert f"«{row['name']}»" in body["summary"]

    other = await ask(
        client, token, "сравни первый и третий", conversation_id=found["conversation_id"]
    )
    rows = other["results"]["vendors"]["output"]["rows"]
    assert [r["vendor_id"] for r in rows] == [items[0]["vendor"]["id"], items[2]["vendor"]["id"]]
    assert "Дешевле —" in other["summary"]


async def test_comparing_before_any_search_asks_for_one(
    client: httpx.AsyncClient, token: str, served: AgentRuntime
) -> None:
    body = await ask(client, token, "сравни первые два варианта")
    assert body["clarification"]["missing"] == ["shortlist"]
    assert body["results"] == {}


async def test_the_same_commands_in_english(
    client: httpx.AsyncClient, token: str, event: dict[str, Any]
) -> None:
    body = await ask(client, token, "add an expense of 50,000 for flowers", event_id=event["id"])
    assert body["intent"] == "track_expenses"
    assert body["language"] == "en"
    expense = body["results"]["expense"]["output"]["expense"]
    assert expense["amount"] == {"amount": "50000.00", "currency": "RUB"}
    assert expense["category"] == "decoration"
    after = await _status(client, token, event["id"])
    overall = f"Overall: {exact_money(after['remaining'], 'en')} of "
    assert "Recorded an expense of 50,000 ₽: Decoration (“flowers”)." in body["summary"]
    assert overall in body["summary"]

    left = await ask(client, token, "how much is left?", conversation_id=body["conversation_id"])
    assert left["intent"] == "track_expenses"
    assert left["results"]["status"]["output"]["status"] == after

    roi = await ask(
        client,
        token,
        "will it pay off if a ticket is 5000?",
        conversation_id=body["conversation_id"],
    )
    assert roi["intent"] == "analyze_roi"
    assert roi["language"] == "en"
    assert roi["results"]["roi"]["status"] == "ok"


async def test_the_answer_to_which_task_completes_the_command(
    client: httpx.AsyncClient, token: str, event: dict[str, Any]
) -> None:
    asked = await ask(
        client, token, "перенеси дедлайн по фейерверку на 18 декабря", event_id=event["id"]
    )
    options = asked["clarification"]["options"]
    assert len(options) >= 2
    chosen = next(t for t in await _tasks(client, token, event["id"]) if t["title"] == options[1])

    answered = await ask(client, token, "вторую", conversation_id=asked["conversation_id"])

    assert answered["intent"] == "manage_tasks"
    assert answered["clarification"] is None
    change = answered["results"]["move"]["output"]
    assert change["task"]["id"] == chosen["id"]
    assert change["task"]["due_date"] == "2026-12-18"
    after = {t["id"]: t for t in await _tasks(client, token, event["id"])}
    assert after[chosen["id"]]["due_date"] == "2026-12-18"
    # The event itself kept its date: the answer completed a command, not a new brief.
    assert answered["entities"]["date"] == "2026-12-20"

    # Nothing is pending any more: the same word now is just a word.
    again = await ask(client, token, "вторую", conversation_id=asked["conversation_id"])
    assert "move" not in again["results"]


async def test_the_answer_to_which_date_completes_the_command(
    client: httpx.AsyncClient, token: str, event: dict[str, Any]
) -> None:
    asked = await ask(client, token, "перенеси срок дегустации на 2 сентября", event_id=event["id"])
    assert asked["clarification"]["missing"] == ["due_date"]
    answered = await ask(client, token, "на 16 декабря", conversation_id=asked["conversation_id"])
    change = answered["results"]["move"]["output"]
    assert "дегустац" in change["task"]["title"].lower()
    assert change["task"]["due_date"] == "2026-12-16"
    # Its dependants now fall after the 20 December event: kept, and said plainly.
    late = [m["title"] for m in change["moved"] if m["due_date"] > "2026-12-20"]
    assert late
    assert "Теперь позже даты мероприятия: " in answered["summary"]
    assert f"«{late[0]}»" in answered["summary"]
