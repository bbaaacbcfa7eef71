"""Exports: spreadsheets with live formulas, CSV with exact amounts, PNG charts."""

from __future__ import annotations

import csv
import io
import os
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import httpx
from openpyxl import load_workbook

from eventmaestro.agents.finance import charts, exports
from eventmaestro.agents.finance.analysis import pricing
from eventmaestro.agents.finance.estimating import EstimateRequest, estimate
from eventmaestro.agents.finance.reference import Scenario
from eventmaestro.agents.finance.schemas import PricingRequest, Terms
from tests.agents.finance.test_variance import SEED_ACTUAL, SEED_PLAN
from tests.api.helpers import bearer, create_event, register

PNG = b"\x89PNG\r\n\x1a\n"


def _estimate():
    out, _ = estimate(
        EstimateRequest(
            event_type="conference",
            event_format="offline",
            guests=150,
            city="Москва",
            city_tier=None,
            hours=None,
            days=None,
            target=None,
            scenario=Scenario.STANDARD,
            terms=Terms(),
        )
    )
    return out


def keep(name: str, content: bytes) -> None:
    """Set FINANCE_EXPORTS_DIR to look at the files a person would get."""
    folder = os.environ.get("FINANCE_EXPORTS_DIR")
    if folder:
        Path(folder, name).write_bytes(content)


def test_estimate_xlsx_has_line_formulas_and_exact_inputs() -> None:
    out = _estimate()
    content = exports.estimate_xlsx(out, "Смета: конференция")
    keep("estimate.xlsx", content)
    sheet = load_workbook(io.BytesIO(content))["Смета"]
    first = 5
    assert sheet[f"F{first}"].value == f"=ROUND(C{first}*E{first},2)"
    assert Decimal(str(sheet[f"E{first}"].value)) == out.lines[0].unit_price
    formulas = [c.value for c in sheet["F"] if isinstance(c.value, str)]
    assert any(f.startswith("=SUM(F5:F") for f in formulas)
    assert sheet[f"F{first}"].number_format.endswith('"₽"')


def _evaluate(sheet, ref: str) -> Decimal:
    """Enough of a spreadsheet engine for our formulas (+ − × ÷, ROUND, SUM over a column),
    in Decimal, to prove the sheet recomputes to the API's kopecks."""
    value = sheet[ref].value
    if not isinstance(value, str):
        return Decimal(str(value))
    expression = re.sub(
        r"SUM\(([A-Z])(\d+):[A-Z](\d+)\)",
        lambda m: "(" + "+".join(f"{m[1]}{i}" for i in range(int(m[2]), int(m[3]) + 1)) + ")",
        value.removeprefix("="),
    )
    expression = re.sub(r"\b([A-Z]+\d+)\b", r'cell("\1")', expression.replace("ROUND(", "rnd("))
    # Only formulas this module generated are evaluated, never user input.
    return eval(
        expression,
        {
            "cell": lambda r: _evaluate(sheet, r),
            "rnd": lambda x, n: Decimal(x).quantize(Decimal(1).scaleb(-n), rounding=ROUND_HALF_UP),
        },
    )


def test_estimate_xlsx_recomputes_to_the_api_totals() -> None:
    for inclusive in (False, True):
        out, _ = estimate(
            EstimateRequest(
                event_type="wedding",
                event_format="offline",
                guests=87,
                city="Казань",
                city_tier=None,
                hours=7,
                days=None,
                target=Decimal("1234567.89"),
                scenario=Scenario.PREMIUM,
                terms=Terms(
                    vat_rate_percent=Decimal("22"),
                    prices_include_vat=inclusive,
                    contingency_percent=Decimal("7.5"),
                ),
            )
        )
        sheet = load_workbook(io.BytesIO(exports.estimate_xlsx(out, "x")))["Смета"]
        labels = {sheet[f"B{row}"].value: f"F{row}" for row in range(1, sheet.max_row + 1)}
        assert _evaluate(sheet, labels["Итого по строкам"]) == out.totals.subtotal
        assert _evaluate(sheet, labels["Резерв"]) == out.totals.contingency
        assert _evaluate(sheet, labels["Без НДС"]) == out.totals.net
        assert _evaluate(sheet, labels["Итого с НДС"]) == out.totals.total
        vat = labels.get("НДС") or labels["в т. ч. НДС"]
        assert _evaluate(sheet, vat) == out.totals.vat


def test_estimate_csv_totals_are_exact_strings() -> None:
    out = _estimate()
    rows = list(csv.reader(io.StringIO(exports.estimate_csv(out))))
    totals = {row[0]: row[5] for row in rows if row[0] in {"subtotal", "vat", "total"}}
    assert totals["total"] == str(out.totals.total)
    assert Decimal(totals["subtotal"]) == sum(Decimal(r[5]) for r in rows[1 : len(out.lines) + 1])


def test_charts_are_png() -> None:
    out = _estimate()
    breakdown = charts.category_breakdown(out, "Смета: конференция, 150 гостей")
    keep("breakdown.png", breakdown)
    result = pricing(
        PricingRequest(
            model="linear",
            intercept=Decimal(400),
            slope=Decimal("0.03"),
            capacity=500,
            fixed_costs=Decimal(500_000),
            cost_per_attendee=Decimal(1500),
        )
    )
    curve = charts.price_curve(result, "Цена → гости → прибыль")
    keep("price_curve.png", curve)
    assert breakdown.startswith(PNG)
    assert curve.startswith(PNG)


async def test_export_endpoints(client: httpx.AsyncClient) -> None:
    token = (await register(client))["access_token"]
    event_id = (await create_event(client, token))["id"]
    base = f"/api/v1/finance/events/{event_id}/budget"
    await client.post(base, json={}, headers=bearer(token))
    lines = [
        {"category": name, "quantity": "1", "unit": "event", "unit_price": str(amount)}
        for name, amount in SEED_PLAN.items()
    ]
    await client.put(
        base,
        json={"lines": lines, "vat_rate_percent": "0", "contingency_percent": "0"},
        headers=bearer(token),
    )
    for name, amount in SEED_ACTUAL.items():
        await client.post(
            f"/api/v1/finance/events/{event_id}/expenses",
            json={"category": name, "amount": {"amount": str(amount)}, "date": "2026-12-01"},
            headers=bearer(token),
        )
    xlsx = await client.get(f"{base}/export", headers=bearer(token))
    assert xlsx.status_code == 200
    assert "spreadsheetml" in xlsx.headers["content-type"]
    status_url = f"/api/v1/finance/budget-status/{event_id}/export"
    status_csv = await client.get(status_url, params={"format": "csv"}, headers=bearer(token))
    last = status_csv.text.splitlines()[-1]
    assert last == "total,1010000.00,1018000.00,0.00,8000.00,0.8,on_track"
    png = await client.get(status_url, params={"format": "png"}, headers=bearer(token))
    assert png.content.startswith(PNG)
    keep("plan_vs_actual.png", png.content)
    status_xlsx = await client.get(status_url, headers=bearer(token))
    keep("plan_vs_actual.xlsx", status_xlsx.content)
    sheet = load_workbook(io.BytesIO(status_xlsx.content))["План-факт"]
    assert sheet["E4"].value == "=C4-B4"
    bad = await client.get(status_url, params={"format": "pdf"}, headers=bearer(token))
    assert bad.status_code == 422
    other = (await register(client, organization="Чужая"))["access_token"]
    assert (await client.get(f"{base}/export", headers=bearer(other))).status_code == 404
