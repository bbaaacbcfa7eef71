"""An embedded installation that loaded its catalogue before SQLite had a typo vocabulary
gets one filled from its vendors by the migration, so corrections work there at once."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import insert

from eventmaestro.agents.vendors.models import Vendor
from eventmaestro.kit.db import create_engine
from eventmaestro.kit.migrate import upgrade_async
from tests.agents.vendors.catalogue import LOFT
from tests.clock import TEST_NOW


async def test_upgrade_fills_the_vocabulary_from_existing_vendors(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'old.db'}"
    await upgrade_async(url, "0005")
    engine = create_engine(url)
    now = TEST_NOW
    async with engine.begin() as conn:
        await conn.execute(insert(Vendor), [{**LOFT, "created_at": now, "updated_at": now}])
    await engine.dispose()
    await upgrade_async(url)
    with closing(sqlite3.connect(tmp_path / "old.db")) as db:
        found = {w for (w,) in db.execute("SELECT word FROM search_vendor_words")}
    assert {"лофт", "граффити", "террасой", "rooftop"} <= found
