"""Plans as agencies make them: short December jobs fit by crashing, far-off events start
early with the slack at the end, and an impossible date never puts work after the event."""

from __future__ import annotations

import datetime as dt

import pytest

from eventmaestro.agents.planning.calendar import calendar_for
from eventmaestro.agents.planning.scheduling import Mode, Schedule, schedule
from eventmaestro.agents.planning.templates import PlannedTask, expand, library
from tests.clock import TEST_TODAY

CAL = calendar_for("RU")


def _plan(template: str, guests: int, event: dt.date) -> tuple[list[PlannedTask], Schedule]:
    found = library().get(template)
    assert found is not None
    items = expand(found, guests=guests, event_format="offline")
    return items, schedule(
        [i.spec for i in items], start=TEST_TODAY, event_date=event, calendar=CAL, mode=Mode.FORWARD
    )


def _no_work_after(items: list[PlannedTask], plan: Schedule, event: dt.date) -> None:
    for item in items:
        task = plan.tasks[item.spec.id]
        if not item.spec.after_event:
            assert task.end < event, item.spec.id
            assert task.start >= TEST_TODAY


@pytest.mark.parametrize(
    ("template", "guests", "days_out", "compressed"),
    [
        ("corporate_party", 150, None, True),  # Kazan, 25 December: 18 days out
        ("team_building", 40, 21, None),
        ("conference", 300, 42, None),
    ],
)
def test_short_agency_jobs_fit(
    template: str, guests: int, days_out: int | None, compressed: bool | None
) -> None:
    event = dt.date(2026, 12, 25) if days_out is None else TEST_TODAY + dt.timedelta(days_out)
    items, plan = _plan(template, guests, event)
    assert plan.feasible
    _no_work_after(items, plan, event)
    if compressed:
        assert plan.compressed
        for task_id in plan.compressed:
            task = plan.tasks[task_id]
            assert task.duration < task.normal_duration


def test_a_wedding_six_months_out_starts_now_with_slack_at_the_end() -> None:
    event = dt.date(2027, 6, 5)
    items, plan = _plan("wedding", 120, event)
    assert plan.feasible
    assert not plan.compressed
    assert plan.tasks["brief"].start == TEST_TODAY
    assert plan.tasks["venue_booked"].start < TEST_TODAY + dt.timedelta(days=30)
    early = [i for i in items if i.template.phase not in {"final_week", "event_day"}]
    last = max(plan.tasks[i.spec.id].end for i in early if not i.spec.after_event)
    assert (event - last).days >= 30


def test_no_badges_at_a_wedding_but_at_a_conference() -> None:
    wedding, _ = _plan("wedding", 150, dt.date(2027, 6, 5))
    assert not any("бейдж" in i.template.ru.lower() for i in wedding)
    conference, _ = _plan("conference", 300, dt.date(2027, 3, 16))
    assert any("бейдж" in i.template.ru.lower() for i in conference)


def test_a_conference_five_days_out_is_infeasible_without_work_after_it() -> None:
    event = TEST_TODAY + dt.timedelta(days=5)
    items, plan = _plan("conference", 300, event)
    why = plan.infeasibility
    assert why is not None
    assert why.cannot_fit
    assert why.earliest_feasible_date > event
    _no_work_after(items, plan, event)
    _, fits = _plan("conference", 300, why.earliest_feasible_date)
    assert fits.feasible
