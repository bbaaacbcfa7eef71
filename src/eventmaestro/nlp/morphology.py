"""One shared Russian morphological analyser: dictionaries load once, parses are cached."""

from __future__ import annotations

from functools import cache, lru_cache

import pymorphy3


@cache
def analyzer() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of the most likely parse, with ё folded to е as users type it."""
    return str(analyzer().parse(word)[0].normal_form).replace("ё", "е")


@lru_cache(maxsize=65536)
def geo_lemmas(word: str, *, likeliest_only: bool) -> tuple[str, ...]:
    """Dictionary forms of the parses pymorphy marks as place names (tag Geox).

    `likeliest_only` keeps a place reading only when it is the most probable parse, so a
    lower-case common noun («находке», «туры») is not taken for a town of the same name.
    """
    parses = analyzer().parse(word)
    if likeliest_only:
        parses = parses[:1]
    forms = (p.normal_form.replace("ё", "е") for p in parses if "Geox" in p.tag)
    return tuple(dict.fromkeys(forms))


@lru_cache(maxsize=65536)
def likely_person(word: str) -> bool:
    """A surname or first name is the likeliest reading («Пушкину», «Толстому»)."""
    tag = analyzer().parse(word)[0].tag
    return any(mark in tag for mark in ("Surn", "Name", "Patr"))
