"""The message bus contract: domain events (publish/subscribe) and agent tasks (request/serve).

Two adapters implement it — in-process memory and RabbitMQ — and one contract suite
(`tests/kit/test_bus_contract.py`) holds them to the same behaviour.

Topics are dot-separated words; subscription patterns use AMQP topic syntax (`*` matches one
word, `#` zero or more) on both adapters.
"""

from __future__ import annotations

import uuid
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class Message:
    """One event or task. `attempt` is 1 on first delivery and grows with every redelivery,
    whether after a handler error or after a consumer died holding it."""

    topic: str
    payload: dict[str, Any]
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    headers: dict[str, str] = field(default_factory=dict)
    occurred_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    attempt: int = 1


Handler = Callable[[Message], Awaitable[None]]
RequestHandler = Callable[[Message], Awaitable[dict[str, Any]]]


def retry_delay(attempt: int, *, base: float, cap: float) -> float:
    """Seconds to wait before redelivering a message whose `attempt` failed: doubling gives a
    struggling dependency room to recover, the cap keeps a retry from being parked for long."""
    return float(min(cap, base * 2 ** (attempt - 1)))


class BusError(Exception):
    """Base for bus failures callers may want to handle."""


class RequestTimeoutError(BusError):
    """No reply arrived before the caller's deadline."""


class RemoteHandlerError(BusError):
    """The serving side raised; the message carries its error text."""


class Subscription(ABC):
    @abstractmethod
    async def cancel(self) -> None:
        """Stop deliveries and let running handlers finish within the adapter's drain
        timeout; handlers still running then are cancelled and their messages redelivered."""


class Bus(ABC):
    @abstractmethod
    async def connect(self) -> None: ...

    @abstractmethod
    async def close(self) -> None: ...

    @abstractmethod
    async def ping(self) -> bool:
        """True when the bus can accept messages right now (readiness probes)."""

    @abstractmethod
    async def publish(self, message: Message) -> None:
        """Hand a domain event to the bus; returns once the broker has confirmed it.

        Raises `BusError` when the broker cannot take it now, so the caller (the outbox relay)
        keeps the event and tries again later."""

    @abstractmethod
    async def subscribe(
        self, pattern: str, group: str, handler: Handler, *, max_attempts: int = 5
    ) -> Subscription:
        """Deliver matching events to one member of `group` (competing consumers).

        A group is one durable queue: it keeps collecting matching events between
        subscriptions, and every pattern ever subscribed for it stays bound, so all members
        of a group should subscribe with the same pattern and handler. Events published
        before a group's first subscription are not kept for it.

        A handler that raises gets the message again with backoff, up to `max_attempts`;
        then the message goes to the group's dead-letter queue. Delivery is at least once:
        handlers deduplicate by `Message.id`.
        """

    @abstractmethod
    async def request(
        self,
        queue: str,
        payload: dict[str, Any],
        *,
        timeout: float,  # noqa: ASYNC109 - it is also the task's TTL on the broker
        headers: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        """Send a task to `queue` and wait for one reply, at most `timeout` seconds."""

    @abstractmethod
    async def serve(
        self, queue: str, handler: RequestHandler, *, prefetch: int = 8
    ) -> Subscription:
        """Answer requests on `queue`; the task is acknowledged only after `handler` returns,
        so a worker that dies mid-task has it redelivered to another."""
