"""Planning I/O: plan options, tasks, timelines and templates."""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from eventmaestro.agents.planning.scheduling import Mode
from eventmaestro.agents.planning.templates import Format, PhaseId, TemplateTask
from eventmaestro.events.schemas import Timezone
from eventmaestro.kit.types import CleanStr, IsoDate, Name, ShortText

Duration = Annotated[int, Field(ge=0, le=250, description="Working days; 0 is a milestone")]
Locale = Literal["ru", "en"]


class TaskStatus(StrEnum):
    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    SKIPPED = "skipped"


CLOSED = frozenset({TaskStatus.DONE, TaskStatus.SKIPPED})


class EventFacts(BaseModel):
    """What planning needs to know about an event; skills carry it, endpoints read it."""

    model_config = ConfigDict(extra="forbid")

    id: uuid.UUID | None = None
    event_type: str
    date: dt.date
    date_end: dt.date | None = None
    guests_count: Annotated[int, Field(ge=1, le=1_000_000)] = 150
    format: Format = "offline"
    timezone: Timezone = "Europe/Moscow"
    notes: Annotated[str, Field(max_length=20_000)] | None = None


class PlanOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    template: Annotated[CleanStr, Field(max_length=40)] | None = Field(
        None, description="Template id; the event's type by default"
    )
    start_date: IsoDate | None = Field(None, description="First day of work; today by default")
    include_optional: bool = True
    # As soon as possible: work done early, slack kept at the end before the event.
    mode: Mode = Mode.FORWARD
    locale: Locale = "ru"
    requirements: Annotated[CleanStr, Field(max_length=2_000)] | None = Field(
        None, description="Special requirements in words; the event's notes are read too"
    )


class TaskRef(BaseModel):
    id: uuid.UUID
    title: str
    start_date: dt.date
    due_date: dt.date


class Feasibility(BaseModel):
    feasible: bool
    required_days: int
    available_days: int
    critical_path: list[TaskRef]
    explanation: str | None = None
    compressions: list[str] = Field(default_factory=list)
    earliest_feasible_date: dt.date | None = None


class PlanOut(BaseModel):
    id: uuid.UUID | None = Field(description="None for a preview that was not stored")
    event_id: uuid.UUID | None
    template_id: str
    start_date: dt.date
    event_date: dt.date
    mode: Mode
    tasks_count: int
    requirements: list[str] = Field(
        default_factory=list, description="Special requirements recognised and planned for"
    )
    feasibility: Feasibility


class TaskOut(BaseModel):
    id: uuid.UUID
    plan_id: uuid.UUID
    key: str
    title: str
    phase: PhaseId
    duration: int
    start_date: dt.date
    due_date: dt.date
    status: TaskStatus
    milestone: bool
    optional: bool
    after_event: bool
    owner_role: str | None
    vendor_category: str | None
    assignee: str | None
    depends_on: list[uuid.UUID]
    critical: bool = False
    slack: int | None = Field(None, description="Working days it may slip without risk")
    overdue: bool = False
    at_risk: bool = False
    compressed: bool = Field(False, description="Crashed below its normal duration to fit")
    normal_duration: int | None = Field(None, description="Working days it normally takes")


class TaskFilters(BaseModel):
    status: list[TaskStatus] | None = None
    phase: list[PhaseId] | None = None
    overdue: bool = False
    due_within_days: int | None = None
    critical_only: bool = False


class TaskCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    event_id: uuid.UUID
    title: Name
    phase: PhaseId
    duration: Duration = 1
    depends_on: list[uuid.UUID] = Field(default_factory=list, max_length=50)
    start_date: IsoDate | None = None
    due_offset: Annotated[int, Field(ge=0, le=250)] = 0
    after_event: bool = False
    owner_role: Annotated[CleanStr, Field(max_length=40)] | None = None
    vendor_category: Annotated[CleanStr, Field(max_length=40)] | None = None
    assignee: ShortText | None = None


class TaskUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Name | None = None
    status: TaskStatus | None = None
    start_date: IsoDate | None = None
    due_date: IsoDate | None = None
    duration: Duration | None = None
    assignee: ShortText | None = None
    depends_on: Annotated[list[uuid.UUID], Field(max_length=50)] | None = None


class TaskChange(BaseModel):
    task: TaskOut
    moved: list[TaskRef] = Field(description="Dependants rescheduled by this change")


class PhaseOut(BaseModel):
    id: PhaseId
    title: str
    start_date: dt.date | None
    end_date: dt.date | None
    tasks: int
    done: int
    progress: float = Field(description="Share of working days done, 0–100")


class Milestone(BaseModel):
    task_id: uuid.UUID | None
    title: str
    date: dt.date


class TimelineOut(BaseModel):
    event_id: uuid.UUID
    start_date: dt.date
    event_date: dt.date
    today: dt.date
    progress: float
    overdue: int
    at_risk: int
    phases: list[PhaseOut]
    milestones: list[Milestone]
    feasibility: Feasibility


class PlanSummary(BaseModel):
    """An event's plan at a glance, read the way the timeline reads it."""

    # Defaults make the empty summary; every answer carries every field.
    model_config = ConfigDict(json_schema_serialization_defaults_required=True)

    has_plan: bool
    tasks: int = 0
    done: int = 0
    progress: float = Field(0.0, description="Share of working days closed, 0–100")
    overdue: int = Field(0, description="Open tasks past due, in the plan's time zone")
    next_due: TaskRef | None = Field(None, description="The first open task due from today on")


class TemplateSummary(BaseModel):
    id: str
    title_ru: str
    title_en: str
    tasks: int
    online_only: bool


class TemplateOut(TemplateSummary):
    phases: list[str]
    items: list[TemplateTask]


class GeneratedPlan(BaseModel):
    plan: PlanOut
    tasks: list[TaskOut]


class ExportFormat(StrEnum):
    ICS = "ics"
    CSV = "csv"
    XLSX = "xlsx"
    PNG = "png"
    SVG = "svg"


EXPORT_MEDIA_TYPES = {
    ExportFormat.ICS: "text/calendar; charset=utf-8",
    ExportFormat.CSV: "text/csv; charset=utf-8",
    ExportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ExportFormat.PNG: "image/png",
    ExportFormat.SVG: "image/svg+xml",
}
