"""Usage API schemas."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel


class UsageGrouping(StrEnum):
    DAY = "day"
    MODEL = "model"
    TASK = "task"


class UsageRow(BaseModel):
    key: str  # the day (YYYY-MM-DD), `provider:model`, or the task kind
    calls: int
    prompt_tokens: int
    completion_tokens: int
    fallbacks: int
    cost_rub: Decimal


class UsageReport(BaseModel):
    group_by: UsageGrouping
    rows: list[UsageRow]
    total: UsageRow
