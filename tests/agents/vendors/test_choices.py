"""The vendors chosen for an event, on both stacks: stored and read back with totals whose VAT
is the contracts' own, one set per event replaced as a whole and only when every item is
valid, refused for a vendor someone else has booked, linked to the event's contracts, and
invisible to other organisations."""

from __future__ import annotations

import asyncio
import uuid
from decimal import Decimal
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from eventmaestro.agents.vendors.pdf import converter
from eventmaestro.agents.vendors.repository import VendorsRepository
from eventmaestro.kit.outbox_models import OutboxMessage
from eventmaestro.kit.platform import Platform
from tests.agents.vendors.catalogue import BUSY_DAY, HALAL, LOFT, MOSCOW, SMALL_LOFT, load, vendor
from tests.api.helpers import add_user, bearer, create_event, register

# VAT on top of the price: the line's VAT is 20 % of the agreed price.
SOUND = vendor("Звук и свет «Эхо»", "technical", MOSCOW, vat_status="extra")
# The price includes VAT: the catalogue price splits into net and VAT.
FLOWERS = vendor(
    "Студия «Пион»", "decoration", MOSCOW, vat_status="included", price_amount=Decimal(120000)
)
EVENT_DATE = "2027-03-05"


@pytest.fixture
async def token(client: httpx.AsyncClient, clean_platform: Platform) -> str:
    await load(clean_platform, SOUND, FLOWERS, filler=0)
    access: str = (await register(client))["access_token"]
    return access


async def _event(client: httpx.AsyncClient, token: str, **fields: Any) -> str:
    moscow = {"city": {"name": "Moscow", "geoname_id": MOSCOW}, "date": EVENT_DATE}
    event = await create_event(client, token, **(moscow | fields))
    return str(event["id"])


def _url(event_id: str) -> str:
    return f"/api/v1/vendors/events/{event_id}/selection"


def _item(v: dict[str, Any], price: str | None = None, **extra: Any) -> dict[str, Any]:
    item = {"category": v["category"], "vendor_id": str(v["id"]), **extra}
    if price is not None:
        item["price"] = {"amount": price, "currency": "RUB"}
    return item


async def _put(
    client: httpx.AsyncClient, token: str, event_id: str, *items: dict[str, Any]
) -> httpx.Response:
    return await client.put(_url(event_id), json={"items": list(items)}, headers=bearer(token))


async def test_chosen_vendors_round_trip_with_totals(
    client: httpx.AsyncClient, token: str, clean_platform: Platform
) -> None:
    event_id = await _event(client, token)
    empty = await client.get(_url(event_id), headers=bearer(token))
    assert empty.status_code == 200, empty.text
    assert empty.json() | {"event_id": None} == {
        "event_id": None,
        "items": [],
        "net": None,
        "vat": None,
        "total": None,
        "updated_at": None,
    }

    body = [
        _item(SOUND, "90000", note="два радиомикрофона"),
        _item(LOFT),  # 20 000 ₽ an hour × 5 hours, VAT-exempt
        # 120 000 ₽ with VAT at 22 % (a 2026 event): the net is 98 360,66 ₽, and the contract's
        # VAT on that net, 21 639,35 ₽, is what the chosen line adds.
        _item(FLOWERS),
    ]
    saved = await _put(client, token, event_id, *body)
    assert saved.status_code == 200, saved.text
    chosen = saved.json()
    # Shown in the catalogue's category order, whatever order they were sent in.
    assert [i["category"] for i in chosen["items"]] == ["venue", "decoration", "technical"]
    lines = {i["category"]: i for i in chosen["items"]}
    assert lines["venue"]["price"]["amount"] == "100000.00"
    assert lines["venue"]["vat"] is None
    assert lines["decoration"]["price"]["amount"] == "98360.66"
    assert lines["decoration"]["vat"]["amount"] == "21639.35"
    assert lines["decoration"]["total"]["amount"] == "120000.01"
    assert lines["technical"]["total"]["amount"] == "109800.00"
    assert lines["technical"]["note"] == "два радиомикрофона"
    assert lines["technical"]["vendor_name"] == SOUND["name"]
    assert {i["availability"] for i in chosen["items"]} == {"free"}
    assert (chosen["net"]["amount"], chosen["vat"]["amount"], chosen["total"]["amount"]) == (
        "288360.66",
        "41439.35",
        "329800.01",
    )
    read = await client.get(_url(event_id), headers=bearer(token))
    assert read.json() == chosen

    # The same set again changes nothing and announces nothing.
    again = await _put(client, token, event_id, *body)
    assert again.json() == chosen
    async with clean_platform.sessionmaker() as session:
        changes = (
            await session.scalars(
                select(OutboxMessage).where(OutboxMessage.topic == "vendor.selection_changed")
            )
        ).all()
    assert len(changes) == 1
    assert [p["category"] for p in changes[0].payload["picks"]] == [
        "venue",
        "decoration",
        "technical",
    ]

    # An agreed price stays when the item comes back without one; removing is leaving out.
    await _put(client, token, event_id, _item(LOFT, "80000"), _item(SOUND))
    kept = (await _put(client, token, event_id, _item(LOFT))).json()
    assert [(i["category"], i["price"]["amount"]) for i in kept["items"]] == [("venue", "80000.00")]
    assert kept["total"]["amount"] == "80000.00"
    cleared = (await _put(client, token, event_id)).json()
    assert (cleared["items"], cleared["total"]) == ([], None)


