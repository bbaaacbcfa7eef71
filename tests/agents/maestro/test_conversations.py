"""Conversation memory on both cache adapters: follow-ups merge, tenants never meet."""

from __future__ import annotations

import asyncio
import uuid

from eventmaestro.agents.maestro.conversations import ConversationStore, Turn
from eventmaestro.kit.platform import Platform


async def test_follow_up_entities_merge_into_the_conversation(clean_platform: Platform) -> None:
    store = ConversationStore(clean_platform.cache)
    org = uuid.uuid4()
    state = await store.load(org, None)
    state.merge({"event_type": "corporate_party", "guests_count": 150, "city": "Kazan"})
    state.remember(Turn(role="user", text="Корпоратив на 150 человек в Казани"))
    await store.save(state)

    again = await store.load(org, state.id)
    merged = again.merge({"guests_count": 200, "city": None})
    assert merged == {"event_type": "corporate_party", "guests_count": 200, "city": "Kazan"}
    assert [t.text for t in again.turns] == ["Корпоратив на 150 человек в Казани"]


async def test_another_tenant_cannot_continue_a_conversation(clean_platform: Platform) -> None:
    store = ConversationStore(clean_platform.cache)
    owner, stranger = uuid.uuid4(), uuid.uuid4()
    state = await store.load(owner, "shared-id")
    state.merge({"guests_count": 150})
    await store.save(state)
    assert (await store.load(stranger, "shared-id")).entities == {}


async def test_conversations_expire(clean_platform: Platform) -> None:
    store = ConversationStore(clean_platform.cache, ttl_seconds=0.2)
    org = uuid.uuid4()
    state = await store.load(org, "short")
    state.merge({"guests_count": 10})
    await store.save(state)
    await asyncio.sleep(0.35)
    assert (await store.load(org, "short")).entities == {}
