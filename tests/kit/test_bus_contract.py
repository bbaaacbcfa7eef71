"""One contract for every bus adapter: the memory bus must behave like RabbitMQ, so code
proven in embedded mode holds in distributed mode.

`TestBusContract` runs against both adapters through the `harness` fixture; the harness
supplies what the Bus API does not: fresh names, dead-letter inspection and cleanup of the
queues a test created. `TestRabbitMQFailures` covers what only a real broker can do: lose
connections.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Callable
from typing import Any
from urllib.parse import urlsplit

import aio_pika
import pytest

from eventmaestro.kit.bus import (
    Bus,
    MemoryBus,
    Message,
    RabbitMQBus,
    RemoteHandlerError,
    RequestTimeoutError,
    create_bus,
)
from eventmaestro.kit.bus.rabbitmq import dead_letter_queue, decode, group_queue, retry_queue
from tests.servers import RABBITMQ_URL, require_server

RETRY_BASE = 0.05
WAIT = 10.0  # bound on waiting for something that must happen
SETTLE = 0.3  # how long to watch for something that must not happen
DRAIN = 0.3


def unique(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:12]}"


async def until(condition: Callable[[], bool], within: float = WAIT) -> None:
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"condition not met within {within}s")
        await asyncio.sleep(0.01)


class Harness:
    """A connected bus plus the adapter-specific parts of a test."""

    def __init__(self, bus: Bus) -> None:
        self.bus = bus
        self.groups: list[str] = []
        self.task_queues: list[str] = []

    def group(self) -> str:
        name = unique("g")
        self.groups.append(name)
        return name

    def task_queue(self) -> str:
        name = unique("agent.t")
        self.task_queues.append(name)
        return name

    async def new_bus(self) -> Bus:
        raise NotImplementedError

    async def dead_letters(self, group: str) -> list[Message]:
        raise NotImplementedError

    async def close(self) -> None:
        await self.bus.close()


class MemoryHarness(Harness):
    def __init__(self) -> None:
        super().__init__(self.make())

    @staticmethod
    def make() -> MemoryBus:
        return MemoryBus(retry_base=RETRY_BASE, retry_cap=4 * RETRY_BASE, drain_timeout=DRAIN)

    async def new_bus(self) -> Bus:
        bus = self.make()
        await bus.connect()
        return bus

    async def dead_letters(self, group: str) -> list[Message]:
        assert isinstance(self.bus, MemoryBus)
        return list(self.bus.dead_letters[group])


def rabbitmq_bus(url: str = RABBITMQ_URL) -> RabbitMQBus:
    return RabbitMQBus(
        url,
        retry_base=RETRY_BASE,
        retry_cap=4 * RETRY_BASE,
        publish_timeout=5.0,
        drain_timeout=DRAIN,
        reconnect_interval=0.1,
    )


class RabbitMQHarness(Harness):
    def __init__(self, admin: aio_pika.abc.AbstractConnection) -> None:
        super().__init__(rabbitmq_bus())
        self.admin = admin

    async def new_bus(self) -> Bus:
        bus = rabbitmq_bus()
        await bus.connect()
        return bus

    async def dead_letters(self, group: str) -> list[Message]:
        async with self.admin.channel() as channel:
            queue = await channel.declare_queue(dead_letter_queue(group_queue(group)), passive=True)
            messages = []
            while (incoming := await queue.get(no_ack=True, fail=False)) is not None:
                messages.append(decode(incoming))
            return messages

    async def close(self) -> None:
        await self.bus.close()
        async with self.admin.channel() as channel:
            for group in self.groups:
                queue = group_queue(group)
                for name in (queue, retry_queue(queue), dead_letter_queue(queue)):
                    await channel.queue_delete(name)
            for name in self.task_queues:
                await channel.queue_delete(name)
        await self.admin.close()


@pytest.fixture(params=["memory", pytest.param("rabbitmq", marks=pytest.mark.rabbitmq)])
async def harness(request: pytest.FixtureRequest) -> AsyncIterator[Harness]:
    built: Harness
    if request.param == "rabbitmq":
        require_server("RabbitMQ", RABBITMQ_URL)
        built = RabbitMQHarness(await aio_pika.connect(RABBITMQ_URL))
    else:
        built = MemoryHarness()
    await built.bus.connect()
    try:
        yield built
    finally:
        await built.close()


class Recorder:
    """A handler that keeps what it was given, optionally failing on chosen attempts."""

    def __init__(self, fail_until_attempt: int = 0) -> None:
        self.messages: list[Message] = []
        self.fail_until_attempt = fail_until_attempt

    async def __call__(self, message: Message) -> None:
        self.messages.append(message)
        if message.attempt <= self.fail_until_attempt:
            raise RuntimeError(f"failing attempt {message.attempt}")

    @property
    def topics(self) -> list[str]:
        return [m.topic for m in self.messages]


class TestBusContract:
    async def test_subscriber_receives_the_message_as_published(self, harness: Harness) -> None:
        root, inbox = unique("t"), Recorder()
        await harness.bus.subscribe(f"{root}.#", harness.group(), inbox)
        sent = Message(
            topic=f"{root}.order.created",
            payload={"order": 7, "items": ["a", "b"], "total": "12.50"},
            headers={"traceparent": "00-abc-01"},
        )
        await harness.bus.publish(sent)
        await until(lambda: len(inbox.messages) == 1)
        (got,) = inbox.messages
        assert (got.id, got.topic, got.payload, got.headers) == (
            sent.id,
            sent.topic,
            sent.payload,
            sent.headers,
        )
        assert got.occurred_at == sent.occurred_at
        assert got.attempt == 1

    async def test_topic_patterns_match_like_amqp(self, harness: Harness) -> None:
        root = unique("t")
        one_word, any_words, middle = Recorder(), Recorder(), Recorder()
        await harness.bus.subscribe(f"{root}.order.*", harness.group(), one_word)
        await harness.bus.subscribe(f"{root}.#", harness.group(), any_words)
        await harness.bus.subscribe(f"{root}.*.created", harness.group(), middle)
        topics = [f"{root}.order.created", f"{root}.order.item.added", f"{root}.invoice.created"]
        topics.append(root)  # `#` also matches zero words
        for topic in topics:
            await harness.bus.publish(Message(topic=topic, payload={}))
        await until(lambda: len(any_words.messages) == len(topics))
        await asyncio.sleep(SETTLE)
        assert sorted(one_word.topics) == [f"{root}.order.created"]
        assert sorted(middle.topics) == sorted([f"{root}.order.created", f"{root}.invoice.created"])
        assert sorted(any_words.topics) == sorted(topics)

    async def test_every_group_gets_its_own_copy(self, harness: Harness) -> None:
        root, billing, audit = unique("t"), Recorder(), Recorder()
        await harness.bus.subscribe(f"{root}.*", harness.group(), billing)
        await harness.bus.subscribe(f"{root}.*", harness.group(), audit)
        for n in range(5):
            await harness.bus.publish(Message(topic=f"{root}.paid", payload={"n": n}))
        await until(lambda: len(billing.messages) == 5 and len(audit.messages) == 5)
        await asyncio.sleep(SETTLE)
        assert len(billing.messages) == len(audit.messages) == 5

    async def test_members_of_a_group_share_the_messages(self, harness: Harness) -> None:
        root, group, first, second = unique("t"), harness.group(), Recorder(), Recorder()
        await harness.bus.subscribe(f"{root}.*", group, first)
        await harness.bus.subscribe(f"{root}.*", group, second)
        sent = [Message(topic=f"{root}.paid", payload={"n": n}) for n in range(10)]
        for message in sent:
            await harness.bus.publish(message)
        await until(lambda: len(first.messages) + len(second.messages) == 10)
        await asyncio.sleep(SETTLE)
        handled = Counter(m.id for m in first.messages + second.messages)
        assert handled == Counter(m.id for m in sent)
        assert first.messages, "the first member got nothing"
        assert second.messages, "the second member got nothing"

    async def test_messages_wait_in_the_group_between_subscriptions(self, harness: Harness) -> None:
        root, group, inbox = unique("t"), harness.group(), Recorder()
        subscription = await harness.bus.subscribe(f"{root}.*", group, Recorder())
        await subscription.cancel()
        await harness.bus.publish(Message(topic=f"{root}.paid", payload={"n": 1}))
        await harness.bus.subscribe(f"{root}.*", group, inbox)
        await until(lambda: len(inbox.messages) == 1)

    async def test_message_held_by_a_cancelled_member_goes_to_another(
        self, harness: Harness
    ) -> None:
        root, group, taken, healthy = unique("t"), harness.group(), asyncio.Event(), Recorder()

        async def stuck(message: Message) -> None:
            taken.set()
            await asyncio.Event().wait()

        leaving = await harness.bus.subscribe(f"{root}.*", group, stuck)
        sent = Message(topic=f"{root}.paid", payload={"n": 1})
        await harness.bus.publish(sent)
        await asyncio.wait_for(taken.wait(), WAIT)
        await harness.bus.subscribe(f"{root}.*", group, healthy)
        await leaving.cancel()  # its handler outlives the drain timeout
        await until(lambda: len(healthy.messages) == 1)
        assert (healthy.messages[0].id, healthy.messages[0].attempt) == (sent.id, 2)

    async def test_failed_handler_is_retried_with_attempt_raised(self, harness: Harness) -> None:
        root, group, flaky = unique("t"), harness.group(), Recorder(fail_until_attempt=2)
        await harness.bus.subscribe(f"{root}.*", group, flaky, max_attempts=5)
        await harness.bus.publish(Message(topic=f"{root}.paid", payload={"n": 1}))
        await until(lambda: len(flaky.messages) == 3)
        await asyncio.sleep(SETTLE)
        assert [m.attempt for m in flaky.messages] == [1, 2, 3]
        assert len({m.id for m in flaky.messages}) == 1
        assert await harness.dead_letters(group) == []

    async def test_always_failing_handler_dead_letters_after_max_attempts(
        self, harness: Harness
    ) -> None:
        root, group, broken = unique("t"), harness.group(), Recorder(fail_until_attempt=99)
        await harness.bus.subscribe(f"{root}.*", group, broken, max_attempts=3)
        sent = Message(topic=f"{root}.paid", payload={"n": 1})
        await harness.bus.publish(sent)
        await until(lambda: len(broken.messages) == 3)
        dead: list[Message] = []

        async def collect() -> None:
            dead.extend(await harness.dead_letters(group))

        deadline = time.monotonic() + WAIT
        while not dead and time.monotonic() < deadline:
            await collect()
            await asyncio.sleep(0.02)
        assert [(m.id, m.topic, m.payload) for m in dead] == [(sent.id, sent.topic, sent.payload)]
        await asyncio.sleep(SETTLE)
        assert [m.attempt for m in broken.messages] == [1, 2, 3]

    async def test_request_gets_the_reply_of_serve(self, harness: Harness) -> None:
        queue = harness.task_queue()

        async def echo(message: Message) -> dict[str, Any]:
            return {"echo": message.payload, "tenant": message.headers.get("org-id")}

        await harness.bus.serve(queue, echo)
        reply = await harness.bus.request(
            queue, {"q": "venues in Lyon"}, timeout=WAIT, headers={"org-id": "o1"}
        )
        assert reply == {"echo": {"q": "venues in Lyon"}, "tenant": "o1"}

    async def test_request_times_out_and_the_task_expires(self, harness: Harness) -> None:
        queue, late = harness.task_queue(), Recorder()
        started = time.monotonic()
        with pytest.raises(RequestTimeoutError):
            await harness.bus.request(queue, {"q": 1}, timeout=0.3)
        assert time.monotonic() - started < 2.0

        async def serve_late(message: Message) -> dict[str, Any]:
            await late(message)
            return {}

        await asyncio.sleep(0.1)  # the broker's clock started a little after ours
        await harness.bus.serve(queue, serve_late)
        await asyncio.sleep(SETTLE)
        assert late.messages == []  # nobody works on a task whose caller gave up

    async def test_handler_error_reaches_the_caller_once(self, harness: Harness) -> None:
        queue, calls = harness.task_queue(), Recorder()

        async def refuse(message: Message) -> dict[str, Any]:
            await calls(message)
            raise ValueError("no venue has 5000 seats")

        await harness.bus.serve(queue, refuse)
        with pytest.raises(RemoteHandlerError, match="no venue has 5000 seats"):
            await harness.bus.request(queue, {"seats": 5000}, timeout=WAIT)
        await asyncio.sleep(SETTLE)
        assert len(calls.messages) == 1

    async def test_serve_runs_at_most_prefetch_tasks_at_once(self, harness: Harness) -> None:
        queue, running, peak = harness.task_queue(), 0, 0

        async def slow(message: Message) -> dict[str, Any]:
            nonlocal running, peak
            running += 1
            peak = max(peak, running)
            await asyncio.sleep(0.1)
            running -= 1
            return {"n": message.payload["n"]}

        await harness.bus.serve(queue, slow, prefetch=3)
        replies = await asyncio.gather(
            *(harness.bus.request(queue, {"n": n}, timeout=WAIT) for n in range(7))
        )
        assert sorted(r["n"] for r in replies) == list(range(7))
        assert peak == 3

    async def test_ping_follows_the_connection(self, harness: Harness) -> None:
        bus = await harness.new_bus()
        assert await bus.ping() is True
        await bus.close()
        assert await bus.ping() is False


def test_create_bus_picks_the_adapter_from_the_url() -> None:
    assert isinstance(create_bus("memory://"), MemoryBus)
    assert isinstance(create_bus("amqp://guest:guest@localhost:5672/"), RabbitMQBus)
    assert isinstance(create_bus("amqps://user:pw@broker.example/vhost"), RabbitMQBus)
    with pytest.raises(ValueError, match="redis"):
        create_bus("redis://localhost")


class TcpProxy:
    """Sits between a bus and RabbitMQ so a test can cut the connections like a network
    failure would, seen by both the client and the broker."""

    def __init__(self, target: str) -> None:
        parts = urlsplit(target)
        self._target = (parts.hostname or "127.0.0.1", parts.port or 5672)
        self._credentials = f"{parts.username}:{parts.password}"
        self._vhost = parts.path or "/"  # the proxied bus must meet the others on their vhost
        self._writers: set[asyncio.StreamWriter] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._server: asyncio.Server | None = None
        self.url = ""

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        port = self._server.sockets[0].getsockname()[1]
        self.url = f"amqp://{self._credentials}@127.0.0.1:{port}{self._vhost}"

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        self._writers.add(writer)
        try:
            up_reader, up_writer = await asyncio.open_connection(*self._target)
        except OSError:
            writer.transport.abort()
            return
        self._writers.add(up_writer)
        await asyncio.gather(self._pipe(reader, up_writer), self._pipe(up_reader, writer))
        self._tasks.discard(task)

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except OSError:
            pass
        finally:
            writer.transport.abort()
            self._writers.discard(writer)

    def drop(self) -> None:
        for writer in list(self._writers):
            writer.transport.abort()

    async def close(self) -> None:
        assert self._server is not None
        self._server.close()
        self.drop()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._server.wait_closed()


@pytest.fixture
async def rabbitmq() -> AsyncIterator[RabbitMQHarness]:
    require_server("RabbitMQ", RABBITMQ_URL)
    built = RabbitMQHarness(await aio_pika.connect(RABBITMQ_URL))
    await built.bus.connect()
    try:
        yield built
    finally:
        await built.close()


@pytest.fixture
async def proxy() -> AsyncIterator[TcpProxy]:
    require_server("RabbitMQ", RABBITMQ_URL)
    built = TcpProxy(RABBITMQ_URL)
    await built.start()
    try:
        yield built
    finally:
        await built.close()


@pytest.mark.rabbitmq
class TestRabbitMQFailures:
    async def test_messages_survive_a_dropped_connection_and_the_bus_recovers(
        self, rabbitmq: RabbitMQHarness, proxy: TcpProxy
    ) -> None:
        root, parked_group = unique("t"), rabbitmq.group()
        live, parked = Recorder(), Recorder()
        bus = rabbitmq_bus(proxy.url)
        await bus.connect()
        try:
            await bus.subscribe(f"{root}.*", rabbitmq.group(), live)
            parking = await bus.subscribe(f"{root}.*", parked_group, Recorder())
            await parking.cancel()
            before = Message(topic=f"{root}.before", payload={"n": 1})
            await bus.publish(before)
            await until(lambda: len(live.messages) == 1)

            lost = bus.connection.transport
            proxy.drop()
            await until(lambda: bus.connection.transport not in (None, lost))

            after = Message(topic=f"{root}.after", payload={"n": 2})
            await bus.publish(after)
            assert await bus.ping() is True
            await bus.subscribe(f"{root}.*", parked_group, parked)
            await until(lambda: len(live.messages) == 2 and len(parked.messages) == 2)
            assert [m.id for m in live.messages] == [before.id, after.id]
            assert sorted(m.id for m in parked.messages) == sorted([before.id, after.id])
        finally:
            await bus.close()

    async def test_task_of_a_dead_worker_goes_to_another_worker(
        self, rabbitmq: RabbitMQHarness, proxy: TcpProxy
    ) -> None:
        queue = rabbitmq.task_queue()
        taken, hang = asyncio.Event(), asyncio.Event()
        attempts: list[int] = []

        async def stuck(message: Message) -> dict[str, Any]:
            taken.set()
            await hang.wait()
            return {"worker": "dead"}

        async def healthy(message: Message) -> dict[str, Any]:
            attempts.append(message.attempt)
            return {"worker": "healthy"}

        doomed = rabbitmq_bus(proxy.url)
        await doomed.connect()
        try:
            await doomed.serve(queue, stuck)
            call = asyncio.create_task(rabbitmq.bus.request(queue, {"n": 1}, timeout=WAIT))
            await asyncio.wait_for(taken.wait(), WAIT)
            survivor = await rabbitmq.new_bus()
            try:
                await survivor.serve(queue, healthy)
                await proxy.close()  # the worker's host is gone for good
                assert await call == {"worker": "healthy"}
                assert attempts == [2]
            finally:
                await survivor.close()
        finally:
            await doomed.close()
