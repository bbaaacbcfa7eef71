"""`maestro vendors import`: good rows load, bad rows are reported, in CSV, JSON and XLSX."""

from __future__ import annotations

import csv
import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from eventmaestro.agents.vendors.importer import read_rows, validate
from eventmaestro.cli import app

runner = CliRunner()

GOOD: dict[str, Any] = {
    "name": "Лофт «Кирпич»",
    "category": "venue",
    "subcategories": "loft",
    "city_geoname_id": "551487",
    "capacity_seated": "120",
    "price_model": "hour",
    "price_amount": "15000",
    "vat_status": "included",
    "rating": "4.6",
    "tags": "loft; terrace",
    "busy_dates": "2026-12-25; 2026-12-31",
}
BAD_ROWS: list[dict[str, Any]] = [
    {**GOOD, "category": "spaceship"},
    {**GOOD, "price_amount": "-5"},
    {**GOOD, "rating": "7"},
    {**GOOD, "city_geoname_id": "99999999", "name": ""},
]
COLUMNS = list(GOOD)


def _write(path: Path, rows: list[dict[str, Any]]) -> Path:
    if path.suffix == ".csv":
        with path.open("w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, COLUMNS, delimiter=";")
            writer.writeheader()
            writer.writerows(rows)
    elif path.suffix == ".json":
        path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    else:
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append(COLUMNS)
        for row in rows:
            sheet.append([row.get(c) for c in COLUMNS])
        book.save(path)
    return path


@pytest.mark.parametrize("suffix", [".csv", ".json", ".xlsx"])
def test_validation_report(tmp_path: Path, suffix: str) -> None:
    path = _write(tmp_path / f"vendors{suffix}", [GOOD, *BAD_ROWS, {**GOOD, "name": "Второй"}])
    report = validate(read_rows(path), None)
    assert report.total == 6
    assert [v["name"] for v in report.vendors] == ["Лофт «Кирпич»", "Второй"]
    assert [r.row for r in report.rejected] == [3, 4, 5, 6]
    assert "category" in report.rejected[0].errors[0]
    assert "price_amount" in report.rejected[1].errors[0]
    assert len(report.bookings) == 4
    assert report.vendors[0]["tags"] == ["loft", "terrace"]
    assert report.vendors[0]["city_name"] == "Казань"


def test_cli_loads_good_rows_and_reports_bad(tmp_path: Path) -> None:
    env = {"MAESTRO_DATA_DIR": str(tmp_path), "MAESTRO_LOG_JSON": "false"}
    assert runner.invoke(app, ["migrate"], env=env).exit_code == 0
    path = _write(tmp_path / "list.xlsx", [GOOD, *BAD_ROWS])
    result = runner.invoke(app, ["vendors", "import", str(path)], env=env)
    assert result.exit_code == 0, result.output
    assert "Loaded: 1 of 5 rows; rejected: 4" in result.output
    with closing(sqlite3.connect(tmp_path / "maestro.db")) as db:
        assert db.execute("SELECT name FROM vendors").fetchall() == [("Лофт «Кирпич»",)]
        assert db.execute("SELECT count(*) FROM vendor_bookings").fetchone() == (2,)
        assert db.execute("SELECT count(*) FROM search_vendors_fts").fetchone() == (1,)
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    result = runner.invoke(app, ["vendors", "import", str(broken)], env=env)
    assert result.exit_code == 1
    assert "Cannot read" in result.output
