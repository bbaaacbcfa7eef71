"""agent task results

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 08:47:21.807562
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "agent_task_results",
        sa.Column("task_id", sa.String(length=64), nullable=False),
        sa.Column("agent", sa.String(length=64), nullable=False),
        sa.Column("skill", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
            name=op.f("fk_agent_task_results_org_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agent_task_results")),
        sa.UniqueConstraint("task_id", name=op.f("uq_agent_task_results_task_id")),
    )
    with op.batch_alter_table("agent_task_results", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agent_task_results_org_id"), ["org_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("agent_task_results", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agent_task_results_org_id"))

    op.drop_table("agent_task_results")
