"""Finance rules: estimates stored per event, expenses against them, ROI, pricing, forecast.

Services flush, never commit: the request boundary (or the agent runtime) owns the unit of
work, so a budget and the domain events it raises are committed together or not at all.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from eventmaestro.agents.finance import charts, exports
from eventmaestro.agents.finance import events as topics
from eventmaestro.agents.finance.arithmetic import ZERO, kopecks, percent
from eventmaestro.agents.finance.budgeting import Terms as CalcTerms
from eventmaestro.agents.finance.budgeting import estimate_at, fit, scenarios
from eventmaestro.agents.finance.estimate import Estimate, LineItem, VatPolicy, build_estimate
from eventmaestro.agents.finance.fitting import Fit
from eventmaestro.agents.finance.forecast import forecast
from eventmaestro.agents.finance.models import Budget, BudgetLine, Expense
from eventmaestro.agents.finance.payments import (
    PaymentTermsError,
    Period,
    VendorTerms,
    cash_flow,
    overdue,
    schedule,
)
from eventmaestro.agents.finance.pricing import (
    Costs,
    Demand,
    ElasticDemand,
    LinearDemand,
    PricePoint,
    PricingInputError,
    calibrate_elastic,
    calibrate_linear,
    optimise,
    tier_structure,
)
from eventmaestro.agents.finance.reference import (
    SCENARIO_LEVEL,
    CityTier,
    Drivers,
    Scenario,
    load_reference,
)
from eventmaestro.agents.finance.repository import FinanceRepository
from eventmaestro.agents.finance.roi import (
    BusinessValueInput,
    RevenueStream,
    RoiInput,
    RoiInputError,
    TicketTier,
    analyse,
    analyse_business_value,
)
from eventmaestro.agents.finance.schemas import (
    BudgetCreate,
    BudgetOut,
    BudgetStatusOut,
    BudgetUpdate,
    CashFlowOut,
    CategoryAllocation,
    CategoryForecastOut,
    CategoryStatus,
    EstimateDrivers,
    EstimateOut,
    ExpenseCreate,
    ExpenseOut,
    FitOut,
    ForecastOut,
    ForecastRequest,
    LineOut,
    PaymentOut,
    PaymentScheduleOut,
    PaymentScheduleRequest,
    PricePointOut,
    PricingOut,
    PricingRequest,
    RoiOut,
    RoiRequest,
    Terms,
    TierOut,
    Totals,
)
from eventmaestro.agents.finance.variance import VarianceReport, compare
from eventmaestro.events.schemas import EventOut
from eventmaestro.events.service import EventsService
from eventmaestro.kit.auth import Principal
from eventmaestro.kit.clock import utcnow
from eventmaestro.kit.errors import ConflictError, NotFoundError, UnprocessableError
from eventmaestro.kit.money import Currency, Money
from eventmaestro.kit.outbox import add_event

# Assumed price elasticity of attendance when no sales history is given: business audiences
# are paid for by employers and react less to price than festival-goers buying their own.
DEFAULT_ELASTICITY = {
    "business": Decimal("1.6"),
    "online": Decimal("1.4"),
    "corporate": Decimal("1.5"),
    "private": Decimal("1.5"),
    "mass": Decimal("2.2"),
}
DEFAULT_DAYS = 1


def require_roubles(money: Money, what: str) -> Decimal:
    """The cost reference and every plan are in roubles; converting would need a dated rate
    we do not have, so other currencies are refused rather than silently mixed."""
    if money.currency is not Currency.RUB:
        raise UnprocessableError(f"{what} must be in RUB; {money.currency} is not supported yet")
    return money.amount


@dataclass(frozen=True, slots=True)
class EstimateRequest:
    """Everything an estimate needs, independent of where it came from (API or a skill)."""

    event_type: str
    event_format: str
    guests: int
    city: str | None
    city_tier: CityTier | None
    hours: int | None
    days: int | None
    target: Decimal | None
    scenario: Scenario
    terms: Terms


def estimate(request: EstimateRequest) -> tuple[EstimateOut, Estimate]:
    reference = load_reference()
    assumptions = [
        f"Cost reference {reference.version}: 2026 prices net of VAT; each figure states its "
        "basis in the reference file.",
        f"VAT {request.terms.vat_rate_percent} % "
        + (
            "is included in the unit prices."
            if request.terms.prices_include_vat
            else "is added on top of the unit prices."
        ),
        f"Contingency reserve {request.terms.contingency_percent} % of the subtotal.",
    ]
    tier = request.city_tier or reference.tier_of(request.city)
    if tier is None:
        tier = CityTier.MOSCOW
        assumptions.append("No city given: Moscow prices assumed (the highest tier).")
    profile = reference.profiles[reference.profile_for(request.event_type, request.event_format)]
    drivers = Drivers(
        guests=request.guests,
        hours=request.hours or profile.hours,
        days=request.days or DEFAULT_DAYS,
        tier=tier,
        event_type=request.event_type,
        event_format=request.event_format,
    )
    calc_terms = CalcTerms(
        VatPolicy(request.terms.vat_rate_percent, request.terms.prices_include_vat),
        request.terms.contingency_percent,
    )
    by_scenario = scenarios(reference, drivers, calc_terms)
    fitted: Fit | None = None
    if request.target is not None:
        fitted = fit(reference, drivers, calc_terms, request.target)
        chosen = fitted.estimate
        if fitted.level < SCENARIO_LEVEL[request.scenario] or not fitted.fits:
            label = "fitted"
        else:
            chosen = by_scenario[request.scenario]
            label = request.scenario.value
            if chosen.total > request.target:
                chosen, label = fitted.estimate, "fitted"
    else:
        chosen, label = (
            estimate_at(reference, drivers, calc_terms, SCENARIO_LEVEL[request.scenario]),
            request.scenario.value,
        )
    out = EstimateOut(
        reference_version=reference.version,
        scenario=label,
        drivers=EstimateDrivers(
            event_type=request.event_type,
            format=request.event_format,
            guests=drivers.guests,
            hours=drivers.hours,
            days=drivers.days,
            city_tier=tier,
        ),
        lines=[line_out(line) for line in chosen.lines],
        totals=totals_out(chosen),
        allocation=allocation_out(chosen),
        scenarios={name.value: e.total for name, e in by_scenario.items()},
        fit=fit_out(fitted, request.target) if fitted and request.target is not None else None,
        assumptions=assumptions,
    )
    return out, chosen


def line_out(line: LineItem) -> LineOut:
    return LineOut(
        category=line.category,
        description=line.description,
        quantity=line.quantity,
        unit=line.unit,
        unit_price=line.unit_price,
        amount=line.amount,
        optional=line.optional,
    )


def totals_out(e: Estimate) -> Totals:
    return Totals(
        subtotal=e.subtotal,
        contingency_percent=e.contingency_rate,
        contingency=e.contingency,
        net=e.net,
        vat_rate_percent=e.vat_rate,
        vat=e.vat,
        total=e.total,
        prices_include_vat=e.prices_include_vat,
    )


def allocation_out(e: Estimate) -> list[CategoryAllocation]:
    return [
        CategoryAllocation(
            category=c.category,
            amount=c.amount,
            with_vat=c.with_vat,
            share_percent=percent(c.with_vat, e.total),
        )
        for c in e.categories
    ]


def fit_out(fitted: Fit, target: Decimal) -> FitOut:
    if fitted.fits:
        explanation = f"Fits {target} ₽ at price level {fitted.level} (0 economy … 1 premium)"
        if fitted.dropped:
            explanation += f" after dropping optional categories: {', '.join(fitted.dropped)}"
    else:
        names = ", ".join(f"{line.category} {line.amount} ₽" for line in fitted.drivers)
        explanation = (
            f"Even the minimum ({fitted.estimate.total} ₽ at economy prices without optional "
            f"categories) exceeds the target by {fitted.shortfall} ₽; largest lines: {names}"
        )
    return FitOut(
        target=target,
        fits=fitted.fits,
        level=fitted.level,
        dropped=list(fitted.dropped),
        shortfall=fitted.shortfall,
        shortfall_drivers=[line_out(line) for line in fitted.drivers],
        explanation=explanation,
    )


def expense_out(expense: Expense) -> ExpenseOut:
    return ExpenseOut(
        id=expense.id,
        event_id=expense.event_id,
        category=expense.category,
        amount=Money(amount=expense.amount, currency=Currency(expense.currency)),
        date=expense.spent_on,
        vendor=expense.vendor,
        document_number=expense.document_number,
        description=expense.description,
        paid=expense.paid,
        created_at=expense.created_at,
    )


def _items(rows: Iterable[BudgetLine]) -> list[LineItem]:
    return [
        LineItem(r.category, r.description, r.quantity, r.unit, r.unit_price, r.optional)
        for r in rows
    ]


def _sum_by_category(expenses: Iterable[Expense], *, paid_only: bool = False) -> dict[str, Decimal]:
    sums: dict[str, Decimal] = {}
    for expense in expenses:
        if paid_only and not expense.paid:
            continue
        sums[expense.category] = sums.get(expense.category, ZERO) + expense.amount
    return sums


class FinanceService:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.repo = FinanceRepository(session)
        self.events = EventsService(session)

    async def create_budget(
        self, principal: Principal, event_id: uuid.UUID, data: BudgetCreate
    ) -> BudgetOut:
        event = await self.events.get(principal, event_id)
        if await self.repo.budget(principal.org_id, event_id) is not None:
            raise ConflictError("This event already has a budget; PUT to change it")
        out, chosen = estimate(self._request(event, data))
        budget = Budget(
            org_id=principal.org_id,
            event_id=event_id,
            reference_version=out.reference_version,
            currency=Currency.RUB.value,
            scenario=out.scenario,
            vat_rate=data.vat_rate_percent,
            prices_include_vat=data.prices_include_vat,
            contingency_rate=data.contingency_percent,
            analysis=out.model_dump(
                mode="json", include={"drivers", "scenarios", "fit", "assumptions"}
            ),
        )
        await self.repo.add(budget)
        await self.repo.replace_lines(principal.org_id, budget.id, self._rows(budget, chosen.lines))
        result = self._budget_out(budget, chosen.lines)
        add_event(
            self.session,
            topics.BUDGET_CREATED,
            {"event_id": str(event_id), "total": str(result.totals.total), "currency": "RUB"},
            org_id=principal.org_id,
        )
        return result

    async def get_budget(self, principal: Principal, event_id: uuid.UUID) -> BudgetOut:
        budget = await self._budget(principal, event_id)
        return self._budget_out(budget, _items(await self.repo.lines(principal.org_id, budget.id)))

    async def update_budget(
        self, principal: Principal, event_id: uuid.UUID, data: BudgetUpdate
    ) -> BudgetOut:
        budget = await self._budget(principal, event_id)
        items = [
            LineItem(
                line.category,
                line.description,
                line.quantity,
                line.unit,
                line.unit_price,
                line.optional,
            )
            for line in data.lines
        ]
        budget.vat_rate = data.vat_rate_percent
        budget.prices_include_vat = data.prices_include_vat
        budget.contingency_rate = data.contingency_percent
        budget.scenario = "custom"
        budget.analysis = {**budget.analysis, "fit": None}
        await self.repo.replace_lines(principal.org_id, budget.id, self._rows(budget, items))
        result = self._budget_out(budget, items)
        add_event(
            self.session,
            topics.BUDGET_UPDATED,
            {"event_id": str(event_id), "total": str(result.totals.total), "currency": "RUB"},
            org_id=principal.org_id,
        )
        return result

    async def add_expense(
        self, principal: Principal, event_id: uuid.UUID, data: ExpenseCreate
    ) -> ExpenseOut:
        await self.events.get(principal, event_id)
        amount = require_roubles(data.amount, "An expense")
        before = await self._variance(principal.org_id, event_id)
        expense = Expense(
            org_id=principal.org_id,
            event_id=event_id,
            category=data.category,
            amount=amount,
            currency=Currency.RUB.value,
            spent_on=data.date,
            vendor=data.vendor,
            document_number=data.document_number,
            description=data.description,
            paid=data.paid,
            created_by_id=principal.user_id or principal.api_key_id,
        )
        await self.repo.add(expense)
        out = expense_out(expense)
        add_event(
            self.session,
            topics.EXPENSE_RECORDED,
            out.model_dump(mode="json"),
            org_id=principal.org_id,
        )
        if before is not None:
            after = await self._variance(principal.org_id, event_id)
            assert after is not None
            self._alert_overspend(principal.org_id, event_id, before, after)
        return out

    async def list_expenses(
        self, principal: Principal, event_id: uuid.UUID, *, limit: int, offset: int
    ) -> tuple[list[ExpenseOut], int]:
        await self.events.get(principal, event_id)
        rows, total = await self.repo.expenses(
            principal.org_id, event_id, limit=limit, offset=offset
        )
        return [expense_out(row) for row in rows], total

    async def budget_status(self, principal: Principal, event_id: uuid.UUID) -> BudgetStatusOut:
        await self.events.get(principal, event_id)
        plan = await self._plan(principal.org_id, event_id)
        if plan is None:
            raise NotFoundError("This event has no budget yet; POST one first")
        expenses, _ = await self.repo.expenses(principal.org_id, event_id)
        report = compare(plan, _sum_by_category(expenses))
        paid = _sum_by_category(expenses, paid_only=True)
        total_paid = kopecks(sum(paid.values(), ZERO))
        return BudgetStatusOut(
            event_id=event_id,
            plan=report.plan,
            actual=report.actual,
            paid=total_paid,
            unpaid=report.actual - total_paid,
            remaining=report.plan - report.actual,
            variance=report.variance,
            variance_percent=report.variance_percent,
            status=report.status,
            categories=[
                CategoryStatus(
                    category=row.category,
                    plan=row.plan,
                    actual=row.actual,
                    paid=kopecks(paid.get(row.category, ZERO)),
                    variance=row.variance,
                    variance_percent=row.variance_percent,
                    status=row.status,
                )
                for row in report.categories
            ],
        )

    async def roi(self, principal: Principal, event_id: uuid.UUID, data: RoiRequest) -> RoiOut:
        event = await self.events.get(principal, event_id)
        if data.costs is not None:
            costs = require_roubles(data.costs, "Costs")
        else:
            plan = await self._plan(principal.org_id, event_id)
            if plan is not None:
                costs = sum(plan.values(), ZERO)
            elif event.budget is not None:
                costs = require_roubles(event.budget, "The event budget")
            else:
                raise UnprocessableError(
                    "Give the costs: the event has neither estimate nor budget"
                )
        return roi_analysis(data, costs, data.attendees or event.guests_count)

    async def forecast(self, principal: Principal, data: ForecastRequest) -> ForecastOut:
        await self.events.get(principal, data.event_id)
        plan = await self._plan(principal.org_id, data.event_id)
        if plan is None:
            raise NotFoundError("This event has no budget yet; POST one first")
        expenses, _ = await self.repo.expenses(principal.org_id, data.event_id)
        paid = _sum_by_category(expenses, paid_only=True)
        everything = _sum_by_category(expenses)
        committed = {name: everything[name] - paid.get(name, ZERO) for name in everything}
        result = forecast(
            plan,
            paid,
            committed,
            closed=frozenset(data.closed_categories),
            upside_percent=data.upside_percent,
            downside_percent=data.downside_percent,
        )
        return ForecastOut(
            event_id=data.event_id,
            plan=result.plan,
            actual=result.actual,
            committed=result.committed,
            remaining=result.remaining,
            at_completion=result.at_completion,
            low=result.low,
            high=result.high,
            upside_percent=result.upside_percent,
            downside_percent=result.downside_percent,
            variance_at_completion=result.variance_at_completion,
            variance_percent=result.variance_percent,
            categories=[
                CategoryForecastOut(
                    category=row.category,
                    plan=row.plan,
                    actual=row.actual,
                    committed=row.committed,
                    remaining=row.remaining,
                    at_completion=row.at_completion,
                )
                for row in result.categories
            ],
            method=(
                "EAC = paid + committed (recorded, unpaid) + remaining plan per category; "
                f"range: remaining plan −{result.downside_percent} % … "
                f"+{result.upside_percent} %"
            ),
        )

    async def export_budget(
        self, principal: Principal, event_id: uuid.UUID, fmt: ExportFormat
    ) -> FileOut:
        event = await self.events.get(principal, event_id)
        budget = await self.get_budget(principal, event_id)
        title = f"Смета: {event.name}"
        match fmt:
            case ExportFormat.XLSX:
                return _file(exports.estimate_xlsx(budget, title), fmt, "estimate")
            case ExportFormat.CSV:
                return _file(exports.estimate_csv(budget), fmt, "estimate")
            case ExportFormat.PNG:
                return _file(charts.category_breakdown(budget, title), fmt, "estimate")

    async def export_status(
        self, principal: Principal, event_id: uuid.UUID, fmt: ExportFormat
    ) -> FileOut:
        event = await self.events.get(principal, event_id)
        status = await self.budget_status(principal, event_id)
        title = f"План-факт: {event.name}"
        match fmt:
            case ExportFormat.XLSX:
                return _file(exports.status_xlsx(status, title), fmt, "plan-vs-actual")
            case ExportFormat.CSV:
                return _file(exports.status_csv(status), fmt, "plan-vs-actual")
            case ExportFormat.PNG:
                return _file(charts.plan_vs_actual(status, title), fmt, "plan-vs-actual")

    async def payment_schedule(
        self, principal: Principal, event_id: uuid.UUID, data: PaymentScheduleRequest
    ) -> PaymentScheduleOut:
        event = await self.events.get(principal, event_id)
        if event.date is None:
            raise UnprocessableError("The event has no date; payments are due relative to it")
        today = utcnow().astimezone(ZoneInfo(event.timezone)).date()
        terms = [
            VendorTerms(
                vendor=v.vendor,
                category=v.category,
                amount=require_roubles(v.amount, f"{v.vendor}: the contract"),
                deposit_percent=v.deposit_percent,
                deposit_days_before=v.deposit_days_before,
                balance_days_before=v.balance_days_before,
                paid=v.paid,
                signed_on=v.signed_on,
            )
            for v in data.vendors
        ]
        try:
            payments = schedule(terms, event.date)
        except PaymentTermsError as error:
            raise UnprocessableError(str(error)) from error
        except OverflowError as error:
            raise UnprocessableError("A payment would fall outside the calendar") from error
        late = {id(p) for p in overdue(payments, today)}
        return PaymentScheduleOut(
            event_id=event_id,
            event_date=event.date,
            today=today,
            total=sum((p.amount for p in payments), ZERO),
            outstanding=sum((p.outstanding for p in payments), ZERO),
            overdue_amount=sum((p.outstanding for p in payments if id(p) in late), ZERO),
            payments=[
                PaymentOut(
                    vendor=p.vendor,
                    category=p.category,
                    kind="deposit" if p.kind == "deposit" else "balance",
                    due=p.due,
                    amount=p.amount,
                    outstanding=p.outstanding,
                    overdue=id(p) in late,
                )
                for p in payments
            ],
            cash_flow=[
                CashFlowOut(period_start=r.period_start, amount=r.amount, cumulative=r.cumulative)
                for r in cash_flow(payments, Period(data.period))
            ],
        )

    def _request(self, event: EventOut, data: BudgetCreate) -> EstimateRequest:
        guests = data.guests or event.guests_count
        if guests is None:
            raise UnprocessableError("The event has no guest count; give `guests`")
        target: Decimal | None = None
        if data.target is not None:
            target = require_roubles(data.target, "The target budget")
        elif data.fit_to_target and event.budget is not None:
            target = require_roubles(event.budget, "The event budget")
        days = data.days
        if days is None and event.date and event.date_end:
            days = (event.date_end - event.date).days + 1
        return EstimateRequest(
            event_type=event.event_type.value,
            event_format=event.format.value,
            guests=guests,
            city=event.city.name if event.city else None,
            city_tier=data.city_tier,
            hours=data.hours,
            days=days,
            target=target if data.fit_to_target else None,
            scenario=data.scenario,
            terms=data,
        )

    async def _budget(self, principal: Principal, event_id: uuid.UUID) -> Budget:
        await self.events.get(principal, event_id)
        budget = await self.repo.budget(principal.org_id, event_id)
        if budget is None:
            raise NotFoundError("This event has no budget yet; POST one first")
        return budget

    @staticmethod
    def _rows(budget: Budget, items: Sequence[LineItem]) -> list[BudgetLine]:
        return [
            BudgetLine(
                org_id=budget.org_id,
                budget_id=budget.id,
                position=position,
                category=item.category,
                description=item.description,
                quantity=item.quantity,
                unit=item.unit,
                unit_price=item.unit_price,
                optional=item.optional,
            )
            for position, item in enumerate(items)
        ]

    @staticmethod
    def _estimate(budget: Budget, items: Sequence[LineItem]) -> Estimate:
        return build_estimate(
            items,
            vat=VatPolicy(budget.vat_rate, budget.prices_include_vat),
            contingency_rate=budget.contingency_rate,
        )

    def _budget_out(self, budget: Budget, items: Sequence[LineItem]) -> BudgetOut:
        computed = self._estimate(budget, items)
        analysis: dict[str, Any] = budget.analysis
        return BudgetOut(
            id=budget.id,
            event_id=budget.event_id,
            updated_at=budget.updated_at,
            reference_version=budget.reference_version,
            scenario=budget.scenario,
            drivers=EstimateDrivers.model_validate(analysis["drivers"]),
            lines=[line_out(line) for line in computed.lines],
            totals=totals_out(computed),
            allocation=allocation_out(computed),
            scenarios={k: Decimal(v) for k, v in analysis["scenarios"].items()},
            fit=FitOut.model_validate(analysis["fit"]) if analysis.get("fit") else None,
            assumptions=list(analysis["assumptions"]),
        )

    async def _plan(self, org_id: uuid.UUID, event_id: uuid.UUID) -> dict[str, Decimal] | None:
        """Plan per category = what the category will cost with VAT (its cap), because
        expenses are recorded as the amounts actually paid."""
        budget = await self.repo.budget(org_id, event_id)
        if budget is None:
            return None
        computed = self._estimate(budget, _items(await self.repo.lines(org_id, budget.id)))
        return {c.category: c.with_vat for c in computed.categories}

    async def _variance(self, org_id: uuid.UUID, event_id: uuid.UUID) -> VarianceReport | None:
        plan = await self._plan(org_id, event_id)
        if plan is None:
            return None
        expenses, _ = await self.repo.expenses(org_id, event_id)
        return compare(plan, _sum_by_category(expenses))

    def _alert_overspend(
        self, org_id: uuid.UUID, event_id: uuid.UUID, before: VarianceReport, after: VarianceReport
    ) -> None:
        """One alert per category (and for the whole budget) at the moment it goes over."""
        was_over = {row.category for row in before.overspent}
        rows = [row for row in after.overspent if row.category not in was_over]
        for row in rows:
            add_event(
                self.session,
                topics.BUDGET_OVERSPENT,
                {
                    "event_id": str(event_id),
                    "category": row.category,
                    "plan": str(row.plan),
                    "actual": str(row.actual),
                    "variance": str(row.variance),
                    "variance_percent": str(row.variance_percent),
                    "currency": "RUB",
                },
                org_id=org_id,
            )
        if after.variance > 0 >= before.variance:
            add_event(
                self.session,
                topics.BUDGET_OVERSPENT,
                {
                    "event_id": str(event_id),
                    "category": None,
                    "plan": str(after.plan),
                    "actual": str(after.actual),
                    "variance": str(after.variance),
                    "variance_percent": str(after.variance_percent),
                    "currency": "RUB",
                },
                org_id=org_id,
            )


class ExportFormat(StrEnum):
    XLSX = "xlsx"
    CSV = "csv"
    PNG = "png"


@dataclass(frozen=True, slots=True)
class FileOut:
    content: bytes
    media_type: str
    filename: str


MEDIA_TYPES = {
    ExportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ExportFormat.CSV: "text/csv; charset=utf-8",
    ExportFormat.PNG: "image/png",
}


def _file(content: bytes | str, fmt: ExportFormat, stem: str) -> FileOut:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return FileOut(data, MEDIA_TYPES[fmt], f"{stem}.{fmt.value}")


def pricing_chart(data: PricingRequest) -> FileOut:
    result = pricing(data)
    return _file(charts.price_curve(result, "Цена → гости → прибыль"), ExportFormat.PNG, "pricing")


def roi_analysis(data: RoiRequest, costs: Decimal, attendees: int | None) -> RoiOut:
    """Ticketed events: revenue streams vs costs. No tickets but a business value: the
    corporate formula. Pure, so a skill can call it without an event in the database."""
    try:
        if not data.tiers and data.business_value is not None:
            if attendees is None:
                raise UnprocessableError("Give `attendees`: the event has no guest count")
            value = analyse_business_value(
                BusinessValueInput(
                    costs=costs,
                    attendees=attendees,
                    leads=data.business_value.leads,
                    conversion_percent=data.business_value.conversion_percent,
                    average_deal=data.business_value.average_deal,
                )
            )
            return RoiOut(
                mode="business_value",
                costs=kopecks(costs),
                revenue=value.business_value,
                profit=value.profit,
                roi_percent=value.roi_percent,
                attendance=attendees,
                cost_per_attendee=value.cost_per_attendee,
                formula=value.formula,
            )
        if not data.tiers and not data.other_revenue:
            raise UnprocessableError(
                "Give ticket tiers or other revenue, or a business value for a corporate event"
            )
        fixed = costs
        result = analyse(
            RoiInput(
                fixed_costs=fixed,
                cost_per_attendee=data.cost_per_attendee,
                tiers=tuple(TicketTier(t.name, t.price, t.attendance) for t in data.tiers),
                other_revenue=tuple(
                    RevenueStream(s.kind.value, s.amount) for s in data.other_revenue
                ),
                capacity=data.capacity,
            )
        )
    except RoiInputError as error:
        raise UnprocessableError(str(error)) from error
    return RoiOut(
        mode="tickets",
        costs=result.costs,
        revenue=result.revenue,
        profit=result.profit,
        roi_percent=result.roi_percent,
        margin_percent=result.margin_percent,
        attendance=result.attendance,
        cost_per_attendee=kopecks(result.costs / result.attendance) if result.attendance else None,
        revenue_by_stream=dict(result.revenue_by_stream),
        break_even_attendance=result.break_even_attendance,
        break_even_price=result.break_even_price,
        formula=(
            f"profit = revenue − costs = {result.revenue} − {result.costs} = {result.profit}; "
            f"ROI = profit / costs × 100 = {result.roi_percent} %"
        ),
    )


def pricing(data: PricingRequest) -> PricingOut:
    try:
        demand = _demand(data)
        result = optimise(
            demand,
            Costs(data.fixed_costs, data.cost_per_attendee, data.capacity),
            max_price=data.max_price,
        )
    except PricingInputError as error:
        raise UnprocessableError(str(error)) from error
    except ArithmeticError as error:
        # Decimal overflow from parameters no market has (a price of 10^30 ₽, say).
        raise UnprocessableError(
            "These demand parameters give prices or attendance out of any sensible range"
        ) from error
    if isinstance(demand, LinearDemand):
        parameters = {"intercept": demand.intercept, "slope": demand.slope}
        why = "p* = (a / b + c) / 2 for q = a − b·p"
    else:
        parameters = {"scale": demand.scale, "elasticity": demand.elasticity}
        why = "p* = c · e / (e − 1) for q = A · p^(−e)"
    if result.capacity_binds:
        why = "the hall fills before the profit peak: p* is the price at which demand = capacity"
    if result.capped:
        why = "capped at the price ceiling you gave"
    return PricingOut(
        model=data.model,
        parameters={k: _significant(v) for k, v in parameters.items()},
        optimum=_point(result.optimum),
        exact_price=_significant(result.exact_price),
        capacity_binds=result.capacity_binds,
        capped=result.capped,
        sensitivity=[_point(p) for p in result.sensitivity],
        tiers=[
            TierOut(name=t.name, price=t.price, seats=t.seats)
            for t in tier_structure(result.optimum)
        ],
        explanation=why,
    )


def _significant(value: Decimal) -> Decimal:
    """Model parameters to 12 significant digits: a fitted scale can be 10^200 or 10^-9."""
    return Decimal(f"{value:.12g}")


def _point(point: PricePoint) -> PricePointOut:
    return PricePointOut(
        price=point.price, attendance=point.attendance, revenue=point.revenue, profit=point.profit
    )


def _demand(data: PricingRequest) -> Demand:
    sales = [(s.price, s.sold) for s in data.sales]
    if data.model == "linear":
        if sales:
            return calibrate_linear(sales)
        if data.intercept is None or data.slope is None:
            raise PricingInputError("linear demand needs `intercept` and `slope`, or `sales`")
        return LinearDemand(data.intercept, data.slope)
    if sales:
        return calibrate_elastic(sales)
    elasticity = data.elasticity
    if elasticity is None:
        reference = load_reference()
        elasticity = DEFAULT_ELASTICITY[reference.profile_for(data.event_type or "other")]
    if data.anchor_price is not None and data.anchor_attendance is not None:
        return ElasticDemand.anchored(data.anchor_price, data.anchor_attendance, elasticity)
    if data.intercept is not None:
        return ElasticDemand(data.intercept, elasticity)
    raise PricingInputError(
        "elastic demand needs `anchor_price` and `anchor_attendance` (a known point), or `sales`"
    )
