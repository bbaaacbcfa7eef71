"""Finding tasks by the words a person uses for them: «кейтеринг», «дегустацию», "catering".

Words are compared by dictionary form, so «кейтерингу», «кейтеринга» and the title's
«кейтеринга» meet as «кейтеринг». A word that names a vendor category («цветы», «банкет»,
«звук») also finds the tasks of that category whatever their titles say. Pure: the caller
passes the tasks and decides what to do with several matches.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from eventmaestro.agents.planning.schemas import TaskOut
from eventmaestro.nlp.entities.extract import normalise
from eventmaestro.nlp.entities.keywords import extract_vendor_category
from eventmaestro.nlp.morphology import lemma

# The understanding contract's vendor categories → the finer vendor kinds templates use.
VENDOR_KINDS: dict[str, frozenset[str]] = {
    "venue": frozenset({"venue"}),
    "catering": frozenset({"catering"}),
    "decoration": frozenset({"decoration", "decor", "florist", "design"}),
    "entertainment": frozenset({"entertainment", "pyrotechnics"}),
    "logistics": frozenset({"logistics", "transport", "travel", "accommodation"}),
    "technical": frozenset(
        {"technical", "av", "streaming", "equipment", "stage_construction", "production"}
    ),
}
_WORD = re.compile(r"[a-zа-я0-9]+(?:-[a-zа-я0-9]+)*")
# Words too common in titles to tell tasks apart.
_STOP = frozenset(
    "и в во на с со к по для до от из за у о об а или не the a an and or for with of in on at "
    "to by".split()
)


def _form(word: str) -> str:
    if re.search("[а-я]", word):
        return lemma(word)
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def forms(text: str) -> frozenset[str]:
    """Dictionary forms of the meaningful words of a text."""
    return frozenset(_form(w) for w in _WORD.findall(normalise(text)) if w not in _STOP)


@dataclass(frozen=True, slots=True)
class TaskMatch:
    task: TaskOut
    title_share: float
    """Share of the query's words found in the title, 0–1."""
    by_category: bool
    """The query names the vendor category the task belongs to."""


def query_category(query: str) -> str | None:
    return extract_vendor_category(normalise(query))


def match_tasks(query: str, tasks: Sequence[TaskOut]) -> list[TaskMatch]:
    """Tasks the query may mean, best first: more of its words in the title, then its
    category, then the sooner deadline."""
    wanted = forms(query)
    category = query_category(query)
    kinds = VENDOR_KINDS.get(category, frozenset()) if category else frozenset()
    found: list[TaskMatch] = []
    for task in tasks:
        share = len(wanted & forms(task.title)) / len(wanted) if wanted else 0.0
        by_category = task.vendor_category in kinds
        if share > 0 or by_category:
            found.append(TaskMatch(task, round(share, 4), by_category))
    found.sort(key=lambda m: (-m.title_share, not m.by_category, m.task.due_date, m.task.title))
    return found
