"""Contract arithmetic, lifecycle and document. Pure: the service persists.

Amounts: the agreed net price, VAT by the one rule (`kit.vat`: the event's date and the
vendor's tax status), a two-stage payment schedule (the vendor's prepayment share on signing,
the rest three days before the event) whose stages add up to the total to the kopeck.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from docx import Document

from eventmaestro.agents.vendors.pricing import vat_on
from eventmaestro.kit.money import format_rub_exact
from eventmaestro.kit.vat import VatStatus, vat_label, vat_rate

KOPECK = Decimal("0.01")
PREPAYMENT_DAYS, FINAL_DAYS_BEFORE = 5, 3

# Allowed moves: draft → sent → signed, and cancelling from any state but cancelled.
TRANSITIONS: dict[str, dict[str, str]] = {
    "send": {"draft": "sent"},
    "sign": {"sent": "signed"},
    "cancel": {"draft": "cancelled", "sent": "cancelled", "signed": "cancelled"},
}


@dataclass(frozen=True, slots=True)
class Terms:
    net: Decimal
    vat: Decimal
    total: Decimal
    schedule: list[dict[str, Any]]


def terms(
    net: Decimal, vat_status: str, prepayment_percent: int, today: dt.date, event_date: dt.date
) -> Terms:
    net = net.quantize(KOPECK, rounding=ROUND_HALF_UP)
    vat = vat_on(net, vat_status, event_date)
    total = net + vat
    first = (total * prepayment_percent / 100).quantize(KOPECK, rounding=ROUND_HALF_UP)
    final_due = max(today, event_date - dt.timedelta(days=FINAL_DAYS_BEFORE))
    stages = [
        ("prepayment", prepayment_percent, first, today + dt.timedelta(days=PREPAYMENT_DAYS)),
        ("final", 100 - prepayment_percent, total - first, final_due),
    ]
    schedule = [
        {"stage": stage, "percent": pct, "amount": str(amount), "due": due.isoformat()}
        for stage, pct, amount, due in stages
        if amount > 0
    ]
    return Terms(net=net, vat=vat, total=total, schedule=schedule)


def next_status(action: str, current: str) -> str | None:
    return TRANSITIONS[action].get(current)


@dataclass(frozen=True, slots=True)
class ContractDocument:
    number: str
    date: dt.date
    client_name: str
    vendor_name: str
    vendor_address: str | None
    event_date: dt.date
    scope: str
    terms: Terms
    vat_exempt: bool
    cancellation_terms: str


def render_docx(c: ContractDocument) -> bytes:
    """A services agreement (договор оказания услуг) from a fixed template."""
    doc = Document()
    doc.add_heading(f"Договор оказания услуг № {c.number}", level=1)
    doc.add_paragraph(f"Дата: {c.date.strftime('%d.%m.%Y')}")
    doc.add_heading("1. Стороны", level=2)
    doc.add_paragraph(f"Заказчик: {c.client_name}.")
    address = f", адрес: {c.vendor_address}" if c.vendor_address else ""
    doc.add_paragraph(f"Исполнитель: {c.vendor_name}{address}.")
    doc.add_heading("2. Предмет договора", level=2)
    doc.add_paragraph(
        f"Исполнитель оказывает услуги для мероприятия {c.event_date.strftime('%d.%m.%Y')}: "
        f"{c.scope}"
    )
    doc.add_heading("3. Стоимость", level=2)
    doc.add_paragraph(f"Стоимость услуг без НДС: {rubles_exact(c.terms.net)}.")
    rate = vat_rate(c.event_date, VatStatus.EXEMPT if c.vat_exempt else VatStatus.EXTRA)
    doc.add_paragraph(
        "Без НДС (упрощённая система налогообложения)."
        if c.vat_exempt
        else f"{vat_label(rate)}: {rubles_exact(c.terms.vat)}."
    )
    doc.add_paragraph(f"Итого к оплате: {rubles_exact(c.terms.total)}.")
    doc.add_heading("4. Порядок оплаты", level=2)
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, ("Этап", "Доля", "Сумма", "Срок"), strict=True):
        cell.text = title
    labels = {"prepayment": "Предоплата", "final": "Окончательный расчёт"}
    for stage in c.terms.schedule:
        cells = table.add_row().cells
        cells[0].text = labels[stage["stage"]]
        cells[1].text = f"{stage['percent']} %"
        cells[2].text = rubles_exact(Decimal(stage["amount"]))
        cells[3].text = dt.date.fromisoformat(stage["due"]).strftime("%d.%m.%Y")
    doc.add_heading("5. Отмена и перенос", level=2)
    doc.add_paragraph(c.cancellation_terms or "По соглашению сторон.")
    doc.add_heading("6. Подписи сторон", level=2)
    doc.add_paragraph("Заказчик: ____________________        Исполнитель: ____________________")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def rubles_exact(amount: Decimal) -> str:
    return format_rub_exact(amount)
