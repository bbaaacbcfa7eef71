"""Vendor catalogue, availability, quote requests and contracts.

Catalogue ownership — a shared catalogue plus per-organisation overlays: a vendor row with
`org_id` NULL belongs to the shared catalogue (the demo catalogue, or a marketplace feed) and
is readable by every organisation; a row with an `org_id` is that organisation's own vendor
(imported from its CSV/XLSX) and is invisible to everyone else. This keeps one copy of the big
catalogue instead of 5,000 rows per tenant, while an agency's private contractors stay private.

Availability is a property of the vendor, not of a tenant: a restaurant booked by one agency
on 20 December is busy for everybody. So `vendor_bookings` has one row per (vendor, date),
enforced by a unique constraint — two concurrent holds on the same vendor and date cannot
both commit, whichever organisation placed them. Another tenant only ever learns "busy".

The vendors an organiser chose for an event (`vendor_selections`) are the organisation's
own decision, like its contracts: strictly private.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from eventmaestro.kit.db import Model, OrgScopedMixin

MONEY = Numeric(14, 2, asdecimal=True)


class Vendor(Model):
    __tablename__ = "vendors"
    __table_args__ = (
        Index("ix_vendors_category_city", "category", "city_geoname_id"),
        Index("ix_vendors_org_id", "org_id"),
    )

    # NULL: the shared catalogue, visible to every organisation (see module docstring).
    org_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), default=None
    )
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(40))
    subcategories: Mapped[list[str]] = mapped_column(JSON, default=list)
    city_geoname_id: Mapped[int] = mapped_column(Integer)
    city_name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(500), default=None)
    capacity_seated: Mapped[int | None] = mapped_column(Integer, default=None)
    capacity_standing: Mapped[int | None] = mapped_column(Integer, default=None)
    price_model: Mapped[str] = mapped_column(String(20))
    price_amount: Mapped[Decimal] = mapped_column(MONEY)
    min_order: Mapped[Decimal] = mapped_column(MONEY, default=Decimal(0))
    vat_status: Mapped[str] = mapped_column(String(20))
    rating: Mapped[Decimal] = mapped_column(Numeric(3, 2, asdecimal=True), default=Decimal(0))
    review_count: Mapped[int] = mapped_column(Integer, default=0)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    response_hours: Mapped[int] = mapped_column(Integer, default=24)
    prepayment_percent: Mapped[int] = mapped_column(Integer, default=0)
    cancellation_terms: Mapped[str] = mapped_column(Text, default="")
    contacts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    description_ru: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    # Name, subcategories, tags and both descriptions in one string: what full text indexes.
    document_text: Mapped[str] = mapped_column(Text, default="")


class VendorBooking(Model):
    """A busy day of a vendor: `booked` (known from the catalogue or a signed contract) or a
    `hold` placed by an organisation while it negotiates. One row per vendor and date."""

    __tablename__ = "vendor_bookings"
    __table_args__ = (
        UniqueConstraint("vendor_id", "date"),
        Index("ix_vendor_bookings_date", "date"),
    )

    vendor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("vendors.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(10))
    # The organisation holding the date; NULL for busy days that came with the catalogue.
    org_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), default=None, index=True
    )
    event_id: Mapped[uuid.UUID | None] = mapped_column(default=None)
    expires_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class QuoteRequest(OrgScopedMixin, Model):
    __tablename__ = "vendor_quote_requests"

    vendor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("vendors.id", ondelete="CASCADE"))
    event_id: Mapped[uuid.UUID | None] = mapped_column(default=None)
    requirements: Mapped[str] = mapped_column(Text)
    deadline: Mapped[dt.date | None] = mapped_column(Date, default=None)
    message: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    # The catalogue price for the request, kept to compare the vendor's answer against.
    estimate_amount: Mapped[Decimal] = mapped_column(MONEY)
    quoted_amount: Mapped[Decimal | None] = mapped_column(MONEY, default=None)
    answer_note: Mapped[str | None] = mapped_column(Text, default=None)


class Contract(OrgScopedMixin, Model):
    __tablename__ = "vendor_contracts"

    vendor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("vendors.id", ondelete="CASCADE"))
    event_id: Mapped[uuid.UUID | None] = mapped_column(default=None)
    event_date: Mapped[dt.date] = mapped_column(Date)
    client_name: Mapped[str] = mapped_column(String(200))
    scope: Mapped[str] = mapped_column(Text)
    amount: Mapped[Decimal] = mapped_column(MONEY)
    vat_amount: Mapped[Decimal] = mapped_column(MONEY)
    total_amount: Mapped[Decimal] = mapped_column(MONEY)
    payment_schedule: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    cancellation_terms: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    # Who did what and when: [{"action": "signed", "by": "<user id>", "at": "..."}].
    audit: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)


class SelectedVendor(OrgScopedMixin, Model):
    """The organiser's choice for one category of an event: which vendor, at what agreed
    price before VAT. What the optimiser proposed is a suggestion; this is the decision, and
    the event's contracts start from it. One vendor per category of an event."""

    __tablename__ = "vendor_selections"
    __table_args__ = (UniqueConstraint("org_id", "event_id", "category"),)

    event_id: Mapped[uuid.UUID] = mapped_column()
    category: Mapped[str] = mapped_column(String(40))
    vendor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("vendors.id", ondelete="CASCADE"))
    price_amount: Mapped[Decimal] = mapped_column(MONEY)
    note: Mapped[str | None] = mapped_column(Text, default=None)
