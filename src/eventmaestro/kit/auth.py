"""Who is calling: the authenticated principal every domain service receives."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class Principal:
    org_id: uuid.UUID
    role: str
    kind: Literal["user", "api_key"]
    user_id: uuid.UUID | None = None
    api_key_id: uuid.UUID | None = None

    @property
    def actor_id(self) -> uuid.UUID:
        actor = self.user_id or self.api_key_id
        assert actor is not None, "a principal always has a user or an API key"
        return actor
