"""Generated scenarios: every selection meets every hard constraint, is at least as good as a
greedy pick, and every proposed relaxation of an infeasible scenario really is feasible."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace
from decimal import Decimal

import pytest

from eventmaestro.agents.vendors.selection import (
    CAPACITY_CATEGORIES,
    Candidate,
    Relaxation,
    RelaxationKind,
    Selection,
    SelectionRequest,
    eligible,
    price_for,
    quality_score,
    select,
    solve,
    with_other_cities,
)

CATEGORIES = ("venue", "catering", "decoration", "entertainment", "logistics", "technical")
TAGS = ("лофт", "терраса", "халяль", "vegan", "parking")
CITIES = (524901, 551487)
TOWN = 463835  # Zelenodolsk, 40 km from Kazan
DAY = dt.date(2026, 12, 18)


def _catalogue(rng: random.Random, size: int) -> list[Candidate]:
    vendors = []
    for i in range(size):
        category = rng.choice(CATEGORIES)
        model = "person" if category == "catering" else rng.choice(["event", "hour", "day"])
        unit = Decimal(rng.randrange(1, 60) * (100 if model == "person" else 5000))
        vendors.append(
            Candidate(
                id=f"v{i}",
                name=f"Vendor {i}",
                category=category,
                city_geoname_id=rng.choice(CITIES),
                price_model=model,
                unit_price=unit,
                min_order=Decimal(rng.choice([0, 0, 50000])),
                vat_status=rng.choice(["included", "extra", "exempt"]),
                rating=round(rng.uniform(3.0, 5.0), 1),
                review_count=rng.randrange(0, 400),
                response_hours=rng.randrange(1, 72),
                capacity=rng.randrange(20, 600) if category in CAPACITY_CATEGORIES else None,
                tags=frozenset(rng.sample(TAGS, rng.randrange(0, 3))),
                busy_dates=frozenset(
                    DAY + dt.timedelta(days=d) for d in range(-20, 21) if rng.random() < 0.3
                ),
            )
        )
    return vendors


def _request(rng: random.Random, vendors: list[Candidate], *, tight: bool) -> SelectionRequest:
    """`tight` scenarios have small budgets and many must-have tags: mostly infeasible."""
    categories = tuple(rng.sample(CATEGORIES, rng.randrange(1, 5)))
    caps = {c: Decimal(rng.randrange(50, 900) * 1000) for c in categories if rng.random() < 0.3}
    tag_odds = 0.6 if tight else 0.25
    tags = {c: frozenset([rng.choice(TAGS)]) for c in categories if rng.random() < tag_odds}
    budget = rng.randrange(50, 600) if tight else rng.randrange(100, 3000)
    return SelectionRequest(
        city_geoname_id=rng.choice(CITIES),
        date=DAY,
        guests=rng.randrange(20, 500),
        categories=categories,
        budget_total=Decimal(budget * 1000),
        category_caps=caps,
        required_tags=tags,
        preferred_tags=frozenset(rng.sample(TAGS, 1)),
        excluded=frozenset(rng.sample([v.id for v in vendors], 5)),
    )


def _assert_meets_hard_constraints(
    request: SelectionRequest, vendors: list[Candidate], selection: Selection
) -> None:
    assert [p.category for p in selection.picks] == list(request.categories)
    by_id = {v.id: v for v in vendors}
    total = Decimal(0)
    for pick in selection.picks:
        v = by_id[pick.vendor.candidate.id]
        price = price_for(v, request)
        total += price
        assert v.category == pick.category
        assert v.city_geoname_id == request.city_geoname_id
        assert request.date not in v.busy_dates
        assert v.id not in request.excluded
        assert request.required_tags.get(v.category, frozenset()) <= v.tags
        if v.category in CAPACITY_CATEGORIES:
            assert (v.capacity or 0) >= request.guests
        cap = request.category_caps.get(v.category)
        assert cap is None or price <= cap
    assert total == selection.total
    assert request.budget_total is None or total <= request.budget_total


def _greedy_quality(request: SelectionRequest, vendors: list[Candidate]) -> int | None:
    """Best-first per category, whatever still fits: the baseline a solver must beat."""
    pools, _ = eligible(request, vendors)
    remaining = request.budget_total or Decimal("Infinity")
    quality = 0
    for category in request.categories:
        pick = next((p for p in pools[category] if p.price <= remaining), None)
        if pick is None:
            return None
        remaining -= pick.price
        quality += pick.quality
    return quality


@pytest.mark.parametrize("tight", [False, True])
@pytest.mark.parametrize("seed", range(30))
def test_generated_scenarios(seed: int, tight: bool) -> None:
    rng = random.Random(seed)
    vendors = _catalogue(rng, 400)
    request = _request(rng, vendors, tight=tight)
    outcome = solve(request, vendors)
    greedy = _greedy_quality(request, vendors)
    if outcome.selection is not None:
        _assert_meets_hard_constraints(request, vendors, outcome.selection)
        assert greedy is None or outcome.selection.quality >= greedy
        for pick in outcome.selection.picks:
            assert pick.vendor.candidate.id not in {a.candidate.id for a in pick.alternatives}
        return
    assert greedy is None
    assert outcome.conflicts
    # Every infeasible scenario gets relaxations (combined ones when no single change is
    # enough), and each one is feasible when solved again from scratch.
    assert outcome.relaxations
    for relaxation in outcome.relaxations:
        _assert_relaxes(request, relaxation)
        again = select(relaxation.request, vendors)
        assert again is not None
        assert again.quality == relaxation.selection.quality
        _assert_meets_hard_constraints(relaxation.request, vendors, relaxation.selection)


def _assert_relaxes(request: SelectionRequest, relaxation: Relaxation) -> None:
    """The relaxed request asks for no more than the original on any constraint."""
    relaxed = relaxation.request
    assert relaxed.categories == request.categories
    assert relaxed.guests <= request.guests
    assert relaxed.excluded == request.excluded
    for cat, tags in relaxed.required_tags.items():
        assert tags <= request.required_tags.get(cat, frozenset())
    if request.budget_total is not None:
        assert relaxed.budget_total is None or relaxed.budget_total >= request.budget_total
    for cat, cap in relaxed.category_caps.items():
        assert cap >= request.category_caps[cat]
    if relaxation.kind is RelaxationKind.COMBINED:
        assert len(relaxation.changes) >= 1
        assert {c.kind for c in relaxation.changes} <= set(RelaxationKind) - {
            RelaxationKind.COMBINED
        }


def test_infeasible_scenarios_are_diagnosed_and_relaxed() -> None:
    rng = random.Random(7)
    vendors = _catalogue(rng, 600)
    tight = SelectionRequest(
        city_geoname_id=CITIES[0],
        date=DAY,
        guests=150,
        categories=("venue", "catering"),
        budget_total=Decimal(1000),
    )
    outcome = solve(tight, vendors)
    assert outcome.selection is None
    assert [c.stage for c in outcome.conflicts] == ["budget"]
    budget = next(r for r in outcome.relaxations if r.kind is RelaxationKind.BUDGET)
    assert budget.request.budget_total == Decimal(1000) + Decimal(budget.value)
    assert budget.selection.total == budget.request.budget_total

    huge = SelectionRequest(city_geoname_id=CITIES[0], date=DAY, guests=5000, categories=("venue",))
    outcome = solve(huge, vendors)
    assert [(c.category, c.stage) for c in outcome.conflicts] == [("venue", "capacity")]
    guests = next(r for r in outcome.relaxations if r.kind is RelaxationKind.GUESTS)
    assert 0 < int(guests.value) < 5000


def test_no_single_change_is_enough_so_one_combined_relaxation() -> None:
    """Only one venue seats 300 and it is busy; catering must be halal and nobody is; the
    budget is tiny. Each of these alone leaves the event impossible."""
    hall = replace(_venue("hall", 4.5, 50), capacity=300, busy_dates=frozenset({DAY}))
    small = replace(_venue("small", 4.0, 50), capacity=120, unit_price=Decimal(50000))
    food = replace(
        _venue("food", 4.6, 80),
        category="catering",
        price_model="person",
        unit_price=Decimal(1500),
        capacity=None,
    )
    request = SelectionRequest(
        city_geoname_id=1,
        date=DAY,
        guests=200,
        categories=("venue", "catering"),
        budget_total=Decimal(10000),
        required_tags={"catering": frozenset({"halal"})},
    )
    vendors = [hall, small, food]
    outcome = solve(request, vendors)
    assert outcome.selection is None
    [combined] = outcome.relaxations
    assert combined.kind is RelaxationKind.COMBINED
    kinds = [c.kind for c in combined.changes]
    assert kinds[0] is RelaxationKind.DROP_TAG
    assert RelaxationKind.BUDGET in kinds
    # Fewer guests (the small hall) or another date (the big one): whichever comes first.
    assert {RelaxationKind.GUESTS, RelaxationKind.DATE} & set(kinds)
    again = select(combined.request, vendors)
    assert again is not None
    assert combined.request.budget_total == again.total == combined.selection.total
    assert combined.value.startswith("drop_tag:catering:halal; ")


def _city_catalogue(rng: random.Random) -> tuple[list[Candidate], list[Candidate]]:
    """A small town with vendors in only some categories, and a city with all of them."""
    vendors = _catalogue(rng, 300)
    town = [
        replace(v, id=f"town-{v.id}", city_geoname_id=TOWN)
        for v in vendors
        if v.category in ("catering", "decoration") and rng.random() < 0.5
    ]
    city = [v for v in vendors if v.city_geoname_id == CITIES[0]]
    return town, city


@pytest.mark.parametrize("seed", range(10))
def test_a_town_without_some_categories_is_offered_a_nearby_city(seed: int) -> None:
    rng = random.Random(seed)
    town, city = _city_catalogue(rng)
    request = SelectionRequest(
        city_geoname_id=TOWN,
        date=DAY,
        guests=rng.randrange(20, 150),
        categories=("venue", "catering", "decoration"),
        budget_total=Decimal(5_000_000),
    )
    outcome = with_other_cities(request, solve(request, town), [(CITIES[0], city)])
    assert outcome.selection is None
    assert ("venue", "category") in [(c.category, c.stage) for c in outcome.conflicts]
    moved = [r for r in outcome.relaxations if r.kind is RelaxationKind.CITY]
    assert [r.value for r in moved] == [str(CITIES[0])]
    assert moved[0].request == replace(request, city_geoname_id=CITIES[0])
    again = select(moved[0].request, city)
    assert again is not None
    _assert_meets_hard_constraints(moved[0].request, city, moved[0].selection)


def test_a_nearby_city_that_cannot_do_it_either_is_not_offered() -> None:
    rng = random.Random(3)
    town, city = _city_catalogue(rng)
    request = SelectionRequest(
        city_geoname_id=TOWN,
        date=DAY,
        guests=100,
        categories=("venue", "catering"),
        budget_total=Decimal(10),
    )
    outcome = with_other_cities(request, solve(request, town), [(CITIES[0], city)])
    assert all(r.kind is not RelaxationKind.CITY for r in outcome.relaxations)
    rich = replace(request, city_geoname_id=CITIES[0], budget_total=Decimal(10_000_000))
    feasible = solve(rich, city)
    assert feasible.selection is not None
    assert with_other_cities(rich, feasible, [(CITIES[1], city)]) is feasible


def test_busy_date_proposes_nearby_dates() -> None:
    only = Candidate(
        id="hall",
        name="Зал",
        category="venue",
        city_geoname_id=1,
        price_model="event",
        unit_price=Decimal(100000),
        min_order=Decimal(0),
        vat_status="exempt",
        rating=4.5,
        review_count=10,
        response_hours=2,
        capacity=200,
        busy_dates=frozenset({DAY, DAY + dt.timedelta(days=1)}),
    )
    request = SelectionRequest(city_geoname_id=1, date=DAY, guests=100, categories=("venue",))
    outcome = solve(request, [only])
    assert [c.stage for c in outcome.conflicts] == ["date"]
    assert [r.value for r in outcome.relaxations] == ["2026-12-17", "2026-12-20"]


def _venue(id: str, rating: float, reviews: int) -> Candidate:
    return Candidate(
        id=id,
        name=id,
        category="venue",
        city_geoname_id=1,
        price_model="event",
        unit_price=Decimal(1),
        min_order=Decimal(0),
        vat_status="exempt",
        rating=rating,
        review_count=reviews,
        response_hours=1,
    )


def test_quality_trusts_many_reviews_over_few() -> None:
    few, many = _venue("a", 5.0, 2), _venue("b", 4.8, 300)
    assert quality_score(many, frozenset()) > quality_score(few, frozenset())
