"""Accounts API: sign-up, tokens, the current principal, users and API keys."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, status

from eventmaestro.accounts.dependencies import (
    AccountsServiceDep,
    AdminPrincipal,
    CurrentPrincipal,
)
from eventmaestro.accounts.schemas import (
    ApiKeyCreate,
    ApiKeyCreated,
    ApiKeyOut,
    MeOut,
    OrganizationOut,
    RefreshRequest,
    RegisterRequest,
    TokenPair,
    UserCreate,
    UserOut,
    UserUpdate,
)
from eventmaestro.kit.deps import PlatformDep
from eventmaestro.kit.errors import RateLimitedError
from eventmaestro.kit.pagination import Page, PageParams, page_params
from eventmaestro.kit.problems import Responses
from eventmaestro.kit.ratelimit import RateLimiter
from eventmaestro.kit.types import CleanStr

auth_router = APIRouter(prefix="/api/v1/auth", tags=["auth"])
users_router = APIRouter(prefix="/api/v1/users", tags=["users"])
keys_router = APIRouter(prefix="/api/v1/api-keys", tags=["api keys"])
_LAST_ADMIN: Responses = {
    409: {"description": "The organisation must keep at least one active admin"}
}
_EMAIL_TAKEN: Responses = {409: {"description": "A user with this e-mail already exists"}}


@auth_router.post(
    "/register",
    status_code=status.HTTP_201_CREATED,
    responses={403: {"description": "Self-service sign-up is closed"}, **_EMAIL_TAKEN},
)
async def register(
    body: RegisterRequest, service: AccountsServiceDep, platform: PlatformDep
) -> TokenPair:
    """Create an organisation and its first admin; answers with a signed-in session."""
    return await service.register(body, platform.settings.signup)


def _login_limiter(platform: PlatformDep) -> RateLimiter:
    return RateLimiter(
        platform.cache,
        limit=platform.settings.login_attempts_per_window,
        window_seconds=platform.settings.login_window_seconds,
        namespace="login",
    )


async def _check_login_rate(request: Request, platform: PlatformDep, username: str) -> str:
    limiter = _login_limiter(platform)
    client = request.client.host if request.client else "unknown"
    email_key = "email:" + username.strip().lower()
    for key in (email_key, "ip:" + client):
        result = await limiter.hit(key)
        if not result.allowed:
            raise RateLimitedError(
                "Too many sign-in attempts; try again later", retry_after=result.retry_after
            )
    return email_key


@auth_router.post(
    "/token",
    responses={
        401: {"description": "Incorrect e-mail or password"},
        429: {
            "description": "Too many sign-in attempts",
            "headers": {"Retry-After": {"schema": {"type": "integer"}}},
        },
    },
)
async def token(
    request: Request,
    platform: PlatformDep,
    service: AccountsServiceDep,
    username: Annotated[CleanStr, Form(min_length=1, max_length=320, description="E-mail")],
    password: Annotated[CleanStr, Form(min_length=1, max_length=128)],
) -> TokenPair:
    """OAuth2 password flow: username is the e-mail."""
    email_key = await _check_login_rate(request, platform, username)
    pair = await service.login(username, password)
    # A successful sign-in clears the e-mail's failures; the per-IP count keeps running.
    await _login_limiter(platform).reset(email_key)
    return pair


@auth_router.post(
    "/refresh",
    responses={401: {"description": "Unknown, expired or reused refresh token"}},
)
async def refresh(body: RefreshRequest, service: AccountsServiceDep) -> TokenPair:
    """Trade a refresh token for a new pair; the old refresh token stops working."""
    return await service.refresh(body.refresh_token)


@auth_router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(body: RefreshRequest, service: AccountsServiceDep) -> None:
    """Revoke a refresh token and every token rotated from the same sign-in."""
    await service.logout(body.refresh_token)


@auth_router.get("/me")
async def me(principal: CurrentPrincipal, service: AccountsServiceDep) -> MeOut:
    user, org = await service.me(principal)
    return MeOut(
        user=UserOut.model_validate(user) if user else None,
        organization=OrganizationOut.model_validate(org),
        role=principal.role,
        auth="token" if principal.kind == "user" else "api_key",
    )


@users_router.get("")
async def list_users(
    principal: AdminPrincipal,
    service: AccountsServiceDep,
    page: Annotated[PageParams, Depends(page_params)],
) -> Page[UserOut]:
    users, total = await service.list_users(principal, limit=page.limit, offset=page.offset)
    return Page(
        items=[UserOut.model_validate(u) for u in users],
        total=total,
        limit=page.limit,
        offset=page.offset,
    )


@users_router.post("", status_code=status.HTTP_201_CREATED, responses=_EMAIL_TAKEN)
async def create_user(
    body: UserCreate, principal: AdminPrincipal, service: AccountsServiceDep
) -> UserOut:
    return UserOut.model_validate(await service.create_user(principal.org_id, body))


@users_router.get("/{user_id}")
async def get_user(
    user_id: uuid.UUID, principal: AdminPrincipal, service: AccountsServiceDep
) -> UserOut:
    return UserOut.model_validate(await service.get_user(principal, user_id))


@users_router.patch("/{user_id}", responses=_LAST_ADMIN)
async def update_user(
    user_id: uuid.UUID, body: UserUpdate, principal: AdminPrincipal, service: AccountsServiceDep
) -> UserOut:
    return UserOut.model_validate(await service.update_user(principal, user_id, body))


@users_router.delete("/{user_id}", status_code=status.HTTP_204_NO_CONTENT, responses=_LAST_ADMIN)
async def deactivate_user(
    user_id: uuid.UUID, principal: AdminPrincipal, service: AccountsServiceDep
) -> None:
    """Deactivate (users are never hard-deleted: their history stays attributable)."""
    await service.deactivate_user(principal, user_id)


@keys_router.get("")
async def list_api_keys(principal: AdminPrincipal, service: AccountsServiceDep) -> list[ApiKeyOut]:
    return [ApiKeyOut.model_validate(k) for k in await service.list_api_keys(principal)]


@keys_router.post("", status_code=status.HTTP_201_CREATED)
async def create_api_key(
    body: ApiKeyCreate, principal: AdminPrincipal, service: AccountsServiceDep
) -> ApiKeyCreated:
    key, secret = await service.create_api_key(principal, body)
    return ApiKeyCreated(**ApiKeyOut.model_validate(key).model_dump(), key=secret)


@keys_router.delete("/{key_id}", status_code=status.HTTP_204_NO_CONTENT)
async def revoke_api_key(
    key_id: uuid.UUID, principal: AdminPrincipal, service: AccountsServiceDep
) -> None:
    await service.revoke_api_key(principal, key_id)
