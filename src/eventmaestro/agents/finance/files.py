"""Downloadable files (XLSX, CSV, PNG) and their media types."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from eventmaestro.agents.finance import charts
from eventmaestro.agents.finance.analysis import pricing
from eventmaestro.agents.finance.schemas import PricingRequest


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


def as_file(content: bytes | str, fmt: ExportFormat, stem: str) -> FileOut:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return FileOut(data, MEDIA_TYPES[fmt], f"{stem}.{fmt.value}")


def pricing_chart(data: PricingRequest) -> FileOut:
    result = pricing(data)
    return as_file(
        charts.price_curve(result, "Цена → гости → прибыль"), ExportFormat.PNG, "pricing"
    )
