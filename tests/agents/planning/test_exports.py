"""Exports through the API: iCalendar round-trip, CSV, XLSX, and the Gantt chart."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import httpx
from icalendar import Calendar
from openpyxl import load_workbook

from tests.agents.planning.test_endpoints import PLANNING, _planned
from tests.api.helpers import bearer


async def _export(
    client: httpx.AsyncClient, fmt: str, **event: Any
) -> tuple[httpx.Response, list[dict[str, Any]]]:
    token, created, _ = await _planned(client, **event)
    tasks = (
        await client.get(f"{PLANNING}/events/{created['id']}/tasks", headers=bearer(token))
    ).json()
    done = tasks[0]
    await client.put(
        f"{PLANNING}/tasks/{done['id']}", json={"status": "done"}, headers=bearer(token)
    )
    response = await client.get(
        f"{PLANNING}/events/{created['id']}/export", params={"format": fmt}, headers=bearer(token)
    )
    assert response.status_code == 200, response.text
    return response, tasks


async def test_ics_round_trips_every_task(client: httpx.AsyncClient) -> None:
    response, tasks = await _export(client, "ics")
    assert response.headers["content-type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == len(tasks) + 1  # and the event itself
    for task in tasks:
        entry = events[f"{task['id']}@maestro"]
        assert str(entry["summary"]).endswith(task["title"])
        assert entry.decoded("dtstart") == dt.date.fromisoformat(task["start_date"])
        assert entry.decoded("dtend") == dt.date.fromisoformat(task["due_date"]) + dt.timedelta(
            days=1
        )
    assert any(str(e["summary"]).startswith("◆") for e in events.values())


async def test_csv_and_xlsx_list_every_task(client: httpx.AsyncClient) -> None:
    response, tasks = await _export(client, "csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["id"] for row in rows] == [task["id"] for task in tasks]
    assert rows[0]["title"] == tasks[0]["title"]
    assert rows[0]["status"] == "done"
    response, tasks = await _export(client, "xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][0] == "title"
    assert len(values) == len(tasks) + 1
    assert values[1][2] == dt.datetime.fromisoformat(tasks[0]["start_date"])


async def test_gantt_png_and_svg_are_drawn(client: httpx.AsyncClient) -> None:
    response, _ = await _export(client, "png")
    assert response.headers["content-type"] == "image/png"
    assert response.content.startswith(b"\x89PNG")
    assert len(response.content) > 20_000
    svg, _ = await _export(client, "svg")
    assert b"<svg" in svg.content[:500]
