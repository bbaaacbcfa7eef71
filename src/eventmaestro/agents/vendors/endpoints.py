"""Vendors API: search, details, selection, comparison, holds, quotes and contracts."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Response, status

from eventmaestro.accounts.dependencies import CurrentPrincipal, WriterPrincipal
from eventmaestro.agents.vendors.choices import ChoicesService
from eventmaestro.agents.vendors.repository import SearchFilters
from eventmaestro.agents.vendors.schemas import (
    ComparisonResult,
    ContractCreate,
    ContractOut,
    ContractTransition,
    HoldOut,
    HoldRequest,
    QuoteAnswer,
    QuoteRequestIn,
    QuoteRequestOut,
    SearchResult,
    SelectionIn,
    SelectionOut,
    SelectRequest,
    SelectResult,
    Tag,
    VendorOut,
)
from eventmaestro.agents.vendors.service import VendorsService
from eventmaestro.agents.vendors.taxonomy import Category
from eventmaestro.kit.clock import utcnow
from eventmaestro.kit.deps import SessionDep
from eventmaestro.kit.pagination import PageParams, page_params
from eventmaestro.kit.types import SearchText

router = APIRouter(prefix="/api/v1/vendors", tags=["vendors"])
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
Locale = Annotated[Literal["ru", "en"], Query(description="Language of written summaries")]


def get_vendors_service(session: SessionDep) -> VendorsService:
    return VendorsService(session)


VendorsServiceDep = Annotated[VendorsService, Depends(get_vendors_service)]


def get_choices_service(session: SessionDep) -> ChoicesService:
    return ChoicesService(session)


ChoicesServiceDep = Annotated[ChoicesService, Depends(get_choices_service)]


def search_filters(
    category: Annotated[list[Category] | None, Query()] = None,
    city_geoname_id: Annotated[int | None, Query(ge=1, le=2_147_483_647)] = None,
    guests: Annotated[
        int | None, Query(ge=1, le=100_000, description="Venues must seat them; prices use it")
    ] = None,
    date: Annotated[date | None, Query(description="Free on this date")] = None,
    budget: Annotated[
        Decimal | None, Query(gt=0, max_digits=14, decimal_places=2, description="Price ≤")
    ] = None,
    rating_min: Annotated[Decimal | None, Query(ge=0, le=5)] = None,
    tag: Annotated[list[Tag] | None, Query(max_length=10, description="Must have all")] = None,
) -> SearchFilters:
    return SearchFilters(
        categories=tuple(c.value for c in category or ()),
        city_geoname_id=city_geoname_id,
        guests=guests,
        free_on=date,
        budget=budget,
        rating_min=rating_min,
        tags=tuple(tag or ()),
        now=utcnow(),
    )


@router.get("/search")
async def search_vendors(
    principal: CurrentPrincipal,
    service: VendorsServiceDep,
    filters: Annotated[SearchFilters, Depends(search_filters)],
    page: Annotated[PageParams, Depends(page_params)],
    q: Annotated[
        SearchText | None,
        Query(description="Free text, Russian or English: «лофт на 200 человек с террасой»"),
    ] = None,
) -> SearchResult:
    """Full-text search with morphology and filters. Ranking: 0.50·relevance +
    0.25·rating/5 + 0.15·price fit (1 − price/budget, 0.5 without a budget) + 0.10·response
    speed; “на 200 человек” in the text sets the guest count."""
    return await service.search(principal.org_id, q, filters, limit=page.limit, offset=page.offset)


@router.post("/select")
async def select_vendors(
    body: SelectRequest,
    principal: CurrentPrincipal,
    service: VendorsServiceDep,
    locale: Locale = "ru",
) -> SelectResult:
    """One vendor per category, exactly optimal under the hard constraints; if none exists,
    the conflicting constraints and verified relaxations."""
    return await service.select(principal, body, now=utcnow(), locale=locale)


@router.get("/comparison")
async def compare_vendors(
    principal: CurrentPrincipal,
    service: VendorsServiceDep,
    vendor_ids: Annotated[list[uuid.UUID], Query(min_length=1, max_length=10)],
    guests: Annotated[int, Query(ge=1, le=100_000)] = 100,
    locale: Locale = "ru",
) -> ComparisonResult:
    return await service.compare(principal, vendor_ids, guests, locale)


@router.post("/contracts", status_code=status.HTTP_201_CREATED)
async def create_contract(
    body: ContractCreate, principal: WriterPrincipal, service: VendorsServiceDep
) -> ContractOut:
    """Draft a contract: amount with VAT, payment schedule and the vendor's cancellation
    terms. The document is at `GET …/contracts/{id}/document` (`?format=pdf` for a PDF
    where the server has LibreOffice)."""
    return await service.create_contract(principal, body, now=utcnow())


@router.get("/contracts")
async def list_contracts(
    principal: CurrentPrincipal,
    service: VendorsServiceDep,
    event_id: Annotated[uuid.UUID, Query(description="The event the contracts are for")],
) -> list[ContractOut]:
    """The event's contracts, oldest first, with each one's payment stages relative to the
    event date (what a payment schedule is built from)."""
    return await service.contracts(principal, event_id)


@router.get("/events/{event_id}/selection")
async def get_selection(
    event_id: uuid.UUID, principal: CurrentPrincipal, service: ChoicesServiceDep
) -> SelectionOut:
    """The vendors chosen for the event, each with its agreed price, VAT, availability on
    the event's date and latest contract; totals summed from the stored prices."""
    return await service.get(principal, event_id, utcnow())


