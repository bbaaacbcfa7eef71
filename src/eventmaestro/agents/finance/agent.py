"""The Finance agent's skills: each turns a task into one service call.

Inputs are self-contained (the event fields an estimate needs travel with the task), so
Maestro can run finance in parallel with planning and hand the category allocation on to
the Vendor agent as its budget caps.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from eventmaestro.agents.base import Agent, RunContext, SkillOutcome
from eventmaestro.agents.finance.analysis import pricing, roi_analysis
from eventmaestro.agents.finance.estimating import EstimateRequest, estimate, require_roubles
from eventmaestro.agents.finance.reference import CityTier, Scenario
from eventmaestro.agents.finance.schemas import (
    BudgetStatusOut,
    EstimateOut,
    ExpenseCreate,
    ExpenseOut,
    ForecastOut,
    ForecastRequest,
    Guests,
    PricingOut,
    PricingRequest,
    RoiOut,
    RoiRequest,
    Terms,
)
from eventmaestro.agents.finance.service import FinanceService
from eventmaestro.events.schemas import EventFormat, EventType
from eventmaestro.kit.auth import Principal
from eventmaestro.kit.errors import ConflictError
from eventmaestro.kit.money import Money, format_rub
from eventmaestro.kit.types import IsoDate, Name

agent = Agent("finance", "Budgets, expenses, ROI, ticket pricing and forecasts, computed exactly")


def _principal(ctx: RunContext) -> Principal:
    """The task acts for the user who asked, inside their organisation only."""
    return Principal(
        org_id=ctx.context.org_id, role="integration", kind="user", user_id=ctx.context.user_id
    )


def _rub(amount: Decimal) -> str:
    return format_rub(amount)


class EstimateSkillIn(Terms):
    event_type: EventType = EventType.OTHER
    format: EventFormat = EventFormat.OFFLINE
    guests: Guests
    city: Name | None = None
    city_tier: CityTier | None = None
    hours: int | None = Field(default=None, ge=1, le=24)
    days: int | None = Field(default=None, ge=1, le=60)
    target: Money | None = None
    scenario: Scenario = Scenario.STANDARD
    date: IsoDate | None = Field(default=None, description="The event's day: sets the VAT rate")
    event_id: uuid.UUID | None = Field(
        default=None, description="Save the estimate as this event's budget (if it has none)"
    )


@agent.skill("estimate_budget", input=EstimateSkillIn, output=EstimateOut)
async def estimate_budget(ctx: RunContext, data: EstimateSkillIn) -> SkillOutcome[EstimateOut]:
    """Estimate by category from the 2026 reference; `allocation` gives each category's cap."""
    target = require_roubles(data.target, "The target budget") if data.target else None
    out, chosen = estimate(
        EstimateRequest(
            event_type=data.event_type.value,
            event_format=data.format.value,
            guests=data.guests,
            city=data.city,
            city_tier=data.city_tier,
            hours=data.hours,
            days=data.days,
            target=target,
            scenario=data.scenario,
            terms=data,
            date=data.date,
        )
    )
    ru = ctx.context.locale == "ru"
    summary = (
        f"Смета: {_rub(out.totals.total)} с НДС {out.totals.vat_rate_percent} %"
        if ru
        else f"Estimate: {_rub(out.totals.total)} incl. {out.totals.vat_rate_percent} % VAT"
    )
    warnings = [out.fit.explanation] if out.fit and not out.fit.fits else []
    if data.event_id is not None:
        try:
            await FinanceService(ctx.session).save_estimate(
                _principal(ctx), data.event_id, out, chosen
            )
        except ConflictError as error:
            warnings.append(f"Not saved: {error.detail}")
    return SkillOutcome(out, summary=summary, warnings=warnings)


class TrackExpenseIn(ExpenseCreate):
    event_id: uuid.UUID


class TrackExpenseOut(BaseModel):
    expense: ExpenseOut
    status: BudgetStatusOut | None = None


@agent.skill("track_expense", input=TrackExpenseIn, output=TrackExpenseOut)
async def track_expense(ctx: RunContext, data: TrackExpenseIn) -> SkillOutcome[TrackExpenseOut]:
    """Record an expense against the event and report what is left."""
    service = FinanceService(ctx.session)
    principal = _principal(ctx)
    expense = await service.add_expense(
        principal,
        data.event_id,
        ExpenseCreate.model_validate(data.model_dump(exclude={"event_id"})),
    )
    has_budget = await service.repo.budget(principal.org_id, data.event_id) is not None
    status = await service.budget_status(principal, data.event_id) if has_budget else None
    summary = f"+{_rub(expense.amount.amount)} · {expense.category}"
    if status is not None:
        left = "осталось" if ctx.context.locale == "ru" else "left"
        summary += f"; {left} {_rub(status.remaining)}"
    return SkillOutcome(TrackExpenseOut(expense=expense, status=status), summary=summary)


class BudgetStatusIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    event_id: uuid.UUID


class EventBudgetStatus(BaseModel):
    status: BudgetStatusOut | None = Field(
        description="Plan vs actual; None while the event has no stored estimate"
    )


@agent.skill("budget_status", input=BudgetStatusIn, output=EventBudgetStatus)
async def budget_status(ctx: RunContext, data: BudgetStatusIn) -> SkillOutcome[EventBudgetStatus]:
    """Plan vs actual and what is left. An event without an estimate is an answer («there is
    no estimate yet»), not a failure: the question was reasonable."""
    service = FinanceService(ctx.session)
    principal = _principal(ctx)
    await service.events.get(principal, data.event_id)
    has_budget = await service.repo.budget(principal.org_id, data.event_id) is not None
    status = await service.budget_status(principal, data.event_id) if has_budget else None
    ru = ctx.context.locale == "ru"
    if status is None:
        summary = "Сметы ещё нет." if ru else "No estimate yet."
    else:
        summary = f"{'осталось' if ru else 'left'} {_rub(status.remaining)}"
    return SkillOutcome(EventBudgetStatus(status=status), summary=summary)


class RoiSkillIn(RoiRequest):
    model_config = ConfigDict(extra="forbid")

    costs: Money


@agent.skill("roi", input=RoiSkillIn, output=RoiOut)
async def roi(ctx: RunContext, data: RoiSkillIn) -> SkillOutcome[RoiOut]:
    """Profit, ROI, margin and break-even; business-value ROI for corporate events."""
    out = roi_analysis(data, require_roubles(data.costs, "Costs"), data.attendees)
    return SkillOutcome(out, summary=out.formula)


@agent.skill("optimize_pricing", input=PricingRequest, output=PricingOut)
async def optimize_pricing(ctx: RunContext, data: PricingRequest) -> SkillOutcome[PricingOut]:
    """Profit-maximising ticket price under a demand model, with a sensitivity table."""
    out = pricing(data)
    return SkillOutcome(out, summary=f"{_rub(out.optimum.price)} → {_rub(out.optimum.profit)}")


@agent.skill("forecast", input=ForecastRequest, output=ForecastOut)
async def forecast(ctx: RunContext, data: ForecastRequest) -> SkillOutcome[ForecastOut]:
    """Estimate at completion with a risk range, from the stored budget and expenses."""
    out = await FinanceService(ctx.session).forecast(_principal(ctx), data)
    return SkillOutcome(
        out, summary=f"{_rub(out.at_completion)} ({_rub(out.low)} … {_rub(out.high)})"
    )
