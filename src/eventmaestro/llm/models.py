"""The usage ledger: one row per gateway call, per organisation."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Boolean, Float, Index, Integer, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from eventmaestro.kit.db import Model, OrgScopedMixin


class LLMUsage(OrgScopedMixin, Model):
    __tablename__ = "llm_usage"
    __table_args__ = (Index("ix_llm_usage_org_created", "org_id", "created_at"),)

    task: Mapped[str] = mapped_column(String(16))
    provider: Mapped[str] = mapped_column(String(32))
    model: Mapped[str] = mapped_column(String(128))
    prompt_tokens: Mapped[int] = mapped_column(Integer)
    completion_tokens: Mapped[int] = mapped_column(Integer)
    latency_ms: Mapped[float] = mapped_column(Float)
    outcome: Mapped[str] = mapped_column(String(16))
    fallback: Mapped[bool] = mapped_column(Boolean)
    # Six places: a thousand-token price in roubles divided per token stays exact.
    cost_rub: Mapped[Decimal] = mapped_column(Numeric(18, 6))
