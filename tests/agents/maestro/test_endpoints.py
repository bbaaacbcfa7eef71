"""POST /api/v1/orchestration/intent-classify on both stacks."""

from __future__ import annotations

import httpx
import pytest

from tests.api.helpers import bearer, register

URL = "/api/v1/orchestration/intent-classify"


async def test_classifies_a_brief(client: httpx.AsyncClient) -> None:
    token = (await register(client))["access_token"]
    response = await client.post(
        URL,
        json={
            "text": "корпоратив на сто человек в Питере 20.12, бюджет 1,5 млн",
            "now": "2026-11-24T12:00:00+03:00",
        },
        headers=bearer(token),
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["intent"] == "create_event_plan"
    assert 0 < body["confidence"] <= 1
    assert body["entities"] == {
        "event_type": "corporate_party",
        "guests_count": 100,
        "budget": {"amount": "1500000.00", "currency": "RUB"},
        "city": {"name": "Saint Petersburg", "geoname_id": 498817},
        "date": "2026-12-20",
        "date_end": None,
        "date_window": None,
        "duration_days": None,
        "format": None,
        "vendor_category": None,
    }
    assert all(set(a) == {"intent", "confidence"} for a in body["alternatives"])


async def test_relative_dates_use_the_given_timezone(client: httpx.AsyncClient) -> None:
    token = (await register(client))["access_token"]
    response = await client.post(
        URL,
        json={"text": "завтра", "now": "2026-12-31T21:30:00Z", "timezone": "Asia/Vladivostok"},
        headers=bearer(token),
    )
    assert response.status_code == 200, response.text
    assert response.json()["entities"]["date"] == "2027-01-02"


async def test_requires_authentication(client: httpx.AsyncClient) -> None:
    response = await client.post(URL, json={"text": "привет"})
    assert response.status_code == 401


@pytest.mark.parametrize(
    "payload",
    [
        {"text": ""},
        {"text": "   "},
        {"text": "x" * 2001},
        {"text": "привет", "timezone": "Mars/Olympus"},
        {"text": "привет", "now": "2026-11-24T12:00:00"},  # naive: ambiguous instant
        {"text": "привет", "extra": 1},
        {"text": "bad\x00byte"},
    ],
)
async def test_bad_input_is_a_clear_422(client: httpx.AsyncClient, payload: object) -> None:
    token = (await register(client))["access_token"]
    response = await client.post(URL, json=payload, headers=bearer(token))
    assert response.status_code == 422, response.text
