"""Special requirements the offline rules do not know («дрон-шоу над площадкой», «гостям
нужен трансфер из аэропорта на электробусах»), read by a language model when one is
configured, and turned into tasks only after code has checked them.

The rules in `_requirements.yaml` always apply first; the model is asked only about the rest
of the brief and may propose at most a few tasks. Each is validated — a known phase, a
sane duration, dependencies on tasks that exist (else the approved concept), a role the
template uses, a title that is not already in the plan — and anything else is dropped with
a note. Without a model, or if it fails, the plan is the rules' plan.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from eventmaestro.agents.planning.templates import EventTemplate, PhaseId, TemplateTask
from eventmaestro.kit.errors import MaestroError
from eventmaestro.kit.logging import get_logger
from eventmaestro.llm.contracts import Message, TaskKind

if TYPE_CHECKING:
    from eventmaestro.llm.gateway import LLMGateway

log = get_logger("maestro.planning")

MAX_TASKS = 5
ASK_SECONDS = 6.0
_Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=120)]


class ProposedTask(BaseModel):
    model_config = ConfigDict(extra="ignore")

    title_ru: _Title
    title_en: _Title
    phase: PhaseId
    days: int = Field(ge=1, le=30, description="Working days for a 150-guest event")
    after: list[str] = Field(default_factory=list, max_length=3)
    role: str = "manager"
    due: int = Field(default=5, ge=0, le=60, description="Finish this many working days before")


class Proposal(BaseModel):
    model_config = ConfigDict(extra="ignore")

    tasks: list[ProposedTask] = Field(default_factory=list)


_PROMPT = (
    "You plan events. The brief below has special requirements. Propose at most {limit} "
    "extra preparation tasks that the existing plan does not cover; none if it covers "
    "everything. Existing tasks (id: title): {existing}. Use only these phases: {phases}, "
    "and only existing task ids in `after`. Reply with JSON matching the schema."
)


def validated(template: EventTemplate, proposal: Proposal) -> tuple[list[TemplateTask], list[str]]:
    """The proposals code accepts, as template tasks, and a note for each one it drops."""
    known = {task.id for task in template.tasks}
    titles = {task.ru.casefold() for task in template.tasks}
    titles |= {task.en.casefold() for task in template.tasks}
    roles = {task.role for task in template.tasks}
    accepted: list[TemplateTask] = []
    notes: list[str] = []
    for index, proposed in enumerate(proposal.tasks):
        if len(accepted) == MAX_TASKS:
            notes.append(f"dropped «{proposed.title_ru}»: at most {MAX_TASKS} extra tasks")
            continue
        if proposed.title_ru.casefold() in titles or proposed.title_en.casefold() in titles:
            notes.append(f"dropped «{proposed.title_ru}»: the plan already has it")
            continue
        after = tuple(dep for dep in proposed.after if dep in known)
        if not after and "concept_approved" in known:
            after = ("concept_approved",)  # anchored like the rules' tasks
        accepted.append(
            TemplateTask(
                id=f"requirement_{index + 1}",
                ru=proposed.title_ru,
                en=proposed.title_en,
                phase=proposed.phase,
                days=proposed.days,
                after=after,
                role=proposed.role if proposed.role in roles else "manager",
                due=proposed.due,
            )
        )
        titles |= {proposed.title_ru.casefold(), proposed.title_en.casefold()}
    return accepted, notes


async def model_tasks(
    gateway: LLMGateway | None,
    template: EventTemplate,
    text: str,
    *,
    deadline: dt.datetime | None,
    org_id: uuid.UUID,
) -> tuple[list[TemplateTask], list[str]]:
    if not text.strip() or gateway is None or not gateway.has_model(TaskKind.PLANNING):
        return [], []
    existing = "; ".join(f"{task.id}: {task.en}" for task in template.tasks)
    phases = ", ".join(PhaseId.__args__)  # type: ignore[attr-defined]
    try:
        proposal = await gateway.structured(
            TaskKind.PLANNING,
            [
                Message.system(_PROMPT.format(limit=MAX_TASKS, existing=existing, phases=phases)),
                Message.user(text),
            ],
            Proposal,
            deadline=deadline,
            within=ASK_SECONDS,
            org_id=org_id,
        )
    except MaestroError as error:
        log.warning("requirements_model_failed", detail=error.detail)
        return [], []
    return validated(template, proposal)
