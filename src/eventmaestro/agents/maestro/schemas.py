"""Orchestration API schemas."""

from __future__ import annotations

from typing import Annotated
from zoneinfo import available_timezones

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from eventmaestro.kit.types import CleanStr, UtcDateTime
from eventmaestro.nlp.entities.extract import DEFAULT_TIMEZONE

_TIMEZONES = frozenset(available_timezones())


def _known_timezone(value: str) -> str:
    if value not in _TIMEZONES:
        raise ValueError("must be an IANA time zone such as Europe/Moscow")
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must contain text")
    return value


Message = Annotated[
    CleanStr, StringConstraints(min_length=1, max_length=2000), AfterValidator(_not_blank)
]
TimeZoneName = Annotated[str, AfterValidator(_known_timezone)]


class IntentClassifyRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: Message
    now: UtcDateTime | None = Field(
        default=None, description="Resolve relative dates against this instant (default: now)"
    )
    timezone: TimeZoneName = Field(
        default=DEFAULT_TIMEZONE, description="The user's zone: which calendar day `now` is"
    )
