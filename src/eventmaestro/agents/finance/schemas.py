"""Finance API and skill I/O. Amounts travel as decimal strings ("1010000.00"), never floats."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from eventmaestro.agents.finance.reference import CityTier, Scenario
from eventmaestro.agents.finance.variance import VarianceStatus
from eventmaestro.kit.money import Money
from eventmaestro.kit.types import CleanStr, IsoDate, Name, ShortText

Category = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, to_lower=True, min_length=1, max_length=60, pattern=r"^[\w\- ]+$"
    ),
]
MAX_AMOUNT = Decimal("999999999999.99")
# Sized to the NUMERIC columns, so an oversized number is a 422 here, not a database error.
Quantity = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=3, allow_inf_nan=False)]
Label = Annotated[CleanStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
DocumentNumber = Annotated[CleanStr, StringConstraints(strip_whitespace=True, max_length=100)]
Price = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=2, allow_inf_nan=False)]


def _hundredths(value: Decimal) -> Decimal:
    """One representation per rate, so a stored 22.00 reads back as the 22 that was sent."""
    return value.quantize(Decimal("0.01"))


Percent = Annotated[
    Decimal, Field(ge=0, le=100, max_digits=5, decimal_places=2), AfterValidator(_hundredths)
]
Guests = Annotated[int, Field(ge=1, le=1_000_000)]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Terms(_In):
    vat_rate_percent: Percent | None = Field(
        default=None,
        description="By default the rate for the event's date: 22 % from 2026, 20 % before",
    )
    prices_include_vat: bool = Field(
        default=False, description="Whether unit prices already include VAT"
    )
    contingency_percent: Annotated[
        Decimal, Field(ge=0, le=50, decimal_places=2), AfterValidator(_hundredths)
    ] = Decimal("10.00")


class BudgetCreate(Terms):
    scenario: Scenario = Scenario.STANDARD
    target: Money | None = Field(
        default=None, description="Fit under this amount; defaults to the event's budget"
    )
    fit_to_target: bool = True
    guests: Guests | None = Field(default=None, description="Defaults to the event's guests")
    hours: Annotated[int, Field(ge=1, le=24)] | None = None
    days: Annotated[int, Field(ge=1, le=60)] | None = None
    city_tier: CityTier | None = Field(default=None, description="Defaults from the event city")


class LineIn(_In):
    category: Category
    description: ShortText = ""
    quantity: Quantity
    unit: Label
    unit_price: Price
    optional: bool = False

    @model_validator(mode="after")
    def _amount_fits(self) -> LineIn:
        if self.quantity * self.unit_price > MAX_AMOUNT:
            raise ValueError(f"quantity × unit_price must not exceed {MAX_AMOUNT}")
        return self


class BudgetUpdate(Terms):
    lines: list[LineIn] = Field(max_length=500)


class LineOut(BaseModel):
    category: str
    description: str
    quantity: Decimal
    unit: str
    unit_price: Decimal
    amount: Decimal
    optional: bool


class CategoryAllocation(BaseModel):
    """A category's share of the budget: the cap a vendor search must respect."""

    category: str
    amount: Decimal
    with_vat: Decimal
    share_percent: Decimal


class Totals(BaseModel):
    currency: Literal["RUB"] = "RUB"
    subtotal: Decimal
    contingency_percent: Decimal
    contingency: Decimal
    net: Decimal
    vat_rate_percent: Decimal
    vat: Decimal
    total: Decimal
    prices_include_vat: bool


class EstimateDrivers(BaseModel):
    event_type: str
    format: str
    guests: int
    hours: int
    days: int
    city_tier: CityTier


class FitOut(BaseModel):
    target: Decimal
    fits: bool
    level: Decimal
    dropped: list[str]
    shortfall: Decimal
    shortfall_drivers: list[LineOut]
    explanation: str


class EstimateOut(BaseModel):
    reference_version: str
    scenario: str
    drivers: EstimateDrivers
    lines: list[LineOut]
    totals: Totals
    allocation: list[CategoryAllocation]
    scenarios: dict[str, Decimal] = Field(description="Total with VAT for each scenario")
    fit: FitOut | None = None
    assumptions: list[str]


