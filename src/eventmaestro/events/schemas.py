"""Event I/O, in the understanding contract's vocabulary (SPEC.md), from chat to database."""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum
from typing import Annotated, Any
from zoneinfo import available_timezones

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from eventmaestro.kit.money import Money
from eventmaestro.kit.types import IsoDate, LongText, Name, ShortText


class EventType(StrEnum):
    CONFERENCE = "conference"
    FORUM = "forum"
    SEMINAR = "seminar"
    WEBINAR = "webinar"
    EXHIBITION = "exhibition"
    CORPORATE_PARTY = "corporate_party"
    TEAM_BUILDING = "team_building"
    PRODUCT_LAUNCH = "product_launch"
    AWARD_CEREMONY = "award_ceremony"
    WEDDING = "wedding"
    BIRTHDAY = "birthday"
    FESTIVAL = "festival"
    CONCERT = "concert"
    SPORTS_EVENT = "sports_event"
    OTHER = "other"


class EventFormat(StrEnum):
    OFFLINE = "offline"
    ONLINE = "online"
    HYBRID = "hybrid"


class EventStatus(StrEnum):
    DRAFT = "draft"
    PLANNING = "planning"
    CONFIRMED = "confirmed"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    ARCHIVED = "archived"


_TIMEZONES = frozenset(available_timezones())


def _known_timezone(value: str) -> str:
    if value not in _TIMEZONES:
        raise ValueError("must be an IANA time zone such as Europe/Moscow")
    return value


Timezone = Annotated[str, AfterValidator(_known_timezone)]
GuestsCount = Annotated[int, Field(ge=1, le=1_000_000)]


class City(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name
    geoname_id: Annotated[int, Field(ge=1, le=2_147_483_647)] | None = None


def _city_from_name(value: Any) -> Any:
    return {"name": value} if isinstance(value, str) else value


class _OrJustItsName:
    """Documents what `_city_from_name` lets through: the object, or only the city's name."""

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        name = {"type": "string", "minLength": 1, "maxLength": 200}
        return {"anyOf": [handler(core_schema), name]}


CityInput = Annotated[City, BeforeValidator(_city_from_name), _OrJustItsName]


class _EventFields(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="after")
    def _dates_in_order(self) -> _EventFields:
        start, end = getattr(self, "date", None), getattr(self, "date_end", None)
        if start is not None and end is not None and end < start:
            raise ValueError("date_end must be on or after date")
        return self


class EventCreate(_EventFields):
    name: Name
    event_type: EventType = EventType.OTHER
    date: IsoDate | None = None
    date_end: IsoDate | None = None
    timezone: Timezone = "Europe/Moscow"
    city: CityInput | None = Field(
        default=None, description='A city name, or {"name", "geoname_id"}'
    )
    venue: ShortText | None = None
    guests_count: GuestsCount | None = None
    budget: Money | None = None
    format: EventFormat = EventFormat.OFFLINE
    status: EventStatus = EventStatus.DRAFT
    client: ShortText | None = None
    notes: LongText | None = None


class EventUpdate(_EventFields):
    """Partial update: only the fields sent change; `null` clears an optional field."""

    name: Name | None = None
    event_type: EventType | None = None
    date: IsoDate | None = None
    date_end: IsoDate | None = None
    timezone: Timezone | None = None
    city: CityInput | None = None
    venue: ShortText | None = None
    guests_count: GuestsCount | None = None
    budget: Money | None = None
    format: EventFormat | None = None
    status: EventStatus | None = None
    client: ShortText | None = None
    notes: LongText | None = None


class EventOut(BaseModel):
    id: uuid.UUID
    name: str
    event_type: EventType
    date: dt.date | None
    date_end: dt.date | None
    timezone: str
    city: City | None
    venue: str | None
    guests_count: int | None
    budget: Money | None
    format: EventFormat
    status: EventStatus
    client: str | None
    notes: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    archived_at: dt.datetime | None


class EventSort(StrEnum):
    DATE = "date"
    DATE_DESC = "-date"
    CREATED = "created_at"
    CREATED_DESC = "-created_at"
    NAME = "name"


class EventFilters(BaseModel):
    status: list[EventStatus] | None = None
    event_type: list[EventType] | None = None
    format: EventFormat | None = None
    city: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    q: str | None = None
    include_archived: bool = False
    sort: EventSort = EventSort.DATE
