"""A command waiting for the user's answer, and how an answer completes it.

«перенеси дедлайн по фейерверку на пятницу» → «Какую перенести? Ближайшие: …» → «вторую» or
«дегустацию»: the answer alone means nothing to the classifier, but with the command it was
asked for it is the whole command again. The conversation keeps the command and what it
lacked; a short reply (or a number) completes it, anything else is a new request.
"""

from __future__ import annotations

import datetime as dt
import re

from pydantic import BaseModel, Field

from eventmaestro.agents.maestro.summaries import Language
from eventmaestro.nlp.entities.dates import extract_dates
from eventmaestro.nlp.entities.extract import normalise
from eventmaestro.nlp.intents import WEAK_INTENTS, Intent
from eventmaestro.nlp.numbers import words_to_digits

# Replies this short are answers to the question, whatever the classifier makes of them.
ANSWER_WORDS = 5
_ORDINALS = {
    "перв": 1, "втор": 2, "трет": 3, "четв": 4, "пят": 5,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
}  # fmt: skip
_NUMBER = re.compile(r"^\D*(\d{1,2})\D*$")


class Pending(BaseModel):
    intent: Intent
    message: str
    missing: str
    subject: str | None = None
    options: list[str] = Field(default_factory=list)


def is_answer(
    pending: Pending, text: str, intent: Intent, confidence: float, today: dt.date
) -> bool:
    """A short reply that gives what was asked (a date when a date was asked, an option),
    or that the classifier cannot place elsewhere with confidence."""
    if len(text.split()) > ANSWER_WORDS:
        return False
    if pending.missing == "due_date" and extract_dates(normalise(text), today) is not None:
        return True
    if pending.missing == "amount" and re.search(r"\d", words_to_digits(text)):
        return True
    return (
        intent in WEAK_INTENTS
        or intent is pending.intent
        or confidence < 0.6
        or _choice(pending, text) is not None
    )


def _choice(pending: Pending, text: str) -> str | None:
    """The option a reply picks: by number («2», «вторую», "the second") or by its words."""
    if not pending.options:
        return None
    normal = words_to_digits(text).lower().strip()
    index: int | None = None
    number = _NUMBER.match(normal)
    if number:
        index = int(number.group(1))
    else:
        index = next((n for stem, n in _ORDINALS.items() if re.search(rf"\b{stem}", normal)), None)
    if index is not None and 1 <= index <= len(pending.options):
        return pending.options[index - 1]
    words = [w for w in re.findall(r"\w+", normal) if len(w) > 3]
    for option in pending.options:
        if words and all(w[:-2] in option.lower() for w in words):
            return option
    return None


def completed(pending: Pending, text: str, language: Language) -> str:
    """The command with the answer in it, in words the command's own reading understands."""
    if pending.missing == "task":
        title = _choice(pending, text) or text.strip(" «»\"'“”.!?")
        return f"{pending.message} «{title}»"
    if pending.missing == "due_date" and pending.subject:
        # The first date was the wrong one: the task is named, the new date is the answer.
        verb = "перенеси срок" if language == "ru" else "move the deadline of"
        return f"{verb} «{pending.subject}» {text}"
    return f"{pending.message} {text}"
