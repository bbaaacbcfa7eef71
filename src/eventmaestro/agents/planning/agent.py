"""The Planning agent's skills: the same service calls the HTTP API makes, reachable over the
bus by Maestro and the worker."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from eventmaestro.agents.base import Agent, EventContext, ResultStatus, RunContext, SkillOutcome
from eventmaestro.agents.planning.language import model_tasks
from eventmaestro.agents.planning.lookup import query_category
from eventmaestro.agents.planning.repository import PlanningRepository
from eventmaestro.agents.planning.schemas import (
    EventFacts,
    GeneratedPlan,
    PlanOptions,
    TaskChange,
    TaskFilters,
    TaskOut,
    TaskUpdate,
)
from eventmaestro.agents.planning.service import PlanningService, today_in
from eventmaestro.agents.planning.templates import EventTemplate, TemplateTask
from eventmaestro.events import events as events_topics
from eventmaestro.events.service import EventsService
from eventmaestro.kit.auth import Principal
from eventmaestro.kit.errors import ValidationFailedError
from eventmaestro.kit.logging import get_logger
from eventmaestro.kit.types import CleanStr

log = get_logger("maestro.planning")

agent = Agent(
    "planning",
    "Plans an event from a template against the Russian working calendar: tasks, "
    "dependencies, critical path, and what to cut when the date cannot be met.",
)


class GeneratePlanIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    event: EventFacts = Field(description="With an id the plan is stored against that event")
    options: PlanOptions = Field(default_factory=PlanOptions)
    replace_existing: bool = Field(
        default=False,
        description="Replace the event's stored plan; otherwise an event that has a plan gets "
        "a preview (a chat's what-if must not wipe the progress recorded on its tasks)",
    )


class ListTasksIn(TaskFilters):
    model_config = ConfigDict(extra="forbid")

    event_id: uuid.UUID


class TaskList(BaseModel):
    tasks: list[TaskOut]
    overdue: int
    at_risk: int


class UpdateTaskIn(TaskUpdate):
    task_id: uuid.UUID


class FindTasksIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    event_id: uuid.UUID
    query: Annotated[CleanStr, Field(min_length=1, max_length=200)]
    limit: Annotated[int, Field(ge=1, le=50)] = 10


class TaskMatchOut(BaseModel):
    task: TaskOut
    title_share: float = Field(description="Share of the query's words in the title, 0–1")
    by_category: bool = Field(description="The query names the task's vendor category")


class TaskSearch(BaseModel):
    query: str
    category: str | None = Field(description="Vendor category the query names, if any")
    matches: list[TaskMatchOut]
    upcoming: list[TaskOut] = Field(description="The next open tasks, when nothing matches")


def _reader(ctx: RunContext) -> Principal:
    """The task's caller, as the events service knows principals (read access only)."""
    return Principal(
        org_id=ctx.context.org_id, role="analyst", kind="user", user_id=ctx.context.user_id
    )


@agent.skill("generate_plan", input=GeneratePlanIn, output=GeneratedPlan)
async def generate_plan(ctx: RunContext, data: GeneratePlanIn) -> SkillOutcome[GeneratedPlan]:
    """Generate an event plan from its template; stored when the event id is given."""
    kept: list[str] = []
    if data.event.id is not None:  # another organisation's event is simply not found
        await EventsService(ctx.session).get(_reader(ctx), data.event.id)
        stored = await PlanningRepository(ctx.session).plan_for_event(
            ctx.context.org_id, data.event.id
        )
        if stored is not None and not data.replace_existing:
            data = data.model_copy(update={"event": data.event.model_copy(update={"id": None})})
            kept.append(
                "Уже есть сохранённый план: это предварительный расчёт, сохранённый план не изменён"
                if ctx.context.locale == "ru"
                else "The event already has a plan: this is a preview; the stored plan is kept"
            )
    options = data.options.model_copy(update={"locale": ctx.context.locale})
    dropped: list[str] = []

    async def more_requirements(template: EventTemplate, text: str) -> list[TemplateTask]:
        # Leave the scheduler a second of the task's deadline whatever the model does.
        asked_until = ctx.task.deadline - dt.timedelta(seconds=1)
        tasks, notes = await model_tasks(
            ctx.llm, template, text, deadline=asked_until, org_id=ctx.context.org_id
        )
        dropped.extend(notes)
        return tasks

    dropped.extend(kept)

    plan, tasks = await PlanningService(ctx.session).generate(
        ctx.context.org_id,
        data.event,
        options,
        today=today_in(data.event.timezone, ctx.context.now),
        more_requirements=more_requirements,
    )
    why = plan.feasibility
    if why.feasible:
        summary = (
            f"План готов: {len(tasks)} задач, запас есть."
            if options.locale == "ru"
            else f"Plan ready: {len(tasks)} tasks, the date is achievable."
        )
        return SkillOutcome(
            GeneratedPlan(plan=plan, tasks=tasks), summary=summary, warnings=dropped
        )
    return SkillOutcome(
        GeneratedPlan(plan=plan, tasks=tasks),
        summary=why.explanation or "",
        warnings=[*why.compressions, *dropped],
        status=ResultStatus.PARTIAL,
    )


