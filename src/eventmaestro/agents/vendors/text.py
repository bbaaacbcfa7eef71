"""Search text: what gets indexed for a vendor and how a free-text query is read.

PostgreSQL stems with its own `russian` text-search configuration (Snowball, with English
for Latin words). SQLite's FTS5 has no Russian stemmer, so for it the same Snowball
algorithms (`snowballstemmer`) are applied in Python to both the indexed text and the query:
«лофт», «лофта», «лофтах» all become `лофт` on either database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from eventmaestro.agents.vendors.taxonomy import CATEGORY_LABELS, SUBCATEGORIES, TAG_LABELS

_WORD = re.compile(r"[0-9a-zа-яё]+(?:-[0-9a-zа-яё]+)*", re.IGNORECASE)
_GUESTS = re.compile(
    r"(?:на\s+|for\s+)?(\d{1,6})\s*(?:человек\w*|гост\w*|персон\w*|чел\.?|guests?|people|pax)",
    re.IGNORECASE,
)
# Words that carry no meaning in a vendor query; dropped on both databases alike so that the
# same query means the same thing everywhere.
STOP_WORDS = frozenset(
    "и в во на с со к по для до от из за у о об а но или не без при "
    "the a an and or for with of in on at to by near".split()
)

_RU = snowballstemmer.stemmer("russian")
_EN = snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    word = word.lower().replace("ё", "е")
    if re.search("[а-я]", word):
        return str(_RU.stemWord(word))
    return str(_EN.stemWord(word))


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def stemmed(text: str) -> str:
    """Indexed form for FTS5: every word replaced by its stem (hyphenated words also as
    their parts, so «кофе-брейк» matches «брейк»)."""
    out: list[str] = []
    for w in words(text):
        parts = w.split("-")
        out.extend(stem(p) for p in ([*parts, w] if len(parts) > 1 else parts))
    return " ".join(out)


def document(
    *,
    name: str,
    category: str,
    subcategories: list[str],
    tags: list[str],
    city_name: str,
    description_ru: str,
    description_en: str,
) -> str:
    """Everything a query may mention, in both languages."""
    labels = [*CATEGORY_LABELS.get(category, ())]
    subs = SUBCATEGORIES.get(category, {})
    for s in subcategories:
        labels.extend(subs.get(s, (s,)))
    for t in tags:
        labels.extend(TAG_LABELS.get(t, (t,)))
    return " ".join([name, *labels, city_name, description_ru, description_en])


# pg_trgm's default `similarity_threshold`: below it a word is not a plausible misspelling.
SIMILARITY_THRESHOLD = 0.3


def trigrams(word: str) -> frozenset[str]:
    """pg_trgm's trigrams of one word: lower-cased, two blanks before and one after."""
    padded = f"  {word.lower()} "
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))


def similarity(a: str, b: str) -> float:
    """pg_trgm's `similarity`: shared trigrams over all distinct trigrams of both words."""
    ta, tb = trigrams(a), trigrams(b)
    shared = len(ta & tb)
    return shared / (len(ta) + len(tb) - shared) if ta or tb else 0.0


def nearest_word(term: str, vocabulary: Iterable[str]) -> str | None:
    """The vocabulary word most similar to `term` (ties: the shorter, then alphabetical),
    if any reaches the threshold: what PostgreSQL's `word % term ORDER BY word <-> term`
    answers, for SQLite, in Python."""
    best: tuple[float, int, str] | None = None
    for word in vocabulary:
        score = similarity(term, word)
        if score < SIMILARITY_THRESHOLD:
            continue
        key = (score, -len(word), word)
        if best is None or key[:2] > best[:2] or (key[:2] == best[:2] and word < best[2]):
            best = key
    return best[2] if best else None


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    terms: tuple[str, ...]
    guests: int | None


def parse_query(q: str) -> ParsedQuery:
    """«лофт на 200 человек с террасой» → terms (лофт, террасой), guests 200."""
    guests = None
    match = _GUESTS.search(q)
    if match:
        guests = int(match.group(1))
        q = q[: match.start()] + " " + q[match.end() :]
    terms = tuple(w for w in words(q) if w not in STOP_WORDS and not w.isdigit())
    return ParsedQuery(terms=terms, guests=guests)
