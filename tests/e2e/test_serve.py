"""`maestro serve` as a real process on a bare data directory: what `make run` starts."""

from __future__ import annotations

from pathlib import Path

import httpx


def test_embedded_server_answers_with_nothing_else_running(server: str, tmp_path: Path) -> None:
    assert httpx.get(f"{server}/api/v1/health").json()["status"] == "ok"
    ready = httpx.get(f"{server}/api/v1/ready")
    assert ready.status_code == 200, ready.text
    assert httpx.get(f"{server}/docs").status_code == 200
    registered = httpx.post(
        f"{server}/api/v1/auth/register",
        json={
            "organization": "Первое агентство",
            "email": "a@example.ru",
            "password": "long-enough-password",
            "name": "A",
        },
        # A first start loads the demo catalogue in one write transaction; a sign-up in
        # those seconds waits for it (SQLite has one writer) rather than failing.
        timeout=30,
    )
    assert registered.status_code == 201
    assert (tmp_path / "data" / "maestro.db").exists()
