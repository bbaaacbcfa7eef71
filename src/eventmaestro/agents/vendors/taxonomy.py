"""The catalogue's vocabulary: categories with subcategories, tags and the cities served,
each with Russian and English labels (search indexes both languages)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Category(StrEnum):
    VENUE = "venue"
    CATERING = "catering"
    DECORATION = "decoration"
    ENTERTAINMENT = "entertainment"
    LOGISTICS = "logistics"
    TECHNICAL = "technical"


CATEGORY_LABELS: dict[str, tuple[str, str]] = {
    "venue": ("площадка", "venue"),
    "catering": ("кейтеринг", "catering"),
    "decoration": ("декор оформление", "decoration"),
    "entertainment": ("развлечения программа", "entertainment"),
    "logistics": ("логистика транспорт", "logistics transport"),
    "technical": ("техника оборудование", "technical equipment"),
}

SUBCATEGORIES: dict[str, dict[str, tuple[str, str]]] = {
    "venue": {
        "loft": ("лофт", "loft"),
        "restaurant": ("ресторан", "restaurant"),
        "banquet_hall": ("банкетный зал", "banquet hall"),
        "conference_hall": ("конференц-зал", "conference hall"),
        "country_club": ("загородный клуб", "country club"),
        "hotel": ("отель", "hotel"),
    },
    "catering": {
        "banquet": ("банкет", "banquet"),
        "buffet": ("фуршет", "buffet"),
        "coffee_break": ("кофе-брейк", "coffee break"),
        "bbq": ("барбекю гриль", "barbecue grill"),
    },
    "decoration": {
        "floristics": ("флористика цветы", "floristry flowers"),
        "balloons": ("воздушные шары", "balloons"),
        "photo_zone": ("фотозона", "photo zone"),
        "light_design": ("световой дизайн", "light design"),
    },
    "entertainment": {
        "host": ("ведущий", "host"),
        "dj": ("диджей", "dj"),
        "cover_band": ("кавер-группа", "cover band"),
        "show": ("шоу-программа", "show"),
        "photographer": ("фотограф", "photographer"),
    },
    "logistics": {
        "bus": ("автобус трансфер", "bus transfer"),
        "limousine": ("лимузин", "limousine"),
        "hostess": ("хостес персонал", "hostess staff"),
    },
    "technical": {
        "sound": ("звук", "sound"),
        "light": ("свет", "lighting"),
        "stage": ("сцена", "stage"),
        "led_screen": ("светодиодный экран", "led screen"),
        "broadcast": ("трансляция", "live streaming"),
    },
}

TAG_LABELS: dict[str, tuple[str, str]] = {
    "loft": ("лофт", "loft"),
    "terrace": ("терраса", "terrace"),
    "halal": ("халяль", "halal"),
    "vegan": ("веганское меню", "vegan"),
    "parking": ("парковка", "parking"),
    "accessibility": ("доступная среда", "wheelchair accessible"),
    "wifi": ("wi-fi", "wifi"),
    "stage": ("сцена", "stage"),
    "projector": ("проектор", "projector"),
    "kids": ("детская программа", "kids friendly"),
    "live_music": ("живая музыка", "live music"),
    "english": ("на английском", "english speaking"),
}


@dataclass(frozen=True, slots=True)
class City:
    geoname_id: int
    name_en: str
    name_ru: str
    population: int
    # 1: Moscow and St Petersburg; 2: other cities over a million; 3: the rest. Prices scale.
    tier: int


# The 20 largest Russian cities, GeoNames ids (tests check them against the GeoNames data).
CITIES: tuple[City, ...] = (
    City(524901, "Moscow", "Москва", 10381222, 1),
    City(498817, "Saint Petersburg", "Санкт-Петербург", 5351935, 1),
    City(1496747, "Novosibirsk", "Новосибирск", 1612833, 2),
    City(1486209, "Yekaterinburg", "Екатеринбург", 1495066, 2),
    City(520555, "Nizhniy Novgorod", "Нижний Новгород", 1259013, 2),
    City(551487, "Kazan", "Казань", 1243500, 2),
    City(1508291, "Chelyabinsk", "Челябинск", 1202371, 2),
    City(1496153, "Omsk", "Омск", 1172070, 2),
    City(499099, "Samara", "Самара", 1163399, 2),
    City(501175, "Rostov-on-Don", "Ростов-на-Дону", 1130305, 2),
    City(479561, "Ufa", "Уфа", 1120547, 2),
    City(1502026, "Krasnoyarsk", "Красноярск", 1090811, 2),
    City(472045, "Voronezh", "Воронеж", 1047549, 2),
    City(472757, "Volgograd", "Волгоград", 1013533, 2),
    City(511196, "Perm", "Пермь", 982419, 3),
    City(542420, "Krasnodar", "Краснодар", 899541, 3),
    City(498677, "Saratov", "Саратов", 844858, 3),
    City(1488754, "Tyumen", "Тюмень", 768358, 3),
    City(482283, "Tolyatti", "Тольятти", 702879, 3),
    City(554840, "Izhevsk", "Ижевск", 648213, 3),
)
CITY_BY_ID = {c.geoname_id: c for c in CITIES}
