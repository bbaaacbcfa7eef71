"""planning tasks remember their normal duration when crashed

Revision ID: 0011_plans
Revises: 0010

A plan that fits only by compressing tasks stores the planned (crash) duration in `duration`
and the template's normal one in `normal_duration`, so plans and exports can say «сжато».
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_plans"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("planning_tasks", sa.Column("normal_duration", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("planning_tasks", "normal_duration")
