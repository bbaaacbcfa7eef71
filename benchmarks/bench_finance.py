"""Finance calculations: how long an estimate, a fit to a target and a price optimum take.

Run: .venv/bin/python benchmarks/bench_finance.py
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from decimal import Decimal

from eventmaestro.agents.finance.budgeting import Terms, fit, scenarios
from eventmaestro.agents.finance.estimate import VatPolicy
from eventmaestro.agents.finance.pricing import Costs, ElasticDemand, LinearDemand, optimise
from eventmaestro.agents.finance.reference import CityTier, Drivers, load_reference

REFERENCE = load_reference()
TERMS = Terms(VatPolicy())
DRIVERS = Drivers(150, 8, 1, CityTier.MOSCOW, "conference")


def measure(name: str, action: Callable[[], object], runs: int = 300) -> None:
    action()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    p50 = statistics.median(samples)
    p95 = samples[int(len(samples) * 0.95) - 1]
    print(f"{name:<44} p50 {p50:7.3f} ms   p95 {p95:7.3f} ms   ({runs} runs)")


def main() -> None:
    measure(
        "three scenarios (conference, 150 guests)", lambda: scenarios(REFERENCE, DRIVERS, TERMS)
    )
    measure(
        "fit to a target (level bisection)",
        lambda: fit(REFERENCE, DRIVERS, TERMS, Decimal(2_000_000)),
    )
    measure(
        "fit, infeasible target (drops every option)",
        lambda: fit(REFERENCE, DRIVERS, TERMS, Decimal(100_000)),
    )
    linear = LinearDemand(Decimal(400), Decimal("0.03"))
    elastic = ElasticDemand.anchored(Decimal(7000), Decimal(140), Decimal("1.8"))
    costs = Costs(Decimal(500_000), Decimal(1500), 500)
    measure("price optimum, linear demand + sensitivity", lambda: optimise(linear, costs))
    measure("price optimum, elastic demand + sensitivity", lambda: optimise(elastic, costs))


if __name__ == "__main__":
    main()
