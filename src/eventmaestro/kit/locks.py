"""One writer at a time for a set of rows that is replaced as a whole.

A PUT that replaces, say, an event's chosen vendors reads what is stored, then writes the
difference. Two such requests at once would both read the old set and each write their half:
the result would be a mix neither asked for. `serialize` makes the second wait until the
first has committed, so it reads the first one's result and replaces it whole.

PostgreSQL: a transaction-scoped advisory lock on the key (released at commit or rollback).
SQLite: one writer at a time for the whole file anyway; the catch is that the driver starts
the transaction only at the first write, so the reads before it could be stale. A write
statement that matches no row takes the write lock at once, and every read after it sees
the last commit.
"""

from __future__ import annotations

import hashlib
import uuid

from sqlalchemy import delete, false, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from eventmaestro.kit.db import Base


def _advisory_key(model: type[Base], key: uuid.UUID) -> int:
    digest = hashlib.blake2b(f"{model.__name__}:{key}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


async def serialize(session: AsyncSession, model: type[Base], key: uuid.UUID) -> None:
    """Wait for, then hold until the end of this transaction, the right to replace the rows
    of `model` that belong to `key`."""
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(select(func.pg_advisory_xact_lock(_advisory_key(model, key))))
    else:
        await session.execute(delete(model).where(false()))
