"""Vendor search on PostgreSQL with 100,000 vendors, and selection for 6 categories × 300
candidates. Prints p50/p95 per case.

    .venv/bin/python benchmarks/bench_vendors.py [--vendors 100000] [--postgres URL]

Builds a private database (dropped afterwards), loads the deterministic demo catalogue and
about two months of busy days per vendor, VACUUM ANALYZEs it, then times the repository's
search (count, facets and the ranked page: what one API call runs) in-process, so HTTP
overhead is not included. `--keep NAME` keeps the database for later runs, `--dump FILE`
records each search's answer to compare two versions of the code; see benchmarks/vendors.md.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import sys
import time
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import asyncpg
from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eventmaestro.agents.vendors import selection as sel
from eventmaestro.agents.vendors.demo import generate
from eventmaestro.agents.vendors.repository import SearchFilters, VendorsRepository
from eventmaestro.agents.vendors.text import parse_query
from eventmaestro.kit.clock import utcnow
from eventmaestro.kit.db import create_engine, create_sessionmaker, new_id
from eventmaestro.kit.migrate import upgrade_async

DEFAULT_URL = os.environ.get(
    "MAESTRO_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
MOSCOW, KAZAN, NOVOSIBIRSK = 524901, 551487, 1496747
START = dt.date(2026, 11, 24)
FRIDAY = dt.date(2026, 12, 18)
KOSHER = frozenset({"kosher"})  # no generated caterer has it

SEARCHES: list[tuple[str, str | None, dict[str, Any]]] = [
    ("word, one city", "лофт", {"city_geoname_id": MOSCOW}),
    ("word form, one city", "лофтах", {"city_geoname_id": MOSCOW}),
    ("phrase + guests", "лофт на 200 человек с террасой", {"city_geoname_id": MOSCOW}),
    ("two words, Kazan", "кейтеринг халяль", {"city_geoname_id": KAZAN}),
    ("word, all cities", "ведущий", {}),
    ("English", "loft terrace", {"city_geoname_id": MOSCOW}),
    ("typo (trigram)", "кейтринг", {"city_geoname_id": NOVOSIBIRSK}),
    (
        "filters only: venue, guests, date, budget",
        None,
        {
            "categories": ("venue",),
            "city_geoname_id": MOSCOW,
            "guests": 150,
            "free_on": FRIDAY,
            "budget": Decimal(800000),
        },
    ),
    (
        "text + date + rating + tag",
        "банкет",
        {
            "city_geoname_id": MOSCOW,
            "free_on": FRIDAY,
            "rating_min": Decimal("4.5"),
            "tags": ("halal",),
        },
    ),
]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def _admin(url: str, statement: str) -> None:
    conn = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        await conn.execute(statement)
    finally:
        await conn.close()


async def bench_search(
    base_url: str, count: int, repeats: int, keep: str | None, dump: Path | None, vacuum: bool
) -> None:
    name = keep or f"maestro_bench_vendors_{os.getpid()}"
    url = base_url.rsplit("/", 1)[0] + "/" + name
    if keep and await _loaded(base_url, name):
        # A kept database from an earlier run: migrate it (new indexes) and time again.
        await upgrade_async(url)
        engine = create_engine(url)
        try:
            await _settle(engine, vacuum)
            await _time_searches(engine, repeats, dump)
        finally:
            await engine.dispose()
        return
    await _admin(base_url, f'DROP DATABASE IF EXISTS "{name}"')
    await _admin(base_url, f'CREATE DATABASE "{name}"')
    engine = create_engine(url)
    try:
        await upgrade_async(url)
        started = time.perf_counter()
        vendors, _ = await asyncio.to_thread(generate, count, seed=7, start=START)
        async with create_sessionmaker(engine)() as session:
            await VendorsRepository(session).insert_vendors(vendors, chunk=5000)
            await session.commit()
        async with engine.begin() as conn:
            # Busy days generated in the database: ~12 % of 60 days per vendor.
            await conn.execute(
                text(
                    "INSERT INTO vendor_bookings (id, vendor_id, date, kind, created_at, "
                    "updated_at) SELECT gen_random_uuid(), v.id, d::date, 'booked', now(), now() "
                    "FROM vendors v, generate_series(CAST(:a AS date), CAST(:b AS date), "
                    "'1 day') d WHERE random() < 0.12"
                ),
                {"a": FRIDAY - dt.timedelta(days=30), "b": FRIDAY + dt.timedelta(days=29)},
            )
            booked = (await conn.exec_driver_sql("SELECT count(*) FROM vendor_bookings")).scalar()
        await _settle(engine, vacuum)
        print(
            f"loaded {count} vendors and {booked} busy days in "
            f"{time.perf_counter() - started:.0f} s"
        )
        await _time_searches(engine, repeats, dump)
    finally:
        await engine.dispose()
        if not keep:
            await _admin(base_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def _settle(engine: Any, vacuum: bool) -> None:
    """Statistics for the planner; with `vacuum`, also the visibility map that index-only
    scans need — what `maestro vendors import` and `maestro vendors demo` do after loading
    (`settle_after_bulk_load`), and what autovacuum does anyway a minute or so after any bulk
    insert. `--no-vacuum` measures the minute in between."""
    async with engine.connect() as conn:
        conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.exec_driver_sql("VACUUM ANALYZE" if vacuum else "ANALYZE")


async def _loaded(base_url: str, name: str) -> bool:
    admin = base_url.replace("postgresql+asyncpg://", "postgresql://")
    conn = await asyncpg.connect(admin)
    try:
        if not await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name):
            return False
    finally:
        await conn.close()
    conn = await asyncpg.connect(admin.rsplit("/", 1)[0] + "/" + name)
    try:
        return bool(await conn.fetchval("SELECT to_regclass('vendors') IS NOT NULL"))
    finally:
        await conn.close()


async def _time_searches(engine: Any, repeats: int, dump: Path | None) -> None:
    sessionmaker = create_sessionmaker(engine)
    org = new_id()
    all_times: list[float] = []
    answers: dict[str, Any] = {}
    print(f"{'search':45} {'hits':>6} {'p50 ms':>8} {'p95 ms':>8}")
    for label, q, extra in SEARCHES:
        parsed = parse_query(q or "")
        filters = SearchFilters(terms=parsed.terms, now=utcnow(), **extra)
        if parsed.guests:
            filters = replace(filters, guests=parsed.guests)
        times = []
        total = 0
        async with sessionmaker() as session:
            # Untimed: opens the pool's connection and warms the plan for this case.
            await VendorsRepository(session).search(org, filters, limit=20, offset=0)
        for _ in range(repeats):
            async with sessionmaker() as session:
                t0 = time.perf_counter()
                page = await VendorsRepository(session).search(org, filters, limit=20, offset=0)
                times.append((time.perf_counter() - t0) * 1000)
                total = page.total
        answers[label] = {
            "total": page.total,
            "facets": page.facets,
            "page": [[str(v.id), round(score, 9), str(price)] for v, score, price in page.rows],
        }
        all_times += times
        print(f"{label:45} {total:>6} {pct(times, 0.5):>8.1f} {pct(times, 0.95):>8.1f}")
    print(f"{'ALL':45} {'':>6} {pct(all_times, 0.5):>8.1f} {pct(all_times, 0.95):>8.1f}")
    if dump is not None:
        # What each search answered (total, facets, the ranked first page): two runs over the
        # same kept database can be compared to show a faster query answers the same.
        answered = json.dumps(answers, ensure_ascii=False, indent=1, sort_keys=True)
        await asyncio.to_thread(dump.write_text, answered)


def _candidates(rng: random.Random, per_category: int) -> list[sel.Candidate]:
    out = []
    for category in ("venue", "catering", "decoration", "entertainment", "logistics", "technical"):
        for i in range(per_category):
            model = "person" if category == "catering" else rng.choice(["event", "hour", "day"])
            out.append(
                sel.Candidate(
                    id=f"{category}-{i}",
                    name=f"{category} {i}",
                    category=category,
                    city_geoname_id=MOSCOW,
                    price_model=model,
                    unit_price=Decimal(rng.randrange(1, 80) * (100 if model == "person" else 5000)),
                    min_order=Decimal(0),
                    vat_status=rng.choice(["included", "extra", "exempt"]),
                    rating=round(rng.uniform(3.0, 5.0), 1),
                    review_count=rng.randrange(0, 500),
                    response_hours=rng.randrange(1, 72),
                    capacity=rng.randrange(30, 800) if category == "venue" else None,
                    tags=frozenset(rng.sample(["loft", "terrace", "halal", "vegan"], 1)),
                    busy_dates=frozenset({FRIDAY} if rng.random() < 0.2 else ()),
                )
            )
    return out


def bench_selection(instances: int) -> None:
    print(f"\n{'selection, 6 categories × 300 candidates':45} {'':>6} {'p50 ms':>8} {'p95 ms':>8}")
    categories = ("venue", "catering", "decoration", "entertainment", "logistics", "technical")
    # (label, budget, guests, must-have tags): the last needs three changes at once.
    cases: list[tuple[str, int, int, dict[str, frozenset[str]]]] = [
        ("feasible (budget 3 M ₽)", 3_000_000, 150, {}),
        ("infeasible + relaxations", 10_000, 150, {}),
        ("infeasible, only a combined relaxation", 10_000, 1000, {"catering": KOSHER}),
    ]
    for label, budget, guests, required in cases:
        times = []
        for seed in range(instances):
            candidates = _candidates(random.Random(seed), 300)
            request = sel.SelectionRequest(
                city_geoname_id=MOSCOW,
                date=FRIDAY,
                guests=guests,
                categories=categories,
                budget_total=Decimal(budget),
                required_tags=required,
                preferred_tags=frozenset({"terrace"}),
            )
            t0 = time.perf_counter()
            outcome = sel.solve(request, candidates)
            times.append((time.perf_counter() - t0) * 1000)
            assert (outcome.selection is not None) == (budget > 1_000_000)
            assert outcome.selection is not None or outcome.relaxations
            if required:
                assert [r.kind for r in outcome.relaxations] == [sel.RelaxationKind.COMBINED]
        print(f"{label:45} {'':>6} {pct(times, 0.5):>8.1f} {pct(times, 0.95):>8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--vendors", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--postgres", default=DEFAULT_URL)
    parser.add_argument("--skip-search", action="store_true")
    parser.add_argument("--skip-selection", action="store_true")
    parser.add_argument(
        "--keep",
        metavar="DATABASE",
        help="load into this database and keep it; a later run with the same name reuses it",
    )
    parser.add_argument(
        "--no-vacuum", action="store_true", help="only ANALYZE after loading, no VACUUM"
    )
    parser.add_argument("--dump", type=Path, help="write each search's answer to this JSON file")
    args = parser.parse_args()
    if not args.skip_search:
        asyncio.run(
            bench_search(
                args.postgres, args.vendors, args.repeats, args.keep, args.dump, not args.no_vacuum
            )
        )
    if not args.skip_selection:
        bench_selection(20)


if __name__ == "__main__":
    main()
