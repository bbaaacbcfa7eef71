"""planning plans and tasks

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:00:44.718335
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "planning_plans",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("template_id", sa.String(length=40), nullable=False),
        sa.Column("locale", sa.String(length=2), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("event_format", sa.String(length=20), nullable=False),
        sa.Column("guests", sa.Integer(), nullable=False),
        sa.Column("include_optional", sa.Boolean(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=False),
        sa.Column("event_end", sa.Date(), nullable=True),
        sa.Column("mode", sa.String(length=10), nullable=False),
        sa.Column("required_days", sa.Integer(), nullable=False),
        sa.Column("available_days", sa.Integer(), nullable=False),
        sa.Column("feasible", sa.Boolean(), nullable=False),
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_planning_plans_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
            name=op.f("fk_planning_plans_org_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_planning_plans")),
        sa.UniqueConstraint("org_id", "event_id", name=op.f("uq_planning_plans_org_id_event_id")),
    )
    with op.batch_alter_table("planning_plans", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_planning_plans_org_id"), ["org_id"], unique=False)

    op.create_table(
        "planning_tasks",
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("phase", sa.String(length=20), nullable=False),
        sa.Column("duration", sa.Integer(), nullable=False),
        sa.Column("min_duration", sa.Integer(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("due_offset", sa.Integer(), nullable=False),
        sa.Column("after_event", sa.Boolean(), nullable=False),
        sa.Column("optional", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("pinned", sa.Boolean(), nullable=False),
        sa.Column("owner_role", sa.String(length=40), nullable=True),
        sa.Column("vendor_category", sa.String(length=40), nullable=True),
        sa.Column("assignee", sa.String(length=200), nullable=True),
        sa.Column("depends_on", sa.JSON(), nullable=False),
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
            name=op.f("fk_planning_tasks_org_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["planning_plans.id"],
            name=op.f("fk_planning_tasks_plan_id_planning_plans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_planning_tasks")),
    )
    with op.batch_alter_table("planning_tasks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_planning_tasks_org_id"), ["org_id"], unique=False)
        batch_op.create_index(
            "ix_planning_tasks_plan_position", ["plan_id", "position"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("planning_tasks", schema=None) as batch_op:
        batch_op.drop_index("ix_planning_tasks_plan_position")
        batch_op.drop_index(batch_op.f("ix_planning_tasks_org_id"))

    op.drop_table("planning_tasks")
    with op.batch_alter_table("planning_plans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_planning_plans_org_id"))

    op.drop_table("planning_plans")
