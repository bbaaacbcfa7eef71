"""Domain events the Event aggregate publishes (through the outbox)."""

from __future__ import annotations

EVENT_CREATED = "event.created"
EVENT_UPDATED = "event.updated"
EVENT_ARCHIVED = "event.archived"
