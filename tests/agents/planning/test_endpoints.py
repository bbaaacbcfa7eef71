"""Planning API on both stacks: plans, tasks, rescheduling, cycles, timelines, tenancy."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from eventmaestro.agents.planning.calendar import calendar_for
from eventmaestro.kit.outbox_models import OutboxMessage
from eventmaestro.kit.platform import Platform
from tests.api.helpers import bearer, create_event, register
from tests.clock import TEST_TODAY

PLANNING = "/api/v1/planning"
LATER = {"date": "2027-06-01", "event_type": "conference", "guests_count": 150}
OPTIONS = {"start_date": "2027-01-11"}


async def _planned(
    client: httpx.AsyncClient, options: dict[str, Any] | None = None, **event: Any
) -> tuple[str, dict[str, Any], dict[str, Any]]:
    token = (await register(client))["access_token"]
    created = await create_event(client, token, **{**LATER, **event})
    response = await client.post(
        f"{PLANNING}/events/{created['id']}/plan",
        json=OPTIONS if options is None else options,
        headers=bearer(token),
    )
    assert response.status_code == 201, response.text
    return token, created, response.json()


def _by_key(tasks: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {task["key"]: task for task in tasks}


async def test_templates_are_listed_and_described(client: httpx.AsyncClient) -> None:
    token = (await register(client))["access_token"]
    listed = await client.get(f"{PLANNING}/templates", headers=bearer(token))
    assert listed.status_code == 200
    assert len(listed.json()) == 13
    wedding = await client.get(f"{PLANNING}/templates/wedding", headers=bearer(token))
    assert wedding.status_code == 200
    body = wedding.json()
    assert body["title_ru"] == "Свадьба"
    assert any(item["id"] == "registry_office" for item in body["items"])
    missing = await client.get(f"{PLANNING}/templates/nope", headers=bearer(token))
    assert missing.status_code == 404


async def test_a_plan_fits_before_the_event_and_is_announced(
    client: httpx.AsyncClient, clean_platform: Platform
) -> None:
    _, _event, generated = await _planned(client)
    plan = generated["plan"]
    assert plan["feasibility"]["feasible"] is True
    assert plan["mode"] == "forward"
    assert plan["tasks_count"] == len(generated["tasks"]) >= 25
    for task in generated["tasks"]:
        if not task["after_event"]:
            assert task["due_date"] <= "2027-06-01"
        assert task["start_date"] >= "2027-01-11"
    assert plan["feasibility"]["critical_path"]
    async with clean_platform.sessionmaker() as session:
        topics = (await session.scalars(select(OutboxMessage.topic))).all()
    assert "planning.plan_generated" in topics


async def test_an_impossible_date_is_explained_with_an_earliest_feasible_date(
    client: httpx.AsyncClient,
) -> None:
    _, _, generated = await _planned(
        client, {"start_date": "2027-05-17"}, guests_count=1500, date="2027-05-31"
    )
    why = generated["plan"]["feasibility"]
    assert why["feasible"] is False
    assert why["available_days"] == 10
    assert f"нужно {why['required_days']} рабочих" in why["explanation"]
    assert why["compressions"]
    assert why["earliest_feasible_date"] > "2027-05-31"


async def test_plan_needs_a_dated_event_and_a_known_template(client: httpx.AsyncClient) -> None:
    token = (await register(client))["access_token"]
    undated = await create_event(client, token, date=None)
    response = await client.post(
        f"{PLANNING}/events/{undated['id']}/plan", json={}, headers=bearer(token)
    )
    assert response.status_code == 422
    dated = await create_event(client, token, **LATER)
    for body in ({"template": "circus"}, {"surprise": 1}, {"start_date": "2028-01-01"}):
        response = await client.post(
            f"{PLANNING}/events/{dated['id']}/plan", json=body, headers=bearer(token)
        )
        assert response.status_code == 422, body


async def test_task_filters(client: httpx.AsyncClient) -> None:
    token, event, _ = await _planned(
        client, {"start_date": "2026-06-01", "mode": "forward"}, date="2027-03-01"
    )
    url = f"{PLANNING}/events/{event['id']}/tasks"
    everything = (await client.get(url, headers=bearer(token))).json()
    critical = (await client.get(url, params={"critical_only": True}, headers=bearer(token))).json()
    assert 0 < len(critical) < len(everything)
    assert all(task["critical"] for task in critical)
    overdue = (await client.get(url, params={"overdue": True}, headers=bearer(token))).json()
    assert overdue
    today = TEST_TODAY.isoformat()
    assert all(task["overdue"] and task["due_date"] < today for task in overdue)
    concept = (await client.get(url, params={"phase": "concept"}, headers=bearer(token))).json()
    assert {task["phase"] for task in concept} == {"concept"}
    soon = (await client.get(url, params={"due_within_days": 0}, headers=bearer(token))).json()
    assert {t["id"] for t in soon} >= {t["id"] for t in overdue}
    brief = _by_key(everything)["brief"]
    done = await client.put(
        f"{PLANNING}/tasks/{brief['id']}", json={"status": "done"}, headers=bearer(token)
    )
    assert done.status_code == 200, done.text
    finished = (await client.get(url, params={"status": "done"}, headers=bearer(token))).json()
    assert [task["key"] for task in finished] == ["brief"]


async def test_a_longer_task_pushes_its_dependants(client: httpx.AsyncClient) -> None:
    token, _, generated = await _planned(client)
    tasks = _by_key(generated["tasks"])
    concept, budget = tasks["concept"], tasks["budget"]
    response = await client.put(
        f"{PLANNING}/tasks/{concept['id']}",
        json={"duration": concept["duration"] + 30},
        headers=bearer(token),
    )
    assert response.status_code == 200, response.text
    change = response.json()
    moved = {task["id"]: task for task in change["moved"]}
    assert budget["id"] in moved
    assert moved[budget["id"]]["start_date"] > change["task"]["due_date"]
    assert tasks["brief"]["id"] not in moved


async def test_a_dependency_cycle_is_refused_by_name(client: httpx.AsyncClient) -> None:
    token, _, generated = await _planned(client)
    tasks = _by_key(generated["tasks"])
    response = await client.put(
        f"{PLANNING}/tasks/{tasks['brief']['id']}",
        json={"depends_on": [tasks["budget"]["id"]]},
        headers=bearer(token),
    )
    assert response.status_code == 409
    detail = response.json()["detail"]
    assert "cycle" in detail
    assert tasks["brief"]["title"] in detail
    assert tasks["budget"]["title"] in detail
    unknown = await client.put(
        f"{PLANNING}/tasks/{tasks['brief']['id']}",
        json={"depends_on": ["018f0000-0000-7000-8000-000000000000"]},
        headers=bearer(token),
    )
    assert unknown.status_code == 422


async def test_a_new_task_starts_after_its_dependencies(client: httpx.AsyncClient) -> None:
    token, event, generated = await _planned(client)
    venue = _by_key(generated["tasks"])["venue_booked"]
    response = await client.post(
        f"{PLANNING}/tasks",
        json={
            "event_id": event["id"],
            "title": "Согласовать фейерверк",
            "phase": "logistics",
            "duration": 3,
            "depends_on": [venue["id"]],
        },
        headers=bearer(token),
    )
    assert response.status_code == 201, response.text
    task = response.json()["task"]
    assert task["key"] == "custom-1"
    assert task["start_date"] >= venue["start_date"]
    listed = (
        await client.get(f"{PLANNING}/events/{event['id']}/tasks", headers=bearer(token))
    ).json()
    assert task["id"] in {t["id"] for t in listed}


async def test_timeline_shows_phases_milestones_and_progress(client: httpx.AsyncClient) -> None:
    token, event, generated = await _planned(client)
    url = f"{PLANNING}/events/{event['id']}/timeline"
    timeline = (await client.get(url, headers=bearer(token))).json()
    assert next(phase["id"] for phase in timeline["phases"]) == "concept"
    assert len(timeline["phases"]) == 8
    assert timeline["milestones"][-1]["title"] == "Мероприятие"
    assert timeline["feasibility"]["critical_path"]
    assert timeline["progress"] == 0.0
    brief = _by_key(generated["tasks"])["brief"]
    await client.put(
        f"{PLANNING}/tasks/{brief['id']}", json={"status": "done"}, headers=bearer(token)
    )
    after = (await client.get(url, headers=bearer(token))).json()
    assert after["progress"] > 0
    concept = next(phase for phase in after["phases"] if phase["id"] == "concept")
    assert concept["done"] == 1
    assert concept["progress"] > 0


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/events/{event}/plan", {}),
        ("GET", "/events/{event}/tasks", None),
        ("GET", "/events/{event}/timeline", None),
        ("GET", "/events/{event}/export?format=csv", None),
        ("PUT", "/tasks/{task}", {"status": "done"}),
        ("POST", "/tasks", {"event_id": "{event}", "title": "x", "phase": "concept"}),
    ],
)
async def test_other_tenants_plans_are_not_found(
    client: httpx.AsyncClient, method: str, path: str, body: dict[str, Any] | None
) -> None:
    owner, event, generated = await _planned(client)
    stranger = (await register(client, organization="Чужие"))["access_token"]
    ids = {"event": event["id"], "task": generated["tasks"][0]["id"]}
    if body is not None:
        body = {k: v.format(**ids) if isinstance(v, str) else v for k, v in body.items()}
    response = await client.request(
        method, PLANNING + path.format(**ids), json=body, headers=bearer(stranger)
    )
    assert response.status_code == 404, response.text
    mine = await client.get(f"{PLANNING}/events/{event['id']}/tasks", headers=bearer(owner))
    assert all(task["status"] == "todo" for task in mine.json())


async def test_dates_and_durations_set_by_hand(client: httpx.AsyncClient) -> None:
    token, event, generated = await _planned(client)
    tasks = _by_key(generated["tasks"])
    budget = tasks["budget"]
    url = f"{PLANNING}/tasks/{budget['id']}"
    calendar = calendar_for("RU")
    # 1 May 2027 is a Saturday and a holiday: work starts on the next working day.
    moved = await client.put(url, json={"start_date": "2027-05-01"}, headers=bearer(token))
    assert moved.status_code == 200, moved.text
    task = moved.json()["task"]
    start = calendar.date(calendar.index(dt.date(2027, 5, 1)))
    assert task["start_date"] == start.isoformat() > "2027-05-01"
    assert task["duration"] == budget["duration"]
    due = calendar.date(calendar.index(start) + 5)
    stretched = await client.put(url, json={"due_date": due.isoformat()}, headers=bearer(token))
    assert stretched.json()["task"]["duration"] == 6
    assert stretched.json()["task"]["due_date"] == due.isoformat()
    # A start before the work it waits for is moved to when that work is done.
    early = await client.put(url, json={"start_date": "2027-01-11"}, headers=bearer(token))
    concept = tasks["concept"]
    assert early.json()["task"]["start_date"] > concept["due_date"]
    for body in ({"due_date": "2027-01-01"}, {"start_date": "2099-01-01"}, {"duration": -1}):
        refused = await client.put(url, json=body, headers=bearer(token))
        assert refused.status_code == 422, body
    again = await client.post(
        f"{PLANNING}/events/{event['id']}/plan", json=OPTIONS, headers=bearer(token)
    )
    assert again.status_code == 201
    listed = await client.get(f"{PLANNING}/events/{event['id']}/tasks", headers=bearer(token))
    assert len(listed.json()) == len(generated["tasks"])  # regenerating replaces, not adds
    assert budget["id"] not in {t["id"] for t in listed.json()}


async def test_an_infeasible_plan_flags_tasks_at_risk(client: httpx.AsyncClient) -> None:
    token, event, generated = await _planned(
        client, {"start_date": "2027-05-17"}, guests_count=1500, date="2027-05-31"
    )
    assert generated["plan"]["mode"] == "forward"
    timeline = (
        await client.get(f"{PLANNING}/events/{event['id']}/timeline", headers=bearer(token))
    ).json()
    assert timeline["at_risk"] > 0
    assert timeline["feasibility"]["feasible"] is False


async def test_requirements_in_the_notes_add_tasks(client: httpx.AsyncClient) -> None:
    _, _, generated = await _planned(
        client,
        {**OPTIONS, "requirements": "иностранные спикеры — визы"},
        notes="Финал с фейерверком",
    )
    assert generated["plan"]["requirements"] == ["fireworks", "visas"]
    keys = {task["key"] for task in generated["tasks"]}
    assert {"fireworks_permit", "visa_support"} <= keys
