"""Vendor I/O: catalogue entries, search, selection, comparison, holds, quotes, contracts."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from eventmaestro.agents.vendors.pricing import PriceModel, VatStatus
from eventmaestro.agents.vendors.selection import DATE_SEARCH_DAYS
from eventmaestro.agents.vendors.taxonomy import Category
from eventmaestro.kit.money import Money
from eventmaestro.kit.types import LongText, Name, ShortText

GeoNameId = Annotated[int, Field(ge=1, le=2_147_483_647)]
Guests = Annotated[int, Field(ge=1, le=100_000)]
Tag = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[\w\- ]+$")]
# The optimiser also tries the days around the event's date: they must exist in the calendar.
_MARGIN = dt.timedelta(days=DATE_SEARCH_DAYS)
SelectableDate = Annotated[dt.date, Field(ge=dt.date.min + _MARGIN, le=dt.date.max - _MARGIN)]


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
    date: SelectableDate
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


class PaymentStageOut(BaseModel):
    stage: Literal["prepayment", "final"]
    percent: int
    amount: Decimal = Field(description="VAT-inclusive; the stages add up to the total")
    due: dt.date
    days_before_event: int = Field(description="Negative when due after the event date")


class ContractOut(BaseModel):
    id: uuid.UUID
    vendor_id: uuid.UUID
    vendor_name: str
    category: Category
    event_id: uuid.UUID | None
    event_date: dt.date
    client_name: str
    scope: str
    amount: Money
    vat: Money | None = Field(description="None when the vendor is VAT-exempt")
    total: Money
    payment_schedule: list[PaymentStageOut]
    cancellation_terms: str
    status: ContractStatus
    signed_on: dt.date | None = Field(description="When it was signed (UTC), if it was")
    pdf_available: bool = Field(
        description="This server can produce the PDF (it has LibreOffice); the DOCX always"
    )
    audit: list[dict[str, Any]]


class SelectionItemIn(Input):
    category: Category
    vendor_id: uuid.UUID
    price: Money | None = Field(
        default=None,
        description="Agreed price before VAT, in roubles. Without it: the price already "
        "stored for this vendor and category, else the catalogue price for the event's guests",
    )
    note: ShortText | None = None


class SelectionIn(Input):
    """The whole set of chosen vendors; a PUT replaces what was stored."""

    items: Annotated[list[SelectionItemIn], Field(max_length=len(Category))]

    @model_validator(mode="after")
    def _one_per_category(self) -> SelectionIn:
        seen: set[str] = set()
        for item in self.items:
            if item.category in seen:
                raise ValueError(f"category {item.category} is chosen twice; one vendor each")
            seen.add(item.category)
        return self


class Availability(StrEnum):
    FREE = "free"
    HELD = "held"  # held by this organisation
    BOOKED = "booked"  # booked by this organisation (a signed contract)
    BUSY = "busy"  # booked or held by someone else
    UNKNOWN = "unknown"  # the event has no date yet


class ContractRef(BaseModel):
    id: uuid.UUID
    status: ContractStatus


class SelectionItemOut(BaseModel):
    category: Category
    vendor_id: uuid.UUID
    vendor_name: str
    vat_status: VatStatus
    price: Money = Field(description="Agreed price before VAT")
    vat: Money | None = Field(description="None when the vendor is VAT-exempt")
    total: Money
    note: str | None
    availability: Availability = Field(description="The vendor on the event's date")
    contract: ContractRef | None = Field(
        description="The latest contract with this vendor for the event, if any"
    )


class SelectionOut(BaseModel):
    event_id: uuid.UUID
    items: list[SelectionItemOut]
    net: Money | None = Field(description="Sum of agreed prices; None when nothing is chosen")
    vat: Money | None
    total: Money | None
    updated_at: dt.datetime | None
