"""Migrations run forwards and backwards on both databases and match the models."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from alembic import command

from eventmaestro.kit.migrate import alembic_config, upgrade_async
from tests.conftest import drop_postgres_database, recreate_postgres_database
from tests.servers import POSTGRES_URL, require_server


@pytest.fixture(params=["sqlite", "postgresql"])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'm.db'}"
        return
    require_server("PostgreSQL", POSTGRES_URL)
    name = f"maestro_migrations_test_{os.getpid()}"
    yield await recreate_postgres_database(name)
    await drop_postgres_database(name)


async def test_upgrade_downgrade_upgrade_and_no_drift(database_url: str) -> None:
    config = alembic_config(database_url)
    await upgrade_async(database_url)
    await asyncio.to_thread(command.downgrade, config, "base")
    await upgrade_async(database_url)
    # `check` raises if the models describe a schema the migrations do not produce.
    await asyncio.to_thread(command.check, config)