class BudgetOut(EstimateOut):
    id: uuid.UUID
    event_id: uuid.UUID
    updated_at: dt.datetime


class ExpenseCreate(_In):
    category: Category
    amount: Money
    date: IsoDate
    vendor: ShortText | None = None
    document_number: DocumentNumber | None = None
    description: ShortText | None = None
    paid: bool = False


class ExpenseOut(BaseModel):
    id: uuid.UUID
    event_id: uuid.UUID
    category: str
    amount: Money
    date: dt.date
    vendor: str | None
    document_number: str | None
    description: str | None
    paid: bool
    created_at: dt.datetime


class CategoryStatus(BaseModel):
    category: str
    plan: Decimal
    actual: Decimal
    paid: Decimal
    variance: Decimal
    variance_percent: Decimal
    status: VarianceStatus


class BudgetStatusOut(BaseModel):
    event_id: uuid.UUID
    currency: Literal["RUB"] = "RUB"
    plan: Decimal
    actual: Decimal
    paid: Decimal
    unpaid: Decimal
    remaining: Decimal
    variance: Decimal
    variance_percent: Decimal
    status: VarianceStatus
    categories: list[CategoryStatus]


class MoneySummary(BaseModel):
    """An event's money at a glance: the totals of its budget status, or zeros without one."""

    # Defaults make the empty summary; every answer carries every field.
    model_config = ConfigDict(json_schema_serialization_defaults_required=True)

    has_budget: bool
    currency: Literal["RUB"] = "RUB"
    plan: Decimal = Field(Decimal("0.00"), description="The estimate's total with VAT")
    actual: Decimal = Field(Decimal("0.00"), description="Every expense recorded")
    paid: Decimal = Decimal("0.00")
    remaining: Decimal = Field(Decimal("0.00"), description="plan − actual; 0 without a budget")
    used_percent: Decimal = Field(Decimal("0.0"), description="actual as a share of plan")
    overspent: bool = Field(False, description="More spent than planned")


class TierIn(_In):
    name: Name
    price: Price
    attendance: Annotated[int, Field(ge=0, le=10_000_000)]


class StreamKind(StrEnum):
    SPONSORSHIP = "sponsorship"
    PARTNERS = "partners"
    MERCHANDISE = "merchandise"
    OTHER = "other"


class StreamIn(_In):
    kind: StreamKind
    amount: Price


class BusinessValueIn(_In):
    leads: Annotated[int, Field(ge=0, le=10_000_000)]
    conversion_percent: Percent
    average_deal: Price


class RoiRequest(_In):
    costs: Money | None = Field(
        default=None, description="Defaults to the event's budget estimate, then its budget"
    )
    cost_per_attendee: Price = Decimal(0)
    tiers: list[TierIn] = Field(default_factory=list, max_length=20)
    other_revenue: list[StreamIn] = Field(default_factory=list, max_length=50)
    capacity: Guests | None = None
    business_value: BusinessValueIn | None = None
    attendees: Guests | None = Field(default=None, description="Defaults to the event's guests")


class RoiOut(BaseModel):
    mode: Literal["tickets", "business_value"]
    currency: Literal["RUB"] = "RUB"
    costs: Decimal
    revenue: Decimal
    profit: Decimal
    roi_percent: Decimal
    margin_percent: Decimal | None = None
    attendance: int
    cost_per_attendee: Decimal | None = None
    revenue_by_stream: dict[str, Decimal] = Field(default_factory=dict)
    break_even_attendance: int | None = None
    break_even_price: Decimal | None = None
    formula: str


class SaleIn(_In):
    price: Annotated[Decimal, Field(gt=0, max_digits=14, decimal_places=2)]
    sold: Annotated[Decimal, Field(gt=0, max_digits=12, decimal_places=2)]


