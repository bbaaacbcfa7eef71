"""Which agent skills answer which intent, and how each skill's input is built.

A flow names skills, never agents' code: the steps travel over the bus, so a skill whose
agent is not installed is reported as missing instead of being imitated. Input builders
read only the brief's entities, the request context and earlier steps' outputs — facts with
a source; a missing fact skips the step with a reason rather than guessing it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from functools import cache
from typing import Any

from eventmaestro.agents.maestro.arguments import (
    category_labels,
    expense_category,
    expense_label,
    pick_task,
)
from eventmaestro.agents.maestro.dag import (
    ClarificationNeeded,
    Flow,
    FlowState,
    MissingEntityError,
    Step,
)
from eventmaestro.agents.vendors.taxonomy import (
    CATEGORY_LABELS,
    SUBCATEGORIES,
    TAG_LABELS,
    Category,
)
from eventmaestro.agents.vendors.text import stem, words
from eventmaestro.nlp import slots
from eventmaestro.nlp.entities.dates import MAX_DURATION_DAYS
from eventmaestro.nlp.entities.extract import local_today
from eventmaestro.nlp.entities.shift import extract_date_shift
from eventmaestro.nlp.intents import Intent

VENDOR_CATEGORIES = frozenset(c.value for c in Category)


def _require(state: FlowState, name: str, label: str) -> Any:
    value = state.entities.get(name)
    if value is None:
        raise MissingEntityError(label)
    return value


def _event_type(state: FlowState) -> str:
    return str(state.entities.get("event_type") or "other")


def plan_input(state: FlowState) -> dict[str, Any]:
    event_type = _event_type(state)
    event: dict[str, Any] = {
        "event_type": event_type,
        "date": _require(state, "date", "event date"),
        "date_end": state.entities.get("date_end"),
        "format": state.entities.get("format") or "offline",
        "timezone": state.context.timezone,
    }
    if state.entities.get("guests_count"):
        event["guests_count"] = state.entities["guests_count"]
    if state.context.event_id is not None:
        event["id"] = str(state.context.event_id)
    options: dict[str, Any] = {"requirements": state.entities.get("brief")}
    return {"event": event, "options": options}


def _city_name(state: FlowState) -> str | None:
    city = state.entities.get("city")
    return str(city["name"]) if isinstance(city, Mapping) else None


def budget_input(state: FlowState) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "event_type": _event_type(state),
        "format": state.entities.get("format") or "offline",
        "guests": _require(state, "guests_count", "number of guests"),
        "city": _city_name(state),
    }
    budget = state.entities.get("budget")
    if isinstance(budget, Mapping) and budget.get("currency") == "RUB":
        payload["target"] = dict(budget)
    days = _days(state.entities)
    if days is not None:
        payload["days"] = days
    if state.context.event_id is not None:
        payload["event_id"] = str(state.context.event_id)
    return payload


def _days(entities: Mapping[str, Any]) -> int | None:
    """How many days the event lasts: the stated length («два дня»), else its first to last
    day; never a window's length («в марте» is when, not how long)."""
    if entities.get("duration_days"):
        return int(entities["duration_days"])
    if entities.get("date") and entities.get("date_end"):
        first = dt.date.fromisoformat(str(entities["date"]))
        last = dt.date.fromisoformat(str(entities["date_end"]))
        return min(max((last - first).days + 1, 1), MAX_DURATION_DAYS)
    return None


def _city_id(state: FlowState) -> int:
    city = _require(state, "city", "city")
    return int(city["geoname_id"])


def select_input(state: FlowState) -> dict[str, Any]:
    """Finance's allocation becomes the per-category caps, VAT included, because vendors
    quote their prices with VAT."""
    city_id = _city_id(state)
    date = _require(state, "date", "event date")
    guests = _require(state, "guests_count", "number of guests")
    estimate = state.output("budget")
    caps = {
        row["category"]: {"amount": str(row["with_vat"]), "currency": "RUB"}
        for row in estimate.get("allocation", [])
        if row["category"] in VENDOR_CATEGORIES and float(row["with_vat"]) > 0
    }
    categories = sorted(caps, key=lambda c: -float(caps[c]["amount"]))[:6]
    if not categories:
        raise MissingEntityError("vendor categories (the estimate allocated none)")
    payload: dict[str, Any] = {
        "city_geoname_id": city_id,
        "date": date,
        "guests": guests,
        "categories": categories,
        "category_caps": caps,
        "budget": {"amount": str(estimate["totals"]["total"]), "currency": "RUB"},
        "preferred_tags": catalogue_tags(str(state.entities.get("brief") or "")),
    }
    if state.context.event_id is not None:
        payload["event_id"] = str(state.context.event_id)
    return payload


