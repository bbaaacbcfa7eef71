"""The scheduler on random task graphs: order, deadlines, working days, critical path, cycles."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventmaestro.agents.planning.calendar import calendar_for
from eventmaestro.agents.planning.scheduling import (
    CompressionKind,
    CycleError,
    Mode,
    PlanningGraphError,
    TaskSpec,
    earliest_feasible_date,
    push_dependants,
    schedule,
    topological_order,
    without,
)

CAL = calendar_for("RU")
START = dt.date(2026, 3, 2)


@st.composite
def dags(draw: st.DrawFn, max_tasks: int = 25) -> list[TaskSpec]:
    """Random DAGs: a task may depend only on earlier ones, so there is never a cycle."""
    count = draw(st.integers(min_value=1, max_value=max_tasks))
    specs: list[TaskSpec] = []
    for i in range(count):
        deps = draw(st.sets(st.integers(0, i - 1), max_size=3)) if i else set()
        duration = draw(st.integers(0, 12))
        specs.append(
            TaskSpec(
                id=f"t{i}",
                duration=duration,
                depends_on=tuple(f"t{d}" for d in sorted(deps)),
                due_offset=draw(st.sampled_from([0, 0, 0, 5, 30])),
                optional=draw(st.booleans()),
                min_duration=max(1, duration // 2) if duration > 1 else None,
                anchor=draw(st.sampled_from([None, None, 1, 5, 40])),
            )
        )
    return specs


def _index(day: dt.date) -> int:
    return CAL.index(day)


@settings(max_examples=150, deadline=None)
@given(specs=dags(), horizon=st.integers(0, 200), mode=st.sampled_from(list(Mode)))
def test_random_dags_are_scheduled_in_order_on_working_days(
    specs: list[TaskSpec], horizon: int, mode: Mode
) -> None:
    event = START + dt.timedelta(days=horizon)
    plan = schedule(specs, start=START, event_date=event, calendar=CAL, mode=mode)
    for spec in specs:
        task = plan.tasks[spec.id]
        assert CAL.is_working_day(task.start)
        assert CAL.is_working_day(task.end)
        begin = _index(task.start)
        planned = plan.durations[spec.id]
        assert task.compressed == (planned < spec.duration)
        assert planned >= (spec.min_duration or 0) or planned == spec.duration
        if plan.feasible:
            for dep in spec.depends_on:
                assert _index(plan.tasks[dep].start) + plan.durations[dep] <= begin
            assert begin >= _index(START)
            assert begin + planned <= _index(event) - spec.due_offset
            if spec.duration:
                assert task.end < event
        elif not spec.after_event and _index(event) > _index(START):
            # An infeasible plan never dates pre-event work on or after the event.
            assert task.end < event
        assert task.slack == task.late_start - task.early_start
    assert plan.feasible == (plan.required_days <= plan.available_days)


@settings(max_examples=150, deadline=None)
@given(specs=dags())
def test_critical_path_length_equals_project_length(specs: list[TaskSpec]) -> None:
    no_offsets = [TaskSpec(s.id, s.duration, s.depends_on) for s in specs]
    plan = schedule(no_offsets, start=START, event_date=START, calendar=CAL, mode=Mode.FORWARD)
    project_length = max(t.early_finish for t in plan.tasks.values()) - _index(START)
    path = plan.critical_path
    assert sum(next(s.duration for s in no_offsets if s.id == t) for t in path) == project_length
    assert plan.required_days == project_length
    for before, after in itertools.pairwise(path):
        assert before in next(s for s in no_offsets if s.id == after).depends_on
    assert all(plan.tasks[task_id].critical for task_id in path)


@settings(max_examples=100, deadline=None)
@given(specs=dags(), data=st.data())
def test_a_cycle_is_always_rejected_and_named(specs: list[TaskSpec], data: st.DataObject) -> None:
    later = data.draw(st.integers(0, len(specs) - 1))
    earlier = data.draw(st.integers(0, later))
    # Close a loop: the earlier task now waits for a later one that (transitively) waits for it.
    chain = [f"t{i}" for i in range(earlier, later + 1)]
    looped = [
        TaskSpec(s.id, s.duration, (chain[chain.index(s.id) - 1],) if s.id in chain[1:] else ())
        if s.id in chain
        else s
        for s in specs
    ]
    looped[earlier] = TaskSpec(chain[0], 1, (chain[-1],))
    with pytest.raises(CycleError) as caught:
        schedule(looped, start=START, event_date=START, calendar=CAL)
    cycle = caught.value.cycle
    assert cycle[0] == cycle[-1]
    by_id = {s.id: s for s in looped}
    for before, after in itertools.pairwise(cycle):
        assert before in by_id[after].depends_on
    assert "→" in str(caught.value)


@settings(max_examples=100, deadline=None)
@given(specs=dags(), horizon=st.integers(0, 60))
def test_infeasible_plans_are_explained_and_the_earliest_date_is_feasible(
    specs: list[TaskSpec], horizon: int
) -> None:
    event = START + dt.timedelta(days=horizon)
    plan = schedule(specs, start=START, event_date=event, calendar=CAL)
    if plan.feasible:
        return
    why = plan.infeasibility
    assert why is not None
    assert why.required_days > why.available_days
    assert why.earliest_feasible_date > event
    assert schedule(
        specs, start=START, event_date=why.earliest_feasible_date, calendar=CAL
    ).feasible
    day_before = why.earliest_feasible_date - dt.timedelta(days=1)
    assert not schedule(specs, start=START, event_date=day_before, calendar=CAL).feasible
    by_id = {s.id: s for s in specs}
    for compression in why.compressions:
        assert compression.saves_days > 0
        if compression.kind is CompressionKind.DROP_OPTIONAL:
            assert all(by_id[t].optional for t in compression.task_ids)


def test_transfer_days_and_holidays_shape_the_schedule() -> None:
    # 1 Nov 2025 was a working Saturday; 3–4 Nov were days off.
    specs = [TaskSpec("a", 2)]
    plan = schedule(
        specs,
        start=dt.date(2025, 10, 31),
        event_date=dt.date(2025, 12, 1),
        calendar=CAL,
        mode=Mode.FORWARD,
    )
    assert plan.tasks["a"].start == dt.date(2025, 10, 31)
    assert plan.tasks["a"].end == dt.date(2025, 11, 1)
    after_holiday = schedule(
        [TaskSpec("a", 1), TaskSpec("b", 1, ("a",))],
        start=dt.date(2025, 11, 1),
        event_date=dt.date(2025, 12, 1),
        calendar=CAL,
        mode=Mode.FORWARD,
    )
    assert after_holiday.tasks["b"].start == dt.date(2025, 11, 5)


def test_backward_plans_finish_right_before_the_event() -> None:
    specs = [TaskSpec("venue", 5), TaskSpec("invites", 2, ("venue",), due_offset=10)]
    plan = schedule(specs, start=START, event_date=dt.date(2026, 6, 1), calendar=CAL)
    assert plan.feasible
    assert plan.mode is Mode.BACKWARD
    assert _index(plan.tasks["invites"].end) + 1 == _index(dt.date(2026, 6, 1)) - 10


def test_infeasibility_names_numbers_and_fixes() -> None:
    specs = [
        TaskSpec("brief", 5),
        TaskSpec("venue", 10, ("brief",), min_duration=6),
        TaskSpec("design", 8, ("venue",)),
        TaskSpec("swag", 6, ("design",), optional=True),
        TaskSpec("rehearsal", 1, ("swag",)),
    ]
    plan = schedule(specs, start=START, event_date=START + dt.timedelta(days=14), calendar=CAL)
    why = plan.infeasibility
    assert why is not None
    # The venue is crashed to its 6 days before the plan is called infeasible: 30 → 26.
    assert (why.required_days, why.available_days) == (26, 9)  # 9 March 2026 is a day off
    assert plan.tasks["venue"].compressed
    assert (plan.tasks["venue"].normal_duration, plan.tasks["venue"].duration) == (10, 6)
    assert why.critical_path == ("brief", "venue", "design", "swag", "rehearsal")
    kinds = {c.kind for c in why.compressions}
    assert kinds == {CompressionKind.PARALLEL, CompressionKind.DROP_OPTIONAL}
    assert "rehearsal" in why.cannot_fit
    crashed = {s.id: s for s in specs} | {"venue": TaskSpec("venue", 6, ("brief",))}
    assert why.earliest_feasible_date == earliest_feasible_date(crashed, start=START, calendar=CAL)
    assert all(t.end < START + dt.timedelta(days=14) for t in plan.tasks.values())


def test_unknown_and_misplaced_dependencies_are_refused() -> None:
    with pytest.raises(PlanningGraphError, match="unknown task 'ghost'"):
        topological_order({"a": TaskSpec("a", 1, ("ghost",))})
    with pytest.raises(CycleError, match="a → a"):
        topological_order({"a": TaskSpec("a", 1, ("a",))})
    with pytest.raises(PlanningGraphError, match="after it"):
        schedule(
            [TaskSpec("report", 1, after_event=True), TaskSpec("a", 1, ("report",))],
            start=START,
            event_date=dt.date(2026, 6, 1),
            calendar=CAL,
        )


def test_dropping_a_task_keeps_its_successors_waiting_for_its_predecessors() -> None:
    specs = {
        "a": TaskSpec("a", 3),
        "b": TaskSpec("b", 1, ("a",), optional=True),
        "c": TaskSpec("c", 1, ("b",)),
    }
    assert without(specs, ["b"])["c"].depends_on == ("a",)


def test_push_moves_only_dependants_that_must_move() -> None:
    specs = {
        "a": TaskSpec("a", 5),
        "b": TaskSpec("b", 2, ("a",)),
        "c": TaskSpec("c", 1, ("b",)),
        "d": TaskSpec("d", 1),
    }
    starts = {"a": 0, "b": 5, "c": 20, "d": 0}
    longer = {**specs, "a": TaskSpec("a", 8)}
    assert push_dependants(longer, starts, ["a"]) == {"b": 8}
    assert push_dependants({**specs, "a": TaskSpec("a", 30)}, starts, ["a"]) == {"b": 30, "c": 32}


def test_after_event_tasks_run_after_the_event_and_never_block_it() -> None:
    specs = [TaskSpec("show", 1), TaskSpec("report", 3, ("show",), after_event=True)]
    event = dt.date(2026, 6, 5)  # a Friday
    plan = schedule(specs, start=START, event_date=event, calendar=CAL)
    assert plan.feasible
    assert plan.tasks["report"].start == dt.date(2026, 6, 8)
    assert not plan.tasks["report"].critical


def test_forward_plans_keep_event_day_work_next_to_the_event() -> None:
    specs = [
        TaskSpec("venue", 5),
        TaskSpec("rehearsal", 1, ("venue",), anchor=2),
        TaskSpec("setup", 1, ("rehearsal",), anchor=1),
        TaskSpec("report", 2, ("setup",), after_event=True),
    ]
    event = dt.date(2026, 6, 1)
    plan = schedule(specs, start=START, event_date=event, calendar=CAL, mode=Mode.FORWARD)
    assert plan.tasks["venue"].start == START
    assert _index(plan.tasks["rehearsal"].start) == _index(event) - 2
    assert _index(plan.tasks["setup"].start) == _index(event) - 1
