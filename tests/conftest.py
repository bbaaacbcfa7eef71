"""Shared fixtures: one API suite runs on every stack.

`stack` is parametrised: `embedded` (SQLite file, memory bus, memory cache) and
`distributed` (PostgreSQL, RabbitMQ, Redis on loopback). Both build their schema by running
the Alembic migrations, exactly as production does.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator

import asyncpg
import httpx
import pytest
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from eventmaestro.app import create_app
from eventmaestro.kit import clock
from eventmaestro.kit.cache import create_cache
from eventmaestro.kit.db import Base
from eventmaestro.kit.migrate import upgrade_async
from eventmaestro.kit.platform import Platform
from eventmaestro.models import import_all_models
from eventmaestro.settings import Settings
from tests.clock import TEST_NOW
from tests.servers import POSTGRES_URL, RABBITMQ_URL, REDIS_URL, require_server

# One database per test process, so parallel runs on one server never touch each other.
TEST_DATABASE = f"maestro_test_{os.getpid()}"
TEST_SECRET = "test-secret-key-that-is-long-enough-0123456789"


@pytest.fixture(scope="session", autouse=True)
def pinned_clock() -> Iterator[None]:
    """Maestro's clock reads TEST_NOW for the whole run (see tests/clock.py)."""
    with clock.started_at(TEST_NOW):
        yield


def postgres_url_for(database: str) -> str:
    return POSTGRES_URL.rsplit("/", 1)[0] + "/" + database


async def _admin(statement: str) -> None:
    conn = await asyncpg.connect(POSTGRES_URL.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        await conn.execute(statement)
    finally:
        await conn.close()


async def recreate_postgres_database(name: str) -> str:
    """A private database per test run, so other users of the server are never touched."""
    await drop_postgres_database(name)
    await _admin(f'CREATE DATABASE "{name}"')
    return postgres_url_for(name)


async def drop_postgres_database(name: str) -> None:
    await _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session", params=["embedded", "distributed"])
def stack_name(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    if name == "distributed":
        require_server("PostgreSQL", POSTGRES_URL)
        require_server("RabbitMQ", RABBITMQ_URL)
        require_server("Redis", REDIS_URL)
    return name


@pytest.fixture(scope="session")
async def platform(
    stack_name: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Platform]:
    data_dir = tmp_path_factory.mktemp(f"maestro-{stack_name}")
    if stack_name == "embedded":
        settings = Settings(
            data_dir=data_dir, signup="open", secret_key=TEST_SECRET, log_level="WARNING"
        )
    else:
        settings = Settings(
            data_dir=data_dir,
            database_url=await recreate_postgres_database(TEST_DATABASE),
            bus_url=RABBITMQ_URL,
            cache_url=REDIS_URL,
            signup="open",
            secret_key=TEST_SECRET,
            log_level="WARNING",
        )
    await upgrade_async(settings.resolved_database_url)
    built = Platform.from_settings(settings)
    await built.start()
    yield built
    await built.close()
    if stack_name == "distributed":
        await drop_postgres_database(TEST_DATABASE)


async def _empty_all_tables(engine: AsyncEngine) -> None:
    import_all_models()
    tables = list(reversed(Base.metadata.sorted_tables))
    async with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in tables)
            await conn.execute(text(f"TRUNCATE {names} CASCADE"))
        else:
            for table in tables:
                await conn.execute(table.delete())


@pytest.fixture
async def clean_platform(platform: Platform, stack_name: str) -> AsyncIterator[Platform]:
    """The session's platform with empty tables and a cache namespace of its own."""
    await _empty_all_tables(platform.engine)
    shared_cache, shared_settings = platform.cache, platform.settings
    url = "memory://" if stack_name == "embedded" else REDIS_URL
    prefix = f"test:{uuid.uuid4().hex}:"
    platform.cache = create_cache(url, prefix=prefix)
    try:
        yield platform
    finally:
        await platform.cache.close()
        platform.cache, platform.settings = shared_cache, shared_settings
        if stack_name == "distributed":
            await _delete_redis_keys(prefix)


async def _delete_redis_keys(prefix: str) -> None:
    """Leave the shared Redis as we found it."""
    client = Redis.from_url(REDIS_URL)
    try:
        keys = [key async for key in client.scan_iter(match=prefix + "*", count=500)]
        if keys:
            await client.delete(*keys)
    finally:
        await client.aclose()


@pytest.fixture
async def client(clean_platform: Platform) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(platform=clean_platform)
    transport = httpx.ASGITransport(app=app, client=("203.0.113.7", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://maestro.test") as http:
        yield http


# Tests of the agents, of understanding and of the overviews plan, estimate and select for
# dates; CI runs them again with the real clock moved ahead (`make test-clock`).
DATED = ("tests/agents/", "tests/nlp/", "tests/dashboard/", "tests/api/test_events.py")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    root = config.rootpath
    for item in items:
        where = item.path.relative_to(root).as_posix()
        if where.startswith(DATED):
            item.add_marker(pytest.mark.dates)