@cache
def _vocabulary() -> tuple[frozenset[str], dict[str, str]]:
    """Stems of every word the catalogue indexes as a label, and tag stems → tag ids."""
    labels: list[str] = []
    for pair in CATEGORY_LABELS.values():
        labels.extend(pair)
    for subs in SUBCATEGORIES.values():
        for pair in subs.values():
            labels.extend(pair)
    tags: dict[str, str] = {}
    for tag, pair in TAG_LABELS.items():
        labels.extend(pair)
        for label in pair:
            for word in words(label):
                tags[stem(word)] = tag
    return frozenset(stem(w) for label in labels for w in words(label)), tags


def catalogue_terms(text: str) -> str | None:
    """The words of a message the catalogue knows as labels («лофт», «халяль», «терраса»).

    Search matches every term, so «найди лофт на 200 человек в Москве» must not send
    «найди» or «Москве» as terms: the city and the guests travel as filters instead.
    """
    known, _ = _vocabulary()
    kept = [w for w in words(text) if stem(w) in known]
    return " ".join(dict.fromkeys(kept)) or None


def catalogue_tags(text: str) -> list[str]:
    _, tags = _vocabulary()
    return list(dict.fromkeys(tags[stem(w)] for w in words(text) if stem(w) in tags))[:20]


def search_input(state: FlowState) -> dict[str, Any]:
    category = state.entities.get("vendor_category")
    payload: dict[str, Any] = {
        "q": catalogue_terms(str(state.entities.get("brief") or "")),
        "categories": [category] if category in VENDOR_CATEGORIES else [],
        "guests": state.entities.get("guests_count"),
        "date": state.entities.get("date"),
        "limit": 10,
    }
    city = state.entities.get("city")
    if isinstance(city, Mapping):
        payload["city_geoname_id"] = int(city["geoname_id"])
    budget = state.entities.get("budget")
    if isinstance(budget, Mapping) and budget.get("currency") == "RUB":
        payload["budget"] = str(budget["amount"])
    return payload


# Chat commands about the conversation's event. Their arguments come from the message
# itself (`entities["message"]`), read by `nlp.slots` and `arguments`; what the words do not
# settle is asked, never guessed.


def _event_id(state: FlowState) -> str:
    if state.context.event_id is None:
        raise ClarificationNeeded("event")
    return str(state.context.event_id)


def _message(state: FlowState) -> str:
    return str(state.entities.get("message") or "")


def _today(state: FlowState) -> dt.date:
    return local_today(state.context.now, state.context.timezone)


def tasks_input(state: FlowState) -> dict[str, Any]:
    """«что у нас горит?» — open tasks overdue or due within a week; «что просрочено?» —
    overdue only; otherwise every task."""
    question = slots.task_question(_message(state))
    payload: dict[str, Any] = {"event_id": _event_id(state)}
    if question.overdue_only:
        payload["overdue"] = True
    if question.due_within_days is not None:
        payload["due_within_days"] = question.due_within_days
    return payload


def find_task_input(state: FlowState) -> dict[str, Any]:
    event_id = _event_id(state)
    message = _message(state)
    if slots.due_date(message, _today(state)) is None and extract_date_shift(message) is None:
        raise ClarificationNeeded("due_date")
    query = slots.task_reference(message)
    if query is None:
        raise ClarificationNeeded("task")
    return {"event_id": event_id, "query": query}


