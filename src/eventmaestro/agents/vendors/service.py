"""Vendor rules: visibility, search, selection, comparison, holds, quotes and contracts."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import uuid
from collections.abc import Collection, Mapping, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from eventmaestro.agents.vendors import events as topics
from eventmaestro.agents.vendors import selection as sel
from eventmaestro.agents.vendors.comparison import compare
from eventmaestro.agents.vendors.contracts import (
    ContractDocument,
    Terms,
    next_status,
    render_docx,
)
from eventmaestro.agents.vendors.contracts import terms as contract_terms
from eventmaestro.agents.vendors.demo import generate
from eventmaestro.agents.vendors.explain import explain_selection, relaxation_text
from eventmaestro.agents.vendors.geography import nearby
from eventmaestro.agents.vendors.models import Contract, QuoteRequest, Vendor, VendorBooking
from eventmaestro.agents.vendors.pdf import (
    PdfConversionError,
    PdfUnavailableError,
    converter,
    docx_to_pdf,
)
from eventmaestro.agents.vendors.pricing import EventSize, Quote, quote
from eventmaestro.agents.vendors.repository import SearchFilters, VendorsRepository
from eventmaestro.agents.vendors.schemas import (
    CategoryPick,
    ChosenVendor,
    ComparisonResult,
    ConflictOut,
    ContractCounts,
    ContractCreate,
    ContractOut,
    ContractStatus,
    HoldOut,
    HoldRequest,
    PaymentStageOut,
    QuoteAnswer,
    QuoteRequestIn,
    QuoteRequestOut,
    RelaxationOut,
    SearchHit,
    SearchResult,
    SelectRequest,
    SelectResult,
    VendorOut,
)
from eventmaestro.agents.vendors.text import parse_query
from eventmaestro.kit.auth import Principal
from eventmaestro.kit.clock import utcnow
from eventmaestro.kit.errors import (
    ConflictError,
    MaestroError,
    NotFoundError,
    ServiceUnavailableError,
)
from eventmaestro.kit.money import Money
from eventmaestro.kit.outbox import add_event

logger = logging.getLogger(__name__)


class PdfNotAvailableError(MaestroError):
    status = 406
    title = "Not acceptable"
    slug = "not-acceptable"


# Nearby cities tried when a selection is impossible in the event's own city.
NEARBY_CITIES = 3


def rub(amount: Decimal) -> Money:
    """Money is strictly positive; computed prices are, this only guards a zero minimum."""
    return Money(amount=max(amount, Decimal("0.01")))


def to_out(v: Vendor) -> VendorOut:
    return VendorOut(
        id=v.id,
        shared=v.org_id is None,
        name=v.name,
        category=v.category,
        subcategories=v.subcategories,
        city_geoname_id=v.city_geoname_id,
        city_name=v.city_name,
        address=v.address,
        capacity_seated=v.capacity_seated,
        capacity_standing=v.capacity_standing,
        price_model=v.price_model,
        price=rub(v.price_amount),
        min_order=Money(amount=v.min_order) if v.min_order > 0 else None,
        vat_status=v.vat_status,
        rating=v.rating,
        review_count=v.review_count,
        tags=v.tags,
        languages=v.languages,
        response_hours=v.response_hours,
        prepayment_percent=v.prepayment_percent,
        cancellation_terms=v.cancellation_terms,
        contacts=v.contacts,
        description_ru=v.description_ru,
        description_en=v.description_en,
    )


def vendor_quote(v: Vendor, guests: int, hours: int = 5) -> Quote:
    return quote(v.price_model, v.price_amount, v.min_order, v.vat_status, EventSize(guests, hours))


def to_candidate(v: Vendor, busy: set[dt.date]) -> sel.Candidate:
    return sel.Candidate(
        id=str(v.id),
        name=v.name,
        category=v.category,
        city_geoname_id=v.city_geoname_id,
        price_model=v.price_model,
        unit_price=v.price_amount,
        min_order=v.min_order,
        vat_status=v.vat_status,
        rating=float(v.rating),
        review_count=v.review_count,
        response_hours=v.response_hours,
        capacity=v.capacity_seated,
        tags=frozenset(v.tags),
        busy_dates=frozenset(busy),
    )


class VendorsService:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.repo = VendorsRepository(session)

    async def get(self, principal: Principal, vendor_id: uuid.UUID) -> VendorOut:
        return to_out(await self.load(principal.org_id, vendor_id))

    async def load(self, org_id: uuid.UUID, vendor_id: uuid.UUID) -> Vendor:
        vendor = await self.repo.get(org_id, vendor_id)
        if vendor is None:
            raise NotFoundError("Vendor not found")
        return vendor

    async def search(
        self,
        org_id: uuid.UUID,
        q: str | None,
        filters: SearchFilters,
        *,
        limit: int,
        offset: int,
    ) -> SearchResult:
        parsed = parse_query(q or "")
        guests = filters.guests or parsed.guests
        f = SearchFilters(
            terms=parsed.terms,
            categories=filters.categories,
            city_geoname_id=filters.city_geoname_id,
            guests=guests,
            free_on=filters.free_on,
            budget=filters.budget,
            rating_min=filters.rating_min,
            tags=filters.tags,
            now=filters.now,
        )
        page = await self.repo.search(org_id, f, limit=limit, offset=offset)
        return SearchResult(
            items=[
                SearchHit(vendor=to_out(v), score=round(score, 4), event_price=rub(price))
                for v, score, price in page.rows
            ],
            total=page.total,
            limit=limit,
            offset=offset,
            guests=guests,
            facets=page.facets,
        )

    async def select(
        self, principal: Principal, data: SelectRequest, *, now: dt.datetime, locale: str = "ru"
    ) -> SelectResult:
        result = await self.select_for_org(principal.org_id, data, now=now, locale=locale)
        if result.feasible:
            add_event(
                self.session,
                topics.VENDOR_SELECTED,
                {
                    "event_id": str(data.event_id) if data.event_id else None,
                    "date": data.date.isoformat(),
                    "picks": [
                        {
                            "category": p.category,
                            "vendor_id": str(p.vendor.vendor_id),
                            "price": str(p.vendor.price.amount),
                        }
                        for p in result.picks
                    ],
                    "total": str(result.total.amount) if result.total else None,
                },
                org_id=principal.org_id,
            )
        return result

    async def select_for_org(
        self, org_id: uuid.UUID, data: SelectRequest, *, now: dt.datetime, locale: str
    ) -> SelectResult:
        vendors = await self.repo.candidates(
            org_id, data.city_geoname_id, [c.value for c in data.categories]
        )
        window = dt.timedelta(days=sel.DATE_SEARCH_DAYS)
        busy = await self.repo.busy_dates(
            [v.id for v in vendors], data.date - window, data.date + window, now
        )
        candidates = [to_candidate(v, busy.get(v.id, set())) for v in vendors]
        request = sel.SelectionRequest(
            city_geoname_id=data.city_geoname_id,
            date=data.date,
            guests=data.guests,
            hours=data.hours,
            categories=tuple(c.value for c in data.categories),
            budget_total=data.budget.amount if data.budget else None,
            category_caps={c.value: m.amount for c, m in data.category_caps.items()},
            required_tags={c.value: frozenset(t) for c, t in data.required_tags.items()},
            preferred_tags=frozenset(data.preferred_tags),
            excluded=frozenset(str(i) for i in data.excluded_vendor_ids),
        )
        # The solver is CPU-bound; keep the event loop answering other requests meanwhile.
        outcome = await asyncio.to_thread(sel.solve, request, candidates)
        places: dict[int, str] = {}
        if outcome.selection is None:
            elsewhere, places = await self._nearby_candidates(org_id, request, now)
            if elsewhere:
                outcome = await asyncio.to_thread(
                    sel.with_other_cities, request, outcome, elsewhere
                )
        return _to_result(request, outcome, locale, places)

    async def _nearby_candidates(
        self, org_id: uuid.UUID, request: sel.SelectionRequest, now: dt.datetime
    ) -> tuple[list[tuple[int, list[sel.Candidate]]], dict[int, str]]:
        """Vendors of the nearest cities that offer every category asked for (see
        geography.nearby), with their busy days on the event's date; and the cities' names
        as the catalogue spells them."""
        offering = await self.repo.cities_offering(org_id, request.categories)
        elsewhere: list[tuple[int, list[sel.Candidate]]] = []
        for near in nearby(request.city_geoname_id, offering, limit=NEARBY_CITIES):
            vendors = await self.repo.candidates(org_id, near.geoname_id, request.categories)
            busy = await self.repo.busy_dates(
                [v.id for v in vendors], request.date, request.date, now
            )
            elsewhere.append(
                (near.geoname_id, [to_candidate(v, busy.get(v.id, set())) for v in vendors])
            )
        return elsewhere, offering

    async def compare(
        self, principal: Principal, ids: Sequence[uuid.UUID], guests: int, locale: str = "ru"
    ) -> ComparisonResult:
        found = {v.id: v for v in await self.repo.get_many(principal.org_id, ids)}
        missing = [str(i) for i in ids if i not in found]
        if missing:
            raise NotFoundError(f"Vendor not found: {', '.join(missing)}")
        return compare([found[i] for i in dict.fromkeys(ids)], guests, locale)

    async def ensure_demo_catalogue(self, *, start: dt.date, count: int, seed: int) -> int:
        """Load the demo catalogue unless a shared catalogue exists; returns vendors added."""
        if await self.repo.shared_catalogue_size():
            return 0
        # Generating takes a second or more of CPU: keep the event loop serving meanwhile.
        vendors, bookings = await asyncio.to_thread(generate, count, seed=seed, start=start)
        await self.repo.insert_vendors(vendors)
        await self.repo.insert_bookings(bookings)
        return len(vendors)

    async def hold(
        self, principal: Principal, vendor_id: uuid.UUID, data: HoldRequest, *, now: dt.datetime
    ) -> HoldOut:
        """Reserve the vendor's date for a while. The unique (vendor, date) constraint is the
        arbiter: of two concurrent holds exactly one commits, the other gets a 409."""
        vendor = await self.load(principal.org_id, vendor_id)
        await self.repo.clear_expired_hold(vendor.id, data.date, now)
        booking = VendorBooking(
            vendor_id=vendor.id,
            date=data.date,
            kind="hold",
            org_id=principal.org_id,
            event_id=data.event_id,
            expires_at=now + dt.timedelta(hours=data.hours),
        )
        try:
            async with self.session.begin_nested():
                await self.repo.add_booking(booking)
        except IntegrityError as exc:
            raise ConflictError(f"{vendor.name} is already busy on {data.date}") from exc
        add_event(
            self.session,
            topics.VENDOR_HELD,
            {"vendor_id": str(vendor.id), "date": data.date.isoformat()},
            org_id=principal.org_id,
        )
        return HoldOut(
            vendor_id=vendor.id, date=data.date, kind="hold", expires_at=booking.expires_at
        )

    async def request_quote(
        self, principal: Principal, vendor_id: uuid.UUID, data: QuoteRequestIn, locale: str
    ) -> QuoteRequestOut:
        """Record the request and draft the message to the vendor; the estimate is the
        catalogue price for this event, to compare the answer against."""
        vendor = await self.load(principal.org_id, vendor_id)
        estimate = vendor_quote(vendor, data.guests).total
        message = draft_quote_message(vendor.name, data, locale)
        row = QuoteRequest(
            org_id=principal.org_id,
            vendor_id=vendor.id,
            event_id=data.event_id,
            requirements=data.requirements,
            deadline=data.deadline,
            message=message,
            status="requested",
            estimate_amount=estimate,
        )
        await self.repo.add(row)
        add_event(
            self.session,
            topics.QUOTE_REQUESTED,
            {"quote_request_id": str(row.id), "vendor_id": str(vendor.id)},
            org_id=principal.org_id,
        )
        return quote_out(row)

    async def answer_quote(
        self, principal: Principal, quote_id: uuid.UUID, data: QuoteAnswer, *, now: dt.datetime
    ) -> QuoteRequestOut:
        row = await self.repo.quote(principal.org_id, quote_id)
        if row is None:
            raise NotFoundError("Quote request not found")
        row.status, row.quoted_amount, row.answer_note = "answered", data.amount.amount, data.note
        row.updated_at = now
        await self.session.flush()
        return quote_out(row)

    async def quotes(
        self, principal: Principal, event_id: uuid.UUID | None
    ) -> list[QuoteRequestOut]:
        """Answered quotes first, cheapest first: the order to compare them in."""
        rows = await self.repo.quotes(principal.org_id, event_id)
        rows.sort(key=lambda r: (r.quoted_amount is None, r.quoted_amount or 0))
        return [quote_out(r) for r in rows]

    async def create_contract(
        self, principal: Principal, data: ContractCreate, *, now: dt.datetime
    ) -> ContractOut:
        vendor = await self.load(principal.org_id, data.vendor_id)
        net = (
            data.amount.amount if data.amount else vendor_quote(vendor, data.guests, data.hours).net
        )
        t = contract_terms(
            net, vendor.vat_status, vendor.prepayment_percent, now.date(), data.event_date
        )
        contract = Contract(
            org_id=principal.org_id,
            vendor_id=vendor.id,
            event_id=data.event_id,
            event_date=data.event_date,
            client_name=data.client_name,
            scope=data.scope,
            amount=t.net,
            vat_amount=t.vat,
            total_amount=t.total,
            payment_schedule=t.schedule,
            cancellation_terms=vendor.cancellation_terms,
            status=ContractStatus.DRAFT,
            audit=[_audit("created", principal, now)],
        )
        await self.repo.add(contract)
        self._contract_event(contract)
        return contract_out(contract, vendor)

    async def contract_counts(
        self, org_id: uuid.UUID, event_ids: Collection[uuid.UUID]
    ) -> dict[uuid.UUID, ContractCounts]:
        """Each event's contracts by status, in one query however many events there are."""
        by_status: dict[uuid.UUID, dict[str, int]] = {event_id: {} for event_id in event_ids}
        if by_status:
            for event_id, status, count in await self.repo.contract_counts(org_id, by_status):
                by_status[event_id][ContractStatus(status).value] = count
        return {event_id: ContractCounts(**counts) for event_id, counts in by_status.items()}

    async def contract(self, principal: Principal, contract_id: uuid.UUID) -> ContractOut:
        contract = await self._load_contract(principal, contract_id)
        return contract_out(contract, await self.load(principal.org_id, contract.vendor_id))

    async def contracts(self, principal: Principal, event_id: uuid.UUID) -> list[ContractOut]:
        """The event's contracts, oldest first; an event of another organisation has none."""
        rows = await self.repo.contracts(principal.org_id, event_id)
        vendors = {
            v.id: v for v in await self.repo.get_many(principal.org_id, [r.vendor_id for r in rows])
        }
        return [contract_out(r, vendors[r.vendor_id]) for r in rows]

    async def transition(
        self,
        principal: Principal,
        contract_id: uuid.UUID,
        action: str,
        *,
        now: dt.datetime,
        note: str | None = None,
    ) -> ContractOut:
        """Move a contract along draft → sent → signed (or cancel it), with an audit entry.
        Signing books the vendor's date for good; it fails if someone else holds it.
        Cancelling a signed contract frees that date again, unless another signed contract
        of the organisation still needs the vendor on it."""
        contract = await self._load_contract(principal, contract_id)
        target = next_status(action, contract.status)
        if target is None:
            raise ConflictError(f"A {contract.status} contract cannot be {action}ed")
        if target == ContractStatus.SIGNED:
            await self._book(principal, contract)
        elif target == ContractStatus.CANCELLED and contract.status == ContractStatus.SIGNED:
            await self.repo.release_booking(
                principal.org_id, contract.vendor_id, contract.event_date, keep_for=contract.id
            )
        contract.status = target
        contract.audit = [*contract.audit, _audit(target, principal, now, note)]
        contract.updated_at = now
        await self.session.flush()
        self._contract_event(contract)
        return contract_out(contract, await self.load(principal.org_id, contract.vendor_id))

    async def contract_document(self, principal: Principal, contract_id: uuid.UUID) -> bytes:
        contract = await self._load_contract(principal, contract_id)
        vendor = await self.load(principal.org_id, contract.vendor_id)
        return render_docx(
            ContractDocument(
                number=contract.id.hex[:8].upper(),
                date=contract.created_at.date(),
                client_name=contract.client_name,
                vendor_name=vendor.name,
                vendor_address=vendor.address,
                event_date=contract.event_date,
                scope=contract.scope,
                terms=Terms(
                    net=contract.amount,
                    vat=contract.vat_amount,
                    total=contract.total_amount,
                    schedule=contract.payment_schedule,
                ),
                vat_exempt=vendor.vat_status == "exempt",
                cancellation_terms=contract.cancellation_terms,
            )
        )

    async def contract_pdf(self, principal: Principal, contract_id: uuid.UUID) -> bytes:
        """The DOCX converted by LibreOffice in a worker thread. Without a converter the
        answer is 406 (this server cannot produce that representation; the DOCX it can);
        a conversion that fails or times out is the server's trouble: 503."""
        docx = await self.contract_document(principal, contract_id)
        if converter() is None:
            raise PdfNotAvailableError(
                "PDF is not available on this server: no document converter (LibreOffice "
                "`soffice`) is installed. The contract is available as DOCX: "
                f"GET /api/v1/vendors/contracts/{contract_id}/document"
            )
        try:
            return await asyncio.to_thread(docx_to_pdf, docx)
        except (PdfUnavailableError, PdfConversionError) as exc:
            logger.warning("vendors.contract_pdf_failed", extra={"reason": str(exc)})
            raise ServiceUnavailableError(
                f"The contract could not be converted to PDF ({exc}); the DOCX is available: "
                f"GET /api/v1/vendors/contracts/{contract_id}/document"
            ) from exc

    async def _book(self, principal: Principal, contract: Contract) -> None:
        existing = await self.repo.booking(contract.vendor_id, contract.event_date)
        if existing is None:
            booking = VendorBooking(
                vendor_id=contract.vendor_id,
                date=contract.event_date,
                kind="booked",
                org_id=principal.org_id,
                event_id=contract.event_id,
            )
            try:
                async with self.session.begin_nested():
                    await self.repo.add_booking(booking)
            except IntegrityError as exc:
                raise ConflictError("The vendor was booked on this date meanwhile") from exc
            return
        if existing.org_id != principal.org_id:
            raise ConflictError("The vendor is busy on this date")
        existing.kind, existing.expires_at = "booked", None

    async def _load_contract(self, principal: Principal, contract_id: uuid.UUID) -> Contract:
        contract = await self.repo.contract(principal.org_id, contract_id)
        if contract is None:
            raise NotFoundError("Contract not found")
        return contract

    def _contract_event(self, contract: Contract) -> None:
        add_event(
            self.session,
            topics.CONTRACT_CHANGED,
            {"contract_id": str(contract.id), "status": contract.status},
            org_id=contract.org_id,
        )


