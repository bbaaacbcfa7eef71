"""Domain events the Finance agent publishes (through the outbox)."""

from __future__ import annotations

BUDGET_CREATED = "budget.created"
BUDGET_UPDATED = "budget.updated"
EXPENSE_RECORDED = "expense.recorded"
BUDGET_OVERSPENT = "budget.overspent"
"""A category (or the whole budget) went over plan with this expense; payload says by how
much, so a notifier needs no second query."""
