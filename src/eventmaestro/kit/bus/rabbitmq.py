"""RabbitMQ adapter on aio-pika.

Topology (all durable, so a broker restart loses nothing that was confirmed):

- `maestro.events`, a topic exchange: every domain event, routed by its topic.
- `maestro.<group>`, a quorum queue per consumer group, bound with the group's patterns;
  the members of the group compete on it.
- `maestro.<group>.retry`: a failed message waits here for its backoff (per-message TTL),
  then is dead-lettered straight back to `maestro.<group>` through the default exchange.
  Going back through the topic exchange would copy it to every other group again. The
  broker expires messages only at the head of a queue, so a short backoff queued behind a
  longer one waits for it; the cap on the backoff bounds that.
- `maestro.<group>.dlq`, a quorum queue: messages that failed `max_attempts` times.
- Task queues (`agent.<name>`), quorum queues named by the caller, answered through direct
  reply-to so requesters need no queue of their own.

Publishes wait for the broker's confirm, messages are persistent and acknowledged only after
the handler returned, and the robust connection restores channels, queues and consumers
after a drop. Delivery is therefore at least once.
"""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import aio_pika
from aio_pika.abc import (
    AbstractExchange,
    AbstractIncomingMessage,
    AbstractQueue,
    AbstractRobustChannel,
    AbstractRobustConnection,
    DeliveryMode,
    ExchangeType,
    HeadersType,
)
from aio_pika.exceptions import AMQPError

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
from eventmaestro.kit.clock import utcnow

log = logging.getLogger(__name__)

EXCHANGE = "maestro.events"
DIRECT_REPLY_TO = "amq.rabbitmq.reply-to"
_QUORUM = {"x-queue-type": "quorum"}

_OURS = "x-maestro-"
_TOPIC = "x-maestro-topic"
_ATTEMPT = "x-maestro-attempt"
_OCCURRED_AT = "x-maestro-occurred-at"
_ERROR = "x-maestro-error"
# Added by the broker on dead-lettering and redelivery. A republished message must not carry
# `x-death` along: RabbitMQ would take it for a dead-letter cycle and drop it.
_BROKER_HEADERS = ("x-death", "x-first-death-", "x-last-death-", "x-delivery-count")
_REPLY_ERROR = "error"

# What a lost connection, a closed channel or a missing confirm surface as.
_AMQP_FAILURES = (AMQPError, OSError)


def group_queue(group: str) -> str:
    return f"maestro.{group}"


def retry_queue(queue: str) -> str:
    return f"{queue}.retry"


def dead_letter_queue(queue: str) -> str:
    return f"{queue}.dlq"


def encode(message: Message, **properties: Any) -> aio_pika.Message:
    headers: HeadersType = {
        **message.headers,
        _TOPIC: message.topic,
        _ATTEMPT: message.attempt,
        _OCCURRED_AT: message.occurred_at.isoformat(),
    }
    return aio_pika.Message(
        json.dumps(message.payload).encode(),
        headers=headers,
        message_id=message.id,
        content_type="application/json",
        delivery_mode=DeliveryMode.PERSISTENT,
        **properties,
    )


def decode(incoming: AbstractIncomingMessage) -> Message:
    """The message as the handler sees it; quorum queues count redeliveries after a consumer
    died holding it in `x-delivery-count`, which raises `attempt` like a failed handler."""
    payload = json.loads(incoming.body)
    if not isinstance(payload, dict):
        raise ValueError("the body is not a JSON object")
    headers = incoming.headers
    topic = headers.get(_TOPIC)
    occurred_at = headers.get(_OCCURRED_AT)
    return Message(
        topic=topic if isinstance(topic, str) else incoming.routing_key or "",
        payload=payload,
        id=incoming.message_id or str(uuid.uuid4()),
        headers={
            key: value
            for key, value in headers.items()
            if isinstance(value, str) and not key.startswith((_OURS, *_BROKER_HEADERS))
        },
        occurred_at=datetime.fromisoformat(occurred_at)
        if isinstance(occurred_at, str)
        else utcnow(),
        attempt=_as_int(headers.get(_ATTEMPT), 1) + _as_int(headers.get("x-delivery-count"), 0),
    )


def _as_int(value: object, default: int) -> int:
    return value if isinstance(value, int) else default


