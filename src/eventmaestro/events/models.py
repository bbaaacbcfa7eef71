"""The Event aggregate: the one record every agent reads and enriches."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import Date, Index, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from eventmaestro.kit.db import Model, OrgScopedMixin


class Event(OrgScopedMixin, Model):
    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_org_date", "org_id", "date"),
        Index("ix_events_org_status", "org_id", "status"),
    )

    name: Mapped[str] = mapped_column(String(200))
    event_type: Mapped[str] = mapped_column(String(40))
    date: Mapped[dt.date | None] = mapped_column(Date)
    date_end: Mapped[dt.date | None] = mapped_column(Date)
    timezone: Mapped[str] = mapped_column(String(64))
    city_name: Mapped[str | None] = mapped_column(String(200))
    city_geoname_id: Mapped[int | None] = mapped_column(Integer)
    venue: Mapped[str | None] = mapped_column(String(500))
    guests_count: Mapped[int | None] = mapped_column(Integer)
    budget_amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 2, asdecimal=True))
    budget_currency: Mapped[str | None] = mapped_column(String(3))
    format: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    client: Mapped[str | None] = mapped_column(String(500))
    notes: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(default=None)
    archived_at: Mapped[dt.datetime | None] = mapped_column(default=None)
