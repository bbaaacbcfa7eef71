"""Request and response bodies of the accounts API."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from eventmaestro.accounts.roles import Role
from eventmaestro.kit.types import CleanStr, Name, UtcDateTime

Password = Annotated[CleanStr, Field(min_length=8, max_length=128)]


class Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RegisterRequest(Input):
    organization: Name
    email: EmailStr
    password: Password
    name: Name


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"
    expires_in: int = Field(description="Seconds until the access token expires")


class RefreshRequest(Input):
    refresh_token: Annotated[CleanStr, Field(min_length=1, max_length=512)]


class OrganizationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    slug: str


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    email: str
    name: str
    role: Role
    is_active: bool
    created_at: datetime
    last_login_at: datetime | None


class MeOut(BaseModel):
    user: UserOut | None
    organization: OrganizationOut
    role: Role
    auth: str = Field(description="How the caller authenticated: 'token' or 'api_key'")


class UserCreate(Input):
    email: EmailStr
    name: Name
    role: Role = Role.MANAGER
    password: Password


class UserUpdate(Input):
    name: Name | None = None
    role: Role | None = None
    is_active: bool | None = None
    password: Password | None = None


class ApiKeyCreate(Input):
    name: Name
    role: Role = Role.INTEGRATION
    expires_at: UtcDateTime | None = None


class ApiKeyOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    prefix: str
    role: Role
    created_at: datetime
    expires_at: datetime | None
    last_used_at: datetime | None
    revoked_at: datetime | None


class ApiKeyCreated(ApiKeyOut):
    key: str = Field(description="The secret. Shown only once; store it now.")
