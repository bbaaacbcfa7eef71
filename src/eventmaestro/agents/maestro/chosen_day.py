"""A window («в марте», «летом») becomes one concrete day before any agent runs.

Understanding keeps a window apart from a day: «в марте» is when, «два дня» how long. Plans,
estimates and vendor availability all need a day, so Maestro settles it once, by planning's
rule (`planning.event_day`: Friday or Saturday for parties, Tuesday–Thursday for conferences,
never a public holiday), writes it into the conversation as `date` (and `date_end` for a
multi-day event), and says in the answer which day it chose and that it can be changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from eventmaestro.agents.maestro.summaries import Language, day, pick, weekday
from eventmaestro.agents.planning.event_day import (
    ChosenDay,
    DayRule,
    choose_event_day,
    russian_holidays,
)

_WHY: dict[DayRule, tuple[str, str]] = {
    DayRule.LEISURE: (
        "для праздника лучше пятница или суббота",
        "Friday or Saturday suits a celebration best",
    ),
    DayRule.BUSINESS: (
        "для деловых мероприятий лучше вторник–четверг",
        "Tuesday to Thursday suits a business event best",
    ),
    DayRule.ANY: ("это ближайший подходящий день без праздников", "the first suitable day"),
}


def settle_day(entities: dict[str, Any], today: dt.date) -> ChosenDay | None:
    """Choose the day inside the stated window and store it; None when a day was stated (or
    no window was), or when every day of the window is past or a public holiday."""
    window = entities.get("date_window")
    if entities.get("date") or not isinstance(window, Mapping):
        return None
    first = dt.date.fromisoformat(str(window["start"]))
    last = dt.date.fromisoformat(str(window["end"]))
    duration = entities.get("duration_days")
    chosen = choose_event_day(
        str(entities.get("event_type") or "other"),
        (first, last),
        int(duration) if duration else None,
        today,
        None,
        russian_holidays(range(first.year, last.year + 1)),
    )
    if chosen is None:
        return None
    entities["date"] = chosen.start.isoformat()
    if chosen.end != chosen.start:
        entities["date_end"] = chosen.end.isoformat()
    return chosen


def chosen_day_sentence(chosen: ChosenDay, language: Language) -> str:
    """«Дата: вторник, 2 марта 2027 — для деловых мероприятий лучше вторник–четверг; назовите
    другой день, если нужен.»"""
    when = f"{weekday(chosen.start, language)}, {day(chosen.start, language)}"
    if chosen.end != chosen.start:
        until = f"{weekday(chosen.end, language)}, {day(chosen.end, language)}"
        when = f"{when} – {until}"
    why = pick(_WHY[chosen.rule], language)
    if language == "ru":
        return f"Дата: {when} — {why}; назовите другой день, если нужен."
    return f"Date: {when} — {why}; name another day if you prefer."
