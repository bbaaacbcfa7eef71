"""Constrained field types shared by every API schema."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, BeforeValidator, StringConstraints


def _no_control_characters(value: str) -> str:
    # PostgreSQL refuses NUL in text and other C0 controls are never meaningful user input;
    # rejecting them here keeps a bad string a 422 instead of a database error.
    if any(ord(ch) < 32 and ch not in "\t\n\r" for ch in value):
        raise ValueError("must not contain control characters")
    return value


CleanStr = Annotated[str, AfterValidator(_no_control_characters)]


def _iso_text(value: object) -> object:
    # Pydantic would read a JSON number as a Unix timestamp (12345 → 1970-01-01T03:25:45Z);
    # the API documents ISO 8601 strings, so a number is a client's mistake, not a date.
    if isinstance(value, int | float):
        raise ValueError("must be an ISO 8601 string")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_text)]


def _in_utc(value: datetime) -> datetime:
    # An offset near the ends of the calendar (9999-12-31T23:59-14:00) has no UTC equivalent;
    # converting here makes that a 422 instead of an overflow deep in the database layer.
    try:
        return value.astimezone(UTC)
    except OverflowError:
        raise ValueError("is out of the representable range once converted to UTC") from None


UtcDateTime = Annotated[AwareDatetime, BeforeValidator(_iso_text), AfterValidator(_in_utc)]
"""A timestamp with an explicit offset (a naive one is ambiguous), normalised to UTC."""


Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(_no_control_characters),
]
ShortText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=500),
    AfterValidator(_no_control_characters),
]
LongText = Annotated[
    str,
    StringConstraints(max_length=20_000),
    AfterValidator(_no_control_characters),
]
SearchText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(_no_control_characters),
]