@router.put(
    "/events/{event_id}/selection",
    responses={409: {"description": "A newly chosen vendor is booked by someone else on the date"}},
)
async def put_selection(
    event_id: uuid.UUID, body: SelectionIn, principal: WriterPrincipal, service: ChoicesServiceDep
) -> SelectionOut:
    """Replace the event's chosen vendors (one per category; an item without a price keeps
    the stored one for the same vendor, else takes the catalogue price for the event's
    guests). A vendor newly chosen while booked or held by someone else on the event's date
    is refused with 409; one chosen earlier that became busy since stays, flagged `busy`.
    Nothing is stored unless every item is valid."""
    return await service.replace(principal, event_id, body, utcnow())


@router.get("/contracts/{contract_id}")
async def get_contract(
    contract_id: uuid.UUID, principal: CurrentPrincipal, service: VendorsServiceDep
) -> ContractOut:
    return await service.contract(principal, contract_id)


@router.get(
    "/contracts/{contract_id}/document",
    response_class=Response,
    responses={
        200: {"content": {DOCX: {}, PDF: {}}},
        406: {"description": "PDF asked for, but this server has no converter (LibreOffice)"},
        503: {"description": "The PDF conversion failed or timed out"},
    },
)
async def contract_document(
    contract_id: uuid.UUID,
    principal: CurrentPrincipal,
    service: VendorsServiceDep,
    format: Annotated[
        Literal["docx", "pdf"],
        Query(description="docx always; pdf where the server has LibreOffice, else 406"),
    ] = "docx",
) -> Response:
    """The contract document from the template: DOCX, or PDF converted from it."""
    if format == "pdf":
        content, media_type = await service.contract_pdf(principal, contract_id), PDF
    else:
        content, media_type = await service.contract_document(principal, contract_id), DOCX
    name = f"contract-{contract_id}.{format}"
    return Response(
        content,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.put(
    "/contracts/{contract_id}/{action}",
    responses={409: {"description": "The contract's status does not allow this step"}},
)
async def change_contract(
    contract_id: uuid.UUID,
    action: Literal["send", "sign", "cancel"],
    principal: WriterPrincipal,
    service: VendorsServiceDep,
    body: ContractTransition | None = None,
) -> ContractOut:
    """draft → sent → signed, or cancel; each step is recorded with who and when. Signing
    books the vendor's date."""
    note = body.note if body else None
    return await service.transition(principal, contract_id, action, now=utcnow(), note=note)


@router.get("/quotes")
async def list_quotes(
    principal: CurrentPrincipal,
    service: VendorsServiceDep,
    event_id: Annotated[uuid.UUID | None, Query()] = None,
) -> list[QuoteRequestOut]:
    """Quote requests with the answers received, comparable against the catalogue estimate."""
    return await service.quotes(principal, event_id)


@router.put("/quotes/{quote_id}/answer")
async def answer_quote(
    quote_id: uuid.UUID, body: QuoteAnswer, principal: WriterPrincipal, service: VendorsServiceDep
) -> QuoteRequestOut:
    """Record the vendor's answer to a quote request."""
    return await service.answer_quote(principal, quote_id, body, now=utcnow())


@router.get("/{vendor_id}")
async def get_vendor(
    vendor_id: uuid.UUID, principal: CurrentPrincipal, service: VendorsServiceDep
) -> VendorOut:
    return await service.get(principal, vendor_id)


@router.post(
    "/{vendor_id}/holds",
    status_code=status.HTTP_201_CREATED,
    responses={409: {"description": "The vendor is already booked or held on this date"}},
)
async def hold_vendor(
    vendor_id: uuid.UUID, body: HoldRequest, principal: WriterPrincipal, service: VendorsServiceDep
) -> HoldOut:
    """Hold the vendor's date; 409 if it is already booked or held."""
    return await service.hold(principal, vendor_id, body, now=utcnow())


@router.post("/{vendor_id}/request-quote", status_code=status.HTTP_201_CREATED)
async def request_quote(
    vendor_id: uuid.UUID,
    body: QuoteRequestIn,
    principal: WriterPrincipal,
    service: VendorsServiceDep,
    locale: Locale = "ru",
) -> QuoteRequestOut:
    """Record a quote request and draft the message to the vendor."""
    return await service.request_quote(principal, vendor_id, body, locale)
