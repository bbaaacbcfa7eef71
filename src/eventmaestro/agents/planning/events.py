"""Domain events the Planning agent publishes (through the outbox)."""

from __future__ import annotations

PLAN_GENERATED = "planning.plan_generated"
TASK_CREATED = "planning.task_created"
TASK_UPDATED = "planning.task_updated"
