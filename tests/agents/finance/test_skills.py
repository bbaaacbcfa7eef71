"""The Finance skills through the agent runtime, on both stacks."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import timedelta
from decimal import Decimal

import httpx
import pytest

from eventmaestro.agents.base import Agent, AgentContext, AgentTask, ResultStatus
from eventmaestro.agents.finance.agent import agent as finance
from eventmaestro.agents.registry import all_agents
from eventmaestro.agents.runtime import AgentRuntime, invoke
from eventmaestro.kit.clock import utcnow
from eventmaestro.kit.platform import Platform
from tests.agents.test_runtime import _delete_queue
from tests.api.helpers import bearer, create_event, register

SKILLS = {
    "estimate_budget",
    "track_expense",
    "budget_status",
    "roi",
    "optimize_pricing",
    "forecast",
}


def test_registered() -> None:
    assert finance in all_agents()
    assert set(finance.skills) == SKILLS


@pytest.fixture
async def runtime(clean_platform: Platform) -> AsyncIterator[AgentRuntime]:
    served_agent = Agent(f"finance-{uuid.uuid4().hex[:8]}", finance.description)
    served_agent.skills = finance.skills
    served = AgentRuntime(clean_platform, [served_agent])
    await served.start()
    try:
        yield served
    finally:
        await served.stop()
        await _delete_queue(clean_platform, served_agent.queue)


def _task(runtime: AgentRuntime, org_id: str, skill: str, payload: dict[str, object]) -> AgentTask:
    (name,) = runtime.agents
    return AgentTask(
        agent=name,
        skill=skill,
        input=payload,
        context=AgentContext(org_id=uuid.UUID(org_id), now=utcnow()),
        deadline=utcnow() + timedelta(seconds=10),
    )


async def test_skills_end_to_end(
    runtime: AgentRuntime, client: httpx.AsyncClient, clean_platform: Platform
) -> None:
    tokens = await register(client)
    token = tokens["access_token"]
    me = await client.get("/api/v1/auth/me", headers=bearer(token))
    org_id = me.json()["organization"]["id"]
    event = await create_event(client, token)
    bus = clean_platform.bus

    estimate = await invoke(
        bus,
        _task(
            runtime,
            org_id,
            "estimate_budget",
            {
                "event_type": "wedding",
                "guests": 80,
                "city": "Казань",
                "target": {"amount": "1500000"},
            },
        ),
    )
    assert estimate.status is ResultStatus.OK, estimate.error
    assert estimate.output is not None
    caps = {row["category"]: Decimal(row["with_vat"]) for row in estimate.output["allocation"]}
    assert sum(caps.values()) == Decimal(estimate.output["totals"]["total"]) <= 1_500_000
    assert "catering" in caps
    assert estimate.summary.startswith("Смета")
    unplanned = await invoke(
        bus, _task(runtime, org_id, "budget_status", {"event_id": event["id"]})
    )
    assert unplanned.status is ResultStatus.OK, unplanned.error
    assert unplanned.output == {"status": None}

    saved = await invoke(
        bus,
        _task(
            runtime,
            org_id,
            "estimate_budget",
            {
                "event_type": "corporate_party",
                "guests": 150,
                "city": "Kazan",
                "target": {"amount": "2000000"},
                "event_id": event["id"],
            },
        ),
    )
    assert saved.status is ResultStatus.OK, saved.error
    assert saved.warnings == []
    stored = await client.get(f"/api/v1/finance/events/{event['id']}/budget", headers=bearer(token))
    assert stored.status_code == 200
    assert saved.output is not None
    assert stored.json()["totals"] == saved.output["totals"]
    again = await invoke(
        bus,
        _task(runtime, org_id, "estimate_budget", {"guests": 10, "event_id": event["id"]}),
    )
    assert again.status is ResultStatus.OK
    assert again.warnings[-1].startswith("Not saved")
    expense = await invoke(
        bus,
        _task(
            runtime,
            org_id,
            "track_expense",
            {
                "event_id": event["id"],
                "category": "decoration",
                "amount": {"amount": "50000"},
                "date": "2026-12-01",
                "description": "цветы",
            },
        ),
    )
    assert expense.status is ResultStatus.OK, expense.error
    assert expense.output is not None
    assert expense.output["status"]["actual"] == "50000.00"
    assert "осталось" in expense.summary
    status = await invoke(bus, _task(runtime, org_id, "budget_status", {"event_id": event["id"]}))
    assert status.status is ResultStatus.OK, status.error
    assert status.output == {"status": expense.output["status"]}

    roi = await invoke(
        bus,
        _task(
            runtime,
            org_id,
            "roi",
            {
                "costs": {"amount": "1010000"},
                "tiers": [{"name": "std", "price": "5000", "attendance": 150}],
            },
        ),
    )
    assert roi.status is ResultStatus.OK, roi.error
    assert roi.output is not None
    assert roi.output["profit"] == "-260000.00"
    assert roi.output["break_even_attendance"] == 202

    price = await invoke(
        bus,
        _task(
            runtime,
            org_id,
            "optimize_pricing",
            {
                "event_type": "concert",
                "anchor_price": "3000",
                "anchor_attendance": "800",
                "capacity": 1000,
                "fixed_costs": "900000",
                "cost_per_attendee": "500",
            },
        ),
    )
    assert price.status is ResultStatus.OK, price.error

    forecast = await invoke(bus, _task(runtime, org_id, "forecast", {"event_id": event["id"]}))
    assert forecast.status is ResultStatus.OK, forecast.error

    other = await invoke(
        bus, _task(runtime, str(uuid.uuid4()), "forecast", {"event_id": event["id"]})
    )
    assert other.status is ResultStatus.FAILED
