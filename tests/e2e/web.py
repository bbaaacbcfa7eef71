"""The web app in headless Chromium: where screenshots go, how Chromium is started, and the
steps every browser test starts with (sign up, an event from a brief)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.clock import CLOCK_ENV

SCREENSHOTS = Path(__file__).parent / "screenshots"
CHROMIUM = os.environ.get("MAESTRO_CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags Chromium keeps calling out, and this machine's
# closed network refuses it (as a page's console error).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The first minute of a fresh server also loads the demo vendor catalogue into the same
# SQLite file, so a write may wait its turn.
expect.set_options(timeout=30_000)
EMAIL = "anna@example.ru"
PASSWORD = "long-enough-password"
BRIEF = "Конференция на 300 человек в Москве 15 апреля, бюджет 3 млн"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def running_maestro(
    workdir: Path, *, env: dict[str, str] | None = None, wait: float = 30
) -> Iterator[str]:
    """`maestro serve` as a real process on a bare data directory in `workdir` (what
    `make run` starts), with only `env` of the MAESTRO_ settings and its clock started at the
    suite's TEST_NOW; yields its base URL."""
    port = free_port()
    settings = {k: v for k, v in os.environ.items() if not k.startswith("MAESTRO_")}
    settings |= {"MAESTRO_DATA_DIR": str(workdir / "data"), **CLOCK_ENV, **(env or {})}
    maestro = Path(sys.executable).with_name("maestro")
    log = workdir / "serve.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [str(maestro), "serve", "--port", str(port)],
            env=settings,
            cwd=workdir,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"maestro serve exited early:\n{log.read_text()}")
            try:
                if httpx.get(f"{base}/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            raise RuntimeError(f"maestro serve did not answer within {wait:.0f} s")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=15)


def api_token(server: str) -> str:
    """An access token for the organiser `sign_up` made, to ask the API directly."""
    answer = httpx.post(
        f"{server}/api/v1/auth/token", data={"username": EMAIL, "password": PASSWORD}
    )
    assert answer.status_code == 200, answer.text
    token: str = answer.json()["access_token"]
    return token


def api_get(server: str, path: str) -> Any:
    """What the API answers that organiser for `path`."""
    answer = httpx.get(f"{server}{path}", headers={"Authorization": f"Bearer {api_token(server)}"})
    assert answer.status_code == 200, answer.text
    return answer.json()


def shot(page: Page, name: str) -> None:
    # Sticky panels stay where the last click scrolled them; from the top they sit in place.
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)


def sign_up(page: Page) -> None:
    page.goto("/")
    expect(page.get_by_role("heading", name="Вход")).to_be_visible()
    shot(page, "01-sign-in")
    page.get_by_role("link", name="Нет аккаунта? Зарегистрироваться").click()
    page.get_by_label("Название агентства").fill("Агентство «Маэстро»")
    page.get_by_label("Ваше имя").fill("Анна Организатор")
    page.get_by_label("Электронная почта").fill(EMAIL)
    page.get_by_label("Пароль").fill("short")
    page.get_by_role("button", name="Зарегистрироваться").click()
    # The message stands next to the field it is about, before anything is sent.
    expect(page.get_by_label("Пароль")).to_have_attribute("aria-invalid", "true")
    shot(page, "02-sign-up-invalid")
    page.get_by_label("Пароль").fill(PASSWORD)
    page.get_by_role("button", name="Зарегистрироваться").click()
    expect(page.get_by_role("heading", name="Мероприятия")).to_be_visible()
    expect(page.get_by_text("Мероприятий пока нет")).to_be_visible()
    shot(page, "03-dashboard-empty")


def create_event_by_brief(page: Page) -> None:
    page.get_by_role("link", name="Новое по брифу").click()
    page.get_by_label("Опишите мероприятие своими словами").fill(BRIEF)
    page.get_by_role("button", name="Отправить").click()
    # Live progress per agent, then the answer: plan, estimate and vendors.
    expect(page.get_by_test_id("progress").get_by_text(re.compile("готово")).first).to_be_visible()
    expect(page.get_by_test_id("turn-maestro")).to_contain_text("Конференция · 300 гостей")
    expect(page.get_by_role("region", name="План")).to_be_visible()
    expect(page.get_by_role("region", name="Смета")).to_contain_text("₽")
    expect(page.get_by_test_id("vendor-pick").first).to_be_visible()
    shot(page, "04-brief-answer")
    page.get_by_label("Название мероприятия").fill("Конференция «Цифровая Москва»")
    page.get_by_role("button", name="Сохранить как мероприятие").click()


AXE = Path(__file__).resolve().parents[2] / "web" / "node_modules" / "axe-core" / "axe.min.js"


def audit(page: Page, screen: str) -> None:
    """axe-core over the whole page as it stands; any violation fails with what and where."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: `make ui` installs the web app's packages")
    if not page.evaluate("() => 'axe' in window"):
        page.add_script_tag(path=str(AXE))
        # Colours are judged as they end, not halfway through a chip's or a dialog's fade.
        page.add_style_tag(
            content="*, *::before, *::after { transition: none !important; "
            "animation: none !important; }"
        )
    violations: list[dict[str, Any]] = page.evaluate(
        """async () => {
            const result = await axe.run(document, { resultTypes: ["violations"] });
            return result.violations.map((v) => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                nodes: v.nodes.slice(0, 4)
                    .map((n) => n.html.slice(0, 160) + " — " + n.failureSummary),
            }));
        }"""
    )
    report = "\n".join(
        f"[{v['impact']}] {v['id']}: {v['help']}\n    " + "\n    ".join(v["nodes"])
        for v in violations
    )
    assert violations == [], f"axe on {screen}:\n{report}"


def fits(page: Page, screen: str) -> None:
    """Nothing makes the page wider than the window (wide tables scroll inside their box)."""
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{screen} is {overflow} px wider than the window"
