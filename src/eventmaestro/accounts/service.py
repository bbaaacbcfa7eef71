"""Accounts rules: sign-up policy, login and token rotation, users and API keys.

Functions flush but never commit: the request (or CLI command) owns the transaction.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from eventmaestro.accounts.models import (
    ApiKey,
    InstallationClaim,
    Organization,
    RefreshToken,
    User,
)
from eventmaestro.accounts.repository import AccountsRepository
from eventmaestro.accounts.roles import Role
from eventmaestro.accounts.schemas import (
    ApiKeyCreate,
    RegisterRequest,
    TokenPair,
    UserCreate,
    UserUpdate,
)
from eventmaestro.kit.auth import Principal
from eventmaestro.kit.clock import utcnow
from eventmaestro.kit.errors import (
    AuthenticationError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    UnprocessableError,
)
from eventmaestro.kit.security import (
    InvalidTokenError,
    decode_access_token,
    digest_secret,
    hash_password_off_loop,
    issue_access_token,
    new_secret,
    password_needs_rehash,
    verify_password_off_loop,
)
from eventmaestro.settings import Settings, SignupPolicy

REFRESH_PREFIX = "mr"
API_KEY_PREFIX = "mk"


@dataclass(frozen=True, slots=True)
class TokenPolicy:
    signing_key: str
    access_lifetime: timedelta
    refresh_lifetime: timedelta

    @classmethod
    def from_settings(cls, settings: Settings, signing_key: str) -> TokenPolicy:
        return cls(
            signing_key=signing_key,
            access_lifetime=timedelta(minutes=settings.access_token_minutes),
            refresh_lifetime=timedelta(days=settings.refresh_token_days),
        )


def normalize_email(email: str) -> str:
    return email.strip().lower()


def slugify(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", _transliterate(name)).encode("ascii", "ignore")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.decode().lower()).strip("-")
    return slug[:60] or "org"


_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch  y  e yu ya".split(" "),
        strict=True,
    )
)


def _transliterate(text: str) -> str:
    return "".join(_CYRILLIC.get(ch, ch) for ch in text.lower())


FIRST_SIGNUP = "first_signup"


class AccountsService:
    def __init__(self, session: AsyncSession, tokens: TokenPolicy) -> None:
        self.session = session
        self.repo = AccountsRepository(session)
        self.tokens = tokens

    # --- organisations and sign-up -------------------------------------------------------

    async def register(self, data: RegisterRequest, policy: SignupPolicy) -> TokenPair:
        if policy is SignupPolicy.CLOSED:
            raise PermissionDeniedError("Self-service sign-up is closed on this installation")
        if policy is SignupPolicy.FIRST and await self.repo.count_organizations() > 0:
            raise PermissionDeniedError(
                "This installation already has an organisation. Ask its admin for an account, "
                "or set MAESTRO_SIGNUP=open to allow new organisations to register."
            )
        org = await self.create_organization(data.organization)
        if policy is SignupPolicy.FIRST:
            await self._claim_first_signup(org)
        user = await self.create_user(
            org.id,
            UserCreate(email=data.email, name=data.name, role=Role.ADMIN, password=data.password),
        )
        return await self._issue_tokens(user, family_id=uuid.uuid4())

    async def _claim_first_signup(self, org: Organization) -> None:
        """The count above can read 0 in two simultaneous sign-ups; the claim's primary key
        lets only one of them commit (the other waits for it, then conflicts)."""
        try:
            async with self.session.begin_nested():
                self.session.add(InstallationClaim(name=FIRST_SIGNUP, org_id=org.id))
        except IntegrityError as exc:
            raise PermissionDeniedError(
                "This installation already has an organisation. Ask its admin for an account, "
                "or set MAESTRO_SIGNUP=open to allow new organisations to register."
            ) from exc

    async def create_organization(self, name: str) -> Organization:
        base = slugify(name)
        slug = base
        while await self.repo.slug_taken(slug):
            slug = f"{base}-{secrets.token_hex(3)}"
        org = Organization(name=name, slug=slug)
        await self.repo.add(org)
        return org

    async def find_organization(self, ref: str) -> Organization:
        """An organisation by slug or id, for operators working from the CLI."""
        org = await self.repo.get_organization_by_slug(ref)
        if org is None:
            try:
                org = await self.repo.get_organization(uuid.UUID(ref))
            except ValueError:
                org = None
        if org is None:
            raise NotFoundError(f"No organisation with slug or id {ref!r}")
        return org

    # --- users ----------------------------------------------------------------------------

    async def create_user(self, org_id: uuid.UUID, data: UserCreate) -> User:
        email = normalize_email(data.email)
        if await self.repo.get_user_by_email(email) is not None:
            raise ConflictError(f"A user with e-mail {email} already exists")
        user = User(
            org_id=org_id,
            email=email,
            name=data.name,
            role=data.role,
            password_hash=await hash_password_off_loop(data.password),
            is_active=True,
        )
        await self.repo.add(user)
        return user

    async def get_user(self, principal: Principal, user_id: uuid.UUID) -> User:
        user = await self.repo.get_user(principal.org_id, user_id)
        if user is None:
            raise NotFoundError("User not found")
        return user

    async def list_users(
        self, principal: Principal, *, limit: int, offset: int
    ) -> tuple[list[User], int]:
        users = await self.repo.list_users(principal.org_id, limit=limit, offset=offset)
        return list(users), await self.repo.count_users(principal.org_id)

    async def update_user(self, principal: Principal, user_id: uuid.UUID, data: UserUpdate) -> User:
        user = await self.get_user(principal, user_id)
        loses_admin = (
            user.role == Role.ADMIN
            and user.is_active
            and ((data.role is not None and data.role != Role.ADMIN) or data.is_active is False)
        )
        if loses_admin and await self.repo.count_active_admins(principal.org_id) <= 1:
            raise ConflictError("The organisation must keep at least one active admin")
        if data.name is not None:
            user.name = data.name
        if data.role is not None:
            user.role = data.role
        if data.password is not None:
            user.password_hash = await hash_password_off_loop(data.password)
            await self.repo.revoke_user_tokens(user.id, utcnow())
        if data.is_active is not None:
            user.is_active = data.is_active
            if not data.is_active:
                await self.repo.revoke_user_tokens(user.id, utcnow())
        user.updated_at = utcnow()
        await self.session.flush()
        return user

    async def deactivate_user(self, principal: Principal, user_id: uuid.UUID) -> None:
        await self.update_user(principal, user_id, UserUpdate(is_active=False))

    # --- login and tokens -----------------------------------------------------------------

    async def login(self, email: str, password: str) -> TokenPair:
        user = await self.repo.get_user_by_email(normalize_email(email))
        hashed = user.password_hash if user else None
        if (
            not await verify_password_off_loop(password, hashed)
            or user is None
            or not user.is_active
        ):
            raise AuthenticationError("Incorrect e-mail or password")
        if user.password_hash and password_needs_rehash(user.password_hash):
            user.password_hash = await hash_password_off_loop(password)
        user.last_login_at = utcnow()
        return await self._issue_tokens(user, family_id=uuid.uuid4())

    async def refresh(self, refresh_token: str) -> TokenPair:
        now = utcnow()
        token = await self.repo.get_refresh_token(digest_secret(refresh_token))
        if token is None:
            raise AuthenticationError("Unknown refresh token")
        if token.revoked_at is not None:
            # A rotated token came back: someone holds a copy. Cut off the whole family.
            await self.repo.revoke_token_family(token.family_id, now)
            # The one commit inside a service: the error below rolls the request back, and
            # this revocation must survive it.
            await self.session.commit()
            raise AuthenticationError("Refresh token was already used; sign in again")
        if token.expires_at <= now:
            raise AuthenticationError("Refresh token expired; sign in again")
        user = await self.repo.get_user(token.org_id, token.user_id)
        if user is None or not user.is_active:
            raise AuthenticationError("Account is disabled")
        token.revoked_at = now
        return await self._issue_tokens(user, family_id=token.family_id)

    async def logout(self, refresh_token: str) -> None:
        token = await self.repo.get_refresh_token(digest_secret(refresh_token))
        if token is not None:
            await self.repo.revoke_token_family(token.family_id, utcnow())

    async def _issue_tokens(self, user: User, *, family_id: uuid.UUID) -> TokenPair:
        access, _ = issue_access_token(
            user_id=user.id,
            org_id=user.org_id,
            role=user.role,
            key=self.tokens.signing_key,
            lifetime=self.tokens.access_lifetime,
        )
        refresh = new_secret(REFRESH_PREFIX)
        await self.repo.add(
            RefreshToken(
                org_id=user.org_id,
                user_id=user.id,
                token_hash=digest_secret(refresh),
                family_id=family_id,
                expires_at=utcnow() + self.tokens.refresh_lifetime,
            )
        )
        return TokenPair(
            access_token=access,
            refresh_token=refresh,
            expires_in=int(self.tokens.access_lifetime.total_seconds()),
        )

    # --- authentication of requests --------------------------------------------------------

    async def authenticate(self, credential: str) -> Principal:
        if credential.startswith(API_KEY_PREFIX + "_"):
            return await self._authenticate_api_key(credential)
        try:
            claims = decode_access_token(credential, key=self.tokens.signing_key)
        except InvalidTokenError as exc:
            raise AuthenticationError("Invalid or expired access token") from exc
        user = await self.repo.get_user(claims.org_id, claims.user_id)
        if user is None or not user.is_active:
            raise AuthenticationError("Account is disabled or no longer exists")
        # The role comes from the database, so a demotion takes effect at once.
        return Principal(org_id=user.org_id, role=user.role, kind="user", user_id=user.id)

    async def _authenticate_api_key(self, secret: str) -> Principal:
        key = await self.repo.get_api_key_by_hash(digest_secret(secret))
        now = utcnow()
        if key is None or key.revoked_at is not None:
            raise AuthenticationError("Invalid API key")
        if key.expires_at is not None and key.expires_at <= now:
            raise AuthenticationError("API key expired")
        if key.last_used_at is None or now - key.last_used_at > timedelta(minutes=5):
            key.last_used_at = now  # coarse on purpose: no write on every request
        return Principal(org_id=key.org_id, role=key.role, kind="api_key", api_key_id=key.id)

    # --- API keys ------------------------------------------------------------------------

    async def create_api_key(self, principal: Principal, data: ApiKeyCreate) -> tuple[ApiKey, str]:
        if data.expires_at is not None and data.expires_at <= utcnow():
            raise UnprocessableError("expires_at must be in the future")
        secret = new_secret(API_KEY_PREFIX)
        key = ApiKey(
            org_id=principal.org_id,
            name=data.name,
            prefix=secret[:10],
            key_hash=digest_secret(secret),
            role=data.role,
            created_by_id=principal.user_id,
            expires_at=data.expires_at,
        )
        await self.repo.add(key)
        return key, secret

    async def list_api_keys(self, principal: Principal) -> list[ApiKey]:
        return list(await self.repo.list_api_keys(principal.org_id))

    async def revoke_api_key(self, principal: Principal, key_id: uuid.UUID) -> None:
        key = await self.repo.get_api_key(principal.org_id, key_id)
        if key is None:
            raise NotFoundError("API key not found")
        if key.revoked_at is None:
            key.revoked_at = utcnow()
            await self.session.flush()

    async def me(self, principal: Principal) -> tuple[User | None, Organization]:
        org = await self.repo.get_organization(principal.org_id)
        if org is None:
            raise AuthenticationError("Organisation no longer exists")
        user = (
            await self.repo.get_user(principal.org_id, principal.user_id)
            if principal.user_id
            else None
        )
        return user, org
