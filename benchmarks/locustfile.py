"""Locust load for the Events API: authenticated reads and writes in a 4:1 mix.

Every user calls `GET /api/v1/events?limit=20` and `POST /api/v1/events` with a bearer token.
The organisation and its admin are created by the runner (`run_api_load.py`), which passes the
credentials in the environment. The locust process signs in once, before its users start, and
they share that access token: Argon2 (a deliberately slow password hash) then runs once per
step instead of once per user, and stays out of the measured latencies (the runner times
sign-in on its own).

Environment:
    MAESTRO_BENCH_EMAIL, MAESTRO_BENCH_PASSWORD   credentials of an existing user (required)
    MAESTRO_BENCH_READ_WEIGHT, ..._WRITE_WEIGHT   task weights, default 4 and 1
    MAESTRO_BENCH_WAIT                            think time in seconds per user, default 0
    MAESTRO_BENCH_USER_RPS                        exponential think times averaging 1/this many
                                                  seconds: the users' requests then arrive
                                                  roughly as a Poisson stream (open-ish loop)
    MAESTRO_BENCH_IDEMPOTENCY=1                   send a fresh Idempotency-Key on each POST

Run by hand against a server that already has the user:
    MAESTRO_BENCH_EMAIL=... MAESTRO_BENCH_PASSWORD=... locust -f benchmarks/locustfile.py \\
        --headless --host http://127.0.0.1:8000 -u 8 -r 8 -t 30s --only-summary
"""

from __future__ import annotations

import json
import os
import random
import urllib.parse
import urllib.request
import uuid
from typing import Any

from gevent.lock import Semaphore
from locust import FastHttpUser, events, task
from locust.env import Environment
from payloads import event_payload

LIST_URL = "/api/v1/events?limit=20"
EVENTS_URL = "/api/v1/events"
TOKEN_URL = "/api/v1/auth/token"

EMAIL = os.environ.get("MAESTRO_BENCH_EMAIL", "")
PASSWORD = os.environ.get("MAESTRO_BENCH_PASSWORD", "")
READ_WEIGHT = int(os.environ.get("MAESTRO_BENCH_READ_WEIGHT", "4"))
WRITE_WEIGHT = int(os.environ.get("MAESTRO_BENCH_WRITE_WEIGHT", "1"))
THINK_SECONDS = float(os.environ.get("MAESTRO_BENCH_WAIT", "0"))
USER_RPS = float(os.environ.get("MAESTRO_BENCH_USER_RPS", "0"))
IDEMPOTENCY = os.environ.get("MAESTRO_BENCH_IDEMPOTENCY", "") == "1"


def sign_in(host: str) -> str:
    """OAuth2 password sign-in outside locust's statistics: its Argon2 verification costs
    tens to hundreds of milliseconds of server CPU by design and is not what is measured."""
    body = urllib.parse.urlencode({"username": EMAIL, "password": PASSWORD}).encode()
    request = urllib.request.Request(f"{host.rstrip('/')}{TOKEN_URL}", data=body, method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        token: str = json.load(response)["access_token"]
        return token


class _SharedToken:
    """One access token per locust process: fetched before the users start, and again if the
    server answers 401 (access tokens live 15 minutes)."""

    def __init__(self) -> None:
        self.value: str | None = None
        self._lock = Semaphore()

    def renew(self, host: str, stale: str | None) -> str:
        with self._lock:
            if self.value is None or self.value == stale:
                self.value = sign_in(host)
            return self.value


_token = _SharedToken()


@events.test_start.add_listener
def _sign_in_once(environment: Environment, **_kwargs: Any) -> None:
    if not EMAIL or not PASSWORD:
        raise SystemExit("set MAESTRO_BENCH_EMAIL and MAESTRO_BENCH_PASSWORD")
    _token.renew(environment.host or "", stale=None)


class EventsUser(FastHttpUser):
    def wait_time(self) -> float:
        # Exponential pauses rather than locust's constant_throughput: users spawned together
        # would then fire in step, and those bursts, not the server, would set the latency.
        return self.rng.expovariate(USER_RPS) if USER_RPS > 0 else THINK_SECONDS

    def on_start(self) -> None:
        self.rng = random.Random()
        self.token = _token.renew(self.host or "", stale=None)

    def _headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", **(extra or {})}

    def _expired(self, status: int) -> None:
        if status == 401:
            self.token = _token.renew(self.host or "", stale=self.token)

    @task(READ_WEIGHT)
    def list_events(self) -> None:
        with self.client.get(
            LIST_URL, headers=self._headers(), name="GET /api/v1/events", catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}: {(response.text or '')[:200]}")
                self._expired(response.status_code)
                return
            page: dict[str, Any] = response.json()
            if len(page["items"]) == 0:
                response.failure("empty page: the runner should have seeded events")

    @task(WRITE_WEIGHT)
    def create_event(self) -> None:
        extra = {"Idempotency-Key": uuid.uuid4().hex} if IDEMPOTENCY else None
        with self.client.post(
            EVENTS_URL,
            json=event_payload(self.rng),
            headers=self._headers(extra),
            name="POST /api/v1/events",
            catch_response=True,
        ) as response:
            if response.status_code != 201:
                response.failure(f"{response.status_code}: {(response.text or '')[:200]}")
                self._expired(response.status_code)
