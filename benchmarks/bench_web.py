"""The web app's first load in Chromium: how much JavaScript each screen needs and how long it
takes until the screen is usable, on loopback and on a slow mobile connection.

    .venv/bin/python -u benchmarks/bench_web.py [--runs 15]

Starts `maestro serve` on a fresh embedded data directory, registers an agency and creates a
300-guest conference with its plan (≈ 80 tasks) and estimate through the API, then for each
screen opens a new browser context (empty cache, as a first visit) in Debian's Chromium and
measures, from navigation start:
- the screen's JavaScript (transfer size of every script the page loaded), and
- the time until its key element is visible: the sign-in heading; the dashboard's event card;
  the workspace's Gantt chart with its tasks; the Budget tab's plan-vs-actual table.
Two network profiles: loopback, and Chrome DevTools' "Slow 4G" (150 ms RTT, 1.6 Mbit/s down,
750 kbit/s up) set over the DevTools protocol, which is where bundle size shows. Reported as
p50/p95 over `--runs` cold loads per screen.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
from pathlib import Path
from typing import Any

import httpx
from playwright.sync_api import Browser, Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from measure import pct
from tests.e2e.web import CHROMIUM, CHROMIUM_ARGS, running_maestro

PASSWORD = "long-enough-password"
EMAIL = "bench@example.ru"
SLOW_4G = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1.6 * 1024 * 1024 / 8,
    "uploadThroughput": 750 * 1024 / 8,
}


def prepare(base: str) -> str:
    """An agency with one conference that has its plan and its estimate; returns its id."""
    with httpx.Client(base_url=base, timeout=60) as client:
        tokens = client.post(
            "/api/v1/auth/register",
            json={"organization": "Бенчмарк", "email": EMAIL, "password": PASSWORD, "name": "Б"},
        )
        tokens.raise_for_status()
        auth = {"Authorization": f"Bearer {tokens.json()['access_token']}"}
        event = client.post(
            "/api/v1/events",
            headers=auth,
            json={
                "name": "Конференция «Цифровая Москва»",
                "event_type": "conference",
                "date": "2027-04-15",
                "city": "Москва",
                "guests_count": 300,
                "budget": {"amount": "3000000", "currency": "RUB"},
            },
        )
        event.raise_for_status()
        event_id: str = event.json()["id"]
        plan = client.post(
            f"/api/v1/planning/events/{event_id}/plan", headers=auth, json={"locale": "ru"}
        )
        plan.raise_for_status()
        budget = client.post(f"/api/v1/finance/events/{event_id}/budget", headers=auth, json={})
        budget.raise_for_status()
        return event_id


def refresh_token(base: str) -> str:
    answer = httpx.post(
        f"{base}/api/v1/auth/token", data={"username": EMAIL, "password": PASSWORD}, timeout=30
    )
    answer.raise_for_status()
    token: str = answer.json()["refresh_token"]
    return token


def cold_load(
    browser: Browser,
    base: str,
    path: str,
    ready: str,
    *,
    signed_in: bool,
    network: dict[str, Any] | None,
    compressed: bool,
) -> tuple[float, int]:
    """One first visit: (milliseconds until `ready` is visible, bytes of JavaScript)."""
    context = browser.new_context(
        base_url=base,
        viewport={"width": 1280, "height": 900},
        # "identity" asks for the files as built, to compare with the precompressed copies.
        extra_http_headers={} if compressed else {"Accept-Encoding": "identity"},
    )
    if signed_in:
        # What a returning organiser has: the refresh token the app keeps in localStorage.
        context.add_init_script(f"localStorage.setItem('maestro.refresh', {refresh_token(base)!r})")
    page: Page = context.new_page()
    if network is not None:
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        session.send("Network.emulateNetworkConditions", network)
    page.goto(path, wait_until="commit")
    page.locator(ready).first.wait_for(state="visible", timeout=120_000)
    elapsed = page.evaluate("() => performance.now()")
    scripts = page.evaluate(
        """() => performance.getEntriesByType("resource")
            .filter((e) => e.initiatorType === "script" || e.name.endsWith(".js"))
            .reduce((sum, e) => sum + (e.transferSize || e.encodedBodySize), 0)"""
    )
    context.close()
    return float(elapsed), int(scripts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        # Every cold load signs in afresh; the sign-in rate limit is not what is measured.
        limits = {"MAESTRO_LOGIN_ATTEMPTS_PER_WINDOW": "100000"}
        with running_maestro(Path(tmp), env=limits, wait=60) as base:
            event_id = prepare(base)
            screens = [
                ("sign-in", "/signin", "h1", False),
                ("dashboard", "/", "article", True),
                ("workspace: plan", f"/events/{event_id}/plan", "[data-testid=gantt-task]", True),
                (
                    "workspace: budget",
                    f"/events/{event_id}/budget",
                    "[data-testid=actual-total]",
                    True,
                ),
            ]
            print(
                f"# {platform.machine()}, {os.cpu_count()} cores, Python "
                f"{platform.python_version()}, Chromium at {CHROMIUM}, {args.runs} cold loads"
            )
            print("| network | assets | screen | JS transferred | ready p50 | ready p95 |")
            print("|---|---|---|---:|---:|---:|")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                profiles = [
                    (network_name, network, compressed)
                    for network_name, network in [("loopback", None), ("Slow 4G", SLOW_4G)]
                    for compressed in (True, False)
                ]
                for network_name, network, compressed in profiles:
                    for name, path, ready, signed_in in screens:
                        times: list[float] = []
                        sizes: list[int] = []
                        for run in range(args.runs + 1):
                            took, size = cold_load(
                                browser,
                                base,
                                path,
                                ready,
                                signed_in=signed_in,
                                network=network,
                                compressed=compressed,
                            )
                            if run > 0:  # the first load warms the server, not the browser
                                times.append(took)
                                sizes.append(size)
                        print(
                            f"| {network_name} | {'br' if compressed else 'as built'} | {name} "
                            f"| {max(sizes) / 1024:,.0f} KiB "
                            f"| {pct(times, 50):,.0f} ms | {pct(times, 95):,.0f} ms |",
                            flush=True,
                        )
                browser.close()


if __name__ == "__main__":
    main()
