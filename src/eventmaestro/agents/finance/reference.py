"""The versioned cost reference (data/costs_2026.yaml) and turning it into line items.

A price level t ∈ [0, 1] picks a unit price inside each reference range, piecewise-linearly
through low (t = 0), typical (t = ½) and high (t = 1): economy, standard and premium are
t = 0, ½, 1, and fitting to a target budget may choose any level in between.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from eventmaestro.agents.finance.estimate import LineItem


class CityTier(StrEnum):
    MOSCOW = "moscow"
    SAINT_PETERSBURG = "saint_petersburg"
    MILLION_PLUS = "million_plus"
    OTHER = "other"


class Scenario(StrEnum):
    ECONOMY = "economy"
    STANDARD = "standard"
    PREMIUM = "premium"


SCENARIO_LEVEL = {
    Scenario.ECONOMY: Decimal(0),
    Scenario.STANDARD: Decimal("0.5"),
    Scenario.PREMIUM: Decimal(1),
}

Driver = Literal["per_guest", "per_hour", "per_day", "fixed"]
Range = tuple[Decimal, Decimal]


class ReferenceLine(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    category: str
    driver: Driver
    prices: tuple[Decimal, Decimal, Decimal] = Field(description="low, typical, high (Moscow)")
    basis: str
    optional: bool = False
    drop_order: int | None = None


class Profile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    event_types: tuple[str, ...]
    hours: int
    cost_per_guest: Range
    categories: tuple[ReferenceLine, ...]
    shares: dict[str, Range]


class Reference(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str
    currency: str
    prices_include_vat: bool
    vat_rate_percent: Decimal
    tiers: dict[CityTier, dict[str, str]]
    category_labels: dict[str, dict[str, str]]
    million_plus_cities: tuple[tuple[str, ...], ...]
    tier_factors: dict[str, dict[CityTier, Decimal]]
    profiles: dict[str, Profile]
    hybrid_extra: tuple[ReferenceLine, ...]

    def profile_for(self, event_type: str, event_format: str = "offline") -> str:
        if event_format == "online":
            return "online"
        for name, profile in self.profiles.items():
            if event_type in profile.event_types:
                return name
        return "business"

    def label(self, category: str, locale: str = "ru") -> str:
        """A user's own category (e.g. «цветы») is shown as they wrote it."""
        return self.category_labels.get(category, {}).get(locale, category)

    def factor(self, category: str, tier: CityTier) -> Decimal:
        return self.tier_factors.get(category, self.tier_factors["default"])[tier]

    def tier_of(self, city: str | None) -> CityTier | None:
        """The tier of a city name in Russian or English; None when no city is known."""
        if not city:
            return None
        name = " ".join(city.lower().replace("ё", "е").replace("г.", " ").split())
        if name in {"москва", "moscow", "мск"}:
            return CityTier.MOSCOW
        if name in {
            "санкт-петербург",
            "петербург",
            "спб",
            "saint petersburg",
            "st. petersburg",
            "st petersburg",
            "sankt-peterburg",
        }:
            return CityTier.SAINT_PETERSBURG
        if any(name in names for names in self.million_plus_cities):
            return CityTier.MILLION_PLUS
        return CityTier.OTHER


@cache
def load_reference() -> Reference:
    text = resources.files("eventmaestro.agents.finance").joinpath("data/costs_2026.yaml")
    return Reference.model_validate(yaml.safe_load(text.read_text(encoding="utf-8")))


@dataclass(frozen=True, slots=True)
class Drivers:
    guests: int
    hours: int
    days: int
    tier: CityTier
    event_type: str
    event_format: str = "offline"


def unit_price(line: ReferenceLine, factor: Decimal, level: Decimal) -> Decimal:
    """Whole roubles: a reference price is never quoted in kopecks."""
    low, typical, high = (price * factor for price in line.prices)
    if level <= Decimal("0.5"):
        price = low + (typical - low) * level * 2
    else:
        price = typical + (high - typical) * (level - Decimal("0.5")) * 2
    return price.quantize(Decimal(1), rounding=ROUND_HALF_UP)


def quantity(line: ReferenceLine, drivers: Drivers) -> tuple[Decimal, str]:
    match line.driver:
        case "per_guest":
            return Decimal(drivers.guests * drivers.days), "guest-day"
        case "per_hour":
            return Decimal(drivers.hours * drivers.days), "hour"
        case "per_day":
            return Decimal(drivers.days), "day"
        case "fixed":
            return Decimal(1), "event"


def reference_lines(reference: Reference, drivers: Drivers) -> list[ReferenceLine]:
    profile = reference.profiles[reference.profile_for(drivers.event_type, drivers.event_format)]
    extra = reference.hybrid_extra if drivers.event_format == "hybrid" else ()
    return [*profile.categories, *extra]


def build_lines(
    reference: Reference,
    drivers: Drivers,
    level: Decimal,
    dropped: frozenset[str] = frozenset(),
) -> list[LineItem]:
    """Line items at price level `level`, without the optional categories in `dropped`."""
    lines = []
    for line in reference_lines(reference, drivers):
        if line.optional and line.category in dropped:
            continue
        qty, unit = quantity(line, drivers)
        lines.append(
            LineItem(
                category=line.category,
                description=line.basis,
                quantity=qty,
                unit=unit,
                unit_price=unit_price(line, reference.factor(line.category, drivers.tier), level),
                optional=line.optional,
            )
        )
    return lines


def drop_order(reference: Reference, drivers: Drivers) -> list[str]:
    """Optional categories in the order they go when money is short."""
    optional = [line for line in reference_lines(reference, drivers) if line.optional]
    ordered = sorted(
        optional, key=lambda line: math.inf if line.drop_order is None else line.drop_order
    )
    return list(dict.fromkeys(line.category for line in ordered))
