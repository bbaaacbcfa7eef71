"""Transactional outbox and consumer inbox: domain events reach the bus if and only if the
business change that produced them was committed, and reach each consumer effectively once.

- `add_event` writes the event into the `outbox` table inside the caller's transaction. A
  rollback discards it together with the business rows; a commit makes both durable at once.
- `OutboxRelay` publishes committed rows in order and marks them only after the broker
  confirmed, so an event committed while the broker is down waits in the table until it is
  back. A crash between confirm and mark publishes the row again: delivery is at least once.
- `claim_message` records, inside the consumer's own transaction, that it handled a message;
  a redelivered duplicate then finds the claim and is skipped.

Waking the relay: rather than wait for the next poll, a relay wakes as soon as a transaction
that added events commits. `add_event` flags the session (`Session.info`), and a listener on
every `Session`'s `after_commit` wakes the running relays of this process when the flag is
set (a relay woken for another database merely runs one empty pass); a rollback clears it.
The flag only saves latency: polling alone would deliver everything too.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import uuid
import weakref
from datetime import date, time
from decimal import Decimal
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Session, SessionTransaction

from eventmaestro.kit.bus import Bus, Message
from eventmaestro.kit.clock import utcnow
from eventmaestro.kit.db import new_id
from eventmaestro.kit.metrics import OUTBOX_RELAYED
from eventmaestro.kit.outbox_models import OutboxMessage, ProcessedMessage

log = logging.getLogger(__name__)

_EVENTS_ADDED = "maestro.outbox.events_added"
_running_relays: weakref.WeakSet[OutboxRelay] = weakref.WeakSet()


def _to_json(value: object) -> object:
    if isinstance(value, uuid.UUID | Decimal):
        return str(value)  # Decimal as text: a float would lose cents.
    if isinstance(value, date | time):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def add_event(
    session: AsyncSession,
    topic: str,
    payload: dict[str, Any],
    *,
    org_id: uuid.UUID | None = None,
    headers: dict[str, str] | None = None,
) -> Message:
    """Record an event in the caller's transaction (not committed here). The organisation,
    when given, also travels as the `org-id` header so consumers can scope their work."""
    body: dict[str, Any] = json.loads(json.dumps(payload, default=_to_json))
    all_headers = dict(headers or {})
    if org_id is not None:
        all_headers["org-id"] = str(org_id)
    message = Message(topic=topic, payload=body, id=str(new_id()), headers=all_headers)
    session.add(
        OutboxMessage(
            id=uuid.UUID(message.id),
            topic=topic,
            payload=body,
            headers=all_headers,
            org_id=org_id,
            occurred_at=message.occurred_at,
        )
    )
    session.info[_EVENTS_ADDED] = True
    return message


@event.listens_for(Session, "after_commit")
def _wake_relays(session: Session) -> None:
    if session.info.pop(_EVENTS_ADDED, False):
        for relay in list(_running_relays):
            relay.wake()


@event.listens_for(Session, "after_soft_rollback")
def _forget_events(session: Session, previous_transaction: SessionTransaction) -> None:
    if previous_transaction.parent is None:
        session.info.pop(_EVENTS_ADDED, None)


def _message(row: OutboxMessage) -> Message:
    return Message(
        topic=row.topic,
        payload=row.payload,
        id=str(row.id),
        headers=row.headers,
        occurred_at=row.occurred_at,
    )


class OutboxRelay:
    """Moves committed outbox rows to the bus, in the order they occurred.

    Order holds within one relay. Relays of several replicas publish their batches side by
    side, so consumers must not rely on a strict global order, only on `occurred_at`.
    """

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        bus: Bus,
        *,
        poll_interval: float = 1.0,
        batch_size: int = 100,
    ) -> None:
        self._sessionmaker = sessionmaker
        self._bus = bus
        self._poll_interval = poll_interval
        self._batch_size = batch_size
        self._wakeup = asyncio.Event()
        self._stopping = False
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        if self._task is None:
            self._stopping = False
            self._task = asyncio.create_task(self._run(), name="outbox-relay")
            _running_relays.add(self)

    async def stop(self) -> None:
        """Finish the pass under way (so published rows get marked), then stop."""
        task, self._task = self._task, None
        _running_relays.discard(self)
        if task is not None:
            self._stopping = True
            self._wakeup.set()
            await task

    def wake(self) -> None:
        self._wakeup.set()

    async def _run(self) -> None:
        while not self._stopping:
            self._wakeup.clear()
            try:
                published = await self.relay_once()
            except Exception:
                log.exception("outbox relay pass failed")
                published = 0
            if published == self._batch_size:
                continue  # probably more waiting
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self._poll_interval):
                    await self._wakeup.wait()

    async def relay_once(self) -> int:
        """Publish one batch; returns how many rows were published.

        On PostgreSQL the batch is locked with `FOR UPDATE SKIP LOCKED`, so relays in several
        API replicas share the work without publishing a row twice. SQLite has one writer
        process, so a plain select suffices. The first publish failure ends the pass: the
        broker is most likely down, and stopping keeps later events behind earlier ones.
        """
        published = 0
        async with self._sessionmaker() as session, session.begin():
            query = (
                select(OutboxMessage)
                .where(OutboxMessage.published_at.is_(None))
                .order_by(OutboxMessage.occurred_at, OutboxMessage.id)
                .limit(self._batch_size)
            )
            if session.get_bind().dialect.name == "postgresql":
                query = query.with_for_update(skip_locked=True)
            for row in await session.scalars(query):
                try:
                    await self._bus.publish(_message(row))
                except Exception as exc:
                    log.warning("outbox event %s not published yet: %r", row.id, exc)
                    row.attempts += 1
                    row.last_error = repr(exc)
                    break
                row.published_at = utcnow()
                published += 1
        OUTBOX_RELAYED.inc(published)
        return published


async def claim_message(session: AsyncSession, consumer: str, message_id: str) -> bool:
    """True the first time `consumer` claims `message_id`; False for a redelivered duplicate.

    The claim is part of the consumer's transaction: if its work rolls back, so does the
    claim and the redelivery is processed again. `ON CONFLICT DO NOTHING` keeps a duplicate
    from aborting the transaction, as a failed plain INSERT would on PostgreSQL.
    """
    row = {"consumer": consumer, "message_id": message_id, "processed_at": utcnow()}
    key = ["consumer", "message_id"]
    dialect = session.get_bind().dialect.name
    statement: postgresql.Insert | sqlite.Insert
    if dialect == "postgresql":
        statement = postgresql.insert(ProcessedMessage).values(row)
        statement = statement.on_conflict_do_nothing(index_elements=key)
    elif dialect == "sqlite":
        statement = sqlite.insert(ProcessedMessage).values(row)
        statement = statement.on_conflict_do_nothing(index_elements=key)
    else:
        raise NotImplementedError(f"claim_message does not support {dialect}")
    claimed = await session.scalar(statement.returning(ProcessedMessage.message_id))
    return claimed is not None
