"""Quotes and contracts: drafted message, amounts with VAT and schedule in a DOCX that opens,
the draft → sent → signed lifecycle with an audit trail, signing books the date, and other
tenants see none of it."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import shutil
import subprocess
import time
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from docx import Document

from eventmaestro.agents.vendors.contracts import terms
from eventmaestro.agents.vendors.pdf import PdfConversionError, converter, docx_to_pdf
from eventmaestro.kit.platform import Platform
from tests.agents.vendors.catalogue import HALAL, LOFT, load
from tests.api.helpers import add_user, bearer, register


@pytest.fixture
async def token(client: httpx.AsyncClient, clean_platform: Platform) -> str:
    await load(clean_platform, filler=0)
    access: str = (await register(client))["access_token"]
    return access


def test_schedule_adds_up_to_the_kopeck() -> None:
    t = terms(Decimal("333333.33"), "extra", 30, dt.date(2026, 11, 24), dt.date(2026, 12, 20))
    # A December 2026 event: VAT 22 % (the rate from 1 January 2026).
    assert t.vat == Decimal("73333.33")
    assert t.total == Decimal("406666.66")
    assert [s["amount"] for s in t.schedule] == ["122000.00", "284666.66"]
    assert [s["due"] for s in t.schedule] == ["2026-11-29", "2026-12-17"]
    exempt = terms(Decimal(1000), "exempt", 100, dt.date(2026, 1, 1), dt.date(2026, 1, 2))
    assert exempt.vat == 0
    assert [s["stage"] for s in exempt.schedule] == ["prepayment"]


async def test_quote_request_is_recorded_with_a_drafted_message(
    client: httpx.AsyncClient, token: str
) -> None:
    response = await client.post(
        f"/api/v1/vendors/{HALAL['id']}/request-quote",
        json={
            "date": "2026-12-20",
            "guests": 120,
            "requirements": "Банкет, халяль, 3 смены блюд",
            "deadline": "2026-12-01",
        },
        headers=bearer(token),
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["status"] == "requested"
    assert "120 гостей" in body["message"]
    assert "01.12.2026" in body["message"]
    assert body["estimate"]["amount"] == "300000.00"  # 2 500 ₽ × 120

    answer = {"amount": {"amount": "270000.00", "currency": "RUB"}, "note": "скидка 10 %"}
    url = f"/api/v1/vendors/quotes/{body['id']}/answer"
    answered = await client.put(url, json=answer, headers=bearer(token))
    assert answered.status_code == 200, answered.text
    assert answered.json()["status"] == "answered"
    assert answered.json()["vs_estimate_percent"] == -10.0
    listed = await client.get("/api/v1/vendors/quotes", headers=bearer(token))
    assert [q["quoted"]["amount"] for q in listed.json()] == ["270000.00"]

    stranger = (await register(client, organization="Чужие"))["access_token"]
    assert (await client.put(url, json=answer, headers=bearer(stranger))).status_code == 404
    assert (await client.get("/api/v1/vendors/quotes", headers=bearer(stranger))).json() == []


async def test_contract_lifecycle_and_document(client: httpx.AsyncClient, token: str) -> None:
    created = await client.post(
        "/api/v1/vendors/contracts",
        json={
            "vendor_id": str(LOFT["id"]),
            "event_date": "2027-03-05",
            "guests": 150,
            "hours": 6,
            "scope": "Аренда лофта с террасой, 18:00–24:00",
            "client_name": "ООО «Праздник»",
            "amount": {"amount": "150000.00", "currency": "RUB"},
        },
        headers=bearer(token),
    )
    assert created.status_code == 201, created.text
    contract = created.json()
    assert contract["status"] == "draft"
    assert contract["vat"] is None  # LOFT is VAT-exempt
    assert contract["total"]["amount"] == "150000.00"
    url = f"/api/v1/vendors/contracts/{contract['id']}"

    document = await client.get(f"{url}/document", headers=bearer(token))
    assert document.status_code == 200
    # Figures are grouped with no-break spaces, so a sum never wraps across lines.
    text = "\n".join(p.text for p in Document(io.BytesIO(document.content)).paragraphs)
    text = text.replace("\u00a0", " ")
    tables = Document(io.BytesIO(document.content)).tables
    assert "ООО «Праздник»" in text
    assert "Итого к оплате: 150 000,00 ₽" in text
    rows = [[c.text.replace("\u00a0", " ") for c in row.cells] for row in tables[0].rows]
    assert rows[1] == ["Предоплата", "50 %", "75 000,00 ₽", rows[1][3]]
    assert rows[2][:3] == ["Окончательный расчёт", "50 %", "75 000,00 ₽"]

    early = await client.put(f"{url}/sign", headers=bearer(token))
    assert early.status_code == 409
    assert (await client.put(f"{url}/send", headers=bearer(token))).json()["status"] == "sent"
    signed = await client.put(f"{url}/sign", json={"note": "скан получен"}, headers=bearer(token))
    assert signed.status_code == 200, signed.text
    audit = signed.json()["audit"]
    assert [a["action"] for a in audit] == ["created", "sent", "signed"]
    assert audit[-1]["note"] == "скан получен"
    assert all(a["by"] and a["at"] for a in audit)

    hold = await client.post(
        f"/api/v1/vendors/{LOFT['id']}/holds", json={"date": "2027-03-05"}, headers=bearer(token)
    )
    assert hold.status_code == 409  # the signed contract booked the date
    assert (await client.put(f"{url}/cancel", headers=bearer(token))).json()["status"] == (
        "cancelled"
    )
    assert (await client.put(f"{url}/cancel", headers=bearer(token))).status_code == 409
    assert (await client.get(url, headers=bearer(token))).json()["status"] == "cancelled"


async def test_contracts_are_private_and_need_a_writer(
    client: httpx.AsyncClient, token: str
) -> None:
    created = await client.post(
        "/api/v1/vendors/contracts",
        json={
            "vendor_id": str(HALAL["id"]),
            "event_date": "2027-03-05",
            "guests": 50,
            "scope": "Фуршет",
            "client_name": "ООО «А»",
        },
        headers=bearer(token),
    )
    assert created.status_code == 201, created.text
    assert created.json()["total"]["amount"] == "125000.00"  # 2 500 × 50, VAT-exempt
    url = f"/api/v1/vendors/contracts/{created.json()['id']}"
    stranger = (await register(client, organization="Чужие"))["access_token"]
    for method, path in (("GET", url), ("GET", f"{url}/document"), ("PUT", f"{url}/send")):
        response = await client.request(method, path, headers=bearer(stranger))
        assert response.status_code == 404, (method, path)
    _, analyst = await add_user(client, token, "analyst")
    assert (await client.put(f"{url}/send", headers=bearer(analyst))).status_code == 403
    assert (await client.get(url, headers=bearer(analyst))).status_code == 200
    missing = await client.post(
        "/api/v1/vendors/contracts",
        json={**created.json() | {}, "vendor_id": str(LOFT["id"])},
        headers=bearer(token),
    )
    assert missing.status_code == 422  # unknown fields are refused


async def test_contract_pdf_where_a_converter_exists_else_a_clear_refusal(
    client: httpx.AsyncClient, token: str
) -> None:
    """Both branches are behaviour: with LibreOffice the PDF, without it a 406 that says
    why and where the DOCX is. CI has no LibreOffice, so it checks the refusal."""
    created = await client.post(
        "/api/v1/vendors/contracts",
        json={
            "vendor_id": str(LOFT["id"]),
            "event_date": "2027-03-05",
            "guests": 150,
            "scope": "Аренда лофта",
            "client_name": "ООО «Праздник»",
            "amount": {"amount": "150000.00", "currency": "RUB"},
        },
        headers=bearer(token),
    )
    url = f"/api/v1/vendors/contracts/{created.json()['id']}/document"
    response = await client.get(url, params={"format": "pdf"}, headers=bearer(token))
    if converter() is not None:
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "application/pdf"
        assert response.content.startswith(b"%PDF-")
        assert ".pdf" in response.headers["content-disposition"]
        if shutil.which("pdftotext"):
            extracted = await asyncio.to_thread(
                subprocess.run,
                ["pdftotext", "-", "-"],
                input=response.content,
                capture_output=True,
                check=True,
            )
            text = extracted.stdout.decode().replace("\u00a0", " ")
            assert "150 000,00" in text
            assert "Предоплата" in text
    else:
        assert response.status_code == 406
        assert response.headers["content-type"] == "application/problem+json"
        problem = response.json()
        assert "LibreOffice" in problem["detail"]
        assert url in problem["detail"]
    docx = await client.get(url, headers=bearer(token))
    assert docx.status_code == 200
    assert docx.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert (await client.get(url, params={"format": "odt"}, headers=bearer(token))).status_code == (
        422
    )


def _script(folder: Path, body: str) -> str:
    path = folder / "fake-soffice"
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)
    return str(path)


def test_a_converter_that_hangs_is_killed_with_its_children(tmp_path: Path) -> None:
    """A real child process (a script that starts a sleeping grandchild), not a stand-in
    for LibreOffice: the timeout must end the whole process group."""
    marker = tmp_path / "grandchild.pid"
    binary = _script(tmp_path, f"sleep 30 & echo $! > {marker}\nwait")
    started = time.monotonic()
    with pytest.raises(PdfConversionError, match=r"longer than 0\.5 s"):
        docx_to_pdf(b"PK", binary=binary, timeout=0.5)
    assert time.monotonic() - started < 5
    grandchild = int(marker.read_text())
    deadline = time.monotonic() + 5
    while _running(grandchild) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(grandchild)


def _running(pid: int) -> bool:
    """Alive and not a zombie (a killed orphan may wait a while to be reaped)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in {"Z", "X"}


