"""The web app in headless Chromium against `maestro serve` on a fresh embedded database.

One organiser's first session, as a person would click through it: sign up, create the
event, see its plan, budget and vendors, move a task, record an expense, download the plan
and the estimate. Every screen is saved to SCREENSHOTS, and any console error fails the run.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import httpx
from docx import Document
from openpyxl import load_workbook
from PIL import Image
from playwright.sync_api import Page, expect

from tests.clock import TEST_TODAY
from tests.e2e.web import (
    EMAIL,
    PASSWORD,
    SCREENSHOTS,
    api_token,
    create_event_by_brief,
    shot,
    sign_up,
)


def _event_id(url: str) -> str:
    found = re.search(r"/events/([0-9a-f-]+)", url)
    assert found is not None, url
    return found.group(1)


def _due_dates(server: str, url: str) -> dict[str, str]:
    """Each task's due date by title, as the planning API has it."""
    answer = httpx.get(
        f"{server}/api/v1/planning/events/{_event_id(url)}/tasks",
        headers={"Authorization": f"Bearer {api_token(server)}"},
    )
    assert answer.status_code == 200, answer.text
    return {task["title"]: task["due_date"] for task in answer.json()}


def _api_roi(server: str, url: str, *, price: str, attendance: int) -> dict[str, str]:
    """The same ROI question asked of the API directly, as the organiser signed up above."""
    token = api_token(server)
    answer = httpx.post(
        f"{server}/api/v1/finance/events/{_event_id(url)}/roi-analysis",
        json={
            "tiers": [{"name": "Стандарт", "price": price, "attendance": attendance}],
            "cost_per_attendee": "0",
        },
        headers={"Authorization": f"Bearer {token}"},
    )
    assert answer.status_code == 200, answer.text
    result: dict[str, str] = answer.json()
    return result


def _rubles(amount: str) -> re.Pattern[str]:
    """Whole roubles as ru-RU writes them: groups of three and the sign, any spaces between."""
    # Intl rounds half away from zero; Python's round() would round half to even.
    rounded = Decimal(amount).quantize(Decimal(1), ROUND_HALF_UP)
    whole = f"{rounded:,}".replace(",", r"\s?").replace("-", "[-−]")
    return re.compile(rf"^{whole}\s?₽$")


def _next_april_15(today: dt.date) -> dt.date:
    this_year = dt.date(today.year, 4, 15)
    return this_year if this_year > today else dt.date(today.year + 1, 4, 15)


def create_event_by_form(page: Page, date: dt.date) -> None:
    page.get_by_role("button", name="Новое мероприятие").first.click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Название").fill("Свадьба Ивановых")
    dialog.get_by_role("combobox", name="Тип").click()
    page.get_by_role("option", name="Свадьба").click()
    dialog.get_by_label("Дата", exact=True).fill(date.isoformat())
    dialog.get_by_label("Город").fill("Казань")
    dialog.get_by_label("Гостей").fill("80")
    dialog.get_by_label("Бюджет, ₽").fill("1 500 000")
    shot(page, "13-new-event-form")
    dialog.get_by_role("button", name="Создать").click()


