"""The words of command answers, in Russian and English, from structured outputs."""

from __future__ import annotations

from typing import Any

import pytest

from eventmaestro.agents.maestro.dag import ClarificationNeeded
from eventmaestro.agents.maestro.summaries import (
    choice_question,
    exact_money,
    guests_ru,
    step_sentence,
)

NBSP = "\u00a0"


def test_chat_money_is_whole_roubles_rounded_half_up() -> None:
    # Kopecks are for documents; chat rounds once, half-up, like every other screen.
    assert exact_money("1860672.50", "ru") == f"1{NBSP}860{NBSP}673 ₽"
    assert exact_money("1860672.49", "en") == "1,860,672 ₽"
    assert exact_money("50000.00", "ru") == f"50{NBSP}000 ₽"
    assert exact_money("-12.30", "ru") == "−12 ₽"


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "1 гость"),
        (3, "3 гостя"),
        (11, "11 гостей"),
        (22, "22 гостя"),
        (383, "383 гостя"),
        (385, "385 гостей"),
    ],
)
def test_guests_agree_with_the_number(n: int, text: str) -> None:
    assert guests_ru(n) == text


MOVE: dict[str, Any] = {
    "task": {
        "id": "t1",
        "title": "Request catering proposals",
        "due_date": "2026-12-11",
        "critical": True,
    },
    "moved": [
        {"id": "t2", "title": "Hold a tasting", "due_date": "2026-12-14"},
        {"id": "t3", "title": "Approve the menu", "due_date": "2026-12-17"},
    ],
}


def test_a_moved_deadline_names_the_day_and_the_tasks_that_followed() -> None:
    en = step_sentence("move", "planning.update_task", MOVE, "en")
    assert en == (
        "“Request catering proposals” is now due 11 December 2026 (Friday). Dependent tasks "
        "moved (2): “Hold a tasting” → 14 December 2026; “Approve the menu” → 17 December "
        "2026. The task is now on the critical path."
    )
    ru = step_sentence("move", "planning.update_task", {**MOVE, "moved": []}, "ru")
    assert ru is not None
    assert "11 декабря 2026 (пятница)" in ru
    assert "Зависимые задачи не сдвинулись" in ru


STATUS: dict[str, Any] = {
    "plan": "1910672.50",
    "actual": "50000.00",
    "paid": "0.00",
    "remaining": "1860672.50",
    "categories": [
        {"category": "decoration", "plan": "102480.00", "actual": "50000.00", "variance": "0"},
        {"category": "catering", "plan": "500000.00", "actual": "512000.00", "variance": "12000"},
    ],
}


def test_an_expense_answer_says_what_is_left_in_its_category_and_overall() -> None:
    output = {
        "expense": {
            "category": "decoration",
            "amount": {"amount": "50000.00", "currency": "RUB"},
            "description": "flowers",
        },
        "status": STATUS,
    }
    assert step_sentence("expense", "finance.track_expense", output, "en") == (
        "Recorded an expense of 50,000 ₽: Decoration (“flowers”). Decoration: 52,480 ₽ of "
        "102,480 ₽ left. Overall: 1,860,673 ₽ of 1,910,673 ₽ left."
    )
    alone = {**output, "status": None}
    assert "no estimate" in (step_sentence("expense", "finance.track_expense", alone, "en") or "")


def test_the_status_answer_names_overspent_categories() -> None:
    ru = step_sentence("status", "finance.budget_status", {"status": STATUS}, "ru")
    assert ru is not None
    # What is left is the shown plan minus the shown spending, so the sentence adds up.
    assert f"осталось 1{NBSP}860{NBSP}673 ₽ из 1{NBSP}910{NBSP}673 ₽" in ru
    assert f"Перерасход: Кейтеринг 12{NBSP}000 ₽." in ru
    empty = step_sentence("status", "finance.budget_status", {"status": None}, "en")
    assert empty is not None
    assert empty.startswith("There is no estimate yet")


def test_questions_list_what_to_choose_from() -> None:
    unknown = ClarificationNeeded("task", ["Close the guest list"], subject="fireworks")
    assert choice_question(unknown, "en") == (
        "I found no open task matching “fireworks”. Which one should move? Due soonest: "
        "“Close the guest list”."
    )
    several = ClarificationNeeded("task", ["A", "B"], subject="список", ambiguous=True)
    assert choice_question(several, "ru") == (
        "По запросу «список» подходят несколько задач: «A», «B». Какую перенести?"
    )
    category = ClarificationNeeded("expense_category", ["Декор", "Кейтеринг"], subject="всякое")
    assert choice_question(category, "ru") == (
        "К какой статье сметы отнести расход «всякое»: Декор, Кейтеринг?"
    )
    assert choice_question(ClarificationNeeded("due_date"), "ru") == (
        "Уточните, пожалуйста, новую дату срока."
    )
    too_early = ClarificationNeeded("due_date", ["2026-11-05"], subject="Провести дегустацию")
    assert choice_question(too_early, "ru") == (
        "Задача «Провести дегустацию» начинается 5 ноября 2026 — срок не может быть раньше. "
        "На какую дату перенести?"
    )


def test_a_comparison_names_the_cheapest_and_the_best_rated() -> None:
    def row(name: str, price: str, rating: str) -> dict[str, Any]:
        return {
            "name": name,
            "event_price": {"amount": price, "currency": "RUB"},
            "price_per_guest": {"amount": str(int(price) // 200), "currency": "RUB"},
            "rating": rating,
            "review_count": 12,
            "prepayment_percent": 50,
        }

    output = {"rows": [row("Loft A", "400000", "4.9"), row("Loft B", "300000", "4.2")]}
    assert step_sentence("vendors", "vendors.compare", output, "en") == (
        "Comparison: “Loft A” — 400,000 ₽ (2,000 ₽ per guest), rating 4.9 (12 reviews), 50 % "
        "upfront; “Loft B” — 300,000 ₽ (1,500 ₽ per guest), rating 4.2 (12 reviews), 50 % "
        "upfront. Cheapest: “Loft B”; best rated: “Loft A”."
    )
