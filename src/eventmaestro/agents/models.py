"""Results of agent tasks, kept so that a redelivered task answers without running again."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from eventmaestro.kit.db import Model, OrgScopedMixin


class AgentTaskResult(OrgScopedMixin, Model):
    __tablename__ = "agent_task_results"

    task_id: Mapped[str] = mapped_column(String(64), unique=True)
    agent: Mapped[str] = mapped_column(String(64))
    skill: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
