"""Roles and what each may do. Kept as data so the checks read as policy, not code."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    MANAGER = "manager"
    ANALYST = "analyst"  # read-only
    INTEGRATION = "integration"  # machine access through API keys


WRITERS = frozenset({Role.ADMIN, Role.MANAGER, Role.INTEGRATION})
ADMINS = frozenset({Role.ADMIN})