def move_task_input(state: FlowState) -> dict[str, Any]:
    """The one task the words mean gets the new deadline; Planning moves its dependants."""
    found = state.output("find")
    pick = pick_task(found["matches"])
    if pick.task is None:
        options = pick.candidates or found["upcoming"]
        raise ClarificationNeeded(
            "task",
            [str(t["title"]) for t in options],
            subject=str(found["query"]),
            ambiguous=bool(pick.candidates),
        )
    message = _message(state)
    due = slots.due_date(message, _today(state))
    shift = extract_date_shift(message)
    if due is None and shift is not None:
        due = shift.apply(dt.date.fromisoformat(str(pick.task["due_date"])))
    if due is None:
        raise ClarificationNeeded("due_date")
    start = str(pick.task["start_date"])
    if due.isoformat() < start:
        # Planning would refuse it; the person may mean another date or another task.
        raise ClarificationNeeded("due_date", [start], subject=str(pick.task["title"]))
    return {"task_id": str(pick.task["id"]), "due_date": due.isoformat()}


def _rub(amount: Decimal) -> dict[str, str]:
    return {"amount": str(amount), "currency": "RUB"}


def expense_input(state: FlowState) -> dict[str, Any]:
    event_id = _event_id(state)
    message = _message(state)
    amount = slots.amount(message)
    if amount is None:
        raise ClarificationNeeded("amount")
    label = expense_label(message)
    category = expense_category(message)
    if category is None:
        raise ClarificationNeeded(
            "expense_category", category_labels(state.context.locale), subject=label
        )
    payload: dict[str, Any] = {
        "event_id": event_id,
        "category": category,
        "amount": _rub(amount),
        "date": _today(state).isoformat(),
    }
    if label:
        payload["description"] = label
    return payload


def status_input(state: FlowState) -> dict[str, Any]:
    return {"event_id": _event_id(state)}


def _costs(state: FlowState) -> Decimal:
    """The event's costs: its stored estimate (plan, VAT included), else its stated budget."""
    status = (state.outputs.get("costs") or {}).get("status")
    if status:
        return Decimal(str(status["plan"]))
    budget = state.entities.get("budget")
    if isinstance(budget, Mapping) and budget.get("currency") == "RUB":
        return Decimal(str(budget["amount"]))
    raise ClarificationNeeded("costs")


def _guests(state: FlowState) -> int:
    guests = state.entities.get("guests_count")
    if not guests:
        raise ClarificationNeeded("guests_count")
    return int(guests)


def _ticket_price(state: FlowState) -> Decimal | None:
    stated = slots.ticket_price(_message(state))
    remembered = state.entities.get("ticket_price")
    if stated is not None:
        return stated
    return Decimal(str(remembered)) if remembered else None


def roi_input(state: FlowState) -> dict[str, Any]:
    """A ticket price against the event's costs, every expected guest paying it (or the
    attendance the message states)."""
    _event_id(state)
    price = _ticket_price(state)
    if price is None:
        raise ClarificationNeeded("ticket_price")
    attendance = slots.attendance(_message(state)) or _guests(state)
    return {
        "costs": _rub(_costs(state)),
        "tiers": [{"name": "standard", "price": str(price), "attendance": attendance}],
        "attendees": attendance,
    }


def pricing_input(state: FlowState) -> dict[str, Any]:
    """Demand anchored at one known point — a price and the attendance expected at it (the
    event's guests unless the message says otherwise) — with the event type's default
    elasticity; the event's guests are the capacity and its costs the fixed costs."""
    _event_id(state)
    message = _message(state)
    point = slots.price_point(message)
    price = point.price if point is not None else _ticket_price(state)
    if price is None:
        raise ClarificationNeeded("price_point")
    capacity = _guests(state)
    anchor = point.attendance if point is not None and point.attendance else capacity
    return {
        "event_type": _event_type(state),
        "model": "elastic",
        "anchor_price": str(price),
        "anchor_attendance": str(anchor),
        "capacity": capacity,
        "fixed_costs": str(_costs(state)),
    }


# «сравни варианты» with no positions named compares the first few listed.
DEFAULT_COMPARED = 3


