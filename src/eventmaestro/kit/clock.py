"""The one place that reads the wall clock, so tests and agents can pass `now` explicitly.

The clock can be started at a chosen moment (`start_at`, or `MAESTRO_CLOCK_START` for a whole
server): it then ticks normally from there. Demos show the product as of a date, and tests run
as of a fixed day whatever the real date is, so a test never passes only in the month it was
written. Everything that asks for "now" — tokens, plans, deadlines — reads this clock, so they
stay consistent with one another.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

_offset = timedelta(0)


def utcnow() -> datetime:
    return datetime.now(UTC) + _offset


def start_at(moment: datetime) -> None:
    """From now on the clock reads `moment` and ticks on from it."""
    global _offset
    if moment.tzinfo is None:
        raise ValueError("the clock's start needs a time zone")
    _offset = moment - datetime.now(UTC)


def reset() -> None:
    global _offset
    _offset = timedelta(0)


@contextmanager
def started_at(moment: datetime) -> Iterator[None]:
    global _offset
    saved = _offset
    start_at(moment)
    try:
        yield
    finally:
        _offset = saved
