from __future__ import annotations

import datetime as dt
import uuid

from eventmaestro.agents.planning.lookup import forms, match_tasks
from eventmaestro.agents.planning.schemas import TaskOut, TaskStatus


def _task(title: str, due: str, vendor: str | None = None) -> TaskOut:
    day = dt.date.fromisoformat(due)
    return TaskOut(
        id=uuid.uuid4(),
        plan_id=uuid.uuid4(),
        key=title,
        title=title,
        phase="venue_vendors",
        duration=1,
        start_date=day,
        due_date=day,
        status=TaskStatus.TODO,
        milestone=False,
        optional=False,
        after_event=False,
        owner_role=None,
        vendor_category=vendor,
        assignee=None,
        depends_on=[],
    )


TASKS = [
    _task("Утвердить меню и договор кейтеринга", "2026-11-20", "catering"),
    _task("Запросить предложения кейтеринга", "2026-11-10", "catering"),
    _task("Провести дегустацию", "2026-11-12", "catering"),
    _task("Согласовать декор и оформление", "2026-11-05", "decor"),
    _task("Заказать цветы", "2026-12-01", "florist"),
    _task("Закрыть список гостей", "2026-12-14"),
    _task("Выбрать подрядчика по звуку, свету и экранам", "2026-11-01", "av"),
]


def _titles(query: str) -> list[str]:
    return [m.task.title for m in match_tasks(query, TASKS)]


def test_words_meet_in_their_dictionary_form() -> None:
    assert forms("кейтерингу") == forms("кейтеринга") == {"кейтеринг"}
    assert _titles("дегустацию") == ["Провести дегустацию"]
    assert _titles("списка гостей") == ["Закрыть список гостей"]


def test_title_matches_first_then_the_rest_of_the_category_each_by_deadline() -> None:
    found = match_tasks("кейтерингу", TASKS)
    assert [m.task.title for m in found] == [
        "Запросить предложения кейтеринга",
        "Утвердить меню и договор кейтеринга",
        "Провести дегустацию",
    ]
    assert [m.title_share for m in found] == [1.0, 1.0, 0.0]
    assert all(m.by_category for m in found)


def test_a_vendor_category_finds_the_templates_finer_kinds() -> None:
    assert set(_titles("цветы")) == {"Заказать цветы", "Согласовать декор и оформление"}
    assert _titles("звук")[0] == "Выбрать подрядчика по звуку, свету и экранам"


def test_unknown_words_find_nothing() -> None:
    assert match_tasks("фейерверку", TASKS) == []
