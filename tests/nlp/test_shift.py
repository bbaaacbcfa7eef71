"""Relative date moves in follow-ups: signed calendar days and months, or None."""

from __future__ import annotations

from datetime import date

import pytest

from eventmaestro.nlp.entities.shift import DateShift, extract_date_shift


@pytest.mark.parametrize(
    ("text", "shift"),
    [
        ("перенеси на неделю позже", DateShift(days=7)),
        ("на 2 недели раньше", DateShift(days=-14)),
        ("сдвинь на 3 дня вперёд", DateShift(days=3)),
        ("на месяц позже", DateShift(months=1)),
        ("move it a week later", DateShift(days=7)),
        ("two weeks earlier", DateShift(days=-14)),
        # numbers in words, either order, verbs that carry the direction
        ("перенеси на две недели", DateShift(days=14)),
        ("давай на три дня пораньше", DateShift(days=-3)),
        ("позже на пару дней", DateShift(days=2)),
        ("отложи мероприятие на один месяц", DateShift(months=1)),
        ("сдвинь всё на сутки назад", DateShift(days=-1)),
        ("а если на десять дней позже?", DateShift(days=10)),
        ("на год позже", DateShift(months=12)),
        ("push it back by three days", DateShift(days=3)),
        ("postpone the conference by a fortnight", DateShift(days=14)),
        ("can we bring it forward a week?", DateShift(days=-7)),
        ("delay the launch by 2 months", DateShift(months=2)),
        ("Перенеси корпоратив на 2 недели позже, пожалуйста", DateShift(days=14)),
    ],
)
def test_relative_moves(text: str, shift: DateShift) -> None:
    assert extract_date_shift(text) == shift


@pytest.mark.parametrize(
    "text",
    [
        "20 декабря",
        "через 2 месяца",  # from today, not a move of the event's date
        "перенеси на 20 декабря",  # a new date, read by entities.dates
        "конференция на две недели",  # a duration
        "in two weeks",
        "как раньше",
        "раньше мы делали корпоратив на 100 человек",
        "бронь на неделю",
        "а если 200 человек?",
        "на полторы недели позже",  # not a whole number of days
        "",
    ],
)
def test_no_relative_move(text: str) -> None:
    assert extract_date_shift(text) is None


def test_months_are_calendar_months() -> None:
    assert DateShift(months=1).apply(date(2027, 1, 31)) == date(2027, 2, 28)
    assert DateShift(months=-1).apply(date(2026, 3, 31)) == date(2026, 2, 28)
    assert DateShift(days=7).apply(date(2026, 12, 28)) == date(2027, 1, 4)
    later = extract_date_shift("перенеси на месяц позже")
    assert later is not None
    assert later.apply(date(2027, 1, 31)) == date(2027, 2, 28)
