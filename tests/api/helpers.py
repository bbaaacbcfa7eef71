"""Small HTTP helpers shared by the API tests."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

PASSWORD = "correct-horse-battery"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def register(
    client: httpx.AsyncClient, *, organization: str = "Праздник ООО", email: str | None = None
) -> dict[str, Any]:
    response = await client.post(
        "/api/v1/auth/register",
        json={
            "organization": organization,
            "email": email or f"admin-{uuid.uuid4().hex[:8]}@example.ru",
            "password": PASSWORD,
            "name": "Анна Админова",
        },
    )
    assert response.status_code == 201, response.text
    tokens: dict[str, Any] = response.json()
    return tokens


async def login(client: httpx.AsyncClient, email: str, password: str = PASSWORD) -> httpx.Response:
    return await client.post("/api/v1/auth/token", data={"username": email, "password": password})


async def add_user(
    client: httpx.AsyncClient, admin_token: str, role: str, *, email: str | None = None
) -> tuple[dict[str, Any], str]:
    """Create a user with `role` in the admin's organisation; returns (user, access token)."""
    email = email or f"{role}-{uuid.uuid4().hex[:8]}@example.ru"
    created = await client.post(
        "/api/v1/users",
        json={"email": email, "name": role.title(), "role": role, "password": PASSWORD},
        headers=bearer(admin_token),
    )
    assert created.status_code == 201, created.text
    signed_in = await login(client, email)
    assert signed_in.status_code == 200, signed_in.text
    return created.json(), signed_in.json()["access_token"]


KAZAN_PARTY: dict[str, Any] = {
    "name": "Корпоратив «Итоги года»",
    "event_type": "corporate_party",
    "date": "2026-12-20",
    "timezone": "Europe/Moscow",
    "city": {"name": "Kazan", "geoname_id": 551487},
    "guests_count": 150,
    "budget": {"amount": "2000000.00", "currency": "RUB"},
    "format": "offline",
    "client": "ООО «Татнефть-Сервис»",
}


async def create_event(client: httpx.AsyncClient, token: str, **overrides: Any) -> dict[str, Any]:
    response = await client.post(
        "/api/v1/events", json={**KAZAN_PARTY, **overrides}, headers=bearer(token)
    )
    assert response.status_code == 201, response.text
    event: dict[str, Any] = response.json()
    return event
