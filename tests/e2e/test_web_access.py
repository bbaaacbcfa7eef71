"""The web app without a mouse, checked by axe, and at a tablet's width.

An organiser who works from the keyboard signs up, writes the brief, saves the event, walks
its tabs and records an expense without touching the mouse. On every screen axe-core (the
accessibility engine browsers' own audits use) must find nothing: every control labelled,
every name unique where it has to be, contrast readable. At 1280 px and at a tablet's 820 px
no screen scrolls sideways.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.web import BRIEF, audit, create_event_by_brief, fits, shot, sign_up

TABLET = {"width": 820, "height": 1180}
DESKTOP = {"width": 1280, "height": 900}


FOCUSED = "(el) => el === document.activeElement || el.contains(document.activeElement)"


def tab_to(page: Page, target: Locator, *, limit: int = 60) -> None:
    """Press Tab until `target` has the focus, as a keyboard user would reach it."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate(FOCUSED):
            return
    focused = page.evaluate("() => document.activeElement?.outerHTML.slice(0, 200)")
    pytest.fail(f"{target} not reached in {limit} Tab presses; the focus is on {focused}")


def test_keyboard_only_first_session(page: Page) -> None:
    page.goto("/")
    expect(page.get_by_role("heading", name="Вход")).to_be_visible()
    audit(page, "sign-in")
    tab_to(page, page.get_by_role("link", name="Нет аккаунта? Зарегистрироваться"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Регистрация")).to_be_visible()
    audit(page, "sign-up")
    for label, text in [
        ("Название агентства", "Агентство «Клавиатура»"),
        ("Ваше имя", "Вера Клавишина"),
        ("Электронная почта", "vera@example.ru"),
        ("Пароль", "long-enough-password"),
    ]:
        tab_to(page, page.get_by_label(label))
        page.keyboard.type(text)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Мероприятия")).to_be_visible()
    audit(page, "empty dashboard")

    # The new-event dialog keeps the focus inside and gives it back when closed.
    opener = page.get_by_role("button", name="Новое мероприятие").first
    tab_to(page, opener)
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    # Measured mid fade-in, every colour would be blended with the backdrop.
    page.wait_for_function(
        "() => [...document.querySelectorAll('.MuiDialog-container, .MuiBackdrop-root')]"
        ".every((el) => getComputedStyle(el).opacity === '1')"
    )
    audit(page, "new event dialog")
    for _ in range(15):
        page.keyboard.press("Tab")
        assert dialog.evaluate("(el) => el.contains(document.activeElement)")
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    expect(opener).to_be_focused()

    tab_to(page, page.get_by_role("link", name="Новое по брифу"))
    page.keyboard.press("Enter")
    brief = page.get_by_label("Опишите мероприятие своими словами")
    tab_to(page, brief)
    page.keyboard.type(BRIEF)
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("vendor-pick").first).to_be_visible()
    audit(page, "brief answer")
    tab_to(page, page.get_by_label("Название мероприятия"))
    page.keyboard.type("Конференция с клавиатуры")
    tab_to(page, page.get_by_role("button", name="Сохранить как мероприятие"))
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Конференция с клавиатуры")).to_be_visible()
    expect(page.get_by_test_id("task-row").first).to_be_visible()
    audit(page, "plan tab")

    # Tabs follow the WAI-ARIA pattern: arrows move between them, Enter opens one.
    tab_to(page, page.get_by_role("tab", name="План"))
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("tab", name="Бюджет")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("tab", name="Бюджет")).to_have_attribute("aria-selected", "true")
    actual = page.get_by_test_id("actual-total")
    expect(actual).to_have_text(re.compile(r"^0\s?₽$"))
    audit(page, "budget tab")

    form = page.get_by_role("form", name="Добавить расход")
    tab_to(page, form.get_by_label("Сумма, ₽"))
    page.keyboard.type("75000")
    tab_to(page, form.get_by_label("Поставщик"))
    page.keyboard.type("Типография")
    tab_to(page, form.get_by_role("button", name="Добавить расход"))
    page.keyboard.press("Enter")
    expect(actual).to_have_text(re.compile(r"^75\s000\s?₽$"))

    tab_to(page, page.get_by_role("tab", name="Бюджет"), limit=200)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("vendor-row").first).to_be_visible()
    audit(page, "vendors tab")

    # Maestro beside the event, from the keyboard too.
    chat = page.get_by_role("complementary", name="Maestro")
    tab_to(page, chat.get_by_label("Сообщение Maestro"), limit=200)
    page.keyboard.type("сколько осталось?")
    page.keyboard.press("Enter")
    expect(chat.get_by_test_id("chat-maestro")).to_contain_text("₽")
    audit(page, "event chat")


@pytest.mark.parametrize("viewport", [DESKTOP, TABLET], ids=["desktop", "tablet"])
def test_every_screen_fits_the_width(page: Page, viewport: dict[str, int]) -> None:
    sign_up(page)
    create_event_by_brief(page)
    page.set_viewport_size(viewport)
    width = viewport["width"]
    expect(page.get_by_test_id("task-row").first).to_be_visible()
    fits(page, "plan tab")
    shot(page, f"20-{width}-plan")
    for tab, ready in [("Бюджет", "actual-total"), ("Подрядчики", "vendor-row")]:
        page.get_by_role("tab", name=tab).click()
        expect(page.get_by_test_id(ready).first).to_be_visible()
        fits(page, f"{tab} tab")
        shot(page, f"20-{width}-{tab}")
    page.get_by_role("link", name="Мероприятия").click()
    expect(page.get_by_role("article").first).to_be_visible()
    fits(page, "dashboard")
    shot(page, f"20-{width}-dashboard")
    page.get_by_role("link", name="Новое по брифу").click()
    fits(page, "brief")
