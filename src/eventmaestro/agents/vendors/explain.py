"""Template explanations of a selection and of relaxations, in Russian or English. Numbers
come from the solver; the words only present them."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from eventmaestro.agents.vendors import geography
from eventmaestro.agents.vendors import selection as sel
from eventmaestro.agents.vendors.taxonomy import CATEGORY_LABELS
from eventmaestro.kit.money import format_rub


def rubles(amount: Decimal) -> str:
    return format_rub(amount)


def _label(category: str, locale: str) -> str:
    ru, en = CATEGORY_LABELS.get(category, (category, category))
    return (ru.split()[0] if locale == "ru" else en.split()[0]).capitalize()


def explain_selection(
    request: sel.SelectionRequest, selection: sel.Selection, locale: str
) -> list[str]:
    lines = []
    for pick in selection.picks:
        c = pick.vendor.candidate
        if locale == "ru":
            line = (
                f"{_label(pick.category, locale)}: {c.name} — {rubles(pick.vendor.price)}, "
                f"рейтинг {c.rating:.1f} ({c.review_count} отзывов); лучший из "
                f"{pick.eligible} подходящих с учётом бюджета"
            )
        else:
            line = (
                f"{_label(pick.category, locale)}: {c.name} — {rubles(pick.vendor.price)}, "
                f"rated {c.rating:.1f} ({c.review_count} reviews); best of "
                f"{pick.eligible} eligible within the budget"
            )
        lines.append(line + ".")
    if request.budget_total is not None:
        left = request.budget_total - selection.total
        lines.append(
            f"Итого {rubles(selection.total)} из {rubles(request.budget_total)}, "
            f"остаток {rubles(left)}."
            if locale == "ru"
            else f"Total {rubles(selection.total)} of {rubles(request.budget_total)}, "
            f"{rubles(left)} left."
        )
    return lines


def relaxation_text(
    r: sel.Relaxation,
    locale: str,
    request: sel.SelectionRequest | None = None,
    places: Mapping[int, str] | None = None,
) -> str:
    """One sentence; a combined relaxation lists its changes. `request` (the original one)
    and `places` (city names as the catalogue spells them) word the "another city" kind."""
    changes = (
        r.changes
        if r.kind is sel.RelaxationKind.COMBINED
        else (sel.Change(r.kind, r.category, r.value),)
    )
    sentence = "; ".join(change_text(c, locale, request, places) for c in changes)
    return sentence[:1].upper() + sentence[1:]


def change_text(
    change: sel.Change,
    locale: str,
    request: sel.SelectionRequest | None = None,
    places: Mapping[int, str] | None = None,
) -> str:
    ru = locale == "ru"
    kind, value = change.kind, change.value
    label = _label(change.category, locale) if change.category else ""
    if kind is sel.RelaxationKind.BUDGET:
        amount = rubles(Decimal(value))
        return f"увеличить бюджет на {amount}" if ru else f"raise the budget by {amount}"
    if kind is sel.RelaxationKind.CATEGORY_CAP:
        amount = rubles(Decimal(value))
        if ru:
            return f"{label}: поднять лимит на {amount}"
        return f"{label}: raise the cap by {amount}"
    if kind is sel.RelaxationKind.DATE:
        return f"перенести на {value}" if ru else f"move to {value}"
    if kind is sel.RelaxationKind.GUESTS:
        return f"сократить число гостей до {value}" if ru else f"reduce guests to {value}"
    if kind is sel.RelaxationKind.CITY:
        return _city_text(int(value), ru, request, places or {})
    return (
        f"{label}: отказаться от требования «{value}»"
        if ru
        else f"{label}: drop the “{value}” requirement"
    )


def _city_text(
    city: int, ru: bool, request: sel.SelectionRequest | None, places: Mapping[int, str]
) -> str:
    there = geography.place(city)
    name = places.get(city) if ru else None
    name = name or (there.name if there else str(city))
    home = geography.place(request.city_geoname_id) if request else None
    km = f" (≈ {round(geography.distance_km(home, there))} км)" if home and there else ""
    if ru:
        return f"провести в другом городе: {name}{km}"
    return f"hold it in {name}{km.replace('км', 'km')}"
