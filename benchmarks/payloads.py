"""Realistic Russian event payloads shared by the seeding step and the locust users.

The shapes follow `eventmaestro.events.schemas.EventCreate`; the variety (cities, types,
dates, budgets, clients) keeps the list query from reading one repeated row.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

CITIES: tuple[tuple[str, int], ...] = (
    ("Москва", 524901),
    ("Санкт-Петербург", 498817),
    ("Казань", 551487),
    ("Екатеринбург", 1486209),
    ("Новосибирск", 1496747),
    ("Нижний Новгород", 520555),
    ("Сочи", 491422),
    ("Калининград", 554234),
)

KINDS: tuple[tuple[str, str, int, int], ...] = (
    # event_type, name, typical guests, typical budget in roubles
    ("corporate_party", "Корпоратив «Итоги года»", 150, 2_000_000),
    ("conference", "Отраслевая конференция «Цифровая логистика»", 400, 6_500_000),
    ("wedding", "Свадьба Анны и Михаила", 80, 1_800_000),
    ("team_building", "Тимбилдинг отдела продаж", 40, 450_000),
    ("product_launch", "Презентация новой линейки продуктов", 200, 3_200_000),
    ("forum", "Форум молодых предпринимателей", 600, 9_000_000),
    ("birthday", "Юбилей основателя компании", 60, 900_000),
    ("seminar", "Семинар по охране труда", 30, 120_000),
    ("award_ceremony", "Церемония вручения премии «Лидер отрасли»", 300, 4_800_000),
    ("festival", "Городской фестиваль уличной еды", 2_000, 7_500_000),
)

CLIENTS: tuple[str, ...] = (
    "ООО «Татнефть-Сервис»",
    "АО «Северсталь-Инвест»",
    "ПАО «Уральские авиалинии»",
    "ООО «Ромашка»",
    "ИП Петрова Е. В.",
    "ГК «Лента»",
)

VENUES: tuple[str, ...] = (
    "Банкетный зал «Панорама»",
    "Конгресс-центр «Экспофорум»",
    "Загородный клуб «Сосновый бор»",
    "Лофт «Фабрика»",
    "Гостиница «Ривьера», зал «Волга»",
)

FORMATS: tuple[str, ...] = ("offline", "offline", "offline", "hybrid", "online")
STATUSES: tuple[str, ...] = ("draft", "planning", "planning", "confirmed")


def event_payload(rng: random.Random) -> dict[str, Any]:
    """One plausible `POST /api/v1/events` body (about 600 bytes of JSON)."""
    event_type, name, guests, budget = rng.choice(KINDS)
    city, geoname_id = rng.choice(CITIES)
    start = dt.date(2026, 1, 15) + dt.timedelta(days=rng.randrange(0, 700))
    days = rng.choice((0, 0, 0, 1, 2))
    guests_count = max(1, int(guests * rng.uniform(0.6, 1.4)))
    amount = round(budget * rng.uniform(0.7, 1.3), -3)
    return {
        "name": f"{name} — {city}",
        "event_type": event_type,
        "date": start.isoformat(),
        "date_end": (start + dt.timedelta(days=days)).isoformat(),
        "timezone": "Europe/Moscow" if geoname_id != 1496747 else "Asia/Novosibirsk",
        "city": {"name": city, "geoname_id": geoname_id},
        "venue": rng.choice(VENUES),
        "guests_count": guests_count,
        "budget": {"amount": f"{amount:.2f}", "currency": "RUB"},
        "format": rng.choice(FORMATS),
        "status": rng.choice(STATUSES),
        "client": rng.choice(CLIENTS),
        "notes": (
            f"Площадка на {guests_count} гостей, фуршет и кофе-брейки, "
            "трансфер из аэропорта, ведущий и звук. Согласовать смету до конца месяца."
        ),
    }