def _audit(
    action: str, principal: Principal, now: dt.datetime, note: str | None = None
) -> dict[str, Any]:
    entry = {"action": action, "by": str(principal.actor_id), "kind": principal.kind}
    return {**entry, "at": now.isoformat(), **({"note": note} if note else {})}


def contract_out(c: Contract, vendor: Vendor) -> ContractOut:
    return ContractOut(
        id=c.id,
        vendor_id=c.vendor_id,
        vendor_name=vendor.name,
        category=vendor.category,
        event_id=c.event_id,
        event_date=c.event_date,
        client_name=c.client_name,
        scope=c.scope,
        amount=rub(c.amount),
        vat=Money(amount=c.vat_amount) if c.vat_amount > 0 else None,
        total=rub(c.total_amount),
        payment_schedule=[_stage_out(stage, c.event_date) for stage in c.payment_schedule],
        cancellation_terms=c.cancellation_terms,
        status=c.status,
        signed_on=next(
            (
                dt.datetime.fromisoformat(entry["at"]).date()
                for entry in reversed(c.audit)
                if entry.get("action") == ContractStatus.SIGNED
            ),
            None,
        ),
        pdf_available=converter() is not None,
        audit=c.audit,
    )


def _stage_out(stage: Mapping[str, Any], event_date: dt.date) -> PaymentStageOut:
    due = dt.date.fromisoformat(stage["due"])
    return PaymentStageOut(
        stage=stage["stage"],
        percent=stage["percent"],
        amount=Decimal(stage["amount"]),
        due=due,
        days_before_event=(event_date - due).days,
    )


