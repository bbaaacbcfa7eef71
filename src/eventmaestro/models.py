"""Imports every domain's tables so that `Base.metadata` is complete for Alembic."""

from __future__ import annotations


def import_all_models() -> None:
    import eventmaestro.accounts.models
    import eventmaestro.agents.finance.models
    import eventmaestro.agents.models
    import eventmaestro.agents.planning.models
    import eventmaestro.agents.vendors.models
    import eventmaestro.events.models
    import eventmaestro.kit.outbox_models
    import eventmaestro.llm.models  # noqa: F401
