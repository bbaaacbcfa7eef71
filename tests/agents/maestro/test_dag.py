"""Flow execution: concurrency bounded by depth, partial answers, retries, deadlines."""

from __future__ import annotations

import asyncio
import time
import uuid
from datetime import timedelta
from typing import Any

import pytest

from eventmaestro.agents.base import (
    AgentContext,
    AgentResult,
    AgentTask,
    FailureKind,
    ResultStatus,
)
from eventmaestro.agents.maestro.dag import (
    ClarificationNeeded,
    Flow,
    FlowRun,
    FlowState,
    Progress,
    ProgressKind,
    Step,
    StepState,
    execute,
)
from eventmaestro.kit.clock import utcnow

CONTEXT = AgentContext(org_id=uuid.uuid4(), now=utcnow())


def entities_input(state: FlowState) -> dict[str, Any]:
    return dict(state.entities)


def after_budget(state: FlowState) -> dict[str, Any]:
    return {"caps": state.output("budget")["caps"]}


BRIEF = Flow(
    "create_event_plan",
    (
        Step("plan", "planning", "generate_plan", entities_input),
        Step("budget", "finance", "estimate_budget", entities_input),
        Step("vendors", "vendors", "select", after_budget, after=("budget",)),
    ),
)


class FakeAgents:
    """Answers tasks after a delay; scripted failures per skill."""

    def __init__(self, latency: float = 0.0) -> None:
        self.latency = latency
        self.calls: list[AgentTask] = []
        self.failures: dict[str, list[FailureKind]] = {}

    async def __call__(self, task: AgentTask) -> AgentResult:
        self.calls.append(task)
        await asyncio.sleep(self.latency)
        queued = self.failures.get(task.skill, [])
        if queued:
            kind = queued.pop(0)
            return AgentResult(
                task_id=task.id,
                agent=task.agent,
                skill=task.skill,
                status=ResultStatus.FAILED,
                failure=kind,
                error=f"{kind} failure",
            )
        output: dict[str, Any] = {"echo": task.input}
        if task.skill == "estimate_budget":
            output["caps"] = {"venue": "900000.00"}
        return AgentResult(
            task_id=task.id,
            agent=task.agent,
            skill=task.skill,
            status=ResultStatus.OK,
            output=output,
        )


async def run(
    flow: Flow,
    agents: FakeAgents,
    *,
    seconds: float = 5.0,
    available: set[str] | None = None,
    sink: list[Progress] | None = None,
) -> FlowRun:
    async def record(progress: Progress) -> None:
        if sink is not None:
            sink.append(progress)

    return await execute(
        flow,
        entities={"guests_count": 150},
        context=CONTEXT,
        invoke=agents,
        available=lambda agent, skill: available is None or agent in available,
        deadline=utcnow() + timedelta(seconds=seconds),
        on_progress=record,
    )


async def test_time_is_bounded_by_depth_not_by_the_number_of_agents() -> None:
    agents = FakeAgents(latency=0.3)
    started = time.perf_counter()
    outcome = await run(BRIEF, agents)
    elapsed = time.perf_counter() - started
    assert BRIEF.depth() == 2
    assert all(r.state is StepState.DONE for r in outcome.reports.values())
    assert 0.55 < elapsed < 0.85  # two rounds of 0.3 s, not three


async def test_a_dependant_receives_the_earlier_output() -> None:
    agents = FakeAgents()
    outcome = await run(BRIEF, agents)
    vendors_task = next(t for t in agents.calls if t.skill == "select")
    assert vendors_task.input == {"caps": {"venue": "900000.00"}}
    assert outcome.outputs["vendors"]["echo"] == {"caps": {"venue": "900000.00"}}


async def test_a_failed_branch_gives_a_partial_answer() -> None:
    agents = FakeAgents()
    agents.failures["estimate_budget"] = [FailureKind.CRASHED]
    outcome = await run(BRIEF, agents)
    assert outcome.reports["plan"].state is StepState.DONE
    assert outcome.reports["budget"].state is StepState.FAILED
    assert outcome.reports["budget"].attempts == 1  # a bug is not retried
    vendors = outcome.reports["vendors"]
    assert vendors.state is StepState.SKIPPED
    assert vendors.reason == "needs the result of budget, which is missing"


async def test_transient_failures_are_retried_once() -> None:
    agents = FakeAgents()
    agents.failures["generate_plan"] = [FailureKind.UNREACHABLE]
    outcome = await run(BRIEF, agents)
    assert outcome.reports["plan"].state is StepState.DONE
    assert outcome.reports["plan"].attempts == 2
    attempts = [t.attempt for t in agents.calls if t.skill == "generate_plan"]
    assert attempts == [1, 2]
    # The retry is the same task, so an attempt that still commits late is not run twice.
    assert len({t.id for t in agents.calls if t.skill == "generate_plan"}) == 1
    assert len({t.id for t in agents.calls}) == 3


async def test_missing_agents_are_named_not_faked() -> None:
    outcome = await run(BRIEF, FakeAgents(), available={"planning"})
    assert outcome.reports["plan"].state is StepState.DONE
    assert outcome.reports["budget"].state is StepState.SKIPPED
    assert outcome.reports["budget"].reason == (
        "finance.estimate_budget is not available on this installation"
    )


async def test_each_step_gets_at_most_the_request_deadline() -> None:
    agents = FakeAgents()
    await run(BRIEF, agents, seconds=1.0)
    for task in agents.calls:
        assert task.deadline <= utcnow() + timedelta(seconds=1.0)


async def test_a_step_that_needs_the_users_choice_asks_and_invokes_nothing() -> None:
    def which_task(state: FlowState) -> dict[str, Any]:
        raise ClarificationNeeded("task", ["A", "B"], subject="кейтеринг", ambiguous=True)

    flow = Flow(
        "move_task",
        (
            Step("move", "planning", "update_task", which_task),
            Step("after", "planning", "list_tasks", after_budget, after=("move",)),
        ),
    )
    agents = FakeAgents()
    outcome = await run(flow, agents)
    assert agents.calls == []
    assert outcome.reports["move"].state is StepState.SKIPPED
    assert outcome.question is not None
    assert (outcome.question.missing, outcome.question.options) == ("task", ("A", "B"))
    assert outcome.question.ambiguous
    assert outcome.reports["after"].state is StepState.SKIPPED


async def test_progress_is_reported_per_skill() -> None:
    sink: list[Progress] = []
    await run(BRIEF, FakeAgents(latency=0.01), sink=sink)
    started = [p.step for p in sink if p.kind is ProgressKind.STARTED]
    finished = [p.step for p in sink if p.kind is ProgressKind.FINISHED]
    assert sorted(started) == sorted(finished) == ["budget", "plan", "vendors"]
    assert sink.index(next(p for p in sink if p.step == "vendors")) > sink.index(
        next(p for p in sink if p.step == "budget" and p.kind is ProgressKind.FINISHED)
    )


def test_cycles_and_unknown_dependencies_are_rejected() -> None:
    with pytest.raises(ValueError, match="cycle"):
        Flow(
            "bad",
            (
                Step("a", "x", "y", entities_input, after=("b",)),
                Step("b", "x", "y", entities_input, after=("a",)),
            ),
        )
    with pytest.raises(ValueError, match="unknown"):
        Flow("bad", (Step("a", "x", "y", entities_input, after=("ghost",)),))