def quote_out(row: QuoteRequest) -> QuoteRequestOut:
    quoted = row.quoted_amount
    return QuoteRequestOut(
        id=row.id,
        vendor_id=row.vendor_id,
        event_id=row.event_id,
        requirements=row.requirements,
        deadline=row.deadline,
        message=row.message,
        status=row.status,
        estimate=rub(row.estimate_amount),
        quoted=rub(quoted) if quoted is not None else None,
        answer_note=row.answer_note,
        vs_estimate_percent=round(float((quoted / row.estimate_amount - 1) * 100), 1)
        if quoted is not None
        else None,
    )


def draft_quote_message(vendor_name: str, data: QuoteRequestIn, locale: str) -> str:
    deadline = data.deadline.strftime("%d.%m.%Y") if data.deadline else None
    if locale == "ru":
        return (
            f"Здравствуйте, {vendor_name}!\n\nПросим коммерческое предложение на мероприятие "
            f"{data.date.strftime('%d.%m.%Y')}, {data.guests} гостей.\nТребования: "
            f"{data.requirements}\n"
            + (f"Ответ просим прислать до {deadline}.\n" if deadline else "")
            + "\nСпасибо!"
        )
    return (
        f"Hello {vendor_name},\n\nPlease send us a quote for an event on "
        f"{data.date.isoformat()}, {data.guests} guests.\nRequirements: {data.requirements}\n"
        + (f"We would appreciate your answer by {data.deadline}.\n" if deadline else "")
        + "\nThank you!"
    )


