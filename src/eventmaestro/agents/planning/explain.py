"""Words for an infeasible plan, in Russian or English. Every number comes from the scheduler;
this module only phrases it (a language model may rephrase it later, never recompute it)."""

from __future__ import annotations

from collections.abc import Callable

from eventmaestro.agents.planning.scheduling import Compression, CompressionKind, Infeasibility

Titles = Callable[[str], str]


def _days_ru(count: int) -> str:
    tail = count % 100
    if 11 <= tail <= 14:
        word = "рабочих дней"
    elif count % 10 == 1:
        word = "рабочий день"
    elif count % 10 in (2, 3, 4):
        word = "рабочих дня"
    else:
        word = "рабочих дней"
    return f"{count} {word}"


def _days_en(count: int) -> str:
    return f"{count} working day" + ("" if count == 1 else "s")


def summary(why: Infeasibility, title: Titles, locale: str) -> str:
    path = " → ".join(title(task_id) for task_id in why.critical_path)
    date = why.earliest_feasible_date.isoformat()
    if locale == "ru":
        return (
            f"Не успеваем: нужно {_days_ru(why.required_days)}, осталось "
            f"{_days_ru(why.available_days)}. Критический путь: {path}. "
            f"Самая ранняя реальная дата мероприятия: {date}."
        )
    return (
        f"Not feasible: needs {_days_en(why.required_days)}, {why.available_days} remain. "
        f"Critical path: {path}. Earliest feasible event date: {date}."
    )


def compression(item: Compression, title: Titles, locale: str) -> str:
    names = [title(task_id) for task_id in item.task_ids]
    ru = locale == "ru"
    saves = _days_ru(item.saves_days) if ru else _days_en(item.saves_days)
    if item.kind is CompressionKind.PARALLEL:
        if ru:
            return f"Вести параллельно «{names[0]}» и «{names[1]}» (экономия {saves})"
        return f"Run “{names[0]}” and “{names[1]}” in parallel (saves {saves})"
    if item.kind is CompressionKind.DROP_OPTIONAL:
        listed = ", ".join(names[:5]) + ("…" if len(names) > 5 else "")
        if ru:
            return f"Отказаться от необязательных задач: {listed} (экономия {saves})"
        return f"Drop optional tasks: {listed} (saves {saves})"
    if ru:
        return (
            f"Сократить «{names[0]}» до {_days_ru(item.new_duration or 0)}, "
            f"добавив людей (экономия {saves})"
        )
    return (
        f"Shorten “{names[0]}” to {_days_en(item.new_duration or 0)} with more people "
        f"(saves {saves})"
    )