@pytest.mark.wall_clock
def test_a_converter_that_fails_says_how(tmp_path: Path) -> None:
    binary = _script(tmp_path, "echo 'source file could not be loaded'; exit 3")
    with pytest.raises(PdfConversionError, match="exited 3: source file could not be loaded"):
        docx_to_pdf(b"PK", binary=binary)


async def test_two_contracts_for_one_vendor_and_date_cannot_both_be_signed(
    client: httpx.AsyncClient, token: str
) -> None:
    """Two organisations sign for the same vendor and day at the same moment: the unique
    (vendor, date) booking lets exactly one through, on either database."""
    other = (await register(client, organization="Конкуренты"))["access_token"]
    urls = []
    for who in (token, other):
        created = await client.post(
            "/api/v1/vendors/contracts",
            json={
                "vendor_id": str(LOFT["id"]),
                "event_date": "2027-04-17",
                "guests": 100,
                "scope": "Аренда лофта",
                "client_name": "ООО «Праздник»",
            },
            headers=bearer(who),
        )
        url = f"/api/v1/vendors/contracts/{created.json()['id']}"
        assert (await client.put(f"{url}/send", headers=bearer(who))).status_code == 200
        urls.append((url, who))

    async def sign(url: str, who: str) -> int:
        return (await client.put(f"{url}/sign", headers=bearer(who))).status_code

    codes = await asyncio.gather(*(sign(url, who) for url, who in urls))
    assert sorted(codes) == [200, 409]
    statuses = [(await client.get(url, headers=bearer(who))).json()["status"] for url, who in urls]
    assert sorted(statuses) == ["sent", "signed"]  # the loser's contract is left unsigned
