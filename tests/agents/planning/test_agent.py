"""The Planning agent's skills over the bus, on both stacks."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest

from eventmaestro.accounts.models import Organization
from eventmaestro.agents.base import Agent, AgentContext, AgentTask, ResultStatus
from eventmaestro.agents.planning.agent import agent as planning
from eventmaestro.agents.registry import all_agents
from eventmaestro.agents.runtime import AgentRuntime, invoke
from eventmaestro.events.schemas import EventCreate
from eventmaestro.events.service import EventsService
from eventmaestro.kit.auth import Principal
from eventmaestro.kit.clock import utcnow
from eventmaestro.kit.platform import Platform
from tests.agents.test_runtime import _delete_queue


@pytest.fixture
async def runtime(clean_platform: Platform) -> AsyncIterator[AgentRuntime]:
    agent = Agent(f"planning-{uuid.uuid4().hex[:8]}", planning.description)
    agent.skills = planning.skills
    served = AgentRuntime(clean_platform, [agent])
    await served.start()
    try:
        yield served
    finally:
        await served.stop()
        await _delete_queue(clean_platform, agent.queue)


@pytest.fixture
async def event(clean_platform: Platform) -> dict[str, Any]:
    async with clean_platform.sessionmaker() as session:
        org = Organization(name="Plan", slug=f"plan-{uuid.uuid4().hex[:6]}")
        session.add(org)
        await session.flush()
        principal = Principal(org_id=org.id, role="manager", kind="user", user_id=uuid.uuid4())
        created = await EventsService(session).create(
            principal,
            EventCreate(
                name="Форум «Цифра»",
                event_type="forum",  # type: ignore[arg-type]
                date="2027-06-01",  # type: ignore[arg-type]
                guests_count=300,
            ),
        )
        await session.commit()
        return {"org_id": org.id, "id": created.id}


def _task(
    runtime: AgentRuntime, org_id: uuid.UUID, skill: str, payload: dict[str, Any]
) -> AgentTask:
    (name,) = runtime.agents
    return AgentTask(
        agent=name,
        skill=skill,
        input=payload,
        context=AgentContext(org_id=org_id, now=utcnow()),
        deadline=utcnow() + timedelta(seconds=10),
    )


def test_the_planning_agent_is_registered() -> None:
    assert planning in all_agents()
    assert set(planning.skills) == {"generate_plan", "list_tasks", "update_task", "find_tasks"}


async def test_skills_plan_list_and_update(
    runtime: AgentRuntime, clean_platform: Platform, event: dict[str, Any]
) -> None:
    org_id = event["org_id"]
    facts = {"id": str(event["id"]), "event_type": "forum", "date": "2027-06-01"}
    generated = await invoke(
        clean_platform.bus,
        _task(
            runtime,
            org_id,
            "generate_plan",
            {"event": facts, "options": {"start_date": "2027-01-11"}},
        ),
    )
    assert generated.status is ResultStatus.OK, generated.error
    assert generated.output is not None
    assert generated.output["plan"]["feasibility"]["feasible"] is True
    assert generated.summary.startswith("План готов")

    listed = await invoke(
        clean_platform.bus,
        _task(runtime, org_id, "list_tasks", {"event_id": str(event["id"]), "critical_only": True}),
    )
    assert listed.status is ResultStatus.OK, listed.error
    assert listed.output is not None
    critical = listed.output["tasks"]
    assert critical
    assert all(task["critical"] for task in critical)

    first = critical[0]
    updated = await invoke(
        clean_platform.bus,
        _task(
            runtime,
            org_id,
            "update_task",
            {"task_id": first["id"], "duration": first["duration"] + 20},
        ),
    )
    assert updated.status is ResultStatus.OK, updated.error
    assert updated.output is not None
    assert updated.output["moved"]

    found = await invoke(
        clean_platform.bus,
        _task(runtime, org_id, "find_tasks", {"event_id": str(event["id"]), "query": "кейтерингу"}),
    )
    assert found.status is ResultStatus.OK, found.error
    assert found.output is not None
    assert found.output["category"] == "catering"
    matches = found.output["matches"]
    assert matches
    assert all(m["task"]["vendor_category"] == "catering" for m in matches)
    assert all(m["task"]["status"] in {"todo", "in_progress"} for m in matches)
    # Title matches come first, each group by its deadline.
    shares = [m["title_share"] for m in matches]
    assert shares == sorted(shares, reverse=True)
    assert found.output["upcoming"] == []

    nothing = await invoke(
        clean_platform.bus,
        _task(runtime, org_id, "find_tasks", {"event_id": str(event["id"]), "query": "фейерверк"}),
    )
    assert nothing.output is not None
    assert nothing.output["matches"] == []
    upcoming = nothing.output["upcoming"]
    assert 0 < len(upcoming) <= 5
    assert [t["due_date"] for t in upcoming] == sorted(t["due_date"] for t in upcoming)


async def test_an_impossible_preview_is_a_partial_result_with_advice(
    runtime: AgentRuntime, clean_platform: Platform, event: dict[str, Any]
) -> None:
    facts = {"event_type": "conference", "date": "2027-05-31", "guests_count": 1500}
    result = await invoke(
        clean_platform.bus,
        _task(
            runtime,
            event["org_id"],
            "generate_plan",
            {"event": facts, "options": {"start_date": "2027-05-17"}},
        ),
    )
    assert result.status is ResultStatus.PARTIAL
    bad_zone = await invoke(
        clean_platform.bus,
        _task(
            runtime, event["org_id"], "generate_plan", {"event": {**facts, "timezone": "Mars/Base"}}
        ),
    )
    assert bad_zone.error is not None
    assert "time zone" in bad_zone.error
    assert result.output is not None
    assert result.output["plan"]["id"] is None  # a preview is not stored
    assert "Не успеваем" in result.summary
    assert result.warnings


async def test_another_organisations_event_and_task_are_not_found(
    runtime: AgentRuntime, clean_platform: Platform, event: dict[str, Any]
) -> None:
    stranger = uuid.uuid4()
    async with clean_platform.sessionmaker() as session:
        org = Organization(name="Other", slug=f"other-{uuid.uuid4().hex[:6]}")
        session.add(org)
        await session.commit()
        stranger = org.id
    facts = {"id": str(event["id"]), "event_type": "forum", "date": "2027-06-01"}
    result = await invoke(
        clean_platform.bus, _task(runtime, stranger, "generate_plan", {"event": facts})
    )
    assert result.status is ResultStatus.FAILED
    assert result.error == "Event not found"
    listed = await invoke(
        clean_platform.bus, _task(runtime, stranger, "list_tasks", {"event_id": str(event["id"])})
    )
    assert listed.status is ResultStatus.FAILED
    found = await invoke(
        clean_platform.bus,
        _task(runtime, stranger, "find_tasks", {"event_id": str(event["id"]), "query": "зал"}),
    )
    assert found.status is ResultStatus.FAILED
