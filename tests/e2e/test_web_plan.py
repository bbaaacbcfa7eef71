"""The Plan tab in headless Chromium: a due date dragged on the Gantt chart and moved with the
keys, a task's status and assignee set in the list, and the chart saved as a PNG picture.
What the page shows is checked against what the API then answers.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image
from playwright.sync_api import Locator, Page, Response, expect

from eventmaestro.agents.planning.calendar import calendar_for
from tests.e2e.web import SCREENSHOTS, api_token, audit, create_event_by_brief, shot, sign_up

Task = dict[str, Any]


class Api:
    """The API, as the organiser signed up in the browser."""

    def __init__(self, server: str, page_url: str) -> None:
        event_id = re.search(r"/events/([0-9a-f-]+)", page_url)
        assert event_id is not None, page_url
        self.event_id = event_id.group(1)
        self.server = server
        self.headers = {"Authorization": f"Bearer {api_token(server)}"}

    def get(self, path: str) -> Any:
        answer = httpx.get(f"{self.server}/api/v1/planning{path}", headers=self.headers)
        assert answer.status_code == 200, answer.text
        return answer.json()

    def tasks(self) -> dict[str, Task]:
        return {task["id"]: task for task in self.get(f"/events/{self.event_id}/tasks")}

    def progress(self) -> float:
        progress: float = self.get(f"/events/{self.event_id}/timeline")["progress"]
        return progress


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def _dependants(tasks: dict[str, Task], task_id: str) -> list[Task]:
    return [task for task in tasks.values() if task_id in task["depends_on"]]


def _movable(tasks: dict[str, Task], days: int, *, avoid: set[str]) -> Task:
    """A bar on the critical path whose dependants must move when it ends `days` later, and
    whose new due date is a working day, so that the server keeps it exactly."""
    calendar = calendar_for("RU")
    for task in sorted(tasks.values(), key=lambda t: t["due_date"]):
        if task["milestone"] or not task["critical"] or task["id"] in avoid:
            continue
        if not _dependants(tasks, task["id"]):
            continue
        if calendar.is_working_day(_day(task["due_date"]) + dt.timedelta(days=days)):
            return task
    pytest.fail(f"no critical task can end {days} days later on a working day")


def _assert_moved(before: dict[str, Task], after: dict[str, Task], task: Task, days: int) -> None:
    moved = after[task["id"]]
    assert _day(moved["due_date"]) - _day(task["due_date"]) == dt.timedelta(days=days)
    assert moved["start_date"] == task["start_date"]
    pushed = [
        dependant
        for dependant in _dependants(before, task["id"])
        if after[dependant["id"]]["start_date"] > dependant["start_date"]
    ]
    assert pushed, "no dependant moved"
    for dependant in pushed:
        assert after[dependant["id"]]["start_date"] > moved["due_date"]


def _bar(page: Page, task_id: str) -> Locator:
    return page.locator(f"[data-testid=gantt-task][data-task-id='{task_id}']")


def _row(page: Page, task_id: str) -> Locator:
    return page.locator(f"[data-testid=task-row][data-task-id='{task_id}']")


def _task_saved(response: Response) -> bool:
    saved = response.request.method == "PUT" and "/api/v1/planning/tasks/" in response.url
    return saved and response.ok


def test_plan_tab_editing_in_the_browser(page: Page, server: str) -> None:
    sign_up(page)
    create_event_by_brief(page)
    expect(page.get_by_role("heading", name="Конференция «Цифровая Москва»")).to_be_visible()
    gantt = page.get_by_test_id("gantt")
    expect(gantt).to_be_visible()
    api = Api(server, page.url)
    progress_text = page.get_by_text(re.compile(r"^Выполнено: \d+%$"))
    expect(progress_text).to_have_text(f"Выполнено: {round(api.progress())}%")
    shot(page, "30-plan")

    # (a) Drag a bar's end three days later: a ghost shows the date, release saves it.
    before = api.tasks()
    dragged = _movable(before, 3, avoid=set())
    target = (_day(dragged["due_date"]) + dt.timedelta(days=3)).isoformat()
    day_width = float(gantt.get_attribute("data-day-width") or "0")
    assert day_width > 0
    handle = _bar(page, dragged["id"]).get_by_test_id("gantt-handle")
    handle.scroll_into_view_if_needed()
    box = handle.bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    for step in range(1, 7):
        page.mouse.move(x + 3 * day_width * step / 6, y)
    ghost = page.get_by_test_id("gantt-ghost")
    expect(ghost).to_have_attribute("data-date", target)
    expect(ghost).to_contain_text("(+3 дн.)")
    page.screenshot(path=SCREENSHOTS / "31-plan-drag-preview.png")
    page.mouse.up()
    expect(page.get_by_text(re.compile(r"Сдвинуто зависимых задач: [1-9]"))).to_be_visible()
    expect(ghost).to_have_count(0)
    expect(_row(page, dragged["id"]).locator("input[type=date]")).to_have_value(target)
    after = api.tasks()
    _assert_moved(before, after, dragged, 3)
    # The dependants moved in the table too, and are highlighted for a moment.
    for dependant in _dependants(before, dragged["id"]):
        new_due = after[dependant["id"]]["due_date"]
        expect(_row(page, dependant["id"]).locator("input[type=date]")).to_have_value(new_due)
    expect(page.locator("[data-testid=task-row][data-moved=true]").first).to_be_visible()
    expect(page.locator("[data-testid=gantt-task][data-moved=true]").first).to_be_attached()
    shot(page, "32-plan-dragged")

    # (b) The same with the keys: focus a bar, two days later, Enter.
    before = after
    keyed = _movable(before, 2, avoid={dragged["id"]})
    target = (_day(keyed["due_date"]) + dt.timedelta(days=2)).isoformat()
    bar = page.get_by_role("slider", name=re.compile(re.escape(f"«{keyed['title']}»")))
    bar.focus()
    bar.press("ArrowRight")
    bar.press("ArrowRight")
    expect(ghost).to_have_attribute("data-date", target)
    expect(bar).to_have_attribute("aria-valuetext", re.compile(r"\d{4} г\.$"))
    page.screenshot(path=SCREENSHOTS / "33-plan-keyboard-preview.png")
    bar.press("Enter")
    expect(ghost).to_have_count(0)
    expect(_row(page, keyed["id"]).locator("input[type=date]")).to_have_value(target)
    _assert_moved(before, api.tasks(), keyed, 2)
    # Escape gives up a pending date: nothing is sent.
    bar.press("ArrowRight")
    expect(ghost).to_be_attached()
    bar.press("Escape")
    expect(ghost).to_have_count(0)
    assert api.tasks()[keyed["id"]]["due_date"] == target
    shot(page, "34-plan-keyboard-saved")

    # (c) Status and assignee in the list; both survive a reload, and progress goes up.
    progress_before = api.progress()
    tasks = api.tasks()
    biggest = max(
        (t for t in tasks.values() if t["status"] != "done"),
        key=lambda t: (t["duration"], t["title"]),
    )
    title = biggest["title"]
    with page.expect_response(_task_saved):
        page.get_by_label(f"Статус задачи «{title}»").select_option(label="Готово")
    assignee = page.get_by_label(f"Ответственный за задачу «{title}»")
    assignee.fill("Ольга Петрова")
    with page.expect_response(_task_saved):
        assignee.press("Enter")
    assert api.tasks()[biggest["id"]]["assignee"] == "Ольга Петрова"
    progress_after = api.progress()
    assert progress_after > progress_before
    expect(progress_text).to_have_text(f"Выполнено: {round(progress_after)}%")
    assert round(progress_after) > round(progress_before)
    assert api.tasks()[biggest["id"]]["status"] == "done"
    shot(page, "35-plan-status-assignee")
    audit(page, "35-plan-status-assignee")
    page.reload()
    expect(page.get_by_label(f"Статус задачи «{title}»")).to_have_value("done")
    expect(page.get_by_label(f"Ответственный за задачу «{title}»")).to_have_value("Ольга Петрова")
    expect(progress_text).to_have_text(f"Выполнено: {round(progress_after)}%")
    shot(page, "36-plan-reloaded")

    # (d) The chart as a PNG: twice the size on screen, white behind, the critical path in red.
    svg_width = float(page.get_by_test_id("gantt").get_attribute("width") or "0")
    with page.expect_download() as download:
        page.get_by_role("button", name="Диаграмма (.png)").click()
    assert download.value.suggested_filename.endswith(".png")
    data = Path(download.value.path()).read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    (SCREENSHOTS / "37-gantt-export.png").write_bytes(data)
    image = Image.open(io.BytesIO(data)).convert("RGB")
    assert image.width > 600
    assert image.width == round(2 * svg_width)
    assert image.getpixel((0, image.height - 1)) == (255, 255, 255)
    colours = image.getcolors(maxcolors=1_000_000) or []
    red = sum(count for count, (r, g, b) in colours if r > 180 and g < 80 and b < 80)
    assert red > 500, "the critical path is missing from the picture"
