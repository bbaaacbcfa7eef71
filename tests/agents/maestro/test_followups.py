"""A command's sums and dates are its own: they never rewrite the event being discussed."""

from __future__ import annotations

import uuid

from eventmaestro.agents.maestro.conversations import ConversationState
from eventmaestro.agents.maestro.followups import apply_message
from eventmaestro.nlp.intents import Intent

EVENT = {
    "event_type": "corporate_party",
    "guests_count": 150,
    "date": "2026-12-20",
    "budget": {"amount": "2000000.00", "currency": "RUB"},
}


def _state() -> ConversationState:
    state = ConversationState(id="c", org_id=uuid.uuid4(), intent="create_event_plan")
    state.start_over(dict(EVENT), "корпоратив")
    return state


def test_an_expense_is_not_a_new_budget() -> None:
    state = _state()
    stated = {"budget": {"amount": "50000.00", "currency": "RUB"}, "vendor_category": "decoration"}
    intent, notes = apply_message(
        state, "добавь расход 50 000 на цветы", stated, Intent.TRACK_EXPENSES, 0.73
    )
    assert intent is Intent.TRACK_EXPENSES
    assert state.entities == EVENT
    assert state.brief == "корпоратив"
    assert notes == []


def test_moving_a_task_does_not_move_the_event() -> None:
    state = _state()
    intent, notes = apply_message(
        state,
        "перенеси дедлайн по кейтерингу на 2 недели позже",
        {"vendor_category": "catering"},
        Intent.MANAGE_TASKS,
        0.8,
    )
    assert intent is Intent.MANAGE_TASKS
    assert state.entities["date"] == "2026-12-20"
    assert notes == []


def test_a_ticket_price_asked_about_is_remembered_for_pricing() -> None:
    state = _state()
    apply_message(state, "окупится ли, если билет 5000?", {}, Intent.ANALYZE_ROI, 0.76)
    assert state.entities["ticket_price"] == "5000.00"
    apply_message(state, "какую цену билета поставить?", {}, Intent.OPTIMIZE_PRICING, 0.95)
    assert state.entities["ticket_price"] == "5000.00"


def test_a_task_deadline_with_a_date_is_not_a_new_brief() -> None:
    state = _state()
    intent, _ = apply_message(
        state,
        "перенеси срок дегустации на 2 сентября",
        {"date": "2026-09-02"},
        Intent.CREATE_EVENT_PLAN,  # what the classifier makes of a message with a date
        0.77,
    )
    assert intent is Intent.MANAGE_TASKS
    assert state.entities["date"] == "2026-12-20"
