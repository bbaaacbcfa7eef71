"""Maestro split across real processes: `maestro serve` answers HTTP and runs no agent, and
separate `maestro worker` processes serve the agents' queues on RabbitMQ.

The processes share a PostgreSQL database and a RabbitMQ vhost created for this run and
removed after it, and the test Redis database, whose keys they added are removed too.

Catching a worker in the middle of a task needs no fault injection in the product: the test
holds `SHARE` on `agent_task_results`, so reads go on but the runtime's closing INSERT — the
last write of the task's transaction, after the plan and the budget were written — waits,
and `pg_stat_activity` shows the wait. Then:
- the test kills worker A, sees worker B take the redelivered tasks (B's inserts wait on
  A's still-open transaction), releases the lock, and the request completes;
- or it keeps the lock past the steps' deadline, so Maestro retries while the first attempts
  still wait to commit.
Either way the database must hold each effect of the request exactly once.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import httpx
import pytest
from redis.asyncio import Redis

from eventmaestro.kit.migrate import upgrade_async
from eventmaestro.kit.platform import Platform
from eventmaestro.settings import Settings
from tests.agents.vendors.catalogue import load
from tests.api.helpers import KAZAN_PARTY, bearer, register
from tests.clock import CLOCK_ENV
from tests.conftest import TEST_SECRET, drop_postgres_database, recreate_postgres_database
from tests.servers import POSTGRES_URL, RABBITMQ_URL, REDIS_URL, require_server

pytestmark = [pytest.mark.postgres, pytest.mark.rabbitmq, pytest.mark.redis]

PROCESS = "/api/v1/orchestration/process"
NOW = "2026-09-01T09:00:00+03:00"
BRIEF = "Корпоратив на 150 человек в Казани 20 декабря, бюджет 2 млн"
AGENTS = ("planning", "finance", "vendors")
READY_LINE = "Serving agents:"
STANDBY_LINE = "standing by"
# Everything a worker imports takes ~10 s of CPU on a busy two-core machine — longer than a
# step's deadline. The second worker therefore imports in advance and waits for "go" on its
# stdin; from then on it is exactly `maestro worker …` (the same entry point, same argv).
STANDBY = f"""
import sys
import aio_pika, asyncpg, redis.asyncio
import eventmaestro.cli as cli
from eventmaestro.agents.registry import all_agents
from eventmaestro.agents.runtime import AgentRuntime
from eventmaestro.kit.platform import Platform
all_agents()
print({STANDBY_LINE!r}, flush=True)
if sys.stdin.readline().strip() == "go":
    sys.argv = ["maestro", "worker", *sys.argv[1:]]
    cli.main()
