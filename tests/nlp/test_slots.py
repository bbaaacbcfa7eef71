from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from eventmaestro.nlp import slots

TUESDAY = date(2026, 9, 1)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("добавь расход 50 000 на цветы", "50000"),
        ("добавь расход 50\u00a0000 на цветы", "50000"),
        ("50к на кейтеринг", "50000"),
        ("50 к на кейтеринг", "50000"),
        ("потратили 50 тыс. на звук", "50000"),
        ("1,5 млн на площадку", "1500000"),
        ("окупится ли, если билет 5000?", "5000"),
        ("билет 5 000 ₽", "5000"),
        ("5000р за вход", "5000"),
        ("оплатили 120 тыс. руб. за звук", "120000"),
        ("1 500,50 на такси", "1500.50"),
        ("расход 500 на воду", "500"),
        ("add an expense of 50,000 for flowers", "50000"),
        ("на 15.10 расход 3000", "3000"),
    ],
)
def test_amounts_in_roubles(text: str, amount: str) -> None:
    assert slots.amount(text) == Decimal(amount).quantize(Decimal("0.01"))


@pytest.mark.parametrize(
    "text",
    [
        "сколько осталось?",
        "перенеси на 2 октября",
        "придут 200 человек",
        "через 3 дня",
        "50 000 долларов на цветы",
        "$500 for flowers",
        "20.12",
        "в 2027 году",
        "скидка 15 %",
    ],
)
def test_no_rouble_amount(text: str) -> None:
    assert slots.amount(text) is None


def test_every_amount_in_order() -> None:
    assert slots.amounts("5000 за билет, 300к спонсоры") == [
        Decimal("5000.00"),
        Decimal("300000.00"),
    ]


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("перенеси дедлайн по кейтерингу на пятницу", "кейтерингу"),
        ("перенеси дедлайн по кейтерингу на следующую пятницу", "кейтерингу"),
        ("сдвинь срок задачи «Провести дегустацию» на 15 октября", "Провести дегустацию"),
        ("отложи финальный список гостей на неделю", "финальный список гостей"),
        ("перенеси декор на 3 дня позже", "декор"),
        ("move the catering deadline to Friday", "catering"),
        ("change the decoration due date to december 3", "decoration"),
    ],
)
def test_task_reference_is_what_names_the_task(text: str, reference: str) -> None:
    assert slots.task_reference(text) == reference


def test_no_task_named() -> None:
    assert slots.task_reference("перенеси дедлайн на пятницу") is None


@pytest.mark.parametrize(
    ("text", "moves"),
    [
        ("перенеси дедлайн по кейтерингу на пятницу", True),
        ("сдвинь срок площадки", True),
        ("отложи дегустацию на неделю", True),
        ("move the catering deadline to Friday", True),
        ("что у нас горит?", False),
        ("какие задачи просрочены?", False),
    ],
)
def test_a_move_is_told_from_a_question(text: str, moves: bool) -> None:
    assert slots.wants_task_move(text) is moves


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("перенеси дедлайн по кейтерингу на пятницу", date(2026, 9, 4)),
        ("сдвинь срок к пятнице", date(2026, 9, 4)),
        ("перенеси на следующую пятницу", date(2026, 9, 11)),
        ("перенеси дегустацию на 15 октября", date(2026, 10, 15)),
        ("move it to Friday", date(2026, 9, 4)),
    ],
)
def test_the_new_deadline_counts_from_today(text: str, due: date) -> None:
    assert slots.due_date(text, TUESDAY) == due


@pytest.mark.parametrize(
    ("text", "records"),
    [
        ("добавь расход 50 000 на цветы", True),
        ("потратили 120 тыс на звук", True),
        ("добавь расход на цветы", True),  # the amount will be asked
        ("добавь расход 50 000 на цветы, сколько осталось?", True),
        ("сколько осталось?", False),
        ("сколько мы уже потратили?", False),
        ("какой бюджет остался?", False),
    ],
)
def test_recording_an_expense_is_told_from_asking(text: str, records: bool) -> None:
    assert slots.records_expense(text) is records


def test_what_is_burning_is_a_week_what_is_late_is_overdue() -> None:
    assert slots.task_question("что у нас горит?") == slots.TaskQuestion(due_within_days=7)
    assert slots.task_question("what's burning this week?").due_within_days == 7
    assert slots.task_question("какие задачи просрочены?") == slots.TaskQuestion(overdue_only=True)
    assert slots.task_question("покажи задачи") == slots.TaskQuestion()


def test_a_point_of_demand() -> None:
    assert slots.price_point("если при 3000 придут 200 человек?") == slots.PricePoint(
        Decimal("3000.00"), 200
    )
    assert slots.price_point("билет 5000") == slots.PricePoint(Decimal("5000.00"), None)
    assert slots.price_point("какую цену поставить?") is None


@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("перенеси срок дегустации на 2 сентября", True),
        ("move the catering deadline to Friday", True),
        ("сдвинь задачу «Провести дегустацию» на 15 октября", True),
        ("перенеси на неделю позже", False),
        ("перенеси срок мероприятия на 15 октября", False),
    ],
)
def test_a_task_deadline_is_told_from_the_events_date(text: str, task: bool) -> None:
    assert slots.moves_a_task_deadline(text) is task


@pytest.mark.parametrize(
    ("text", "picked"),
    [
        ("сравни первые два варианта", [1, 2]),
        ("сравни топ-3", [1, 2, 3]),
        ("сравни первый и третий", [1, 3]),
        ("сравни второй и четвёртый вариант", [2, 4]),
        ("сравни 1 и 3 варианты", [1, 3]),
        ("compare the first two", [1, 2]),
        ("compare the second and third", [2, 3]),
        ("сравни их", None),
    ],
)
def test_positions_in_a_list(text: str, picked: list[int] | None) -> None:
    assert slots.positions(text) == picked


@pytest.mark.parametrize(
    ("text", "price"),
    [
        ("окупится ли, если билет 5000?", "5000"),
        ("а если цена 7 000 ₽?", "7000"),
        ("окупится ли по 3000 за вход, если бюджет 2 млн?", "3000"),
        ("окупится ли, если потратим 3 млн?", None),
    ],
)
def test_a_ticket_price_is_not_a_sum_spent(text: str, price: str | None) -> None:
    expected = Decimal(price).quantize(Decimal("0.01")) if price else None
    assert slots.ticket_price(text) == expected
