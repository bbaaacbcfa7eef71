"""SPEC.md's intent labels — exactly these, in this order."""

from __future__ import annotations

from enum import StrEnum


class Intent(StrEnum):
    CREATE_EVENT_PLAN = "create_event_plan"
    MANAGE_TASKS = "manage_tasks"
    ESTIMATE_BUDGET = "estimate_budget"
    TRACK_EXPENSES = "track_expenses"
    ANALYZE_ROI = "analyze_roi"
    OPTIMIZE_PRICING = "optimize_pricing"
    SEARCH_VENDORS = "search_vendors"
    COMPARE_VENDORS = "compare_vendors"
    MANAGE_CONTRACTS = "manage_contracts"
    CREATE_PROPOSAL = "create_proposal"
    DRAFT_MESSAGE = "draft_message"
    ANALYZE_CONVERSION = "analyze_conversion"
    ANALYTICS_REPORT = "analytics_report"
    MONITOR_SOCIAL = "monitor_social"
    FAQ = "faq"
    SMALLTALK = "smalltalk"
    OUT_OF_SCOPE = "out_of_scope"


# What a short conversational reply is often mistaken for: «а в Казани?» or «вторую» alone
# read like chatter. Maestro lets the conversation's context overrule these readings.
WEAK_INTENTS = frozenset({Intent.SMALLTALK, Intent.OUT_OF_SCOPE, Intent.FAQ})
