"""`POST /api/v1/orchestration/process` for a full brief in embedded mode, offline engine.

    .venv/bin/python -u benchmarks/bench_process.py [--requests 200] [--slow-requests 20]

The app runs in this process (FastAPI through httpx's ASGITransport, lifespan included):
SQLite in a temporary data directory, the in-process bus and cache, the agents served on
that bus by the app's own runtime, the demo vendor catalogue an embedded installation
loads (5,000 vendors). The HTTP stack, authentication, understanding, the flow over the bus,
every agent and aggregation are timed; the network is not.

1. p50/p95/p99 of the whole request and of each skill (from the answer's `timings`), plus
   Maestro's own share (understanding, conversation, aggregation). Aim: p95 < 300 ms.
2. Every skill call made 500 ms slower (an invoker around `runtime.invoke`): the request
   should then take about depth × 500 ms more — the brief's flow is planning ∥ finance →
   vendors, depth 2 with 3 skills — not 3 × 500 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform as host
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from measure import pct

from eventmaestro.agents.base import AgentResult, AgentTask
from eventmaestro.agents.maestro.endpoints import get_maestro
from eventmaestro.agents.maestro.flows import flow_for
from eventmaestro.agents.maestro.service import MaestroService
from eventmaestro.agents.runtime import invoke
from eventmaestro.agents.vendors.service import load_demo_catalogue
from eventmaestro.app import create_app
from eventmaestro.kit.migrate import upgrade_async
from eventmaestro.kit.platform import Platform
from eventmaestro.nlp.intents import Intent
from eventmaestro.settings import Settings

URL = "/api/v1/orchestration/process"
BRIEF = "Корпоратив на 150 человек в Казани 20 декабря, бюджет 2 млн"
NOW = "2026-09-01T09:00:00+03:00"
SECRET = "bench-secret-key-that-is-long-enough-0123456789"
LATENCY = 0.5
WARM_UP = 5


@asynccontextmanager
async def embedded(data_dir: Path) -> AsyncIterator[tuple[Platform, Any]]:
    settings = Settings(data_dir=data_dir, secret_key=SECRET, signup="open", log_level="WARNING")
    await asyncio.to_thread(data_dir.mkdir, parents=True, exist_ok=True)
    await upgrade_async(settings.resolved_database_url)
    platform = Platform.from_settings(settings)
    await platform.start()
    try:
        added = await load_demo_catalogue(platform.sessionmaker)
        print(f"demo catalogue: {added} vendors")
        app = create_app(platform=platform)
        async with app.router.lifespan_context(app):  # serves the agents on the bus
            yield platform, app
    finally:
        await platform.close()


async def sign_up(http: httpx.AsyncClient) -> dict[str, str]:
    response = await http.post(
        "/api/v1/auth/register",
        json={
            "organization": "Бенчмарк",
            "email": "bench@example.ru",
            "password": "long-enough-password",
            "name": "Bench",
        },
    )
    response.raise_for_status()
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


class Samples:
    def __init__(self) -> None:
        self.total: list[float] = []  # client side, whole request
        self.skills: dict[str, list[float]] = defaultdict(list)
        self.flow: list[float] = []  # first skill sent → last skill answered
        self.service: list[float] = []  # MaestroService.process outside the flow
        self.http: list[float] = []  # HTTP, authentication, (de)serialisation


async def measure(
    http: httpx.AsyncClient, headers: dict[str, str], requests: int
) -> tuple[Samples, dict[str, Any]]:
    samples = Samples()
    body: dict[str, Any] = {}
    for _ in range(requests):
        began = time.perf_counter()
        response = await http.post(URL, json={"message": BRIEF, "now": NOW}, headers=headers)
        elapsed = (time.perf_counter() - began) * 1000
        response.raise_for_status()
        body = response.json()
        states = {t["state"] for t in body["timings"]}
        if states != {"done"}:
            raise SystemExit(f"a step did not finish: {body['timings']} {body['warnings']}")
        flow_ms = 0.0
        for timing in body["timings"]:
            samples.skills[timing["skill"]].append(timing["duration_ms"])
            flow_ms = max(flow_ms, timing["started_ms"] + timing["duration_ms"])
        samples.total.append(elapsed)
        samples.flow.append(flow_ms)
        samples.service.append(body["execution_time_ms"] - flow_ms)
        samples.http.append(elapsed - body["execution_time_ms"])
    return samples, body


def row(label: str, samples: list[float]) -> str:
    return (
        f"| {label} | {pct(samples, 50):.1f} | {pct(samples, 95):.1f} | "
        f"{pct(samples, 99):.1f} | {max(samples):.1f} |"
    )


def slower(platform: Platform) -> Callable[[AgentTask], Any]:
    async def call(task: AgentTask) -> AgentResult:
        await asyncio.sleep(LATENCY)
        return await invoke(platform.bus, task)

    return call


async def run(requests: int, slow_requests: int) -> None:
    flow = flow_for(Intent.CREATE_EVENT_PLAN)
    assert flow is not None
    depth, width = flow.depth(), len(flow.steps)
    print(
        f"machine: {os.cpu_count()} cores, Python {host.python_version()}, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    with tempfile.TemporaryDirectory(prefix="maestro-bench-process-") as tmp:
        async with embedded(Path(tmp) / "data") as (platform, app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(
                transport=transport, base_url="http://bench", timeout=60
            ) as http:
                headers = await sign_up(http)
                started = time.perf_counter()
                await measure(http, headers, 1)
                print(
                    f"first request (loads or trains the intent model): "
                    f"{time.perf_counter() - started:.1f} s"
                )
                await measure(http, headers, WARM_UP)

                fast, body = await measure(http, headers, requests)
                total = fast.total
                vendors = body["results"]["vendors"]["output"]
                outcome = "a feasible selection" if vendors["feasible"] else "no feasible set"
                print(
                    f"\n## /process, {requests} sequential requests, offline engine\n"
                    f"vendors: {outcome}, {len(vendors['picks'])} picks\n"
                )
                print("| part | p50 ms | p95 ms | p99 ms | max ms |")
                print("| --- | ---: | ---: | ---: | ---: |")
                print(row("**whole request (client side)**", total))
                print(row("the flow: first skill sent → last skill answered", fast.flow))
                for skill, samples in fast.skills.items():
                    print(row(f"· {skill}", samples))
                print(row("understanding, conversation, aggregation", fast.service))
                print(row("HTTP, authentication, JSON", fast.http))
                verdict = "met" if pct(total, 95) < 300 else "MISSED"
                over = sum(t >= 300 for t in total)
                print(
                    f"\naim p95 < 300 ms: {verdict} ({pct(total, 95):.1f} ms); "
                    f"{over} of {requests} requests took 300 ms or more"
                )

                app.dependency_overrides[get_maestro] = lambda: MaestroService(
                    platform, invoker=slower(platform)
                )
                slowed, _ = await measure(http, headers, slow_requests)
                slow = slowed.total
                app.dependency_overrides.clear()

    base, added = statistics.median(total), statistics.median(slow) - statistics.median(total)
    print(
        f"\n## every skill call {LATENCY * 1000:.0f} ms slower, {slow_requests} requests\n"
        f"flow create_event_plan: {width} skills, depth {depth}\n"
        f"median without the latency: {base:.1f} ms\n"
        f"median with it:             {statistics.median(slow):.1f} ms "
        f"(p95 {pct(slow, 95):.1f} ms)\n"
        f"added:                      {added:.1f} ms\n"
        f"depth × {LATENCY * 1000:.0f} ms = {depth * LATENCY * 1000:.0f} ms; "
        f"skills × {LATENCY * 1000:.0f} ms = {width * LATENCY * 1000:.0f} ms\n"
        f"added / {LATENCY * 1000:.0f} ms = {added / (LATENCY * 1000):.2f} "
        f"(≈ depth {depth}, not {width})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--slow-requests", type=int, default=20)
    args = parser.parse_args()
    asyncio.run(run(args.requests, args.slow_requests))


if __name__ == "__main__":
    main()
