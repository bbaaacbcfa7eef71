"""Every vendor query. Visibility: the shared catalogue (org_id NULL) plus the caller's own
vendors; quotes and contracts are strictly the caller's.

Full text, per database (what `text.py` explains): PostgreSQL matches each query word against
the generated `search_tsv` column (russian configuration); SQLite matches Snowball stems in
the FTS5 table `search_vendors_fts`. On both, when a search finds nothing, a word is probably
misspelt, so each word is replaced by the nearest catalogue word by trigram similarity (the
vocabulary table `search_vendor_words`: GiST KNN on PostgreSQL, pg_trgm's measure in Python
on SQLite) and the search runs once more — typos cost small lookups, never a scan of vendor
texts, and correct searches pay nothing for them.

Ranking (both databases, highest first):
    score = 0.50·relevance + 0.25·rating/5 + 0.15·price_fit + 0.10·response_fit
relevance ∈ [0, 1) is the text rank squashed as r/(r+1) (PostgreSQL `ts_rank_cd` with
normalisation 32; SQLite −bm25);
price_fit = 1 − price/budget when a budget is given, else 0.5; response_fit =
1 − min(response hours, 72)/72. Ties break on id, so pages are stable.

How one search runs (two round trips; four when a word was misspelt): one statement reads
the matching vendors once as narrow rows (id, facet keys, score, price) and returns both the
ranked page's ids and the facet counts; then the page's twenty vendors are fetched by id.
On PostgreSQL a search without words is an index-only scan of `search_vendors_city_category`,
which covers every column such a search filters, scores or groups on (migration 0008).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Select,
    and_,
    case,
    cast,
    delete,
    distinct,
    exists,
    func,
    insert,
    literal,
    literal_column,
    null,
    or_,
    select,
    text,
    union_all,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from eventmaestro.agents.vendors.models import (
    Contract,
    QuoteRequest,
    SelectedVendor,
    Vendor,
    VendorBooking,
)
from eventmaestro.agents.vendors.text import nearest_word, stemmed, words
from eventmaestro.kit.clock import utcnow
from eventmaestro.kit.vat import VatStatus, vat_rate

DEFAULT_HOURS = 5


@dataclass(frozen=True, slots=True)
class SearchFilters:
    terms: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    city_geoname_id: int | None = None
    guests: int | None = None
    free_on: dt.date | None = None
    budget: Decimal | None = None
    rating_min: Decimal | None = None
    tags: tuple[str, ...] = ()
    now: dt.datetime | None = None


@dataclass(slots=True)
class SearchPage:
    rows: list[tuple[Vendor, float, Decimal]]
    total: int
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


def event_price(guests: int | None, on: dt.date | None = None) -> ColumnElement[Any]:
    """The pricing module's formula in SQL (VAT-inclusive total for an event of `guests` on
    `on`, VAT by the one rule), so that price filters and ranking see the number the API shows."""
    units = case(
        (Vendor.price_model == "person", literal(guests or 1)),
        (Vendor.price_model == "hour", literal(DEFAULT_HOURS)),
        else_=literal(1),
    )
    base = Vendor.price_amount * units
    price = case((base > Vendor.min_order, base), else_=Vendor.min_order)
    rate = vat_rate(on, VatStatus.EXTRA) / 100
    return case((Vendor.vat_status == VatStatus.EXTRA.value, price * (1 + rate)), else_=price)


class VendorsRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @property
    def is_postgres(self) -> bool:
        return self.session.get_bind().dialect.name == "postgresql"

    # -- catalogue -------------------------------------------------------------------------

    async def insert_vendors(self, rows: Sequence[dict[str, Any]], chunk: int = 2000) -> None:
        for start in range(0, len(rows), chunk):
            part = rows[start : start + chunk]
            await self.session.execute(insert(Vendor), list(part))
            if self.is_postgres:
                vocabulary = sorted({w for r in part for w in words(r["document_text"])})
                await self.session.execute(
                    text(
                        "INSERT INTO search_vendor_words (word) SELECT unnest(CAST(:w AS text[]))"
                        " ON CONFLICT DO NOTHING"
                    ),
                    {"w": vocabulary},
                )
            else:
                await self.session.execute(
                    text("INSERT INTO search_vendors_fts (vendor_id, body) VALUES (:id, :body)"),
                    [{"id": r["id"].hex, "body": stemmed(r["document_text"])} for r in part],
                )
                vocabulary = sorted({w for r in part for w in words(r["document_text"])})
                await self.session.execute(
                    text("INSERT OR IGNORE INTO search_vendor_words (word) VALUES (:w)"),
                    [{"w": w} for w in vocabulary],
                )

    async def insert_bookings(self, rows: Sequence[dict[str, Any]], chunk: int = 20000) -> None:
        """Core executemany with the timestamps filled in here: ten times faster than ORM
        bulk inserts for the demo catalogue's ~150,000 busy days."""
        now = utcnow()
        table = VendorBooking.metadata.tables[VendorBooking.__tablename__]
        for start in range(0, len(rows), chunk):
            part = [
                {
                    "created_at": now,
                    "updated_at": now,
                    "org_id": None,
                    "event_id": None,
                    "expires_at": None,
                    **row,
                }
                for row in rows[start : start + chunk]
            ]
            await self.session.execute(table.insert(), part)

    async def shared_catalogue_size(self) -> int:
        stmt = select(func.count()).select_from(Vendor).where(Vendor.org_id.is_(None))
        return int(await self.session.scalar(stmt) or 0)

    async def get(self, org_id: uuid.UUID, vendor_id: uuid.UUID) -> Vendor | None:
        stmt = select(Vendor).where(Vendor.id == vendor_id, _visible(org_id))
        return (await self.session.scalars(stmt)).first()

    async def get_many(self, org_id: uuid.UUID, ids: Sequence[uuid.UUID]) -> list[Vendor]:
        stmt = select(Vendor).where(Vendor.id.in_(ids), _visible(org_id))
        return list((await self.session.scalars(stmt)).all())

    async def candidates(
        self, org_id: uuid.UUID, city_geoname_id: int, categories: Sequence[str]
    ) -> list[Vendor]:
        stmt = select(Vendor).where(
            _visible(org_id),
            Vendor.city_geoname_id == city_geoname_id,
            Vendor.category.in_(categories),
        )
        return list((await self.session.scalars(stmt)).all())

    async def cities_offering(self, org_id: uuid.UUID, categories: Sequence[str]) -> dict[int, str]:
        """Cities (GeoNames id → name) with at least one visible vendor in every one of
        `categories`: where a selection could exist at all."""
        stmt = (
            select(Vendor.city_geoname_id, func.max(Vendor.city_name))
            .where(_visible(org_id), Vendor.category.in_(categories))
            .group_by(Vendor.city_geoname_id)
            .having(func.count(distinct(Vendor.category)) == len(set(categories)))
        )
        return {int(city): str(name) for city, name in (await self.session.execute(stmt)).all()}

    async def busy_dates(
        self, vendor_ids: Sequence[uuid.UUID], start: dt.date, end: dt.date, now: dt.datetime
    ) -> dict[uuid.UUID, set[dt.date]]:
        busy: dict[uuid.UUID, set[dt.date]] = {}
        for offset in range(0, len(vendor_ids), 5000):
            stmt = select(VendorBooking.vendor_id, VendorBooking.date).where(
                VendorBooking.vendor_id.in_(vendor_ids[offset : offset + 5000]),
                VendorBooking.date.between(start, end),
                _active(now),
            )
            for vendor_id, day in (await self.session.execute(stmt)).all():
                busy.setdefault(vendor_id, set()).add(day)
        return busy

    # -- holds -----------------------------------------------------------------------------

    async def clear_expired_hold(
        self, vendor_id: uuid.UUID, day: dt.date, now: dt.datetime
    ) -> None:
        await self.session.execute(
            delete(VendorBooking).where(
                VendorBooking.vendor_id == vendor_id,
                VendorBooking.date == day,
                VendorBooking.kind == "hold",
                VendorBooking.expires_at <= now,
            )
        )

    async def add_booking(self, booking: VendorBooking) -> None:
        self.session.add(booking)
        await self.session.flush()

    async def booking(self, vendor_id: uuid.UUID, day: dt.date) -> VendorBooking | None:
        stmt = select(VendorBooking).where(
            VendorBooking.vendor_id == vendor_id, VendorBooking.date == day
        )
        return (await self.session.scalars(stmt)).first()

    # -- quotes and contracts --------------------------------------------------------------

    async def add(self, row: QuoteRequest | Contract | SelectedVendor) -> None:
        self.session.add(row)
        await self.session.flush()

    async def quote(self, org_id: uuid.UUID, quote_id: uuid.UUID) -> QuoteRequest | None:
        stmt = select(QuoteRequest).where(
            QuoteRequest.id == quote_id, QuoteRequest.org_id == org_id
        )
        return (await self.session.scalars(stmt)).first()

    async def quotes(self, org_id: uuid.UUID, event_id: uuid.UUID | None) -> list[QuoteRequest]:
        stmt = select(QuoteRequest).where(QuoteRequest.org_id == org_id)
        if event_id is not None:
            stmt = stmt.where(QuoteRequest.event_id == event_id)
        return list((await self.session.scalars(stmt.order_by(QuoteRequest.id))).all())

    async def contract(self, org_id: uuid.UUID, contract_id: uuid.UUID) -> Contract | None:
        stmt = select(Contract).where(Contract.id == contract_id, Contract.org_id == org_id)
        return (await self.session.scalars(stmt)).first()

    async def contract_counts(
        self, org_id: uuid.UUID, event_ids: Collection[uuid.UUID]
    ) -> list[tuple[uuid.UUID, str, int]]:
        """(event, status, contracts) for many events in one statement."""
        result = await self.session.execute(
            select(Contract.event_id, Contract.status, func.count())
            .where(Contract.org_id == org_id, Contract.event_id.in_(event_ids))
            .group_by(Contract.event_id, Contract.status)
        )
        return [(event_id, status, count) for event_id, status, count in result if event_id]

    async def contracts(self, org_id: uuid.UUID, event_id: uuid.UUID) -> list[Contract]:
        """Oldest first (ids are time-ordered), so the last one per vendor is the latest."""
        stmt = select(Contract).where(Contract.org_id == org_id, Contract.event_id == event_id)
        return list((await self.session.scalars(stmt.order_by(Contract.id))).all())

    async def release_booking(
        self, org_id: uuid.UUID, vendor_id: uuid.UUID, day: dt.date, keep_for: uuid.UUID
    ) -> None:
        """Free the organisation's booking of the vendor's day, unless another of its signed
        contracts (other than `keep_for`) still needs it."""
        still_signed = exists().where(
            Contract.org_id == org_id,
            Contract.vendor_id == vendor_id,
            Contract.event_date == day,
            Contract.status == "signed",
            Contract.id != keep_for,
        )
        await self.session.execute(
            delete(VendorBooking).where(
                VendorBooking.vendor_id == vendor_id,
                VendorBooking.date == day,
                VendorBooking.org_id == org_id,
                VendorBooking.kind == "booked",
                ~still_signed,
            )
        )

    # -- the event's chosen vendors --------------------------------------------------------

    async def selection(self, org_id: uuid.UUID, event_id: uuid.UUID) -> list[SelectedVendor]:
        stmt = select(SelectedVendor).where(
            SelectedVendor.org_id == org_id, SelectedVendor.event_id == event_id
        )
        return list((await self.session.scalars(stmt)).all())

    async def bookings_on(
        self, vendor_ids: Sequence[uuid.UUID], day: dt.date, now: dt.datetime
    ) -> dict[uuid.UUID, VendorBooking]:
        """The vendors' bookings and unexpired holds on one day."""
        if not vendor_ids:
            return {}
        stmt = select(VendorBooking).where(
            VendorBooking.vendor_id.in_(vendor_ids), VendorBooking.date == day, _active(now)
        )
        return {b.vendor_id: b for b in (await self.session.scalars(stmt)).all()}

    # -- search ----------------------------------------------------------------------------

    async def search(
        self, org_id: uuid.UUID, f: SearchFilters, *, limit: int, offset: int
    ) -> SearchPage:
        total, facets, ranked = await self._ranked(org_id, f, limit=limit, offset=offset)
        if total == 0 and f.terms:
            # Nothing found: a word may be misspelt. Retry once with every word replaced by
            # its nearest catalogue word; correct words map to themselves.
            corrected = await self._correct(f.terms)
            if corrected != f.terms:
                return await self.search(
                    org_id, replace(f, terms=corrected), limit=limit, offset=offset
                )
        found = {v.id: v for v in await self._by_ids([vendor_id for vendor_id, _, _ in ranked])}
        rows = [(found[vendor_id], score, price) for vendor_id, score, price in ranked]
        return SearchPage(rows=rows, total=total, facets=facets)

    async def _ranked(
        self, org_id: uuid.UUID, f: SearchFilters, *, limit: int, offset: int
    ) -> tuple[int, dict[str, dict[str, int]], list[tuple[uuid.UUID, float, Decimal]]]:
        """Total, facets and the ranked page's (id, score, price) from one statement that
        reads the matching vendors once: the filtered set is a materialised CTE of narrow
        rows; the page is its top `limit` by score (a top-N sort of a few columns, never of
        whole vendor rows), and the facets are its counts by category × city × price model.
        The page's vendors are then fetched by primary key."""
        price = event_price(f.guests, f.free_on)
        keys = (Vendor.id, Vendor.category, Vendor.city_name, Vendor.price_model)
        relevance, stmt = self._text_match(select(*keys), f.terms)
        stmt = self._filters(stmt.where(_visible(org_id)), f, price)
        rating = cast(Vendor.rating, Float) / 5.0
        price_fit: ColumnElement[Any] = (
            1.0 - cast(price, Float) / float(f.budget) if f.budget else literal(0.5)
        )
        least = func.least if self.is_postgres else func.min
        response = 1.0 - cast(least(Vendor.response_hours, 72), Float) / 72.0
        score = 0.5 * relevance + 0.25 * rating + 0.15 * price_fit + 0.10 * response
        hits = stmt.add_columns(score.label("score"), price.label("price")).cte("hits")
        if self.is_postgres:
            # Read twice below; computed once.
            hits = hits.prefix_with("MATERIALIZED")
        page = (
            select(hits.c.id, hits.c.score, hits.c.price)
            .order_by(hits.c.score.desc(), hits.c.id)
            .limit(limit)
            .offset(offset)
            .subquery("page")
        )
        nothing = null()
        both = union_all(
            select(page.c.id, page.c.score, page.c.price, nothing, nothing, nothing, nothing),
            select(
                nothing,
                nothing,
                nothing,
                hits.c.category,
                hits.c.city_name,
                hits.c.price_model,
                func.count(),
            ).group_by(hits.c.category, hits.c.city_name, hits.c.price_model),
        )
        ranked: list[tuple[uuid.UUID, float, Decimal]] = []
        facets: dict[str, dict[str, int]] = {"category": {}, "city": {}, "price_model": {}}
        total = 0
        for vendor_id, s, p, category, city, model, n in (await self.session.execute(both)).all():
            if vendor_id is not None:
                ranked.append((_uuid(vendor_id), float(s), Decimal(p)))
                continue
            total += n
            for facet, key in (("category", category), ("city", city), ("price_model", model)):
                facets[facet][key] = facets[facet].get(key, 0) + n
        # A UNION does not promise to keep the page's order: restore it (same key as SQL).
        ranked.sort(key=lambda row: (-row[1], row[0]))
        ordered = {
            name: dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
            for name, counts in facets.items()
        }
        return total, ordered, ranked

    async def _by_ids(self, ids: Sequence[uuid.UUID]) -> list[Vendor]:
        if not ids:
            return []
        return list((await self.session.scalars(select(Vendor).where(Vendor.id.in_(ids)))).all())

    async def _correct(self, terms: tuple[str, ...]) -> tuple[str, ...]:
        """Each term replaced by the catalogue word nearest to it by trigram similarity (a
        word that exists is its own nearest), or kept if none is similar enough.
        PostgreSQL: one round trip of GiST KNN lookups over the vocabulary. SQLite (an
        embedded catalogue's few thousand words): the same measure computed in Python."""
        lowered = [term.lower() for term in terms]
        if self.is_postgres:
            stmt = text(
                "SELECT (SELECT w.word FROM search_vendor_words w WHERE w.word % t.term"
                " ORDER BY w.word <-> t.term LIMIT 1)"
                " FROM unnest(CAST(:terms AS text[])) WITH ORDINALITY AS t(term, n)"
                " ORDER BY t.n"
            ).bindparams(terms=lowered)
            nearest: list[str | None] = list((await self.session.scalars(stmt)).all())
        else:
            vocabulary = (
                await self.session.scalars(text("SELECT word FROM search_vendor_words"))
            ).all()
            nearest = [nearest_word(term, vocabulary) for term in lowered]
        return tuple(
            str(word) if word is not None else term
            for term, word in zip(terms, nearest, strict=True)
        )

    def _text_match(
        self, stmt: Select[*tuple[Any, ...]], terms: tuple[str, ...]
    ) -> tuple[ColumnElement[Any], Select[*tuple[Any, ...]]]:
        if not terms:
            return literal(0.0), stmt
        if self.is_postgres:
            tsv: ColumnElement[Any] = literal_column("vendors.search_tsv")
            conditions = [tsv.op("@@")(func.plainto_tsquery("russian", term)) for term in terms]
            rank = func.ts_rank_cd(tsv, func.plainto_tsquery("russian", " ".join(terms)), 32)
            return cast(rank, Float), stmt.where(and_(*conditions))
        match = " AND ".join(f'"{stemmed(term)}"' for term in terms if stemmed(term))
        fts = (
            select(
                literal_column("vendor_id").label("vendor_id"),
                (-func.bm25(literal_column("search_vendors_fts"))).label("r"),
            )
            .select_from(text("search_vendors_fts"))
            .where(text("search_vendors_fts MATCH :match").bindparams(match=match))
            .subquery("fts")
        )
        # Uuid is stored as 32 hex digits on SQLite, which is what the FTS table keeps.
        joined = stmt.join(fts, fts.c.vendor_id == Vendor.id)
        return fts.c.r / (fts.c.r + 1.0), joined

    def _filters(
        self, stmt: Select[*tuple[Any, ...]], f: SearchFilters, price: ColumnElement[Any]
    ) -> Select[*tuple[Any, ...]]:
        if f.categories:
            stmt = stmt.where(Vendor.category.in_(f.categories))
        if f.city_geoname_id is not None:
            stmt = stmt.where(Vendor.city_geoname_id == f.city_geoname_id)
        if f.guests is not None:
            stmt = stmt.where(or_(Vendor.category != "venue", Vendor.capacity_seated >= f.guests))
        if f.free_on is not None:
            busy = exists().where(
                VendorBooking.vendor_id == Vendor.id,
                VendorBooking.date == f.free_on,
                _active(f.now),
            )
            stmt = stmt.where(~busy)
        if f.budget is not None:
            stmt = stmt.where(price <= f.budget)
        if f.rating_min is not None:
            stmt = stmt.where(Vendor.rating >= f.rating_min)
        for tag in f.tags:
            stmt = stmt.where(self._has_tag(tag))
        return stmt

    def _has_tag(self, tag: str) -> ColumnElement[bool]:
        if self.is_postgres:
            return cast(Vendor.tags, JSONB).op("@>")(cast(literal([tag], JSONB), JSONB))
        each = func.json_each(Vendor.tags).table_valued("value")
        return exists(select(literal(1)).select_from(each).where(each.c.value == tag))


async def settle_after_bulk_load(engine: AsyncEngine) -> None:
    """After loading thousands of vendors on PostgreSQL: fresh planner statistics, and the
    visibility map that lets a search without words read only the covering index. Autovacuum
    would do the same within a minute or so; until then such searches read the heap too."""
    if engine.dialect.name != "postgresql":
        return
    async with engine.connect() as conn:
        conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.exec_driver_sql("VACUUM (ANALYZE) vendors, vendor_bookings")


def _uuid(value: Any) -> uuid.UUID:
    """The page's ids come through a UNION whose NULL branch hides the column type on
    SQLite, where a Uuid is kept as 32 hex digits."""
    return value if isinstance(value, uuid.UUID) else uuid.UUID(hex=str(value))


def _visible(org_id: uuid.UUID) -> ColumnElement[bool]:
    return or_(Vendor.org_id.is_(None), Vendor.org_id == org_id)


def _active(now: dt.datetime | None) -> ColumnElement[bool]:
    """Booked days always count; a hold only until it expires."""
    if now is None:
        return VendorBooking.expires_at.is_(None)
    return or_(VendorBooking.expires_at.is_(None), VendorBooking.expires_at > now)