def _forwarded(
    incoming: AbstractIncomingMessage, headers: HeadersType, expiration: float | None
) -> aio_pika.Message:
    """A copy of `incoming` for the retry or dead-letter queue, without broker bookkeeping."""
    kept = {k: v for k, v in incoming.headers.items() if not k.startswith(_BROKER_HEADERS)}
    return aio_pika.Message(
        incoming.body,
        headers={**kept, **headers},
        message_id=incoming.message_id,
        content_type=incoming.content_type,
        delivery_mode=DeliveryMode.PERSISTENT,
        expiration=expiration,
    )


async def _settle(incoming: AbstractIncomingMessage, *, ack: bool) -> None:
    """Ack, or hand back for immediate redelivery. If the channel is gone the broker already
    requeued the message, so there is nothing left to do but say so."""
    try:
        if ack:
            await incoming.ack()
        else:
            await incoming.nack(requeue=True)
    except _AMQP_FAILURES as exc:
        log.info("message %s left to the broker to redeliver: %r", incoming.message_id, exc)


@dataclass(frozen=True, slots=True)
class _Link:
    connection: AbstractRobustConnection
    channel: AbstractRobustChannel
    events: AbstractExchange
    rpc_channel: AbstractRobustChannel


class _Consumer(Subscription):
    """One consumer on its own channel, so its prefetch bounds only its own handlers."""

    def __init__(
        self,
        registry: set[_Consumer],
        channel: AbstractRobustChannel,
        queue: AbstractQueue,
        *,
        drain_timeout: float,
    ) -> None:
        self._registry = registry
        self._channel = channel
        self._queue = queue
        self._drain_timeout = drain_timeout
        self._tasks: set[asyncio.Task[Any]] = set()
        self._tag: str | None = None

    async def start(self, process: Callable[[AbstractIncomingMessage], Awaitable[None]]) -> None:
        async def on_message(incoming: AbstractIncomingMessage) -> None:
            task = asyncio.current_task()
            assert task is not None, "aio-pika runs every delivery in a task of its own"
            self._tasks.add(task)
            try:
                await process(incoming)
            except Exception:
                log.exception("unexpected failure processing message %s", incoming.message_id)
            finally:
                self._tasks.discard(task)

        self._tag = await self._queue.consume(on_message)
        self._registry.add(self)

    async def cancel(self) -> None:
        """Stop new deliveries, give running handlers the drain timeout to finish, then close
        the channel: whatever is still unacknowledged goes back to the queue."""
        if self._tag is None:
            return
        tag, self._tag = self._tag, None
        self._registry.discard(self)
        # Bounded: while the connection is down, the robust channel would wait for it forever.
        try:
            async with asyncio.timeout(self._drain_timeout):
                await self._queue.cancel(tag)
        except _AMQP_FAILURES as exc:
            log.info("cancelling consumer %s failed: %r", tag, exc)
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=self._drain_timeout)
        running = set(self._tasks)
        for task in running:
            task.cancel()
        await asyncio.gather(*running, return_exceptions=True)
        try:
            async with asyncio.timeout(self._drain_timeout):
                await self._channel.close()
        except _AMQP_FAILURES as exc:
            log.info("closing consumer channel failed: %r", exc)


