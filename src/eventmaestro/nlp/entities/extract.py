"""All entity rules over one normalised text, with `today` taken from `now` in the user's zone."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field

from eventmaestro.events.schemas import EventFormat, EventType
from eventmaestro.kit.money import Money
from eventmaestro.nlp.entities.cities import extract_city
from eventmaestro.nlp.entities.dates import MAX_DURATION_DAYS, extract_dates, extract_duration
from eventmaestro.nlp.entities.guests import extract_guests
from eventmaestro.nlp.entities.keywords import (
    VendorCategory,
    extract_event_type,
    extract_format,
    extract_vendor_category,
)
from eventmaestro.nlp.entities.money import extract_budget
from eventmaestro.nlp.numbers import words_to_digits

DEFAULT_TIMEZONE = "Europe/Moscow"


class CityRef(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    geoname_id: int


class DateWindow(BaseModel):
    """A period the event is to happen in («в марте», «летом»); the day is chosen in planning."""

    model_config = ConfigDict(frozen=True)

    start: dt.date
    end: dt.date


class Entities(BaseModel):
    """The understanding contract's entities; a field is set only when the text states it."""

    model_config = ConfigDict(frozen=True)

    event_type: EventType | None = None
    guests_count: int | None = None
    budget: Money | None = None
    city: CityRef | None = None
    date: dt.date | None = None
    date_end: dt.date | None = None
    date_window: DateWindow | None = None
    duration_days: int | None = Field(default=None, ge=1, le=MAX_DURATION_DAYS)
    format: EventFormat | None = None
    vendor_category: VendorCategory | None = None


def normalise(text: str) -> str:
    """Lower case, ё as е, numbers in words as digits: the form every rule reads."""
    return words_to_digits(text).lower().replace("ё", "е")


def local_today(now: dt.datetime, timezone: str = DEFAULT_TIMEZONE) -> dt.date:
    """The user's calendar day: 23:30 UTC is already tomorrow in Moscow."""
    return now.astimezone(ZoneInfo(timezone)).date()


def extract_entities(text: str, now: dt.datetime, timezone: str = DEFAULT_TIMEZONE) -> Entities:
    normal = normalise(text)
    span = extract_dates(normal, local_today(now, timezone))
    city = extract_city(words_to_digits(text))
    start = end = window = None
    duration = extract_duration(normal)
    if span is not None and span.window:
        window = DateWindow(start=span.start, end=span.end or span.start)
    elif span is not None:
        start, end = span.start, span.end
        if end is not None:
            # «с 10 по 12 марта» is three days, whatever else the text says.
            length = (end - start).days + 1
            duration = length if length <= MAX_DURATION_DAYS else None
        elif duration is not None and duration > 1:
            end = start + dt.timedelta(days=duration - 1)
    return Entities(
        event_type=extract_event_type(normal),
        guests_count=extract_guests(normal),
        budget=extract_budget(normal),
        city=CityRef(name=city.name, geoname_id=city.geoname_id) if city else None,
        date=start,
        date_end=end,
        date_window=window,
        duration_days=duration,
        format=extract_format(normal),
        vendor_category=extract_vendor_category(normal),
    )
