"""Follow-ups: how a message changes the conversation's current request.

«а если 200 человек?», «а в Казани?», «перенеси на неделю позже» each state one thing; the
rest of the brief stays. A message that describes a different event («свадьба на 80 человек
в Сочи 5 июня» after a corporate party) starts a new brief instead of mixing the two.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from eventmaestro.agents.maestro.conversations import ConversationState
from eventmaestro.nlp.entities.shift import DateShift, extract_date_shift
from eventmaestro.nlp.intents import Intent

# Intents a bare refinement is often mistaken for: «а в Казани?» alone reads like chatter.
_WEAK = frozenset({Intent.SMALLTALK, Intent.OUT_OF_SCOPE, Intent.FAQ})
# Intents whose flows read the brief, so a refinement re-runs them.
_BRIEF_INTENTS = frozenset(
    {Intent.CREATE_EVENT_PLAN, Intent.ESTIMATE_BUDGET, Intent.SEARCH_VENDORS}
)
LOW_CONFIDENCE = 0.5


def _shifted(value: Any, shift: DateShift) -> str:
    return shift.apply(dt.date.fromisoformat(str(value))).isoformat()


def is_new_brief(state: ConversationState, stated: dict[str, Any]) -> bool:
    """A different event type together with its own date or size is a new event."""
    old_type, new_type = state.entities.get("event_type"), stated.get("event_type")
    if not state.entities or new_type is None or old_type is None or new_type == old_type:
        return False
    return "date" in stated or "guests_count" in stated


def resolve_intent(
    state: ConversationState, intent: Intent, confidence: float, refines: bool
) -> Intent:
    """A refinement continues the conversation's request unless it clearly asks for
    something else («а сколько это будет стоить?» after a plan is a budget question)."""
    previous = Intent(state.intent) if state.intent else None
    if previous is None or not refines or previous not in _BRIEF_INTENTS:
        return intent
    if intent in _WEAK or confidence < LOW_CONFIDENCE:
        return previous
    if intent is Intent.CREATE_EVENT_PLAN and previous in _BRIEF_INTENTS:
        return previous  # refinements are labelled as briefs; keep what was being done
    return intent


def apply_message(
    state: ConversationState,
    text: str,
    stated: dict[str, Any],
    intent: Intent,
    confidence: float,
) -> tuple[Intent, list[str]]:
    """Merge what the message states into the conversation; returns the intent to run and
    notes for the user about what changed implicitly (a moved date)."""
    shift = extract_date_shift(text)
    refines = bool(stated) or shift is not None
    resolved = resolve_intent(state, intent, confidence, refines)
    notes: list[str] = []
    if is_new_brief(state, stated):
        state.start_over(stated, text)
    else:
        state.merge(stated)
        if resolved in _BRIEF_INTENTS or resolved is Intent.MANAGE_TASKS:
            state.add_to_brief(text)
    if shift is not None and "date" not in stated and state.entities.get("date"):
        before = state.entities["date"]
        state.entities["date"] = _shifted(before, shift)
        if state.entities.get("date_end"):
            state.entities["date_end"] = _shifted(state.entities["date_end"], shift)
        notes.append(f"date {before} → {state.entities['date']}")
    state.intent = resolved.value
    return resolved, notes
