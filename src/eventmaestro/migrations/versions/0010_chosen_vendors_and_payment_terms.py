"""chosen vendors per event and vendors' payment terms

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-24 16:16:20.362496

What the organiser decided, kept per event instead of in the browser: the vendor chosen for
each category at its agreed price (`vendor_selections`), and each vendor's payment terms
that the payment schedule is built from (`finance_payment_terms`).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "finance_payment_terms",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("vendor", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=60), nullable=False),
        sa.Column("amount", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("deposit_percent", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("deposit_days_before", sa.Integer(), nullable=False),
        sa.Column("balance_days_before", sa.Integer(), nullable=False),
        sa.Column("paid", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
            name=op.f("fk_finance_payment_terms_org_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_finance_payment_terms")),
        sa.UniqueConstraint(
            "org_id",
            "event_id",
            "position",
            name=op.f("uq_finance_payment_terms_org_id_event_id_position"),
        ),
    )
    with op.batch_alter_table("finance_payment_terms", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_finance_payment_terms_org_id"), ["org_id"], unique=False
        )

    op.create_table(
        "vendor_selections",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("vendor_id", sa.Uuid(), nullable=False),
        sa.Column("price_amount", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
            name=op.f("fk_vendor_selections_org_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["vendor_id"],
            ["vendors.id"],
            name=op.f("fk_vendor_selections_vendor_id_vendors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vendor_selections")),
        sa.UniqueConstraint(
            "org_id",
            "event_id",
            "category",
            name=op.f("uq_vendor_selections_org_id_event_id_category"),
        ),
    )
    with op.batch_alter_table("vendor_selections", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vendor_selections_org_id"), ["org_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("vendor_selections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vendor_selections_org_id"))

    op.drop_table("vendor_selections")
    with op.batch_alter_table("finance_payment_terms", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_finance_payment_terms_org_id"))

    op.drop_table("finance_payment_terms")
