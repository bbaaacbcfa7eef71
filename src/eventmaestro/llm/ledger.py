"""What the gateway reports about each call, and the sink that books it.

The gateway does not know about databases: it hands a `CallRecord` to a `UsageSink` (the
usage service in production, nothing in benchmarks) and asks it whether an organisation is
within its monthly limits before spending anything.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from eventmaestro.llm.config import Price
from eventmaestro.llm.contracts import TaskKind, Usage

_PER = Decimal(1000)


def cost_roubles(usage: Usage, price: Price) -> Decimal:
    """Exact: Decimal arithmetic, not rounded here (the ledger keeps 6 places)."""
    return (usage.prompt_tokens * price.input + usage.completion_tokens * price.output) / _PER


@dataclass(frozen=True)
class CallRecord:
    org_id: uuid.UUID | None
    task: TaskKind
    provider: str
    model: str
    prompt_tokens: int
    completion_tokens: int
    latency_ms: float
    outcome: str  # ok | cached | failed
    fallback: bool
    cost_rub: Decimal


class UsageSink(Protocol):
    async def check_limits(self, org_id: uuid.UUID) -> None:
        """Raise LLMLimitExceededError when the organisation has spent its month."""

    async def record(self, record: CallRecord) -> None: ...
