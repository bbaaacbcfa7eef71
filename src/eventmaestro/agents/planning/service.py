"""Planning rules: generate a plan from a template, keep it consistent as tasks change, and
read it back as tasks, a timeline and progress."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Awaitable, Callable, Collection, Sequence
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from eventmaestro.agents.planning import events as topics
from eventmaestro.agents.planning import exports
from eventmaestro.agents.planning.analysis import (
    Analysis,
    analyse,
    feasibility,
    is_open,
    is_overdue,
    next_due,
    plan_progress,
    progress,
    ref,
    spec_of,
)
from eventmaestro.agents.planning.calendar import CalendarRangeError, WorkCalendar, calendar_for
from eventmaestro.agents.planning.exports import PlanHeader
from eventmaestro.agents.planning.lookup import TaskMatch, match_tasks
from eventmaestro.agents.planning.models import Plan, PlanTask
from eventmaestro.agents.planning.repository import PlanningRepository, TaskGlance
from eventmaestro.agents.planning.scheduling import (
    CycleError,
    PlanningGraphError,
    push_dependants,
    schedule,
    topological_order,
)
from eventmaestro.agents.planning.schemas import (
    EventFacts,
    ExportFormat,
    Milestone,
    PhaseOut,
    PlanOptions,
    PlanOut,
    PlanSummary,
    TaskChange,
    TaskCreate,
    TaskFilters,
    TaskOut,
    TaskRef,
    TaskStatus,
    TaskUpdate,
    TimelineOut,
)
from eventmaestro.agents.planning.templates import (
    EventTemplate,
    TemplateTask,
    expand,
    library,
    with_requirements,
)
from eventmaestro.kit.clock import utcnow
from eventmaestro.kit.db import new_id
from eventmaestro.kit.errors import ConflictError, NotFoundError, ValidationFailedError
from eventmaestro.kit.outbox import add_event

_DATE_REACH_DAYS = 2 * 366
# How many upcoming tasks a "which one did you mean?" offers.
UPCOMING = 5


def today_in(timezone: str, now: dt.datetime | None = None) -> dt.date:
    return (now or utcnow()).astimezone(ZoneInfo(timezone)).date()


def task_out(task: PlanTask, analysis: Analysis | None = None) -> TaskOut:
    return TaskOut(
        id=task.id,
        plan_id=task.plan_id,
        key=task.key,
        title=task.title,
        phase=task.phase,
        duration=task.duration,
        start_date=task.start_date,
        due_date=task.due_date,
        status=TaskStatus(task.status),
        milestone=task.duration == 0,
        optional=task.optional,
        after_event=task.after_event,
        owner_role=task.owner_role,
        vendor_category=task.vendor_category,
        assignee=task.assignee,
        depends_on=[uuid.UUID(dep) for dep in task.depends_on],
        critical=analysis.critical(task.id) if analysis else False,
        slack=analysis.slack(task.id) if analysis and not task.after_event else None,
        overdue=task.id in analysis.overdue if analysis else False,
        at_risk=task.id in analysis.at_risk if analysis else False,
        compressed=task.normal_duration is not None and task.duration < task.normal_duration,
        normal_duration=task.normal_duration,
    )


# Asked for tasks the rules did not add (a language model, when one is configured).
MoreRequirements = Callable[[EventTemplate, str], Awaitable[list[TemplateTask]]]


class PlanningService:
    def __init__(self, session: AsyncSession, calendar: WorkCalendar | None = None) -> None:
        self.session = session
        self.repo = PlanningRepository(session)
        self.calendar = calendar or calendar_for("RU")

    async def generate(
        self,
        org_id: uuid.UUID,
        event: EventFacts,
        options: PlanOptions,
        *,
        today: dt.date,
        more_requirements: MoreRequirements | None = None,
    ) -> tuple[PlanOut, list[TaskOut]]:
        """Lay out the template against the calendar. With an event id the plan is stored,
        replacing any earlier one; without, it is a preview."""
        template_id = options.template or event.event_type
        template = library().get(template_id)
        if template is None:
            raise ValidationFailedError(f"Unknown planning template: {template_id}")
        start = options.start_date or today
        if event.date < start:
            raise ValidationFailedError("The event date is before the first day of work")
        text = " ".join(filter(None, (options.requirements, event.notes)))
        template, requirements = with_requirements(template, text)
        if more_requirements is not None:
            extra = await more_requirements(template, text)
            if extra:
                template = template.model_copy(update={"tasks": (*template.tasks, *extra)})
                requirements = [*requirements, *(f"model:{task.id}" for task in extra)]
        items = expand(
            template,
            guests=event.guests_count,
            event_format=event.format,
            include_optional=options.include_optional,
        )
        try:
            result = schedule(
                [item.spec for item in items],
                start=start,
                event_date=event.date,
                event_end=event.date_end,
                calendar=self.calendar,
                mode=options.mode,
            )
        except CalendarRangeError as exc:
            raise ValidationFailedError(str(exc)) from exc
        plan = Plan(
            id=new_id(),
            org_id=org_id,
            event_id=event.id or new_id(),
            template_id=template.id,
            locale=options.locale,
            timezone=event.timezone,
            event_format=event.format,
            guests=event.guests_count,
            include_optional=options.include_optional,
            start_date=start,
            event_date=event.date,
            event_end=event.date_end,
            mode=result.mode.value,
            required_days=result.required_days,
            available_days=result.available_days,
            feasible=result.feasible,
        )
        ids = {item.spec.id: new_id() for item in items}
        tasks = [
            PlanTask(
                id=ids[item.spec.id],
                org_id=org_id,
                plan_id=plan.id,
                key=item.spec.id,
                position=position,
                title=item.template.title(options.locale),
                phase=item.template.phase,
                duration=result.durations[item.spec.id],
                min_duration=item.spec.min_duration,
                normal_duration=item.spec.duration
                if result.tasks[item.spec.id].compressed
                else None,
                start_date=result.tasks[item.spec.id].start,
                due_date=result.tasks[item.spec.id].end,
                due_offset=item.spec.due_offset,
                after_event=item.spec.after_event,
                optional=item.spec.optional,
                status=TaskStatus.TODO.value,
                pinned=False,
                owner_role=item.template.role,
                vendor_category=item.template.vendor,
                assignee=None,
                depends_on=[str(ids[dep]) for dep in item.spec.depends_on],
            )
            for position, item in enumerate(items)
        ]
        plan_feasibility = feasibility(result, {t.key: t for t in tasks}, options.locale)
        out = PlanOut(
            id=plan.id if event.id else None,
            event_id=event.id,
            template_id=template.id,
            start_date=start,
            event_date=event.date,
            mode=result.mode,
            tasks_count=len(tasks),
            requirements=requirements,
            feasibility=plan_feasibility,
        )
        if event.id is not None:
            await self.repo.replace_plan(org_id, event.id)
            await self.repo.add(plan)
            await self.repo.add(*tasks)
            add_event(
                self.session,
                topics.PLAN_GENERATED,
                {
                    "event_id": event.id,
                    "plan_id": plan.id,
                    "template": template.id,
                    "tasks": len(tasks),
                    "feasible": result.feasible,
                    "required_days": result.required_days,
                    "available_days": result.available_days,
                },
                org_id=org_id,
            )
        return out, [task_out(task) for task in tasks]

    async def list_tasks(
        self, org_id: uuid.UUID, event_id: uuid.UUID, filters: TaskFilters, *, now: dt.datetime
    ) -> list[TaskOut]:
        plan, tasks = await self._plan_with_tasks(org_id, event_id)
        analysis = self._analyse(plan, tasks, now)
        horizon = (
            analysis.today + dt.timedelta(days=filters.due_within_days)
            if filters.due_within_days is not None
            else None
        )
        selected = []
        for task in tasks:
            if filters.status and TaskStatus(task.status) not in filters.status:
                continue
            if filters.phase and task.phase not in filters.phase:
                continue
            if filters.overdue and task.id not in analysis.overdue:
                continue
            if horizon is not None and not (is_open(task) and task.due_date <= horizon):
                continue
            if filters.critical_only and not analysis.critical(task.id):
                continue
            selected.append(task_out(task, analysis))
        return selected

    async def find_tasks(
        self,
        org_id: uuid.UUID,
        event_id: uuid.UUID,
        query: str,
        *,
        now: dt.datetime,
        limit: int = 10,
    ) -> tuple[list[TaskMatch], list[TaskOut]]:
        """Open tasks the words may mean, best first; when none, the next open tasks due, so
        the person can be asked which one they meant."""
        plan, tasks = await self._plan_with_tasks(org_id, event_id)
        analysis = self._analyse(plan, tasks, now)
        candidates = [task_out(task, analysis) for task in tasks if is_open(task)]
        matches = match_tasks(query, candidates)[:limit]
        upcoming = [] if matches else sorted(candidates, key=lambda t: (t.due_date, t.title))
        return matches, upcoming[:UPCOMING]

    async def create_task(
        self, org_id: uuid.UUID, data: TaskCreate, *, now: dt.datetime
    ) -> TaskChange:
        plan, tasks = await self._plan_with_tasks(org_id, data.event_id)
        known = {task.id for task in tasks}
        unknown = [dep for dep in data.depends_on if dep not in known]
        if unknown:
            raise ValidationFailedError(f"Unknown dependencies in this plan: {unknown}")
        today = today_in(plan.timezone, now)
        begin = self._index(data.start_date or max(today, plan.start_date), plan)
        by_id = {task.id: task for task in tasks}
        for dep in data.depends_on:
            begin = max(begin, self.calendar.index(by_id[dep].start_date) + by_id[dep].duration)
        custom = sum(1 for task in tasks if task.key.startswith("custom-")) + 1
        task = PlanTask(
            id=new_id(),
            org_id=org_id,
            plan_id=plan.id,
            key=f"custom-{custom}",
            position=max((t.position for t in tasks), default=-1) + 1,
            title=data.title,
            phase=data.phase,
            duration=data.duration,
            min_duration=None,
            start_date=self.calendar.date(begin),
            due_date=self._end(begin, data.duration),
            due_offset=data.due_offset,
            after_event=data.after_event,
            optional=False,
            status=TaskStatus.TODO.value,
            pinned=data.start_date is not None,
            owner_role=data.owner_role,
            vendor_category=data.vendor_category,
            assignee=data.assignee,
            depends_on=[str(dep) for dep in dict.fromkeys(data.depends_on)],
        )
        self._check_graph([*tasks, task])
        await self.repo.add(task)
        all_tasks = [*tasks, task]
        out = task_out(task, self._analyse(plan, all_tasks, now))
        add_event(
            self.session,
            topics.TASK_CREATED,
            {"event_id": plan.event_id, "task": out.model_dump(mode="json")},
            org_id=org_id,
        )
        return TaskChange(task=out, moved=[])

    async def update_task(
        self, org_id: uuid.UUID, task_id: uuid.UUID, data: TaskUpdate, *, now: dt.datetime
    ) -> TaskChange:
        task = await self.repo.task(org_id, task_id)
        if task is None:
            raise NotFoundError("Task not found")
        plan = await self.repo.plan(org_id, task.plan_id)
        if plan is None:  # pragma: no cover - a task never outlives its plan
            raise NotFoundError("Task not found")
        tasks = list(await self.repo.tasks(org_id, plan.id))
        task = next(t for t in tasks if t.id == task_id)
        changes = data.model_dump(include=data.model_fields_set)
        if "depends_on" in changes:
            deps = data.depends_on or []
            known = {t.id for t in tasks}
            unknown = [dep for dep in deps if dep not in known]
            if unknown:
                raise ValidationFailedError(f"Unknown dependencies in this plan: {unknown}")
            task.depends_on = [str(dep) for dep in dict.fromkeys(deps)]
            self._check_graph(tasks)
        for field in ("title", "assignee"):
            if field in changes:
                setattr(task, field, changes[field])
        if changes.get("status") is not None:
            task.status = TaskStatus(changes["status"]).value
        begin = self.calendar.index(task.start_date)
        if changes.get("start_date") is not None:
            begin = self._index(changes["start_date"], plan)
            task.pinned = True
        if changes.get("duration") is not None:
            task.duration = changes["duration"]
        elif changes.get("due_date") is not None:
            due_index = self._index(changes["due_date"], plan)
            if due_index < begin:
                raise ValidationFailedError("due_date must not be before the start date")
            task.duration = due_index - begin + 1
        task.start_date = self.calendar.date(begin)
        task.due_date = self._end(begin, task.duration)
        moved = self._push(tasks, [*task.depends_on, str(task.id)])
        task.updated_at = utcnow()
        await self.session.flush()
        out = task_out(task, self._analyse(plan, tasks, now))
        change = TaskChange(task=out, moved=[ref(t) for t in moved if t.id != task.id])
        add_event(
            self.session,
            topics.TASK_UPDATED,
            {
                "event_id": plan.event_id,
                "task": out.model_dump(mode="json"),
                "changed": sorted(changes),
                "moved": [str(t.id) for t in moved],
            },
            org_id=org_id,
        )
        return change

    async def timeline(
        self, org_id: uuid.UUID, event_id: uuid.UUID, *, now: dt.datetime
    ) -> TimelineOut:
        plan, tasks = await self._plan_with_tasks(org_id, event_id)
        analysis = self._analyse(plan, tasks, now)
        phases = []
        for phase in library().phases:
            members = [task for task in tasks if task.phase == phase.id]
            phases.append(
                PhaseOut(
                    id=phase.id,
                    title=phase.ru if plan.locale == "ru" else phase.en,
                    start_date=min((t.start_date for t in members), default=None),
                    end_date=max((t.due_date for t in members), default=None),
                    tasks=len(members),
                    done=sum(1 for t in members if t.status == TaskStatus.DONE),
                    progress=progress(members, counts=lambda t: t.status == TaskStatus.DONE),
                )
            )
        milestones = [
            Milestone(task_id=t.id, title=t.title, date=t.start_date)
            for t in tasks
            if t.duration == 0
        ]
        milestones.append(
            Milestone(
                task_id=None,
                title="Мероприятие" if plan.locale == "ru" else "Event",
                date=plan.event_date,
            )
        )
        milestones.sort(key=lambda m: m.date)
        return TimelineOut(
            event_id=plan.event_id,
            start_date=plan.start_date,
            event_date=plan.event_date,
            today=analysis.today,
            progress=plan_progress(tasks),
            overdue=len(analysis.overdue),
            at_risk=len(analysis.at_risk),
            phases=phases,
            milestones=milestones,
            feasibility=feasibility(analysis.schedule, {str(t.id): t for t in tasks}, plan.locale),
        )

    async def summaries(
        self, org_id: uuid.UUID, event_ids: Collection[uuid.UUID], *, now: dt.datetime
    ) -> dict[uuid.UUID, PlanSummary]:
        """Each event's plan at a glance, in two queries however many events there are; an
        event without a plan gets `has_plan=False`."""
        found = {event_id: PlanSummary(has_plan=False) for event_id in event_ids}
        if not found:
            return found
        plans = await self.repo.plans_for_events(org_id, found)
        by_plan: dict[uuid.UUID, list[TaskGlance]] = {plan.id: [] for plan in plans}
        if by_plan:
            for task in await self.repo.task_glances(org_id, by_plan):
                by_plan[task.plan_id].append(task)
        for plan in plans:
            tasks = by_plan[plan.id]
            today = today_in(plan.timezone, now)
            upcoming = next_due(tasks, today)
            found[plan.event_id] = PlanSummary(
                has_plan=True,
                tasks=len(tasks),
                done=sum(1 for task in tasks if task.status == TaskStatus.DONE),
                progress=plan_progress(tasks),
                overdue=sum(1 for task in tasks if is_overdue(task, today)),
                next_due=TaskRef(
                    id=upcoming.id,
                    title=upcoming.title,
                    start_date=upcoming.start_date,
                    due_date=upcoming.due_date,
                )
                if upcoming
                else None,
            )
        return found

    async def export(
        self,
        org_id: uuid.UUID,
        event_id: uuid.UUID,
        fmt: ExportFormat,
        *,
        event_name: str,
        now: dt.datetime,
    ) -> bytes:
        plan, tasks = await self._plan_with_tasks(org_id, event_id)
        analysis = self._analyse(plan, tasks, now)
        rows = [task_out(task, analysis) for task in tasks]
        header = PlanHeader(str(event_id), event_name, plan.event_date)
        if fmt is ExportFormat.ICS:
            return exports.to_ics(header, rows, stamp=now)
        if fmt is ExportFormat.CSV:
            return exports.to_csv(rows)
        if fmt is ExportFormat.XLSX:
            return exports.to_xlsx(header, rows)
        # matplotlib is imported on first chart only: it costs half a second at start-up.
        from eventmaestro.agents.planning import gantt

        return gantt.render(
            event_name,
            rows,
            today=analysis.today,
            event_date=plan.event_date,
            fmt="png" if fmt is ExportFormat.PNG else "svg",
            locale=plan.locale,
        )

    def _analyse(self, plan: Plan, tasks: Sequence[PlanTask], now: dt.datetime) -> Analysis:
        return analyse(plan, tasks, today=today_in(plan.timezone, now), calendar=self.calendar)

    async def _plan_with_tasks(
        self, org_id: uuid.UUID, event_id: uuid.UUID
    ) -> tuple[Plan, Sequence[PlanTask]]:
        plan = await self.repo.plan_for_event(org_id, event_id)
        if plan is None:
            raise NotFoundError("This event has no plan yet: generate one first")
        return plan, await self.repo.tasks(org_id, plan.id)

    def _index(self, day: dt.date, plan: Plan) -> int:
        """A date given by a person, as a working-day index. Work more than two years away
        from the event is a typo, not a plan."""
        if abs((day - plan.event_date).days) > _DATE_REACH_DAYS:
            raise ValidationFailedError("Task dates must fall within two years of the event")
        return self.calendar.index(day)

    def _end(self, begin: int, duration: int) -> dt.date:
        return self.calendar.date(begin + duration - 1 if duration else begin)

    def _check_graph(self, tasks: Sequence[PlanTask]) -> None:
        by_id = {str(task.id): task for task in tasks}
        try:
            topological_order({key: spec_of(task, remaining=False) for key, task in by_id.items()})
        except CycleError as exc:
            names = " → ".join(by_id[task_id].title for task_id in exc.cycle)
            raise ConflictError(
                f"This change would create a dependency cycle: {names}",
                extra={"cycle": exc.cycle},
            ) from exc
        except PlanningGraphError as exc:  # pragma: no cover - ids are checked before
            raise ValidationFailedError(str(exc)) from exc

    def _push(self, tasks: Sequence[PlanTask], changed: list[str]) -> list[PlanTask]:
        by_id = {str(task.id): task for task in tasks}
        specs = {key: spec_of(task, remaining=False) for key, task in by_id.items()}
        starts = {key: self.calendar.index(task.start_date) for key, task in by_id.items()}
        moved = push_dependants(specs, starts, changed)
        for key, begin in moved.items():
            task = by_id[key]
            task.start_date = self.calendar.date(begin)
            task.due_date = self._end(begin, task.duration)
        return [by_id[key] for key in moved]
