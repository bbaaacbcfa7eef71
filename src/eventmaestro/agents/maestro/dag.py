"""A request's work as a graph of agent skills, and its execution.

Maestro turns an understood request into a `Flow`: steps (one agent skill each) with
dependencies. Independent steps run concurrently, each within its own deadline and the
request's overall deadline; a step starts the moment its dependencies are done, not when a
whole "level" is. A failed, late or missing step never fails the request: its dependants are
skipped or run without its output, and the answer carries a warning naming what is missing.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from eventmaestro.agents.base import AgentContext, AgentResult, AgentTask, ResultStatus
from eventmaestro.kit.clock import utcnow


class MissingInputError(Exception):
    """A step cannot run without an output that did not arrive; the message says which."""


class MissingEntityError(Exception):
    """A step cannot run without a fact the request does not state (a city, a date…)."""


class ClarificationNeeded(Exception):
    """A step waits for the user: which of several tasks, what date, which expense category.

    Carries facts, not sentences — the question is written in the user's language by
    `summaries`. `subject` is what the user wrote («фейерверку»), `options` what they may
    choose from, `ambiguous` whether the options all fit the words (else nothing did); the
    request's answer is the question, and nothing is written meanwhile.
    """

    def __init__(
        self,
        missing: str,
        options: Sequence[str] = (),
        *,
        subject: str | None = None,
        ambiguous: bool = False,
    ) -> None:
        super().__init__(missing)
        self.missing = missing
        self.options = tuple(options)
        self.subject = subject
        self.ambiguous = ambiguous


@dataclass(frozen=True, slots=True)
class FlowState:
    """What a step's input builder may read: the request's entities and earlier outputs."""

    entities: Mapping[str, Any]
    context: AgentContext
    outputs: Mapping[str, Mapping[str, Any]]

    def output(self, step_id: str) -> Mapping[str, Any]:
        if step_id not in self.outputs:
            raise MissingInputError(step_id)
        return self.outputs[step_id]


InputBuilder = Callable[[FlowState], dict[str, Any]]


@dataclass(frozen=True, slots=True)
class Step:
    id: str
    agent: str
    skill: str
    build_input: InputBuilder
    after: tuple[str, ...] = ()
    timeout: float = 5.0
    retries: int = 1

    @property
    def qualified(self) -> str:
        return f"{self.agent}.{self.skill}"


@dataclass(frozen=True, slots=True)
class Flow:
    name: str
    steps: tuple[Step, ...]

    def __post_init__(self) -> None:
        ids = [step.id for step in self.steps]
        if len(set(ids)) != len(ids):
            raise ValueError(f"flow {self.name}: duplicate step ids")
        known = set(ids)
        for step in self.steps:
            unknown = set(step.after) - known
            if unknown:
                raise ValueError(f"flow {self.name}: {step.id} waits for unknown {unknown}")
        self.depth()  # rejects cycles

    def depth(self) -> int:
        """Length of the longest dependency chain: the wall-clock lower bound of a run."""
        by_id = {step.id: step for step in self.steps}
        memo: dict[str, int] = {}

        def visit(step_id: str, path: tuple[str, ...]) -> int:
            if step_id in path:
                raise ValueError(f"flow {self.name}: cycle {' → '.join((*path, step_id))}")
            if step_id not in memo:
                after = by_id[step_id].after
                memo[step_id] = 1 + max((visit(a, (*path, step_id)) for a in after), default=0)
            return memo[step_id]

        return max((visit(step.id, ()) for step in self.steps), default=0)


class StepState(StrEnum):
    DONE = "done"
    FAILED = "failed"
    SKIPPED = "skipped"


@dataclass(slots=True)
class StepReport:
    step: str
    skill: str
    state: StepState
    result: AgentResult | None = None
    reason: str | None = None
    attempts: int = 0
    started_ms: float = 0.0
    duration_ms: float = 0.0
    question: ClarificationNeeded | None = None


class ProgressKind(StrEnum):
    STARTED = "skill_started"
    FINISHED = "skill_finished"


@dataclass(frozen=True, slots=True)
class Progress:
    kind: ProgressKind
    step: str
    skill: str
    state: StepState | None = None
    duration_ms: float | None = None


Invoker = Callable[[AgentTask], Awaitable[AgentResult]]
ProgressSink = Callable[[Progress], Awaitable[None]]


@dataclass(slots=True)
class FlowRun:
    reports: dict[str, StepReport] = field(default_factory=dict)
    duration_ms: float = 0.0

    @property
    def outputs(self) -> dict[str, dict[str, Any]]:
        return {
            step: report.result.output
            for step, report in self.reports.items()
            if report.state is StepState.DONE and report.result and report.result.output
        }

    @property
    def question(self) -> ClarificationNeeded | None:
        """The first thing a step asked the user, if any did."""
        return next((r.question for r in self.reports.values() if r.question), None)


async def _no_progress(_: Progress) -> None:
    return None


async def execute(
    flow: Flow,
    *,
    entities: Mapping[str, Any],
    context: AgentContext,
    invoke: Invoker,
    available: Callable[[str, str], bool],
    deadline: datetime,
    on_progress: ProgressSink = _no_progress,
) -> FlowRun:
    """Run every step as soon as its dependencies finished; never raises for a step's fate."""
    run = FlowRun()
    started = time.perf_counter()
    finished: dict[str, asyncio.Event] = {step.id: asyncio.Event() for step in flow.steps}

    async def run_step(step: Step) -> None:
        try:
            for dependency in step.after:
                await finished[dependency].wait()
            run.reports[step.id] = await _run_one(
                step, run, entities, context, invoke, available, deadline, on_progress, started
            )
        finally:
            finished[step.id].set()

    await asyncio.gather(*(run_step(step) for step in flow.steps))
    run.duration_ms = (time.perf_counter() - started) * 1000
    return run


