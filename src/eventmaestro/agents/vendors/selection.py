"""Vendor selection as an exact optimisation: one vendor per required category, maximising
quality within the total budget and per-category caps, under hard constraints.

Pure: no I/O. Hard per-vendor constraints (city, free on the date, capacity ≥ guests for
venues, must-have tags, exclusions, the category cap) are filters; what couples the
categories is only the money, so the rest is a multiple-choice knapsack solved with CP-SAT:
first the best total quality, then, with quality fixed at that optimum, the lowest cost (so
that equal-quality answers are stable and cheap). Dominated vendors (another one is at least
as good and no dearer) are dropped before solving; that keeps the model small without
changing the optimum.

When no selection exists the module says why (the constraint that emptied a category, or a
budget below the cheapest combination) and proposes relaxations, each one re-solved and
returned only if it really yields a selection: raise the budget or a category's cap by X ₽,
another date, fewer guests, drop a must-have tag, hold the event in a nearby city (whose
vendors the caller supplies, see `with_other_cities`), and — when no single change is
enough — one combined proposal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum

from ortools.sat.python import cp_model

from eventmaestro.agents.vendors.pricing import EventSize, quote

# Categories whose vendors must physically hold the guests.
CAPACITY_CATEGORIES = frozenset({"venue"})
QUALITY_SCALE = 1000
PRIOR_RATING, PRIOR_WEIGHT = 4.0, 10
DATE_SEARCH_DAYS = 14
ALTERNATIVES = 3


@dataclass(frozen=True, slots=True)
class Candidate:
    id: str
    name: str
    category: str
    city_geoname_id: int
    price_model: str
    unit_price: Decimal
    min_order: Decimal
    vat_status: str
    rating: float
    review_count: int
    response_hours: int
    capacity: int | None = None
    tags: frozenset[str] = frozenset()
    busy_dates: frozenset[dt.date] = frozenset()


@dataclass(frozen=True, slots=True)
class SelectionRequest:
    city_geoname_id: int
    date: dt.date
    guests: int
    categories: tuple[str, ...]
    budget_total: Decimal | None = None
    category_caps: Mapping[str, Decimal] = field(default_factory=dict)
    required_tags: Mapping[str, frozenset[str]] = field(default_factory=dict)
    preferred_tags: frozenset[str] = frozenset()
    excluded: frozenset[str] = frozenset()
    hours: int = 5


class Stage(StrEnum):
    """Hard constraints in the order they are applied, so a diagnosis can name the one that
    left a category empty."""

    CATEGORY = "category"
    CITY = "city"
    DATE = "date"
    CAPACITY = "capacity"
    TAGS = "tags"
    EXCLUDED = "excluded"
    CAP = "category_cap"


@dataclass(frozen=True, slots=True)
class Priced:
    candidate: Candidate
    price: Decimal
    quality: int


@dataclass(frozen=True, slots=True)
class Pick:
    category: str
    vendor: Priced
    alternatives: tuple[Priced, ...]
    eligible: int


@dataclass(frozen=True, slots=True)
class Selection:
    picks: tuple[Pick, ...]
    total: Decimal
    quality: int


class RelaxationKind(StrEnum):
    BUDGET = "budget"
    CATEGORY_CAP = "category_cap"
    DATE = "date"
    GUESTS = "guests"
    DROP_TAG = "drop_tag"
    CITY = "city"
    COMBINED = "combined"


@dataclass(frozen=True, slots=True)
class Change:
    """One relaxed constraint: what kind, in which category (if any), to what value (an
    amount added, an ISO date, a guest count, the tag dropped, a GeoNames city id)."""

    kind: RelaxationKind
    category: str | None
    value: str


@dataclass(frozen=True, slots=True)
class Relaxation:
    kind: RelaxationKind
    category: str | None
    value: str
    request: SelectionRequest
    selection: Selection
    # What a COMBINED relaxation changes, in order; empty for the single-change kinds.
    changes: tuple[Change, ...] = ()


@dataclass(frozen=True, slots=True)
class Conflict:
    category: str | None
    stage: str
    detail: str


@dataclass(frozen=True, slots=True)
class Outcome:
    selection: Selection | None
    conflicts: tuple[Conflict, ...] = ()
    relaxations: tuple[Relaxation, ...] = ()
    funnel: Mapping[str, Mapping[str, int]] = field(default_factory=dict)


def quality_score(candidate: Candidate, preferred_tags: frozenset[str]) -> int:
    """0..~110 (×1000): the rating shrunk towards 4.0 by review count (a 5.0 from two reviews
    is worth less than a 4.8 from three hundred), minus up to 5 for slow answers, plus 5 per
    preferred tag."""
    n = candidate.review_count
    rating = (candidate.rating * n + PRIOR_RATING * PRIOR_WEIGHT) / (n + PRIOR_WEIGHT)
    score = rating * 20 - min(candidate.response_hours, 72) / 72 * 5
    score += 5 * len(candidate.tags & preferred_tags)
    return round(score * QUALITY_SCALE)


def price_for(candidate: Candidate, request: SelectionRequest) -> Decimal:
    size = EventSize(guests=request.guests, hours=request.hours)
    return quote(
        candidate.price_model,
        candidate.unit_price,
        candidate.min_order,
        candidate.vat_status,
        size,
        request.date,
    ).total


def _passes(stage: Stage, c: Candidate, request: SelectionRequest, price: Decimal) -> bool:
    if stage is Stage.CITY:
        return c.city_geoname_id == request.city_geoname_id
    if stage is Stage.DATE:
        return request.date not in c.busy_dates
    if stage is Stage.CAPACITY:
        return c.category not in CAPACITY_CATEGORIES or (c.capacity or 0) >= request.guests
    if stage is Stage.TAGS:
        return request.required_tags.get(c.category, frozenset()) <= c.tags
    if stage is Stage.EXCLUDED:
        return c.id not in request.excluded
    if stage is Stage.CAP:
        cap = request.category_caps.get(c.category)
        return cap is None or price <= cap
    return True


FILTER_STAGES = (Stage.CITY, Stage.DATE, Stage.CAPACITY, Stage.TAGS, Stage.EXCLUDED, Stage.CAP)


def eligible(
    request: SelectionRequest,
    candidates: Sequence[Candidate],
    skip: frozenset[Stage] = frozenset(),
) -> tuple[dict[str, list[Priced]], dict[str, dict[str, int]]]:
    """Vendors passing every hard constraint, per category, and the funnel: how many were
    left after each stage (what an infeasibility diagnosis reads)."""
    pools: dict[str, list[Priced]] = {c: [] for c in request.categories}
    funnel = {c: dict.fromkeys([Stage.CATEGORY, *FILTER_STAGES], 0) for c in request.categories}
    for c in candidates:
        if c.category not in pools:
            continue
        price = price_for(c, request)
        counts = funnel[c.category]
        counts[Stage.CATEGORY] += 1
        for stage in FILTER_STAGES:
            if stage not in skip and not _passes(stage, c, request, price):
                break
            counts[stage] += 1
        else:
            pools[c.category].append(Priced(c, price, quality_score(c, request.preferred_tags)))
    for pool in pools.values():
        pool.sort(key=lambda p: (-p.quality, p.price, p.candidate.id))
    return pools, {cat: {str(s): n for s, n in f.items()} for cat, f in funnel.items()}


def _pareto(pool: list[Priced]) -> list[Priced]:
    """Drop vendors another vendor beats on quality without costing more. `pool` is sorted
    by quality descending, so a vendor survives only if it is cheaper than all before it."""
    front: list[Priced] = []
    cheapest: Decimal | None = None
    for p in pool:
        if cheapest is None or p.price < cheapest:
            front.append(p)
            cheapest = p.price
    return front


def _kopecks(amount: Decimal) -> int:
    return int(amount * 100)


def _solve_knapsack(
    pools: Mapping[str, list[Priced]], budget: Decimal | None
) -> dict[str, Priced] | None:
    fronts = {cat: _pareto(pool) for cat, pool in pools.items()}
    if any(not front for front in fronts.values()):
        return None
    if budget is not None and sum(f[-1].price for f in fronts.values()) > budget:
        return None
    model = cp_model.CpModel()
    chosen = {
        cat: [model.new_bool_var(f"{cat}_{i}") for i in range(len(front))]
        for cat, front in fronts.items()
    }
    for variables in chosen.values():
        model.add_exactly_one(variables)
    cost = sum(
        _kopecks(p.price) * x
        for cat, front in fronts.items()
        for p, x in zip(front, chosen[cat], strict=True)
    )
    if budget is not None:
        model.add(cost <= _kopecks(budget))
    quality = sum(
        p.quality * x
        for cat, front in fronts.items()
        for p, x in zip(front, chosen[cat], strict=True)
    )
    solver = cp_model.CpSolver()
    # One worker: the same input always gives the same answer.
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 10.0
    model.maximize(quality)
    if solver.solve(model) != cp_model.OPTIMAL:
        return None
    # Second pass: keep the optimal quality, pay as little as possible for it.
    model.add(quality >= round(solver.objective_value))
    model.minimize(cost)
    if solver.solve(model) != cp_model.OPTIMAL:
        return None
    return {
        cat: next(p for p, x in zip(front, chosen[cat], strict=True) if solver.value(x))
        for cat, front in fronts.items()
    }


def _alternatives(
    category: str,
    chosen: Mapping[str, Priced],
    pools: Mapping[str, list[Priced]],
    budget: Decimal | None,
) -> tuple[Priced, ...]:
    """The next-best swaps: other vendors of this category that still fit the budget with the
    rest of the selection unchanged, best first."""
    rest = sum((p.price for cat, p in chosen.items() if cat != category), Decimal(0))
    room = None if budget is None else budget - rest
    own = chosen[category].candidate.id
    fitting = (
        p for p in pools[category] if p.candidate.id != own and (room is None or p.price <= room)
    )
    return tuple(fitting)[:ALTERNATIVES]


def select(request: SelectionRequest, candidates: Sequence[Candidate]) -> Selection | None:
    pools, _ = eligible(request, candidates)
    return _select_from(request, pools)


def _select_from(request: SelectionRequest, pools: Mapping[str, list[Priced]]) -> Selection | None:
    chosen = _solve_knapsack(pools, request.budget_total)
    if chosen is None:
        return None
    picks = tuple(
        Pick(
            category=cat,
            vendor=chosen[cat],
            alternatives=_alternatives(cat, chosen, pools, request.budget_total),
            eligible=len(pools[cat]),
        )
        for cat in request.categories
    )
    return Selection(
        picks=picks,
        total=sum((p.vendor.price for p in picks), Decimal(0)),
        quality=sum(p.vendor.quality for p in picks),
    )


def solve(request: SelectionRequest, candidates: Sequence[Candidate]) -> Outcome:
    pools, funnel = eligible(request, candidates)
    selection = _select_from(request, pools)
    if selection is not None:
        return Outcome(selection=selection, funnel=funnel)
    conflicts = _diagnose(request, candidates, pools, funnel)
    return Outcome(
        selection=None,
        conflicts=conflicts,
        relaxations=tuple(_relaxations(request, candidates, funnel)),
        funnel=funnel,
    )


def _diagnose(
    request: SelectionRequest,
    candidates: Sequence[Candidate],
    pools: Mapping[str, list[Priced]],
    funnel: Mapping[str, Mapping[str, int]],
) -> tuple[Conflict, ...]:
    conflicts: list[Conflict] = []
    for cat in request.categories:
        if pools[cat]:
            continue
        counts = funnel[cat]
        stage, before = Stage.CATEGORY, 0
        if counts[Stage.CATEGORY]:
            previous = Stage.CATEGORY
            for s in FILTER_STAGES:
                if counts[s] == 0:
                    stage, before = s, counts[previous]
                    break
                previous = s
        conflicts.append(Conflict(cat, stage, f"{before} candidates, none passes {stage}"))
    if not conflicts and request.budget_total is not None:
        cheapest = sum((min(p.price for p in pool) for pool in pools.values()), Decimal(0))
        conflicts.append(
            Conflict(
                None,
                RelaxationKind.BUDGET,
                f"cheapest combination {cheapest} exceeds the budget {request.budget_total}",
            )
        )
    return tuple(conflicts)


def _relaxations(
    request: SelectionRequest,
    candidates: Sequence[Candidate],
    funnel: Mapping[str, Mapping[str, int]],
) -> list[Relaxation]:
    """Each proposal changes one thing; it is kept only if re-solving with it succeeds. If
    no single change is enough, one combined proposal applies several (verified alike)."""
    proposals: list[tuple[RelaxationKind, str | None, str, SelectionRequest]] = []
    proposals += _budget_proposals(request, candidates)
    proposals += _tag_proposals(request)
    proposals += _guest_proposals(request, candidates)
    found: list[Relaxation] = []
    for kind, category, value, relaxed in proposals:
        selection = select(relaxed, candidates)
        if selection is not None:
            found.append(Relaxation(kind, category, value, relaxed, selection))
    if any(funnel[c][Stage.DATE] < funnel[c][Stage.CITY] for c in request.categories):
        found += _date_relaxations(request, candidates)
    if not found:
        combined = _combined(request, candidates)
        if combined is not None:
            found.append(combined)
    return found


def _ignoring_money(request: SelectionRequest) -> SelectionRequest:
    return replace(request, budget_total=None, category_caps={})


def _combined(request: SelectionRequest, candidates: Sequence[Candidate]) -> Relaxation | None:
    """Relax in the order an organiser would give ground — must-have tags, then guests,
    then the date, then money — changing each only while a selection is still impossible
    without it, and the money only as far as the cheapest selection needs."""
    changes: list[Change] = []
    relaxed = request

    def impossible() -> bool:
        return select(_ignoring_money(relaxed), candidates) is None

    if impossible() and relaxed.required_tags:
        for cat, tags in relaxed.required_tags.items():
            changes += [Change(RelaxationKind.DROP_TAG, cat, tag) for tag in sorted(tags)]
        relaxed = replace(relaxed, required_tags={})
    if impossible():
        for kind, venue, value, fewer in _guest_proposals(_ignoring_money(relaxed), candidates):
            changes.append(Change(kind, venue, value))
            relaxed = replace(relaxed, guests=fewer.guests)
    if impossible():
        dates = _date_relaxations(_ignoring_money(relaxed), candidates, wanted=1)
        if not dates:
            return None
        relaxed = replace(relaxed, date=dates[0].request.date)
        changes.append(Change(RelaxationKind.DATE, None, relaxed.date.isoformat()))
    if impossible():
        return None
    relaxed, money = _enough_money(relaxed, candidates)
    changes += money
    selection = select(relaxed, candidates)
    if selection is None or not changes:
        return None
    # Machine-readable: "kind:category:value" per change ("drop_tag:catering:halal; budget:…").
    value = "; ".join(":".join(filter(None, (c.kind, c.category, c.value))) for c in changes)
    return Relaxation(
        RelaxationKind.COMBINED, None, value, relaxed, selection, changes=tuple(changes)
    )


def _enough_money(
    request: SelectionRequest, candidates: Sequence[Candidate]
) -> tuple[SelectionRequest, list[Change]]:
    """Caps raised to the cheapest vendor each one cut off, then the total raised to the
    cheapest selection under those caps: both by as little as that takes."""
    changes: list[Change] = []
    caps = dict(request.category_caps)
    uncapped, _ = eligible(request, candidates, skip=frozenset({Stage.CAP}))
    for cat, cap in request.category_caps.items():
        cheapest = min((p.price for p in uncapped.get(cat, [])), default=None)
        if cheapest is not None and cheapest > cap:
            caps[cat] = cheapest
            changes.append(Change(RelaxationKind.CATEGORY_CAP, cat, str(cheapest - cap)))
    relaxed = replace(request, category_caps=caps)
    if request.budget_total is not None:
        needed = _cheapest_total(replace(relaxed, budget_total=None), candidates)
        if needed is not None and needed > request.budget_total:
            changes.append(Change(RelaxationKind.BUDGET, None, str(needed - request.budget_total)))
            relaxed = replace(relaxed, budget_total=needed)
    return relaxed, changes


def with_other_cities(
    request: SelectionRequest,
    outcome: Outcome,
    elsewhere: Sequence[tuple[int, Sequence[Candidate]]],
    wanted: int = 2,
) -> Outcome:
    """An infeasible outcome plus "hold it in city X": for each nearby city (nearest first,
    with that city's vendors), the same request re-solved there; kept only if it yields a
    selection. A feasible outcome is returned as it is."""
    if outcome.selection is not None:
        return outcome
    found: list[Relaxation] = []
    for city, candidates in elsewhere:
        moved = replace(request, city_geoname_id=city)
        selection = select(moved, candidates)
        if selection is not None:
            found.append(Relaxation(RelaxationKind.CITY, None, str(city), moved, selection))
            if len(found) == wanted:
                break
    return replace(outcome, relaxations=(*outcome.relaxations, *found))


def _cheapest_total(request: SelectionRequest, candidates: Sequence[Candidate]) -> Decimal | None:
    pools, _ = eligible(request, candidates)
    if any(not pool for pool in pools.values()):
        return None
    return sum((min(p.price for p in pool) for pool in pools.values()), Decimal(0))


Proposal = tuple[RelaxationKind, str | None, str, SelectionRequest]


def _budget_proposals(request: SelectionRequest, candidates: Sequence[Candidate]) -> list[Proposal]:
    proposals: list[Proposal] = []
    caps = dict(request.category_caps)
    # A cap that leaves its category empty: raise it to the cheapest vendor it cut off.
    for cat, cap in request.category_caps.items():
        uncapped, _ = eligible(request, candidates, skip=frozenset({Stage.CAP}))
        pool = uncapped.get(cat, [])
        cheapest = min((p.price for p in pool), default=None)
        if cheapest is not None and cheapest > cap:
            caps[cat] = cheapest
            proposals.append(
                (
                    RelaxationKind.CATEGORY_CAP,
                    cat,
                    str(cheapest - cap),
                    replace(request, category_caps={**request.category_caps, cat: cheapest}),
                )
            )
    if request.budget_total is not None:
        for with_caps in (request.category_caps, caps):
            relaxed = replace(request, category_caps=with_caps, budget_total=None)
            needed = _cheapest_total(relaxed, candidates)
            if needed is not None and needed > request.budget_total:
                proposals.append(
                    (
                        RelaxationKind.BUDGET,
                        None,
                        str(needed - request.budget_total),
                        replace(relaxed, budget_total=needed),
                    )
                )
                break
    return proposals


def _tag_proposals(request: SelectionRequest) -> list[Proposal]:
    proposals: list[Proposal] = []
    for cat, tags in request.required_tags.items():
        for tag in sorted(tags):
            required = {**request.required_tags, cat: tags - {tag}}
            proposals.append(
                (RelaxationKind.DROP_TAG, cat, tag, replace(request, required_tags=required))
            )
    return proposals


def _guest_proposals(request: SelectionRequest, candidates: Sequence[Candidate]) -> list[Proposal]:
    """The most guests some otherwise acceptable venue holds, if fewer than asked."""
    proposals: list[Proposal] = []
    for cat in CAPACITY_CATEGORIES & set(request.categories):
        pools, _ = eligible(request, candidates, skip=frozenset({Stage.CAPACITY}))
        largest = max((p.candidate.capacity or 0 for p in pools[cat]), default=0)
        if 0 < largest < request.guests:
            proposals.append(
                (RelaxationKind.GUESTS, cat, str(largest), replace(request, guests=largest))
            )
    return proposals


def _date_relaxations(
    request: SelectionRequest, candidates: Sequence[Candidate], wanted: int = 2
) -> list[Relaxation]:
    """The nearest other dates (either side, up to two weeks) on which a selection exists.
    Prices do not depend on the date, so vendors are priced once and only re-filtered by
    their busy days for each date tried."""
    undated, _ = eligible(request, candidates, skip=frozenset({Stage.DATE}))
    found: list[Relaxation] = []
    for offset in _nearest_offsets(DATE_SEARCH_DAYS):
        relaxed = replace(request, date=request.date + dt.timedelta(days=offset))
        pools = {
            cat: [p for p in pool if relaxed.date not in p.candidate.busy_dates]
            for cat, pool in undated.items()
        }
        selection = _select_from(relaxed, pools)
        if selection is not None:
            found.append(
                Relaxation(RelaxationKind.DATE, None, relaxed.date.isoformat(), relaxed, selection)
            )
            if len(found) == wanted:
                break
    return found


def _nearest_offsets(days: int) -> list[int]:
    return [sign * d for d in range(1, days + 1) for sign in (1, -1)]
