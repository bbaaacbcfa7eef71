"""The vendor skills over the bus, on both stacks: selection publishes `vendor.selected`,
an infeasible selection is a partial result with relaxations, writes need a user."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from eventmaestro.accounts.models import Organization, User
from eventmaestro.agents.base import AgentContext, AgentTask, ResultStatus
from eventmaestro.agents.runtime import AgentRuntime, invoke
from eventmaestro.agents.vendors.agent import agent
from eventmaestro.kit.clock import utcnow
from eventmaestro.kit.outbox_models import OutboxMessage
from eventmaestro.kit.platform import Platform
from tests.agents.vendors.catalogue import HALAL, KAZAN, LOFT, load


@pytest.fixture
async def runtime(clean_platform: Platform) -> AsyncIterator[AgentRuntime]:
    await load(clean_platform)
    served = AgentRuntime(clean_platform, [agent])
    await served.start()
    try:
        yield served
    finally:
        await served.stop()


@pytest.fixture
async def org(clean_platform: Platform) -> tuple[uuid.UUID, uuid.UUID]:
    async with clean_platform.sessionmaker() as session:
        org = Organization(name="Skills", slug=f"skills-{uuid.uuid4().hex[:6]}")
        session.add(org)
        await session.flush()
        user = User(
            org_id=org.id,
            email=f"u{uuid.uuid4().hex[:6]}@example.ru",
            name="U",
            role="manager",
            password_hash="x",
        )
        session.add(user)
        await session.commit()
        return org.id, user.id


def task(
    skill: str, payload: dict[str, Any], org_id: uuid.UUID, user: uuid.UUID | None
) -> AgentTask:
    return AgentTask(
        agent="vendors",
        skill=skill,
        input=payload,
        context=AgentContext(org_id=org_id, user_id=user, now=utcnow()),
        deadline=utcnow() + timedelta(seconds=10),
    )


SELECT = {
    "city_geoname_id": KAZAN,
    "date": "2026-12-20",
    "guests": 100,
    "categories": ["venue", "catering"],
    "budget": {"amount": "2000000.00", "currency": "RUB"},
    # Finance's allocation arrives as per-category caps.
    "category_caps": {"catering": {"amount": "400000.00", "currency": "RUB"}},
}


async def test_skills_over_the_bus(
    runtime: AgentRuntime, org: tuple[uuid.UUID, uuid.UUID], clean_platform: Platform
) -> None:
    org_id, user_id = org
    bus = clean_platform.bus
    found = await invoke(bus, task("search", {"q": "граффити", "limit": 5}, org_id, None))
    assert found.status is ResultStatus.OK, found.error
    assert str(LOFT["id"]) in {h["vendor"]["id"] for h in found.output["items"]}  # type: ignore[index]

    chosen = await invoke(bus, task("select", SELECT, org_id, None))
    assert chosen.status is ResultStatus.OK, chosen.error
    assert chosen.output
    assert chosen.output["feasible"]
    async with clean_platform.sessionmaker() as session:
        topics = (await session.scalars(select(OutboxMessage.topic))).all()
    assert "vendor.selected" in topics

    broke = {**SELECT, "budget": {"amount": "10.00", "currency": "RUB"}}
    partial = await invoke(bus, task("select", broke, org_id, None))
    assert partial.status is ResultStatus.PARTIAL
    assert partial.warnings
    assert partial.warnings[0].startswith("Увеличить бюджет")

    compared = await invoke(
        bus, task("compare", {"vendor_ids": [str(HALAL["id"])], "guests": 10}, org_id, None)
    )
    assert compared.status is ResultStatus.OK, compared.error

    quote = {
        "vendor_id": str(HALAL["id"]),
        "date": "2026-12-20",
        "guests": 80,
        "requirements": "Халяль",
    }
    anonymous = await invoke(bus, task("request_quote", quote, org_id, None))
    assert anonymous.status is ResultStatus.FAILED
    quoted = await invoke(bus, task("request_quote", quote, org_id, user_id))
    assert quoted.status is ResultStatus.OK, quoted.error

    contract = {
        "vendor_id": str(HALAL["id"]),
        "event_date": "2026-12-20",
        "guests": 80,
        "scope": "Банкет",
        "client_name": "ООО «Б»",
    }
    drafted = await invoke(bus, task("contract", contract, org_id, user_id))
    assert drafted.status is ResultStatus.OK, drafted.error
    assert drafted.output
    assert drafted.output["status"] == "draft"
