"""The event's vendors in the browser, and what survives a reload: the vendors chosen from the
optimiser's proposal (one swapped for an alternative) with the API's total, contracts drawn
up from them (one signed, one cancelled after a confirmation), the contract document, and
the payment terms filled from the signed contract that the schedule is built from."""

from __future__ import annotations

import io
import re
from decimal import Decimal
from pathlib import Path

from docx import Document
from playwright.sync_api import Locator, Page, expect

from eventmaestro.agents.vendors.pdf import converter
from tests.e2e.web import api_get, audit, create_event_by_brief, shot, sign_up


def _draw_up_contract(page: Page, row: Locator) -> str:
    """A contract from a chosen vendor's row; returns the vendor's name."""
    vendor = row.get_by_test_id("chosen-name").inner_text()
    row.get_by_role("button", name="Договор", exact=True).click()
    form = page.get_by_role("form", name=f"Договор с {vendor}")
    expect(form).to_contain_text("Согласованная цена без НДС")
    form.get_by_label("Заказчик").fill("ООО «Цифровая Москва»")
    form.get_by_role("button", name="Создать договор").click()
    expect(page.get_by_test_id("contract-status")).to_have_text("Черновик")
    return vendor


def test_chosen_vendors_contracts_and_payment_terms_survive_a_reload(
    page: Page, server: str
) -> None:
    sign_up(page)
    create_event_by_brief(page)
    expect(page.get_by_role("heading", name="Конференция «Цифровая Москва»")).to_be_visible()
    found = re.search(r"/events/([0-9a-f-]+)", page.url)
    assert found is not None, page.url
    event_id = found.group(1)

    # Nothing chosen yet; the optimiser proposes, the organiser accepts and swaps one pick.
    page.get_by_role("tab", name="Подрядчики").click()
    expect(page.get_by_test_id("chosen-empty")).to_be_visible()
    page.get_by_role("button", name="Подобрать для мероприятия").click()
    proposal = page.get_by_test_id("selection-pick")
    expect(proposal.first).to_be_visible()
    proposed = proposal.count()
    page.get_by_role("button", name="Принять подборку").click()
    chosen = page.get_by_test_id("chosen-pick")
    expect(chosen).to_have_count(proposed)
    expect(page.get_by_text("Подборка принята")).to_be_visible()

    alternative = page.get_by_role("button", name=re.compile(r"^Выбрать ")).first
    swapped = (alternative.get_attribute("aria-label") or "").removeprefix("Выбрать ")
    assert swapped
    alternative.click()
    expect(chosen.filter(has_text=swapped)).to_have_count(1)
    expect(page.get_by_text("Подборка принята")).to_have_count(0)
    stored = api_get(server, f"/api/v1/vendors/events/{event_id}/selection")
    assert swapped in [item["vendor_name"] for item in stored["items"]]
    total = page.get_by_test_id("chosen-total")
    expect(total).to_have_attribute("data-value", stored["total"]["amount"])
    shot(page, "50-vendors-chosen")
    audit(page, "50-vendors-chosen")

    page.reload()
    expect(chosen).to_have_count(proposed)
    expect(page.get_by_test_id("chosen-name")).to_have_text(
        [item["vendor_name"] for item in stored["items"]]
    )
    expect(total).to_have_attribute("data-value", stored["total"]["amount"])
    expect(page.get_by_test_id("selection-pick")).to_have_count(0)  # the proposal itself is gone
    shot(page, "51-vendors-chosen-after-reload")

    # A contract from the first chosen vendor at its agreed price: sent, signed, downloaded.
    first = chosen.first
    vendor = _draw_up_contract(page, first)
    status = page.get_by_test_id("contract-status")
    first_total = stored["items"][0]["total"]["amount"]
    expect(page.get_by_test_id("contract-total")).to_have_attribute("data-value", first_total)
    page.get_by_role("button", name="Отправить подрядчику").click()
    expect(status).to_have_text("Отправлен")
    page.get_by_role("button", name="Подписать").click()
    expect(status).to_have_text("Подписан")
    expect(first).to_contain_text("Подписан")
    expect(first).to_contain_text("Дата забронирована за вами")
    if converter() is None:
        # This server cannot make a PDF: no button that would answer 406, a plain word instead.
        expect(page.get_by_role("button", name="Договор (.pdf)")).to_have_count(0)
        expect(page.get_by_test_id("pdf-unavailable")).to_contain_text("DOCX")
    else:
        with page.expect_download() as pdf:
            page.get_by_role("button", name="Договор (.pdf)").click()
        assert Path(pdf.value.path()).read_bytes().startswith(b"%PDF-")
    with page.expect_download() as docx:
        page.get_by_role("button", name="Договор (.docx)").click()
    document = Document(io.BytesIO(Path(docx.value.path()).read_bytes()))
    assert any(vendor in paragraph.text for paragraph in document.paragraphs)
    shot(page, "52-vendors-contract-signed")
    audit(page, "52-vendors-contract-signed")

    # A second contract, sent and then cancelled after the confirmation.
    second = chosen.nth(1)
    _draw_up_contract(page, second)
    page.get_by_role("button", name="Отправить подрядчику").click()
    expect(status).to_have_text("Отправлен")
    page.get_by_role("button", name="Отменить договор").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Отменить договор с")
    expect(page.locator(".MuiDialog-container")).to_have_css("opacity", "1")  # faded in
    shot(page, "53-vendors-contract-cancel-confirm")
    audit(page, "53-vendors-contract-cancel-confirm")
    dialog.get_by_role("button", name="Да, отменить").click()
    expect(status).to_have_text("Отменён")
    expect(second).to_contain_text("Отменён")
    expect(page.get_by_role("button", name="Составить новый договор")).to_be_visible()
    shot(page, "54-vendors-contract-cancelled")

    # Payment terms from the contracts: only the signed one counts, the cancelled one not.
    page.get_by_role("tab", name="Бюджет").click()
    schedule = page.get_by_role("form", name="График платежей")
    schedule.get_by_role("button", name="Заполнить из договоров").click()
    expect(schedule.get_by_test_id("terms-row")).to_have_count(1)
    expect(schedule.get_by_label("Поставщик")).to_have_value(vendor)
    expect(schedule.get_by_text(re.compile("^Договор подписан"))).to_be_visible()
    schedule.get_by_role("button", name="Построить график").click()
    expect(schedule.get_by_test_id("payment-row").first).to_be_visible()
    built = schedule.get_by_test_id("payments-total")
    expect(built).to_have_attribute("data-value", re.compile(r"^\d"))
    assert Decimal(built.get_attribute("data-value") or "0") == Decimal(first_total)
    shot(page, "55-budget-terms-from-contracts")

    page.reload()
    schedule = page.get_by_role("form", name="График платежей")
    expect(schedule.get_by_test_id("terms-row")).to_have_count(1)
    expect(schedule.get_by_label("Поставщик")).to_have_value(vendor)
    expect(schedule.get_by_test_id("payment-row").first).to_be_visible()
    assert Decimal(
        schedule.get_by_test_id("payments-total").get_attribute("data-value") or "0"
    ) == Decimal(first_total)
    terms = api_get(server, f"/api/v1/finance/events/{event_id}/payment-terms")
    assert [(t["vendor"], t["amount"]["amount"]) for t in terms["vendors"]] == [
        (vendor, first_total)
    ]
    shot(page, "56-budget-terms-after-reload")
    audit(page, "56-budget-terms-after-reload")
