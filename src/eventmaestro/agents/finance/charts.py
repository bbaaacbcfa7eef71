"""PNG charts: category breakdown, plan vs actual, price → attendance → profit.

matplotlib is imported inside each function: it costs about half a second and a font cache on
first use, which API start-up and every other request should not pay.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from eventmaestro.agents.finance.reference import load_reference
from eventmaestro.agents.finance.schemas import (
    BudgetStatusOut,
    EstimateOut,
    PaymentScheduleOut,
    PricingOut,
)
from eventmaestro.kit.money import format_rub

COLOURS = [
    "#2E6F9E",
    "#E07A1F",
    "#3C9D5D",
    "#C23B3B",
    "#7D5BA6",
    "#8C6D31",
    "#D16BA5",
    "#5E8C8C",
    "#9E9E2E",
    "#4D4D4D",
    "#A0522D",
]


def _figure(width: float = 8, height: float = 4.8) -> tuple[Any, Any]:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=(width, height), dpi=110)
    return figure, axes


def _png(figure: Any) -> bytes:
    from matplotlib import pyplot

    buffer = io.BytesIO()
    figure.tight_layout()
    figure.savefig(buffer, format="png")
    pyplot.close(figure)
    return buffer.getvalue()


def _thousands(value: float, _position: object = None) -> str:
    return f"{value / 1000:,.0f} тыс.".replace(",", " ")


def category_breakdown(estimate: EstimateOut, title: str) -> bytes:
    """Horizontal bars, largest first: easier to read than a pie with ten slices."""
    rows = sorted(estimate.allocation, key=lambda a: a.with_vat)
    figure, axes = _figure()
    values = [float(a.with_vat) for a in rows]
    labels = [load_reference().label(a.category) for a in rows]
    bars = axes.barh(labels, values, color=COLOURS[0])
    for bar, allocation in zip(bars, rows, strict=True):
        axes.annotate(
            f" {allocation.share_percent} %",
            (bar.get_width(), bar.get_y() + bar.get_height() / 2),
            va="center",
            fontsize=8,
        )
    axes.xaxis.set_major_formatter(_thousands)
    axes.set_xlim(0, max(values, default=1) * 1.15)
    axes.set_title(f"{title}\nИтого {_rub(estimate.totals.total)} с НДС")
    axes.set_xlabel("₽ с НДС")
    return _png(figure)


def plan_vs_actual(status: BudgetStatusOut, title: str) -> bytes:
    figure, axes = _figure()
    names = [load_reference().label(row.category) for row in status.categories]
    positions = range(len(names))
    width = 0.4
    axes.bar(
        [p - width / 2 for p in positions],
        [float(r.plan) for r in status.categories],
        width,
        label="План",
        color=COLOURS[0],
    )
    actual_colours = [
        COLOURS[3] if r.status.value in ("over", "unplanned") else COLOURS[2]
        for r in status.categories
    ]
    axes.bar(
        [p + width / 2 for p in positions],
        [float(r.actual) for r in status.categories],
        width,
        label="Факт",
        color=actual_colours,
    )
    axes.set_xticks(list(positions), names, rotation=30, ha="right")
    axes.yaxis.set_major_formatter(_thousands)
    axes.legend()
    sign = "+" if status.variance > 0 else ""
    axes.set_title(
        f"{title}\nПлан {_rub(status.plan)}, факт {_rub(status.actual)} "
        f"({sign}{_rub(status.variance)}, {sign}{status.variance_percent} %)"
    )
    return _png(figure)


def price_curve(result: PricingOut, title: str) -> bytes:
    """Profit and attendance against price, the optimum marked."""
    figure, axes = _figure()
    prices = [float(p.price) for p in result.sensitivity]
    axes.plot(
        prices,
        [float(p.profit) for p in result.sensitivity],
        "-o",
        color=COLOURS[0],
        label="Прибыль",
    )
    axes.axvline(float(result.optimum.price), color=COLOURS[3], linestyle="--")
    axes.annotate(
        f"{_rub(result.optimum.price)}\n{_rub(result.optimum.profit)}",
        (float(result.optimum.price), float(result.optimum.profit)),
        textcoords="offset points",
        xytext=(8, -28),
        fontsize=8,
    )
    axes.set_xlabel("Цена билета, ₽")
    axes.set_ylabel("Прибыль, ₽")
    axes.yaxis.set_major_formatter(_thousands)
    guests = axes.twinx()
    guests.plot(
        prices,
        [float(p.attendance) for p in result.sensitivity],
        "-s",
        color=COLOURS[1],
        label="Гости",
    )
    guests.set_ylabel("Ожидаемые гости")
    axes.set_title(title)
    lines = axes.get_legend_handles_labels()
    more = guests.get_legend_handles_labels()
    axes.legend(lines[0] + more[0], lines[1] + more[1], loc="lower center")
    return _png(figure)


def cash_flow(schedule: PaymentScheduleOut, title: str) -> bytes:
    """Payments per period as bars, the running total as a line, the event date marked."""
    figure, axes = _figure()
    starts = [row.period_start for row in schedule.cash_flow]
    labels = [start.strftime("%d.%m.%y") for start in starts]
    axes.bar(
        labels,
        [float(row.amount) for row in schedule.cash_flow],
        color=COLOURS[0],
        label="Платежи за период",
    )
    axes.plot(
        labels,
        [float(row.cumulative) for row in schedule.cash_flow],
        "-o",
        color=COLOURS[1],
        label="Нарастающим итогом",
    )
    axes.yaxis.set_major_formatter(_thousands)
    axes.tick_params(axis="x", rotation=30)
    axes.legend(loc="upper left")
    overdue = f", просрочено {_rub(schedule.overdue_amount)}" if schedule.overdue_amount else ""
    axes.set_title(
        f"{title}\nВсего {_rub(schedule.total)}, к оплате {_rub(schedule.outstanding)}{overdue}"
    )
    return _png(figure)


def _rub(amount: Decimal) -> str:
    return format_rub(amount)
