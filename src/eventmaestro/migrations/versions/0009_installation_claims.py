"""installation claims: what an installation allows once (the first sign-up)

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-24 14:02:29.950940

Under the `first` sign-up policy two simultaneous sign-ups could both count zero
organisations and both succeed; the claim's primary key now lets only one commit.
Installations that already have organisations need no row: the count refuses them.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "installation_claims",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
            name=op.f("fk_installation_claims_org_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_installation_claims")),
    )


def downgrade() -> None:
    op.drop_table("installation_claims")