@agent.skill("list_tasks", input=ListTasksIn, output=TaskList)
async def list_tasks(ctx: RunContext, data: ListTasksIn) -> SkillOutcome[TaskList]:
    """The event's tasks with filters — "what is burning?" is overdue or due soon."""
    filters = TaskFilters.model_validate(data.model_dump(exclude={"event_id"}))
    tasks = await PlanningService(ctx.session).list_tasks(
        ctx.context.org_id, data.event_id, filters, now=ctx.context.now
    )
    overdue = sum(task.overdue for task in tasks)
    at_risk = sum(task.at_risk for task in tasks)
    summary = (
        f"Задач: {len(tasks)}, просрочено: {overdue}, под угрозой: {at_risk}."
        if ctx.context.locale == "ru"
        else f"Tasks: {len(tasks)}, overdue: {overdue}, at risk: {at_risk}."
    )
    return SkillOutcome(TaskList(tasks=tasks, overdue=overdue, at_risk=at_risk), summary=summary)


@agent.skill("update_task", input=UpdateTaskIn, output=TaskChange)
async def update_task(ctx: RunContext, data: UpdateTaskIn) -> SkillOutcome[TaskChange]:
    """Change a task; its dependants are rescheduled and a dependency cycle is refused."""
    update = TaskUpdate.model_validate(data.model_dump(include=data.model_fields_set - {"task_id"}))
    change = await PlanningService(ctx.session).update_task(
        ctx.context.org_id, data.task_id, update, now=ctx.context.now
    )
    summary = (
        f"«{change.task.title}» обновлена, сдвинуто зависимых задач: {len(change.moved)}."
        if ctx.context.locale == "ru"
        else f"“{change.task.title}” updated; {len(change.moved)} dependent tasks moved."
    )
    return SkillOutcome(change, summary=summary, warnings=await _past_the_event(ctx, change))


async def _past_the_event(ctx: RunContext, change: TaskChange) -> list[str]:
    """Work that must be done before the event but is now due after it: the change is kept
    (the person asked for it), and said plainly."""
    repo = PlanningRepository(ctx.session)
    plan = await repo.plan(ctx.context.org_id, change.task.plan_id)
    if plan is None:
        return []
    late = [
        task.title
        for task in await repo.tasks(ctx.context.org_id, plan.id)
        if not task.after_event and task.due_date > plan.event_date
    ]
    if not late:
        return []
    listed = ", ".join(f"«{title}»" for title in late[:5])
    more = len(late) - 5
    if ctx.context.locale == "ru":
        tail = f" и ещё {more}" if more > 0 else ""
        return [f"Теперь позже даты мероприятия: {listed}{tail}"]
    tail = f" and {more} more" if more > 0 else ""
    return [f"Now due after the event date: {listed}{tail}"]


@agent.on(events_topics.EVENT_CREATED, name="auto_plan")
async def auto_plan(ctx: EventContext) -> None:
    """With `planning_auto_plan` on, a new event with a date gets its plan at once."""
    if not ctx.settings.planning_auto_plan or ctx.org_id is None:
        return
    payload = ctx.message.payload
    if not payload.get("date"):
        return  # nothing to schedule against yet; planning waits for a date
    event = EventFacts(
        id=payload["id"],
        event_type=payload["event_type"],
        date=payload["date"],
        date_end=payload.get("date_end"),
        guests_count=payload.get("guests_count") or 150,
        format=payload.get("format") or "offline",
        timezone=payload.get("timezone") or "Europe/Moscow",
        notes=payload.get("notes"),
    )
    today = today_in(event.timezone)
    if event.date < today:
        return  # an event entered after the fact has nothing left to plan
    try:
        await PlanningService(ctx.session).generate(ctx.org_id, event, PlanOptions(), today=today)
    except ValidationFailedError as error:
        # Not worth a retry: the same event will fail the same way. Say why and move on.
        log.warning("auto_plan_skipped", event_id=str(event.id), reason=error.detail)


@agent.skill("find_tasks", input=FindTasksIn, output=TaskSearch)
async def find_tasks(ctx: RunContext, data: FindTasksIn) -> SkillOutcome[TaskSearch]:
    """Open tasks a person's words may mean («кейтеринг», «дегустацию»), best first."""
    matches, upcoming = await PlanningService(ctx.session).find_tasks(
        ctx.context.org_id, data.event_id, data.query, now=ctx.context.now, limit=data.limit
    )
    found = TaskSearch(
        query=data.query,
        category=query_category(data.query),
        matches=[
            TaskMatchOut(task=m.task, title_share=m.title_share, by_category=m.by_category)
            for m in matches
        ],
        upcoming=upcoming,
    )
    summary = (
        f"По запросу «{data.query}» задач: {len(matches)}."
        if ctx.context.locale == "ru"
        else f"Tasks matching “{data.query}”: {len(matches)}."
    )
    return SkillOutcome(found, summary=summary)
