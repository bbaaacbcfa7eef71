"""A window («в марте») becomes one day chosen by the event's kind; a length («два дня») is how
many days the estimate counts — never the window's 31."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx

from eventmaestro.agents.planning.event_day import russian_holidays
from eventmaestro.agents.runtime import AgentRuntime
from tests.agents.maestro.helpers import ask
from tests.clock import TEST_NOW

NOW = TEST_NOW.isoformat()
HOLIDAYS = russian_holidays(range(2026, 2029))


async def test_a_march_conference_of_two_days_gets_a_tuesday_to_thursday_pair(
    client: httpx.AsyncClient, token: str, agents: AgentRuntime
) -> None:
    body = await ask(
        client,
        token,
        "конференция на 300 участников в Санкт-Петербурге в марте, два дня, бюджет 6 млн",
        now=NOW,
    )
    entities = body["entities"]
    assert entities["duration_days"] == 2
    assert entities["date_window"] == {"start": "2027-03-01", "end": "2027-03-31"}
    first = dt.date.fromisoformat(entities["date"])
    last = dt.date.fromisoformat(entities["date_end"])
    assert (first.year, first.month) == (2027, 3)
    assert last - first == dt.timedelta(days=1)
    assert {first.weekday(), last.weekday()} <= {1, 2, 3}  # Tuesday to Thursday
    assert first not in HOLIDAYS
    assert last not in HOLIDAYS
    assert body["results"]["budget"]["output"]["drivers"]["days"] == 2
    assert "Дата: " in body["summary"]
    assert "вторник–четверг" in body["summary"]
    assert body["results"]["plan"]["output"]["plan"]["event_date"] == entities["date"]


def _assert_party_day(body: dict[str, Any], year: int, month: int) -> None:
    """A Friday or Saturday of that month, no public holiday: the day a celebration wants."""
    chosen = dt.date.fromisoformat(body["entities"]["date"])
    assert (chosen.year, chosen.month) == (year, month)
    assert chosen.weekday() in {4, 5}
    assert chosen not in HOLIDAYS


async def test_next_month_never_lands_on_the_new_year_holidays(
    client: httpx.AsyncClient, token: str, agents: AgentRuntime
) -> None:
    body = await ask(client, token, "корпоратив на 80 человек в Казани в следующем месяце", now=NOW)
    _assert_party_day(body, 2027, 1)
    assert "date_end" not in body["entities"] or body["entities"]["date_end"] is None
    assert body["results"]["budget"]["output"]["drivers"]["days"] == 1


async def test_a_june_wedding_in_english_says_which_day_and_why(
    client: httpx.AsyncClient, token: str, agents: AgentRuntime
) -> None:
    body = await ask(client, token, "a wedding for 120 guests in Moscow in June", now=NOW)
    _assert_party_day(body, 2027, 6)
    assert "Friday or Saturday" in body["summary"]
