"""Task lists as files people open elsewhere: iCalendar for calendar apps, CSV and XLSX for
spreadsheets. Pure: plan rows in, bytes out."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

from icalendar import Calendar, Event
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from eventmaestro.agents.planning.schemas import TaskOut

COLUMNS = (
    "title",
    "phase",
    "start_date",
    "due_date",
    "duration",
    "status",
    "critical",
    "slack",
    "owner_role",
    "vendor_category",
    "assignee",
    "milestone",
    "optional",
    "id",
    "compressed",
    "normal_duration",
)
_CRITICAL_FILL = PatternFill("solid", fgColor="F8D7DA")


@dataclass(frozen=True, slots=True)
class PlanHeader:
    event_id: str
    event_name: str
    event_date: dt.date


def _row(task: TaskOut) -> list[object]:
    return [
        value.isoformat() if isinstance(value, dt.date) else value
        for value in (getattr(task, column) for column in COLUMNS)
    ]


def to_ics(header: PlanHeader, tasks: Sequence[TaskOut], *, stamp: dt.datetime) -> bytes:
    """One all-day event per task from its start to its due date (milestones on their day),
    plus the event itself; UIDs are stable so a re-import updates rather than duplicates."""
    calendar = Calendar()
    calendar.add("prodid", "-//Maestro//Planning//RU")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", header.event_name)
    for task in tasks:
        entry = Event()
        entry.add("uid", f"{task.id}@maestro")
        entry.add("dtstamp", stamp)
        entry.add(
            "summary",
            ("◆ " if task.milestone else "")
            + task.title
            + (f" (сжато: {task.duration} из {task.normal_duration})" if task.compressed else ""),
        )
        entry.add("dtstart", task.start_date)
        entry.add("dtend", task.due_date + dt.timedelta(days=1))
        entry.add("categories", [task.phase])
        entry.add("status", "CONFIRMED" if task.status == "done" else "TENTATIVE")
        details = [f"status: {task.status}", f"phase: {task.phase}"]
        if task.critical:
            details.append("critical path")
        if task.owner_role:
            details.append(f"owner: {task.owner_role}")
        if task.assignee:
            details.append(f"assignee: {task.assignee}")
        entry.add("description", "\n".join(details))
        calendar.add_component(entry)
    day = Event()
    day.add("uid", f"{header.event_id}@maestro")
    day.add("dtstamp", stamp)
    day.add("summary", header.event_name)
    day.add("dtstart", header.event_date)
    day.add("dtend", header.event_date + dt.timedelta(days=1))
    calendar.add_component(day)
    ical: bytes = calendar.to_ical()
    return ical


def to_csv(tasks: Sequence[TaskOut]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel opens Cyrillic correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    writer.writerows(_row(task) for task in tasks)
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(header: PlanHeader, tasks: Sequence[TaskOut]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Tasks"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for task in tasks:
        sheet.append(
            [getattr(task, column) if column != "id" else str(task.id) for column in COLUMNS]
        )
        if task.critical:
            for cell in sheet[sheet.max_row]:
                cell.fill = _CRITICAL_FILL
    for column, width in zip("ABCD", (48, 14, 12, 12), strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=2, min_col=3, max_col=4):
        for cell in row:
            cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    workbook.properties.title = header.event_name
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
