"""A deterministic demo catalogue: the same seed gives the same vendors, ids and busy days.

Plausibility rules: vendors spread over the 20 largest cities by population (with a floor so
that small cities still have choice); prices follow the city tier (the regions are cheaper
than Moscow and St Petersburg); venue capacities follow the kind of venue; ratings cluster
around 4.5 like on real review sites; busy days are denser on Fridays and Saturdays and in
the December corporate-party season, and denser for popular vendors.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from eventmaestro.agents.vendors.taxonomy import CITIES, SUBCATEGORIES, City
from eventmaestro.agents.vendors.text import document

TIER_PRICE = {1: Decimal("1.00"), 2: Decimal("0.62"), 3: Decimal("0.52")}
HORIZON_DAYS = 180


@dataclass(frozen=True, slots=True)
class Offer:
    """How a kind of vendor charges: price model, Moscow price range, minimum order range."""

    model: str
    price: tuple[int, int]
    min_order: tuple[int, int] = (0, 0)
    capacity: tuple[int, int] | None = None
    tags: tuple[str, ...] = ()
    names: tuple[str, ...] = ()


OFFERS: dict[str, Offer] = {
    "loft": Offer(
        "hour",
        (8_000, 35_000),
        (40_000, 150_000),
        (40, 400),
        ("loft", "terrace", "wifi", "projector", "parking"),
        ("Лофт", "Loft", "Пространство"),
    ),
    "restaurant": Offer(
        "person",
        (2_500, 7_500),
        (100_000, 600_000),
        (30, 300),
        ("terrace", "parking", "live_music", "kids", "halal"),
        ("Ресторан", "Бистро", "Гастробар"),
    ),
    "banquet_hall": Offer(
        "person",
        (2_500, 6_000),
        (150_000, 700_000),
        (80, 800),
        ("stage", "parking", "accessibility"),
        ("Банкетный зал", "Дворец торжеств", "Зал"),
    ),
    "conference_hall": Offer(
        "hour",
        (10_000, 50_000),
        (50_000, 200_000),
        (50, 1500),
        ("projector", "wifi", "accessibility", "stage", "english"),
        ("Конгресс-центр", "Конференц-зал", "Бизнес-центр"),
    ),
    "country_club": Offer(
        "day",
        (150_000, 900_000),
        (0, 0),
        (80, 1000),
        ("terrace", "parking", "kids"),
        ("Загородный клуб", "Усадьба", "Парк-отель"),
    ),
    "hotel": Offer(
        "day",
        (120_000, 700_000),
        (0, 0),
        (60, 1200),
        ("parking", "wifi", "accessibility", "english"),
        ("Отель", "Гранд-отель", "Hotel"),
    ),
    "banquet": Offer(
        "person",
        (2_000, 6_500),
        (60_000, 200_000),
        None,
        ("halal", "vegan", "kids"),
        ("Кейтеринг", "Кухня", "Catering"),
    ),
    "buffet": Offer(
        "person",
        (1_200, 4_000),
        (40_000, 150_000),
        None,
        ("halal", "vegan"),
        ("Фуршет", "Кейтеринг", "Buffet"),
    ),
    "coffee_break": Offer(
        "person",
        (450, 1_500),
        (15_000, 60_000),
        None,
        ("vegan",),
        ("Кофе-брейк", "Coffee", "Кофейная служба"),
    ),
    "bbq": Offer(
        "person", (1_800, 4_500), (50_000, 150_000), None, ("halal",), ("Гриль", "BBQ", "Мангал")
    ),
    "floristics": Offer(
        "event",
        (30_000, 350_000),
        (0, 0),
        None,
        (),
        ("Флористика", "Цветочная мастерская", "Flowers"),
    ),
    "balloons": Offer(
        "event", (10_000, 90_000), (0, 0), None, ("kids",), ("Шары", "Воздушная студия", "Balloons")
    ),
    "photo_zone": Offer(
        "event", (20_000, 150_000), (0, 0), None, (), ("Фотозона", "Декор-студия", "Decor")
    ),
    "light_design": Offer(
        "event", (60_000, 400_000), (0, 0), None, (), ("Световой дизайн", "Light", "Свет и декор")
    ),
    "host": Offer(
        "event",
        (30_000, 350_000),
        (0, 0),
        None,
        ("english", "kids"),
        ("Ведущий", "Ведущая", "Host"),
    ),
    "dj": Offer(
        "hour", (5_000, 25_000), (20_000, 60_000), None, ("english",), ("DJ", "Диджей", "Music")
    ),
    "cover_band": Offer(
        "event",
        (80_000, 600_000),
        (0, 0),
        None,
        ("live_music", "english"),
        ("Кавер-группа", "Бэнд", "Band"),
    ),
    "show": Offer("event", (40_000, 400_000), (0, 0), None, ("kids",), ("Шоу", "Театр", "Show")),
    "photographer": Offer(
        "hour",
        (5_000, 20_000),
        (15_000, 40_000),
        None,
        ("english",),
        ("Фотограф", "Фотостудия", "Photo"),
    ),
    "bus": Offer(
        "hour",
        (2_500, 6_500),
        (10_000, 25_000),
        None,
        ("accessibility",),
        ("Трансфер", "Автобусы", "Transfer"),
    ),
    "limousine": Offer(
        "hour", (4_000, 15_000), (12_000, 45_000), None, (), ("Лимузины", "VIP-авто", "Limo")
    ),
    "hostess": Offer(
        "hour",
        (800, 2_500),
        (8_000, 20_000),
        None,
        ("english",),
        ("Хостес", "Промо-персонал", "Staff"),
    ),
    "sound": Offer("day", (40_000, 350_000), (0, 0), None, (), ("Звук", "Аудиотехника", "Sound")),
    "light": Offer(
        "day", (40_000, 300_000), (0, 0), None, (), ("Свет", "Световое оборудование", "Light")
    ),
    "stage": Offer(
        "day",
        (60_000, 500_000),
        (0, 0),
        None,
        ("stage",),
        ("Сцена", "Сценические конструкции", "Stage"),
    ),
    "led_screen": Offer(
        "day", (80_000, 600_000), (0, 0), None, (), ("LED-экраны", "Видеостены", "Screen")
    ),
    "broadcast": Offer(
        "day", (60_000, 450_000), (0, 0), None, ("english",), ("Трансляции", "Стрим-студия", "Live")
    ),
}

# How many of each category an event market has, relative to venues.
CATEGORY_WEIGHTS = {
    "venue": 30,
    "catering": 20,
    "decoration": 12,
    "entertainment": 20,
    "logistics": 8,
    "technical": 10,
}
NAME_WORDS = (
    "Атмосфера",
    "Гранат",
    "Северное сияние",
    "Панорама",
    "Белая река",
    "Усадьба",
    "Маяк",
    "Берёзка",
    "Лето",
    "Ривьера",
    "Империал",
    "Акварель",
    "Soho",
    "Garden",
    "Loft Port",
    "Graffiti",
    "Red Brick",
    "Арт-квартал",
    "Фабрика",
    "Этаж",
    "Облака",
    "Сад",
    "Причал",
    "Высота",
    "Тайга",
    "Волга",
    "Кремль",
    "Гавань",
    "Стрелка",
    "Графит",
    "Золотой колос",
    "Ладья",
    "Мёд",
    "Сирень",
    "Прованс",
    "Nord",
    "Amber",
    "Skyline",
    "Terra",
    "Ясень",
)
STREETS = (
    "ул. Ленина",
    "пр. Мира",
    "ул. Пушкина",
    "наб. Реки",
    "ул. Гагарина",
    "ул. Садовая",
    "ул. Советская",
    "пр. Победы",
    "ул. Кирова",
    "ул. Заводская",
)
LANGUAGES = (("ru",), ("ru",), ("ru", "en"), ("ru", "en", "de"))
CANCELLATION = (
    "Бесплатная отмена за 30 дней; позже удерживается предоплата.",
    "Отмена за 14 дней — возврат 50 % предоплаты; позже предоплата не возвращается.",
    "Предоплата не возвращается; перенос даты — бесплатно один раз.",
)


def _city_weights() -> list[float]:
    # Proportional to population, but every city gets at least 2.5 % of the catalogue.
    total = sum(c.population for c in CITIES)
    return [max(c.population / total, 0.025) for c in CITIES]


def _round_price(value: Decimal, model: str) -> Decimal:
    step = Decimal(50) if model == "person" else Decimal(500)
    return max(step, (value / step).quantize(Decimal(1)) * step)


def _busy_days(rng: random.Random, start: dt.date, popularity: float) -> list[dt.date]:
    days = []
    for offset in range(HORIZON_DAYS):
        day = start + dt.timedelta(days=offset)
        odds = {4: 0.22, 5: 0.28, 6: 0.08}.get(day.weekday(), 0.03)
        if day.month == 12:
            odds *= 1.8
        if rng.random() < odds * popularity:
            days.append(day)
    return days


def generate(
    count: int = 5000, *, seed: int = 20261224, start: dt.date
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """`count` vendor rows and their busy days from `start` on (rows as column dicts, ready
    for a bulk insert)."""
    rng = random.Random(seed)
    weights = _city_weights()
    categories = list(CATEGORY_WEIGHTS)
    vendors: list[dict[str, Any]] = []
    bookings: list[dict[str, Any]] = []
    for _ in range(count):
        city: City = rng.choices(CITIES, weights)[0]
        category = rng.choices(categories, [CATEGORY_WEIGHTS[c] for c in categories])[0]
        sub = rng.choice(list(SUBCATEGORIES[category]))
        vendor = _vendor(rng, city, category, sub)
        vendors.append(vendor)
        popularity = 0.5 + (float(vendor["rating"]) - 3.5)
        bookings += [
            {"id": _id(rng), "vendor_id": vendor["id"], "date": day, "kind": "booked"}
            for day in _busy_days(rng, start, popularity)
        ]
    return vendors, bookings


def _id(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _vendor(rng: random.Random, city: City, category: str, sub: str) -> dict[str, Any]:
    offer = OFFERS[sub]
    factor = TIER_PRICE[city.tier] * Decimal(str(rng.uniform(0.85, 1.15)))
    price = _round_price(Decimal(rng.randint(*offer.price)) * factor, offer.model)
    min_order = (
        _round_price(Decimal(rng.randint(*offer.min_order)) * factor, "event")
        if offer.min_order[1]
        else Decimal(0)
    )
    seated = standing = None
    if offer.capacity:
        low, high = offer.capacity
        # Big venues are rarer: a skewed draw instead of a uniform one.
        seated = int(low + (high - low) * rng.random() ** 2)
        standing = int(seated * rng.uniform(1.3, 1.8))
    name = f"{rng.choice(offer.names)} «{rng.choice(NAME_WORDS)}»"
    tags = sorted(t for t in offer.tags if rng.random() < 0.35)
    if sub == "loft":
        tags = sorted({*tags, "loft"})
    rating = Decimal(str(round(min(5.0, max(3.0, rng.gauss(4.5, 0.3))), 1)))
    sub_label = SUBCATEGORIES[category][sub]
    description_ru = (
        f"{sub_label[0].capitalize()} в городе {city.name_ru}. "
        + (
            f"Вместимость до {seated} гостей за столами, до {standing} на фуршете. "
            if seated
            else ""
        )
        + "Работаем с корпоративными и частными мероприятиями."
    )
    description_en = (
        f"{sub_label[1].capitalize()} in {city.name_en}. "
        + (f"Up to {seated} seated or {standing} standing guests. " if seated else "")
        + "Corporate and private events."
    )
    subcategories = [sub]
    return {
        "id": _id(rng),
        "org_id": None,
        "name": name,
        "category": category,
        "subcategories": subcategories,
        "city_geoname_id": city.geoname_id,
        "city_name": city.name_ru,
        "address": f"{city.name_ru}, {rng.choice(STREETS)}, {rng.randint(1, 120)}",
        "capacity_seated": seated,
        "capacity_standing": standing,
        "price_model": offer.model,
        "price_amount": price,
        "min_order": min_order,
        "vat_status": rng.choices(["included", "extra", "exempt"], [5, 2, 3])[0],
        "rating": rating,
        "review_count": int(rng.paretovariate(1.2) * 8),
        "tags": tags,
        "languages": list(rng.choice(LANGUAGES)),
        "response_hours": rng.choice([1, 2, 4, 8, 24, 48]),
        "prepayment_percent": rng.choice([0, 30, 50, 100]),
        "cancellation_terms": rng.choice(CANCELLATION),
        "contacts": {
            "phone": f"+7 9{rng.randint(10, 99)} {rng.randint(100, 999)}-{rng.randint(10, 99)}-"
            f"{rng.randint(10, 99)}",
            "email": f"events{rng.randint(1, 9999)}@example.ru",
        },
        "description_ru": description_ru,
        "description_en": description_en,
        "document_text": document(
            name=name,
            category=category,
            subcategories=subcategories,
            tags=tags,
            city_name=f"{city.name_ru} {city.name_en}",
            description_ru=description_ru,
            description_en=description_en,
        ),
    }
