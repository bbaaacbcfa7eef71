"""Planning API: templates, plans, tasks and timelines. Thin: each route calls one service
function."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status

from eventmaestro.accounts.dependencies import CurrentPrincipal, WriterPrincipal
from eventmaestro.agents.planning.schemas import (
    EXPORT_MEDIA_TYPES,
    EventFacts,
    ExportFormat,
    GeneratedPlan,
    PlanOptions,
    TaskChange,
    TaskCreate,
    TaskFilters,
    TaskOut,
    TaskStatus,
    TaskUpdate,
    TemplateOut,
    TemplateSummary,
    TimelineOut,
)
from eventmaestro.agents.planning.service import PlanningService, today_in
from eventmaestro.agents.planning.templates import PhaseId, library
from eventmaestro.events.schemas import EventOut
from eventmaestro.events.service import EventsService
from eventmaestro.kit.auth import Principal
from eventmaestro.kit.clock import utcnow
from eventmaestro.kit.deps import SessionDep
from eventmaestro.kit.errors import NotFoundError, ValidationFailedError

router = APIRouter(prefix="/api/v1/planning", tags=["planning"])


def get_planning_service(session: SessionDep) -> PlanningService:
    return PlanningService(session)


PlanningServiceDep = Annotated[PlanningService, Depends(get_planning_service)]


def event_facts(event: EventOut) -> EventFacts:
    if event.date is None:
        raise ValidationFailedError("The event has no date yet: set one to plan backwards from")
    return EventFacts(
        id=event.id,
        event_type=event.event_type,
        date=event.date,
        date_end=event.date_end,
        guests_count=event.guests_count or 150,
        format=event.format.value,
        timezone=event.timezone,
        notes=event.notes,
    )


async def _event(session: SessionDep, principal: Principal, event_id: uuid.UUID) -> EventOut:
    return await EventsService(session).get(principal, event_id)


def _summary(template_id: str) -> TemplateSummary:
    template = library().templates[template_id]
    return TemplateSummary(
        id=template.id,
        title_ru=template.ru,
        title_en=template.en,
        tasks=len(template.tasks),
        online_only=template.online_only,
    )


@router.get("/templates")
async def list_templates(principal: CurrentPrincipal) -> list[TemplateSummary]:
    return [_summary(template_id) for template_id in library().templates]


@router.get("/templates/{template_id}")
async def get_template(template_id: str, principal: CurrentPrincipal) -> TemplateOut:
    template = library().templates.get(template_id)
    if template is None:
        raise NotFoundError("Template not found")
    return TemplateOut(
        **_summary(template_id).model_dump(),
        phases=[phase.id for phase in library().phases],
        items=list(template.tasks),
    )


@router.post("/events/{event_id}/plan", status_code=status.HTTP_201_CREATED)
async def generate_plan(
    event_id: uuid.UUID,
    principal: WriterPrincipal,
    session: SessionDep,
    service: PlanningServiceDep,
    body: PlanOptions | None = None,
) -> GeneratedPlan:
    """Generate (or regenerate) the event's plan. An event that cannot be ready in time still
    gets a plan, laid out forward, with the explanation and what would make it fit."""
    facts = event_facts(await _event(session, principal, event_id))
    plan, tasks = await service.generate(
        principal.org_id, facts, body or PlanOptions(), today=today_in(facts.timezone)
    )
    return GeneratedPlan(plan=plan, tasks=tasks)


@router.get("/events/{event_id}/tasks")
async def list_tasks(
    event_id: uuid.UUID,
    principal: CurrentPrincipal,
    service: PlanningServiceDep,
    status: Annotated[list[TaskStatus] | None, Query()] = None,
    phase: Annotated[list[PhaseId] | None, Query()] = None,
    overdue: bool = False,
    due_within_days: Annotated[int | None, Query(ge=0, le=3650)] = None,
    critical_only: bool = False,
) -> list[TaskOut]:
    filters = TaskFilters(
        status=status,
        phase=phase,
        overdue=overdue,
        due_within_days=due_within_days,
        critical_only=critical_only,
    )
    return await service.list_tasks(principal.org_id, event_id, filters, now=utcnow())


@router.get("/events/{event_id}/timeline")
async def get_timeline(
    event_id: uuid.UUID, principal: CurrentPrincipal, service: PlanningServiceDep
) -> TimelineOut:
    return await service.timeline(principal.org_id, event_id, now=utcnow())


@router.get(
    "/events/{event_id}/export",
    response_class=Response,
    responses={
        200: {
            "description": "The plan as a file",
            "content": {media_type: {} for media_type in EXPORT_MEDIA_TYPES.values()},
        }
    },
)
async def export_plan(
    event_id: uuid.UUID,
    principal: CurrentPrincipal,
    session: SessionDep,
    service: PlanningServiceDep,
    format: ExportFormat = ExportFormat.ICS,
) -> Response:
    """The plan as a file: `ics` (calendar apps), `csv`, `xlsx`, or a Gantt chart (`png`,
    `svg`) with the critical path in red and a line for today."""
    event = await _event(session, principal, event_id)
    content = await service.export(
        principal.org_id, event_id, format, event_name=event.name, now=utcnow()
    )
    filename = f"plan-{event_id}.{format.value}"
    return Response(
        content,
        media_type=EXPORT_MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.post("/tasks", status_code=status.HTTP_201_CREATED)
async def create_task(
    body: TaskCreate, principal: WriterPrincipal, service: PlanningServiceDep
) -> TaskChange:
    return await service.create_task(principal.org_id, body, now=utcnow())


@router.put(
    "/tasks/{task_id}",
    responses={409: {"description": "The change would close a dependency loop"}},
)
async def update_task(
    task_id: uuid.UUID, body: TaskUpdate, principal: WriterPrincipal, service: PlanningServiceDep
) -> TaskChange:
    """Change a task; dependants that would now start too early move later, and a change that
    would close a dependency loop is refused (409) naming the loop."""
    return await service.update_task(principal.org_id, task_id, body, now=utcnow())
