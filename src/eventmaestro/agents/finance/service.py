"""Finance rules on stored data: budgets per event, expenses against them, plan vs actual,
forecast, payment schedule, exports.

Services flush, never commit: the request boundary (or the agent runtime) owns the unit of
work, so a budget and the domain events it raises are committed together or not at all.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable, Sequence
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from eventmaestro.agents.finance import charts, exports
from eventmaestro.agents.finance import events as topics
from eventmaestro.agents.finance.analysis import roi_analysis
from eventmaestro.agents.finance.arithmetic import ZERO, kopecks, percent
from eventmaestro.agents.finance.estimate import (
    CONTINGENCY,
    Estimate,
    LineItem,
    VatPolicy,
    build_estimate,
)
from eventmaestro.agents.finance.estimating import (
    EstimateRequest,
    allocation_out,
    estimate,
    line_out,
    require_roubles,
    totals_out,
)
from eventmaestro.agents.finance.files import ExportFormat, FileOut, as_file
from eventmaestro.agents.finance.forecast import forecast
from eventmaestro.agents.finance.models import Budget, BudgetLine, Expense, PaymentTerm
from eventmaestro.agents.finance.payments import (
    PaymentTermsError,
    Period,
    VendorTerms,
    cash_flow,
    check,
    overdue,
    schedule,
)
from eventmaestro.agents.finance.repository import BudgetTerms, FinanceRepository, LineRow
from eventmaestro.agents.finance.schemas import (
    BudgetCreate,
    BudgetOut,
    BudgetStatusOut,
    BudgetUpdate,
    CashFlowOut,
    CategoryForecastOut,
    CategoryStatus,
    EstimateDrivers,
    EstimateOut,
    ExpenseCreate,
    ExpenseOut,
    FitOut,
    ForecastOut,
    ForecastRequest,
    MoneySummary,
    PaymentOut,
    PaymentScheduleOut,
    PaymentScheduleRequest,
    PaymentTermsIn,
    PaymentTermsOut,
    RoiOut,
    RoiRequest,
    VendorTermsIn,
    VendorTermsOut,
)
from eventmaestro.agents.finance.variance import VarianceReport, compare
from eventmaestro.events.schemas import EventOut
from eventmaestro.events.service import EventsService
from eventmaestro.kit.auth import Principal
from eventmaestro.kit.clock import utcnow
from eventmaestro.kit.errors import (
    ConflictError,
    NotFoundError,
    UnprocessableError,
    ValidationFailedError,
)
from eventmaestro.kit.locks import serialize
from eventmaestro.kit.money import Currency, Money
from eventmaestro.kit.outbox import add_event
from eventmaestro.kit.vat import vat_rate


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


def _checked_terms(vendors: Sequence[VendorTermsIn]) -> list[VendorTerms]:
    """Each vendor's terms, refused with the failing field named if they cannot make a
    schedule (a deposit after the balance, more paid than owed, …)."""
    terms: list[VendorTerms] = []
    errors: list[dict[str, Any]] = []
    for index, v in enumerate(vendors):
        term = VendorTerms(
            vendor=v.vendor,
            category=v.category,
            amount=require_roubles(v.amount, f"{v.vendor}: the contract"),
            deposit_percent=v.deposit_percent,
            deposit_days_before=v.deposit_days_before,
            balance_days_before=v.balance_days_before,
            paid=v.paid,
            signed_on=v.signed_on,
        )
        try:
            check(term)
        except PaymentTermsError as error:
            field = f"body.vendors.{index}.{error.field}"
            errors.append({"field": field, "message": str(error), "code": "payment_terms"})
        terms.append(term)
    if errors:
        raise ValidationFailedError(errors[0]["message"], extra={"errors": errors})
    return terms


def _term_of(row: PaymentTerm) -> VendorTerms:
    return VendorTerms(
        vendor=row.vendor,
        category=row.category,
        amount=row.amount,
        deposit_percent=row.deposit_percent,
        deposit_days_before=row.deposit_days_before,
        balance_days_before=row.balance_days_before,
        paid=row.paid,
        signed_on=row.signed_on,
    )


def _payment_terms_out(event_id: uuid.UUID, rows: Sequence[PaymentTerm]) -> PaymentTermsOut:
    return PaymentTermsOut(
        event_id=event_id,
        vendors=[
            VendorTermsOut(
                vendor=row.vendor,
                category=row.category,
                amount=Money(amount=row.amount),
                deposit_percent=row.deposit_percent,
                deposit_days_before=row.deposit_days_before,
                balance_days_before=row.balance_days_before,
                paid=kopecks(row.paid),
                signed_on=row.signed_on,
            )
            for row in rows
        ],
        updated_at=max((row.updated_at for row in rows), default=None),
    )


def _items(rows: Iterable[BudgetLine | LineRow]) -> list[LineItem]:
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
        await self._refuse_second_budget(principal, event_id)
        out, chosen = estimate(self._request(event, data))
        return await self._store(principal, event_id, out, chosen)

    async def save_estimate(
        self, principal: Principal, event_id: uuid.UUID, out: EstimateOut, chosen: Estimate
    ) -> BudgetOut:
        """Keep an estimate made elsewhere (the skill) as the event's budget."""
        await self.events.get(principal, event_id)
        await self._refuse_second_budget(principal, event_id)
        return await self._store(principal, event_id, out, chosen)

    async def _refuse_second_budget(self, principal: Principal, event_id: uuid.UUID) -> None:
        """An existing budget may carry hand edits; a new estimate must not silently replace it."""
        if await self.repo.budget(principal.org_id, event_id) is not None:
            raise ConflictError("This event already has a budget; PUT to change it")

    async def _store(
        self, principal: Principal, event_id: uuid.UUID, out: EstimateOut, chosen: Estimate
    ) -> BudgetOut:
        budget = Budget(
            org_id=principal.org_id,
            event_id=event_id,
            reference_version=out.reference_version,
            currency=Currency.RUB.value,
            scenario=out.scenario,
            vat_rate=chosen.vat_rate,
            prices_include_vat=chosen.prices_include_vat,
            contingency_rate=chosen.contingency_rate,
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
        if data.vat_rate_percent is not None:
            budget.vat_rate = data.vat_rate_percent
        else:
            budget.vat_rate = vat_rate((await self.events.get(principal, event_id)).date)
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

    async def summaries(
        self, org_id: uuid.UUID, event_ids: Collection[uuid.UUID]
    ) -> dict[uuid.UUID, MoneySummary]:
        """Each event's budget status totals, in three queries however many events there
        are: the same plan and the same comparison as `budget_status`, from sums per
        category instead of every expense."""
        if not event_ids:
            return {}
        budgets = await self.repo.budget_terms(org_id, event_ids)
        lines: dict[uuid.UUID, list[LineRow]] = {budget.id: [] for budget in budgets}
        if lines:
            for line in await self.repo.line_rows(org_id, lines):
                lines[line.budget_id].append(line)
        plans = {budget.event_id: self._plan_of(budget, lines[budget.id]) for budget in budgets}
        spent: dict[uuid.UUID, dict[str, Decimal]] = {event_id: {} for event_id in event_ids}
        paid: dict[uuid.UUID, Decimal] = dict.fromkeys(event_ids, ZERO)
        for event_id, category, amount, paid_amount in await self.repo.spending_by_category(
            org_id, event_ids
        ):
            spent[event_id][category] = amount
            paid[event_id] += paid_amount
        summaries = {}
        for event_id in event_ids:
            plan = plans.get(event_id)
            report = compare(plan or {}, spent[event_id])
            summaries[event_id] = MoneySummary(
                has_budget=plan is not None,
                plan=kopecks(report.plan),
                actual=kopecks(report.actual),
                paid=kopecks(paid[event_id]),
                remaining=kopecks(report.plan - report.actual if plan is not None else ZERO),
                used_percent=percent(report.actual, report.plan, "0.1"),
                overspent=plan is not None and report.actual > report.plan,
            )
        return summaries

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
            reserve=frozenset({CONTINGENCY}),
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
                "EAC = paid + committed (recorded, unpaid) + remaining plan per category, "
                "the contingency reserve not counted as spent; "
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
                return as_file(exports.estimate_xlsx(budget, title), fmt, "estimate")
            case ExportFormat.CSV:
                return as_file(exports.estimate_csv(budget), fmt, "estimate")
            case ExportFormat.PNG:
                return as_file(charts.category_breakdown(budget, title), fmt, "estimate")

    async def export_status(
        self, principal: Principal, event_id: uuid.UUID, fmt: ExportFormat
    ) -> FileOut:
        event = await self.events.get(principal, event_id)
        status = await self.budget_status(principal, event_id)
        title = f"План-факт: {event.name}"
        match fmt:
            case ExportFormat.XLSX:
                return as_file(exports.status_xlsx(status, title), fmt, "plan-vs-actual")
            case ExportFormat.CSV:
                return as_file(exports.status_csv(status), fmt, "plan-vs-actual")
            case ExportFormat.PNG:
                return as_file(charts.plan_vs_actual(status, title), fmt, "plan-vs-actual")

    async def payment_schedule(
        self, principal: Principal, event_id: uuid.UUID, data: PaymentScheduleRequest
    ) -> PaymentScheduleOut:
        event = await self.events.get(principal, event_id)
        if event.date is None:
            raise UnprocessableError("The event has no date; payments are due relative to it")
        today = utcnow().astimezone(ZoneInfo(event.timezone)).date()
        terms = _checked_terms(data.vendors)
        try:
            payments = schedule(terms, event.date)
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

    async def payment_terms(self, principal: Principal, event_id: uuid.UUID) -> PaymentTermsOut:
        await self.events.get(principal, event_id)
        return _payment_terms_out(
            event_id, await self.repo.payment_terms(principal.org_id, event_id)
        )

    async def replace_payment_terms(
        self, principal: Principal, event_id: uuid.UUID, data: PaymentTermsIn
    ) -> PaymentTermsOut:
        """Store exactly these terms, all checked first: a refused set leaves the stored
        one as it was, and the same set again writes nothing."""
        await self.events.get(principal, event_id)
        terms = _checked_terms(data.vendors)
        await serialize(self.session, PaymentTerm, event_id)
        stored = await self.repo.payment_terms(principal.org_id, event_id)
        if [_term_of(row) for row in stored] != terms:
            rows = [
                PaymentTerm(
                    org_id=principal.org_id,
                    event_id=event_id,
                    position=position,
                    vendor=term.vendor,
                    category=term.category,
                    amount=term.amount,
                    deposit_percent=term.deposit_percent,
                    deposit_days_before=term.deposit_days_before,
                    balance_days_before=term.balance_days_before,
                    paid=term.paid,
                    signed_on=term.signed_on,
                )
                for position, term in enumerate(terms)
            ]
            await self.repo.replace_payment_terms(principal.org_id, event_id, rows)
            stored = rows
        return _payment_terms_out(event_id, stored)

    async def payment_schedule_chart(
        self, principal: Principal, event_id: uuid.UUID, data: PaymentScheduleRequest
    ) -> FileOut:
        event = await self.events.get(principal, event_id)
        result = await self.payment_schedule(principal, event_id, data)
        chart = charts.cash_flow(result, f"Платежи: {event.name}")
        return as_file(chart, ExportFormat.PNG, "cash-flow")

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
            date=event.date,
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
    def _estimate(budget: Budget | BudgetTerms, items: Sequence[LineItem]) -> Estimate:
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
        budget = await self.repo.budget(org_id, event_id)
        if budget is None:
            return None
        return self._plan_of(budget, await self.repo.lines(org_id, budget.id))

    @classmethod
    def _plan_of(
        cls, budget: Budget | BudgetTerms, lines: Iterable[BudgetLine | LineRow]
    ) -> dict[str, Decimal]:
        """Plan per category = what the category will cost with VAT (its cap), because
        expenses are recorded as the amounts actually paid."""
        computed = cls._estimate(budget, _items(lines))
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