def shortlist(outputs: Mapping[str, Mapping[str, Any]]) -> list[str] | None:
    """The vendors an answer listed, in the order shown: what «первые два» means next."""
    vendors = outputs.get("vendors")
    if not vendors:
        return None
    if "items" in vendors:
        ids = [str(hit["vendor"]["id"]) for hit in vendors["items"]]
    else:
        ids = [str(pick["vendor"]["vendor_id"]) for pick in vendors.get("picks", [])]
    return ids or None


def compare_input(state: FlowState) -> dict[str, Any]:
    listed = [str(v) for v in state.entities.get("shortlist") or []]
    if not listed:
        raise ClarificationNeeded("shortlist")
    chosen = slots.positions(_message(state)) or list(
        range(1, min(len(listed), DEFAULT_COMPARED) + 1)
    )
    if max(chosen) > len(listed):
        raise ClarificationNeeded("positions", [str(len(listed))])
    return {"vendor_ids": [listed[p - 1] for p in chosen], "guests": _guests(state)}


PLAN = Step("plan", "planning", "generate_plan", plan_input, timeout=10.0)
BUDGET = Step("budget", "finance", "estimate_budget", budget_input, timeout=10.0)
VENDORS = Step("vendors", "vendors", "select", select_input, after=("budget",), timeout=15.0)

COSTS = Step("costs", "finance", "budget_status", status_input, timeout=10.0)

FLOWS: dict[Intent, Flow] = {
    Intent.CREATE_EVENT_PLAN: Flow("create_event_plan", (PLAN, BUDGET, VENDORS)),
    Intent.ESTIMATE_BUDGET: Flow("estimate_budget", (BUDGET,)),
    Intent.SEARCH_VENDORS: Flow(
        "search_vendors", (Step("vendors", "vendors", "search", search_input, timeout=10.0),)
    ),
    Intent.MANAGE_TASKS: Flow(
        "manage_tasks", (Step("tasks", "planning", "list_tasks", tasks_input, timeout=10.0),)
    ),
    Intent.COMPARE_VENDORS: Flow(
        "compare_vendors", (Step("vendors", "vendors", "compare", compare_input, timeout=10.0),)
    ),
    Intent.TRACK_EXPENSES: Flow(
        "budget_status", (Step("status", "finance", "budget_status", status_input, timeout=10.0),)
    ),
    Intent.ANALYZE_ROI: Flow(
        "analyze_roi",
        (COSTS, Step("roi", "finance", "roi", roi_input, after=("costs",), timeout=10.0)),
    ),
    Intent.OPTIMIZE_PRICING: Flow(
        "optimize_pricing",
        (
            COSTS,
            Step(
                "pricing",
                "finance",
                "optimize_pricing",
                pricing_input,
                after=("costs",),
                timeout=10.0,
            ),
        ),
    ),
}
# The same intents when the message is a command rather than a question.
MOVE_TASK = Flow(
    "move_task",
    (
        Step("find", "planning", "find_tasks", find_task_input, timeout=10.0),
        Step("move", "planning", "update_task", move_task_input, after=("find",), timeout=10.0),
    ),
)
RECORD_EXPENSE = Flow(
    "record_expense",
    (Step("expense", "finance", "track_expense", expense_input, timeout=10.0),),
)

# The facts a flow cannot start without; anything else is defaulted or skips one step.
# "event": the conversation must be about a stored event the caller may change.
REQUIRED: dict[Intent, tuple[str, ...]] = {
    Intent.CREATE_EVENT_PLAN: ("date", "guests_count"),
    Intent.ESTIMATE_BUDGET: ("guests_count",),
    Intent.MANAGE_TASKS: ("event",),
    Intent.TRACK_EXPENSES: ("event",),
    Intent.ANALYZE_ROI: ("event",),
    Intent.OPTIMIZE_PRICING: ("event",),
}


def flow_for(intent: Intent, message: str = "") -> Flow | None:
    """The intent's flow; a command («перенеси…», «добавь расход…») and a question («что
    горит?», «сколько осталось?») share an intent but not a flow."""
    if intent is Intent.MANAGE_TASKS and slots.wants_task_move(message):
        return MOVE_TASK
    if intent is Intent.TRACK_EXPENSES and slots.records_expense(message):
        return RECORD_EXPENSE
    return FLOWS.get(intent)
