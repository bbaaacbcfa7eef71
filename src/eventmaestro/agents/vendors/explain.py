"""Template explanations of a selection and of relaxations, in Russian or English. Numbers
come from the solver; the words only present them."""

from __future__ import annotations

from decimal import Decimal

from eventmaestro.agents.vendors import selection as sel
from eventmaestro.agents.vendors.taxonomy import CATEGORY_LABELS


def rubles(amount: Decimal) -> str:
    return f"{amount:,.0f}".replace(",", " ") + " ₽"


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


def relaxation_text(r: sel.Relaxation, locale: str) -> str:
    ru = locale == "ru"
    kind = r.kind
    if kind is sel.RelaxationKind.BUDGET:
        return (
            f"Увеличить бюджет на {rubles(Decimal(r.value))}"
            if ru
            else f"Raise the budget by {rubles(Decimal(r.value))}"
        )
    if kind is sel.RelaxationKind.CATEGORY_CAP:
        label = _label(r.category or "", locale)
        return (
            f"{label}: поднять лимит на {rubles(Decimal(r.value))}"
            if ru
            else f"{label}: raise the cap by {rubles(Decimal(r.value))}"
        )
    if kind is sel.RelaxationKind.DATE:
        return f"Перенести на {r.value}" if ru else f"Move to {r.value}"
    if kind is sel.RelaxationKind.GUESTS:
        return f"Сократить число гостей до {r.value}" if ru else f"Reduce guests to {r.value}"
    label = _label(r.category or "", locale)
    return (
        f"{label}: отказаться от требования «{r.value}»"
        if ru
        else f"{label}: drop the “{r.value}” requirement"
    )