async def _run_one(
    step: Step,
    run: FlowRun,
    entities: Mapping[str, Any],
    context: AgentContext,
    invoke: Invoker,
    available: Callable[[str, str], bool],
    deadline: datetime,
    on_progress: ProgressSink,
    flow_started: float,
) -> StepReport:
    def skipped(reason: str, question: ClarificationNeeded | None = None) -> StepReport:
        return StepReport(
            step.id, step.qualified, StepState.SKIPPED, reason=reason, question=question
        )

    if not available(step.agent, step.skill):
        return skipped(f"{step.qualified} is not available on this installation")
    state = FlowState(entities=entities, context=context, outputs=run.outputs)
    try:
        payload = step.build_input(state)
    except MissingInputError as missing:
        return skipped(f"needs the result of {missing.args[0]}, which is missing")
    except MissingEntityError as missing:
        return skipped(f"needs the {missing.args[0]}, which the request does not state")
    except ClarificationNeeded as ask:
        return skipped(f"waits for the user to name the {ask.missing}", ask)
    report = StepReport(
        step.id,
        step.qualified,
        StepState.FAILED,
        started_ms=(time.perf_counter() - flow_started) * 1000,
    )
    await on_progress(Progress(ProgressKind.STARTED, step.id, step.qualified))
    began = time.perf_counter()
    result: AgentResult | None = None
    # Every attempt is the same task: an attempt the caller gave up on may still commit on a
    # slow worker, and the runtime then answers the retry with that stored result instead of
    # running the skill — and writing its effects — a second time.
    task_id = uuid.uuid4().hex
    for attempt in range(1, step.retries + 2):
        step_deadline = min(deadline, utcnow() + timedelta(seconds=step.timeout))
        if step_deadline <= utcnow():
            report.reason = "the request's deadline passed before it could run"
            break
        task = AgentTask(
            id=task_id,
            agent=step.agent,
            skill=step.skill,
            input=payload,
            context=context,
            deadline=step_deadline,
            attempt=attempt,
        )
        result = await invoke(task)
        report.attempts = attempt
        if result.failure is None or not result.failure.transient:
            break
    report.result = result
    report.duration_ms = (time.perf_counter() - began) * 1000
    if result is not None and result.status is not ResultStatus.FAILED:
        report.state = StepState.DONE
    elif result is not None:
        report.reason = result.error
    await on_progress(
        Progress(ProgressKind.FINISHED, step.id, step.qualified, report.state, report.duration_ms)
    )
    return report