@pytest.mark.parametrize(
    ("items", "field", "fragment"),
    [
        ([{"category": "venue", "vendor_id": str(uuid.uuid4())}], "items.0.vendor_id", "No vendor"),
        ([_item(LOFT) | {"category": "entertainment"}], "items.0.category", "venue vendor"),
        (
            [_item(SOUND), _item(LOFT, "1000") | {"price": {"amount": "1000", "currency": "EUR"}}],
            "items.1.price.currency",
            "roubles",
        ),
        ([_item(LOFT), _item(LOFT)], "body", "chosen twice"),
        ([_item(LOFT, "-5")], "items.0.price.amount", "greater than 0"),
    ],
)
async def test_a_bad_item_is_a_422_and_leaves_the_stored_set_unchanged(
    client: httpx.AsyncClient,
    token: str,
    items: list[dict[str, Any]],
    field: str,
    fragment: str,
) -> None:
    event_id = await _event(client, token)
    before = (await _put(client, token, event_id, _item(SOUND, "50000"))).json()
    refused = await _put(client, token, event_id, *items, _item(HALAL, "1000"))
    assert refused.status_code == 422, refused.text
    assert refused.headers["content-type"] == "application/problem+json"
    errors = refused.json()["errors"]
    assert any(e["field"].endswith(field) and fragment in e["message"] for e in errors), errors
    assert (await client.get(_url(event_id), headers=bearer(token))).json() == before


async def test_an_event_without_guests_needs_agreed_prices(
    client: httpx.AsyncClient, token: str
) -> None:
    event_id = await _event(client, token)
    await client.patch(
        f"/api/v1/events/{event_id}", json={"guests_count": None}, headers=bearer(token)
    )
    refused = await _put(client, token, event_id, _item(LOFT))
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "body.items.0.price"
    assert (await _put(client, token, event_id, _item(LOFT, "90000"))).status_code == 200


async def test_other_organisations_see_nothing_and_readers_cannot_write(
    client: httpx.AsyncClient, token: str, clean_platform: Platform
) -> None:
    event_id = await _event(client, token)
    assert (await _put(client, token, event_id, _item(LOFT))).status_code == 200
    stranger = (await register(client, organization="Чужие"))["access_token"]
    assert (await client.get(_url(event_id), headers=bearer(stranger))).status_code == 404
    assert (await _put(client, stranger, event_id, _item(SOUND))).status_code == 404
    missing = await client.get(_url(str(uuid.uuid4())), headers=bearer(token))
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"

    # The stranger's own vendor is invisible to us: choosing it is refused like an unknown one.
    me = (await client.get("/api/v1/auth/me", headers=bearer(stranger))).json()
    private = vendor(
        "Свой декоратор", "decoration", MOSCOW, org_id=uuid.UUID(me["organization"]["id"])
    )
    async with clean_platform.sessionmaker() as session:
        await VendorsRepository(session).insert_vendors([private])
        await session.commit()
    hidden = await _put(client, token, event_id, _item(private, "1000"))
    assert hidden.status_code == 422
    assert hidden.json()["errors"][0]["field"] == "body.items.0.vendor_id"

    _, analyst = await add_user(client, token, "analyst")
    assert (await _put(client, analyst, event_id, _item(SOUND))).status_code == 403
    assert (await client.get(_url(event_id), headers=bearer(analyst))).status_code == 200


async def test_a_vendor_busy_on_the_date_is_refused_when_new_and_flagged_when_kept(
    client: httpx.AsyncClient, token: str
) -> None:
    busy_event = await _event(client, token, date=BUSY_DAY.isoformat())
    refused = await _put(client, token, busy_event, _item(SMALL_LOFT), _item(SOUND))
    assert refused.status_code == 409, refused.text
    assert SMALL_LOFT["name"] in refused.json()["detail"]
    assert (await client.get(_url(busy_event), headers=bearer(token))).json()["items"] == []

    event_id = await _event(client, token)
    assert (await _put(client, token, event_id, _item(LOFT))).status_code == 200
    # Someone else holds the loft on our date after we chose it; we hold the sound ourselves.
    stranger = (await register(client, organization="Чужие"))["access_token"]
    held = await client.post(
        f"/api/v1/vendors/{LOFT['id']}/holds", json={"date": EVENT_DATE}, headers=bearer(stranger)
    )
    assert held.status_code == 201, held.text
    ours = await client.post(
        f"/api/v1/vendors/{SOUND['id']}/holds", json={"date": EVENT_DATE}, headers=bearer(token)
    )
    assert ours.status_code == 201, ours.text
    changed = await _put(client, token, event_id, _item(LOFT), _item(SOUND))
    assert changed.status_code == 200, changed.text
    assert {i["category"]: i["availability"] for i in changed.json()["items"]} == {
        "venue": "busy",
        "technical": "held",
    }


