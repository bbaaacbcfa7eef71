"""Alembic environment: async engines for both SQLite and PostgreSQL.

SQLite cannot ALTER most things in place, so batch mode is on; the naming convention on
`Base.metadata` keeps constraint names identical on both databases.
"""

from __future__ import annotations

import asyncio
from typing import Any, Literal

from alembic import context
from sqlalchemy.engine import Connection

from eventmaestro.kit.db import Base, UTCDateTime, create_engine
from eventmaestro.models import import_all_models

import_all_models()
target_metadata = Base.metadata


def _render_item(type_: str, obj: Any, autogen_context: Any) -> str | Literal[False]:
    # Migrations must not import application code, so our column types render as plain SA ones.
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


# Search structures autogenerate cannot describe (SQLite FTS5 virtual tables and their shadow
# tables, PostgreSQL tsvector columns and GIN expression indexes) are created by hand in
# migrations under this prefix; comparing them against the models would report false drift.
HAND_MADE_PREFIX = "search_"


def _include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    return not (name or "").startswith(HAND_MADE_PREFIX)


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        render_item=_render_item,
        include_name=_include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_online(url: str) -> None:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            await connection.run_sync(_configure)
            await connection.commit()
    finally:
        await engine.dispose()


def main() -> None:
    url = context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("sqlalchemy.url is not set on the Alembic config")
    if context.is_offline_mode():
        context.configure(url=url, target_metadata=target_metadata, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    asyncio.run(_run_online(url))


main()