def test_first_session_in_the_browser(page: Page, server: str) -> None:
    sign_up(page)

    # A reload forgets the access token; the stored refresh token signs back in.
    page.reload()
    expect(page.get_by_role("heading", name="Мероприятия")).to_be_visible()

    create_event_by_brief(page)

    # Plan: a Gantt chart with the critical path and a line for today, and the task list.
    expect(page.get_by_role("heading", name="Конференция «Цифровая Москва»")).to_be_visible()
    expect(page.get_by_test_id("today-line")).to_be_attached()
    expect(page.locator("[data-testid=gantt-task][data-critical=true]").first).to_be_attached()
    rows = page.get_by_test_id("task-row")
    expect(rows.first).to_be_visible()
    shot(page, "05-plan")

    # Move the first task's due date a week later: its dependants move with it.
    due = rows.first.locator("input[type=date]")
    before = dt.date.fromisoformat(due.input_value())
    later = before + dt.timedelta(days=7)
    due.fill(later.isoformat())
    due.press("Enter")
    expect(page.get_by_text(re.compile(r"Сдвинуто зависимых задач: [1-9]"))).to_be_visible()
    expect(page.locator(f"input[type=date][value='{later.isoformat()}']").first).to_be_attached()
    shot(page, "06-plan-task-moved")

    # Maestro beside the event: this Friday is before the catering task can start, so it asks
    # for a date; the short reply completes the command, and the Plan tab shows what moved.
    before_chat = _due_dates(server, page.url)
    chat = page.get_by_role("complementary", name="Maestro")
    chat.get_by_label("Сообщение Maestro").fill("перенеси дедлайн по кейтерингу на пятницу")
    chat.get_by_role("button", name="Отправить").click()
    expect(chat.get_by_test_id("chat-maestro").last).to_contain_text("На какую дату перенести?")
    chat.get_by_label("Сообщение Maestro").fill("на 9 апреля")
    chat.get_by_role("button", name="Отправить").click()
    expect(chat.get_by_test_id("chat-maestro")).to_have_count(2)
    answer = chat.get_by_test_id("chat-maestro").last.inner_text()
    after_chat = _due_dates(server, page.url)
    moved = {title: due for title, due in after_chat.items() if before_chat[title] != due}
    assert any(
        "кейтеринг" in title.lower() and due.endswith("-04-09") for title, due in moved.items()
    ), (moved, answer)
    for title, due in moved.items():
        row = rows.filter(has=page.get_by_text(title, exact=True))
        expect(row.locator("input[type=date]")).to_have_value(due)
    shot(page, "06b-event-chat")

    with page.expect_download() as ics:
        page.get_by_role("button", name="Календарь (.ics)").click()
    calendar = Path(ics.value.path()).read_text(encoding="utf-8")
    assert calendar.startswith("BEGIN:VCALENDAR")
    assert ics.value.suggested_filename.endswith(".ics")

    # Budget: the estimate by category, plan vs actual, and an expense that changes the actual.
    page.get_by_role("tab", name="Бюджет").click()
    expect(page.get_by_text("Итого с НДС").first).to_be_visible()
    actual = page.get_by_test_id("actual-total")
    expect(actual).to_have_text(re.compile(r"^0\s?₽$"))
    shot(page, "07-budget")
    form = page.get_by_role("form", name="Добавить расход")
    form.get_by_label("Сумма, ₽").fill("150000")
    form.get_by_label("Поставщик").fill("Лофт на Неглинной")
    form.get_by_role("button", name="Добавить расход").click()
    expect(actual).to_have_text(re.compile(r"^150\s000\s?₽$"))
    shot(page, "08-budget-expense-added")

    # The plan-vs-actual chart as a picture, its legend (HTML on the page) drawn under it.
    with page.expect_download() as png:
        page.get_by_role("button", name="Сохранить как PNG — «План и факт»").click()
    picture = Image.open(io.BytesIO(Path(png.value.path()).read_bytes())).convert("RGB")
    assert png.value.suggested_filename.endswith(".png")
    assert picture.width >= 800, picture.size
    legend = picture.crop((0, picture.height - 60, picture.width, picture.height))
    assert (57, 73, 171) in {colour for _, colour in legend.getcolors(1 << 20) or []}

    with page.expect_download() as xlsx:
        page.get_by_role("button", name="Смета (.xlsx)").click()
    assert xlsx.value.suggested_filename.endswith(".xlsx")
    workbook = load_workbook(io.BytesIO(Path(xlsx.value.path()).read_bytes()))
    assert workbook.sheetnames

    # ROI of ticket sales against the estimate: the page shows what the API computes.
    roi = page.get_by_role("form", name="Окупаемость (ROI)")
    roi.get_by_label("Цена билета, ₽").fill("12 000")
    expect(roi.get_by_label("Ожидаемая посещаемость")).to_have_value("300")
    roi.get_by_role("button", name="Рассчитать ROI").click()
    profit = roi.get_by_test_id("roi-profit")
    expect(profit).to_be_visible()
    expected = _api_roi(server, page.url, price="12000", attendance=300)
    expect(profit).to_have_attribute("data-value", expected["profit"])
    expect(roi.get_by_test_id("roi-profit-text")).to_have_text(_rubles(expected["profit"]))
    percent = roi.get_by_test_id("roi-percent")
    expect(percent).to_have_attribute("data-value", expected["roi_percent"])

    # The ticket price with the highest profit, and the price → profit curve around it.
    pricing = page.get_by_role("form", name="Оптимальная цена билета")
    pricing.get_by_label("Известная цена, ₽").fill("12000")
    pricing.get_by_role("button", name="Подобрать цену").click()
    optimum = pricing.get_by_test_id("pricing-price")
    expect(optimum).to_have_attribute("data-value", re.compile(r"^\d"))
    expect(pricing.locator("[data-testid=pricing-curve] .recharts-line")).to_be_attached()

    # Deposits and balances from the estimate's categories as vendors' terms.
    schedule = page.get_by_role("form", name="График платежей")
    schedule.get_by_role("button", name="Заполнить из сметы").click()
    schedule.get_by_role("button", name="Построить график").click()
    expect(schedule.get_by_test_id("payment-row").first).to_be_visible()
    page.screenshot(path=SCREENSHOTS / "08b-budget-roi-pricing-schedule.png", full_page=True)

    # Vendors in the event's city: search with facets, then compare two.
    page.get_by_role("tab", name="Подрядчики").click()
    vendor_rows = page.get_by_test_id("vendor-row")
    expect(vendor_rows.first).to_be_visible()
    for city in vendor_rows.locator("td:nth-child(4)").all_inner_texts():
        assert city == "Москва"
    shot(page, "09-vendors")
    vendor_rows.nth(0).get_by_role("checkbox").check()
    vendor_rows.nth(1).get_by_role("checkbox").check()
    page.get_by_role("button", name=re.compile("Сравнить выбранных")).click()
    expect(page.get_by_test_id("comparison-row")).to_have_count(2)
    shot(page, "10-vendors-compared")

    # The dashboard shows the event with its plan progress and budget use.
    page.get_by_role("link", name="Мероприятия").click()
    card = page.get_by_role("article", name="Конференция «Цифровая Москва»")
    expect(card.get_by_text("Бюджет израсходован на 5%")).to_be_visible()
    shot(page, "11-dashboard")

    page.get_by_role("button", name="EN").click()
    expect(page.get_by_role("heading", name="Events")).to_be_visible()
    shot(page, "12-dashboard-en")
    page.get_by_role("button", name="RU").click()

    # A second event by the form, and the dashboard's type filter telling the two apart.
    create_event_by_form(page, _next_april_15(TEST_TODAY))
    expect(page.get_by_role("heading", name="Свадьба Ивановых")).to_be_visible()
    page.get_by_role("link", name="Мероприятия").click()
    expect(page.get_by_role("article")).to_have_count(2)
    page.get_by_role("combobox", name="Тип").click()
    page.get_by_role("option", name="Свадьба").click()
    expect(page.get_by_role("article")).to_have_count(1)
    expect(page.get_by_role("listbox")).to_have_count(0)
    expect(page.get_by_role("article", name="Свадьба Ивановых")).to_be_visible()
    shot(page, "14-dashboard-filtered")

    # A tablet's width: the same workspace, one column.
    page.set_viewport_size({"width": 820, "height": 1100})
    page.get_by_role("article", name="Свадьба Ивановых").click()
    expect(page.get_by_test_id("task-row").first).to_be_visible()
    shot(page, "15-tablet-plan")

    page.get_by_role("button", name="Выйти").click()
    expect(page.get_by_role("heading", name="Вход")).to_be_visible()

    select_vendors_and_sign_contract(page)