def _chosen(p: sel.Priced) -> ChosenVendor:
    return ChosenVendor(
        vendor_id=uuid.UUID(p.candidate.id),
        name=p.candidate.name,
        price=rub(p.price),
        quality=p.quality / sel.QUALITY_SCALE,
    )


def _to_result(
    request: sel.SelectionRequest,
    outcome: sel.Outcome,
    locale: str,
    places: Mapping[int, str] | None = None,
) -> SelectResult:
    funnel: dict[str, dict[str, int]] = {k: dict(v) for k, v in outcome.funnel.items()}
    if outcome.selection is not None:
        s = outcome.selection
        return SelectResult(
            feasible=True,
            picks=[
                CategoryPick(
                    category=p.category,
                    vendor=_chosen(p.vendor),
                    alternatives=[_chosen(a) for a in p.alternatives],
                    eligible=p.eligible,
                )
                for p in s.picks
            ],
            total=rub(s.total),
            explanation=explain_selection(request, s, locale),
            conflicts=[],
            relaxations=[],
            funnel=funnel,
        )
    return SelectResult(
        feasible=False,
        picks=[],
        total=None,
        explanation=[],
        conflicts=[
            ConflictOut(category=c.category, constraint=c.stage, detail=c.detail)
            for c in outcome.conflicts
        ],
        relaxations=[
            RelaxationOut(
                kind=r.kind,
                category=r.category,
                value=r.value,
                description=relaxation_text(r, locale, request, places or {}),
                total=rub(r.selection.total),
            )
            for r in outcome.relaxations
        ],
        funnel=funnel,
    )


DEMO_SIZE, DEMO_SEED = 5000, 20261224


async def load_demo_catalogue(sessionmaker: async_sessionmaker[AsyncSession]) -> int:
    """First start of an embedded installation: give it a catalogue to try. Runs in the
    background; if interrupted, its transaction rolls back and the next start tries again."""
    async with sessionmaker() as session:
        added = await VendorsService(session).ensure_demo_catalogue(
            start=utcnow().date(), count=DEMO_SIZE, seed=DEMO_SEED
        )
        await session.commit()
    if added:
        logger.info("vendors.demo_catalogue_loaded", extra={"vendors": added})
    return added
