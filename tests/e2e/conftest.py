"""Browser tests: a real `maestro serve` per test, a Chromium page failing on console errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright

from eventmaestro.webui import DIST
from tests.clock import TEST_NOW
from tests.e2e.web import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS, running_maestro


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    try:
        with running_maestro(tmp_path) as base:
            yield base
    except RuntimeError as error:
        pytest.fail(str(error))


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package")
    if not (DIST / "index.html").is_file():
        pytest.fail("The web app is not built: run `make ui` (`make test` does)")
    # Playwright gives each launch a fresh, empty profile of its own.
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    SCREENSHOTS.mkdir(exist_ok=True)
    context = browser.new_context(
        base_url=server,
        viewport={"width": 1280, "height": 900},
        locale="ru-RU",
        accept_downloads=True,
    )
    # The page's "today" (the Gantt's line, date pickers) is the server's: the suite's TEST_NOW.
    context.clock.install(time=TEST_NOW)
    page = context.new_page()
    problems: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            problems.append(f"console: {message.text} at {message.location}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.set_default_timeout(20_000)
    yield page
    context.close()
    assert problems == [], "\n".join(problems)
