from __future__ import annotations

from typing import Any

import pytest

from eventmaestro.agents.finance.reference import load_reference
from eventmaestro.agents.maestro.arguments import (
    category_labels,
    expense_category,
    expense_label,
    pick_task,
)
from eventmaestro.agents.maestro.flows import shortlist


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("добавь расход 50 000 на цветы", "decoration"),
        ("add an expense of 50,000 for flowers", "decoration"),
        ("50к на оформление зала", "decoration"),
        ("50к на кейтеринг", "catering"),
        ("оплатили банкет", "catering"),
        ("потратили 1,5 млн на площадку", "venue"),
        ("оплатили 120 тыс за звук", "technical"),
        ("30000 на бейджи", "printing"),
        ("добавь 40 000 на фотографа", "photo_video"),
        ("расход 20 000 на хостес", "staff"),
        ("30 000 на рекламу в телеграме", "marketing"),
        ("5000 на такси", "logistics"),
        ("15 000 на программу", "entertainment"),
    ],
)
def test_an_expense_lands_in_finances_category(text: str, category: str) -> None:
    assert expense_category(text) == category
    assert category in load_reference().category_labels


def test_words_naming_no_category_are_not_guessed() -> None:
    assert expense_category("добавь расход 10 000 на всякое") is None


def test_the_label_is_the_users_words() -> None:
    assert expense_label("добавь расход 50 000 на цветы") == "цветы"
    assert expense_label("add an expense of 50,000 for flowers") == "flowers"
    assert expense_label("50к на оформление зала") == "оформление зала"
    assert expense_label("добавь расход 50 000") is None


def test_the_categories_offered_are_finances_labels() -> None:
    assert "Декор" in category_labels("ru")
    assert "Decoration" in category_labels("en")
    assert "Резерв" not in category_labels("ru")  # nobody spends on the contingency itself


def _match(title: str, due: str, share: float, by_category: bool) -> dict[str, Any]:
    return {
        "task": {"id": title, "title": title, "due_date": due},
        "title_share": share,
        "by_category": by_category,
    }


def test_the_best_title_match_wins() -> None:
    pick = pick_task(
        [
            _match("Провести дегустацию", "2026-11-02", 1.0, False),
            _match("Передать финальное число гостей кейтерингу", "2026-12-15", 0.5, False),
        ]
    )
    assert pick.task is not None
    assert pick.task["title"] == "Провести дегустацию"
    assert not pick.next_in_category


def test_a_category_means_its_next_deadline() -> None:
    pick = pick_task(
        [
            _match("Утвердить меню и договор кейтеринга", "2026-11-20", 1.0, True),
            _match("Запросить предложения кейтеринга", "2026-11-10", 1.0, True),
            _match("Провести дегустацию", "2026-11-12", 0.0, True),
        ]
    )
    assert pick.task is not None
    assert pick.task["title"] == "Запросить предложения кейтеринга"
    assert pick.next_in_category


def test_two_category_deadlines_on_one_day_are_asked_about() -> None:
    pick = pick_task(
        [
            _match("Запросить предложения кейтеринга", "2026-11-10", 1.0, True),
            _match("Утвердить меню и договор кейтеринга", "2026-11-10", 1.0, True),
        ]
    )
    assert pick.task is None
    assert [t["title"] for t in pick.candidates] == [
        "Запросить предложения кейтеринга",
        "Утвердить меню и договор кейтеринга",
    ]


def test_equal_title_matches_are_ambiguous() -> None:
    pick = pick_task(
        [
            _match("Закрыть список гостей", "2026-12-14", 0.6667, False),
            _match("Передать финальное число гостей кейтерингу", "2026-12-15", 0.6667, False),
        ]
    )
    assert pick.task is None
    assert len(pick.candidates) == 2


def test_nothing_matched() -> None:
    assert pick_task([]).task is None
    assert pick_task([]).candidates == []


def test_the_shortlist_is_what_the_last_answer_listed_in_order() -> None:
    searched = {"vendors": {"items": [{"vendor": {"id": "a"}}, {"vendor": {"id": "b"}}]}}
    selected = {"vendors": {"picks": [{"vendor": {"vendor_id": "c"}}], "feasible": True}}
    assert shortlist(searched) == ["a", "b"]
    assert shortlist(selected) == ["c"]
    assert shortlist({"vendors": {"rows": []}}) is None
    assert shortlist({"budget": {}}) is None
