"""Which agent skills answer which intent, and how each skill's input is built.

A flow names skills, never agents' code: the steps travel over the bus, so a skill whose
agent is not installed is reported as missing instead of being imitated. Input builders
read only the brief's entities, the request context and earlier steps' outputs — facts with
a source; a missing fact skips the step with a reason rather than guessing it.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from eventmaestro.agents.maestro.dag import Flow, FlowState, MissingEntityError, Step
from eventmaestro.agents.vendors.taxonomy import (
    CATEGORY_LABELS,
    SUBCATEGORIES,
    TAG_LABELS,
    Category,
)
from eventmaestro.agents.vendors.text import stem, words
from eventmaestro.nlp.intents import Intent

# Planning has no template of its own for these types; the nearest one is used and said so.
TEMPLATE_FALLBACK = {"sports_event": "festival", "other": "conference"}
VENDOR_CATEGORIES = frozenset(c.value for c in Category)
# What a client asks vendors for first when Finance's allocation is not at hand.
DEFAULT_VENDOR_CATEGORIES = ("venue", "catering")


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
    if event_type in TEMPLATE_FALLBACK:
        options["template"] = TEMPLATE_FALLBACK[event_type]
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
    if state.context.event_id is not None:
        payload["event_id"] = str(state.context.event_id)
    return payload


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


def tasks_input(state: FlowState) -> dict[str, Any]:
    if state.context.event_id is None:
        raise MissingEntityError("event (open an event or name it first)")
    return {"event_id": str(state.context.event_id)}


PLAN = Step("plan", "planning", "generate_plan", plan_input, timeout=10.0)
BUDGET = Step("budget", "finance", "estimate_budget", budget_input, timeout=10.0)
VENDORS = Step("vendors", "vendors", "select", select_input, after=("budget",), timeout=15.0)

FLOWS: dict[Intent, Flow] = {
    Intent.CREATE_EVENT_PLAN: Flow("create_event_plan", (PLAN, BUDGET, VENDORS)),
    Intent.ESTIMATE_BUDGET: Flow("estimate_budget", (BUDGET,)),
    Intent.SEARCH_VENDORS: Flow(
        "search_vendors", (Step("vendors", "vendors", "search", search_input, timeout=10.0),)
    ),
    Intent.MANAGE_TASKS: Flow(
        "manage_tasks", (Step("tasks", "planning", "list_tasks", tasks_input, timeout=10.0),)
    ),
}

# The facts a flow cannot start without; anything else is defaulted or skips one step.
REQUIRED: dict[Intent, tuple[str, ...]] = {
    Intent.CREATE_EVENT_PLAN: ("date", "guests_count"),
    Intent.ESTIMATE_BUDGET: ("guests_count",),
}


def flow_for(intent: Intent) -> Flow | None:
    return FLOWS.get(intent)
