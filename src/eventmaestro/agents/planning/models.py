"""Tables the Planning agent owns: one plan per event and the plan's tasks."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from eventmaestro.kit.db import Model, OrgScopedMixin


class Plan(OrgScopedMixin, Model):
    __tablename__ = "planning_plans"
    __table_args__ = (UniqueConstraint("org_id", "event_id"),)

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    template_id: Mapped[str] = mapped_column(String(40))
    locale: Mapped[str] = mapped_column(String(2))
    timezone: Mapped[str] = mapped_column(String(64))
    event_format: Mapped[str] = mapped_column(String(20))
    guests: Mapped[int] = mapped_column(Integer)
    include_optional: Mapped[bool] = mapped_column(Boolean)
    start_date: Mapped[dt.date] = mapped_column(Date)
    event_date: Mapped[dt.date] = mapped_column(Date)
    event_end: Mapped[dt.date | None] = mapped_column(Date)
    mode: Mapped[str] = mapped_column(String(10))
    required_days: Mapped[int] = mapped_column(Integer)
    available_days: Mapped[int] = mapped_column(Integer)
    feasible: Mapped[bool] = mapped_column(Boolean)


class PlanTask(OrgScopedMixin, Model):
    __tablename__ = "planning_tasks"
    __table_args__ = (Index("ix_planning_tasks_plan_position", "plan_id", "position"),)

    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("planning_plans.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(64), doc="Template task id, or custom-<n>")
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    phase: Mapped[str] = mapped_column(String(20))
    duration: Mapped[int] = mapped_column(Integer)
    min_duration: Mapped[int | None] = mapped_column(Integer)
    normal_duration: Mapped[int | None] = mapped_column(
        Integer, doc="The template's duration when the plan crashed the task to fit"
    )
    start_date: Mapped[dt.date] = mapped_column(Date)
    due_date: Mapped[dt.date] = mapped_column(Date)
    due_offset: Mapped[int] = mapped_column(Integer)
    after_event: Mapped[bool] = mapped_column(Boolean)
    optional: Mapped[bool] = mapped_column(Boolean)
    status: Mapped[str] = mapped_column(String(20))
    pinned: Mapped[bool] = mapped_column(Boolean, doc="The organiser set its start by hand")
    owner_role: Mapped[str | None] = mapped_column(String(40))
    vendor_category: Mapped[str | None] = mapped_column(String(40))
    assignee: Mapped[str | None] = mapped_column(String(200))
    depends_on: Mapped[list[str]] = mapped_column(JSON, doc="Ids of the tasks this one waits for")