async def test_contracts_link_to_chosen_vendors_and_list_per_event(
    client: httpx.AsyncClient, token: str
) -> None:
    event_id = await _event(client, token)
    chosen = (await _put(client, token, event_id, _item(SOUND, "90000"), _item(LOFT))).json()
    assert all(i["contract"] is None for i in chosen["items"])
    sound = next(i for i in chosen["items"] if i["category"] == "technical")

    def draft(v: dict[str, Any], amount: str) -> dict[str, Any]:
        return {
            "vendor_id": str(v["id"]),
            "event_id": event_id,
            "event_date": EVENT_DATE,
            "guests": 150,
            "scope": "Звук на конференцию",
            "client_name": "ООО «Цифра»",
            "amount": {"amount": amount, "currency": "RUB"},
        }

    first = await client.post(
        "/api/v1/vendors/contracts",
        json=draft(SOUND, sound["price"]["amount"]),
        headers=bearer(token),
    )
    assert first.status_code == 201, first.text
    contract = first.json()
    # The contract from the chosen price comes to the chosen line's total.
    assert contract["total"] == sound["total"]
    assert (contract["vendor_name"], contract["category"]) == (SOUND["name"], "technical")
    assert contract["pdf_available"] is (converter() is not None)
    stages = contract["payment_schedule"]
    assert [s["stage"] for s in stages] == ["prepayment", "final"]
    assert sum(Decimal(s["amount"]) for s in stages) == Decimal(contract["total"]["amount"])
    assert stages[-1]["days_before_event"] == 3
    url = f"/api/v1/vendors/contracts/{contract['id']}"
    await client.put(f"{url}/send", headers=bearer(token))
    signed = (await client.put(f"{url}/sign", headers=bearer(token))).json()
    assert signed["signed_on"] is not None

    linked = (await client.get(_url(event_id), headers=bearer(token))).json()
    refs = {i["category"]: i["contract"] for i in linked["items"]}
    assert refs == {"venue": None, "technical": {"id": contract["id"], "status": "signed"}}
    assert next(i for i in linked["items"] if i["category"] == "technical")["availability"] == (
        "booked"
    )
    second = await client.post(
        "/api/v1/vendors/contracts", json=draft(LOFT, "100000"), headers=bearer(token)
    )
    listed = await client.get(
        "/api/v1/vendors/contracts", params={"event_id": event_id}, headers=bearer(token)
    )
    assert [c["id"] for c in listed.json()] == [contract["id"], second.json()["id"]]
    stranger = (await register(client, organization="Чужие"))["access_token"]
    foreign = await client.get(
        "/api/v1/vendors/contracts", params={"event_id": event_id}, headers=bearer(stranger)
    )
    assert foreign.json() == []

    # Cancelling the signed contract frees the vendor's date for everybody again.
    assert (await client.put(f"{url}/cancel", headers=bearer(token))).json()["status"] == (
        "cancelled"
    )
    hold = await client.post(
        f"/api/v1/vendors/{SOUND['id']}/holds", json={"date": EVENT_DATE}, headers=bearer(stranger)
    )
    assert hold.status_code == 201, hold.text


async def test_simultaneous_saves_end_with_one_whole_set(
    client: httpx.AsyncClient, token: str
) -> None:
    """Saves at the same moment land one after the other, each whole: never a mix."""
    event_id = await _event(client, token)
    sets = [
        [_item(LOFT, "100000"), _item(SOUND, "1000")],
        [_item(LOFT, "200000"), _item(FLOWERS, "2000")],
        [_item(SOUND, "3000")],
        [_item(LOFT, "400000"), _item(SOUND, "4000"), _item(FLOWERS, "4000")],
    ]
    responses = await asyncio.gather(*(_put(client, token, event_id, *s) for s in sets))
    assert [r.status_code for r in responses] == [200] * len(sets), [r.text for r in responses]
    final = (await client.get(_url(event_id), headers=bearer(token))).json()
    stored = sorted((i["vendor_id"], i["price"]["amount"]) for i in final["items"])
    candidates = [
        sorted((i["vendor_id"], f"{Decimal(i['price']['amount']):.2f}") for i in s) for s in sets
    ]
    assert stored in candidates
