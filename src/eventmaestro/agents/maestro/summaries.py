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

from eventmaestro.agents.finance.reference import load_reference
from eventmaestro.agents.maestro.arguments import pick_task
from eventmaestro.agents.maestro.dag import ClarificationNeeded
from eventmaestro.agents.vendors.taxonomy import CITY_BY_ID
from eventmaestro.kit.money import format_rub, roubles
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
    "event": (
        "о каком мероприятии речь: откройте его или выберите в списке мероприятий",
        "which event this is about: open it or pick it from your events",
    ),
    "amount": ("сумму расхода", "the amount spent"),
    "due_date": ("новую дату срока", "the new due date"),
    "task": ("какую задачу изменить — назовите её", "which task to change — name it"),
    "ticket_price": ("цену билета", "the ticket price"),
    "shortlist": (
        "каких подрядчиков сравнить: сначала найдите их, например «найди лофт на 200 человек "
        "в Москве»",
        "which vendors to compare: search for them first, e.g. “find a loft for 200 in Moscow”",
    ),
    "costs": (
        "затраты мероприятия: у него нет ни сметы, ни бюджета",
        "the event's costs: it has neither an estimate nor a budget",
    ),
}
_WEEKDAYS_RU = "понедельник вторник среда четверг пятница суббота воскресенье".split()
_TIERS: dict[str, tuple[str, str]] = {
    "early_bird": ("ранняя продажа", "early bird"),
    "standard": ("основная", "standard"),
    "late": ("последние места", "late"),
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
    if currency == "RUB":
        return format_rub(amount, language)
    value = roubles(Decimal(str(amount)))
    grouped = f"{value:,}".replace(",", "\u00a0" if language == "ru" else ",")
    symbol = {"USD": "$", "EUR": "€"}.get(currency, currency)
    return f"{symbol}{grouped}"


def day(value: str | dt.date, language: Language) -> str:
    date = dt.date.fromisoformat(value) if isinstance(value, str) else value
    if language == "ru":
        return f"{date.day} {_MONTHS_RU[date.month - 1]} {date.year}"
    return date.strftime("%-d %B %Y")


def exact_money(amount: Decimal | str | float, language: Language) -> str:
    """Chat shows whole roubles only (kopecks are for documents); see `_left` for figures
    that must add up."""
    return format_rub(amount, language)


def guests_ru(n: int) -> str:
    """«1 гость», «3 гостя», «383 гостей»: Russian numerals choose the noun's form."""
    if n % 10 == 1 and n % 100 != 11:
        return f"{n} гость"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return f"{n} гостя"
    return f"{n} гостей"


def number(value: Decimal | str | float, language: Language) -> str:
    text = f"{Decimal(str(value)):f}".replace("-", "−")
    return text.replace(".", ",") if language == "ru" else text


def percent(value: Decimal | str, language: Language) -> str:
    return number(value, language) + " %"


def weekday(value: str | dt.date, language: Language) -> str:
    date = dt.date.fromisoformat(value) if isinstance(value, str) else value
    return _WEEKDAYS_RU[date.weekday()] if language == "ru" else date.strftime("%A")


def quoted(titles: list[str], language: Language) -> str:
    return ", ".join(f"«{t}»" if language == "ru" else f"“{t}”" for t in titles)


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
        parts.append(guests_ru(n) if language == "ru" else f"{n} guest{'' if n == 1 else 's'}")
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


_TASKS_SHOWN = 5


def _tasks_sentence(output: Mapping[str, Any], language: Language) -> str:
    """Counts, then the tasks that burn first: overdue and at risk, then by deadline."""
    tasks = output.get("tasks") or []
    overdue, at_risk = output.get("overdue", 0), output.get("at_risk", 0)
    if not tasks:
        return (
            "Ничего не горит: подходящих задач нет."
            if language == "ru"
            else "Nothing is burning: no task fits."
        )
    first = sorted(
        tasks, key=lambda t: (not t.get("overdue"), not t.get("at_risk"), t["due_date"])
    )[:_TASKS_SHOWN]
    if language == "ru":
        names = "; ".join(
            f"«{t['title']}» — до {day(t['due_date'], language)}"
            + (" (просрочена)" if t.get("overdue") else "")
            for t in first
        )
        head = f"Задач: {len(tasks)}, просрочено: {overdue}, под угрозой: {at_risk}."
        return f"{head} Первыми: {names}."
    names = "; ".join(
        f"“{t['title']}” — due {day(t['due_date'], language)}"
        + (" (overdue)" if t.get("overdue") else "")
        for t in first
    )
    head = f"Tasks: {len(tasks)}, overdue: {overdue}, at risk: {at_risk}."
    return f"{head} First: {names}."


def _find_sentence(output: Mapping[str, Any], language: Language) -> str:
    """Why this task, when the words named a category with several open tasks."""
    if not pick_task(output["matches"]).next_in_category:
        return ""
    count = sum(1 for m in output["matches"] if m["by_category"])
    query = output["query"]
    if language == "ru":
        return f"По запросу «{query}» открытых задач: {count}; переношу ближайшую по сроку."
    return f"{count} open tasks match “{query}”; moving the one due soonest."


_MOVED_SHOWN = 4


def _move_sentence(output: Mapping[str, Any], language: Language) -> str:
    task, moved = output["task"], output["moved"]
    due = f"{day(task['due_date'], language)} ({weekday(task['due_date'], language)})"
    shown = [
        f"{quoted([m['title']], language)} → {day(m['due_date'], language)}"
        for m in moved[:_MOVED_SHOWN]
    ]
    rest = len(moved) - len(shown)
    if language == "ru":
        head = f"Срок задачи «{task['title']}» — теперь {due}."
        if not moved:
            tail = " Зависимые задачи не сдвинулись: у них был запас."
        else:
            more = f" и ещё {rest}" if rest else ""
            tail = f" Сдвинулись зависимые задачи ({len(moved)}): " + "; ".join(shown) + more + "."
        critical = " Задача теперь на критическом пути." if task.get("critical") else ""
        return head + tail + critical
    head = f"“{task['title']}” is now due {due}."
    if not moved:
        tail = " No dependent task had to move: they had slack."
    else:
        more = f" and {rest} more" if rest else ""
        tail = f" Dependent tasks moved ({len(moved)}): " + "; ".join(shown) + more + "."
    critical = " The task is now on the critical path." if task.get("critical") else ""
    return head + tail + critical


def _category_label(category: str, language: Language) -> str:
    return load_reference().label(category, language)


def _left(plan: Decimal, actual: Decimal, language: Language) -> str:
    # What is left is the difference of the figures shown, so «осталось X из Y» adds up.
    plan, actual = roubles(Decimal(str(plan))), roubles(Decimal(str(actual)))
    left = plan - actual
    if left >= 0:
        return (
            f"осталось {exact_money(left, language)} из {exact_money(plan, language)}"
            if language == "ru"
            else f"{exact_money(left, language)} of {exact_money(plan, language)} left"
        )
    return (
        f"перерасход {exact_money(-left, language)} сверх {exact_money(plan, language)}"
        if language == "ru"
        else f"{exact_money(-left, language)} over the {exact_money(plan, language)} planned"
    )


def _expense_sentence(output: Mapping[str, Any], language: Language) -> str:
    expense, status = output["expense"], output.get("status")
    label = _category_label(expense["category"], language)
    spent = exact_money(expense["amount"]["amount"], language)
    words = f" ({quoted([expense['description']], language)})" if expense.get("description") else ""
    head = (
        f"Записал расход {spent}: {label}{words}."
        if language == "ru"
        else f"Recorded an expense of {spent}: {label}{words}."
    )
    if not status:
        return head + (
            " Сметы у мероприятия нет, остаток считать не от чего."
            if language == "ru"
            else " The event has no estimate, so nothing to count what is left against."
        )
    row = next((c for c in status["categories"] if c["category"] == expense["category"]), None)
    overall = _left(Decimal(status["plan"]), Decimal(status["actual"]), language)
    if row is None or Decimal(row["plan"]) == 0:
        in_category = (
            f" Статьи «{label}» в смете нет."
            if language == "ru"
            else f" The estimate has no {label} line."
        )
    else:
        left = _left(Decimal(row["plan"]), Decimal(row["actual"]), language)
        in_category = f" {label}: {left}."
    total = f" Всего: {overall}." if language == "ru" else f" Overall: {overall}."
    return head + in_category + total


def _status_sentence(output: Mapping[str, Any], language: Language) -> str:
    status = output.get("status")
    if not status:
        return (
            "Сметы ещё нет — остаток считать не от чего; попросите «посчитай смету»."
            if language == "ru"
            else "There is no estimate yet, so nothing to count against; ask for an estimate."
        )
    plan, actual = Decimal(status["plan"]), Decimal(status["actual"])
    over = [
        f"{_category_label(c['category'], language)} {exact_money(c['variance'], language)}"
        for c in status["categories"]
        if Decimal(c["variance"]) > 0
    ][:3]
    if language == "ru":
        text = (
            f"Бюджет: план {exact_money(plan, language)}, потрачено "
            f"{exact_money(actual, language)} (оплачено {exact_money(status['paid'], language)})"
            f", {_left(plan, actual, language)}."
        )
        return text + (f" Перерасход: {'; '.join(over)}." if over else "")
    text = (
        f"Budget: planned {exact_money(plan, language)}, spent {exact_money(actual, language)} "
        f"(paid {exact_money(status['paid'], language)}), {_left(plan, actual, language)}."
    )
    return text + (f" Over plan: {'; '.join(over)}." if over else "")


def _costs_sentence(output: Mapping[str, Any], language: Language) -> str:
    """The costs' source, when it is not the estimate."""
    if output.get("status"):
        return ""
    return (
        "Сметы нет — считаю от бюджета мероприятия."
        if language == "ru"
        else "No estimate yet — using the event's budget as its costs."
    )


def _roi_sentence(output: Mapping[str, Any], language: Language) -> str:
    revenue, costs, profit = (Decimal(output[k]) for k in ("revenue", "costs", "profit"))
    attendance = int(output["attendance"])
    tickets = sum(
        (Decimal(v) for k, v in output["revenue_by_stream"].items() if k.startswith("tickets")),
        Decimal(0),
    )
    price = exact_money(tickets / attendance if attendance else 0, language)
    roi = percent(output["roi_percent"], language)
    gain = exact_money(abs(profit), language)
    be_people, be_price = output.get("break_even_attendance"), output.get("break_even_price")
    if language == "ru":
        verdict = "окупается" if profit >= 0 else "не окупается"
        text = (
            f"Билет {price} × {guests_ru(attendance)}: выручка {exact_money(revenue, language)}, "
            f"затраты {exact_money(costs, language)} — {verdict}: "
            f"{'прибыль' if profit >= 0 else 'убыток'} {gain}, ROI {roi}."
        )
        if be_people is not None:
            text += f" Безубыточность: {guests_ru(be_people)} по этой цене"
            text += f" или билет {exact_money(be_price, language)}." if be_price else "."
        return text
    verdict = "pays off" if profit >= 0 else "does not pay off"
    text = (
        f"Ticket {price} × {attendance} guests: revenue {exact_money(revenue, language)}, "
        f"costs {exact_money(costs, language)} — it {verdict}: "
        f"{'profit' if profit >= 0 else 'loss'} {gain}, ROI {roi}."
    )
    if be_people is not None:
        text += f" Break-even: {be_people} guests at this price"
        text += f" or a {exact_money(be_price, language)} ticket." if be_price else "."
    return text


def _pricing_sentence(output: Mapping[str, Any], language: Language) -> str:
    best = output["optimum"]
    people = int(Decimal(best["attendance"]))
    profit = Decimal(best["profit"])
    elasticity = output["parameters"].get("elasticity")
    tiers = "; ".join(
        f"{pick(_TIERS.get(t['name'], (t['name'], t['name'])), language)} "
        f"{exact_money(t['price'], language)} × {t['seats']}"
        for t in output["tiers"]
    )
    if language == "ru":
        text = (
            f"Цена билета с наибольшей прибылью — {exact_money(best['price'], language)}: "
            f"придут {guests_ru(people)}{' (зал полон)' if output['capacity_binds'] else ''}, "
            f"выручка {exact_money(best['revenue'], language)}, "
            f"{'прибыль' if profit >= 0 else 'убыток'} {exact_money(abs(profit), language)}."
        )
        if elasticity is not None:
            text += (
                f" Спрос — с эластичностью {number(elasticity, language)}, "
                "принятой для этого типа мероприятий."
            )
        return text + (f" Продажи по ступеням: {tiers}." if tiers else "")
    text = (
        f"The most profitable ticket price is {exact_money(best['price'], language)}: "
        f"{people} guests{' (sold out)' if output['capacity_binds'] else ''}, revenue "
        f"{exact_money(best['revenue'], language)}, "
        f"{'profit' if profit >= 0 else 'loss'} {exact_money(abs(profit), language)}."
    )
    if elasticity is not None:
        text += f" Demand elasticity {elasticity}, assumed for this type of event."
    return text + (f" Tiers: {tiers}." if tiers else "")


def _compare_sentence(output: Mapping[str, Any], language: Language) -> str:
    rows = output.get("rows") or []
    if not rows:
        return ""

    def price(row: Mapping[str, Any]) -> Decimal:
        return Decimal(str(row["event_price"]["amount"]))

    ru = language == "ru"
    parts = []
    for row in rows:
        rating = number(row["rating"], language)
        per_guest = money(row["price_per_guest"]["amount"], language)
        parts.append(
            f"{quoted([row['name']], language)} — {money(price(row), language)} "
            + (
                f"({per_guest} на гостя), рейтинг {rating} (отзывов: {row['review_count']}), "
                f"предоплата {row['prepayment_percent']} %"
                if ru
                else f"({per_guest} per guest), rating {rating} ({row['review_count']} reviews), "
                f"{row['prepayment_percent']} % upfront"
            )
        )
    text = ("Сравнение: " if ru else "Comparison: ") + "; ".join(parts) + "."
    if len(rows) > 1:
        cheapest = quoted([min(rows, key=price)["name"]], language)
        rated = quoted([max(rows, key=lambda r: Decimal(str(r["rating"])))["name"]], language)
        text += (
            f" Дешевле — {cheapest}, рейтинг выше — {rated}."
            if ru
            else f" Cheapest: {cheapest}; best rated: {rated}."
        )
    return text


SENTENCES = {
    "plan": _plan_sentence,
    "budget": _budget_sentence,
    "vendors.select": _vendors_sentence,
    "vendors.search": _search_sentence,
    "vendors.compare": _compare_sentence,
    "tasks": _tasks_sentence,
    "find": _find_sentence,
    "move": _move_sentence,
    "expense": _expense_sentence,
    "status": _status_sentence,
    "costs": _costs_sentence,
    "roi": _roi_sentence,
    "pricing": _pricing_sentence,
}


def step_sentence(
    step: str, skill: str, output: Mapping[str, Any], language: Language
) -> str | None:
    """The step's sentence; "" when it has nothing to add, None when no writer knows it."""
    writer = SENTENCES.get(step) or SENTENCES.get(skill)
    return writer(output, language) if writer else None


def missing_sentence(what: list[str], language: Language) -> str:
    if not what:
        return ""
    listed = ", ".join(what)
    return f"Нет результата: {listed}." if language == "ru" else f"Missing: {listed}."


def clarifying_question(missing: list[str], language: Language) -> str:
    names = [pick(ENTITY_NAMES.get(m, (m, m)), language) for m in missing]
    listed = " и ".join(names) if language == "ru" else " and ".join(names)
    return f"Уточните, пожалуйста, {listed}." if language == "ru" else f"Please tell me {listed}."


def choice_question(ask: ClarificationNeeded, language: Language) -> str:
    """What a step needs from the user, with what they may choose from."""
    options = quoted(list(ask.options), language)
    subject = ask.subject or ""
    ru = language == "ru"
    if ask.missing == "task" and ask.options:
        if ask.ambiguous:
            return (
                f"По запросу «{subject}» подходят несколько задач: {options}. Какую перенести?"
                if ru
                else f"Several tasks match “{subject}”: {options}. Which one should move?"
            )
        return (
            f"Не нашёл открытых задач по запросу «{subject}». Какую перенести? "
            f"Ближайшие по сроку: {options}."
            if ru
            else f"I found no open task matching “{subject}”. Which one should move? "
            f"Due soonest: {options}."
        )
    if ask.missing == "due_date" and ask.subject and ask.options:
        start = day(ask.options[0], language)
        return (
            f"Задача «{subject}» начинается {start} — срок не может быть раньше. "
            "На какую дату перенести?"
            if ru
            else f"“{subject}” starts on {start}; it cannot be due earlier. Which date then?"
        )
    if ask.missing == "expense_category":
        what = f" «{subject}»" if ru and subject else (f" “{subject}”" if subject else "")
        listed = ", ".join(ask.options)
        return (
            f"К какой статье сметы отнести расход{what}: {listed}?"
            if ru
            else f"Which budget category is the expense{what}: {listed}?"
        )
    if ask.missing == "positions" and ask.options:
        return (
            f"В списке вариантов: {ask.options[0]}. Какие сравнить?"
            if ru
            else f"The list has {ask.options[0]} options. Which ones should I compare?"
        )
    if ask.missing == "price_point":
        return (
            "Чтобы подобрать цену, нужна одна точка спроса: сколько гостей придёт при какой "
            "цене? Например: «если при 3000 ₽ придут 200 человек»."
            if ru
            else "To find the price I need one point of demand: how many guests would come at "
            "what price? For example: “at 3000 ₽, 200 people would come”."
        )
    return clarifying_question([ask.missing], language)


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
