"""Constrained field types shared by every API schema."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, StringConstraints


def _no_control_characters(value: str) -> str:
    # PostgreSQL refuses NUL in text and other C0 controls are never meaningful user input;
    # rejecting them here keeps a bad string a 422 instead of a database error.
    if any(ord(ch) < 32 and ch not in "\t\n\r" for ch in value):
        raise ValueError("must not contain control characters")
    return value


CleanStr = Annotated[str, AfterValidator(_no_control_characters)]


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