class RabbitMQBus(Bus):
    def __init__(
        self,
        url: str,
        *,
        prefetch: int = 16,
        retry_base: float = 1.0,
        retry_cap: float = 300.0,
        publish_timeout: float = 10.0,
        drain_timeout: float = 10.0,
        reconnect_interval: float = 2.0,
    ) -> None:
        self._url = url
        self._prefetch = prefetch
        self._retry_base = retry_base
        self._retry_cap = retry_cap
        self._publish_timeout = publish_timeout
        self._drain_timeout = drain_timeout
        self._reconnect_interval = reconnect_interval
        self._link: _Link | None = None
        self._consumers: set[_Consumer] = set()
        self._replies: dict[str, asyncio.Future[dict[str, Any]]] = {}
        self._task_queues: set[str] = set()

    @property
    def connection(self) -> AbstractRobustConnection:
        """The underlying robust connection, for operational tooling and failure tests."""
        return self._connected().connection

    def _connected(self) -> _Link:
        if self._link is None:
            raise BusError("the RabbitMQ bus is not connected")
        return self._link

    async def connect(self) -> None:
        if self._link is not None:
            return
        connection = await aio_pika.connect_robust(
            self._url, reconnect_interval=self._reconnect_interval
        )
        try:
            channel = await connection.channel(publisher_confirms=True)
            events = await channel.declare_exchange(EXCHANGE, ExchangeType.TOPIC, durable=True)
            # Direct reply-to: replies come back on the channel that sent the request.
            rpc_channel = await connection.channel(publisher_confirms=True)
            replies = await rpc_channel.declare_queue(DIRECT_REPLY_TO, passive=True)
            await replies.consume(self._on_reply, no_ack=True)
        except BaseException:
            await connection.close()
            raise
        self._link = _Link(connection, channel, events, rpc_channel)

    async def close(self) -> None:
        link, self._link = self._link, None
        if link is None:
            return
        await asyncio.gather(*(consumer.cancel() for consumer in list(self._consumers)))
        for reply in self._replies.values():
            if not reply.done():
                reply.set_exception(BusError("the bus was closed while waiting for a reply"))
        await link.connection.close()

    async def ping(self) -> bool:
        link = self._link
        return (
            link is not None
            and link.connection.connected.is_set()
            and not link.connection.is_closed
            and not link.channel.is_closed
        )

    async def _send(
        self,
        channel: AbstractRobustChannel,
        exchange: AbstractExchange,
        message: aio_pika.Message,
        routing_key: str,
    ) -> None:
        """Publish and wait for the broker's confirm, riding out a reconnection that
        completes within the publish timeout."""
        try:
            async with asyncio.timeout(self._publish_timeout):
                await channel.ready()
                await exchange.publish(message, routing_key, mandatory=False)
        except _AMQP_FAILURES as exc:
            raise BusError(f"RabbitMQ did not confirm a message to {routing_key!r}") from exc

    async def publish(self, message: Message) -> None:
        link = self._connected()
        await self._send(link.channel, link.events, encode(message), message.topic)

    async def _consumer_channel(self, prefetch: int) -> AbstractRobustChannel:
        channel = await self._connected().connection.channel(publisher_confirms=True)
        await channel.set_qos(prefetch_count=prefetch)
        return channel

    async def subscribe(
        self, pattern: str, group: str, handler: Handler, *, max_attempts: int = 5
    ) -> Subscription:
        name = group_queue(group)
        channel = await self._consumer_channel(self._prefetch)
        try:
            queue = await channel.declare_queue(name, durable=True, arguments=_QUORUM)
            await channel.declare_queue(
                retry_queue(name),
                durable=True,
                arguments={"x-dead-letter-exchange": "", "x-dead-letter-routing-key": name},
            )
            await channel.declare_queue(dead_letter_queue(name), durable=True, arguments=_QUORUM)
            await queue.bind(EXCHANGE, pattern)
        except BaseException:
            await channel.close()
            raise

        async def process(incoming: AbstractIncomingMessage) -> None:
            await self._handle_event(incoming, name, handler, max_attempts)

        consumer = _Consumer(self._consumers, channel, queue, drain_timeout=self._drain_timeout)
        await consumer.start(process)
        return consumer

    async def _handle_event(
        self,
        incoming: AbstractIncomingMessage,
        queue: str,
        handler: Handler,
        max_attempts: int,
    ) -> None:
        try:
            message = decode(incoming)
        except ValueError as exc:
            await self._forward(incoming, dead_letter_queue(queue), error=f"undecodable: {exc}")
            return
        if message.attempt > max_attempts:
            await self._forward(
                incoming, dead_letter_queue(queue), error="redelivered more than max_attempts"
            )
            return
        try:
            await handler(message)
        except Exception as exc:
            log.warning(
                "handler for %s on %s failed (attempt %d/%d)",
                message.topic,
                queue,
                message.attempt,
                max_attempts,
                exc_info=True,
            )
            if message.attempt >= max_attempts:
                await self._forward(incoming, dead_letter_queue(queue), error=repr(exc))
            else:
                delay = retry_delay(message.attempt, base=self._retry_base, cap=self._retry_cap)
                await self._forward(
                    incoming, retry_queue(queue), attempt=message.attempt + 1, delay=delay
                )
            return
        await _settle(incoming, ack=True)

    async def _forward(
        self,
        incoming: AbstractIncomingMessage,
        target: str,
        *,
        error: str | None = None,
        attempt: int | None = None,
        delay: float | None = None,
    ) -> None:
        """Move a message to the retry or dead-letter queue: confirmed copy first, then ack,
        so a crash in between duplicates it rather than losing it."""
        headers: HeadersType = {}
        if error is not None:
            log.error("dead-lettering message %s to %s: %s", incoming.message_id, target, error)
            headers[_ERROR] = error
        if attempt is not None:
            headers[_ATTEMPT] = attempt
        copy = _forwarded(incoming, headers, delay)
        link = self._connected()
        try:
            await self._send(link.channel, link.channel.default_exchange, copy, target)
        except BusError:
            log.warning("could not move message %s to %s", incoming.message_id, target)
            await _settle(incoming, ack=False)
            return
        await _settle(incoming, ack=True)

    async def request(
        self,
        queue: str,
        payload: dict[str, Any],
        *,
        timeout: float,  # noqa: ASYNC109 - it is also the task's TTL on the broker
        headers: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        link = self._connected()
        message = Message(topic=queue, payload=payload, headers=dict(headers or {}))
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        reply: asyncio.Future[dict[str, Any]] = loop.create_future()
        self._replies[message.id] = reply
        try:
            async with asyncio.timeout_at(deadline):
                await self._declare_task_queue(link.rpc_channel, queue)
                task = encode(
                    message,
                    reply_to=DIRECT_REPLY_TO,
                    correlation_id=message.id,
                    # A task nobody took before the caller gave up is dropped by the broker.
                    expiration=max(0.0, deadline - loop.time()),
                )
                await self._send(link.rpc_channel, link.rpc_channel.default_exchange, task, queue)
                return await reply
        except TimeoutError:
            raise RequestTimeoutError(f"no reply from {queue!r} within {timeout}s") from None
        finally:
            del self._replies[message.id]

    async def _declare_task_queue(self, channel: AbstractRobustChannel, queue: str) -> None:
        """Both sides declare the task queue, so tasks wait for a worker that starts later."""
        if queue not in self._task_queues:
            await channel.declare_queue(queue, durable=True, arguments=_QUORUM)
            self._task_queues.add(queue)

    async def _on_reply(self, incoming: AbstractIncomingMessage) -> None:
        reply = self._replies.get(incoming.correlation_id or "")
        if reply is None or reply.done():
            log.debug("reply %s arrived after its caller gave up", incoming.correlation_id)
            return
        try:
            body = json.loads(incoming.body)
            if not isinstance(body, dict):
                raise ValueError("the reply is not a JSON object")
        except ValueError as exc:
            reply.set_exception(BusError(f"unreadable reply: {exc}"))
            return
        if incoming.type == _REPLY_ERROR:
            reply.set_exception(RemoteHandlerError(str(body.get("error"))))
        else:
            reply.set_result(body)

    async def serve(
        self, queue: str, handler: RequestHandler, *, prefetch: int = 8
    ) -> Subscription:
        channel = await self._consumer_channel(prefetch)
        try:
            amqp_queue = await channel.declare_queue(queue, durable=True, arguments=_QUORUM)
        except BaseException:
            await channel.close()
            raise

        async def process(incoming: AbstractIncomingMessage) -> None:
            await self._handle_task(incoming, queue, handler)

        consumer = _Consumer(
            self._consumers, channel, amqp_queue, drain_timeout=self._drain_timeout
        )
        await consumer.start(process)
        return consumer

    async def _handle_task(
        self, incoming: AbstractIncomingMessage, queue: str, handler: RequestHandler
    ) -> None:
        """Run the task and reply. A handler error is answered, not redelivered: it would
        fail the same way again. Only the ack after the reply makes the task done, so a
        worker that dies before that leaves it to another."""
        try:
            body = json.dumps(await handler(decode(incoming)))
            kind = None
        except Exception as exc:
            log.warning("handler for %s failed", queue, exc_info=True)
            body = json.dumps({"error": f"{queue}: {exc!r}"})
            kind = _REPLY_ERROR
        if incoming.reply_to:
            reply = aio_pika.Message(
                body.encode(),
                correlation_id=incoming.correlation_id,
                content_type="application/json",
                type=kind,
            )
            link = self._connected()
            try:
                await self._send(
                    link.channel, link.channel.default_exchange, reply, incoming.reply_to
                )
            except BusError:
                log.warning("could not reply to task %s", incoming.message_id)
                await _settle(incoming, ack=False)
                return
        await _settle(incoming, ack=True)
