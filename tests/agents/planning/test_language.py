"""Requirements the rules do not know, read by a configured model (the OpenAI-protocol fake
on loopback, scripted) and added to the plan only as far as code accepts them."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest

from eventmaestro.accounts.models import Organization
from eventmaestro.agents.base import Agent, AgentContext, AgentTask, ResultStatus
from eventmaestro.agents.planning.agent import agent as planning
from eventmaestro.agents.planning.language import Proposal, validated
from eventmaestro.agents.planning.templates import library
from eventmaestro.agents.runtime import AgentRuntime, invoke
from eventmaestro.kit.clock import utcnow
from eventmaestro.kit.platform import Platform
from eventmaestro.llm.contracts import TaskKind
from eventmaestro.llm.fakes import FakeControl
from eventmaestro.llm.fakes.control import Reply
from eventmaestro.llm.gateway import LLMGateway
from tests.agents.test_runtime import _delete_queue
from tests.llm.helpers import scripted_model

BRIEF = "Корпоратив с дрон-шоу над площадкой и фейерверком"
DRONES = {
    "title_ru": "Согласовать дрон-шоу с администрацией и площадкой",
    "title_en": "Clear the drone show with the city and the venue",
    "phase": "logistics",
    "days": 5,
    "after": ["venue_booked", "no_such_task"],
    "role": "logistics",
    "due": 10,
}


def test_code_accepts_only_valid_new_tasks() -> None:
    template = library().get("corporate_party")
    assert template is not None
    existing = template.tasks[0]
    proposal = Proposal.model_validate(
        {"tasks": [DRONES, {**DRONES, "title_ru": existing.ru, "title_en": existing.en}]}
    )
    tasks, notes = validated(template, proposal)
    assert [t.ru for t in tasks] == [DRONES["title_ru"]]
    assert tasks[0].after == ("venue_booked",)  # the unknown dependency is dropped
    assert notes == [f"dropped «{existing.ru}»: the plan already has it"]


def test_a_proposal_outside_the_schema_is_refused() -> None:
    for wrong in ({"phase": "party"}, {"days": 500}, {"title_ru": ""}):
        with pytest.raises(ValueError, match="validation error"):
            Proposal.model_validate({"tasks": [{**DRONES, **wrong}]})


@pytest.fixture
async def model() -> AsyncIterator[tuple[FakeControl, LLMGateway]]:
    async with scripted_model(TaskKind.PLANNING) as scripted:
        yield scripted


async def _plan(platform: Platform, gateway: LLMGateway | None) -> dict[str, Any]:
    async with platform.sessionmaker() as session:
        org = Organization(name="Plan", slug=f"plan-{uuid.uuid4().hex[:6]}")
        session.add(org)
        await session.commit()
    agent = Agent(f"planning-{uuid.uuid4().hex[:8]}", planning.description)
    agent.skills = planning.skills
    runtime = AgentRuntime(platform, [agent], llm=gateway)
    await runtime.start()
    try:
        result = await invoke(
            platform.bus,
            AgentTask(
                agent=agent.name,
                skill="generate_plan",
                input={
                    "event": {"event_type": "corporate_party", "date": "2027-06-18"},
                    "options": {"requirements": BRIEF},
                },
                context=AgentContext(org_id=org.id, now=utcnow()),
                deadline=utcnow() + timedelta(seconds=30),
            ),
        )
    finally:
        await runtime.stop()
        await _delete_queue(platform, agent.queue)
    assert result.status is ResultStatus.OK, result.error
    assert result.output is not None
    return {"output": result.output, "warnings": result.warnings}


async def test_the_models_task_joins_the_rules_tasks_in_the_plan(
    clean_platform: Platform, model: tuple[FakeControl, LLMGateway]
) -> None:
    control, gateway = model
    again = {**DRONES, "title_ru": "Выбрать подрядчика по фейерверку", "title_en": "Fireworks"}
    control.reply_next(Reply(content=json.dumps({"tasks": [DRONES, again]})))
    planned = await _plan(clean_platform, gateway)
    assert planned["warnings"] == [
        "dropped «Выбрать подрядчика по фейерверку»: the plan already has it"
    ]
    titles = {task["title"] for task in planned["output"]["tasks"]}
    assert DRONES["title_ru"] in titles
    assert "Выбрать подрядчика по фейерверку" in titles  # the rules still apply
    assert planned["output"]["plan"]["requirements"] == ["fireworks", "model:requirement_1"]
    drones = next(t for t in planned["output"]["tasks"] if t["title"] == DRONES["title_ru"])
    venue = next(t for t in planned["output"]["tasks"] if t["key"] == "venue_booked")
    assert drones["depends_on"] == [venue["id"]]


async def test_a_model_answer_that_fails_validation_leaves_the_rules_plan(
    clean_platform: Platform, model: tuple[FakeControl, LLMGateway]
) -> None:
    control, gateway = model
    # Invalid twice (the gateway asks once more with the errors): the offline engine's
    # empty proposal is used, so the plan is exactly the rules' one.
    bad = Reply(content=json.dumps({"tasks": [{**DRONES, "phase": "party"}]}))
    control.reply_next(bad, bad)
    with_model = await _plan(clean_platform, gateway)
    without = await _plan(clean_platform, None)
    assert with_model["output"]["plan"]["requirements"] == ["fireworks"]
    assert len(with_model["output"]["tasks"]) == len(without["output"]["tasks"])
