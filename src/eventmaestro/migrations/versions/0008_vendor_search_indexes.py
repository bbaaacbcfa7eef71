"""vendor search: covering index for filtered searches, GIN without a pending list, typo
vocabulary on SQLite

Revision ID: 0008
Revises: 0005
Create Date: 2026-11-24 12:40:00.000000

A search without words (category, city, guests, date, budget) used to read every matching
vendor's whole row — about 1 KB each with descriptions and the tsvector, five to a page — only
to filter and score it on a dozen small columns. The covering index holds exactly those
columns, led by city then category, so such a search is an index-only scan (a hundred index
pages instead of thousands of heap pages); it also serves city-only filters.

The tsvector GIN index had `fastupdate` on: rows inserted in bulk (the demo catalogue, an
import) waited in a pending list that every search scanned until the next vacuum — about 500
extra pages per query after a 100,000-vendor load. The catalogue is read far more often than
written, so entries now go straight into the index, and what is pending is flushed here.

Those two are PostgreSQL's (embedded SQLite catalogues are a few thousand vendors). SQLite
gets the vocabulary table PostgreSQL already had, filled from the vendors it holds, so that a
misspelt word is corrected to the nearest catalogue word there too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every column a search without words filters, scores or groups on (see
# agents/vendors/repository.py); the `search_` prefix keeps autogenerate away from it.
COVERED = (
    "id, org_id, capacity_seated, price_model, price_amount, min_order, vat_status, rating, "
    "response_hours, city_name, tags"
)


# The vocabulary's notion of a word (agents/vendors/text.py `words`; migrations do not import
# application code).
_WORD = re.compile(r"[0-9a-zа-яё]+(?:-[0-9a-zа-яё]+)*", re.IGNORECASE)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        op.execute("CREATE TABLE search_vendor_words (word TEXT PRIMARY KEY)")
        texts = bind.execute(sa.text("SELECT document_text FROM vendors")).scalars()
        vocabulary = sorted({w.lower() for t in texts for w in _WORD.findall(t or "")})
        if vocabulary:
            bind.execute(
                sa.text("INSERT INTO search_vendor_words (word) VALUES (:w)"),
                [{"w": w} for w in vocabulary],
            )
        return
    op.execute(
        "CREATE INDEX search_vendors_city_category ON vendors "
        f"(city_geoname_id, category) INCLUDE ({COVERED})"
    )
    op.execute("ALTER INDEX search_vendors_tsv SET (fastupdate = off)")
    op.execute("SELECT gin_clean_pending_list('search_vendors_tsv'::regclass)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        op.execute("DROP TABLE IF EXISTS search_vendor_words")
        return
    op.execute("ALTER INDEX search_vendors_tsv RESET (fastupdate)")
    op.execute("DROP INDEX IF EXISTS search_vendors_city_category")
