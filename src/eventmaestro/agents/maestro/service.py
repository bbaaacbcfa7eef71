"""Maestro's business rules: understand a message, run the intent's flow over the bus, and
answer in one piece — summary, every agent's structured result, warnings and timings."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from eventmaestro.agents.base import AgentContext, AgentResult, AgentTask, ResultStatus
from eventmaestro.agents.maestro.chosen_day import chosen_day_sentence, settle_day
from eventmaestro.agents.maestro.conversations import ConversationState, ConversationStore, Turn
from eventmaestro.agents.maestro.dag import (
    Flow,
    FlowRun,
    Invoker,
    Progress,
    StepState,
    execute,
)
from eventmaestro.agents.maestro.flows import REQUIRED, flow_for, shortlist
from eventmaestro.agents.maestro.followups import apply_message
from eventmaestro.agents.maestro.language import MaestroLanguage
from eventmaestro.agents.maestro.pending import Pending, completed, is_answer
from eventmaestro.agents.maestro.schemas import (
    AgentHealth,
    Clarification,
    ConversationOut,
    IntentClassifyRequest,
    OrchestrationHealth,
    ProcessRequest,
    ProcessResponse,
    ProviderHealth,
    StepResult,
    StepTiming,
    TurnOut,
)
from eventmaestro.agents.maestro.summaries import (
    Language,
    brief_line,
    choice_question,
    city_name,
    clarifying_question,
    detect_language,
    missing_sentence,
    no_flow_answer,
    step_sentence,
)
from eventmaestro.agents.registry import all_agents
from eventmaestro.agents.runtime import PING_SKILL, invoke
from eventmaestro.events.schemas import EventOut
from eventmaestro.events.service import EventsService
from eventmaestro.kit.auth import Principal
from eventmaestro.kit.clock import utcnow
from eventmaestro.kit.errors import MaestroError, NotFoundError
from eventmaestro.kit.logging import get_logger
from eventmaestro.kit.platform import Platform
from eventmaestro.nlp.entities.extract import Entities, local_today
from eventmaestro.nlp.intents import Intent
from eventmaestro.nlp.understanding import Understanding, understand

# The whole answer must arrive while a person still waits for it; steps have their own.
REQUEST_SECONDS = 30.0
PING_SECONDS = 2.0
WRITER_ROLES = frozenset({"admin", "manager", "integration"})

_BRIEF_FLOWS = frozenset({Intent.CREATE_EVENT_PLAN, Intent.ESTIMATE_BUDGET, Intent.SEARCH_VENDORS})
ProgressListener = Callable[[str, dict[str, Any]], Awaitable[None]]
log = get_logger("maestro.orchestrator")


async def _silent(_kind: str, _data: dict[str, Any]) -> None:
    return None


def classify_intent(request: IntentClassifyRequest, model_dir: Path) -> Understanding:
    return understand(
        request.text,
        now=request.now or utcnow(),
        timezone=request.timezone,
        cache_dir=model_dir,
    )


def _event_facts(event: EventOut) -> dict[str, Any]:
    """A stored event as entities: what a conversation about it starts from."""
    facts: dict[str, Any] = {"event_type": event.event_type.value, "format": event.format.value}
    if event.guests_count:
        facts["guests_count"] = event.guests_count
    if event.budget is not None:
        facts["budget"] = event.budget.model_dump(mode="json")
    if event.city is not None and event.city.geoname_id is not None:
        facts["city"] = {"name": event.city.name, "geoname_id": event.city.geoname_id}
    if event.date is not None:
        facts["date"] = event.date.isoformat()
    if event.date_end is not None:
        facts["date_end"] = event.date_end.isoformat()
    return facts


def _entities(state: ConversationState, language: Language) -> Entities:
    """The brief's entities as the user reads them: the city keeps its GeoNames id and is
    named in the user's language («Казань» for a Russian brief, "Kazan" for an English one)."""
    values = {k: v for k, v in state.entities.items() if k in Entities.model_fields}
    city = values.get("city")
    if isinstance(city, dict):
        values["city"] = {**city, "name": city_name(city, language)}
    return Entities.model_validate(values)


