"""Conversation memory: what the current conversation is about, so follow-ups refine it.

«а если 200 человек?» or «а в Казани?» carry one entity each; merged into the conversation's
entities they make a complete request again. The state lives in the cache (memory or Redis),
so any API replica can continue any conversation, and it expires after a quiet period.
"""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel, Field

from eventmaestro.agents.maestro.pending import Pending
from eventmaestro.kit.cache import Cache

MAX_TURNS = 20
MAX_BRIEF = 2000


class Turn(BaseModel):
    role: str  # "user" | "maestro"
    text: str
    intent: str | None = None


class ConversationState(BaseModel):
    id: str
    org_id: uuid.UUID
    event_id: uuid.UUID | None = None
    intent: str | None = None
    entities: dict[str, Any] = Field(default_factory=dict)
    # The user's words about the current event, for what entities do not capture
    # («с террасой», «халяль»): planning reads requirements and vendors tags from it.
    brief: str = ""
    turns: list[Turn] = Field(default_factory=list)
    # A command that asked the user something and waits for the answer (see `pending`).
    pending: Pending | None = None

    def merge(self, entities: dict[str, Any]) -> dict[str, Any]:
        """New values win; what the follow-up does not mention is kept."""
        self.entities = {**self.entities, **{k: v for k, v in entities.items() if v is not None}}
        return self.entities

    def start_over(self, entities: dict[str, Any], brief: str) -> None:
        self.entities = {k: v for k, v in entities.items() if v is not None}
        self.brief = brief[-MAX_BRIEF:]

    def add_to_brief(self, text: str) -> None:
        self.brief = f"{self.brief}\n{text}".strip()[-MAX_BRIEF:]

    def remember(self, turn: Turn) -> None:
        self.turns = [*self.turns, turn][-MAX_TURNS:]


class ConversationStore:
    def __init__(self, cache: Cache, *, ttl_seconds: float = 24 * 3600) -> None:
        self.cache = cache
        self.ttl = ttl_seconds

    @staticmethod
    def _key(org_id: uuid.UUID, conversation_id: str) -> str:
        # The organisation is part of the key: a guessed id never reaches another tenant.
        return f"conversation:{org_id}:{conversation_id}"

    async def load(self, org_id: uuid.UUID, conversation_id: str | None) -> ConversationState:
        if conversation_id:
            raw = await self.cache.get(self._key(org_id, conversation_id))
            if raw is not None:
                return ConversationState.model_validate_json(raw)
        return ConversationState(id=conversation_id or uuid.uuid4().hex, org_id=org_id)

    async def get(self, org_id: uuid.UUID, conversation_id: str) -> ConversationState | None:
        raw = await self.cache.get(self._key(org_id, conversation_id))
        return ConversationState.model_validate_json(raw) if raw is not None else None

    async def save(self, state: ConversationState) -> None:
        await self.cache.set(
            self._key(state.org_id, state.id), state.model_dump_json().encode(), ttl=self.ttl
        )
