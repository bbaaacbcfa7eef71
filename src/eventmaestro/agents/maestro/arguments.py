"""Skill arguments Maestro reads from a command's words, in the agents' own vocabularies:
an expense's words → Finance's budget category; the tasks Planning found → the one meant.

Pure functions. When the words do not settle it, they say so (None, or several candidates)
and the flow asks the user instead of guessing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from eventmaestro.agents.finance.reference import load_reference
from eventmaestro.nlp.entities.extract import normalise
from eventmaestro.nlp.entities.keywords import extract_vendor_category
from eventmaestro.nlp.morphology import lemma

_WORD = re.compile(r"[a-zа-я]+(?:-[a-zа-я]+)*")
# Words for Finance's categories that are not vendor categories (those come from the
# understanding's own vocabulary: «цветы» → decoration, «банкет» → catering, «звук» →
# technical). Dictionary forms, matched against the lemmas of the message.
_FINANCE_WORDS: dict[str, frozenset[str]] = {
    "staff": frozenset(
        "персонал хостес официант промоутер администратор волонтер охрана охранник гардероб "
        "staff hostess hostesses waiter waiters security volunteers".split()
    ),
    "printing": frozenset(
        "полиграфия печать бейдж баннер буклет листовка флаер пригласительный распечатка "
        "printing print badges badge banners banner flyers leaflets".split()
    ),
    "marketing": frozenset(
        "маркетинг реклама продвижение таргет таргетинг smm пиар рассылка "
        "marketing advertising ads promotion".split()
    ),
    "photo_video": frozenset(
        "фото видео фотограф видеограф фотосъемка видеосъемка съемка "
        "photo video photographer videographer filming".split()
    ),
    "logistics": frozenset("такси каршеринг курьер taxi courier".split()),
    "contingency": frozenset("резерв непредвиденный contingency reserve".split()),
}
# What a person may write around the label: «добавь расход 50 000 на цветы».
_NOT_LABEL = re.compile(
    r"добав\w*|запиш\w*|внес\w*|учт\w*|потрат\w*|оплат\w*|заплат\w*|расход\w*|трат\w*|"
    r"затрат\w*|платеж\w*|счет\w*|руб\w*|р|тыс|тысяч\w*|млн|к|k|add|record|log|spent|spend|"
    r"paid|pay|expenses?|costs?|payments?|rub\w*|for|on|of|an|a|the|to|на|за|по|в|во|для|"
    r"и|нам|мы|мне|please|пожалуйста"
)


def _lemmas(text: str) -> list[str]:
    return [lemma(w) if re.search("[а-я]", w) else w for w in _WORD.findall(normalise(text))]


@cache
def _label_words() -> dict[str, str]:
    """Each word of Finance's own category labels («Площадка», "Photo and video") → id."""
    reference = load_reference()
    found: dict[str, str] = {}
    for category, labels in reference.category_labels.items():
        found[category.replace("_", " ")] = category
        for label in labels.values():
            for word in _lemmas(label):
                if len(word) > 3:
                    found.setdefault(word, category)
    return found


def expense_category(text: str) -> str | None:
    """Finance's category for an expense's words, or None when they name none.

    Finance's labels and words first («персонал», «полиграфия»), then the vendor categories
    the understanding knows («цветы» → decoration).
    """
    words = _lemmas(text)
    labels = _label_words()
    for word in words:
        if word in labels:
            return labels[word]
        for category, vocabulary in _FINANCE_WORDS.items():
            if word in vocabulary:
                return category
    vendor = extract_vendor_category(normalise(text))
    return vendor.value if vendor else None


def expense_label(text: str) -> str | None:
    """What the money went on, in the user's words («цветы»), without the command and sum."""
    kept = [
        w for w in _WORD.findall(normalise(re.sub(r"\d", " ", text))) if not _NOT_LABEL.fullmatch(w)
    ]
    return " ".join(kept)[:200] or None


def category_labels(locale: str) -> list[str]:
    reference = load_reference()
    return [reference.label(c, locale) for c in reference.category_labels if c != "contingency"]


@dataclass(frozen=True, slots=True)
class TaskPick:
    """The task a command means, or why it cannot tell: no match, or several."""

    task: Mapping[str, Any] | None
    candidates: list[Mapping[str, Any]] = field(default_factory=list)
    next_in_category: bool = False
    """Several tasks of the named category were open; the one due soonest was taken."""


def pick_task(matches: Sequence[Mapping[str, Any]]) -> TaskPick:
    """One task from Planning's ranked matches (`planning.find_tasks`).

    The best title match wins outright. «дедлайн по кейтерингу» names a category with
    several open tasks: the deadline meant is the category's next one, unless two are due
    the same day. Several tasks whose titles match equally well are ambiguous: ask.
    """
    if not matches:
        return TaskPick(None)
    best = (matches[0]["title_share"], matches[0]["by_category"])
    top = [m for m in matches if (m["title_share"], m["by_category"]) == best]
    if len(top) == 1:
        return TaskPick(top[0]["task"])
    if best[1]:
        soonest = min(m["task"]["due_date"] for m in top)
        due = [m for m in top if m["task"]["due_date"] == soonest]
        if len(due) == 1:
            return TaskPick(due[0]["task"], next_in_category=True)
        top = due
    return TaskPick(None, candidates=[m["task"] for m in top])