def _last_language(state: ConversationState) -> Language:
    said = [turn.text for turn in state.turns if turn.role == "user"]
    return detect_language(said[-1]) if said else "ru"


class MaestroService:
    def __init__(
        self,
        platform: Platform,
        *,
        model_dir: Path | None = None,
        invoker: Invoker | None = None,
        request_seconds: float = REQUEST_SECONDS,
        language: MaestroLanguage | None = None,
    ) -> None:
        self.platform = platform
        self.model_dir = model_dir or platform.settings.data_dir / "models"
        self.conversations = ConversationStore(platform.cache)
        self.invoker: Invoker = invoker or (lambda task: invoke(platform.bus, task))
        self.request_seconds = request_seconds
        self.language = language or MaestroLanguage(None)
        self.skills = {agent.name: set(agent.skills) for agent in all_agents()}

    def available(self, agent: str, skill: str) -> bool:
        return skill in self.skills.get(agent, set())

    async def _load_event(self, principal: Principal, event_id: uuid.UUID) -> EventOut:
        async with self.platform.sessionmaker() as session:
            return await EventsService(session).get(principal, event_id)

    async def check_event(self, principal: Principal, event_id: uuid.UUID) -> None:
        """Raise NotFound unless the event is the caller organisation's."""
        await self._load_event(principal, event_id)

    async def process(
        self,
        principal: Principal,
        request: ProcessRequest,
        on_progress: ProgressListener = _silent,
    ) -> ProcessResponse:
        started = time.perf_counter()
        now = request.now or utcnow()
        state = await self.conversations.load(principal.org_id, request.conversation_id)
        if request.event_id is not None and request.event_id != state.event_id:
            # Raises NotFound for another organisation's event: nothing leaks, nothing runs.
            event = await self._load_event(principal, request.event_id)
            state.event_id = event.id
            state.start_over(_event_facts(event), "")
        understood = await self._understand(request.message, now, request.timezone)
        language = detect_language(request.message)
        message = request.message
        pending, state.pending = state.pending, None
        today = local_today(now, request.timezone)
        if pending is not None and is_answer(
            pending, message, understood.intent, understood.confidence, today
        ):
            # «вторую», «дегустацию», «на 15 декабря»: the command that asked, completed.
            message = completed(pending, message, language)
            understood = await self._understand(message, now, request.timezone)
            understood = understood.model_copy(update={"intent": pending.intent})
        entities, understanding_notes = await self._extract(
            principal, message, understood.entities, now, request.timezone
        )
        stated = entities.model_dump(mode="json", exclude_none=True)
        intent, notes = apply_message(
            state, message, stated, understood.intent, understood.confidence
        )
        if "date_window" in stated and "date" not in stated:
            # «а если в апреле?»: a new window replaces the day chosen in the old one.
            state.entities.pop("date", None)
            state.entities.pop("date_end", None)
        chosen = settle_day(state.entities, today)
        await on_progress(
            "understood",
            {
                "intent": intent.value,
                "confidence": understood.confidence,
                "entities": state.entities,
            },
        )
        context = AgentContext(
            org_id=principal.org_id,
            user_id=principal.user_id,
            event_id=state.event_id if principal.role in WRITER_ROLES else None,
            conversation_id=state.id,
            locale=language,
            now=now,
            timezone=request.timezone,
        )
        flow = flow_for(intent, message)
        known = {**state.entities, "event": context.event_id}
        missing = [name for name in REQUIRED.get(intent, ()) if not known.get(name)]
        run = FlowRun()
        clarification: Clarification | None = None
        if flow is not None and missing:
            clarification = Clarification(
                question=clarifying_question(missing, language), missing=missing, blocking=True
            )
        elif flow is not None:
            run = await self._run(flow, state, message, context, on_progress)
            listed = shortlist(run.outputs)
            if listed:
                state.entities["shortlist"] = listed
            if run.question is not None:
                state.pending = Pending(
                    intent=intent,
                    message=message,
                    missing=run.question.missing,
                    subject=run.question.subject,
                    options=list(run.question.options),
                )
                clarification = Clarification(
                    question=choice_question(run.question, language),
                    missing=[run.question.missing],
                    blocking=True,
                    options=list(run.question.options),
                )
            elif intent is Intent.CREATE_EVENT_PLAN and not state.entities.get("city"):
                clarification = Clarification(
                    question=clarifying_question(["city"], language),
                    missing=["city"],
                    blocking=False,
                )
        response = self._answer(
            state,
            understood,
            intent,
            language,
            flow,
            run,
            clarification,
            [*understanding_notes, *notes],
            context,
            chosen_day_sentence(chosen, language) if chosen is not None else None,
        )
        response.summary = await self._word(principal, response.summary, language)
        response.execution_time_ms = round((time.perf_counter() - started) * 1000, 2)
        state.remember(Turn(role="user", text=request.message, intent=intent.value))
        state.remember(Turn(role="maestro", text=response.summary, intent=intent.value))
        await self.conversations.save(state)
        return response

    async def conversation(self, principal: Principal, conversation_id: str) -> ConversationOut:
        state = await self.conversations.get(principal.org_id, conversation_id)
        if state is None:
            raise NotFoundError("No such conversation (it may have expired)")
        return ConversationOut(
            id=state.id,
            event_id=state.event_id,
            intent=Intent(state.intent) if state.intent else None,
            entities=_entities(state, _last_language(state)),
            turns=[TurnOut.model_validate(turn.model_dump()) for turn in state.turns],
        )

    async def _understand(self, text: str, now: datetime, timezone: str) -> Understanding:
        return await asyncio.to_thread(
            understand, text, now=now, timezone=timezone, cache_dir=self.model_dir
        )

    async def _extract(
        self,
        principal: Principal,
        text: str,
        local: Entities,
        now: Any,
        timezone: str,
    ) -> tuple[Entities, list[str]]:
        """The model's reading reconciled with the rules', when a model is configured; any
        failure of the model leaves the rules' reading as it was."""
        if not self.language.available:
            return local, []
        try:
            read = await self.language.extract(
                text, local, local_today(now, timezone), principal.org_id
            )
        except MaestroError as error:
            log.warning("understanding_model_failed", detail=error.detail)
            return local, []
        return read.entities, [f"understanding: {note}" for note in read.notes]

    async def _word(self, principal: Principal, summary: str, language: Language) -> str:
        if not self.language.available:
            return summary
        try:
            return await self.language.word(summary, language, principal.org_id)
        except MaestroError as error:
            log.warning("wording_model_failed", detail=error.detail)
            return summary

    async def _run(
        self,
        flow: Flow,
        state: ConversationState,
        message: str,
        context: AgentContext,
        on_progress: ProgressListener,
    ) -> FlowRun:
        async def forward(progress: Progress) -> None:
            data: dict[str, Any] = {"step": progress.step, "skill": progress.skill}
            if progress.state is not None:
                data["state"] = progress.state.value
                data["duration_ms"] = round(progress.duration_ms or 0.0, 2)
            await on_progress(progress.kind.value, data)

        return await execute(
            flow,
            # The brief is the event in words; the message is this turn's command, whose
            # arguments (a sum, a task's name, a date) some flows read.
            entities={**state.entities, "brief": state.brief, "message": message},
            context=context,
            invoke=self.invoker,
            available=self.available,
            deadline=utcnow() + timedelta(seconds=self.request_seconds),
            on_progress=forward,
        )

    def _answer(
        self,
        state: ConversationState,
        understood: Understanding,
        intent: Intent,
        language: Language,
        flow: Flow | None,
        run: FlowRun,
        clarification: Clarification | None,
        notes: list[str],
        context: AgentContext,
        chosen_day: str | None = None,
    ) -> ProcessResponse:
        results: dict[str, StepResult] = {}
        warnings: list[str] = []
        sentences: list[str] = []
        missing_steps: list[str] = []
        timings: list[StepTiming] = []
        agents_used: list[str] = []
        for step in flow.steps if flow else ():
            report = run.reports.get(step.id)
            if report is None:
                continue
            timings.append(
                StepTiming(
                    step=step.id,
                    skill=report.skill,
                    state=report.state.value,
                    started_ms=round(report.started_ms, 2),
                    duration_ms=round(report.duration_ms, 2),
                    attempts=report.attempts,
                    reason=report.reason,
                )
            )
            result: AgentResult | None = report.result
            if result is not None:
                results[step.id] = StepResult.model_validate(result.model_dump())
                if step.agent not in agents_used:
                    agents_used.append(step.agent)
                warnings.extend(f"{report.skill}: {w}" for w in result.warnings)
            if report.state is StepState.DONE and result is not None and result.output:
                sentence = step_sentence(step.id, report.skill, result.output, language)
                # A partial result (an infeasible date, no vendor set) is still an answer:
                # its sentence says what does not work.
                sentences.append(result.summary if sentence is None else sentence)
                if intent not in _BRIEF_FLOWS:
                    # A command's caveat («now due after the event») belongs in its answer;
                    # a brief's (plan compressions) stays in `warnings`, or it would drown it.
                    sentences.extend(w if w.endswith(".") else f"{w}." for w in result.warnings)
            elif run.question is not None and report.state is StepState.SKIPPED:
                continue  # waiting for the user's answer is not a failure
            else:
                missing_steps.append(report.skill)
                warnings.append(f"{report.skill}: {report.reason or 'no result'}")
        summary = self._summary(
            state,
            intent,
            language,
            flow,
            [chosen_day, *sentences] if chosen_day else sentences,
            missing_steps,
            clarification,
        )
        warnings.extend(note if ": " in note else f"follow-up: {note}" for note in notes)
        return ProcessResponse(
            conversation_id=state.id,
            event_id=state.event_id,
            intent=intent,
            confidence=understood.confidence,
            entities=_entities(state, language),
            language=language,
            agents_used=agents_used,
            results=results,
            summary=summary,
            warnings=list(dict.fromkeys(warnings)),
            clarification=clarification,
            timings=timings,
            execution_time_ms=0.0,
            trace_id=context.trace_id,
        )

    @staticmethod
    def _summary(
        state: ConversationState,
        intent: Intent,
        language: Language,
        flow: Flow | None,
        sentences: list[str],
        missing_steps: list[str],
        clarification: Clarification | None,
    ) -> str:
        if flow is None:
            return no_flow_answer(intent, language)
        if clarification is not None and clarification.blocking:
            return clarification.question
        parts = [brief_line(state.entities, language) + "."] if state.entities else []
        parts.extend(s for s in sentences if s)
        parts.append(missing_sentence(missing_steps, language))
        if clarification is not None:
            parts.append(clarification.question)
        return " ".join(p for p in parts if p)

    async def health(self) -> OrchestrationHealth:
        """Every installed agent pinged over the bus (so a missing worker shows as down),
        and every language-model provider checked."""

        async def ping(name: str, skills: set[str]) -> AgentHealth:
            task = AgentTask(
                agent=name,
                skill=PING_SKILL,
                input={},
                context=AgentContext(org_id=uuid.UUID(int=0), now=utcnow()),
                deadline=utcnow() + timedelta(seconds=PING_SECONDS),
            )
            began = time.perf_counter()
            result = await invoke(self.platform.bus, task)
            latency = round((time.perf_counter() - began) * 1000, 2)
            if result.status is ResultStatus.OK:
                return AgentHealth(
                    name=name, status="up", skills=sorted(skills), latency_ms=latency
                )
            return AgentHealth(name=name, status="down", skills=sorted(skills), detail=result.error)

        agents = await asyncio.gather(*(ping(n, s) for n, s in sorted(self.skills.items())))
        providers = await self._providers()
        degraded = any(a.status == "down" for a in agents) or any(
            p.status == "down" for p in providers
        )
        return OrchestrationHealth(
            status="degraded" if degraded else "ok", agents=list(agents), providers=providers
        )

    async def _providers(self) -> list[ProviderHealth]:
        from eventmaestro.llm.runtime import gateway_for

        if self.language.gateway is not None:  # the app's own, shared by every request
            statuses = await self.language.gateway.check(per_provider_seconds=PING_SECONDS)
        else:
            gateway = gateway_for(self.platform)
            try:
                statuses = await gateway.check(per_provider_seconds=PING_SECONDS)
            finally:
                await gateway.close()
        return [
            ProviderHealth(
                name=s.name,
                configured=s.configured,
                status="up" if s.ok else ("down" if s.configured else "not_configured"),
                detail=s.detail,
            )
            for s in statuses
        ]
