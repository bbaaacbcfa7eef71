"""The Gantt chart: one bar per task on calendar dates, critical tasks in red, milestones as
diamonds, dashed lines for today and the event. Drawn on a bare `Figure` (not pyplot), so no
GUI backend or global state is involved on servers and workers; x is days since the first
task, labelled with dates."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Literal

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from eventmaestro.agents.planning.schemas import TaskOut

_CRITICAL = "#d62728"
_NORMAL = "#4c78a8"
_DONE = "#9e9e9e"


def render(
    title: str,
    tasks: Sequence[TaskOut],
    *,
    today: dt.date,
    event_date: dt.date,
    fmt: Literal["png", "svg"],
    locale: str = "ru",
) -> bytes:
    ordered = sorted(tasks, key=lambda t: (t.start_date, t.due_date))
    origin = min([*(t.start_date for t in ordered), today, event_date])
    last = max([*(t.due_date for t in ordered), today, event_date])

    def x(day: dt.date) -> int:
        return (day - origin).days

    height = max(4.0, 0.28 * len(ordered) + 1.5)
    figure = Figure(figsize=(14, height), dpi=100)
    axes = figure.add_subplot()
    for row, task in enumerate(ordered):
        colour = _DONE if task.status == "done" else _CRITICAL if task.critical else _NORMAL
        if task.milestone:
            axes.plot(x(task.start_date), row, marker="D", color=colour, markersize=7)
        else:
            width = x(task.due_date) + 1 - x(task.start_date)
            axes.barh(row, width, left=x(task.start_date), height=0.6, color=colour)
    axes.set_yticks(range(len(ordered)), [task.title for task in ordered], fontsize=7)
    axes.invert_yaxis()
    axes.axvline(x(today), color="#2ca02c", linestyle="--", linewidth=1.2)
    axes.axvline(x(event_date), color="black", linestyle="--", linewidth=1.2)
    step = max(7, ((last - origin).days // 12) // 7 * 7)
    ticks = list(range(0, (last - origin).days + step, step))
    axes.set_xticks(ticks, [(origin + dt.timedelta(days=t)).strftime("%d.%m.%y") for t in ticks])
    axes.tick_params(axis="x", labelsize=8)
    axes.grid(axis="x", alpha=0.3)
    axes.set_title(title)
    ru = locale == "ru"
    axes.legend(
        handles=[
            Patch(color=_CRITICAL, label="Критический путь" if ru else "Critical path"),
            Patch(color=_NORMAL, label="Задача" if ru else "Task"),
            Patch(color=_DONE, label="Выполнено" if ru else "Done"),
            Line2D([], [], color="#2ca02c", linestyle="--", label="Сегодня" if ru else "Today"),
            Line2D([], [], color="black", linestyle="--", label="Мероприятие" if ru else "Event"),
        ],
        loc="upper right",
        fontsize=8,
    )
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format=fmt)
    return buffer.getvalue()
