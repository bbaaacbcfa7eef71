"""The template library: data files under templates/, validated on load, and their expansion
into a concrete task graph for one event's size and format.

Templates are data so that an event producer can edit them without touching code; the shared
blocks in `_common.yaml` (venue, catering, registration, post-event …) keep the thirteen
event types consistent with each other.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from eventmaestro.agents.planning.scheduling import PlanningGraphError, TaskSpec, without

Format = Literal["offline", "online", "hybrid"]
PhaseId = Literal[
    "concept",
    "venue_vendors",
    "content",
    "marketing",
    "logistics",
    "final_week",
    "event_day",
    "post_event",
]

# Where an event of another type finds the closest template.
FALLBACK_TEMPLATE = {"sports_event": "festival", "other": "conference"}


class Phase(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: PhaseId
    ru: str
    en: str


class TemplateTask(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    ru: str
    en: str
    phase: PhaseId
    days: int = Field(ge=0, le=60, description="Working days for a 150-guest event")
    after: tuple[str, ...] = ()
    role: str
    vendor: str | None = None
    optional: bool = False
    due: int = Field(default=0, ge=0, description="Finish this many working days before")
    format: Literal["offline", "online"] | None = None
    min_guests: int = 0
    after_event: bool = False
    fixed: bool = Field(default=False, description="Duration does not grow with size")
    crash: int | None = Field(
        default=None, ge=0, le=60, description="Shortest working days with extra people"
    )

    def title(self, locale: str) -> str:
        return self.ru if locale == "ru" else self.en


class EventTemplate(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    ru: str
    en: str
    online_only: bool = False
    tasks: tuple[TemplateTask, ...]

    def title(self, locale: str) -> str:
        return self.ru if locale == "ru" else self.en


@dataclass(frozen=True, slots=True)
class PlannedTask:
    """A template task sized for one event: what to schedule and what to tell people."""

    template: TemplateTask
    spec: TaskSpec


class Requirement(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    match: tuple[str, ...]
    tasks: tuple[TemplateTask, ...]

    def applies_to(self, text: str) -> bool:
        lowered = text.lower()
        return any(stem in lowered for stem in self.match)


@dataclass(frozen=True, slots=True)
class Library:
    phases: tuple[Phase, ...]
    templates: dict[str, EventTemplate]
    requirements: tuple[Requirement, ...] = ()

    def get(self, template_id: str) -> EventTemplate | None:
        return self.templates.get(FALLBACK_TEMPLATE.get(template_id, template_id))


def _read(name: str) -> Any:
    return yaml.safe_load(
        resources.files("eventmaestro.agents.planning").joinpath("templates", name).read_text()
    )


@cache
def library() -> Library:
    common = _read("_common.yaml")
    phases = tuple(Phase.model_validate(p) for p in common["phases"])
    folder = resources.files("eventmaestro.agents.planning").joinpath("templates")
    templates: dict[str, EventTemplate] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml") or entry.name.startswith("_"):
            continue
        raw = yaml.safe_load(entry.read_text())
        tasks = [task for block in raw.pop("blocks", []) for task in common["blocks"][block]]
        tasks.extend(raw.pop("tasks", []))
        # An event type's own lead times for shared tasks (a wedding's invitations go out
        # six weeks ahead, a staff party's one week ahead).
        overrides = raw.pop("overrides", {})
        tasks = [{**task, **overrides.get(task["id"], {})} for task in tasks]
        template = EventTemplate.model_validate({**raw, "tasks": tasks})
        ids = [task.id for task in template.tasks]
        if len(ids) != len(set(ids)):
            raise ValueError(f"template {template.id} defines a task twice")
        templates[template.id] = template
    requirements = tuple(
        Requirement.model_validate(r) for r in _read("_requirements.yaml")["requirements"]
    )
    return Library(phases=phases, templates=templates, requirements=requirements)


def with_requirements(template: EventTemplate, text: str) -> tuple[EventTemplate, list[str]]:
    """The template plus the tasks of every special requirement the text mentions («с
    фейерверком», «кейтеринг халяль», «иностранные спикеры — визы»). A dependency the
    template lacks falls back to the approved concept, so an added task is always anchored."""
    known = {task.id for task in template.tasks}
    matched = [r for r in library().requirements if text and r.applies_to(text)]
    extra: list[TemplateTask] = []
    for requirement in matched:
        own = {task.id for task in requirement.tasks}
        for task in requirement.tasks:
            if task.id in known:
                continue
            after = tuple(dep for dep in task.after if dep in known or dep in own)
            extra.append(task.model_copy(update={"after": after or ("concept_approved",)}))
    if not extra:
        return template, [r.id for r in matched]
    combined = template.model_copy(update={"tasks": (*template.tasks, *extra)})
    return combined, [r.id for r in matched]


# Forward plans keep final-week work in the last week and event-day work right before the
# event, instead of doing a rehearsal months ahead just because nothing blocks it.
_ANCHORS = {
    "final_week": lambda needed: max(5, needed),
    "event_day": lambda needed: needed,
}


def size_factor(guests: int) -> float:
    """How much longer work takes for a bigger crowd: more vendors to compare, more people to
    seat, badge and brief. Fixed tasks (a signature, a tasting) keep their duration."""
    if guests <= 50:
        return 0.75
    if guests <= 300:
        return 1.0
    if guests <= 1000:
        return 1.3
    return 1.6


def _keeps(task: TemplateTask, formats: set[str], guests: int, include_optional: bool) -> bool:
    if task.format is not None and task.format not in formats:
        return False
    if task.optional and not include_optional:
        return False
    return guests >= task.min_guests


def expand(
    template: EventTemplate,
    *,
    guests: int,
    event_format: Format,
    include_optional: bool = True,
) -> list[PlannedTask]:
    """The template's tasks for this event. Dropped tasks (no venue online, no badges for a
    dinner of twelve) hand their dependencies on to their successors."""
    fmt: Format = "online" if template.online_only else event_format
    formats: set[str] = {"offline", "online"} if fmt == "hybrid" else {fmt}
    factor = size_factor(guests)
    by_id = {task.id: task for task in template.tasks}
    specs: dict[str, TaskSpec] = {}
    for task in template.tasks:
        duration = task.days if task.fixed or task.days == 0 else max(1, round(task.days * factor))
        if task.crash is not None:
            scaled = task.crash if task.fixed else max(1, round(task.crash * factor))
            shortest: int | None = min(duration, scaled) if scaled < duration else None
        else:
            shortest = None if task.fixed or duration < 2 else max(1, math.ceil(duration * 0.6))
        specs[task.id] = TaskSpec(
            id=task.id,
            duration=duration,
            depends_on=task.after,
            due_offset=task.due,
            after_event=task.after_event,
            optional=task.optional,
            min_duration=shortest,
            anchor=_ANCHORS[task.phase](task.due + duration) if task.phase in _ANCHORS else None,
        )
    kept = {task.id for task in template.tasks if _keeps(task, formats, guests, include_optional)}
    for task_id in kept:
        missing = [dep for dep in by_id[task_id].after if dep not in by_id]
        if missing:
            raise PlanningGraphError(f"template {template.id}: {task_id} needs unknown {missing}")
    # A dropped task may name a block task this template lacks (an online-only template's
    # venue steps); only the dependencies it hands on must exist.
    for task_id, spec in specs.items():
        if task_id not in kept:
            known = tuple(dep for dep in spec.depends_on if dep in by_id)
            specs[task_id] = replace(spec, depends_on=known)
    sized = without(specs, [task_id for task_id in specs if task_id not in kept])
    return [PlannedTask(by_id[task_id], spec) for task_id, spec in sized.items()]
