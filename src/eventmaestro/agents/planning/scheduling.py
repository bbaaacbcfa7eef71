"""Scheduling a task graph against the working calendar: critical-path method, as-late-as-possible
planning back from the event date, as-soon-as-possible planning forward from a start date, and
an explanation with concrete compressions when the date cannot be met.

Pure: no I/O, no clock. Time is counted in working-day indices of a `WorkCalendar`; a task of
duration d that starts at index s occupies working days s … s+d-1 and "finishes" at s+d, the
first day a successor may start. Duration 0 marks a milestone, dated on the day its
successors may start.

Tasks before the event must finish before the event date (`due_offset` working days earlier
still, e.g. invitations six weeks ahead); tasks `after_event` (reports, payments) run forward
from the first working day after the event and never make a plan infeasible.

When the normal durations do not fit, the scheduler crashes tasks on the critical path
(`min_duration`: the shortest an agency does it with more people or paid urgency) one day at a
time, most compressible first, until the plan fits. Only a plan that does not fit even then is
infeasible, and even then no pre-event work is dated on or after the event: what cannot fit is
named and squeezed into the days that remain.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from eventmaestro.agents.planning.calendar import WorkCalendar

# How far past the event the earliest feasible date is searched for; a plan that needs more
# than ten years of working days is a data error, not a schedule.
_MAX_SEARCH_DAYS = 2_500


class PlanningGraphError(ValueError):
    """The task graph itself is wrong (a cycle, a missing or misplaced dependency)."""


class CycleError(PlanningGraphError):
    def __init__(self, cycle: Sequence[str]) -> None:
        self.cycle = list(cycle)
        super().__init__("dependency cycle: " + " → ".join(self.cycle))


class Mode(StrEnum):
    BACKWARD = "backward"
    FORWARD = "forward"


@dataclass(frozen=True, slots=True)
class TaskSpec:
    id: str
    duration: int
    depends_on: tuple[str, ...] = ()
    due_offset: int = 0
    after_event: bool = False
    optional: bool = False
    min_duration: int | None = None
    not_before: dt.date | None = None
    # Not earlier than this many working days before the event (a rehearsal, the load-in):
    # a placement preference for forward plans, never a reason to move the event.
    anchor: int | None = None


@dataclass(frozen=True, slots=True)
class ScheduledTask:
    id: str
    start: dt.date
    end: dt.date
    early_start: int
    early_finish: int
    late_start: int
    late_finish: int
    slack: int
    critical: bool
    # Planned vs normal working days; `compressed` when the plan crashed this task to fit.
    duration: int = 0
    normal_duration: int = 0
    compressed: bool = False
    # Pre-event work that does not fit before the event even at its crash duration.
    cannot_fit: bool = False


class CompressionKind(StrEnum):
    PARALLEL = "parallel"
    DROP_OPTIONAL = "drop_optional"
    CRASH = "crash"


@dataclass(frozen=True, slots=True)
class Compression:
    kind: CompressionKind
    task_ids: tuple[str, ...]
    saves_days: int
    new_duration: int | None = None


@dataclass(frozen=True, slots=True)
class Infeasibility:
    required_days: int
    available_days: int
    critical_path: tuple[str, ...]
    compressions: tuple[Compression, ...]
    earliest_feasible_date: dt.date
    cannot_fit: tuple[str, ...] = ()


@dataclass(slots=True)
class Schedule:
    start: dt.date
    event_date: dt.date
    mode: Mode
    tasks: dict[str, ScheduledTask]
    required_days: int
    available_days: int
    critical_path: tuple[str, ...]
    infeasibility: Infeasibility | None = None
    # Working days each task got, after any crashing (equal to the spec's when none).
    durations: dict[str, int] = field(default_factory=dict)

    @property
    def feasible(self) -> bool:
        return self.infeasibility is None

    @property
    def compressed(self) -> list[str]:
        return [task_id for task_id, task in self.tasks.items() if task.compressed]


def topological_order(specs: Mapping[str, TaskSpec]) -> list[str]:
    """Kahn's order, stable in the given task order; a cycle or unknown id is refused by name."""
    indegree = dict.fromkeys(specs, 0)
    successors: dict[str, list[str]] = {task_id: [] for task_id in specs}
    for spec in specs.values():
        for dep in spec.depends_on:
            if dep not in specs:
                raise PlanningGraphError(f"task {spec.id!r} depends on unknown task {dep!r}")
            if dep == spec.id:
                raise CycleError([spec.id, spec.id])
            successors[dep].append(spec.id)
            indegree[spec.id] += 1
    ready = [task_id for task_id, count in indegree.items() if count == 0]
    ready.reverse()
    order: list[str] = []
    while ready:
        task_id = ready.pop()
        order.append(task_id)
        for succ in reversed(successors[task_id]):
            indegree[succ] -= 1
            if indegree[succ] == 0:
                ready.append(succ)
    if len(order) != len(specs):
        raise CycleError(_find_cycle(specs, {t for t, n in indegree.items() if n > 0}))
    return order


