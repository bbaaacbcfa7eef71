"""Load benchmark of the Events API on a real `maestro serve` process (what `make bench` runs).

For each stack it migrates a fresh database, starts `maestro serve` on a free loopback port,
registers an organisation, seeds events and stops the server again: that is the template.
Each step of the ladder then starts a server on a copy of the template (so every step begins
with the same table) and runs locust headless against it. By default the load is a closed
loop: each user sends its next request as soon as the last one answered, so `users` is the
number of requests in flight. With `--user-rps` users pause for exponential think times and
the requests arrive roughly as a Poisson stream of about users × user-rps per second.

It prints RPS and p50/p95/p99 per endpoint and step with the CPU used by the server, locust,
the database and brokers, and the highest rate whose p95 stays under the target, and writes
`<output-dir>/<timestamp>/summary.json` and `table.md` (plus locust's CSVs and server logs).

Stacks:
    embedded   SQLite in a temporary data dir, in-process bus and cache (the default mode)
    postgres   PostgreSQL (template database `maestro_bench`, step copies `maestro_bench_step`),
               RabbitMQ (vhost `maestro_bench`) and Redis (db 14): the distributed stack

The server and locust share the machine; by default the server is pinned to CPU 0 and locust
to CPU 1 with `taskset` (PostgreSQL, RabbitMQ and Redis float over both).

    python benchmarks/run_api_load.py                        # both stacks, default ladder
    python benchmarks/run_api_load.py --stack embedded --users 1,8 --duration 10
    python benchmarks/run_api_load.py --user-rps 10 --users 10,16,20,24,28 --duration 20
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import csv
import datetime as dt
import json
import os
import platform
import random
import resource
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import httpx
from measure import free_port
from payloads import event_payload
from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

HERE = Path(__file__).resolve().parent
LOCUSTFILE = HERE / "locustfile.py"
ENDPOINTS = ("GET /api/v1/events", "POST /api/v1/events")
AGGREGATED = "Aggregated"
EMAIL = "bench-admin@example.ru"
PASSWORD = "bench-correct-horse-battery"

PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
PG_DATABASE = "maestro_bench"  # migrated and seeded once per run: the template of every step
PG_STEP_DATABASE = "maestro_bench_step"  # recreated from the template before each step
RABBITMQ_VHOST = "maestro_bench"
REDIS_URL = "redis://127.0.0.1:6379/14"

# Wide enough for the figures table when the output is a file or a pipe.
console = Console(highlight=False, width=None if sys.stdout.isatty() else 170)


# --- results ---------------------------------------------------------------------------------


@dataclass
class EndpointStats:
    name: str
    requests: int
    failures: int
    rps: float
    avg_ms: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float


@dataclass
class StepResult:
    stack: str
    users: int
    duration_s: float
    events_before: int
    events_after: int
    server_cpu_pct: float  # of one core, over the load window (--duration)
    server_cpu_ms_per_request: float  # server CPU time over the step / requests answered
    locust_cpu_pct: float  # of one core, start-up included
    machine_cpu_pct: float  # of all cores together
    services_cpu_pct: float  # of one core: PostgreSQL backends of the benchmark database,
    # RabbitMQ and Redis (the brokers' idle ticks only, for the embedded stack)
    others_cpu_pct: float  # of one core: machine busy minus server, locust and services (the
    # kernel, PostgreSQL's shared processes, and anything else running on the machine)
    background_cpu_pct: float  # of all cores, sampled for 1 s before the step while idle
    endpoints: dict[str, EndpointStats] = field(default_factory=dict)

    def within(self, target_ms: float) -> bool:
        measured = [self.endpoints[n] for n in ENDPOINTS if n in self.endpoints]
        return bool(measured) and all(e.p95_ms < target_ms and e.failures == 0 for e in measured)


# --- processes and machine -------------------------------------------------------------------


def pinned(command: list[str], cpus: str | None) -> list[str]:
    if cpus and shutil.which("taskset"):
        return ["taskset", "-c", cpus, *command]
    return command


def venv_script(name: str) -> str:
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"cannot find the `{name}` command; run `make install` first")
    return found


def clean_env(extra: dict[str, str]) -> dict[str, str]:
    """The caller's environment without its MAESTRO_* settings, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAESTRO_")}
    env.update(extra)
    return env


