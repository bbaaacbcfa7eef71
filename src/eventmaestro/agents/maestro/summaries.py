"""The answer in words: a short summary in the user's language, built from the agents'
structured outputs. Every figure here is read from an output, never invented; when a model
is configured it may rephrase this text, and its version is kept only if it carries the
same figures (see `language.py`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Literal

from eventmaestro.agents.vendors.taxonomy import CITY_BY_ID
from eventmaestro.nlp.intents import Intent

Language = Literal["ru", "en"]

_CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)
_LATIN = re.compile("[a-z]", re.IGNORECASE)

EVENT_TYPES: dict[str, tuple[str, str]] = {
    "conference": ("Конференция", "Conference"),
    "forum": ("Форум", "Forum"),
    "seminar": ("Семинар", "Seminar"),
    "webinar": ("Вебинар", "Webinar"),
    "exhibition": ("Выставка", "Exhibition"),
    "corporate_party": ("Корпоратив", "Corporate party"),
    "team_building": ("Тимбилдинг", "Team building"),
    "product_launch": ("Запуск продукта", "Product launch"),
    "award_ceremony": ("Церемония награждения", "Award ceremony"),
    "wedding": ("Свадьба", "Wedding"),
    "birthday": ("День рождения", "Birthday"),
    "festival": ("Фестиваль", "Festival"),
    "concert": ("Концерт", "Concert"),
    "sports_event": ("Спортивное мероприятие", "Sports event"),
    "other": ("Мероприятие", "Event"),
}
VENDOR_CATEGORIES: dict[str, tuple[str, str]] = {
    "venue": ("площадка", "venue"),
    "catering": ("кейтеринг", "catering"),
    "decoration": ("декор", "decoration"),
    "entertainment": ("программа", "entertainment"),
    "logistics": ("транспорт", "logistics"),
    "technical": ("техника", "technical"),
}
ENTITY_NAMES: dict[str, tuple[str, str]] = {
    "date": ("дату мероприятия", "the date of the event"),
    "guests_count": ("количество гостей", "the number of guests"),
    "city": ("город", "the city"),
    "event_type": ("тип мероприятия", "the type of event"),
}
_MONTHS_RU = (
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
).split()


def detect_language(text: str) -> Language:
    """Russian when the message has more Cyrillic than Latin letters («ok, 200 человек»)."""
    cyrillic = len(_CYRILLIC.findall(text))
    return "ru" if cyrillic >= len(_LATIN.findall(text)) and cyrillic else "en"


def pick(pair: tuple[str, str], language: Language) -> str:
    return pair[0] if language == "ru" else pair[1]


def money(amount: Decimal | str | float, language: Language, currency: str = "RUB") -> str:
    value = Decimal(str(amount)).quantize(Decimal(1))
    grouped = f"{value:,}".replace(",", "\u00a0" if language == "ru" else ",")
    symbol = {"RUB": "₽", "USD": "$", "EUR": "€"}.get(currency, currency)
    return f"{grouped} {symbol}" if currency == "RUB" else f"{symbol}{grouped}"


def day(value: str | dt.date, language: Language) -> str:
    date = dt.date.fromisoformat(value) if isinstance(value, str) else value
    if language == "ru":
        return f"{date.day} {_MONTHS_RU[date.month - 1]} {date.year}"
    return date.strftime("%-d %B %Y")


def city_name(city: Mapping[str, Any], language: Language) -> str:
    known = CITY_BY_ID.get(int(city["geoname_id"]))
    if known is not None and language == "ru":
        return known.name_ru
    return str(city["name"])


def brief_line(entities: Mapping[str, Any], language: Language) -> str:
    """«Корпоратив · 150 гостей · Казань · 20 декабря 2026 · бюджет 2 000 000 ₽»."""
    kind = EVENT_TYPES.get(str(entities.get("event_type") or "other"), EVENT_TYPES["other"])
    parts = [pick(kind, language)]
    if entities.get("guests_count"):
        n = int(entities["guests_count"])
        parts.append(f"{n} гостей" if language == "ru" else f"{n} guests")
    if entities.get("city"):
        parts.append(city_name(entities["city"], language))
    if entities.get("date"):
        parts.append(day(entities["date"], language))
    budget = entities.get("budget")
    if budget:
        label = "бюджет" if language == "ru" else "budget"
        parts.append(f"{label} {money(budget['amount'], language, budget['currency'])}")
    return " · ".join(parts)


def _plan_sentence(output: Mapping[str, Any], language: Language) -> str:
    plan = output["plan"]
    feasibility = plan["feasibility"]
    count = plan["tasks_count"]
    start = day(plan["start_date"], language)
    if feasibility["feasible"]:
        slack = feasibility["available_days"] - feasibility["required_days"]
        if language == "ru":
            return (
                f"План: {count} задач с {start}; по критическому пути нужно "
                f"{feasibility['required_days']} раб. дн. из {feasibility['available_days']}"
                f" (запас {slack})."
            )
        return (
            f"Plan: {count} tasks from {start}; the critical path needs "
            f"{feasibility['required_days']} of {feasibility['available_days']} working days "
            f"({slack} to spare)."
        )
    earliest = feasibility.get("earliest_feasible_date")
    when = f" {day(earliest, language)}" if earliest else ""
    if language == "ru":
        return (
            f"План: {count} задач, но к дате не успеть — нужно {feasibility['required_days']}"
            f" раб. дн., осталось {feasibility['available_days']}."
            + (f" Самая ранняя реальная дата —{when}." if earliest else "")
        )
    return (
        f"Plan: {count} tasks, but the date cannot be met — it needs "
        f"{feasibility['required_days']} working days and {feasibility['available_days']} remain."
        + (f" The earliest feasible date is{when}." if earliest else "")
    )


def _budget_sentence(output: Mapping[str, Any], language: Language) -> str:
    totals = output["totals"]
    total = money(totals["total"], language)
    vat = Decimal(str(totals["vat_rate_percent"])).normalize()
    head = (
        f"Смета: {total} с НДС {vat:f} %"
        if language == "ru"
        else f"Estimate: {total} incl. {vat:f} % VAT"
    )
    fit = output.get("fit")
    if not fit:
        return head + "."
    target = money(fit["target"], language)
    if fit["fits"]:
        return head + (
            f" — в пределах бюджета {target}." if language == "ru" else f" — within {target}."
        )
    short = money(fit["shortfall"], language)
    return head + (
        f" — даже минимум превышает бюджет {target} на {short}."
        if language == "ru"
        else f" — even the minimum exceeds the {target} budget by {short}."
    )


def _vendors_sentence(output: Mapping[str, Any], language: Language) -> str:
    if not output.get("feasible"):
        first = next(iter(output.get("relaxations") or []), None)
        hint = f" {first['description']}" if first else ""
        return (
            "Подрядчики: набора, который выполняет все условия, нет." + hint
            if language == "ru"
            else "Vendors: no set meets every constraint." + hint
        )
    picks = [
        f"{pick(VENDOR_CATEGORIES.get(p['category'], (p['category'],) * 2), language)} "
        f"«{p['vendor']['name']}» — {money(p['vendor']['price']['amount'], language)}"
        for p in output.get("picks", [])
    ]
    total = money(output["total"]["amount"], language) if output.get("total") else ""
    label = "Подрядчики" if language == "ru" else "Vendors"
    tail = (f"; итого {total}" if language == "ru" else f"; total {total}") if total else ""
    return f"{label}: " + "; ".join(picks) + tail + "."


def _search_sentence(output: Mapping[str, Any], language: Language) -> str:
    items = output.get("items") or []
    total = output.get("total", len(items))
    names = ", ".join(
        f"«{hit['vendor']['name']}» ({money(hit['event_price']['amount'], language)})"
        for hit in items[:3]
    )
    if not items:
        return "Подходящих подрядчиков не нашлось." if language == "ru" else "No vendors match."
    if language == "ru":
        return f"Нашлось подрядчиков: {total}. Лучшие: {names}."
    return f"Found {total} vendors. Top: {names}."


def _tasks_sentence(output: Mapping[str, Any], language: Language) -> str:
    tasks = output.get("tasks") or []
    overdue, at_risk = output.get("overdue", 0), output.get("at_risk", 0)
    urgent = [t for t in tasks if t.get("overdue") or t.get("at_risk")][:3]
    names = "; ".join(f"{t['title']} (до {day(t['due_date'], language)})" for t in urgent)
    if language == "ru":
        head = f"Задач: {len(tasks)}, просрочено: {overdue}, под угрозой: {at_risk}."
        return head + (f" Горит: {names}." if names else "")
    names = names.replace("(до ", "(due ")
    head = f"Tasks: {len(tasks)}, overdue: {overdue}, at risk: {at_risk}."
    return head + (f" Urgent: {names}." if names else "")


SENTENCES = {
    "plan": _plan_sentence,
    "budget": _budget_sentence,
    "vendors.select": _vendors_sentence,
    "vendors.search": _search_sentence,
    "tasks": _tasks_sentence,
}


def step_sentence(step: str, skill: str, output: Mapping[str, Any], language: Language) -> str:
    writer = SENTENCES.get(step) or SENTENCES.get(skill)
    return writer(output, language) if writer else ""


def missing_sentence(what: list[str], language: Language) -> str:
    if not what:
        return ""
    listed = ", ".join(what)
    return f"Нет результата: {listed}." if language == "ru" else f"Missing: {listed}."


def clarifying_question(missing: list[str], language: Language) -> str:
    names = [pick(ENTITY_NAMES.get(m, (m, m)), language) for m in missing]
    listed = " и ".join(names) if language == "ru" else " and ".join(names)
    return f"Уточните, пожалуйста, {listed}." if language == "ru" else f"Please tell me {listed}."


_NO_FLOW: dict[str, tuple[str, str]] = {
    Intent.SMALLTALK: (
        "Здравствуйте! Я Маэстро: планирую мероприятия, считаю сметы и подбираю подрядчиков. "
        "Опишите событие — например, «корпоратив на 150 человек в Казани 20 декабря, "
        "бюджет 2 млн».",
        "Hello! I am Maestro: I plan events, estimate budgets and select vendors. Describe "
        "your event, e.g. “a conference for 300 people in Moscow on 15 April, budget 3M”.",
    ),
    Intent.OUT_OF_SCOPE: (
        "Это вне моей области: я помогаю с мероприятиями — план, смета, подрядчики, "
        "коммуникации и аналитика.",
        "That is outside what I do: I help with events — plans, budgets, vendors, "
        "communication and analytics.",
    ),
}


def no_flow_answer(intent: Intent, language: Language) -> str:
    if intent in _NO_FLOW:
        return pick(_NO_FLOW[intent], language)
    label = intent.value.replace("_", " ")
    if language == "ru":
        return (
            f"Понял запрос ({label}), но агент, который это делает, на этой установке не "
            "подключён — ответить за него я не могу."
        )
    return (
        f"I understood the request ({label}), but the agent that handles it is not "
        "installed here, and I will not make up its answer."
    )
