"""Progress and deadlines of a plan, read the same way by the timeline and the dashboard."""

from __future__ import annotations

import datetime as dt
import uuid

from eventmaestro.agents.planning.analysis import is_overdue, next_due, plan_progress, progress
from eventmaestro.agents.planning.repository import TaskGlance

TODAY = dt.date(2026, 11, 24)


def task(status: str, duration: int, due: dt.date, position: int) -> TaskGlance:
    return TaskGlance(
        uuid.uuid4(), uuid.uuid4(), f"#{position}", status, duration, due, due, position
    )


def test_progress_weighs_working_days_and_counts_a_milestone_as_one() -> None:
    tasks = [
        task("done", 4, TODAY, 0),
        task("skipped", 0, TODAY, 1),  # a milestone: one day
        task("todo", 5, TODAY, 2),
    ]
    assert plan_progress(tasks) == 50.0  # (4 + 1) of 10
    assert progress(tasks, counts=lambda t: t.status == "done") == 40.0
    assert plan_progress([]) == 0.0


def test_overdue_is_open_work_past_its_date_in_the_plans_today() -> None:
    late = task("in_progress", 2, TODAY - dt.timedelta(days=1), 0)
    assert is_overdue(late, TODAY)
    assert not is_overdue(late, TODAY - dt.timedelta(days=1))
    assert not is_overdue(task("done", 2, TODAY - dt.timedelta(days=9), 1), TODAY)


def test_the_next_deadline_is_the_first_open_one_from_today_ties_in_plan_order() -> None:
    tomorrow = TODAY + dt.timedelta(days=1)
    tasks = [
        task("todo", 1, TODAY - dt.timedelta(days=3), 0),  # overdue: counted apart
        task("done", 1, TODAY, 1),
        task("todo", 1, tomorrow, 5),
        task("in_progress", 1, tomorrow, 3),
        task("todo", 1, TODAY + dt.timedelta(days=7), 2),
    ]
    chosen = next_due(tasks, TODAY)
    assert chosen is not None
    assert chosen.position == 3
    assert next_due([tasks[0], tasks[1]], TODAY) is None
