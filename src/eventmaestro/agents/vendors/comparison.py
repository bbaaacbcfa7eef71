"""Side-by-side comparison: each vendor's price for this event and terms, every metric also
normalised to 0..1 (1 = best in this set) so different scales read alike, and a template
summary naming the leader on each axis."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from eventmaestro.agents.vendors.explain import rubles
from eventmaestro.agents.vendors.models import Vendor
from eventmaestro.agents.vendors.pricing import EventSize, quote
from eventmaestro.agents.vendors.schemas import ComparisonResult, ComparisonRow
from eventmaestro.kit.money import Money


def _capacity_fit(v: Vendor, guests: int) -> float | None:
    if v.category != "venue" or not v.capacity_seated:
        return None
    return round(guests / v.capacity_seated, 3)


def compare(vendors: Sequence[Vendor], guests: int, locale: str) -> ComparisonResult:
    prices = [
        quote(v.price_model, v.price_amount, v.min_order, v.vat_status, EventSize(guests)).total
        for v in vendors
    ]
    cheapest = min(prices)
    rows = []
    for v, price in zip(vendors, prices, strict=True):
        fit = _capacity_fit(v, guests)
        normalised = {
            "price": float(cheapest / price),
            "rating": float(v.rating) / 5,
            "response": 1 - min(v.response_hours, 72) / 72,
            "prepayment": 1 - v.prepayment_percent / 100,
        }
        if fit is not None:
            # Full but not over capacity is ideal; an overfull room scores zero.
            normalised["capacity"] = fit if fit <= 1 else 0.0
        rows.append(
            ComparisonRow(
                vendor_id=v.id,
                name=v.name,
                category=v.category,
                event_price=Money(amount=price),
                price_per_guest=Money(amount=max(price / guests, Decimal("0.01"))),
                rating=v.rating,
                review_count=v.review_count,
                capacity_fit=fit,
                prepayment_percent=v.prepayment_percent,
                response_hours=v.response_hours,
                cancellation_terms=v.cancellation_terms,
                normalised={k: round(x, 3) for k, x in normalised.items()},
            )
        )
    return ComparisonResult(guests=guests, rows=rows, summary=_summary(rows, locale))


def _summary(rows: list[ComparisonRow], locale: str) -> str:
    cheapest = min(rows, key=lambda r: r.event_price.amount)
    best = max(rows, key=lambda r: (r.rating, r.review_count))
    fastest = min(rows, key=lambda r: r.response_hours)
    if locale == "ru":
        return (
            f"Дешевле всех — {cheapest.name} ({rubles(cheapest.event_price.amount)}). "
            f"Лучший рейтинг — {best.name} ({best.rating}, {best.review_count} отзывов). "
            f"Быстрее всех отвечает {fastest.name} (≈{fastest.response_hours} ч)."
        )
    return (
        f"Cheapest: {cheapest.name} ({rubles(cheapest.event_price.amount)}). "
        f"Best rated: {best.name} ({best.rating}, {best.review_count} reviews). "
        f"Fastest to answer: {fastest.name} (≈{fastest.response_hours} h)."
    )
