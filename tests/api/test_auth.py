"""Sign-up, sign-in, token rotation and roles, on every stack."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

import httpx
import jwt
from sqlalchemy import func, select

from eventmaestro.accounts.models import Organization, User
from eventmaestro.kit.platform import Platform
from eventmaestro.kit.security import issue_access_token
from eventmaestro.settings import SignupPolicy
from tests.api.helpers import PASSWORD, add_user, bearer, create_event, login, register


async def test_register_answers_with_a_working_session(client: httpx.AsyncClient) -> None:
    tokens = await register(client, email="Founder@Example.RU")
    assert set(tokens) >= {"access_token", "refresh_token", "token_type"}
    assert tokens["token_type"] == "bearer"
    assert tokens["expires_in"] == 15 * 60

    me = await client.get("/api/v1/auth/me", headers=bearer(tokens["access_token"]))
    assert me.status_code == 200
    body = me.json()
    assert body["role"] == "admin"
    assert body["user"]["email"] == "founder@example.ru"
    assert body["organization"]["name"] == "Праздник ООО"
    assert body["organization"]["slug"] == "prazdnik-ooo"


async def test_first_organisation_only_unless_signup_open(
    client: httpx.AsyncClient, clean_platform: Platform
) -> None:
    clean_platform.settings = clean_platform.settings.model_copy(
        update={"signup": SignupPolicy.FIRST}
    )
    await register(client)
    second = await client.post(
        "/api/v1/auth/register",
        json={"organization": "Other", "email": "b@example.ru", "password": PASSWORD, "name": "B"},
    )
    assert second.status_code == 403
    assert "MAESTRO_SIGNUP=open" in second.json()["detail"]


async def test_two_simultaneous_first_sign_ups_let_exactly_one_in(
    client: httpx.AsyncClient, clean_platform: Platform
) -> None:
    clean_platform.settings = clean_platform.settings.model_copy(
        update={"signup": SignupPolicy.FIRST}
    )

    async def sign_up(n: int) -> httpx.Response:
        return await client.post(
            "/api/v1/auth/register",
            json={
                "organization": f"Агентство {n}",
                "email": f"first-{n}@example.ru",
                "password": PASSWORD,
                "name": f"N{n}",
            },
        )

    answers = await asyncio.gather(*(sign_up(n) for n in range(4)))
    assert sorted(a.status_code for a in answers) == [201, 403, 403, 403]
    async with clean_platform.sessionmaker() as session:
        orgs = await session.scalar(select(func.count()).select_from(Organization))
        users = await session.scalar(select(func.count()).select_from(User))
    assert (orgs, users) == (1, 1)  # the refused ones left nothing behind


async def test_duplicate_email_is_a_conflict(client: httpx.AsyncClient) -> None:
    await register(client, email="dup@example.ru")
    again = await client.post(
        "/api/v1/auth/register",
        json={
            "organization": "Other",
            "email": "DUP@example.ru",
            "password": PASSWORD,
            "name": "B",
        },
    )
    assert again.status_code == 409
    assert again.headers["content-type"].startswith("application/problem+json")


async def test_password_login_and_wrong_password(client: httpx.AsyncClient) -> None:
    await register(client, email="u@example.ru")
    ok = await login(client, "U@example.ru")
    assert ok.status_code == 200
    assert ok.json()["access_token"]
    wrong = await login(client, "u@example.ru", "not-the-password")
    assert wrong.status_code == 401
    assert wrong.headers["www-authenticate"] == "Bearer"
    unknown = await login(client, "nobody@example.ru")
    assert unknown.status_code == 401
    assert unknown.json()["detail"] == wrong.json()["detail"]


async def test_login_attempts_are_rate_limited(client: httpx.AsyncClient) -> None:
    await register(client, email="victim@example.ru")
    statuses = [
        (await login(client, "victim@example.ru", f"guess-{i}")).status_code for i in range(10)
    ]
    assert statuses == [401] * 10
    blocked = await login(client, "victim@example.ru", PASSWORD)
    assert blocked.status_code == 429
    assert int(blocked.headers["retry-after"]) >= 1


async def test_refresh_rotates_and_detects_reuse(client: httpx.AsyncClient) -> None:
    tokens = await register(client)
    first = await client.post(
        "/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}
    )
    assert first.status_code == 200
    rotated = first.json()
    assert rotated["refresh_token"] != tokens["refresh_token"]

    # The old token was consumed: presenting it again means it leaked, so the family dies.
    reused = await client.post(
        "/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}
    )
    assert reused.status_code == 401
    after_theft = await client.post(
        "/api/v1/auth/refresh", json={"refresh_token": rotated["refresh_token"]}
    )
    assert after_theft.status_code == 401


async def test_logout_revokes_refresh_token(client: httpx.AsyncClient) -> None:
    tokens = await register(client)
    out = await client.post("/api/v1/auth/logout", json={"refresh_token": tokens["refresh_token"]})
    assert out.status_code == 204
    again = await client.post(
        "/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}
    )
    assert again.status_code == 401


async def test_expired_and_forged_tokens_are_rejected(
    client: httpx.AsyncClient, clean_platform: Platform
) -> None:
    tokens = await register(client)
    me = (await client.get("/api/v1/auth/me", headers=bearer(tokens["access_token"]))).json()
    user_id, org_id = uuid.UUID(me["user"]["id"]), uuid.UUID(me["organization"]["id"])

    expired, _ = issue_access_token(
        user_id=user_id,
        org_id=org_id,
        role="admin",
        key=clean_platform.signing_key,
        lifetime=timedelta(seconds=-1),
    )
    forged, _ = issue_access_token(
        user_id=user_id, org_id=org_id, role="admin", key="x" * 48, lifetime=timedelta(minutes=5)
    )
    unsigned = jwt.encode(
        {
            "sub": str(user_id),
            "org": str(org_id),
            "role": "admin",
            "typ": "access",
            "exp": 9999999999,
        },
        key=None,
        algorithm="none",
    )
    for token in (expired, forged, unsigned, "garbage", tokens["refresh_token"]):
        response = await client.get("/api/v1/auth/me", headers=bearer(token))
        assert response.status_code == 401, token
    assert (await client.get("/api/v1/auth/me")).status_code == 401


async def test_analyst_reads_but_cannot_write(client: httpx.AsyncClient) -> None:
    admin = (await register(client))["access_token"]
    event = await create_event(client, admin)
    _, analyst = await add_user(client, admin, "analyst")

    assert (
        await client.get(f"/api/v1/events/{event['id']}", headers=bearer(analyst))
    ).status_code == 200
    denied = await client.post("/api/v1/events", json={"name": "X"}, headers=bearer(analyst))
    assert denied.status_code == 403
    assert "analyst" in denied.json()["detail"]
    patch = await client.patch(
        f"/api/v1/events/{event['id']}", json={"name": "Y"}, headers=bearer(analyst)
    )
    assert patch.status_code == 403
    assert (await client.get("/api/v1/users", headers=bearer(analyst))).status_code == 403


async def test_manager_cannot_manage_users(client: httpx.AsyncClient) -> None:
    admin = (await register(client))["access_token"]
    _, manager = await add_user(client, admin, "manager")
    await create_event(client, manager)
    assert (await client.get("/api/v1/users", headers=bearer(manager))).status_code == 403
    assert (await client.get("/api/v1/api-keys", headers=bearer(manager))).status_code == 403


async def test_api_key_is_shown_once_and_authenticates(client: httpx.AsyncClient) -> None:
    admin = (await register(client))["access_token"]
    created = await client.post(
        "/api/v1/api-keys", json={"name": "CRM sync"}, headers=bearer(admin)
    )
    assert created.status_code == 201
    key = created.json()["key"]
    assert key.startswith("mk_")

    listed = await client.get("/api/v1/api-keys", headers=bearer(admin))
    assert listed.status_code == 200
    assert all("key" not in item for item in listed.json())
    assert listed.json()[0]["prefix"] == key[:10]

    for headers in ({"X-API-Key": key}, bearer(key)):
        me = await client.get("/api/v1/auth/me", headers=headers)
        assert me.status_code == 200
        assert me.json() | {"user": None} == me.json()
        assert me.json()["auth"] == "api_key"
        assert me.json()["role"] == "integration"
    await create_event(client, key)
    assert (await client.get("/api/v1/users", headers={"X-API-Key": key})).status_code == 403

    revoked = await client.delete(f"/api/v1/api-keys/{created.json()['id']}", headers=bearer(admin))
    assert revoked.status_code == 204
    assert (await client.get("/api/v1/auth/me", headers={"X-API-Key": key})).status_code == 401


async def test_expired_api_key_is_refused_at_creation(client: httpx.AsyncClient) -> None:
    admin = (await register(client))["access_token"]
    response = await client.post(
        "/api/v1/api-keys",
        json={"name": "old", "expires_at": "2001-01-01T00:00:00Z"},
        headers=bearer(admin),
    )
    assert response.status_code == 422


async def test_user_management_and_last_admin(client: httpx.AsyncClient) -> None:
    tokens = await register(client)
    admin = tokens["access_token"]
    me = (await client.get("/api/v1/auth/me", headers=bearer(admin))).json()
    self_id = me["user"]["id"]

    demote = await client.patch(
        f"/api/v1/users/{self_id}", json={"role": "manager"}, headers=bearer(admin)
    )
    assert demote.status_code == 409
    assert (
        await client.delete(f"/api/v1/users/{self_id}", headers=bearer(admin))
    ).status_code == 409

    user, user_token = await add_user(client, admin, "manager")
    listed = (await client.get("/api/v1/users", headers=bearer(admin))).json()
    assert listed["total"] == 2
    promoted = await client.patch(
        f"/api/v1/users/{user['id']}", json={"role": "admin"}, headers=bearer(admin)
    )
    assert promoted.json()["role"] == "admin"
    # A role change applies to tokens already issued.
    assert (await client.get("/api/v1/users", headers=bearer(user_token))).status_code == 200

    gone = await client.delete(f"/api/v1/users/{user['id']}", headers=bearer(admin))
    assert gone.status_code == 204
    assert (await client.get("/api/v1/auth/me", headers=bearer(user_token))).status_code == 401
    assert (await login(client, user["email"])).status_code == 401
