"""Talking to Maestro over HTTP in tests: one request, the agents served on the bus."""

from __future__ import annotations

from typing import Any

import httpx

from eventmaestro.agents.base import Agent
from eventmaestro.agents.runtime import AgentRuntime
from eventmaestro.kit.platform import Platform
from tests.api.helpers import bearer

URL = "/api/v1/orchestration/process"
NOW = "2026-09-01T09:00:00+03:00"


async def serve(platform: Platform, agents: list[Agent]) -> AgentRuntime:
    runtime = AgentRuntime(platform, agents)
    await runtime.start()
    return runtime


async def ask(client: httpx.AsyncClient, token: str, message: str, **extra: Any) -> dict[str, Any]:
    response = await client.post(
        URL, json={"message": message, "now": NOW, **extra}, headers=bearer(token)
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body
