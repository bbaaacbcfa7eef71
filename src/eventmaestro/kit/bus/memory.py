"""In-process bus for the embedded mode and for tests, behaving like the RabbitMQ adapter.

It mirrors the broker's observable semantics rather than taking shortcuts, so code proven
against it behaves the same in distributed mode: a group is a queue that outlives its
subscriptions, members of a group take turns, every message is a JSON copy, failed handlers
get the message again after a backoff, a consumer that stops holding a message (cancelled
mid-handler) hands it back with `attempt` raised, and tasks expire after the caller's timeout.
Dead letters are kept in `dead_letters` for tests and the embedded operator to inspect.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import json
import logging
from collections import defaultdict, deque
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from eventmaestro.kit.bus.base import (
    Bus,
    BusError,
    Handler,
    Message,
    RemoteHandlerError,
    RequestHandler,
    RequestTimeoutError,
    Subscription,
    retry_delay,
)

log = logging.getLogger(__name__)


def topic_matches(pattern: str, topic: str) -> bool:
    """AMQP topic matching: `*` is exactly one word, `#` zero or more words."""
    return _match(pattern.split("."), topic.split("."))


def _match(pattern: list[str], words: list[str]) -> bool:
    if not pattern:
        return not words
    head, rest = pattern[0], pattern[1:]
    if head == "#":
        return any(_match(rest, words[skip:]) for skip in range(len(words) + 1))
    return bool(words) and head in ("*", words[0]) and _match(rest, words[1:])


def _copy(payload: dict[str, Any]) -> dict[str, Any]:
    """A JSON round trip: rejects what the broker could not carry and isolates receivers."""
    copied: dict[str, Any] = json.loads(json.dumps(payload))
    return copied


@dataclass(slots=True)
class _Envelope:
    message: Message
    reply: asyncio.Future[dict[str, Any]] | None = None
    expires_at: float | None = None


_Process = Callable[[_Envelope], Coroutine[Any, Any, None]]


class _Queue:
    """Pending envelopes and the consumers taking turns on them, each within its prefetch."""

    def __init__(self) -> None:
        self.bindings: set[str] = set()
        self.pending: deque[_Envelope] = deque()
        self.consumers: list[_Consumer] = []
        self._turn = 0

    def put(self, envelope: _Envelope, *, front: bool = False) -> None:
        if front:
            self.pending.appendleft(envelope)
        else:
            self.pending.append(envelope)
        self.dispatch()

    def dispatch(self) -> None:
        now = asyncio.get_running_loop().time()
        while self.pending:
            expires_at = self.pending[0].expires_at
            if expires_at is not None and expires_at <= now:
                self.pending.popleft()
                continue
            consumer = self._next_consumer()
            if consumer is None:
                return
            consumer.start(self.pending.popleft())

    def _next_consumer(self) -> _Consumer | None:
        for offset in range(len(self.consumers)):
            index = (self._turn + offset) % len(self.consumers)
            consumer = self.consumers[index]
            if consumer.has_capacity():
                self._turn = index + 1
                return consumer
        return None


class _Consumer(Subscription):
    def __init__(
        self,
        queue: _Queue,
        process: _Process,
        *,
        registry: set[_Consumer],
        prefetch: int,
        drain_timeout: float,
    ) -> None:
        self._queue = queue
        self._registry = registry
        self._process = process
        self._prefetch = prefetch
        self._drain_timeout = drain_timeout
        self.tasks: set[asyncio.Task[None]] = set()

    def has_capacity(self) -> bool:
        return len(self.tasks) < self._prefetch

    def start(self, envelope: _Envelope) -> None:
        task = asyncio.create_task(self._process(envelope))
        self.tasks.add(task)
        task.add_done_callback(functools.partial(self._finished, envelope))

    def _finished(self, envelope: _Envelope, task: asyncio.Task[None]) -> None:
        self.tasks.discard(task)
        if task.cancelled():
            # Like a broker requeueing what a consumer that went away never acknowledged.
            message = envelope.message
            redelivery = dataclasses.replace(message, attempt=message.attempt + 1)
            self._queue.put(dataclasses.replace(envelope, message=redelivery), front=True)
        else:
            self._queue.dispatch()

    def detach(self) -> None:
        self._registry.discard(self)
        if self in self._queue.consumers:
            self._queue.consumers.remove(self)

    async def cancel(self) -> None:
        """Stop taking messages, let running handlers finish within the drain timeout, then
        cancel the rest so their messages go back to the queue."""
        self.detach()
        if self.tasks:
            await asyncio.wait(set(self.tasks), timeout=self._drain_timeout)
        running = set(self.tasks)
        for task in running:
            task.cancel()
        await asyncio.gather(*running, return_exceptions=True)


class MemoryBus(Bus):
    def __init__(
        self,
        *,
        prefetch: int = 16,
        retry_base: float = 0.5,
        retry_cap: float = 30.0,
        drain_timeout: float = 10.0,
    ) -> None:
        self._prefetch = prefetch
        self._retry_base = retry_base
        self._retry_cap = retry_cap
        self._drain_timeout = drain_timeout
        self._groups: defaultdict[str, _Queue] = defaultdict(_Queue)
        self._task_queues: defaultdict[str, _Queue] = defaultdict(_Queue)
        self._consumers: set[_Consumer] = set()
        self._timers: set[asyncio.Task[None]] = set()
        self._open = False
        self.dead_letters: defaultdict[str, list[Message]] = defaultdict(list)

    async def connect(self) -> None:
        self._open = True

    async def close(self) -> None:
        """Drain the consumers like the RabbitMQ adapter does; pending retries are dropped
        with the rest of this process's queues."""
        self._open = False
        await asyncio.gather(*(consumer.cancel() for consumer in list(self._consumers)))
        timers, self._timers = self._timers, set()
        for timer in timers:
            timer.cancel()
        await asyncio.gather(*timers, return_exceptions=True)

    async def ping(self) -> bool:
        return self._open

    def _ensure_open(self) -> None:
        if not self._open:
            raise BusError("the memory bus is not connected")

    async def publish(self, message: Message) -> None:
        self._ensure_open()
        for queue in list(self._groups.values()):
            if any(topic_matches(pattern, message.topic) for pattern in queue.bindings):
                copy = dataclasses.replace(message, payload=_copy(message.payload))
                queue.put(_Envelope(copy))

    async def subscribe(
        self, pattern: str, group: str, handler: Handler, *, max_attempts: int = 5
    ) -> Subscription:
        self._ensure_open()
        queue = self._groups[group]
        queue.bindings.add(pattern)

        async def process(envelope: _Envelope) -> None:
            message = envelope.message
            if message.attempt > max_attempts:
                self._dead_letter(group, message, "redelivered more than max_attempts")
                return
            try:
                await handler(message)
            except Exception as exc:
                log.warning(
                    "handler for %s in group %s failed (attempt %d/%d)",
                    message.topic,
                    group,
                    message.attempt,
                    max_attempts,
                    exc_info=True,
                )
                if message.attempt >= max_attempts:
                    self._dead_letter(group, message, repr(exc))
                else:
                    self._redeliver_later(queue, message)

        return self._attach(queue, process, self._prefetch)

    def _attach(self, queue: _Queue, process: _Process, prefetch: int) -> _Consumer:
        consumer = _Consumer(
            queue,
            process,
            registry=self._consumers,
            prefetch=prefetch,
            drain_timeout=self._drain_timeout,
        )
        self._consumers.add(consumer)
        queue.consumers.append(consumer)
        queue.dispatch()
        return consumer

    def _dead_letter(self, group: str, message: Message, error: str) -> None:
        log.error("dead-lettering %s (%s) in group %s: %s", message.id, message.topic, group, error)
        self.dead_letters[group].append(message)

    def _redeliver_later(self, queue: _Queue, message: Message) -> None:
        delay = retry_delay(message.attempt, base=self._retry_base, cap=self._retry_cap)
        retry = dataclasses.replace(message, attempt=message.attempt + 1)

        async def later() -> None:
            await asyncio.sleep(delay)
            queue.put(_Envelope(retry))

        self._spawn(later())

    def _spawn(self, coroutine: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(coroutine)
        self._timers.add(task)
        task.add_done_callback(self._timers.discard)

    async def request(
        self,
        queue: str,
        payload: dict[str, Any],
        *,
        timeout: float,  # noqa: ASYNC109 - it is also the task's TTL on the broker
        headers: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        self._ensure_open()
        loop = asyncio.get_running_loop()
        message = Message(topic=queue, payload=_copy(payload), headers=dict(headers or {}))
        reply: asyncio.Future[dict[str, Any]] = loop.create_future()
        self._task_queues[queue].put(
            _Envelope(message, reply=reply, expires_at=loop.time() + timeout)
        )
        try:
            async with asyncio.timeout(timeout):
                return await reply
        except TimeoutError:
            raise RequestTimeoutError(f"no reply from {queue!r} within {timeout}s") from None

    async def serve(
        self, queue: str, handler: RequestHandler, *, prefetch: int = 8
    ) -> Subscription:
        self._ensure_open()

        async def process(envelope: _Envelope) -> None:
            reply = envelope.reply
            try:
                result = _copy(await handler(envelope.message))
            except Exception as exc:
                log.warning("handler for %s failed", queue, exc_info=True)
                if reply is not None and not reply.done():
                    reply.set_exception(RemoteHandlerError(f"{queue}: {exc!r}"))
                return
            if reply is not None and not reply.done():
                reply.set_result(result)

        return self._attach(self._task_queues[queue], process, prefetch)
