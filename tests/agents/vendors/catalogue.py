"""A small known catalogue for API tests: a few hand-written vendors plus demo filler."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import text

from eventmaestro.agents.vendors.demo import generate
from eventmaestro.agents.vendors.repository import VendorsRepository
from eventmaestro.agents.vendors.text import document
from eventmaestro.kit.platform import Platform

MOSCOW, KAZAN = 524901, 551487
ZELENODOLSK = 463835  # a town 40 km from Kazan, in the same republic
BUSY_DAY = dt.date(2026, 12, 18)


def vendor(name: str, category: str, city: int, **extra: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": uuid.uuid4(),
        "org_id": None,
        "name": name,
        "category": category,
        "subcategories": [],
        "city_geoname_id": city,
        "city_name": "Москва" if city == MOSCOW else "Казань",
        "address": None,
        "capacity_seated": None,
        "capacity_standing": None,
        "price_model": "event",
        "price_amount": Decimal(100000),
        "min_order": Decimal(0),
        "vat_status": "exempt",
        "rating": Decimal("4.5"),
        "review_count": 50,
        "tags": [],
        "languages": ["ru"],
        "response_hours": 4,
        "prepayment_percent": 50,
        "cancellation_terms": "Бесплатная отмена за 30 дней.",
        "contacts": {"phone": "+7 900 000-00-00"},
        "description_ru": "",
        "description_en": "",
    }
    row.update(extra)
    row["document_text"] = document(
        name=row["name"],
        category=row["category"],
        subcategories=row["subcategories"],
        tags=row["tags"],
        city_name=row["city_name"],
        description_ru=row["description_ru"],
        description_en=row["description_en"],
    )
    return row


LOFT = vendor(
    "Лофт «Граффити»",
    "venue",
    MOSCOW,
    subcategories=["loft"],
    tags=["loft", "terrace"],
    capacity_seated=250,
    capacity_standing=400,
    price_model="hour",
    price_amount=Decimal(20000),
    rating=Decimal("4.8"),
    review_count=210,
    description_ru="Индустриальное пространство с террасой на крыше.",
    description_en="Industrial space with a rooftop terrace.",
)
SMALL_LOFT = vendor(
    "Лофт «Чердак»",
    "venue",
    MOSCOW,
    subcategories=["loft"],
    tags=["loft"],
    capacity_seated=60,
    price_model="hour",
    price_amount=Decimal(9000),
    description_ru="Камерный лофт в центре.",
)
HALAL = vendor(
    "Кухня «Восток»",
    "catering",
    KAZAN,
    subcategories=["banquet"],
    tags=["halal"],
    price_model="person",
    price_amount=Decimal(2500),
    description_ru="Банкетное меню, татарская кухня.",
)
RESTAURANT = vendor(
    "Ресторан «Волга»",
    "venue",
    KAZAN,
    subcategories=["restaurant"],
    capacity_seated=150,
    price_model="person",
    price_amount=Decimal(3000),
    rating=Decimal("4.2"),
)


async def load(platform: Platform, *extra: dict[str, Any], filler: int = 200) -> None:
    async with platform.sessionmaker() as session:
        repo = VendorsRepository(session)
        if not repo.is_postgres:
            # Tests empty the mapped tables; the FTS5 table is not mapped, so empty it here.
            await session.execute(text("DELETE FROM search_vendors_fts"))
        demo, _ = generate(filler, seed=1, start=BUSY_DAY - dt.timedelta(days=30))
        for row in demo:
            row["id"] = uuid.uuid4()
        await repo.insert_vendors([LOFT, SMALL_LOFT, HALAL, RESTAURANT, *extra, *demo])
        await repo.insert_bookings(
            [
                {
                    "id": uuid.uuid4(),
                    "vendor_id": SMALL_LOFT["id"],
                    "date": BUSY_DAY,
                    "kind": "booked",
                }
            ]
        )
        await session.commit()
