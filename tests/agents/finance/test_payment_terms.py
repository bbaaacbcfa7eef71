"""Vendors' payment terms kept per event, on both stacks: saved and read back as sent, the
same set twice writes nothing, a bad vendor's terms name the failing field and leave the
stored set as it was, other organisations get a 404, and the schedule builds from them."""

from __future__ import annotations

import asyncio
from decimal import Decimal
from typing import Any

import httpx
import pytest

from tests.agents.finance.test_api import VENDORS
from tests.api.helpers import add_user, bearer, create_event, register


async def _setup(client: httpx.AsyncClient) -> tuple[str, str]:
    token = (await register(client))["access_token"]
    created = await create_event(client, token, date="2027-04-15")
    return token, f"/api/v1/finance/events/{created['id']}"


async def test_terms_round_trip_and_build_the_schedule(client: httpx.AsyncClient) -> None:
    token, url = await _setup(client)
    empty = await client.get(f"{url}/payment-terms", headers=bearer(token))
    assert empty.status_code == 200, empty.text
    assert (empty.json()["vendors"], empty.json()["updated_at"]) == ([], None)

    signed = [VENDORS[0], VENDORS[1] | {"signed_on": "2027-03-01"}]
    saved = await client.put(
        f"{url}/payment-terms", json={"vendors": signed}, headers=bearer(token)
    )
    assert saved.status_code == 200, saved.text
    body = saved.json()
    assert [
        (v["vendor"], v["amount"]["amount"], v["deposit_percent"], v["paid"], v["signed_on"])
        for v in body["vendors"]
    ] == [
        ("Корстон", "300000.00", "50.00", "0.00", None),
        ("Вкусно", "450000.00", "30.00", "135000.00", "2027-03-01"),
    ]
    assert [(v["deposit_days_before"], v["balance_days_before"]) for v in body["vendors"]] == [
        (30, 3),
        (14, -5),
    ]
    assert (await client.get(f"{url}/payment-terms", headers=bearer(token))).json() == body
    again = await client.put(
        f"{url}/payment-terms", json={"vendors": signed}, headers=bearer(token)
    )
    assert again.json() == body  # nothing rewritten: the same time of the last save

    # What was read back is what the schedule takes, unchanged.
    schedule = await client.post(
        f"{url}/payment-schedule", json={"vendors": body["vendors"]}, headers=bearer(token)
    )
    assert schedule.status_code == 200, schedule.text
    assert Decimal(schedule.json()["total"]) == Decimal("750000.00")

    cleared = await client.put(f"{url}/payment-terms", json={"vendors": []}, headers=bearer(token))
    assert cleared.json()["vendors"] == []


@pytest.mark.parametrize(
    ("change", "field", "fragment"),
    [
        ({"deposit_days_before": -10}, "body.vendors.1.deposit_days_before", "after the balance"),
        ({"paid": "999999"}, "body.vendors.1.paid", "paid must be"),
        ({"amount": {"amount": "-1"}}, "body.vendors.1.amount.amount", "greater than 0"),
        ({"amount": {"amount": "10", "currency": "USD"}}, None, "RUB"),
        ({"surprise": True}, "body.vendors.1.surprise", "Extra inputs"),
    ],
)
async def test_bad_terms_are_refused_and_change_nothing(
    client: httpx.AsyncClient, change: dict[str, Any], field: str | None, fragment: str
) -> None:
    token, url = await _setup(client)
    before = await client.put(
        f"{url}/payment-terms", json={"vendors": VENDORS[:1]}, headers=bearer(token)
    )
    refused = await client.put(
        f"{url}/payment-terms",
        json={"vendors": [VENDORS[0], VENDORS[1] | change]},
        headers=bearer(token),
    )
    assert refused.status_code == 422, refused.text
    assert refused.headers["content-type"] == "application/problem+json"
    problem = refused.json()
    if field is None:
        assert fragment in problem["detail"]
    else:
        assert any(e["field"] == field and fragment in e["message"] for e in problem["errors"]), (
            problem
        )
    after = await client.get(f"{url}/payment-terms", headers=bearer(token))
    assert after.json() == before.json()


async def test_terms_belong_to_the_events_organisation(client: httpx.AsyncClient) -> None:
    token, url = await _setup(client)
    await client.put(f"{url}/payment-terms", json={"vendors": VENDORS}, headers=bearer(token))
    stranger = (await register(client, organization="Чужие"))["access_token"]
    assert (await client.get(f"{url}/payment-terms", headers=bearer(stranger))).status_code == 404
    put = await client.put(f"{url}/payment-terms", json={"vendors": []}, headers=bearer(stranger))
    assert put.status_code == 404
    assert (
        len((await client.get(f"{url}/payment-terms", headers=bearer(token))).json()["vendors"])
        == 2
    )
    _, analyst = await add_user(client, token, "analyst")
    denied = await client.put(f"{url}/payment-terms", json={"vendors": []}, headers=bearer(analyst))
    assert denied.status_code == 403


async def test_simultaneous_saves_end_with_one_whole_set(client: httpx.AsyncClient) -> None:
    """Saves at the same moment land one after the other, each whole: never a mix."""
    token, url = await _setup(client)
    sets = [VENDORS, VENDORS[:1], [VENDORS[1], VENDORS[0] | {"vendor": "Третий"}], VENDORS[1:]]

    async def save(vendors: list[dict[str, Any]]) -> httpx.Response:
        return await client.put(
            f"{url}/payment-terms", json={"vendors": vendors}, headers=bearer(token)
        )

    responses = await asyncio.gather(*(save(s) for s in sets))
    assert [r.status_code for r in responses] == [200] * len(sets), [r.text for r in responses]
    final = (await client.get(f"{url}/payment-terms", headers=bearer(token))).json()["vendors"]
    assert [v["vendor"] for v in final] in [[v["vendor"] for v in s] for s in sets]
