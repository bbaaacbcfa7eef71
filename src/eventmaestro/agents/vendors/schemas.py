"""Vendor I/O: catalogue entries, search, selection, comparison, holds, quotes, contracts."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from eventmaestro.agents.vendors.pricing import PriceModel, VatStatus
from eventmaestro.agents.vendors.taxonomy import Category
from eventmaestro.kit.money import Money
from eventmaestro.kit.types import LongText, Name, ShortText

GeoNameId = Annotated[int, Field(ge=1, le=2_147_483_647)]
Guests = Annotated[int, Field(ge=1, le=100_000)]
Tag = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[\w\- ]+$")]


class Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


class VendorOut(BaseModel):
    id: uuid.UUID
    shared: bool = Field(description="From the shared catalogue (true) or the organisation's own")
    name: str
    category: Category
    subcategories: list[str]
    city_geoname_id: int
    city_name: str
    address: str | None
    capacity_seated: int | None
    capacity_standing: int | None
    price_model: PriceModel
    price: Money = Field(description="Unit price for the price model")
    min_order: Money | None
    vat_status: VatStatus
    rating: Decimal
    review_count: int
    tags: list[str]
    languages: list[str]
    response_hours: int
    prepayment_percent: int
    cancellation_terms: str
    contacts: dict[str, Any]
    description_ru: str
    description_en: str


class SearchHit(BaseModel):
    vendor: VendorOut
    score: float = Field(description="Ranking score, see the search documentation")
    event_price: Money = Field(description="VAT-inclusive price for this event's guests")


class SearchResult(BaseModel):
    items: list[SearchHit]
    total: int
    limit: int
    offset: int
    guests: int | None = Field(description="Guests used for capacity and price (from query)")
    facets: dict[str, dict[str, int]]


class SelectRequest(Input):
    """An event and what it needs. Budget caps per category usually come from Finance."""

    city_geoname_id: GeoNameId
    # The optimiser looks weeks either side for a free date; a calendar's edge has no sides.
    date: Annotated[dt.date, Field(ge=dt.date(2000, 1, 1), le=dt.date(2999, 12, 31))]
    guests: Guests
    hours: Annotated[int, Field(ge=1, le=72)] = 5
    categories: Annotated[list[Category], Field(min_length=1, max_length=6)]
    budget: Money | None = None
    category_caps: dict[Category, Money] = Field(default_factory=dict)
    required_tags: dict[Category, list[Tag]] = Field(default_factory=dict)
    preferred_tags: Annotated[list[Tag], Field(max_length=20)] = Field(default_factory=list)
    excluded_vendor_ids: Annotated[list[uuid.UUID], Field(max_length=500)] = Field(
        default_factory=list
    )
    event_id: uuid.UUID | None = None

    @model_validator(mode="after")
    def _distinct(self) -> SelectRequest:
        if len(set(self.categories)) != len(self.categories):
            raise ValueError("categories must not repeat")
        return self


class ChosenVendor(BaseModel):
    vendor_id: uuid.UUID
    name: str
    price: Money
    quality: float


class CategoryPick(BaseModel):
    category: Category
    vendor: ChosenVendor
    alternatives: list[ChosenVendor]
    eligible: int


class RelaxationOut(BaseModel):
    kind: str
    category: str | None
    value: str
    description: str
    total: Money


class ConflictOut(BaseModel):
    category: str | None
    constraint: str
    detail: str


class SelectResult(BaseModel):
    feasible: bool
    picks: list[CategoryPick]
    total: Money | None
    explanation: list[str]
    conflicts: list[ConflictOut]
    relaxations: list[RelaxationOut]
    funnel: dict[str, dict[str, int]]


class ComparisonRow(BaseModel):
    vendor_id: uuid.UUID
    name: str
    category: str
    event_price: Money
    price_per_guest: Money
    rating: Decimal
    review_count: int
    capacity_fit: float | None = Field(description="guests / seated capacity, venues only")
    prepayment_percent: int
    response_hours: int
    cancellation_terms: str
    normalised: dict[str, float] = Field(description="0..1, higher is better")


class ComparisonResult(BaseModel):
    guests: int
    rows: list[ComparisonRow]
    summary: str


class HoldRequest(Input):
    date: dt.date
    event_id: uuid.UUID | None = None
    hours: Annotated[int, Field(ge=1, le=24 * 14)] = 72


class HoldOut(BaseModel):
    vendor_id: uuid.UUID
    date: dt.date
    kind: str
    expires_at: dt.datetime | None


class QuoteRequestIn(Input):
    event_id: uuid.UUID | None = None
    date: dt.date
    guests: Guests
    requirements: LongText
    deadline: dt.date | None = None


class QuoteRequestOut(BaseModel):
    id: uuid.UUID
    vendor_id: uuid.UUID
    event_id: uuid.UUID | None
    requirements: str
    deadline: dt.date | None
    message: str
    status: str
    estimate: Money
    quoted: Money | None = None
    answer_note: str | None = None
    vs_estimate_percent: float | None = Field(
        default=None, description="How far the answer is from the catalogue estimate"
    )


class QuoteAnswer(Input):
    """The vendor's answer, as the organiser received it."""

    amount: Money
    note: ShortText | None = None


class ContractStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    SIGNED = "signed"
    CANCELLED = "cancelled"


class ContractCounts(BaseModel):
    """An event's contracts by status."""

    # Defaults make the empty summary; every answer carries every field.
    model_config = ConfigDict(json_schema_serialization_defaults_required=True)

    draft: int = 0
    sent: int = 0
    signed: int = 0
    cancelled: int = 0


class ContractCreate(Input):
    vendor_id: uuid.UUID
    event_id: uuid.UUID | None = None
    event_date: dt.date
    guests: Guests
    hours: Annotated[int, Field(ge=1, le=72)] = 5
    scope: LongText
    client_name: Name
    amount: Money | None = Field(
        default=None, description="Agreed price before VAT; by default the catalogue price"
    )


class ContractTransition(Input):
    note: ShortText | None = None


class ContractOut(BaseModel):
    id: uuid.UUID
    vendor_id: uuid.UUID
    event_id: uuid.UUID | None
    event_date: dt.date
    client_name: str
    scope: str
    amount: Money
    vat: Money | None = Field(description="None when the vendor is VAT-exempt")
    total: Money
    payment_schedule: list[dict[str, Any]]
    cancellation_terms: str
    status: ContractStatus
    audit: list[dict[str, Any]]
