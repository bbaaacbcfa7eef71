"""The events dashboard and an event without an estimate, in headless Chromium against
`maestro serve` on a fresh embedded database.

Two events — the conference from a brief (plan, estimate, an expense) and a wedding made by
the form with neither guests nor budget — and the cards the dashboard draws for them, figure
by figure against what the API says. The wedding's Budget tab offers to make an estimate
without asking the API for a budget that does not exist (a 404 would be a console error).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from playwright.sync_api import Locator, Page, expect

from tests.clock import TEST_TODAY
from tests.e2e.web import api_get, audit, create_event_by_brief, shot, sign_up

CONFERENCE = "Конференция «Цифровая Москва»"
WEDDING = "Свадьба Ивановых"


def _whole(value: float | str) -> str:
    """A percentage as a card rounds it (half up, like the browser's Math.round)."""
    return str(Decimal(str(value)).quantize(Decimal(1), ROUND_HALF_UP))


def _rubles(amount: str) -> str:
    whole = Decimal(amount).quantize(Decimal(1), ROUND_HALF_UP)
    return f"{whole:,}".replace(",", r"\s?") + r"\s?₽"


def create_wedding_without_guests_or_budget(page: Page) -> None:
    page.get_by_role("button", name="Новое мероприятие").first.click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Название").fill(WEDDING)
    dialog.get_by_role("combobox", name="Тип").click()
    page.get_by_role("option", name="Свадьба").click()
    today = TEST_TODAY
    dialog.get_by_label("Дата", exact=True).fill((today + dt.timedelta(days=150)).isoformat())
    dialog.get_by_label("Город").fill("Казань")
    dialog.get_by_role("button", name="Создать").click()


def _card_agrees_with_theapi_get(card: Locator, overview: dict[str, Any]) -> None:
    plan, money = overview["plan"], overview["money"]
    plan_figures = card.get_by_test_id("card-plan")
    if plan["has_plan"]:
        expect(plan_figures).to_contain_text(f"План выполнен на {_whole(plan['progress'])}%")
        if plan["overdue"]:
            expect(card.get_by_test_id("card-overdue")).to_have_text(
                f"Просрочено задач: {plan['overdue']}"
            )
        else:
            expect(card.get_by_test_id("card-overdue")).to_have_count(0)
        if plan["next_due"]:
            expect(card.get_by_test_id("card-next-due")).to_contain_text(plan["next_due"]["title"])
    else:
        expect(plan_figures).to_have_text("Плана ещё нет")
    money_figures = card.get_by_test_id("card-money")
    if money["has_budget"]:
        expect(money_figures).to_contain_text(
            f"Бюджет израсходован на {_whole(money['used_percent'])}%"
        )
        expect(money_figures).to_contain_text(
            re.compile(rf"Потрачено {_rubles(money['actual'])} из {_rubles(money['plan'])}")
        )
        expect(money_figures).to_have_attribute("data-overspent", str(money["overspent"]).lower())
    else:
        expect(money_figures).to_have_text("Сметы ещё нет")
    contracts = overview["vendors"]["contracts"]
    open_contracts = contracts["draft"] + contracts["sent"] + contracts["signed"]
    expect(card.get_by_test_id("card-contracts")).to_have_text(
        f"Договоров подписано: {contracts['signed']} из {open_contracts}"
        if open_contracts
        else "Договоров ещё нет"
    )


def test_dashboard_cards_and_an_event_without_an_estimate(page: Page, server: str) -> None:
    sign_up(page)
    create_event_by_brief(page)
    expect(page.get_by_role("heading", name=CONFERENCE)).to_be_visible()

    # An expense on the conference, so that its card has money to show.
    page.get_by_role("tab", name="Бюджет").click()
    form = page.get_by_role("form", name="Добавить расход")
    form.get_by_label("Сумма, ₽").fill("150000")
    form.get_by_label("Поставщик").fill("Лофт на Неглинной")
    form.get_by_role("button", name="Добавить расход").click()
    expect(page.get_by_test_id("actual-total")).to_have_text(re.compile(r"^150\s000\s?₽$"))

    # The wedding has neither guests nor a budget: its Budget tab offers an estimate.
    page.get_by_role("link", name="Мероприятия").click()
    create_wedding_without_guests_or_budget(page)
    expect(page.get_by_role("heading", name=WEDDING)).to_be_visible()
    page.get_by_role("tab", name="Бюджет").click()
    offer = page.get_by_role("form", name="Рассчитать смету")
    expect(page.get_by_text("У мероприятия ещё нет сметы.", exact=False)).to_be_visible()
    expect(offer.get_by_role("button", name="Рассчитать смету")).to_be_enabled()
    expect(offer.get_by_label("Гостей")).to_be_visible()
    expect(page.get_by_test_id("actual-total")).to_have_count(0)
    shot(page, "d1-budget-no-estimate")
    audit(page, "d1-budget-no-estimate")

    # The dashboard: both cards, every figure as the API gives it.
    page.get_by_role("link", name="Мероприятия").click()
    expect(page.get_by_role("article")).to_have_count(2)
    overviews = {
        item["event"]["name"]: item for item in api_get(server, "/api/v1/dashboard/events")["items"]
    }
    conference = overviews[CONFERENCE]
    event_id = conference["event"]["id"]
    status = api_get(server, f"/api/v1/finance/budget-status/{event_id}")
    timeline = api_get(server, f"/api/v1/planning/events/{event_id}/timeline")
    assert conference["money"]["actual"] == status["actual"] == "150000.00"
    assert conference["money"]["plan"] == status["plan"]
    assert conference["plan"]["progress"] == timeline["progress"]
    assert conference["plan"]["overdue"] == timeline["overdue"]
    card = page.get_by_role("article", name=CONFERENCE)
    expect(card.get_by_text("Бюджет израсходован на 5%")).to_be_visible()
    _card_agrees_with_theapi_get(card, conference)
    wedding = overviews[WEDDING]
    assert wedding["plan"]["has_plan"] is True
    assert wedding["money"]["has_budget"] is False
    _card_agrees_with_theapi_get(page.get_by_role("article", name=WEDDING), wedding)
    shot(page, "d2-dashboard-cards")
    audit(page, "d2-dashboard-cards")

    # The filters still narrow the cards (one request per change, from the server).
    page.get_by_role("combobox", name="Тип").click()
    page.get_by_role("option", name="Свадьба").click()
    expect(page.get_by_role("article")).to_have_count(1)
    expect(page.get_by_role("article", name=WEDDING)).to_be_visible()
    page.get_by_label("Поиск").fill("цифровая")
    expect(page.get_by_text("Ничего не найдено: измените фильтры.")).to_be_visible()
    page.get_by_role("combobox", name="Тип").click()
    page.get_by_role("option", name="Любой").click()
    expect(page.get_by_role("article")).to_have_count(1)
    expect(page.get_by_role("article", name=CONFERENCE)).to_be_visible()
    page.get_by_label("Поиск").fill("")
    expect(page.get_by_role("article")).to_have_count(2)

    # The offer makes the wedding's estimate once the guests are given; its card follows.
    page.get_by_role("article", name=WEDDING).click()
    page.get_by_role("tab", name="Бюджет").click()
    offer = page.get_by_role("form", name="Рассчитать смету")
    offer.get_by_label("Гостей").fill("80")
    offer.get_by_role("button", name="Рассчитать смету").click()
    expect(page.get_by_text("Итого с НДС").first).to_be_visible()
    shot(page, "d3-budget-estimated")
    page.get_by_role("link", name="Мероприятия").click()
    wedding = next(
        item
        for item in api_get(server, "/api/v1/dashboard/events")["items"]
        if item["event"]["name"] == WEDDING
    )
    assert wedding["money"]["has_budget"] is True
    assert wedding["money"]["actual"] == "0.00"
    card = page.get_by_role("article", name=WEDDING)
    expect(card.get_by_text("Бюджет израсходован на 0%")).to_be_visible()
    _card_agrees_with_theapi_get(card, wedding)
    shot(page, "d4-dashboard-both-estimated")
