"""Authentication and authorisation dependencies for every router.

Accepts `Authorization: Bearer <access token | API key>` or `X-API-Key: <API key>`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import Annotated

from fastapi import Depends
from fastapi.security import APIKeyHeader, OAuth2PasswordBearer

from eventmaestro.accounts.roles import ADMINS, WRITERS, Role
from eventmaestro.accounts.service import AccountsService, TokenPolicy
from eventmaestro.kit.auth import Principal
from eventmaestro.kit.deps import PlatformDep, SessionDep
from eventmaestro.kit.errors import AuthenticationError, PermissionDeniedError
from eventmaestro.kit.problems import declare_problems

_bearer = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token", auto_error=False)
_api_key = APIKeyHeader(name="X-API-Key", auto_error=False)


def get_accounts_service(session: SessionDep, platform: PlatformDep) -> AccountsService:
    return AccountsService(
        session, TokenPolicy.from_settings(platform.settings, platform.signing_key)
    )


AccountsServiceDep = Annotated[AccountsService, Depends(get_accounts_service)]


async def get_principal(
    service: AccountsServiceDep,
    bearer: Annotated[str | None, Depends(_bearer)],
    api_key: Annotated[str | None, Depends(_api_key)],
) -> Principal:
    credential = bearer or api_key
    if not credential:
        raise AuthenticationError("Authentication required: send a bearer token or an API key")
    return await service.authenticate(credential)


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]


def require_role(allowed: Iterable[Role], action: str) -> Callable[..., Awaitable[Principal]]:
    roles = frozenset(allowed)

    async def dependency(principal: CurrentPrincipal) -> Principal:
        if principal.role not in roles:
            raise PermissionDeniedError(f"Your role ({principal.role}) cannot {action}")
        return principal

    allowed_roles = ", ".join(sorted(roles))
    return declare_problems(
        dependency, {403: {"description": f"Only these roles may {action}: {allowed_roles}"}}
    )


WriterPrincipal = Annotated[Principal, Depends(require_role(WRITERS, "change data"))]
AdminPrincipal = Annotated[Principal, Depends(require_role(ADMINS, "manage users and API keys"))]
