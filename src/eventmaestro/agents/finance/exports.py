"""Spreadsheet and CSV exports of an estimate and of plan vs actual.

The XLSX keeps the arithmetic live where an accountant expects it (line = quantity × price,
totals = SUM, VAT and reserve from their rates), using the same rounding as the code
(ROUND(…, 2) per line), so the sheet recomputes to the very kopecks the API shows. Amounts
are written as exact Decimals, never floats.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from eventmaestro.agents.finance.reference import load_reference
from eventmaestro.agents.finance.schemas import BudgetStatusOut, EstimateOut

RUB = '#,##0.00 "₽"'
QTY = "#,##0.###"
PCT = "0.0%"
HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")
BOLD = Font(bold=True)
TOP = Border(top=Side(style="thin"))

STATUS_RU = {
    "under": "экономия",
    "on_track": "в плане",
    "over": "перерасход",
    "unplanned": "вне плана",
}


def _label(category: str) -> str:
    return load_reference().label(category)


def _header(sheet: Worksheet, titles: list[str], widths: list[int]) -> None:
    sheet.append(titles)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
        cell = sheet.cell(row=sheet.max_row, column=index)
        cell.font, cell.fill = BOLD, HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.freeze_panes = f"A{sheet.max_row + 1}"


def _save(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def estimate_xlsx(estimate: EstimateOut, title: str) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Смета"
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([f"Сценарий: {estimate.scenario}; справочник {estimate.reference_version}"])
    sheet.append([])
    _header(
        sheet,
        ["Категория", "Описание", "Кол-во", "Ед.", "Цена, ₽", "Сумма, ₽", "Опция"],
        [16, 52, 10, 10, 14, 16, 8],
    )
    first = sheet.max_row + 1
    for line in estimate.lines:
        row = sheet.max_row + 1
        sheet.append(
            [
                _label(line.category),
                line.description,
                line.quantity,
                line.unit,
                line.unit_price,
                f"=ROUND(C{row}*E{row},2)",
                "да" if line.optional else "",
            ]
        )
        sheet[f"C{row}"].number_format = QTY
        sheet[f"E{row}"].number_format = RUB
        sheet[f"F{row}"].number_format = RUB
    last = sheet.max_row
    totals = estimate.totals
    rate_row = last + 2
    rows: list[tuple[str, str | Decimal]] = [
        ("Итого по строкам", f"=SUM(F{first}:F{last})"),
        ("Резерв, %", totals.contingency_percent),
        ("Резерв", f"=ROUND(F{rate_row}*F{rate_row + 1}/100,2)"),
        ("Ставка НДС, %", totals.vat_rate_percent),
    ]
    if totals.prices_include_vat:
        rows += [
            ("Итого с НДС", f"=F{rate_row}+F{rate_row + 2}"),
            ("в т. ч. НДС", f"=ROUND(F{rate_row + 4}*F{rate_row + 3}/(100+F{rate_row + 3}),2)"),
            ("Без НДС", f"=F{rate_row + 4}-F{rate_row + 5}"),
        ]
    else:
        rows += [
            ("Без НДС", f"=F{rate_row}+F{rate_row + 2}"),
            ("НДС", f"=ROUND(F{rate_row + 4}*F{rate_row + 3}/100,2)"),
            ("Итого с НДС", f"=F{rate_row + 4}+F{rate_row + 5}"),
        ]
    sheet.append([])
    for label, value in rows:
        sheet.append(["", label, None, None, None, value])
        row = sheet.max_row
        sheet[f"B{row}"].font = BOLD
        sheet[f"F{row}"].number_format = "0.00" if "%" in label else RUB
    sheet[f"F{rate_row}"].border = TOP
    sheet[f"F{sheet.max_row}"].font = BOLD

    caps = book.create_sheet("Лимиты по категориям")
    _header(caps, ["Категория", "Сумма, ₽", "С НДС, ₽", "Доля"], [18, 16, 16, 10])
    for allocation in estimate.allocation:
        caps.append(
            [
                _label(allocation.category),
                allocation.amount,
                allocation.with_vat,
                allocation.share_percent / 100,
            ]
        )
        row = caps.max_row
        caps[f"B{row}"].number_format = caps[f"C{row}"].number_format = RUB
        caps[f"D{row}"].number_format = PCT
    return _save(book)


def status_xlsx(status: BudgetStatusOut, title: str) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "План-факт"
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    _header(
        sheet,
        ["Категория", "План, ₽", "Факт, ₽", "Оплачено, ₽", "Отклонение, ₽", "Откл., %", "Статус"],
        [18, 16, 16, 16, 16, 10, 14],
    )
    first = sheet.max_row + 1
    for row_data in status.categories:
        row = sheet.max_row + 1
        sheet.append(
            [
                _label(row_data.category),
                row_data.plan,
                row_data.actual,
                row_data.paid,
                f"=C{row}-B{row}",
                f'=IF(B{row}=0,"",E{row}/B{row})',
                STATUS_RU[row_data.status.value],
            ]
        )
        for column in "BCDE":
            sheet[f"{column}{row}"].number_format = RUB
        sheet[f"F{row}"].number_format = PCT
        if row_data.status.value in ("over", "unplanned"):
            sheet[f"G{row}"].font = Font(bold=True, color="B00020")
    last = sheet.max_row
    total = last + 1
    sheet.append(
        [
            "Итого",
            f"=SUM(B{first}:B{last})",
            f"=SUM(C{first}:C{last})",
            f"=SUM(D{first}:D{last})",
            f"=C{total}-B{total}",
            f'=IF(B{total}=0,"",E{total}/B{total})',
            STATUS_RU[status.status.value],
        ]
    )
    for column in "ABCDEFG":
        sheet[f"{column}{total}"].font = BOLD
        sheet[f"{column}{total}"].border = TOP
    for column in "BCDE":
        sheet[f"{column}{total}"].number_format = RUB
    sheet[f"F{total}"].number_format = PCT
    return _save(book)


def estimate_csv(estimate: EstimateOut) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["category", "description", "quantity", "unit", "unit_price", "amount", "optional"]
    )
    for line in estimate.lines:
        writer.writerow(
            [
                line.category,
                line.description,
                line.quantity,
                line.unit,
                line.unit_price,
                line.amount,
                line.optional,
            ]
        )
    t = estimate.totals
    for label, value in [
        ("subtotal", t.subtotal),
        ("contingency", t.contingency),
        ("net", t.net),
        ("vat", t.vat),
        ("total", t.total),
    ]:
        writer.writerow([label, "", "", "", "", value, ""])
    return out.getvalue()


def status_csv(status: BudgetStatusOut) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["category", "plan", "actual", "paid", "variance", "variance_percent", "status"]
    )
    for row in status.categories:
        writer.writerow(
            [
                row.category,
                row.plan,
                row.actual,
                row.paid,
                row.variance,
                row.variance_percent,
                row.status.value,
            ]
        )
    writer.writerow(
        [
            "total",
            status.plan,
            status.actual,
            status.paid,
            status.variance,
            status.variance_percent,
            status.status.value,
        ]
    )
    return out.getvalue()
