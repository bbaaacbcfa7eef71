"""Finance over HTTP on both stacks: estimates, plan vs actual, ROI, pricing, forecast."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from eventmaestro.kit.outbox_models import OutboxMessage
from eventmaestro.kit.platform import Platform
from tests.agents.finance.test_exports import keep
from tests.agents.finance.test_variance import SEED_ACTUAL, SEED_PLAN
from tests.api.helpers import bearer, create_event, register
from tests.clock import TEST_TODAY


async def _setup(client: httpx.AsyncClient, **event: Any) -> tuple[str, str]:
    token = (await register(client))["access_token"]
    created = await create_event(client, token, **event)
    return token, created["id"]


async def test_estimate_fits_the_event_budget_and_reads_back(client: httpx.AsyncClient) -> None:
    token, event_id = await _setup(client)
    url = f"/api/v1/finance/events/{event_id}/budget"
    created = await client.post(url, json={}, headers=bearer(token))
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["drivers"]["city_tier"] == "million_plus"
    assert body["drivers"]["guests"] == 150
    totals = body["totals"]
    assert isinstance(totals["total"], str)
    assert Decimal(totals["total"]) <= Decimal("2000000.00")
    assert body["fit"]["fits"] is True
    assert Decimal(totals["total"]) == Decimal(totals["net"]) + Decimal(totals["vat"])
    assert sum(Decimal(line["amount"]) for line in body["lines"]) == Decimal(totals["subtotal"])
    assert sum(Decimal(c["with_vat"]) for c in body["allocation"]) == Decimal(totals["total"])
    assert set(body["scenarios"]) == {"economy", "standard", "premium"}
    fetched = await client.get(url, headers=bearer(token))
    assert fetched.status_code == 200
    assert fetched.json()["totals"] == totals
    again = await client.post(url, json={}, headers=bearer(token))
    assert again.status_code == 409


async def test_impossible_target_says_by_how_much(client: httpx.AsyncClient) -> None:
    token, event_id = await _setup(client)
    response = await client.post(
        f"/api/v1/finance/events/{event_id}/budget",
        json={"target": {"amount": "100000"}},
        headers=bearer(token),
    )
    assert response.status_code == 201
    fit = response.json()["fit"]
    assert fit["fits"] is False
    assert Decimal(fit["shortfall"]) > 0
    assert fit["shortfall_drivers"]
    assert "exceeds the target by" in fit["explanation"]


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({"guests": -5}, "guests"),
        ({"target": {"amount": "0"}}, "amount"),
        ({"target": {"amount": "100", "currency": "XYZ"}}, "currency"),
        ({"target": {"amount": "100", "currency": "USD"}}, "RUB"),
        ({"surprise": 1}, "surprise"),
    ],
)
async def test_bad_budget_input_is_a_clear_4xx(
    client: httpx.AsyncClient, body: dict[str, Any], fragment: str
) -> None:
    token, event_id = await _setup(client)
    response = await client.post(
        f"/api/v1/finance/events/{event_id}/budget", json=body, headers=bearer(token)
    )
    assert response.status_code == 422, response.text
    assert fragment in response.text


async def test_seed_plan_vs_actual_and_overspend_event(
    client: httpx.AsyncClient, clean_platform: Platform
) -> None:
    token, event_id = await _setup(client)
    lines = [
        {"category": name, "quantity": "1", "unit": "event", "unit_price": str(amount)}
        for name, amount in SEED_PLAN.items()
    ]
    url = f"/api/v1/finance/events/{event_id}/budget"
    assert (await client.post(url, json={}, headers=bearer(token))).status_code == 201
    put = await client.put(
        url,
        json={"lines": lines, "vat_rate_percent": "0", "contingency_percent": "0"},
        headers=bearer(token),
    )
    assert put.status_code == 200, put.text
    assert put.json()["totals"]["total"] == "1010000.00"
    for name, amount in SEED_ACTUAL.items():
        added = await client.post(
            f"/api/v1/finance/events/{event_id}/expenses",
            json={
                "category": name,
                "amount": {"amount": str(amount)},
                "date": "2026-12-01",
                "vendor": "ООО Поставщик",
                "document_number": f"СЧ-{name}",
                "paid": name != "printing",
            },
            headers=bearer(token),
        )
        assert added.status_code == 201, added.text
    status = (
        await client.get(f"/api/v1/finance/budget-status/{event_id}", headers=bearer(token))
    ).json()
    assert status["plan"] == "1010000.00"
    assert status["actual"] == "1018000.00"
    assert status["variance"] == "8000.00"
    assert status["variance_percent"] == "0.8"
    assert status["unpaid"] == "30000.00"
    rows = {row["category"]: row for row in status["categories"]}
    assert rows["catering"]["status"] == "over"
    listed = await client.get(f"/api/v1/finance/events/{event_id}/expenses", headers=bearer(token))
    assert listed.json()["total"] == 6

    async with clean_platform.sessionmaker() as session:
        alerts = (
            await session.scalars(
                select(OutboxMessage).where(OutboxMessage.topic == "budget.overspent")
            )
        ).all()
    categories = sorted(str(alert.payload["category"]) for alert in alerts)
    assert categories == ["None", "catering"]

    forecast = await client.post(
        "/api/v1/finance/budget-forecast",
        json={"event_id": event_id, "closed_categories": ["catering"]},
        headers=bearer(token),
    )
    assert forecast.status_code == 200, forecast.text
    result = forecast.json()
    assert result["committed"] == "30000.00"
    assert Decimal(result["low"]) <= Decimal(result["at_completion"]) <= Decimal(result["high"])


async def test_roi_seed_example_and_corporate_value(client: httpx.AsyncClient) -> None:
    token, event_id = await _setup(client)
    url = f"/api/v1/finance/events/{event_id}/roi-analysis"
    seed = await client.post(
        url,
        json={
            "costs": {"amount": "1010000"},
            "tiers": [{"name": "Стандарт", "price": "7000", "attendance": 140}],
        },
        headers=bearer(token),
    )
    assert seed.status_code == 200, seed.text
    body = seed.json()
    assert (body["revenue"], body["profit"], body["roi_percent"]) == (
        "980000.00",
        "-30000.00",
        "-2.97",
    )
    corporate = await client.post(
        url,
        json={
            "business_value": {"leads": 60, "conversion_percent": "10", "average_deal": "400000"}
        },
        headers=bearer(token),
    )
    assert corporate.status_code == 200, corporate.text
    assert corporate.json()["mode"] == "business_value"
    assert corporate.json()["roi_percent"] == "20.00"  # 2.4M value vs the 2M event budget
    over = await client.post(
        url,
        json={"tiers": [{"name": "a", "price": "1", "attendance": 300}], "capacity": 200},
        headers=bearer(token),
    )
    assert over.status_code == 422
    assert "capacity" in over.json()["detail"]


async def test_pricing_optimisation(client: httpx.AsyncClient) -> None:
    token = (await register(client))["access_token"]
    response = await client.post(
        "/api/v1/finance/pricing-optimization",
        json={
            "model": "linear",
            "intercept": "400",
            "slope": "0.03",
            "capacity": 500,
            "fixed_costs": "500000",
            "cost_per_attendee": "1500",
        },
        headers=bearer(token),
    )
    assert response.status_code == 200, response.text
    assert response.json()["optimum"]["price"] == "7416.67"
    assert len(response.json()["sensitivity"]) == 9
    bad = await client.post(
        "/api/v1/finance/pricing-optimization",
        json={
            "model": "elastic",
            "elasticity": "0.5",
            "anchor_price": "1000",
            "anchor_attendance": "10",
            "capacity": 100,
            "fixed_costs": "0",
        },
        headers=bearer(token),
    )
    assert bad.status_code == 422
    assert "ceiling" in bad.json()["detail"]


async def test_other_tenant_gets_404(client: httpx.AsyncClient) -> None:
    token, event_id = await _setup(client)
    other = (await register(client, organization="Чужая"))["access_token"]
    url = f"/api/v1/finance/events/{event_id}/budget"
    assert (await client.post(url, json={}, headers=bearer(token))).status_code == 201
    for method, path, body in [
        ("GET", url, None),
        ("POST", url, {}),
        ("PUT", url, {"lines": []}),
        ("GET", f"/api/v1/finance/budget-status/{event_id}", None),
        ("GET", f"/api/v1/finance/events/{event_id}/expenses", None),
        ("POST", f"/api/v1/finance/events/{event_id}/roi-analysis", {"costs": {"amount": "1"}}),
        ("POST", "/api/v1/finance/budget-forecast", {"event_id": event_id}),
    ]:
        response = await client.request(method, path, json=body, headers=bearer(other))
        assert response.status_code == 404, (method, path, response.text)


VENDORS = [
    {
        "vendor": "Корстон",
        "category": "venue",
        "amount": {"amount": "300000"},
        "deposit_percent": "50",
        "deposit_days_before": 30,
        "balance_days_before": 3,
    },
    {
        "vendor": "Вкусно",
        "category": "catering",
        "amount": {"amount": "450000"},
        "deposit_percent": "30",
        "deposit_days_before": 14,
        "balance_days_before": -5,
        "paid": "135000",
    },
]


async def test_payment_schedule_flags_overdue_deposits(client: httpx.AsyncClient) -> None:
    today = TEST_TODAY
    token, event_id = await _setup(client, date=str(today + timedelta(days=10)))
    response = await client.post(
        f"/api/v1/finance/events/{event_id}/payment-schedule",
        json={"vendors": VENDORS, "period": "week"},
        headers=bearer(token),
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert [(p["vendor"], p["overdue"]) for p in body["payments"]] == [
        ("Корстон", True),
        ("Вкусно", False),
        ("Корстон", False),
        ("Вкусно", False),
    ]
    assert body["overdue_amount"] == "150000.00"
    assert body["cash_flow"][-1]["cumulative"] == "750000.00"
    chart = await client.post(
        f"/api/v1/finance/events/{event_id}/payment-schedule/chart",
        json={"vendors": VENDORS, "period": "week"},
        headers=bearer(token),
    )
    assert chart.headers["content-type"] == "image/png"
    keep("cash_flow.png", chart.content)
    undated = await create_event(client, token, date=None)
    missing = await client.post(
        f"/api/v1/finance/events/{undated['id']}/payment-schedule",
        json={"vendors": [{"vendor": "x", "category": "venue", "amount": {"amount": "1"}}]},
        headers=bearer(token),
    )
    assert missing.status_code == 422
    assert "no date" in missing.json()["detail"]


async def test_extreme_but_valid_sizes_are_answered(client: httpx.AsyncClient) -> None:
    token, event_id = await _setup(client, budget=None)
    url = f"/api/v1/finance/events/{event_id}/budget"
    huge = await client.post(
        url,
        json={"guests": 1_000_000, "days": 60, "hours": 24, "scenario": "premium"},
        headers=bearer(token),
    )
    assert huge.status_code == 201, huge.text
    too_big = await client.put(
        url,
        json={
            "lines": [
                {
                    "category": "venue",
                    "quantity": "99999999999",
                    "unit": "x",
                    "unit_price": "999999999999.99",
                }
            ]
        },
        headers=bearer(token),
    )
    assert too_big.status_code == 422
    assert "must not exceed" in too_big.text
    control = await client.put(
        url,
        json={
            "lines": [{"category": "venue", "quantity": "1", "unit": "a\x00b", "unit_price": "1"}]
        },
        headers=bearer(token),
    )
    assert control.status_code == 422