def process_tree_cpu_seconds(root: int) -> float:
    """User + system CPU seconds of `root` and its live descendants (uvicorn workers)."""
    parents: dict[int, int] = {}
    seconds: dict[int, float] = {}
    ticks = os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        pid = int(stat.parent.name)
        parents[pid] = int(fields[1])
        seconds[pid] = (int(fields[11]) + int(fields[12])) / ticks  # utime + stime
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier.extend(children)
    return sum(seconds.get(pid, 0.0) for pid in tree)


def machine_cpu_ticks() -> tuple[int, int]:
    """(busy, total) jiffies over all cores since boot."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    total = sum(values[:8])  # without guest time, which steal/user already count
    return total - idle, total


def settle(max_wait: float, below_pct: float) -> float:
    """Wait (at most `max_wait` s) until the machine is quieter than `below_pct` % busy over a
    1-second sample, so that a step does not start in the middle of someone else's burst;
    returns the last sample. Load that starts later shows up in the `others` CPU column."""
    deadline = time.monotonic() + max_wait
    while True:
        busy0, total0 = machine_cpu_ticks()
        time.sleep(1.0)
        busy1, total1 = machine_cpu_ticks()
        busy = 100 * (busy1 - busy0) / max(1, total1 - total0)
        if busy < below_pct or time.monotonic() >= deadline:
            return busy


def services_cpu_seconds() -> dict[int, float]:
    """CPU seconds per process of the servers the postgres stack talks to: PostgreSQL
    backends connected to a benchmark database, RabbitMQ (beam.smp) and Redis."""
    ticks = os.sysconf("SC_CLK_TCK")
    found: dict[int, float] = {}
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            ours = (cmdline.startswith("postgres:") and PG_DATABASE in cmdline) or any(
                name in cmdline for name in ("beam.smp", "redis-server")
            )
            if ours:
                fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
                found[int(proc.name)] = (int(fields[11]) + int(fields[12])) / ticks
        except (OSError, ValueError, IndexError):
            continue  # gone meanwhile, or not ours to read
    return found


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def source_revision() -> str:
    """The commit measured, marked `+dirty` when src/ has uncommitted changes."""

    def git(*argv: str) -> str:
        done = subprocess.run(
            ["git", *argv], cwd=HERE.parent, capture_output=True, text=True, check=False
        )
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    return commit + ("+dirty" if git("status", "--porcelain", "--", "src") else "")


def machine_info() -> dict[str, Any]:
    model = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    mem_kib = 0
    with contextlib.suppress(OSError, ValueError, IndexError):
        mem_kib = int(Path("/proc/meminfo").read_text().split("\n", 1)[0].split()[1])
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "ram_gib": round(mem_kib / 1024 / 1024, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


# --- stack preparation -----------------------------------------------------------------------


async def _recreate_database(admin_url: str, name: str, template: str | None = None) -> str:
    """Drop and create `name` (a copy of `template` when given); returns the server version."""
    import asyncpg

    conn = await asyncpg.connect(admin_url)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        copy = f' TEMPLATE "{template}"' if template else ""
        await conn.execute(f'CREATE DATABASE "{name}"{copy}')
        version: str = await conn.fetchval("SHOW server_version")
        return version
    finally:
        await conn.close()


def ensure_rabbitmq_vhost(vhost: str) -> tuple[str, str]:
    """A vhost of our own keeps benchmark events away from other users of the broker (the
    test suite binds queues on the default vhost). Needs `rabbitmqctl`; falls back to `/`.
    Returns (the vhost to use, the broker version)."""
    ctl = shutil.which("rabbitmqctl")
    if ctl is None:
        console.print("[yellow]rabbitmqctl not found: using the default RabbitMQ vhost[/]")
        return "", "?"
    listed = subprocess.run(
        [ctl, "-q", "list_vhosts"], capture_output=True, text=True, timeout=60, check=False
    )
    if vhost not in listed.stdout.split():
        for command in (
            [ctl, "-q", "add_vhost", vhost],
            [ctl, "-q", "set_permissions", "-p", vhost, "guest", ".*", ".*", ".*"],
        ):
            subprocess.run(command, capture_output=True, timeout=60, check=True)
    version = subprocess.run(
        [ctl, "-q", "version"], capture_output=True, text=True, timeout=60, check=False
    )
    return vhost, version.stdout.strip() or "?"


def redis_version(url: str) -> str:
    import redis

    client = redis.Redis.from_url(url)
    try:
        info: dict[str, Any] = client.info("server")
        return str(info.get("redis_version", "?"))
    finally:
        client.close()


@dataclass
class Stack:
    name: str
    env: dict[str, str]
    versions: dict[str, str]
    workers: int = 1


def prepare_stack(name: str, data_dir: Path, args: argparse.Namespace) -> Stack:
    env = {
        "MAESTRO_DATA_DIR": str(data_dir),
        "MAESTRO_SECRET_KEY": secrets.token_urlsafe(48),
        "MAESTRO_SIGNUP": "open",
        "MAESTRO_LOG_LEVEL": args.log_level,
        # Every step signs in once from 127.0.0.1; the default 10 per 5 minutes per IP would
        # refuse a long ladder.
        "MAESTRO_LOGIN_ATTEMPTS_PER_WINDOW": "100000",
    }
    versions: dict[str, str] = {}
    if name == "embedded":
        import sqlite3

        versions["sqlite"] = sqlite3.sqlite_version
        return Stack(name, env, versions)
    workers: int = args.workers
    admin_url: str = args.postgres_admin_url
    versions["postgresql"] = asyncio.run(_recreate_database(admin_url, PG_DATABASE))
    host_part = admin_url.split("://", 1)[1].rsplit("/", 1)[0]
    env["MAESTRO_DATABASE_URL"] = f"postgresql+asyncpg://{host_part}/{PG_DATABASE}"
    if args.postgres_memory_bus:
        versions["bus"] = versions["cache"] = "memory"
    else:
        vhost, versions["rabbitmq"] = ensure_rabbitmq_vhost(RABBITMQ_VHOST)
        env["MAESTRO_BUS_URL"] = f"amqp://guest:guest@127.0.0.1:5672/{vhost}"
        env["MAESTRO_CACHE_URL"] = args.redis_url
        versions["redis"] = redis_version(args.redis_url)
    migrate = subprocess.run(
        [venv_script("maestro"), "migrate"],
        env=clean_env(env),
        cwd=data_dir,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if migrate.returncode != 0:
        raise SystemExit(f"maestro migrate failed:\n{migrate.stdout}\n{migrate.stderr}")
    return Stack(name, env, versions, workers)


# --- the server ------------------------------------------------------------------------------


class Server:
    def __init__(self, stack: Stack, data_dir: Path, log_path: Path, cpus: str | None) -> None:
        self.port = free_port()
        self.workers = stack.workers
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self._log = log_path.open("wb")
        command = [venv_script("maestro"), "serve", "--port", str(self.port)]
        if stack.workers > 1:
            command += ["--workers", str(stack.workers)]
        self.process = subprocess.Popen(
            pinned(command, cpus),
            env=clean_env({**stack.env, "PYTHONUNBUFFERED": "1"}),
            cwd=data_dir,  # no stray maestro.toml from the caller's directory
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    def wait_healthy(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(
                    f"maestro serve exited with {self.process.returncode}; see {self.log_path}"
                )
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{self.url}/api/v1/health", timeout=1.0).status_code == 200:
                    return
            time.sleep(0.2)
        raise SystemExit(f"maestro serve did not answer /api/v1/health within {timeout:.0f}s")

    def stop(self) -> None:
        """SIGINT lets uvicorn finish the requests under way and run the shutdown hooks."""
        for sig, grace in ((signal.SIGINT, 20.0), (signal.SIGTERM, 10.0)):
            if self.process.poll() is not None:
                break
            self.process.send_signal(sig)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=grace)
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self._log.close()


def register_and_seed(url: str, count: int) -> str:
    with httpx.Client(base_url=url, timeout=30.0) as client:
        registered = client.post(
            "/api/v1/auth/register",
            json={
                "organization": "Агентство «Бенчмарк»",
                "email": EMAIL,
                "password": PASSWORD,
                "name": "Нагрузочный Тест",
            },
        )
        registered.raise_for_status()
        token: str = registered.json()["access_token"]
        rng = random.Random(20261220)
        headers = {"Authorization": f"Bearer {token}"}
        for _ in range(count):
            created = client.post("/api/v1/events", json=event_payload(rng), headers=headers)
            created.raise_for_status()
        return token


def count_events(url: str, token: str) -> int:
    with contextlib.suppress(httpx.HTTPError, KeyError, ValueError):
        response = httpx.get(
            f"{url}/api/v1/events?limit=1",
            headers={"Authorization": f"Bearer {token}"},
            timeout=30.0,
        )
        if response.status_code == 401:  # a long run outlives the 15-minute access token
            return -1
        total: int = response.json()["total"]
        return total
    return -1


def fresh_token(url: str) -> str:
    response = httpx.post(
        f"{url}/api/v1/auth/token",
        data={"username": EMAIL, "password": PASSWORD},
        timeout=30.0,
    )
    response.raise_for_status()
    token: str = response.json()["access_token"]
    return token


# --- locust ----------------------------------------------------------------------------------


def _number(row: dict[str, str], key: str) -> float:
    value = row.get(key, "")
    try:
        return float(value)
    except ValueError:
        return 0.0


def served_requests(url: str) -> int:
    """Requests the server has answered, from its Prometheus counter (ramp-up and sign-in
    included, unlike locust's reset statistics): the denominator of CPU time per request."""
    text = httpx.get(f"{url}/metrics", timeout=30.0).text
    total = 0.0
    for line in text.splitlines():
        if line.startswith("maestro_http_requests_total{") and 'route="/metrics"' not in line:
            total += float(line.rsplit(" ", 1)[1])
    return int(total)


def parse_stats(path: Path) -> dict[str, EndpointStats]:
    stats: dict[str, EndpointStats] = {}
    with path.open(newline="") as handle:
        for row in csv.DictReader(handle):
            name = row["Name"]
            stats[name] = EndpointStats(
                name=name,
                requests=int(_number(row, "Request Count")),
                failures=int(_number(row, "Failure Count")),
                rps=round(_number(row, "Requests/s"), 1),
                avg_ms=round(_number(row, "Average Response Time"), 2),
                p50_ms=_number(row, "50%"),
                p95_ms=_number(row, "95%"),
                p99_ms=_number(row, "99%"),
                max_ms=round(_number(row, "Max Response Time"), 1),
            )
    return stats


def run_step(
    stack: str,
    server: Server,
    users: int,
    args: argparse.Namespace,
    step_dir: Path,
    token: str,
    progress: Progress,
    overall: Any,
) -> StepResult:
    prefix = step_dir / f"{stack}_u{users}"
    events_before = count_events(server.url, token)
    command = [
        sys.executable,
        "-m",
        "locust",
        "-f",
        str(LOCUSTFILE),
        "--headless",
        "--host",
        server.url,
        "-u",
        str(users),
        "-r",
        str(args.spawn_rate),
        "-t",
        f"{args.duration}s",
        "--csv",
        str(prefix),
        "--only-summary",
        "--reset-stats",  # the sign-in and the ramp-up stay out of the figures
        "--stop-timeout",
        "5",
        "--exit-code-on-error",
        "0",
        "--loglevel",
        "WARNING",
    ]
    env = clean_env(
        {
            "MAESTRO_BENCH_EMAIL": EMAIL,
            "MAESTRO_BENCH_PASSWORD": PASSWORD,
            "MAESTRO_BENCH_READ_WEIGHT": str(args.read_weight),
            "MAESTRO_BENCH_WRITE_WEIGHT": str(args.write_weight),
            "MAESTRO_BENCH_WAIT": str(args.wait),
            "MAESTRO_BENCH_USER_RPS": str(args.user_rps),
            "MAESTRO_BENCH_IDEMPOTENCY": "1" if args.idempotency else "0",
            "PYTHONPATH": str(HERE),
        }
    )
    step = progress.add_task(f"{stack}: {users} users", total=args.duration)
    background = settle(args.settle, args.settle_below)
    # One worker's Prometheus counter is the whole server's only when there is one worker.
    counted = server.workers == 1
    served0 = served_requests(server.url) if counted else 0
    server_cpu0 = process_tree_cpu_seconds(server.process.pid)
    services0 = services_cpu_seconds()
    busy0, total0 = machine_cpu_ticks()
    children0 = children_cpu_seconds()
    started = time.monotonic()
    with (step_dir / f"{stack}_u{users}.locust.log").open("wb") as log:
        locust = subprocess.Popen(
            pinned(command, None if args.no_pin else args.locust_cpus),
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = started + args.duration + 60
        last = 0.0
        while locust.poll() is None:
            if time.monotonic() > deadline:
                locust.kill()
                locust.wait(timeout=10)
                raise SystemExit(f"locust overran its step by a minute; see {log.name}")
            time.sleep(0.25)
            elapsed = min(time.monotonic() - started, float(args.duration))
            progress.update(step, completed=elapsed)
            progress.advance(overall, elapsed - last)
            last = elapsed
        progress.advance(overall, args.duration - last)
    wall = time.monotonic() - started
    server_cpu = process_tree_cpu_seconds(server.process.pid) - server_cpu0
    busy1, total1 = machine_cpu_ticks()
    services1 = services_cpu_seconds()
    services_cpu = sum(v - services0.get(pid, 0.0) for pid, v in services1.items())
    locust_cpu = children_cpu_seconds() - children0
    progress.remove_task(step)
    machine = 100 * (busy1 - busy0) / max(1, total1 - total0)
    cores = os.cpu_count() or 1
    stats_path = Path(f"{prefix}_stats.csv")
    if locust.returncode != 0 or not stats_path.exists():
        raise SystemExit(f"locust failed (exit {locust.returncode}); see {prefix}.locust.log")
    endpoints = parse_stats(stats_path)
    if counted:
        answered = served_requests(server.url) - served0
    else:
        answered = endpoints[AGGREGATED].requests if AGGREGATED in endpoints else 0
    return StepResult(
        stack=stack,
        users=users,
        duration_s=round(wall, 1),
        events_before=events_before,
        events_after=count_events(server.url, token),
        server_cpu_pct=round(100 * server_cpu / args.duration, 1),  # idle while locust starts
        server_cpu_ms_per_request=round(1000 * server_cpu / max(1, answered), 2),
        locust_cpu_pct=round(100 * locust_cpu / wall, 1),
        machine_cpu_pct=round(machine, 1),
        services_cpu_pct=round(100 * services_cpu / wall, 1),
        others_cpu_pct=round(
            max(0.0, machine * cores - 100 * (server_cpu + locust_cpu + services_cpu) / wall), 1
        ),
        background_cpu_pct=round(background, 1),
        endpoints=endpoints,
    )


# --- report ----------------------------------------------------------------------------------


def step_line(result: StepResult) -> str:
    total = result.endpoints.get(AGGREGATED)
    if total is None:
        return f"  {result.users:>3} users: no requests recorded"
    return (
        f"  {result.users:>3} users: {total.rps:7.1f} req/s  p50 {total.p50_ms:g}  "
        f"p95 {total.p95_ms:g}  p99 {total.p99_ms:g} ms  failures {total.failures}  "
        f"CPU: server {result.server_cpu_pct:.0f}% ({result.server_cpu_ms_per_request:.2f} ms/req) "
        f"locust {result.locust_cpu_pct:.0f}% "
        f"services {result.services_cpu_pct:.0f}% others {result.others_cpu_pct:.0f}% "
        f"(of a core), machine {result.machine_cpu_pct:.0f}% "
        f"(busy before: {result.background_cpu_pct:.0f}%)  "
        f"events {result.events_before}→{result.events_after}"
    )


def figures_table(results: Sequence[StepResult], target_ms: float) -> Table:
    table = Table(
        title="Maestro Events API under load: GET/POST /api/v1/events (latencies in ms; "
        "CPU in % of one core)",
        caption="services = PostgreSQL backends + RabbitMQ + Redis; others = kernel and any "
        "other load on the machine; "
        "busy before = whole machine, 1 s sample just before the step",
    )
    for heading in (
        "stack",
        "users",
        "endpoint",
        "requests",
        "RPS",
        "p50",
        "p95",
        "p99",
        "max",
        "fail",
        "server CPU",
        "CPU ms/req",
        "locust CPU",
        "services CPU",
        "others CPU",
        "busy before",
    ):
        table.add_column(heading, justify="left" if heading in {"stack", "endpoint"} else "right")
    for result in results:
        for name in (*ENDPOINTS, AGGREGATED):
            stats = result.endpoints.get(name)
            if stats is None:
                continue
            style = "green" if stats.p95_ms < target_ms else "red"
            table.add_row(
                result.stack,
                str(result.users),
                "all" if name == AGGREGATED else name.split(" ", 1)[0],
                str(stats.requests),
                f"{stats.rps:.1f}",
                f"{stats.p50_ms:g}",
                f"[{style}]{stats.p95_ms:g}[/]",
                f"{stats.p99_ms:g}",
                f"{stats.max_ms:g}",
                str(stats.failures),
                f"{result.server_cpu_pct:.0f}%" if name == AGGREGATED else "",
                f"{result.server_cpu_ms_per_request:.2f}" if name == AGGREGATED else "",
                f"{result.locust_cpu_pct:.0f}%" if name == AGGREGATED else "",
                f"{result.services_cpu_pct:.0f}%" if name == AGGREGATED else "",
                f"{result.others_cpu_pct:.0f}%" if name == AGGREGATED else "",
                f"{result.background_cpu_pct:.0f}%" if name == AGGREGATED else "",
                end_section=name == AGGREGATED,
            )
    return table


def markdown_table(results: Sequence[StepResult]) -> str:
    """The figures as a Markdown table, ready to paste into benchmarks/README.md."""
    lines = [
        "| stack | users | endpoint | RPS | p50 | p95 | p99 | max | failures "
        "| server CPU | CPU ms/req | services CPU | others CPU |",
        "|---|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for result in results:
        for name in (*ENDPOINTS, AGGREGATED):
            stats = result.endpoints.get(name)
            if stats is None:
                continue
            total = name == AGGREGATED
            cpu = (
                f"{result.server_cpu_pct:.0f}% | {result.server_cpu_ms_per_request:.2f} | "
                f"{result.services_cpu_pct:.0f}% | {result.others_cpu_pct:.0f}%"
                if total
                else " | | | "
            )
            label = "**all**" if total else f"`{name}`"
            lines.append(
                f"| {result.stack} | {result.users} | {label} | {stats.rps:.1f} | "
                f"{stats.p50_ms:g} | {stats.p95_ms:g} | {stats.p99_ms:g} | {stats.max_ms:g} | "
                f"{stats.failures} | {cpu} |"
            )
    return "\n".join(lines) + "\n"


def verdicts(results: Sequence[StepResult], target_ms: float, floor_ms: float) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for stack in dict.fromkeys(r.stack for r in results):
        steps = [r for r in results if r.stack == stack and AGGREGATED in r.endpoints]
        if not steps:
            continue
        best = max(steps, key=lambda r: r.endpoints[AGGREGATED].rps)
        out[stack] = {
            "max_rps_with_p95_under_target": _best_within(steps, target_ms),
            "max_rps_with_p95_under_floor": _best_within(steps, floor_ms),
            "floor_missed_at_users": [r.users for r in steps if not r.within(floor_ms)],
            "peak": {"users": best.users, "rps": best.endpoints[AGGREGATED].rps},
        }
    return out


def _best_within(steps: Sequence[StepResult], limit_ms: float) -> dict[str, float] | None:
    good = [r for r in steps if r.within(limit_ms)]
    if not good:
        return None
    best = max(good, key=lambda r: r.endpoints[AGGREGATED].rps)
    return {"users": best.users, "rps": best.endpoints[AGGREGATED].rps}


def print_verdicts(found: dict[str, Any], target_ms: float, floor_ms: float) -> None:
    for stack, verdict in found.items():
        sustainable = verdict["max_rps_with_p95_under_target"]
        peak = verdict["peak"]
        if sustainable:
            line = (
                f"[bold]{stack}[/]: {sustainable['rps']:.0f} req/s at {sustainable['users']} "
                f"users with every endpoint's p95 < {target_ms:g} ms"
            )
        else:
            line = f"[bold]{stack}[/]: no step kept every endpoint's p95 < {target_ms:g} ms"
        line += f"; peak {peak['rps']:.0f} req/s at {peak['users']} users"
        missed = verdict["floor_missed_at_users"]
        line += f"; seed floor p95 < {floor_ms:g} ms " + (
            f"[red]missed at {', '.join(map(str, missed))} users[/]"
            if missed
            else "[green]met at every step[/]"
        )
        console.print(line)


# --- main ------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--stack", choices=("embedded", "postgres", "both"), default="both")
    parser.add_argument("--duration", type=int, default=25, help="seconds per step (default 25)")
    parser.add_argument(
        "--users",
        default="1,2,4,8,16,32",
        help="comma-separated concurrency ladder (default 1,2,4,8,16,32)",
    )
    parser.add_argument("--spawn-rate", type=float, default=50.0, help="users started per second")
    parser.add_argument("--seed-events", type=int, default=1000, help="events created up front")
    parser.add_argument("--read-weight", type=int, default=4)
    parser.add_argument("--write-weight", type=int, default=1)
    parser.add_argument("--wait", type=float, default=0.0, help="think time per user, seconds")
    parser.add_argument(
        "--user-rps",
        type=float,
        default=0.0,
        help="give every user exponential think times averaging 1/user-rps seconds, so that "
        "a step offers about users × user-rps as a Poisson stream (default 0: closed loop, "
        "each user sends its next request as soon as the last one is answered)",
    )
    parser.add_argument(
        "--idempotency", action="store_true", help="send an Idempotency-Key on every POST"
    )
    parser.add_argument("--output-dir", type=Path, default=HERE / "results")
    parser.add_argument("--target-ms", type=float, default=20.0, help="p95 aim (default 20)")
    parser.add_argument("--floor-ms", type=float, default=200.0, help="p95 floor (default 200)")
    parser.add_argument("--server-cpus", default="0", help="taskset list for the server")
    parser.add_argument("--locust-cpus", default="1", help="taskset list for locust")
    parser.add_argument("--no-pin", action="store_true", help="do not use taskset")
    parser.add_argument(
        "--settle",
        type=float,
        default=5.0,
        help="before each step, wait up to this many seconds for the machine to be idle",
    )
    parser.add_argument(
        "--settle-below", type=float, default=25.0, help="'idle' means under this %% busy"
    )
    parser.add_argument("--log-level", default="INFO", help="the server's MAESTRO_LOG_LEVEL")
    parser.add_argument("--postgres-admin-url", default=PG_ADMIN_URL)
    parser.add_argument("--redis-url", default=REDIS_URL)
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="uvicorn workers of the postgres stack (embedded has one); more than 1 "
        "implies --no-pin for the server",
    )
    parser.add_argument(
        "--postgres-memory-bus",
        action="store_true",
        help="postgres stack with the in-process bus and cache instead of RabbitMQ and Redis",
    )
    args = parser.parse_args(argv)
    try:
        args.user_levels = [int(u) for u in args.users.split(",") if u.strip()]
    except ValueError:
        parser.error("--users must be a comma-separated list of integers")
    if not args.user_levels or min(args.user_levels) < 1:
        parser.error("--users needs at least one positive level")
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    if not 1 <= args.duration <= 3600:
        parser.error("--duration must be between 1 and 3600 seconds")
    return args


@dataclass
class Template:
    """A migrated and seeded stack, stopped: every step starts from a copy of it."""

    stack: Stack
    data_dir: Path
    seed_seconds: float
    sign_in_ms: list[float]


@contextlib.contextmanager
def seeded_template(name: str, args: argparse.Namespace, run_dir: Path) -> Iterator[Template]:
    """Migrate and seed the stack once, on a server that is stopped again before the steps.

    Each step then runs on a copy (the SQLite data dir, or a PostgreSQL database created from
    this one as a template), so every concurrency level starts from the same table: the 1:4
    write mix adds ~50 events a second, and the list query's cost grows with the table."""
    with tempfile.TemporaryDirectory(prefix=f"maestro-bench-{name}-") as tmp:
        data_dir = Path(tmp) / "template"
        data_dir.mkdir()
        stack = prepare_stack(name, data_dir, args)
        server = Server(
            stack, data_dir, run_dir / f"{name}_seed.server.log", server_cpus(args, stack)
        )
        try:
            server.wait_healthy()
            started = time.monotonic()
            register_and_seed(server.url, args.seed_events)
            seeded = time.monotonic() - started
            sign_ins = time_sign_ins(server.url)
        finally:
            server.stop()
        yield Template(stack, data_dir, seeded, sign_ins)


@contextlib.contextmanager
def step_server(template: Template, args: argparse.Namespace, log_path: Path) -> Iterator[Server]:
    """A server on a fresh copy of the template."""
    with tempfile.TemporaryDirectory(prefix=f"maestro-bench-{template.stack.name}-") as tmp:
        data_dir = Path(tmp) / "data"
        shutil.copytree(template.data_dir, data_dir)
        env = {**template.stack.env, "MAESTRO_DATA_DIR": str(data_dir)}
        if "MAESTRO_DATABASE_URL" in env:
            asyncio.run(
                _recreate_database(args.postgres_admin_url, PG_STEP_DATABASE, template=PG_DATABASE)
            )
            env["MAESTRO_DATABASE_URL"] = env["MAESTRO_DATABASE_URL"].replace(
                f"/{PG_DATABASE}", f"/{PG_STEP_DATABASE}"
            )
        stack = Stack(template.stack.name, env, template.stack.versions, template.stack.workers)
        server = Server(stack, data_dir, log_path, server_cpus(args, stack))
        try:
            server.wait_healthy()
            yield server
        finally:
            server.stop()


def server_cpus(args: argparse.Namespace, stack: Stack) -> str | None:
    return None if args.no_pin or stack.workers > 1 else args.server_cpus


def time_sign_ins(url: str, count: int = 5) -> list[float]:
    """Milliseconds per `POST /api/v1/auth/token`: Argon2id verification, run sequentially."""
    timings = []
    for _ in range(count):
        started = time.perf_counter()
        fresh_token(url)
        timings.append(round((time.perf_counter() - started) * 1000, 1))
    return timings


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    stacks = ["embedded", "postgres"] if args.stack == "both" else [args.stack]
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    run_dir: Path = args.output_dir / stamp
    run_dir.mkdir(parents=True, exist_ok=True)
    info = machine_info()
    console.print(
        f"Maestro load benchmark — {info['cpus']} × {info['cpu_model']}, {info['ram_gib']} GiB, "
        f"Python {info['python']}; stacks {', '.join(stacks)}; ladder {args.users} users × "
        f"{args.duration}s; results in {run_dir}"
    )
    results: list[StepResult] = []
    versions: dict[str, dict[str, str]] = {}
    sign_ins: dict[str, list[float]] = {}
    total_seconds = len(stacks) * len(args.user_levels) * args.duration
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
    ) as progress:
        overall = progress.add_task("load steps", total=total_seconds)
        for name in stacks:
            progress.console.print(f"[bold]{name}[/]: migrating and seeding the template…")
            with seeded_template(name, args, run_dir) as template:
                versions[name] = template.stack.versions
                sign_ins[name] = template.sign_in_ms
                described = ", ".join(f"{k} {v}" for k, v in template.stack.versions.items())
                progress.console.print(
                    f"[bold]{name}[/] ({described}): seeded {args.seed_events} events in "
                    f"{template.seed_seconds:.1f}s; sign-in takes "
                    f"{statistics.median(template.sign_in_ms):g} ms (median of 5)"
                )
                for users in args.user_levels:
                    log_path = run_dir / f"{name}_u{users}.server.log"
                    with step_server(template, args, log_path) as server:
                        token = fresh_token(server.url)
                        result = run_step(
                            name, server, users, args, run_dir, token, progress, overall
                        )
                    results.append(result)
                    progress.console.print(step_line(result))
    console.print(figures_table(results, args.target_ms))
    found = verdicts(results, args.target_ms, args.floor_ms)
    print_verdicts(found, args.target_ms, args.floor_ms)
    summary = {
        "started_at": stamp,
        "source": source_revision(),
        "machine": info,
        "versions": versions,
        "options": {
            k: (str(v) if isinstance(v, Path) else v)
            for k, v in vars(args).items()
            if k != "user_levels"
        },
        "pinning": None
        if args.no_pin
        else {"server": args.server_cpus, "locust": args.locust_cpus},
        "sign_in_ms": sign_ins,
        "verdicts": found,
        "steps": [asdict(r) for r in results],
    }
    summary_path = run_dir / "summary.json"
    summary_path.write_text(json.dumps(summary, ensure_ascii=False, indent=2))
    (run_dir / "table.md").write_text(markdown_table(results))
    console.print(f"Summary written to {summary_path} (and table.md for the README)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
