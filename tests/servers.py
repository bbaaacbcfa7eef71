"""Where the real servers live for tests, and what to do when one is missing.

Under CI (`CI=true`) a missing server fails the run: CI must prove the real adapters work.
Elsewhere the test is skipped with a message naming the server, so a laptop without
RabbitMQ can still run the rest.
"""

from __future__ import annotations

import os
import socket
from urllib.parse import urlsplit

import pytest

POSTGRES_URL = os.environ.get(
    "MAESTRO_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
REDIS_URL = os.environ.get("MAESTRO_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
RABBITMQ_URL = os.environ.get("MAESTRO_TEST_RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672/")

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

_DEFAULT_PORTS = {"postgresql": 5432, "redis": 6379, "amqp": 5672}


def _reachable(url: str) -> bool:
    parts = urlsplit(url)
    scheme = parts.scheme.split("+")[0]
    port = parts.port or _DEFAULT_PORTS.get(scheme, 0)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", port), timeout=1.0):
            return True
    except OSError:
        return False


def require_server(name: str, url: str) -> str:
    """Return `url` if the server answers; otherwise fail (CI) or skip (elsewhere)."""
    if _reachable(url):
        return url
    message = f"{name} is not reachable at {urlsplit(url).netloc}"
    if IN_CI:
        pytest.fail(f"{message}; CI requires it (set MAESTRO_TEST_* URLs to point elsewhere)")
    pytest.skip(f"{message}; start it to run this test")
    raise AssertionError("unreachable")
