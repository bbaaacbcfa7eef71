"""A live reading of a stored plan: what is critical today, what is late, what is at risk.

Recomputed on every read rather than stored, because the answer changes with the calendar
even when nobody touches the plan. Finished tasks take no more time; tasks the organiser
pinned keep their start; everything else may start as soon as its dependencies allow.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from eventmaestro.agents.planning import explain
from eventmaestro.agents.planning.calendar import WorkCalendar
from eventmaestro.agents.planning.models import Plan, PlanTask
from eventmaestro.agents.planning.scheduling import Mode, Schedule, TaskSpec, schedule
from eventmaestro.agents.planning.schemas import CLOSED, Feasibility, TaskRef, TaskStatus


class TaskState(Protocol):
    """What progress and deadlines read of a task: a stored task, or a narrow row of one
    when many plans are summarised at once."""

    @property
    def status(self) -> str: ...
    @property
    def duration(self) -> int: ...
    @property
    def due_date(self) -> dt.date: ...
    @property
    def position(self) -> int: ...


Task = TypeVar("Task", bound=TaskState)


def is_open(task: TaskState) -> bool:
    return TaskStatus(task.status) not in CLOSED


def is_overdue(task: TaskState, today: dt.date) -> bool:
    """Still open after its due date; `today` is the day in the plan's own time zone."""
    return is_open(task) and task.due_date < today


def work(task: TaskState) -> int:
    """Working days a task weighs in progress; a milestone weighs one, so ticking it counts."""
    return max(task.duration, 1)


def progress(tasks: Iterable[Task], *, counts: Callable[[Task], bool]) -> float:
    """Share of the tasks' working days that `counts` as finished, 0–100 to one decimal."""
    total = finished = 0
    for task in tasks:
        total += work(task)
        finished += work(task) if counts(task) else 0
    return round(100 * finished / total, 1) if total else 0.0


def plan_progress(tasks: Iterable[TaskState]) -> float:
    """The plan's progress as the timeline reports it: done and skipped work both count."""
    return progress(tasks, counts=lambda task: not is_open(task))


def next_due(tasks: Iterable[Task], today: dt.date) -> Task | None:
    """The open task whose due date comes first from today on (overdue ones are counted
    apart); ties go to the plan's own order."""
    upcoming = [task for task in tasks if is_open(task) and task.due_date >= today]
    return min(upcoming, key=lambda task: (task.due_date, task.position), default=None)


def spec_of(task: PlanTask, *, remaining: bool) -> TaskSpec:
    """The scheduler's view of a stored task; `remaining` counts closed tasks as no work."""
    open_task = is_open(task)
    return TaskSpec(
        id=str(task.id),
        duration=task.duration if open_task or not remaining else 0,
        depends_on=tuple(task.depends_on),
        due_offset=task.due_offset,
        after_event=task.after_event,
        optional=task.optional,
        min_duration=task.min_duration,
        not_before=task.start_date if remaining and task.pinned and open_task else None,
    )


@dataclass(slots=True)
class Analysis:
    today: dt.date
    schedule: Schedule
    at_risk: set[uuid.UUID]
    overdue: set[uuid.UUID]

    def slack(self, task_id: uuid.UUID) -> int:
        return self.schedule.tasks[str(task_id)].slack

    def critical(self, task_id: uuid.UUID) -> bool:
        return self.schedule.tasks[str(task_id)].critical


def analyse(
    plan: Plan, tasks: Sequence[PlanTask], *, today: dt.date, calendar: WorkCalendar
) -> Analysis:
    result = schedule(
        [spec_of(task, remaining=True) for task in tasks],
        start=max(today, plan.start_date),
        event_date=plan.event_date,
        event_end=plan.event_end,
        calendar=calendar,
        mode=Mode.FORWARD,
    )
    at_risk: set[uuid.UUID] = set()
    overdue: set[uuid.UUID] = set()
    for task in tasks:
        if not is_open(task):
            continue
        if is_overdue(task, today):
            overdue.add(task.id)
        scheduled = result.tasks[str(task.id)]
        planned_finish = calendar.index(task.due_date) + (1 if task.duration else 0)
        if not task.after_event and (scheduled.slack < 0 or planned_finish > scheduled.late_finish):
            at_risk.add(task.id)
    return Analysis(today=today, schedule=result, at_risk=at_risk, overdue=overdue)


def ref(task: PlanTask) -> TaskRef:
    return TaskRef(id=task.id, title=task.title, start_date=task.start_date, due_date=task.due_date)


def feasibility(result: Schedule, by_id: Mapping[str, PlanTask], locale: str) -> Feasibility:
    """`by_id` maps the scheduler's task ids to the stored tasks they stand for."""

    def title(task_id: str) -> str:
        return by_id[task_id].title

    why = result.infeasibility
    return Feasibility(
        feasible=why is None,
        required_days=result.required_days,
        available_days=result.available_days,
        critical_path=[ref(by_id[task_id]) for task_id in result.critical_path],
        explanation=explain.summary(why, title, locale) if why else None,
        compressions=[explain.compression(c, title, locale) for c in why.compressions]
        if why
        else [],
        earliest_feasible_date=why.earliest_feasible_date if why else None,
    )
