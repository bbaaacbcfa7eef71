"""Planning engine speed: generating a plan from a template, and rescheduling a 1,000-task
graph after one change (the push of dependants plus the critical-path analysis a read does).

    .venv/bin/python benchmarks/bench_planning.py

Prints p50/p95 in milliseconds per case and the ratio to its aim.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import replace

from eventmaestro.agents.planning.calendar import calendar_for
from eventmaestro.agents.planning.scheduling import (
    Mode,
    TaskSpec,
    push_dependants,
    schedule,
    topological_order,
)
from eventmaestro.agents.planning.templates import expand, library

CALENDAR = calendar_for("RU")
START = dt.date(2027, 1, 11)
EVENT = dt.date(2027, 6, 1)


def percentiles(run: Callable[[], object], repeats: int) -> tuple[float, float]:
    run()  # warm caches (calendar years, template files)
    samples = []
    for _ in range(repeats):
        began = time.perf_counter()
        run()
        samples.append((time.perf_counter() - began) * 1000)
    cuts = statistics.quantiles(samples, n=100)
    return statistics.median(samples), cuts[94]


def random_dag(size: int, seed: int) -> dict[str, TaskSpec]:
    rng = random.Random(seed)
    specs: dict[str, TaskSpec] = {}
    for i in range(size):
        window = range(max(0, i - 40), i)
        deps = rng.sample(list(window), k=min(len(window), rng.randint(1, 3))) if i else []
        specs[f"t{i}"] = TaskSpec(
            f"t{i}", rng.randint(0, 5), tuple(f"t{d}" for d in sorted(deps)), min_duration=None
        )
    return specs


def template_plan(template_id: str, guests: int, fmt: str, event: dt.date) -> Callable[[], object]:
    template = library().templates[template_id]

    def run() -> object:
        items = expand(template, guests=guests, event_format=fmt)  # type: ignore[arg-type]
        return schedule([i.spec for i in items], start=START, event_date=event, calendar=CALENDAR)

    return run


def synthetic_plan(size: int) -> Callable[[], object]:
    specs = random_dag(size, seed=7)
    return lambda: schedule(specs, start=START, event_date=dt.date(2030, 1, 1), calendar=CALENDAR)


def reschedule(size: int) -> Callable[[], object]:
    specs = random_dag(size, seed=11)
    order = topological_order(specs)
    first = schedule(specs, start=START, event_date=dt.date(2035, 1, 1), calendar=CALENDAR)
    starts = {k: CALENDAR.index(t.start) for k, t in first.tasks.items()}
    changed = dict(specs)
    changed["t5"] = replace(specs["t5"], duration=specs["t5"].duration + 10)

    def run() -> object:
        push_dependants(changed, starts, ["t5"], order=order)
        return schedule(
            changed,
            start=START,
            event_date=dt.date(2035, 1, 1),
            calendar=CALENDAR,
            mode=Mode.FORWARD,
        )

    return run


def main() -> None:
    conference = library().templates["conference"]
    biggest = len(expand(conference, guests=1500, event_format="hybrid"))
    tight = CALENDAR.date(CALENDAR.index(START) + 10)
    cases = [
        (
            f"plan: conference template, {biggest} tasks, feasible",
            template_plan("conference", 1500, "hybrid", EVENT),
            20.0,
            300,
        ),
        (
            f"plan: conference template, {biggest} tasks, infeasible (with compressions)",
            template_plan("conference", 1500, "hybrid", tight),
            20.0,
            300,
        ),
        ("plan: synthetic 70-task graph", synthetic_plan(70), 20.0, 300),
        ("reschedule: 1,000-task graph after one change", reschedule(1000), 50.0, 100),
    ]
    print(f"{'case':<72} {'p50 ms':>8} {'p95 ms':>8} {'aim ms':>7} {'p95/aim':>8}")
    for name, run, aim, repeats in cases:
        p50, p95 = percentiles(run, repeats)
        print(f"{name:<72} {p50:8.2f} {p95:8.2f} {aim:7.0f} {p95 / aim:8.2f}")


if __name__ == "__main__":
    main()