class PricingRequest(_In):
    model: Literal["linear", "elastic"] = "elastic"
    event_type: CleanStr | None = Field(default=None, max_length=40)
    intercept: Annotated[Decimal, Field(gt=0, max_digits=16)] | None = None
    slope: Annotated[Decimal, Field(gt=0, max_digits=16)] | None = None
    elasticity: Annotated[Decimal, Field(gt=0, le=20, max_digits=8)] | None = None
    anchor_price: Annotated[Decimal, Field(gt=0, max_digits=14, decimal_places=2)] | None = None
    anchor_attendance: Annotated[Decimal, Field(gt=0, max_digits=12)] | None = None
    sales: list[SaleIn] = Field(default_factory=list, max_length=1000)
    capacity: Guests
    fixed_costs: Price
    cost_per_attendee: Price = Decimal(0)
    max_price: Annotated[Decimal, Field(gt=0, max_digits=14, decimal_places=2)] | None = None


class PricePointOut(BaseModel):
    price: Decimal
    attendance: Decimal
    revenue: Decimal
    profit: Decimal


class TierOut(BaseModel):
    name: str
    price: Decimal
    seats: int


class PricingOut(BaseModel):
    currency: Literal["RUB"] = "RUB"
    model: Literal["linear", "elastic"]
    parameters: dict[str, Decimal]
    optimum: PricePointOut
    exact_price: Decimal
    capacity_binds: bool
    capped: bool
    sensitivity: list[PricePointOut]
    tiers: list[TierOut] = Field(
        description="Suggested early-bird / standard / late tiers (a convention around the "
        "optimum: −20 % for the first 20 % of seats, +15 % for the last 10 %)"
    )
    explanation: str


class ForecastRequest(_In):
    event_id: uuid.UUID
    closed_categories: list[Category] = Field(default_factory=list, max_length=100)
    upside_percent: Percent = Decimal("15.00")
    downside_percent: Percent = Decimal("5.00")


class CategoryForecastOut(BaseModel):
    category: str
    plan: Decimal
    actual: Decimal
    committed: Decimal
    remaining: Decimal
    at_completion: Decimal


class ForecastOut(BaseModel):
    event_id: uuid.UUID
    currency: Literal["RUB"] = "RUB"
    plan: Decimal
    actual: Decimal
    committed: Decimal
    remaining: Decimal
    at_completion: Decimal
    low: Decimal
    high: Decimal
    upside_percent: Decimal
    downside_percent: Decimal
    variance_at_completion: Decimal
    variance_percent: Decimal
    categories: list[CategoryForecastOut]
    method: str


class VendorTermsIn(_In):
    vendor: Name
    category: Category
    amount: Money
    deposit_percent: Percent = Decimal("50.00")
    deposit_days_before: Annotated[int, Field(ge=-365, le=730)] = 30
    balance_days_before: Annotated[int, Field(ge=-365, le=730)] = 3
    paid: Price = Decimal(0)
    signed_on: IsoDate | None = None


class PaymentScheduleRequest(_In):
    vendors: list[VendorTermsIn] = Field(min_length=1, max_length=200)
    period: Literal["week", "month"] = "month"


class PaymentTermsIn(_In):
    """The event's vendors' terms as a whole; a PUT replaces what was stored (an empty list
    clears it)."""

    vendors: list[VendorTermsIn] = Field(max_length=200)


class VendorTermsOut(BaseModel):
    vendor: str
    category: str
    amount: Money
    deposit_percent: Decimal
    deposit_days_before: int
    balance_days_before: int
    paid: Decimal
    signed_on: dt.date | None


class PaymentTermsOut(BaseModel):
    event_id: uuid.UUID
    vendors: list[VendorTermsOut]
    updated_at: dt.datetime | None = Field(description="When they were last saved; None: never")


class PaymentOut(BaseModel):
    vendor: str
    category: str
    kind: Literal["deposit", "balance"]
    due: dt.date
    amount: Decimal
    outstanding: Decimal
    overdue: bool


class CashFlowOut(BaseModel):
    period_start: dt.date
    amount: Decimal
    cumulative: Decimal


class PaymentScheduleOut(BaseModel):
    event_id: uuid.UUID
    event_date: dt.date
    today: dt.date
    currency: Literal["RUB"] = "RUB"
    total: Decimal
    outstanding: Decimal
    overdue_amount: Decimal
    payments: list[PaymentOut]
    cash_flow: list[CashFlowOut]
