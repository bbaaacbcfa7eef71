"""vendor catalogue, availability, quotes and contracts

Revision ID: 0005
Revises: 0002
Create Date: 2026-11-24 08:56:35.884499
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "vendors",
        sa.Column("org_id", sa.Uuid(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("subcategories", sa.JSON(), nullable=False),
        sa.Column("city_geoname_id", sa.Integer(), nullable=False),
        sa.Column("city_name", sa.String(length=200), nullable=False),
        sa.Column("address", sa.String(length=500), nullable=True),
        sa.Column("capacity_seated", sa.Integer(), nullable=True),
        sa.Column("capacity_standing", sa.Integer(), nullable=True),
        sa.Column("price_model", sa.String(length=20), nullable=False),
        sa.Column("price_amount", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("min_order", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("vat_status", sa.String(length=20), nullable=False),
        sa.Column("rating", sa.Numeric(precision=3, scale=2), nullable=False),
        sa.Column("review_count", sa.Integer(), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("response_hours", sa.Integer(), nullable=False),
        sa.Column("prepayment_percent", sa.Integer(), nullable=False),
        sa.Column("cancellation_terms", sa.Text(), nullable=False),
        sa.Column("contacts", sa.JSON(), nullable=False),
        sa.Column("description_ru", sa.Text(), nullable=False),
        sa.Column("description_en", sa.Text(), nullable=False),
        sa.Column("document_text", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
            name=op.f("fk_vendors_org_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vendors")),
    )
    with op.batch_alter_table("vendors", schema=None) as batch_op:
        batch_op.create_index(
            "ix_vendors_category_city", ["category", "city_geoname_id"], unique=False
        )
        batch_op.create_index("ix_vendors_org_id", ["org_id"], unique=False)

    op.create_table(
        "vendor_bookings",
        sa.Column("vendor_id", sa.Uuid(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("org_id", sa.Uuid(), nullable=True),
        sa.Column("event_id", sa.Uuid(), nullable=True),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
            name=op.f("fk_vendor_bookings_org_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["vendor_id"],
            ["vendors.id"],
            name=op.f("fk_vendor_bookings_vendor_id_vendors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vendor_bookings")),
        sa.UniqueConstraint("vendor_id", "date", name=op.f("uq_vendor_bookings_vendor_id_date")),
    )
    with op.batch_alter_table("vendor_bookings", schema=None) as batch_op:
        batch_op.create_index("ix_vendor_bookings_date", ["date"], unique=False)
        batch_op.create_index(batch_op.f("ix_vendor_bookings_org_id"), ["org_id"], unique=False)

    op.create_table(
        "vendor_contracts",
        sa.Column("vendor_id", sa.Uuid(), nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=True),
        sa.Column("event_date", sa.Date(), nullable=False),
        sa.Column("client_name", sa.String(length=200), nullable=False),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("vat_amount", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("total_amount", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("payment_schedule", sa.JSON(), nullable=False),
        sa.Column("cancellation_terms", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("audit", sa.JSON(), nullable=False),
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
            name=op.f("fk_vendor_contracts_org_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["vendor_id"],
            ["vendors.id"],
            name=op.f("fk_vendor_contracts_vendor_id_vendors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vendor_contracts")),
    )
    with op.batch_alter_table("vendor_contracts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vendor_contracts_org_id"), ["org_id"], unique=False)

    op.create_table(
        "vendor_quote_requests",
        sa.Column("vendor_id", sa.Uuid(), nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=True),
        sa.Column("requirements", sa.Text(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("estimate_amount", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("quoted_amount", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("answer_note", sa.Text(), nullable=True),
        sa.Column("org_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
            name=op.f("fk_vendor_quote_requests_org_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["vendor_id"],
            ["vendors.id"],
            name=op.f("fk_vendor_quote_requests_vendor_id_vendors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vendor_quote_requests")),
    )
    with op.batch_alter_table("vendor_quote_requests", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_vendor_quote_requests_org_id"), ["org_id"], unique=False
        )
    _create_search_structures()


def _create_search_structures() -> None:
    """Full-text search, per database (see agents/vendors/search.py). Named `search_*` so
    that autogenerate leaves them alone."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(
            "ALTER TABLE vendors ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS "
            "(to_tsvector('russian', document_text)) STORED"
        )
        op.execute("CREATE INDEX search_vendors_tsv ON vendors USING gin (search_tsv)")
        # Every word of the catalogue, so that a misspelt query word can be corrected to the
        # nearest known one by trigram distance before the tsvector index answers it.
        op.execute("CREATE TABLE search_vendor_words (word text PRIMARY KEY)")
        op.execute(
            "CREATE INDEX search_vendor_words_trgm ON search_vendor_words "
            "USING gist (word gist_trgm_ops)"
        )
    else:
        op.execute(
            "CREATE VIRTUAL TABLE search_vendors_fts USING fts5("
            "vendor_id UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2')"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TABLE IF EXISTS search_vendor_words")
        op.execute("DROP INDEX IF EXISTS search_vendors_tsv")
        op.execute("ALTER TABLE vendors DROP COLUMN IF EXISTS search_tsv")
    else:
        op.execute("DROP TABLE IF EXISTS search_vendors_fts")
    with op.batch_alter_table("vendor_quote_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vendor_quote_requests_org_id"))

    op.drop_table("vendor_quote_requests")
    with op.batch_alter_table("vendor_contracts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vendor_contracts_org_id"))

    op.drop_table("vendor_contracts")
    with op.batch_alter_table("vendor_bookings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vendor_bookings_org_id"))
        batch_op.drop_index("ix_vendor_bookings_date")

    op.drop_table("vendor_bookings")
    with op.batch_alter_table("vendors", schema=None) as batch_op:
        batch_op.drop_index("ix_vendors_org_id")
        batch_op.drop_index("ix_vendors_category_city")

    op.drop_table("vendors")
