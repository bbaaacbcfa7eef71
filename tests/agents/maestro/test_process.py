"""POST /api/v1/orchestration/process on both stacks, with the real agents served on the bus:
a full brief fans out to planning and finance at once, vendors follow with Finance's caps;
follow-ups refine the brief; a missing fact gets a question; a failing, late or absent agent
yields a partial answer that names what is missing."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from decimal import Decimal
from typing import Any

import httpx
import pytest

from eventmaestro.agents.base import Agent, RunContext, SkillOutcome
from eventmaestro.agents.maestro.endpoints import get_maestro
from eventmaestro.agents.maestro.service import MaestroService
from eventmaestro.agents.registry import all_agents
from eventmaestro.agents.runtime import AgentRuntime
from eventmaestro.agents.vendors.schemas import SelectRequest, SelectResult
from eventmaestro.app import create_app
from eventmaestro.kit.platform import Platform
from tests.agents.maestro.helpers import NOW, URL, ask, serve
from tests.agents.vendors.catalogue import load
from tests.api.helpers import KAZAN_PARTY, bearer, register
from tests.clock import TEST_TODAY

BRIEF = "Корпоратив на 150 человек в Казани 20 декабря, бюджет 2 млн"


async def test_a_brief_runs_planning_and_finance_at_once_then_vendors_within_the_caps(
    client: httpx.AsyncClient, token: str, agents: AgentRuntime
) -> None:
    body = await ask(client, token, BRIEF)

    assert body["intent"] == "create_event_plan"
    assert body["language"] == "ru"
    assert body["entities"]["guests_count"] == 150
    assert body["entities"]["city"] == {"name": "Казань", "geoname_id": 551487}
    assert body["entities"]["date"] == "2026-12-20"
    assert set(body["results"]) == {"plan", "budget", "vendors"}
    assert body["agents_used"] == ["planning", "finance", "vendors"]
    plan, budget, vendors = (body["results"][k] for k in ("plan", "budget", "vendors"))
    assert plan["status"] == "ok"
    assert budget["status"] == "ok"
    assert plan["output"]["plan"]["event_date"] == "2026-12-20"
    assert plan["output"]["plan"]["id"] is None  # no event named: a preview, nothing stored
    assert budget["output"]["drivers"]["guests"] == 150
    assert Decimal(budget["output"]["fit"]["target"]) == Decimal(2_000_000)

    caps = {row["category"]: Decimal(row["with_vat"]) for row in budget["output"]["allocation"]}
    assert vendors["status"] in {"ok", "partial"}
    for pick in vendors["output"]["picks"]:
        assert Decimal(pick["vendor"]["price"]["amount"]) <= caps[pick["category"]]

    timings = {t["step"]: t for t in body["timings"]}
    assert {t["state"] for t in timings.values()} == {"done"}
    # Vendors waited for the estimate; planning did not.
    budget_end = timings["budget"]["started_ms"] + timings["budget"]["duration_ms"]
    assert timings["vendors"]["started_ms"] >= budget_end - 1
    assert timings["plan"]["started_ms"] < budget_end
    assert body["summary"].startswith("Корпоратив · 150 гостей · Казань · 20 декабря 2026")
    assert "Смета:" in body["summary"]
    assert "План:" in body["summary"]
    assert body["trace_id"]
    assert body["execution_time_ms"] > 0
    assert body["clarification"] is None


async def test_english_brief_gets_an_english_answer(
    client: httpx.AsyncClient, token: str, agents: AgentRuntime
) -> None:
    body = await ask(
        client, token, "Conference for 300 people in Moscow on 15 April 2027, budget 3M rubles"
    )
    assert body["language"] == "en"
    assert body["entities"]["guests_count"] == 300
    assert body["entities"]["city"] == {"name": "Moscow", "geoname_id": 524901}
    assert body["summary"].startswith("Conference · 300 guests · Moscow · 15 April 2027")
    assert "Estimate:" in body["summary"]


async def test_follow_ups_refine_the_brief_instead_of_starting_over(
    client: httpx.AsyncClient, token: str, agents: AgentRuntime
) -> None:
    first = await ask(client, token, BRIEF)
    conversation = first["conversation_id"]

    more = await ask(client, token, "а если 200 человек?", conversation_id=conversation)
    assert more["intent"] == "create_event_plan"
    assert more["entities"]["guests_count"] == 200
    assert more["entities"]["city"]["geoname_id"] == 551487  # kept
    assert more["results"]["budget"]["output"]["drivers"]["guests"] == 200

    later = await ask(client, token, "перенеси на неделю позже", conversation_id=conversation)
    assert later["entities"]["date"] == "2026-12-27"
    assert later["entities"]["guests_count"] == 200
    assert later["results"]["plan"]["output"]["plan"]["event_date"] == "2026-12-27"

    moved = await ask(client, token, "а в Москве?", conversation_id=conversation)
    assert moved["entities"]["city"]["geoname_id"] == 524901
    assert moved["entities"]["date"] == "2026-12-27"
    assert moved["results"]["budget"]["output"]["drivers"]["city_tier"] == "moscow"
    assert later["results"]["budget"]["output"]["drivers"]["city_tier"] == "million_plus"
    # Both fitted to the same 2 million; Moscow needs a lower price level to fit.
    moscow = Decimal(moved["results"]["budget"]["output"]["fit"]["level"])
    kazan = Decimal(later["results"]["budget"]["output"]["fit"]["level"])
    assert moscow < kazan

    remembered = await client.get(
        f"/api/v1/orchestration/conversations/{conversation}", headers=bearer(token)
    )
    assert remembered.status_code == 200, remembered.text
    memory = remembered.json()
    assert memory["entities"]["city"]["geoname_id"] == 524901
    assert memory["entities"]["guests_count"] == 200
    assert [t["role"] for t in memory["turns"]] == ["user", "maestro"] * 4
    assert memory["turns"][2]["text"] == "а если 200 человек?"
    stranger = str((await register(client, organization="Чужие"))["access_token"])
    hidden = await client.get(
        f"/api/v1/orchestration/conversations/{conversation}", headers=bearer(stranger)
    )
    assert hidden.status_code == 404

    other = await ask(
        client, token, "Свадьба на 80 человек в Сочи 5 июня 2027", conversation_id=conversation
    )
    assert other["entities"]["event_type"] == "wedding"
    assert other["entities"]["budget"] is None  # the corporate party's budget is not carried


async def test_a_missing_fact_gets_a_clarifying_question_and_runs_nothing(
    client: httpx.AsyncClient, token: str, agents: AgentRuntime
) -> None:
    body = await ask(client, token, "Хочу организовать корпоратив в Казани, бюджет 2 млн")
    assert body["clarification"]["blocking"] is True
    assert set(body["clarification"]["missing"]) == {"date", "guests_count"}
    assert body["results"] == {}
    assert body["agents_used"] == []
    assert body["summary"] == body["clarification"]["question"]
    assert "дату" in body["summary"]
    assert "количество гостей" in body["summary"]

    answered = await ask(
        client, token, "20 декабря, 120 человек", conversation_id=body["conversation_id"]
    )
    assert answered["clarification"] is None
    assert answered["entities"]["event_type"] == "corporate_party"
    assert set(answered["results"]) == {"plan", "budget", "vendors"}


async def test_without_a_city_vendors_wait_and_maestro_asks(
    client: httpx.AsyncClient, token: str, agents: AgentRuntime
) -> None:
    body = await ask(client, token, "Конференция на 200 человек 10 марта 2027")
    assert body["clarification"] == {
        "question": "Уточните, пожалуйста, город.",
        "missing": ["city"],
        "blocking": False,
        "options": [],
    }
    assert set(body["results"]) == {"plan", "budget"}
    assert any("vendors.select: needs the city" in w for w in body["warnings"])


def _failing_vendors(behaviour: str) -> Agent:
    """An agent under the vendors name whose selection crashes or overruns: the real bus
    and runtime carry it, so Maestro meets the failure exactly as in production."""
    broken = Agent("vendors", "broken on purpose")

    @broken.skill("select", input=SelectRequest, output=SelectResult)
    async def select(ctx: RunContext, data: SelectRequest) -> SkillOutcome[SelectResult]:
        if behaviour == "raise":
            raise RuntimeError("solver exploded")
        await asyncio.sleep(30)
        raise AssertionError("unreachable")

    return broken


@pytest.mark.parametrize("behaviour", ["raise", "late"])
async def test_a_failing_or_late_agent_gives_a_partial_answer_naming_it(
    clean_platform: Platform, behaviour: str
) -> None:
    await load(clean_platform)
    real = [a for a in all_agents() if a.name != "vendors"]
    runtime = await serve(clean_platform, [*real, _failing_vendors(behaviour)])
    app = create_app(platform=clean_platform)
    if behaviour == "late":
        app.dependency_overrides[get_maestro] = lambda: MaestroService(
            clean_platform, request_seconds=2.0
        )
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://m.test") as http:
            token = str((await register(http))["access_token"])
            body = await ask(http, token, BRIEF)
    finally:
        await runtime.stop()
    assert body["results"]["plan"]["status"] == "ok"
    assert body["results"]["budget"]["status"] == "ok"
    assert body["results"]["vendors"]["status"] == "failed"
    timings = {t["step"]: t for t in body["timings"]}
    assert timings["vendors"]["state"] == "failed"
    warning = next(w for w in body["warnings"] if w.startswith("vendors.select:"))
    assert ("failed unexpectedly" if behaviour == "raise" else "did not answer") in warning
    assert "Нет результата: vendors.select." in body["summary"]
    assert "Смета:" in body["summary"]


async def test_an_absent_agent_is_named_not_imitated(
    clean_platform: Platform,
) -> None:
    runtime = await serve(clean_platform, all_agents())
    app = create_app(platform=clean_platform)
    service = MaestroService(clean_platform)
    del service.skills["vendors"]  # an installation without the Vendor agent
    app.dependency_overrides[get_maestro] = lambda: service
    try:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://m.test"
        ) as http:
            token = str((await register(http))["access_token"])
            body = await ask(http, token, BRIEF)
    finally:
        await runtime.stop()
    assert "vendors" not in body["results"]
    assert (
        "vendors.select: vendors.select is not available on this installation" in (body["warnings"])
    )


async def test_a_stored_event_is_what_the_conversation_is_about(
    client: httpx.AsyncClient, token: str, agents: AgentRuntime
) -> None:
    created = await client.post("/api/v1/events", json=KAZAN_PARTY, headers=bearer(token))
    assert created.status_code == 201, created.text
    event_id = created.json()["id"]
    body = await ask(client, token, "составь план мероприятия", event_id=event_id)
    assert body["event_id"] == event_id
    assert body["entities"]["guests_count"] == KAZAN_PARTY["guests_count"]
    assert body["results"]["plan"]["output"]["plan"]["event_id"] == event_id
    stored = await client.get(f"/api/v1/finance/events/{event_id}/budget", headers=bearer(token))
    assert stored.status_code == 200, stored.text

    # A what-if on the stored event is a preview: the stored plan (and its tasks' progress)
    # stays as it was.
    plan_before = await client.get(
        f"/api/v1/planning/events/{event_id}/tasks", headers=bearer(token)
    )
    what_if = await ask(
        client, token, "а если 300 человек?", conversation_id=body["conversation_id"]
    )
    assert what_if["results"]["plan"]["output"]["plan"]["id"] is None
    assert any(
        "stored plan is kept" in w or "сохранённый план не изменён" in w
        for w in what_if["warnings"]
    )
    plan_after = await client.get(
        f"/api/v1/planning/events/{event_id}/tasks", headers=bearer(token)
    )
    assert plan_after.json() == plan_before.json()

    conversation = body["conversation_id"]
    calm = await ask(client, token, "что у нас горит?", conversation_id=conversation)
    assert calm["intent"] == "manage_tasks"
    assert calm["results"]["tasks"]["status"] == "ok"
    # Work starts as soon as possible, so the first tasks are due this week, none overdue.
    due = calm["results"]["tasks"]["output"]["tasks"]
    assert due
    week_end = (TEST_TODAY + dt.timedelta(days=7)).isoformat()
    assert all(t["due_date"] <= week_end and not t["overdue"] for t in due)

    # Seven weeks later without any progress: overdue work and this week's deadlines.
    late = await ask(
        client,
        token,
        "что у нас горит?",
        conversation_id=conversation,
        now="2026-10-20T09:00:00+03:00",
    )
    burning = late["results"]["tasks"]["output"]["tasks"]
    assert burning
    assert all(t["due_date"] <= "2026-10-27" for t in burning)
    assert all(t["status"] in {"todo", "in_progress"} for t in burning)
    assert any(t["overdue"] for t in burning)
    assert "(просрочена)" in late["summary"]


async def test_another_organisations_event_is_not_found(
    client: httpx.AsyncClient, token: str, agents: AgentRuntime
) -> None:
    other = str((await register(client, organization="Чужие"))["access_token"])
    created = await client.post("/api/v1/events", json=KAZAN_PARTY, headers=bearer(other))
    response = await client.post(
        URL,
        json={"message": "составь план", "event_id": created.json()["id"]},
        headers=bearer(token),
    )
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")


async def test_out_of_scope_runs_no_agent(
    client: httpx.AsyncClient, token: str, agents: AgentRuntime
) -> None:
    body = await ask(client, token, "какая завтра погода в Лондоне?")
    assert body["intent"] == "out_of_scope"
    assert body["agents_used"] == []
    assert body["results"] == {}
    assert "вне моей области" in body["summary"]


async def test_the_stream_reports_each_skill_before_the_answer(
    client: httpx.AsyncClient, token: str, agents: AgentRuntime
) -> None:
    events: list[tuple[str, dict[str, Any]]] = []
    async with client.stream(
        "POST", URL + "/stream", json={"message": BRIEF, "now": NOW}, headers=bearer(token)
    ) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        # httpx asks for gzip; a compressed stream would hold each event back until a block fills.
        assert "content-encoding" not in response.headers
        kind = ""
        async for line in response.aiter_lines():
            if line.startswith("event: "):
                kind = line.removeprefix("event: ")
            elif line.startswith("data: "):
                events.append((kind, json.loads(line.removeprefix("data: "))))
    kinds = [k for k, _ in events]
    assert kinds[0] == "understood"
    assert kinds[-1] == "answer"
    assert kinds.count("skill_started") == 3
    assert kinds.count("skill_finished") == 3
    for step in ("plan", "budget", "vendors"):
        positions = [i for i, (_, d) in enumerate(events) if d.get("step") == step]
        assert [events[i][0] for i in positions] == ["skill_started", "skill_finished"]
    answer = events[-1][1]
    assert set(answer["results"]) == {"plan", "budget", "vendors"}


async def test_health_pings_every_agent_over_the_bus(
    client: httpx.AsyncClient, token: str, clean_platform: Platform
) -> None:
    runtime = await serve(clean_platform, [a for a in all_agents() if a.name != "vendors"])
    try:
        response = await client.get("/api/v1/orchestration/health", headers=bearer(token))
    finally:
        await runtime.stop()
    assert response.status_code == 200, response.text
    body = response.json()
    status = {a["name"]: a["status"] for a in body["agents"]}
    assert status == {"planning": "up", "finance": "up", "vendors": "down"}
    assert body["status"] == "degraded"
    assert {p["name"] for p in body["providers"]} >= {"offline"}