def _find_cycle(specs: Mapping[str, TaskSpec], stuck: set[str]) -> list[str]:
    """Walk predecessors inside the stuck set until a task repeats: that loop is a cycle."""
    node = min(stuck)
    seen: dict[str, int] = {}
    path: list[str] = []
    while node not in seen:
        seen[node] = len(path)
        path.append(node)
        node = next(dep for dep in specs[node].depends_on if dep in stuck)
    loop = path[seen[node] :]
    loop.reverse()  # predecessors were walked: reverse to read in dependency order
    return [*loop, loop[0]]


def _check_sides(specs: Mapping[str, TaskSpec]) -> None:
    for spec in specs.values():
        if spec.duration < 0 or spec.due_offset < 0:
            raise PlanningGraphError(f"task {spec.id!r} has a negative duration or offset")
        if not spec.after_event:
            for dep in spec.depends_on:
                if specs[dep].after_event:
                    raise PlanningGraphError(
                        f"task {spec.id!r} is before the event but depends on {dep!r}, "
                        "which is after it"
                    )


@dataclass(slots=True)
class _Pass:
    early_start: dict[str, int]
    early_finish: dict[str, int]
    required_end: int  # max over pre-event tasks of early finish + due offset
    driver: str | None  # the pre-event task that sets required_end


def _forward(
    specs: Mapping[str, TaskSpec],
    order: Sequence[str],
    start: int,
    after_event_start: int,
    releases: Mapping[str, int],
) -> _Pass:
    es: dict[str, int] = {}
    ef: dict[str, int] = {}
    required_end = start
    driver: str | None = None
    for task_id in order:
        spec = specs[task_id]
        earliest = after_event_start if spec.after_event else start
        earliest = max(earliest, releases.get(task_id, earliest))
        for dep in spec.depends_on:
            earliest = max(earliest, ef[dep])
        es[task_id] = earliest
        ef[task_id] = earliest + spec.duration
        if not spec.after_event and ef[task_id] + spec.due_offset > required_end:
            required_end = ef[task_id] + spec.due_offset
            driver = task_id
    return _Pass(es, ef, required_end, driver)


def _releases(specs: Mapping[str, TaskSpec], calendar: WorkCalendar) -> dict[str, int]:
    return {
        spec.id: calendar.index(spec.not_before)
        for spec in specs.values()
        if spec.not_before is not None
    }


def _critical_chain(specs: Mapping[str, TaskSpec], forward: _Pass) -> tuple[str, ...]:
    """Follow driving predecessors (whose finish sets this task's start) back from the task
    that determines the required length."""
    chain: list[str] = []
    node = forward.driver
    while node is not None:
        chain.append(node)
        start = forward.early_start[node]
        node = next(
            (dep for dep in specs[node].depends_on if forward.early_finish[dep] == start),
            None,
        )
    chain.reverse()
    return tuple(chain)


def crash(
    specs: Mapping[str, TaskSpec],
    *,
    start: dt.date,
    available: int,
    calendar: WorkCalendar,
) -> dict[str, TaskSpec]:
    """The graph with critical-path tasks shortened towards their crash durations, one working
    day at a time, until the pre-event work fits in `available` days or the critical path has
    nothing left to crash. The task with most days left to give goes first (the cheapest to
    compress: a long task absorbs extra people better than a short one), ties to the earlier."""
    order = topological_order(specs)
    start_index = calendar.index(start)
    releases = _releases(specs, calendar)
    current = dict(specs)
    while True:
        forward = _forward(current, order, start_index, start_index, releases)
        if forward.required_end - start_index <= available:
            return current
        chain = _critical_chain(current, forward)
        room = {
            task_id: current[task_id].duration - (current[task_id].min_duration or 0)
            for task_id in chain
            if current[task_id].min_duration is not None
            and current[task_id].duration > (current[task_id].min_duration or 0)
        }
        if not room:
            return current
        pick = max(room, key=lambda task_id: room[task_id])
        current[pick] = replace(current[pick], duration=current[pick].duration - 1)


