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
from eventmaestro.nlp.intents import WEAK_INTENTS, Intent
from eventmaestro.nlp.slots import moves_a_task_deadline, ticket_price

# Intents whose flows read the brief, so a refinement re-runs them.
_BRIEF_INTENTS = frozenset(
    {Intent.CREATE_EVENT_PLAN, Intent.ESTIMATE_BUDGET, Intent.SEARCH_VENDORS}
)
# Commands about the conversation's event: their numbers and dates are the command's own
# («добавь расход 50 000» is an expense, not a new budget; «перенеси дедлайн на пятницу»
# moves a task, not the event), so they leave the brief as it is.
COMMAND_INTENTS = frozenset(
    {Intent.MANAGE_TASKS, Intent.TRACK_EXPENSES, Intent.ANALYZE_ROI, Intent.OPTIMIZE_PRICING}
)
# Asked about one ticket price, the next question («а какую цену поставить?») starts from it.
_TICKET_INTENTS = frozenset({Intent.ANALYZE_ROI, Intent.OPTIMIZE_PRICING})
LOW_CONFIDENCE = 0.5


def _shifted(value: Any, shift: DateShift) -> str:
    """The conversation keeps dates as ISO strings."""
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
    if intent in WEAK_INTENTS or confidence < LOW_CONFIDENCE:
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
    if moves_a_task_deadline(text):
        # A date in the message makes it look like a new brief to the classifier; acted on
        # as one, it would re-plan the event for that date.
        intent, confidence = Intent.MANAGE_TASKS, 1.0
    shift = extract_date_shift(text)
    refines = bool(stated) or shift is not None
    resolved = resolve_intent(state, intent, confidence, refines)
    notes: list[str] = []
    if resolved in COMMAND_INTENTS:
        price = ticket_price(text) if resolved in _TICKET_INTENTS else None
        if price is not None:
            state.entities["ticket_price"] = str(price)
        state.intent = resolved.value
        return resolved, notes
    if is_new_brief(state, stated):
        state.start_over(stated, text)
    else:
        state.merge(stated)
        if resolved in _BRIEF_INTENTS:
            state.add_to_brief(text)
    if shift is not None and "date" not in stated and state.entities.get("date"):
        before = state.entities["date"]
        state.entities["date"] = _shifted(before, shift)
        if state.entities.get("date_end"):
            state.entities["date_end"] = _shifted(state.entities["date_end"], shift)
        notes.append(f"date {before} → {state.entities['date']}")
    state.intent = resolved.value
    return resolved, notes
