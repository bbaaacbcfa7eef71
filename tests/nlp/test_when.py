"""When vs how long: a window is where to choose the day, a duration is how many days, and
a range is both a first and last day and a duration. A window never becomes `date_end`."""

from __future__ import annotations

from datetime import date

import pytest

from eventmaestro.nlp.entities.dates import extract_duration
from eventmaestro.nlp.entities.extract import extract_entities, normalise
from tests.clock import TEST_NOW

# TEST_NOW is Monday 7 December 2026, 09:00 in Moscow.


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("конференция в марте", date(2027, 3, 1), date(2027, 3, 31)),
        ("свадьба в июне", date(2027, 6, 1), date(2027, 6, 30)),
        ("корпоратив летом", date(2027, 6, 1), date(2027, 8, 31)),
        ("на новогодних праздниках", date(2027, 1, 1), date(2027, 1, 8)),
        ("в конце года", date(2026, 12, 15), date(2026, 12, 31)),
        ("в следующем месяце", date(2027, 1, 1), date(2027, 1, 31)),
        ("a conference in March", date(2027, 3, 1), date(2027, 3, 31)),
        ("a party next month", date(2027, 1, 1), date(2027, 1, 31)),
        ("an offsite this summer", date(2027, 6, 1), date(2027, 8, 31)),
    ],
)
def test_a_window_is_not_the_events_days(text: str, start: date, end: date) -> None:
    entities = extract_entities(text, TEST_NOW)
    assert entities.date_window is not None
    assert (entities.date_window.start, entities.date_window.end) == (start, end)
    assert entities.date is None
    assert entities.date_end is None
    assert entities.duration_days is None


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("конференция, два дня", 2),
        ("3-дневный форум", 3),
        ("тимбилдинг на 2 дня", 2),
        ("2-х дневная конференция", 2),
        ("пять дней", 5),
        ("однодневный семинар", 1),
        ("a two days forum", 2),
        ("a 3-day conference", 3),
        ("one-day seminar", 1),
    ],
)
def test_a_duration_is_how_many_days(text: str, days: int) -> None:
    entities = extract_entities(text, TEST_NOW)
    assert entities.duration_days == days
    assert entities.date is None
    assert entities.date_window is None


@pytest.mark.parametrize(
    "text",
    [
        "через 2 дня",
        "перенеси на 2 дня позже",
        "за 3 дня до мероприятия",
        "in 3 days",
        "3 days before the event",
        "на 10 дней раньше",
        "бюджет 2 млн",
    ],
)
def test_no_duration_in_relative_dates_and_moves(text: str) -> None:
    assert extract_duration(normalise(text)) is None


def test_the_march_conference() -> None:
    entities = extract_entities(
        "конференция на 300 участников в Санкт-Петербурге в марте, два дня, бюджет 6 млн", TEST_NOW
    )
    assert entities.date_window is not None
    assert (entities.date_window.start, entities.date_window.end) == (
        date(2027, 3, 1),
        date(2027, 3, 31),
    )
    assert entities.duration_days == 2
    assert entities.date is None
    assert entities.date_end is None


@pytest.mark.parametrize(
    ("text", "start", "end", "days"),
    [
        ("с 10 по 12 марта", date(2027, 3, 10), date(2027, 3, 12), 3),
        ("20-21 декабря", date(2026, 12, 20), date(2026, 12, 21), 2),
        ("March 10-12", date(2027, 3, 10), date(2027, 3, 12), 3),
        ("from 10 to 12 March", date(2027, 3, 10), date(2027, 3, 12), 3),
    ],
)
def test_a_range_is_dates_and_a_duration(text: str, start: date, end: date, days: int) -> None:
    entities = extract_entities(text, TEST_NOW)
    assert (entities.date, entities.date_end, entities.duration_days) == (start, end, days)
    assert entities.date_window is None


def test_a_day_and_a_duration_give_the_last_day() -> None:
    entities = extract_entities("форум 15 апреля, 3 дня", TEST_NOW)
    assert (entities.date, entities.date_end, entities.duration_days) == (
        date(2027, 4, 15),
        date(2027, 4, 17),
        3,
    )
    english = extract_entities("a 2-day summit on April 15", TEST_NOW)
    assert (english.date, english.date_end, english.duration_days) == (
        date(2027, 4, 15),
        date(2027, 4, 16),
        2,
    )