def schedule(
    specs: Sequence[TaskSpec] | Mapping[str, TaskSpec],
    *,
    start: dt.date,
    event_date: dt.date,
    calendar: WorkCalendar,
    mode: Mode = Mode.BACKWARD,
    event_end: dt.date | None = None,
) -> Schedule:
    """Schedule every task; when the event date cannot be met, say why and what would help.

    Backward mode starts each task as late as its successors and deadlines allow; forward mode
    (what plans use) as soon as possible, so the slack stays at the end, before the event.
    When the normal durations do not fit, critical tasks are crashed (see `crash`) and flagged.
    An infeasible plan is laid out forward and clamped before the event.
    """
    normal = specs if isinstance(specs, Mapping) else {spec.id: spec for spec in specs}
    order = topological_order(normal)
    _check_sides(normal)
    start_index = calendar.index(start)
    event_index = calendar.index(event_date)
    by_id = crash(normal, start=start, available=event_index - start_index, calendar=calendar)
    after_index = calendar.index((event_end or event_date) + dt.timedelta(days=1))
    releases = _releases(by_id, calendar)
    forward = _forward(by_id, order, start_index, after_index, releases)
    required = forward.required_end - start_index
    available = event_index - start_index

    successors: dict[str, list[str]] = {task_id: [] for task_id in order}
    for task_id in order:
        for dep in by_id[task_id].depends_on:
            successors[dep].append(task_id)
    late_finish: dict[str, int] = {}
    late_start: dict[str, int] = {}
    for task_id in reversed(order):
        spec = by_id[task_id]
        if spec.after_event:
            late_finish[task_id] = forward.early_finish[task_id]
        else:
            latest = event_index - spec.due_offset
            for succ in successors[task_id]:
                if not by_id[succ].after_event:
                    latest = min(latest, late_start[succ])
            late_finish[task_id] = latest
        late_start[task_id] = late_finish[task_id] - spec.duration

    slack = {task_id: late_start[task_id] - forward.early_start[task_id] for task_id in order}
    pre_event = [task_id for task_id in order if not by_id[task_id].after_event]
    least_slack = min((slack[task_id] for task_id in pre_event), default=0)
    feasible = required <= available
    use_late = mode is Mode.BACKWARD and feasible
    if use_late:
        starts = late_start
    elif feasible:
        starts = _anchored(by_id, order, forward.early_start, late_start, event_index)
    else:
        starts = forward.early_start
    # An infeasible plan still never dates pre-event work on or after the event day.
    last_day = max(start_index, event_index - 1)
    overflow = [
        task_id
        for task_id in pre_event
        if forward.early_finish[task_id] + by_id[task_id].due_offset > event_index
    ]

    tasks: dict[str, ScheduledTask] = {}
    for task_id in order:
        spec = by_id[task_id]
        begin = starts[task_id]
        finish = begin + spec.duration
        if not feasible and not spec.after_event:
            begin = min(begin, last_day)
            finish = min(finish, last_day + 1)
        base = normal[task_id].duration
        tasks[task_id] = ScheduledTask(
            id=task_id,
            start=calendar.date(begin),
            end=calendar.date(finish - 1 if finish > begin else begin),
            early_start=forward.early_start[task_id],
            early_finish=forward.early_finish[task_id],
            late_start=late_start[task_id],
            late_finish=late_finish[task_id],
            slack=slack[task_id],
            critical=not spec.after_event and slack[task_id] == least_slack,
            duration=spec.duration,
            normal_duration=base,
            compressed=spec.duration < base,
            cannot_fit=task_id in overflow,
        )
    critical_path = _critical_chain(by_id, forward)
    result = Schedule(
        start=start,
        event_date=event_date,
        mode=Mode.BACKWARD if use_late else Mode.FORWARD,
        tasks=tasks,
        required_days=required,
        available_days=available,
        critical_path=critical_path,
        durations={task_id: by_id[task_id].duration for task_id in order},
    )
    if not feasible:
        result.infeasibility = Infeasibility(
            required_days=required,
            available_days=available,
            critical_path=critical_path,
            compressions=tuple(_compressions(by_id, critical_path, start_index, calendar)),
            earliest_feasible_date=earliest_feasible_date(by_id, start=start, calendar=calendar),
            cannot_fit=tuple(overflow),
        )
    return result


def _anchored(
    specs: Mapping[str, TaskSpec],
    order: Sequence[str],
    early_start: Mapping[str, int],
    late_start: Mapping[str, int],
    event_index: int,
) -> dict[str, int]:
    """Forward placement that keeps event-day work next to the event. Every start stays
    between the early and the late start, so dependencies and deadlines still hold."""
    starts: dict[str, int] = {}
    for task_id in order:
        spec = specs[task_id]
        begin = early_start[task_id]
        if spec.anchor is not None and not spec.after_event:
            begin = max(begin, min(late_start[task_id], event_index - spec.anchor))
        for dep in spec.depends_on:
            begin = max(begin, starts[dep] + specs[dep].duration)
        starts[task_id] = begin
    return starts


def required_days(specs: Mapping[str, TaskSpec], *, start: dt.date, calendar: WorkCalendar) -> int:
    """Working days the pre-event work needs from `start`, whatever the event date."""
    order = topological_order(specs)
    start_index = calendar.index(start)
    forward = _forward(specs, order, start_index, start_index, _releases(specs, calendar))
    return forward.required_end - start_index


