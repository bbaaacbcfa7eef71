from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from eventmaestro.agents.registry import all_agents
from eventmaestro.agents.runtime import AgentRuntime
from eventmaestro.kit.platform import Platform
from tests.agents.maestro.helpers import serve
from tests.agents.vendors.catalogue import load
from tests.api.helpers import register


@pytest.fixture
async def agents(clean_platform: Platform) -> AsyncIterator[AgentRuntime]:
    """Every real agent served on the platform's bus, with a vendor catalogue to select from."""
    await load(clean_platform, filler=1500)
    runtime = await serve(clean_platform, all_agents())
    try:
        yield runtime
    finally:
        await runtime.stop()


@pytest.fixture
async def token(client: httpx.AsyncClient) -> str:
    return str((await register(client))["access_token"])
