"""Every accounts query. Reads that take an id from a caller also take the caller's org."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from eventmaestro.accounts.models import ApiKey, Organization, RefreshToken, User
from eventmaestro.accounts.roles import Role


class AccountsRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, obj: Organization | User | RefreshToken | ApiKey) -> None:
        self.session.add(obj)
        await self.session.flush()

    async def count_organizations(self) -> int:
        return int(await self.session.scalar(select(func.count(Organization.id))) or 0)

    async def slug_taken(self, slug: str) -> bool:
        found = await self.session.scalar(select(Organization.id).where(Organization.slug == slug))
        return found is not None

    async def get_organization(self, org_id: uuid.UUID) -> Organization | None:
        return await self.session.get(Organization, org_id)

    async def get_organization_by_slug(self, slug: str) -> Organization | None:
        stmt = select(Organization).where(Organization.slug == slug)
        return (await self.session.scalars(stmt)).first()

    async def get_user_by_email(self, email: str) -> User | None:
        return (await self.session.scalars(select(User).where(User.email == email))).first()

    async def get_user(self, org_id: uuid.UUID, user_id: uuid.UUID) -> User | None:
        stmt = select(User).where(User.id == user_id, User.org_id == org_id)
        return (await self.session.scalars(stmt)).first()

    async def list_users(self, org_id: uuid.UUID, *, limit: int, offset: int) -> Sequence[User]:
        stmt = (
            select(User)
            .where(User.org_id == org_id)
            .order_by(User.created_at, User.id)
            .limit(limit)
            .offset(offset)
        )
        return (await self.session.scalars(stmt)).all()

    async def count_users(self, org_id: uuid.UUID) -> int:
        stmt = select(func.count(User.id)).where(User.org_id == org_id)
        return int(await self.session.scalar(stmt) or 0)

    async def count_active_admins(self, org_id: uuid.UUID) -> int:
        stmt = select(func.count(User.id)).where(
            User.org_id == org_id, User.role == Role.ADMIN, User.is_active.is_(True)
        )
        return int(await self.session.scalar(stmt) or 0)

    async def get_refresh_token(self, token_hash: str) -> RefreshToken | None:
        stmt = select(RefreshToken).where(RefreshToken.token_hash == token_hash)
        return (await self.session.scalars(stmt)).first()

    async def revoke_token_family(self, family_id: uuid.UUID, at: datetime) -> None:
        await self.session.execute(
            update(RefreshToken)
            .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
            .values(revoked_at=at)
        )

    async def revoke_user_tokens(self, user_id: uuid.UUID, at: datetime) -> None:
        await self.session.execute(
            update(RefreshToken)
            .where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None))
            .values(revoked_at=at)
        )

    async def get_api_key_by_hash(self, key_hash: str) -> ApiKey | None:
        stmt = select(ApiKey).where(ApiKey.key_hash == key_hash)
        return (await self.session.scalars(stmt)).first()

    async def get_api_key(self, org_id: uuid.UUID, key_id: uuid.UUID) -> ApiKey | None:
        stmt = select(ApiKey).where(ApiKey.id == key_id, ApiKey.org_id == org_id)
        return (await self.session.scalars(stmt)).first()

    async def list_api_keys(self, org_id: uuid.UUID) -> Sequence[ApiKey]:
        stmt = select(ApiKey).where(ApiKey.org_id == org_id).order_by(ApiKey.created_at)
        return (await self.session.scalars(stmt)).all()
