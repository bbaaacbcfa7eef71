"""Reading a vendor list from CSV, JSON or XLSX: every row is validated on its own, good rows
become catalogue rows, bad rows are reported with the row number and what is wrong, so one
typo does not block a 3,000-line upload. Pure: bytes in, rows and a report out."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import uuid
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

from openpyxl import load_workbook
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from eventmaestro.agents.vendors.pricing import PriceModel, VatStatus
from eventmaestro.agents.vendors.taxonomy import CITY_BY_ID, Category
from eventmaestro.agents.vendors.text import document
from eventmaestro.kit.types import LongText, Name, ShortText

FORMATS = ("csv", "json", "xlsx")


def _split_list(value: Any) -> Any:
    """Spreadsheets carry lists as "loft; terrace"."""
    if isinstance(value, str):
        return [part.strip() for part in value.replace(",", ";").split(";") if part.strip()]
    return [] if value is None else value


def _blank_to_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


StrList = Annotated[list[Annotated[str, Field(max_length=60)]], BeforeValidator(_split_list)]
DateList = Annotated[list[dt.date], BeforeValidator(_split_list)]
OptInt = Annotated[int | None, BeforeValidator(_blank_to_none)]


class VendorRow(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: Name
    category: Category
    subcategories: StrList = Field(default_factory=list)
    city_geoname_id: Annotated[int, Field(ge=1, le=2_147_483_647)]
    city_name: Annotated[Name | None, BeforeValidator(_blank_to_none)] = None
    address: Annotated[ShortText | None, BeforeValidator(_blank_to_none)] = None
    capacity_seated: Annotated[OptInt, Field(ge=1, le=100_000)] = None
    capacity_standing: Annotated[OptInt, Field(ge=1, le=100_000)] = None
    price_model: PriceModel
    price_amount: Annotated[Decimal, Field(gt=0, max_digits=14, decimal_places=2)]
    min_order: Annotated[
        Decimal, Field(ge=0, max_digits=14, decimal_places=2), BeforeValidator(_blank_to_none)
    ] = Decimal(0)
    vat_status: VatStatus
    rating: Annotated[Decimal, Field(ge=0, le=5, decimal_places=2)] = Decimal(0)
    review_count: Annotated[int, Field(ge=0)] = 0
    tags: StrList = Field(default_factory=list)
    languages: StrList = Field(default_factory=lambda: ["ru"])
    response_hours: Annotated[int, Field(ge=0, le=24 * 30)] = 24
    prepayment_percent: Annotated[int, Field(ge=0, le=100)] = 0
    cancellation_terms: LongText = ""
    phone: Annotated[ShortText | None, BeforeValidator(_blank_to_none)] = None
    email: Annotated[ShortText | None, BeforeValidator(_blank_to_none)] = None
    website: Annotated[ShortText | None, BeforeValidator(_blank_to_none)] = None
    description_ru: LongText = ""
    description_en: LongText = ""
    busy_dates: DateList = Field(default_factory=list)


@dataclass(frozen=True, slots=True)
class RowError:
    row: int
    errors: list[str]


@dataclass(slots=True)
class ImportReport:
    total: int = 0
    vendors: list[dict[str, Any]] = field(default_factory=list)
    bookings: list[dict[str, Any]] = field(default_factory=list)
    rejected: list[RowError] = field(default_factory=list)


class UnreadableFileError(ValueError):
    pass


def read_rows(path: Path) -> list[dict[str, Any]]:
    kind = path.suffix.lower().lstrip(".")
    if kind not in FORMATS:
        raise UnreadableFileError(f"Unsupported file type .{kind}; use one of {', '.join(FORMATS)}")
    try:
        if kind == "csv":
            text = path.read_text(encoding="utf-8-sig")
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
            return list(csv.DictReader(io.StringIO(text), dialect=dialect))
        if kind == "json":
            data = json.loads(path.read_text(encoding="utf-8"))
            rows = data.get("vendors") if isinstance(data, dict) else data
            if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
                raise UnreadableFileError("JSON must be a list of objects or {'vendors': [...]}")
            return rows
        book = load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = book.active
            if sheet is None:
                raise UnreadableFileError("The workbook has no sheet")
            values = list(sheet.iter_rows(values_only=True))
        finally:
            book.close()
    except UnreadableFileError:
        raise
    # ValueError covers bad JSON and text encodings; the zip and KeyError cases a damaged
    # workbook.
    except (OSError, ValueError, KeyError, csv.Error, zipfile.BadZipFile) as exc:
        raise UnreadableFileError(f"Cannot read {path.name}: {exc}") from exc
    if not values:
        return []
    header = [str(h).strip() if h is not None else "" for h in values[0]]
    return [
        {h: v for h, v in zip(header, row, strict=False) if h and v is not None}
        for row in values[1:]
        if any(v is not None for v in row)
    ]


def validate(rows: list[dict[str, Any]], org_id: uuid.UUID | None) -> ImportReport:
    report = ImportReport(total=len(rows))
    for number, raw in enumerate(rows, start=2 if rows else 1):
        try:
            row = VendorRow.model_validate(raw)
        except ValidationError as exc:
            report.rejected.append(RowError(number, _messages(exc)))
            continue
        city = CITY_BY_ID.get(row.city_geoname_id)
        city_name = row.city_name or (city.name_ru if city else None)
        if city_name is None:
            report.rejected.append(
                RowError(number, ["city_name: required for a city outside the built-in list"])
            )
            continue
        vendor_id = uuid.uuid4()
        report.vendors.append(_vendor(row, vendor_id, city_name, org_id))
        report.bookings += [
            {"id": uuid.uuid4(), "vendor_id": vendor_id, "date": day, "kind": "booked"}
            for day in sorted(set(row.busy_dates))
        ]
    return report


def _messages(exc: ValidationError) -> list[str]:
    return [f"{'.'.join(map(str, e['loc'])) or 'row'}: {e['msg']}" for e in exc.errors()]


def _vendor(
    row: VendorRow, vendor_id: uuid.UUID, city_name: str, org_id: uuid.UUID | None
) -> dict[str, Any]:
    contacts = {
        k: v for k, v in (("phone", row.phone), ("email", row.email), ("website", row.website)) if v
    }
    values = row.model_dump(exclude={"phone", "email", "website", "busy_dates", "city_name"})
    return {
        **values,
        "id": vendor_id,
        "org_id": org_id,
        "city_name": city_name,
        "category": row.category.value,
        "price_model": row.price_model.value,
        "vat_status": row.vat_status.value,
        "contacts": contacts,
        "document_text": document(
            name=row.name,
            category=row.category.value,
            subcategories=row.subcategories,
            tags=row.tags,
            city_name=city_name,
            description_ru=row.description_ru,
            description_en=row.description_en,
        ),
    }