"""
START_SECONDS = 75.0  # three interpreters importing at once on two shared cores


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _with_vhost(url: str, vhost: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + vhost, parts.query, parts.fragment))


def _rabbitmqctl(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["rabbitmqctl", *args], capture_output=True, text=True, timeout=60, check=False
    )


@contextmanager
def private_vhost(url: str) -> Iterator[str]:
    """A vhost of this run's own (queues named `agent.planning` are shared otherwise).
    Without a usable `rabbitmqctl` (a broker in another container) the configured test vhost
    is used as it is."""
    vhost = f"maestro_e2e_{os.getpid()}"
    user = urlsplit(url).username or "guest"
    if shutil.which("rabbitmqctl") is None:
        yield url
        return
    added = _rabbitmqctl("add_vhost", vhost)
    if added.returncode != 0 and "already exists" not in added.stdout + added.stderr:
        yield url
        return
    try:
        granted = _rabbitmqctl("set_permissions", "-p", vhost, user, ".*", ".*", ".*")
        assert granted.returncode == 0, granted.stderr
        yield _with_vhost(url, vhost)
    finally:
        _rabbitmqctl("delete_vhost", vhost)


@dataclass
class Process:
    name: str
    popen: subprocess.Popen[bytes]
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def tail(self) -> str:
        return f"--- {self.name} ---\n" + "\n".join(self.output().splitlines()[-40:])

    def stop(self) -> None:
        if self.popen.poll() is None:
            self.popen.terminate()
            try:
                self.popen.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()
        if self.popen.stdin is not None:
            with suppress(OSError):
                self.popen.stdin.close()


@dataclass
class Cluster:
    base: str
    dsn: str  # plain asyncpg DSN of the shared database
    api: Process
    worker: Process  # `maestro worker planning finance vendors`
    standby: Process  # the second worker, imported and waiting for "go"
    processes: list[Process] = field(default_factory=list)

    def logs(self) -> str:
        return "\n".join(p.tail() for p in self.processes)


def _spawn(
    name: str, argv: list[str], env: dict[str, str], workdir: Path, *, stdin: int | None = None
) -> Process:
    log = workdir / f"{name}.log"
    with log.open("wb") as sink:
        popen = subprocess.Popen(
            argv, env=env, cwd=workdir, stdout=sink, stderr=subprocess.STDOUT, stdin=stdin
        )
    return Process(name, popen, log)


async def _until(
    what: str, check: Callable[[], Any], *, seconds: float, cluster: Cluster | None = None
) -> Any:
    """Poll `check` (sync or async) until it returns something truthy, within a deadline."""
    deadline = time.monotonic() + seconds
    while True:
        value = check()
        if asyncio.iscoroutine(value):
            value = await value
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"{what}: not within {seconds} s\n{cluster.logs() if cluster else ''}")
        await asyncio.sleep(0.1)


def _printed(process: Process, line: str) -> bool:
    if process.popen.poll() is not None:
        pytest.fail(f"{process.name} exited early:\n{process.tail()}")
    return line in process.output()


async def _api_ready(process: Process, base: str) -> bool:
    if process.popen.poll() is not None:
        pytest.fail(f"maestro serve exited early:\n{process.tail()}")
    try:
        async with httpx.AsyncClient(base_url=base, timeout=2) as http:
            return (await http.get("/api/v1/ready")).status_code == 200
    except httpx.TransportError:
        return False


async def _redis_keys() -> set[bytes]:
    client = Redis.from_url(REDIS_URL)
    try:
        return {key async for key in client.scan_iter(match="maestro:*", count=500)}
    finally:
        await client.aclose()


async def _delete_redis_keys(keys: set[bytes]) -> None:
    if not keys:
        return
    client = Redis.from_url(REDIS_URL)
    try:
        await client.delete(*keys)
    finally:
        await client.aclose()


async def _load_schema_and_catalogue(url: str, data_dir: Path) -> None:
    """What `maestro migrate` does, plus the vendor catalogue the Maestro tests know (a few
    Kazan vendors that fit the brief, and demo filler), run here while the processes start."""
    await upgrade_async(url)
    platform = Platform.from_settings(
        Settings(database_url=url, secret_key=TEST_SECRET, data_dir=data_dir)
    )
    try:
        await load(platform, filler=1500)
    finally:
        await platform.close()


@pytest.fixture(scope="module")
async def cluster(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Cluster]:
    require_server("PostgreSQL", POSTGRES_URL)
    require_server("RabbitMQ", RABBITMQ_URL)
    require_server("Redis", REDIS_URL)
    workdir = tmp_path_factory.mktemp("distributed")
    database = f"maestro_e2e_{os.getpid()}"
    redis_before = await _redis_keys()
    with private_vhost(RABBITMQ_URL) as bus_url:
        url = await recreate_postgres_database(database)
        port = _free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("MAESTRO_")} | {
            "MAESTRO_DATA_DIR": str(workdir / "data"),
            "MAESTRO_DATABASE_URL": url,
            "MAESTRO_BUS_URL": bus_url,
            "MAESTRO_CACHE_URL": REDIS_URL,
            "MAESTRO_SECRET_KEY": TEST_SECRET,
            "MAESTRO_SIGNUP": "open",
            "MAESTRO_LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
            **CLOCK_ENV,
        }
        bin_dir = Path(sys.executable).parent
        processes: list[Process] = []
        try:
            # The API runs the HTTP services only: no agent is served from its process.
            api_env = env | {"MAESTRO_SERVICES": "gateway,maestro"}
            serve = [str(bin_dir / "maestro"), "serve", "--port", str(port)]
            processes.append(_spawn("api", serve, api_env, workdir))
            processes.append(
                _spawn("worker-a", [str(bin_dir / "maestro"), "worker", *AGENTS], env, workdir)
            )
            processes.append(
                _spawn(
                    "worker-b",
                    [sys.executable, "-c", STANDBY, *AGENTS],
                    env,
                    workdir,
                    stdin=subprocess.PIPE,
                )
            )
            api, worker, standby = processes
            running = Cluster(
                base=f"http://127.0.0.1:{port}",
                dsn=url.replace("postgresql+asyncpg://", "postgresql://"),
                api=api,
                worker=worker,
                standby=standby,
                processes=processes,
            )
            await _load_schema_and_catalogue(url, workdir / "loader")
            await _until(
                "maestro serve ready",
                lambda: _api_ready(api, running.base),
                seconds=START_SECONDS,
                cluster=running,
            )
            await _until(
                "worker A serving",
                lambda: _printed(worker, READY_LINE),
                seconds=START_SECONDS,
                cluster=running,
            )
            await _until(
                "worker B imported",
                lambda: _printed(standby, STANDBY_LINE),
                seconds=START_SECONDS,
                cluster=running,
            )
            yield running
        finally:
            for process in processes:
                process.stop()
            await drop_postgres_database(database)
            await _delete_redis_keys(await _redis_keys() - redis_before)


@pytest.fixture(scope="module")
async def http(cluster: Cluster) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=cluster.base, timeout=60) as client:
        yield client


async def _process(
    http: httpx.AsyncClient, token: str, cluster: Cluster, **extra: Any
) -> dict[str, Any]:
    response = await http.post(
        PROCESS, json={"message": BRIEF, "now": NOW, **extra}, headers=bearer(token)
    )
    assert response.status_code == 200, response.text + "\n" + cluster.logs()
    body: dict[str, Any] = response.json()
    return body


async def test_a_brief_fans_out_to_the_worker_processes(
    cluster: Cluster, http: httpx.AsyncClient
) -> None:
    token = str((await register(http, organization="Первое агентство"))["access_token"])

    body = await _process(http, token, cluster)

    assert body["intent"] == "create_event_plan"
    assert set(body["results"]) == {"plan", "budget", "vendors"}, (
        body["warnings"],
        body["timings"],
    )
    assert body["agents_used"] == ["planning", "finance", "vendors"]
    assert {body["results"][k]["status"] for k in ("plan", "budget")} == {"ok"}
    assert body["results"]["vendors"]["status"] in {"ok", "partial"}
    assert body["results"]["vendors"]["output"]["picks"]
    assert {t["state"] for t in body["timings"]} == {"done"}
    assert body["results"]["budget"]["output"]["drivers"]["guests"] == 150


async def _waiting_backends(dsn: str, database: str) -> list[tuple[int, str]]:
    """Backends of the shared database blocked on a lock: (pid, query)."""
    conn = await asyncpg.connect(dsn)
    try:
        rows = await conn.fetch(
            "SELECT pid, query FROM pg_stat_activity "
            "WHERE datname = $1 AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
            database,
        )
    finally:
        await conn.close()
    return [(row["pid"], row["query"]) for row in rows]


async def _held_in_commit(
    cluster: Cluster, http: httpx.AsyncClient, organization: str
) -> tuple[str, asyncpg.Connection, asyncio.Task[dict[str, Any]]]:
    """A /process request about a stored event whose plan and budget tasks, once written,
    cannot commit until the returned connection ends its transaction."""
    token = str((await register(http, organization=organization))["access_token"])
    created = await http.post("/api/v1/events", json=KAZAN_PARTY, headers=bearer(token))
    assert created.status_code == 201, created.text
    event_id: str = created.json()["id"]
    blocker = await asyncpg.connect(cluster.dsn)
    await blocker.execute("BEGIN")
    await blocker.execute("LOCK TABLE agent_task_results IN SHARE MODE")
    request = asyncio.create_task(_process(http, token, cluster, event_id=event_id))
    return event_id, blocker, request


async def _release(blocker: asyncpg.Connection) -> None:
    await blocker.execute("ROLLBACK")
    await blocker.close()


async def _blocked_backends(
    cluster: Cluster, request: asyncio.Task[dict[str, Any]], *, besides: set[int], count: int
) -> set[int]:
    """Wait until `count` backends other than `besides` are blocked on a lock; their pids."""
    database = urlsplit(cluster.dsn).path.lstrip("/")

    async def blocked() -> set[int]:
        if request.done():
            pytest.fail(f"the request ended while tasks should be blocked: {request.result()}")
        pids = {pid for pid, _ in await _waiting_backends(cluster.dsn, database)} - besides
        return pids if len(pids) >= count else set()

    found: set[int] = await _until(
        f"{count} more blocked backends", blocked, seconds=30, cluster=cluster
    )
    return found


async def _assert_written_once(cluster: Cluster, body: dict[str, Any], event_id: str) -> None:
    """The answer is complete and the database holds each of its effects exactly once."""
    assert set(body["results"]) == {"plan", "budget", "vendors"}, (
        body["warnings"],
        body["timings"],
    )
    assert {body["results"][k]["status"] for k in ("plan", "budget")} == {"ok"}
    assert body["results"]["vendors"]["status"] in {"ok", "partial"}
    assert {t["state"] for t in body["timings"]} == {"done"}
    assert not [w for w in body["warnings"] if "Not saved" in w], body["warnings"]
    plan = body["results"]["plan"]["output"]
    assert plan["plan"]["event_id"] == event_id

    conn = await asyncpg.connect(cluster.dsn)
    try:
        event = uuid.UUID(event_id)
        org_id = await conn.fetchval("SELECT org_id FROM events WHERE id = $1", event)
        plans = await conn.fetch("SELECT id FROM planning_plans WHERE org_id = $1", org_id)
        assert [str(row["id"]) for row in plans] == [plan["plan"]["id"]]
        tasks = await conn.fetch("SELECT plan_id FROM planning_tasks WHERE org_id = $1", org_id)
        assert len(tasks) == len(plan["tasks"]) == plan["plan"]["tasks_count"]
        assert {row["plan_id"] for row in tasks} == {plans[0]["id"]}
        budgets = await conn.fetch(
            "SELECT id, event_id FROM finance_budgets WHERE org_id = $1", org_id
        )
        assert [row["event_id"] for row in budgets] == [event]
        lines = await conn.fetch(
            "SELECT budget_id FROM finance_budget_lines WHERE org_id = $1", org_id
        )
        assert lines
        assert {row["budget_id"] for row in lines} == {budgets[0]["id"]}
        events = await conn.fetch(
            "SELECT topic, count(*) AS n FROM outbox "
            "WHERE org_id = $1 AND payload::jsonb ->> 'event_id' = $2 GROUP BY topic",
            org_id,
            event_id,
        )
        published = {row["topic"]: row["n"] for row in events}
        assert published["planning.plan_generated"] == 1
        assert published["budget.created"] == 1
        stored = await conn.fetch(
            "SELECT task_id, agent, skill, result::jsonb ->> 'task_id' AS answered "
            "FROM agent_task_results WHERE org_id = $1",
            org_id,
        )
    finally:
        await conn.close()
    # One stored result per task, and one task per step: nothing ran under a second task id.
    assert sorted(f"{row['agent']}.{row['skill']}" for row in stored) == [
        "finance.estimate_budget",
        "planning.generate_plan",
        "vendors.select",
    ]
    assert all(row["task_id"] == row["answered"] for row in stored)


async def test_a_worker_killed_mid_task_is_replaced_and_every_effect_is_written_once(
    cluster: Cluster, http: httpx.AsyncClient
) -> None:
    event_id, blocker, request = await _held_in_commit(cluster, http, "Второе агентство")
    try:
        # Planning and finance run at once; both have written their rows and wait to commit.
        in_worker_a = await _blocked_backends(cluster, request, besides=set(), count=2)

        assert cluster.standby.popen.stdin is not None
        stdin: IO[bytes] = cluster.standby.popen.stdin
        stdin.write(b"go\n")
        stdin.flush()
        await _until(
            "worker B serving",
            lambda: _printed(cluster.standby, READY_LINE),
            seconds=15,
            cluster=cluster,
        )
        cluster.worker.popen.send_signal(signal.SIGKILL)
        assert cluster.worker.popen.wait(timeout=10) == -signal.SIGKILL

        # B got both tasks while A's transaction, holding the same rows, is still open:
        # B's inserts wait for it.
        await _blocked_backends(cluster, request, besides=in_worker_a, count=2)
    except BaseException:
        request.cancel()
        raise
    finally:
        await _release(blocker)

    body = await request
    await _assert_written_once(cluster, body, event_id)
    timings = {t["step"]: t for t in body["timings"]}
    # Maestro did not retry: the broker redelivered the same tasks underneath it.
    assert timings["plan"]["attempts"] == timings["budget"]["attempts"] == 1


async def test_a_retry_while_the_first_attempt_still_commits_writes_nothing_twice(
    cluster: Cluster, http: httpx.AsyncClient
) -> None:
    """A worker slower than the step's deadline: Maestro retries, and the first attempt
    commits late. The retry is the same task, so it answers with the stored result."""
    event_id, blocker, request = await _held_in_commit(cluster, http, "Третье агентство")
    try:
        first = await _blocked_backends(cluster, request, besides=set(), count=2)
        # After the steps' 10 s deadline the retries arrive and wait on the first rows.
        await _blocked_backends(cluster, request, besides=first, count=2)
    except BaseException:
        request.cancel()
        raise
    finally:
        await _release(blocker)

    body = await request
    await _assert_written_once(cluster, body, event_id)
    timings = {t["step"]: t for t in body["timings"]}
    assert timings["plan"]["attempts"] == timings["budget"]["attempts"] == 2


async def test_the_api_process_serves_no_agent_itself(
    cluster: Cluster, http: httpx.AsyncClient
) -> None:
    """With every worker gone, the agents are down: none was answering from the API."""
    token = str((await register(http, organization="Четвёртое агентство"))["access_token"])
    cluster.worker.stop()
    cluster.standby.stop()
    response = await http.get("/api/v1/orchestration/health", headers=bearer(token))
    assert response.status_code == 200, response.text
    body = response.json()
    assert {a["name"]: a["status"] for a in body["agents"]} == dict.fromkeys(AGENTS, "down")
    assert body["status"] == "degraded"
    assert re.search(r"did not answer", " ".join(a.get("detail") or "" for a in body["agents"]))
