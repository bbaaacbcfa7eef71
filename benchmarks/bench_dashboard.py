"""The events dashboard in embedded mode: one overview request against the per-card requests
it replaced, for 50 events with plans, budgets, contracts and 2,000 expenses.

    .venv/bin/python -u benchmarks/bench_dashboard.py [--events 50] [--expenses 2000]

The app runs in this process (FastAPI through httpx's ASGITransport): SQLite in a temporary
data directory, the in-process bus and cache. Every event is planned and estimated through
the API, gets its share of the expenses and one contract, and half of each plan's first
tasks are closed. Timed, sequentially, after a warm-up:

- `GET /api/v1/dashboard/events?limit=50` — the whole dashboard in one request;
- `GET /api/v1/dashboard/events/{id}` — one event, as the workspace asks for it;
- the page as it was: `GET /api/v1/events?limit=50`, then per card its tasks and its first
  100 expenses (1 + 2 × 50 requests, run one after another as a browser limited to a few
  connections would mostly do).

The statements one dashboard request runs are counted too, to show they do not grow with
the number of events. As `maestro serve` does after start-up, the heap is frozen out of the
garbage collector's view before timing.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gc
import os
import platform as host
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import event as sql_event

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from measure import pct

from eventmaestro.agents.vendors.service import load_demo_catalogue
from eventmaestro.app import create_app
from eventmaestro.kit.migrate import upgrade_async
from eventmaestro.kit.platform import Platform
from eventmaestro.settings import Settings

SECRET = "bench-secret-key-that-is-long-enough-0123456789"
DASHBOARD = "/api/v1/dashboard/events"
TODAY = dt.datetime.now(dt.UTC).date()
CATEGORIES = ("venue", "catering", "technical", "decoration", "printing", "logistics")


@asynccontextmanager
async def embedded(data_dir: Path) -> AsyncIterator[tuple[Platform, Any]]:
    settings = Settings(data_dir=data_dir, secret_key=SECRET, signup="open", log_level="WARNING")
    await asyncio.to_thread(data_dir.mkdir, parents=True, exist_ok=True)
    await upgrade_async(settings.resolved_database_url)
    platform = Platform.from_settings(settings)
    await platform.start()
    try:
        await load_demo_catalogue(platform.sessionmaker)  # vendors to draft contracts with
        app = create_app(platform=platform, services="gateway,planning,finance,vendors")
        async with app.router.lifespan_context(app):
            yield platform, app
    finally:
        await platform.close()


async def ok(response: Awaitable[httpx.Response]) -> Any:
    answer = await response
    if answer.status_code >= 400:
        raise SystemExit(f"{answer.request.method} {answer.request.url}: {answer.text}")
    return answer.json()


async def seed(http: httpx.AsyncClient, events: int, expenses: int) -> dict[str, str]:
    tokens = await ok(
        http.post(
            "/api/v1/auth/register",
            json={
                "organization": "Бенчмарк",
                "email": "bench@example.ru",
                "password": "long-enough-password",
                "name": "Bench",
            },
        )
    )
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    search = {"category": "venue", "limit": 1}
    venues = await ok(http.get("/api/v1/vendors/search", params=search, headers=headers))
    venue = venues["items"][0]["vendor"]["id"]
    ids = []
    for n in range(events):
        date = TODAY + dt.timedelta(days=60 + 3 * n)
        created = await ok(
            http.post(
                "/api/v1/events",
                json={
                    "name": f"Конференция №{n + 1}",
                    "event_type": "conference",
                    "date": date.isoformat(),
                    "city": "Moscow",
                    "guests_count": 100 + 10 * n,
                    "budget": {"amount": str(1_500_000 + 50_000 * n), "currency": "RUB"},
                },
                headers=headers,
            )
        )
        event_id = created["id"]
        ids.append(event_id)
        plan = await ok(
            http.post(
                f"/api/v1/planning/events/{event_id}/plan",
                json={"start_date": (TODAY - dt.timedelta(days=30)).isoformat()},
                headers=headers,
            )
        )
        for task in plan["tasks"][: n % 10]:
            await ok(
                http.put(
                    f"/api/v1/planning/tasks/{task['id']}",
                    json={"status": "done"},
                    headers=headers,
                )
            )
        await ok(http.post(f"/api/v1/finance/events/{event_id}/budget", json={}, headers=headers))
        await ok(
            http.post(
                "/api/v1/vendors/contracts",
                json={
                    "vendor_id": venue,
                    "event_id": event_id,
                    "event_date": date.isoformat(),
                    "guests": 100,
                    "scope": "Аренда зала",
                    "client_name": "ООО «Бенчмарк»",
                },
                headers=headers,
            )
        )
    for i in range(expenses):
        await ok(
            http.post(
                f"/api/v1/finance/events/{ids[i % events]}/expenses",
                json={
                    "category": CATEGORIES[i % len(CATEGORIES)],
                    "amount": {"amount": f"{1000 + (i * 37) % 9000}.{i % 100:02d}"},
                    "date": (TODAY - dt.timedelta(days=i % 30)).isoformat(),
                    "paid": i % 3 == 0,
                },
                headers=headers,
            )
        )
    return headers


async def time_it(action: Callable[[], Awaitable[object]], runs: int) -> list[float]:
    for _ in range(3):
        await action()
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        await action()
        samples.append((time.perf_counter() - began) * 1000)
    return samples


async def run(events: int, expenses: int, runs: int) -> None:
    print(
        f"machine: {os.cpu_count()} cores, Python {host.python_version()}, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    with tempfile.TemporaryDirectory(prefix="maestro-bench-dashboard-") as tmp:
        async with embedded(Path(tmp) / "data") as (platform, app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(
                transport=transport, base_url="http://bench", timeout=60
            ) as http:
                began = time.perf_counter()
                headers = await seed(http, events, expenses)
                print(
                    f"seeded {events} events with plans, budgets and contracts and "
                    f"{expenses} expenses in {time.perf_counter() - began:.0f} s"
                )
                # What `maestro serve` does once started (the app leaves it to the caller
                # when it is given a platform): without it, full collections of the heap the
                # seeding left behind pause a request now and then for 200 ms.
                gc.collect()
                gc.freeze()
                page = await ok(http.get(DASHBOARD, params={"limit": events}, headers=headers))
                tasks = sum(item["plan"]["tasks"] for item in page["items"])
                print(f"one page: {len(page['items'])} events, {tasks} tasks")
                one = page["items"][events // 2]["event"]["id"]

                statements: list[str] = []
                engine = platform.engine.sync_engine

                def record(*args: Any) -> None:
                    statements.append(args[2])

                sql_event.listen(engine, "before_cursor_execute", record)
                await ok(http.get(DASHBOARD, params={"limit": events}, headers=headers))
                sql_event.remove(engine, "before_cursor_execute", record)
                queries = sum("outbox" not in statement for statement in statements)

                async def dashboard() -> None:
                    await ok(http.get(DASHBOARD, params={"limit": events}, headers=headers))

                async def single() -> None:
                    await ok(http.get(f"{DASHBOARD}/{one}", headers=headers))

                async def per_card() -> None:
                    listed = await ok(
                        http.get("/api/v1/events", params={"limit": events}, headers=headers)
                    )
                    for item in listed["items"]:
                        await ok(
                            http.get(f"/api/v1/planning/events/{item['id']}/tasks", headers=headers)
                        )
                        await ok(
                            http.get(
                                f"/api/v1/finance/events/{item['id']}/expenses",
                                params={"limit": 100},
                                headers=headers,
                            )
                        )

                figures = [
                    (f"`GET {DASHBOARD}?limit={events}`", await time_it(dashboard, runs)),
                    (f"`GET {DASHBOARD}/{{id}}`", await time_it(single, runs)),
                    (
                        f"before: events list + {2 * events} per-card requests",
                        await time_it(per_card, max(runs // 10, 5)),
                    ),
                ]
    print(f"\nSQL statements in one dashboard request: {queries}\n")
    print("| request | runs | p50 ms | p95 ms | max ms |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for label, samples in figures:
        print(
            f"| {label} | {len(samples)} | {pct(samples, 50):.1f} | {pct(samples, 95):.1f} | "
            f"{max(samples):.1f} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=50)
    parser.add_argument("--expenses", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    asyncio.run(run(args.events, args.expenses, args.runs))


if __name__ == "__main__":
    main()
