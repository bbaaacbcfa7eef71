from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventmaestro.agents.finance.budgeting import Terms, estimate_at, fit, scenarios
from eventmaestro.agents.finance.estimate import CONTINGENCY, VatPolicy
from eventmaestro.agents.finance.reference import (
    CityTier,
    Drivers,
    Scenario,
    load_reference,
    reference_lines,
)
from eventmaestro.events.schemas import EventType

REFERENCE = load_reference()
TERMS = Terms(VatPolicy())


def _drivers(event_type, guests, tier, event_format="offline"):
    profile = REFERENCE.profiles[REFERENCE.profile_for(event_type, event_format)]
    return Drivers(guests, profile.hours, 1, tier, event_type, event_format)


def test_every_event_type_has_a_profile():
    named = {t for p in REFERENCE.profiles.values() for t in p.event_types}
    assert named == {t.value for t in EventType}


def test_every_figure_states_its_basis():
    for profile in REFERENCE.profiles.values():
        for line in profile.categories:
            low, typical, high = line.prices
            assert 0 < low <= typical <= high
            assert line.basis
            assert (line.drop_order is not None) == line.optional


@pytest.mark.parametrize("event_type", [t.value for t in EventType])
@pytest.mark.parametrize("event_format", ["offline", "hybrid"])
def test_estimates_fall_within_reference_ranges(event_type, event_format):
    for tier in CityTier:
        for guests in (20, 150, 1500):
            drivers = _drivers(event_type, guests, tier, event_format)
            profile = REFERENCE.profiles[REFERENCE.profile_for(event_type, event_format)]
            factor = REFERENCE.factor("default", tier)
            low, high = (bound * factor for bound in profile.cost_per_guest)
            for scenario, estimate in scenarios(REFERENCE, drivers, TERMS).items():
                for line, ref in zip(
                    estimate.lines, reference_lines(REFERENCE, drivers), strict=True
                ):
                    f = REFERENCE.factor(ref.category, tier)
                    assert ref.prices[0] * f - 1 <= line.unit_price <= ref.prices[2] * f + 1
                if scenario is Scenario.STANDARD:
                    per_guest = estimate.subtotal / guests
                    assert low <= per_guest <= high, (tier, guests, per_guest)


@pytest.mark.parametrize("profile_name", list(REFERENCE.profiles))
def test_standard_shares_match_typical_shares(profile_name):
    profile = REFERENCE.profiles[profile_name]
    for tier in CityTier:
        drivers = _drivers(profile.event_types[0], 150, tier)
        estimate = estimate_at(REFERENCE, drivers, TERMS, Decimal("0.5"))
        for category in estimate.categories:
            if category.category == CONTINGENCY:
                continue
            low, high = profile.shares[category.category]
            share = category.amount / estimate.subtotal
            assert low <= share <= high, (profile_name, tier, category.category, share)


def test_city_tiers():
    assert REFERENCE.tier_of("Москва") is CityTier.MOSCOW
    assert REFERENCE.tier_of("Санкт-Петербург") is CityTier.SAINT_PETERSBURG
    assert REFERENCE.tier_of("Екатеринбург") is CityTier.MILLION_PLUS
    assert REFERENCE.tier_of("Kazan") is CityTier.MILLION_PLUS
    assert REFERENCE.tier_of("Суздаль") is CityTier.OTHER
    assert REFERENCE.tier_of(None) is None


def test_scenarios_are_ordered():
    result = scenarios(REFERENCE, _drivers("conference", 150, CityTier.MOSCOW), TERMS)
    assert (
        result[Scenario.ECONOMY].total
        < result[Scenario.STANDARD].total
        < result[Scenario.PREMIUM].total
    )


@settings(max_examples=60, deadline=None)
@given(
    event_type=st.sampled_from([t.value for t in EventType]),
    guests=st.integers(1, 3000),
    tier=st.sampled_from(list(CityTier)),
    target=st.decimals(Decimal(1000), Decimal(200_000_000), places=2),
)
def test_fitting_never_exceeds_the_target(event_type, guests, tier, target):
    drivers = _drivers(event_type, guests, tier)
    result = fit(REFERENCE, drivers, TERMS, target)
    if result.fits:
        assert result.estimate.total <= target
        assert result.shortfall == 0
    else:
        assert result.shortfall == result.estimate.total - target > 0
        assert result.drivers
        assert all(not line.optional for line in result.estimate.lines)


def test_fit_lowers_level_before_dropping_lines():
    drivers = _drivers("wedding", 100, CityTier.MOSCOW)
    standard = estimate_at(REFERENCE, drivers, TERMS, Decimal("0.5"))
    result = fit(REFERENCE, drivers, TERMS, standard.total)
    assert result.fits
    assert result.dropped == ()
    assert result.level >= Decimal("0.4999")
    economy = estimate_at(REFERENCE, drivers, TERMS, Decimal(0))
    squeezed = fit(REFERENCE, drivers, TERMS, economy.total - 1)
    assert squeezed.dropped == ("printing",)
    assert squeezed.estimate.total <= economy.total - 1


def test_fit_explains_an_impossible_target():
    drivers = _drivers("conference", 150, CityTier.MOSCOW)
    result = fit(REFERENCE, drivers, TERMS, Decimal(100_000))
    assert not result.fits
    assert result.shortfall > 0
    assert result.drivers[0].category in {"catering", "venue"}
