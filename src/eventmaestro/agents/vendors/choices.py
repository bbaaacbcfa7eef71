"""The vendors an organiser chose for an event: one per category, at an agreed price.

The optimiser (`selection.py`) proposes; this is what the organiser decided, kept per event
so that it survives a reload and the event's contracts start from it. Amounts: the agreed
price is before VAT, VAT is what a contract with that vendor would add (`pricing.vat_on`),
and the totals are sums of the stored lines, never stored themselves.

Availability on the event's date — what a project manager expects: choosing a vendor that
someone else has already booked (or holds) on that date is refused with a 409 that names the
vendor, because no contract could be signed with it; a vendor chosen earlier that became busy
since stays chosen, flagged `busy`, so that changing another category is never blocked by it
and the organiser sees what to replace.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from eventmaestro.agents.vendors import events as topics
from eventmaestro.agents.vendors.models import Contract, SelectedVendor, Vendor, VendorBooking
from eventmaestro.agents.vendors.pricing import EventSize, quote, vat_on
from eventmaestro.agents.vendors.repository import VendorsRepository
from eventmaestro.agents.vendors.schemas import (
    Availability,
    ContractRef,
    SelectionIn,
    SelectionItemIn,
    SelectionItemOut,
    SelectionOut,
)
from eventmaestro.agents.vendors.taxonomy import Category
from eventmaestro.events.schemas import EventOut
from eventmaestro.events.service import EventsService
from eventmaestro.kit.auth import Principal
from eventmaestro.kit.errors import ConflictError, ValidationFailedError
from eventmaestro.kit.locks import serialize
from eventmaestro.kit.money import Currency, Money
from eventmaestro.kit.outbox import add_event

ORDER = {category.value: position for position, category in enumerate(Category)}


def availability(
    booking: VendorBooking | None, org_id: uuid.UUID, event_date: dt.date | None
) -> Availability:
    if event_date is None:
        return Availability.UNKNOWN
    if booking is None:
        return Availability.FREE
    if booking.org_id != org_id:
        return Availability.BUSY
    return Availability.BOOKED if booking.kind == "booked" else Availability.HELD


def _money(amount: Decimal) -> Money | None:
    return Money(amount=amount) if amount > 0 else None


class ChoicesService:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.repo = VendorsRepository(session)
        self.events = EventsService(session)

    async def get(
        self, principal: Principal, event_id: uuid.UUID, now: dt.datetime
    ) -> SelectionOut:
        event = await self.events.get(principal, event_id)
        rows = await self.repo.selection(principal.org_id, event_id)
        return await self._out(principal.org_id, event, rows, now)

    async def replace(
        self, principal: Principal, event_id: uuid.UUID, data: SelectionIn, now: dt.datetime
    ) -> SelectionOut:
        """Store exactly `data`'s vendors. Everything is checked before anything is written,
        so a refused set leaves the stored one as it was; the same set twice changes nothing."""
        event = await self.events.get(principal, event_id)
        org_id = principal.org_id
        await serialize(self.session, SelectedVendor, event_id)
        stored = {row.category: row for row in await self.repo.selection(org_id, event_id)}
        vendors = {
            v.id: v for v in await self.repo.get_many(org_id, [i.vendor_id for i in data.items])
        }
        self._check(data.items, vendors, stored, event)
        await self._refuse_busy(data.items, vendors, stored, event, org_id, now)

        changed = False
        for item in data.items:
            vendor = vendors[item.vendor_id]
            row = stored.pop(item.category, None)
            price = self._price(item, vendor, row, event)
            if row is None:
                row = SelectedVendor(
                    org_id=org_id,
                    event_id=event_id,
                    category=item.category,
                    vendor_id=vendor.id,
                    price_amount=price,
                    note=item.note,
                )
                self.session.add(row)
                changed = True
            elif (row.vendor_id, row.price_amount, row.note) != (vendor.id, price, item.note):
                row.vendor_id, row.price_amount, row.note = vendor.id, price, item.note
                row.updated_at = now
                changed = True
        for gone in stored.values():
            await self.session.delete(gone)
            changed = True
        await self.session.flush()
        rows = await self.repo.selection(org_id, event_id)
        if changed:
            add_event(
                self.session,
                topics.SELECTION_CHANGED,
                {
                    "event_id": str(event_id),
                    "picks": [
                        {"category": r.category, "vendor_id": str(r.vendor_id)}
                        for r in sorted(rows, key=lambda r: ORDER[r.category])
                    ],
                },
                org_id=org_id,
            )
        return await self._out(org_id, event, rows, now)

    @staticmethod
    def _check(
        items: Sequence[SelectionItemIn],
        vendors: Mapping[uuid.UUID, Vendor],
        stored: Mapping[str, SelectedVendor],
        event: EventOut,
    ) -> None:
        errors: list[dict[str, Any]] = []

        def refuse(index: int, field: str, message: str, code: str) -> None:
            errors.append(
                {"field": f"body.items.{index}.{field}", "message": message, "code": code}
            )

        for index, item in enumerate(items):
            vendor = vendors.get(item.vendor_id)
            kept = stored.get(item.category)
            if vendor is None:
                refuse(
                    index, "vendor_id", f"No vendor {item.vendor_id} in the catalogue", "unknown"
                )
            elif vendor.category != item.category:
                refuse(
                    index,
                    "category",
                    f"{vendor.name} is a {vendor.category} vendor, not {item.category}",
                    "category_mismatch",
                )
            elif item.price is not None and item.price.currency is not Currency.RUB:
                refuse(index, "price.currency", "Agreed prices are in roubles (RUB)", "currency")
            elif (
                item.price is None
                and (kept is None or kept.vendor_id != vendor.id)
                and event.guests_count is None
            ):
                refuse(
                    index,
                    "price",
                    "The event has no guest count to price this vendor by: give the agreed price",
                    "missing",
                )
        if errors:
            summary = "; ".join(f"{e['field']}: {e['message']}" for e in errors[:5])
            raise ValidationFailedError(f"Invalid request: {summary}", extra={"errors": errors})

    async def _refuse_busy(
        self,
        items: Sequence[SelectionItemIn],
        vendors: Mapping[uuid.UUID, Vendor],
        stored: Mapping[str, SelectedVendor],
        event: EventOut,
        org_id: uuid.UUID,
        now: dt.datetime,
    ) -> None:
        if event.date is None:
            return
        new = [
            i.vendor_id
            for i in items
            if (kept := stored.get(i.category)) is None or kept.vendor_id != i.vendor_id
        ]
        bookings = await self.repo.bookings_on(new, event.date, now)
        busy = [vendors[v].name for v in new if v in bookings and bookings[v].org_id != org_id]
        if busy:
            raise ConflictError(
                f"Busy on {event.date.isoformat()}, booked by someone else: {', '.join(busy)}. "
                "Choose another vendor; the stored selection was not changed."
            )

    @staticmethod
    def _price(
        item: SelectionItemIn, vendor: Vendor, kept: SelectedVendor | None, event: EventOut
    ) -> Decimal:
        if item.price is not None:
            return item.price.amount
        if kept is not None and kept.vendor_id == vendor.id:
            return kept.price_amount
        # The optimiser's event size (default hours, one day), so an accepted proposal keeps
        # the price it was proposed at.
        size = EventSize(event.guests_count or 1)
        net = quote(
            vendor.price_model,
            vendor.price_amount,
            vendor.min_order,
            vendor.vat_status,
            size,
            event.date,
        ).net
        return max(net, Decimal("0.01"))

    async def _out(
        self,
        org_id: uuid.UUID,
        event: EventOut,
        rows: Sequence[SelectedVendor],
        now: dt.datetime,
    ) -> SelectionOut:
        rows = sorted(rows, key=lambda r: ORDER[r.category])
        vendors = {v.id: v for v in await self.repo.get_many(org_id, [r.vendor_id for r in rows])}
        bookings = await self.repo.bookings_on(list(vendors), event.date, now) if event.date else {}
        latest: dict[uuid.UUID, Contract] = {
            c.vendor_id: c for c in await self.repo.contracts(org_id, event.id)
        }
        items: list[SelectionItemOut] = []
        net = vat = Decimal("0.00")
        for row in rows:
            vendor = vendors[row.vendor_id]
            line_vat = vat_on(row.price_amount, vendor.vat_status, event.date)
            net, vat = net + row.price_amount, vat + line_vat
            contract = latest.get(vendor.id)
            items.append(
                SelectionItemOut(
                    category=row.category,
                    vendor_id=vendor.id,
                    vendor_name=vendor.name,
                    vat_status=vendor.vat_status,
                    price=Money(amount=row.price_amount),
                    vat=_money(line_vat),
                    total=Money(amount=row.price_amount + line_vat),
                    note=row.note,
                    availability=availability(bookings.get(vendor.id), org_id, event.date),
                    contract=ContractRef(id=contract.id, status=contract.status)
                    if contract
                    else None,
                )
            )
        return SelectionOut(
            event_id=event.id,
            items=items,
            net=_money(net),
            vat=_money(vat),
            total=_money(net + vat),
            updated_at=max((r.updated_at for r in rows), default=None),
        )
