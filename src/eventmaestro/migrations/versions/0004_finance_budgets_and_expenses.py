"""finance budgets and expenses

Revision ID: 0004
Revises: 0002
Create Date: 2026-11-24 09:01:28.713240
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "finance_budgets",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("reference_version", sa.String(length=40), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("scenario", sa.String(length=20), nullable=False),
        sa.Column("vat_rate", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("prices_include_vat", sa.Boolean(), nullable=False),
        sa.Column("contingency_rate", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("analysis", sa.JSON(), nullable=False),
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
            name=op.f("fk_finance_budgets_org_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_finance_budgets")),
    )
    with op.batch_alter_table("finance_budgets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_finance_budgets_event_id"), ["event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_finance_budgets_org_id"), ["org_id"], unique=False)
        batch_op.create_index("uq_finance_budgets_org_event", ["org_id", "event_id"], unique=True)

    op.create_table(
        "finance_expenses",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("category", sa.String(length=60), nullable=False),
        sa.Column("amount", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("spent_on", sa.Date(), nullable=False),
        sa.Column("vendor", sa.String(length=500), nullable=True),
        sa.Column("document_number", sa.String(length=100), nullable=True),
        sa.Column("description", sa.String(length=500), nullable=True),
        sa.Column("paid", sa.Boolean(), nullable=False),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
            name=op.f("fk_finance_expenses_org_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_finance_expenses")),
    )
    with op.batch_alter_table("finance_expenses", schema=None) as batch_op:
        batch_op.create_index("ix_finance_expenses_org_event", ["org_id", "event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_finance_expenses_org_id"), ["org_id"], unique=False)

    op.create_table(
        "finance_budget_lines",
        sa.Column("budget_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=60), nullable=False),
        sa.Column("description", sa.String(length=500), nullable=False),
        sa.Column("quantity", sa.Numeric(precision=14, scale=3), nullable=False),
        sa.Column("unit", sa.String(length=40), nullable=False),
        sa.Column("unit_price", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("optional", sa.Boolean(), nullable=False),
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["budget_id"],
            ["finance_budgets.id"],
            name=op.f("fk_finance_budget_lines_budget_id_finance_budgets"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
            name=op.f("fk_finance_budget_lines_org_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_finance_budget_lines")),
    )
    with op.batch_alter_table("finance_budget_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_finance_budget_lines_budget_id"), ["budget_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_finance_budget_lines_org_id"), ["org_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("finance_budget_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_finance_budget_lines_org_id"))
        batch_op.drop_index(batch_op.f("ix_finance_budget_lines_budget_id"))

    op.drop_table("finance_budget_lines")
    with op.batch_alter_table("finance_expenses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_finance_expenses_org_id"))
        batch_op.drop_index("ix_finance_expenses_org_event")

    op.drop_table("finance_expenses")
    with op.batch_alter_table("finance_budgets", schema=None) as batch_op:
        batch_op.drop_index("uq_finance_budgets_org_event")
        batch_op.drop_index(batch_op.f("ix_finance_budgets_org_id"))
        batch_op.drop_index(batch_op.f("ix_finance_budgets_event_id"))

    op.drop_table("finance_budgets")
