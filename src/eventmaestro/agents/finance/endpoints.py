"""Finance API (SPEC.md paths): thin handlers over FinanceService."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Response, status

from eventmaestro.accounts.dependencies import CurrentPrincipal, WriterPrincipal
from eventmaestro.agents.finance.analysis import pricing
from eventmaestro.agents.finance.files import ExportFormat, FileOut, pricing_chart
from eventmaestro.agents.finance.schemas import (
    BudgetCreate,
    BudgetOut,
    BudgetStatusOut,
    BudgetUpdate,
    ExpenseCreate,
    ExpenseOut,
    ForecastOut,
    ForecastRequest,
    PaymentScheduleOut,
    PaymentScheduleRequest,
    PaymentTermsIn,
    PaymentTermsOut,
    PricingOut,
    PricingRequest,
    RoiOut,
    RoiRequest,
)
from eventmaestro.agents.finance.service import FinanceService
from eventmaestro.kit.deps import SessionDep
from eventmaestro.kit.pagination import Page, PageParams, page_params

router = APIRouter(prefix="/api/v1/finance", tags=["finance"])


def get_finance_service(session: SessionDep) -> FinanceService:
    return FinanceService(session)


FinanceDep = Annotated[FinanceService, Depends(get_finance_service)]


@router.post(
    "/events/{event_id}/budget",
    status_code=status.HTTP_201_CREATED,
    responses={409: {"description": "The event already has a budget; PUT to change it"}},
)
async def create_budget(
    event_id: uuid.UUID, body: BudgetCreate, principal: WriterPrincipal, service: FinanceDep
) -> BudgetOut:
    """Estimate the event from the 2026 cost reference, fitted to its budget when it has one."""
    return await service.create_budget(principal, event_id, body)


@router.get("/events/{event_id}/budget")
async def get_budget(
    event_id: uuid.UUID, principal: CurrentPrincipal, service: FinanceDep
) -> BudgetOut:
    return await service.get_budget(principal, event_id)


@router.put("/events/{event_id}/budget")
async def update_budget(
    event_id: uuid.UUID, body: BudgetUpdate, principal: WriterPrincipal, service: FinanceDep
) -> BudgetOut:
    """Replace the line items and terms; totals are recomputed from the lines."""
    return await service.update_budget(principal, event_id, body)


@router.post("/events/{event_id}/expenses", status_code=status.HTTP_201_CREATED)
async def add_expense(
    event_id: uuid.UUID, body: ExpenseCreate, principal: WriterPrincipal, service: FinanceDep
) -> ExpenseOut:
    return await service.add_expense(principal, event_id, body)


@router.get("/events/{event_id}/expenses")
async def list_expenses(
    event_id: uuid.UUID,
    principal: CurrentPrincipal,
    service: FinanceDep,
    page: Annotated[PageParams, Depends(page_params)],
) -> Page[ExpenseOut]:
    items, total = await service.list_expenses(
        principal, event_id, limit=page.limit, offset=page.offset
    )
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.get("/budget-status/{event_id}")
async def budget_status(
    event_id: uuid.UUID, principal: CurrentPrincipal, service: FinanceDep
) -> BudgetStatusOut:
    return await service.budget_status(principal, event_id)


@router.post("/events/{event_id}/roi-analysis")
async def roi_analysis(
    event_id: uuid.UUID, body: RoiRequest, principal: CurrentPrincipal, service: FinanceDep
) -> RoiOut:
    return await service.roi(principal, event_id, body)


@router.post("/events/{event_id}/payment-schedule")
async def payment_schedule(
    event_id: uuid.UUID,
    body: PaymentScheduleRequest,
    principal: CurrentPrincipal,
    service: FinanceDep,
) -> PaymentScheduleOut:
    """Deposits and balances from each vendor's terms, cash flow by week or month, and what
    is overdue today in the event's time zone."""
    return await service.payment_schedule(principal, event_id, body)


@router.get("/events/{event_id}/payment-terms")
async def get_payment_terms(
    event_id: uuid.UUID, principal: CurrentPrincipal, service: FinanceDep
) -> PaymentTermsOut:
    """The vendors' payment terms saved for the event (an empty list until some are)."""
    return await service.payment_terms(principal, event_id)


@router.put("/events/{event_id}/payment-terms")
async def put_payment_terms(
    event_id: uuid.UUID, body: PaymentTermsIn, principal: WriterPrincipal, service: FinanceDep
) -> PaymentTermsOut:
    """Replace the event's vendors' payment terms, each checked as the schedule checks it;
    nothing is stored unless all are valid. Build the schedule from them with
    `POST …/payment-schedule`."""
    return await service.replace_payment_terms(principal, event_id, body)


@router.post("/events/{event_id}/payment-schedule/chart", response_class=Response)
async def payment_schedule_chart(
    event_id: uuid.UUID,
    body: PaymentScheduleRequest,
    principal: CurrentPrincipal,
    service: FinanceDep,
) -> Response:
    """Cash flow by week or month as PNG: payments per period and the running total."""
    return _download(await service.payment_schedule_chart(principal, event_id, body))


@router.post("/pricing-optimization")
async def pricing_optimization(body: PricingRequest, principal: CurrentPrincipal) -> PricingOut:
    return pricing(body)


@router.post("/budget-forecast")
async def budget_forecast(
    body: ForecastRequest, principal: CurrentPrincipal, service: FinanceDep
) -> ForecastOut:
    return await service.forecast(principal, body)


def _download(file: FileOut) -> Response:
    return Response(
        file.content,
        media_type=file.media_type,
        headers={"Content-Disposition": f'attachment; filename="{file.filename}"'},
    )


@router.get("/events/{event_id}/budget/export", response_class=Response)
async def export_budget(
    event_id: uuid.UUID,
    principal: CurrentPrincipal,
    service: FinanceDep,
    format: ExportFormat = ExportFormat.XLSX,
) -> Response:
    """The estimate as XLSX (live formulas), CSV, or a PNG chart of the category breakdown."""
    return _download(await service.export_budget(principal, event_id, format))


@router.get("/budget-status/{event_id}/export", response_class=Response)
async def export_status(
    event_id: uuid.UUID,
    principal: CurrentPrincipal,
    service: FinanceDep,
    format: ExportFormat = ExportFormat.XLSX,
) -> Response:
    """Plan vs actual as XLSX (live variance formulas), CSV, or a PNG bar chart."""
    return _download(await service.export_status(principal, event_id, format))


@router.post("/pricing-optimization/chart", response_class=Response)
async def pricing_optimization_chart(body: PricingRequest, principal: CurrentPrincipal) -> Response:
    """The price → attendance → profit curve around the optimum, as PNG."""
    return _download(pricing_chart(body))
