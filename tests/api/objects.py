"""Real objects of one organisation, by the name of the path parameter that addresses them.

The route-table-driven suites (`test_bad_input`, `test_schemathesis`) fill `{event_id}`,
`{task_id}`, … from here, so a request reaches the code behind the id check. An endpoint
with a new kind of id fails those suites until its object is added below.
"""

from __future__ import annotations

from collections.abc import Collection

import httpx

from eventmaestro.kit.platform import Platform
from tests.agents.vendors.catalogue import LOFT, load
from tests.api.helpers import bearer, create_event


async def real_objects(
    client: httpx.AsyncClient,
    platform: Platform,
    admin: str,
    *,
    needed: Collection[str] | None = None,
) -> dict[str, str]:
    """Creates what `needed` names (everything by default) in the admin's organisation."""

    def wants(*names: str) -> bool:
        return needed is None or any(name in needed for name in names)

    h = bearer(admin)
    me = (await client.get("/api/v1/auth/me", headers=h)).json()
    event = await create_event(client, admin)
    ids = {
        "event_id": event["id"],
        # The admin: as the last admin it cannot be demoted or removed by a fuzzed request.
        "user_id": me["user"]["id"],
        "template_id": event["event_type"],
    }
    if wants("conversation_id"):
        said = await client.post(
            "/api/v1/orchestration/process", json={"message": "привет"}, headers=h
        )
        assert said.status_code == 200, said.text
        ids["conversation_id"] = said.json()["conversation_id"]
    if wants("key_id"):
        key = await client.post("/api/v1/api-keys", json={"name": "CRM"}, headers=h)
        assert key.status_code == 201, key.text
        ids["key_id"] = key.json()["id"]
    if wants("task_id", "plan"):
        plan = await client.post(f"/api/v1/planning/events/{event['id']}/plan", headers=h)
        assert plan.status_code == 201, plan.text
        ids["task_id"] = plan.json()["tasks"][0]["id"]
    if wants("vendor_id", "quote_id", "contract_id"):
        await load(platform, filler=0)
        ids["vendor_id"] = str(LOFT["id"])
    if wants("quote_id"):
        quote = await client.post(
            f"/api/v1/vendors/{LOFT['id']}/request-quote",
            json={"date": "2027-03-05", "guests": 120, "requirements": "Банкет на террасе"},
            headers=h,
        )
        assert quote.status_code == 201, quote.text
        ids["quote_id"] = quote.json()["id"]
    if wants("contract_id"):
        contract = await client.post(
            "/api/v1/vendors/contracts",
            json={
                "vendor_id": str(LOFT["id"]),
                "event_id": event["id"],
                "event_date": "2027-03-05",
                "guests": 150,
                "scope": "Аренда лофта с террасой, 18:00–24:00",
                "client_name": "ООО «Праздник»",
            },
            headers=h,
        )
        assert contract.status_code == 201, contract.text
        ids["contract_id"] = contract.json()["id"]
    return ids
