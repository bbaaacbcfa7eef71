"""The Vendor agent: turns tasks into vendor service calls. Inputs are self-contained (the
event's city, date and guests travel in the task); `vendors.select` takes Finance's
per-category allocation as `category_caps`."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from eventmaestro.agents.base import Agent, ResultStatus, RunContext, SkillOutcome
from eventmaestro.agents.vendors.explain import rubles
from eventmaestro.agents.vendors.repository import SearchFilters
from eventmaestro.agents.vendors.schemas import (
    ComparisonResult,
    ContractCreate,
    ContractOut,
    GeoNameId,
    Guests,
    QuoteRequestIn,
    QuoteRequestOut,
    SearchResult,
    SelectRequest,
    SelectResult,
    Tag,
)
from eventmaestro.agents.vendors.service import VendorsService
from eventmaestro.agents.vendors.taxonomy import Category
from eventmaestro.kit.auth import Principal
from eventmaestro.kit.errors import PermissionDeniedError
from eventmaestro.kit.types import SearchText

agent = Agent("vendors", "Finds, compares and selects vendors; requests quotes; drafts contracts")


class SearchInput(BaseModel):
    model_config = ConfigDict(extra="forbid")

    q: SearchText | None = None
    categories: list[Category] = Field(default_factory=list)
    city_geoname_id: GeoNameId | None = None
    guests: Guests | None = None
    date: dt.date | None = None
    budget: Annotated[Decimal, Field(gt=0, max_digits=14, decimal_places=2)] | None = None
    rating_min: Annotated[Decimal, Field(ge=0, le=5)] | None = None
    tags: Annotated[list[Tag], Field(max_length=10)] = Field(default_factory=list)
    limit: Annotated[int, Field(ge=1, le=50)] = 10


class CompareInput(BaseModel):
    model_config = ConfigDict(extra="forbid")

    vendor_ids: Annotated[list[uuid.UUID], Field(min_length=1, max_length=10)]
    guests: Guests


class QuoteInput(QuoteRequestIn):
    vendor_id: uuid.UUID


def _acting_user(ctx: RunContext) -> Principal:
    """Writes are done on behalf of the user who asked; the audit trail names them."""
    if ctx.context.user_id is None:
        raise PermissionDeniedError("This skill acts on behalf of a user; none is given")
    return Principal(
        org_id=ctx.context.org_id, role="manager", kind="user", user_id=ctx.context.user_id
    )


@agent.skill("search", input=SearchInput, output=SearchResult)
async def search(ctx: RunContext, data: SearchInput) -> SkillOutcome[SearchResult]:
    """Full-text vendor search with filters."""
    filters = SearchFilters(
        categories=tuple(c.value for c in data.categories),
        city_geoname_id=data.city_geoname_id,
        guests=data.guests,
        free_on=data.date,
        budget=data.budget,
        rating_min=data.rating_min,
        tags=tuple(data.tags),
        now=ctx.context.now,
    )
    result = await VendorsService(ctx.session).search(
        ctx.context.org_id, data.q, filters, limit=data.limit, offset=0
    )
    summary = (
        f"Найдено подрядчиков: {result.total}"
        if ctx.context.locale == "ru"
        else f"{result.total} vendors found"
    )
    return SkillOutcome(result, summary=summary)


@agent.skill("compare", input=CompareInput, output=ComparisonResult)
async def compare(ctx: RunContext, data: CompareInput) -> SkillOutcome[ComparisonResult]:
    """Side-by-side comparison with normalised metrics."""
    principal = Principal(org_id=ctx.context.org_id, role="analyst", kind="user")
    result = await VendorsService(ctx.session).compare(
        principal, data.vendor_ids, data.guests, ctx.context.locale
    )
    return SkillOutcome(result, summary=result.summary)


@agent.skill("select", input=SelectRequest, output=SelectResult)
async def select(ctx: RunContext, data: SelectRequest) -> SkillOutcome[SelectResult]:
    """One vendor per category within budget and caps, or why not and what to relax."""
    principal = Principal(org_id=ctx.context.org_id, role="manager", kind="user")
    result = await VendorsService(ctx.session).select(
        principal, data, now=ctx.context.now, locale=ctx.context.locale
    )
    ru = ctx.context.locale == "ru"
    if result.feasible and result.total is not None:
        total = rubles(result.total.amount)
        return SkillOutcome(
            result, summary=f"Подобрано подрядчиков на {total}" if ru else f"Selected for {total}"
        )
    return SkillOutcome(
        result,
        summary="Подходящего набора нет" if ru else "No selection meets every constraint",
        warnings=[r.description for r in result.relaxations],
        status=ResultStatus.PARTIAL,
    )


@agent.skill("request_quote", input=QuoteInput, output=QuoteRequestOut)
async def request_quote(ctx: RunContext, data: QuoteInput) -> SkillOutcome[QuoteRequestOut]:
    """Record a quote request and draft the message."""
    body = QuoteRequestIn.model_validate(data.model_dump(exclude={"vendor_id"}))
    result = await VendorsService(ctx.session).request_quote(
        _acting_user(ctx), data.vendor_id, body, ctx.context.locale
    )
    return SkillOutcome(result, summary=result.message.splitlines()[0])


@agent.skill("contract", input=ContractCreate, output=ContractOut)
async def contract(ctx: RunContext, data: ContractCreate) -> SkillOutcome[ContractOut]:
    """Draft a contract with VAT and payment schedule."""
    result = await VendorsService(ctx.session).create_contract(
        _acting_user(ctx), data, now=ctx.context.now
    )
    total = rubles(result.total.amount)
    return SkillOutcome(
        result,
        summary=f"Черновик договора на {total}"
        if ctx.context.locale == "ru"
        else f"Draft contract for {total}",
    )