def select_vendors_and_sign_contract(page: Page) -> None:
    """Vendors for the conference: the optimiser's picks and total, a contract and its DOCX."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_label("Электронная почта").fill(EMAIL)
    page.get_by_label("Пароль").fill(PASSWORD)
    page.get_by_role("button", name="Войти").click()
    # Signing in returns to the last page (the wedding); the conference is on the dashboard.
    page.get_by_role("link", name="Мероприятия").click()
    page.get_by_role("article", name="Конференция «Цифровая Москва»").click()
    page.get_by_role("tab", name="Подрядчики").click()

    # The shortlist keeps a search result for this event.
    first = page.get_by_test_id("vendor-row").first
    first.get_by_role("button", name=re.compile("^В избранное")).click()
    expect(page.get_by_test_id("shortlist").get_by_role("button")).to_have_count(1)

    page.get_by_role("button", name="Подобрать для мероприятия").click()
    total = page.get_by_test_id("selection-total")
    expect(total).to_have_text(re.compile(r"^[\d\s]+₽$"))
    picks = page.get_by_test_id("selection-pick")
    expect(picks.first).to_be_visible()
    vendor = picks.first.locator("td").nth(1).inner_text()
    shot(page, "16-vendors-selected")

    picks.first.get_by_role("button", name="Договор").click()
    form = page.get_by_role("form", name=f"Договор с {vendor}")
    form.get_by_label("Заказчик").fill("ООО «Цифровая Москва»")
    form.get_by_role("button", name="Создать договор").click()
    status = page.get_by_test_id("contract-status")
    expect(status).to_have_text("Черновик")
    page.get_by_role("button", name="Отправить подрядчику").click()
    expect(status).to_have_text("Отправлен")
    page.get_by_role("button", name="Подписать").click()
    expect(status).to_have_text("Подписан")
    shot(page, "17-vendors-contract-signed")

    with page.expect_download() as docx:
        page.get_by_role("button", name="Договор (.docx)").click()
    assert docx.value.suggested_filename.endswith(".docx")
    document = Document(io.BytesIO(Path(docx.value.path()).read_bytes()))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    text = "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)
    assert vendor in text


def test_pages_and_api_errors_share_one_server(server: str) -> None:
    page = httpx.get(f"{server}/events/whatever/plan")
    assert page.status_code == 200
    assert '<div id="root">' in page.text
    missing = httpx.get(f"{server}/api/v1/no-such-thing")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