def earliest_feasible_date(
    specs: Mapping[str, TaskSpec],
    *,
    start: dt.date,
    calendar: WorkCalendar,
) -> dt.date:
    """The first event date on which the plan fits: the day after its last working day of
    preparation. Checked by asking the scheduler itself, so the answer is never off by a
    weekend or a holiday."""
    needed = required_days(specs, start=start, calendar=calendar)
    last_work_day = calendar.date(calendar.index(start) + needed - 1) if needed else start
    candidate = last_work_day + dt.timedelta(days=1) if needed else start
    for _ in range(_MAX_SEARCH_DAYS):
        if calendar.index(candidate) - calendar.index(start) >= needed:
            return candidate
        candidate += dt.timedelta(days=1)
    raise PlanningGraphError("no feasible event date within ten years")  # pragma: no cover


def _compressions(
    specs: Mapping[str, TaskSpec],
    critical_path: Sequence[str],
    start_index: int,
    calendar: WorkCalendar,
) -> list[Compression]:
    """Concrete ways to shorten the plan, each measured by rescheduling the changed graph."""
    start = calendar.date(start_index)
    baseline = required_days(specs, start=start, calendar=calendar)

    def saving(changed: Mapping[str, TaskSpec]) -> int:
        return baseline - required_days(changed, start=start, calendar=calendar)

    found: list[Compression] = []
    parallel: list[Compression] = []
    for before, after in itertools.pairwise(critical_path):
        changed = dict(specs)
        inherited = tuple(d for d in specs[before].depends_on if d not in specs[after].depends_on)
        kept = tuple(d for d in specs[after].depends_on if d != before)
        changed[after] = replace(specs[after], depends_on=kept + inherited)
        gain = saving(changed)
        if gain > 0:
            parallel.append(Compression(CompressionKind.PARALLEL, (before, after), gain))
    parallel.sort(key=lambda c: -c.saves_days)
    found.extend(parallel[:2])

    optional = [spec.id for spec in specs.values() if spec.optional]
    if optional:
        gain = saving(without(specs, optional))
        if gain > 0:
            found.append(Compression(CompressionKind.DROP_OPTIONAL, tuple(optional), gain))

    crashes: list[Compression] = []
    for task_id in critical_path:
        spec = specs[task_id]
        if spec.min_duration is not None and spec.min_duration < spec.duration:
            changed = dict(specs)
            changed[task_id] = replace(spec, duration=spec.min_duration)
            gain = saving(changed)
            if gain > 0:
                crashes.append(
                    Compression(CompressionKind.CRASH, (task_id,), gain, spec.min_duration)
                )
    crashes.sort(key=lambda c: -c.saves_days)
    found.extend(crashes[:3])
    return found


def without(specs: Mapping[str, TaskSpec], dropped: Iterable[str]) -> dict[str, TaskSpec]:
    """The graph less some tasks; their successors inherit their predecessors, so dropping a
    task never lets later work start before the work it was waiting for."""
    gone = set(dropped)
    order = topological_order(specs)
    inherited: dict[str, tuple[str, ...]] = {}
    result: dict[str, TaskSpec] = {}
    for task_id in order:
        spec = specs[task_id]
        deps: list[str] = []
        for dep in spec.depends_on:
            deps.extend(inherited[dep] if dep in gone else (dep,))
        unique = tuple(dict.fromkeys(deps))
        if task_id in gone:
            inherited[task_id] = unique
        else:
            result[task_id] = replace(spec, depends_on=unique)
    return {task_id: result[task_id] for task_id in specs if task_id in result}


def push_dependants(
    specs: Mapping[str, TaskSpec],
    starts: Mapping[str, int],
    changed: Iterable[str],
    *,
    order: Sequence[str] | None = None,
) -> dict[str, int]:
    """After a change, move the dependants of the changed tasks later just as far as their
    dependencies now require (a Gantt chart's "push"), leaving every other task where the
    organiser put it. Returns the new start index of each task that moved."""
    order = order if order is not None else topological_order(specs)
    successors: dict[str, list[str]] = {}
    for task_id in order:
        for dep in specs[task_id].depends_on:
            successors.setdefault(dep, []).append(task_id)
    affected: set[str] = set()
    stack = list(changed)
    while stack:
        for succ in successors.get(stack.pop(), ()):
            if succ not in affected:
                affected.add(succ)
                stack.append(succ)
    current = dict(starts)
    moved: dict[str, int] = {}
    for task_id in order:
        if task_id not in affected:
            continue
        spec = specs[task_id]
        earliest = max(current[dep] + specs[dep].duration for dep in spec.depends_on)
        if earliest > current[task_id]:
            current[task_id] = earliest
            moved[task_id] = earliest
    return moved
