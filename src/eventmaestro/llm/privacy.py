"""Privacy guard: find personal data (152-ФЗ) in outgoing text and mask it reversibly.

Russian person names come from natasha's NER (slovnet news model with navec embeddings,
shipped inside the PyPI packages, so it runs offline with no download); it is loaded once,
lazily, because it takes about a second. English names have no such model here, so they are
found by a dictionary of common first names or an honorific (Mr, Ms, Dr…) followed by
capitalised words. Numbers are found by pattern *and* validated where the identifier has a
checksum (INN, SNILS, card numbers by Luhn), which keeps invoice totals and dates from being
taken for identifiers.

Masking replaces each distinct value with a placeholder (`[PERSON_1]`, `[PHONE_1]`…); the
same value always gets the same placeholder within a request so the model can still refer
to it, and `restore` puts the originals back into the answer.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(
    r"(?<![\w+])(?:\+7|8)[\s-]?\(?\d{3}\)?[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}(?!\d)"
    r"|(?<![\w+])\+\d{1,3}[\s-]?\(?\d{2,4}\)?(?:[\s-]?\d{2,4}){2,4}(?!\d)"
)
_PASSPORT = re.compile(r"(?<!\d)\d{2}\s?\d{2}\s(?:№\s?)?\d{6}(?!\d)")
_SNILS = re.compile(r"(?<!\d)\d{3}-\d{3}-\d{3}[\s-]\d{2}(?!\d)|(?<!\d)\d{11}(?!\d)")
_INN = re.compile(r"(?<!\d)(?:\d{12}|\d{10})(?!\d)")
_CARD = re.compile(r"(?<!\d)\d(?:[\s-]?\d){12,18}(?!\d)")
_PLACEHOLDER = re.compile(r"\[(PERSON|EMAIL|PHONE|PASSPORT|SNILS|INN|CARD)_(\d+)\]")

_ENGLISH_FIRST_NAMES = frozenset(
    """james john robert michael william david richard joseph thomas charles christopher
    daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george
    timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry
    justin scott brandon benjamin samuel frank gregory raymond alexander patrick jack dennis
    jerry tyler aaron henry peter adam nathan zachary kyle walter harold jeremy ethan carl
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty
    margaret sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah
    stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma
    nicole helen samantha katherine christine debra rachel carolyn janet catherine maria
    heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan
    evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison
    frances kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn
    danielle beverly isabella theresa diana natalie brittany charlotte marie kayla alexis
    lori ivan olga natalia natasha dmitry sergey alexey elena tatiana irina svetlana""".split()
)
_HONORIFIC_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?")
_WORD_START = re.compile(r"\b[A-Z]")
_FULL_NAME = re.compile(r"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?")


def luhn_valid(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def inn_valid(digits: str) -> bool:
    def check(weights: tuple[int, ...], part: str) -> int:
        return sum(w * int(c) for w, c in zip(weights, part, strict=False)) % 11 % 10

    if len(digits) == 10:
        return check((2, 4, 10, 3, 5, 9, 4, 6, 8), digits) == int(digits[9])
    if len(digits) == 12:
        first = check((7, 2, 4, 10, 3, 5, 9, 4, 6, 8), digits)
        second = check((3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8), digits)
        return first == int(digits[10]) and second == int(digits[11])
    return False


def snils_valid(digits: str) -> bool:
    if len(digits) != 11:
        return False
    total = sum(int(c) * (9 - i) for i, c in enumerate(digits[:9]))
    control = total % 101
    return (0 if control in (100, 101) else control) == int(digits[9:])


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str


_NER_LOCK = threading.Lock()


def load_name_model() -> None:
    """Load the NER model now (call it off the event loop at start-up), so the first
    request does not pay for it inside its deadline."""
    _natasha()


@cache
def _natasha() -> Any:
    """(segmenter, tagger); a second or so to load, so only once per process."""
    # The tagger multiplies tiny matrices; letting BLAS fan each one out over threads made a
    # sentence cost 30-70 ms instead of ~1 ms on a 2-core machine. Effective only if numpy is
    # not loaded yet, which is the case in Maestro (the tagger is its only numpy user).
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    with _NER_LOCK:
        return Segmenter(), NewsNERTagger(NewsEmbedding())


_CYRILLIC_CAPITAL = re.compile(r"[А-ЯЁ][а-яё]")


def _russian_names(text: str) -> list[Finding]:
    if not _CYRILLIC_CAPITAL.search(text):  # no capitalised Russian word, no Russian name
        return []
    from natasha import Doc

    segmenter, tagger = _natasha()
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    return [Finding("PERSON", s.start, s.stop, s.text) for s in doc.spans if s.type == "PER"]


def _english_names(text: str) -> list[Finding]:
    found = [
        Finding("PERSON", m.start(), m.end(), m.group()) for m in _HONORIFIC_NAME.finditer(text)
    ]
    # Tried at every capitalised word, so "Hello John Doe" cannot hide "John Doe".
    for capital in _WORD_START.finditer(text):
        match = _FULL_NAME.match(text, capital.start())
        if match and match.group(1).lower() in _ENGLISH_FIRST_NAMES:
            found.append(Finding("PERSON", match.start(), match.end(), match.group()))
    return found


def _card_valid(text: str) -> bool:
    digits = _digits(text)
    return 13 <= len(digits) <= 19 and luhn_valid(digits)


_PATTERNS: tuple[tuple[str, re.Pattern[str], Callable[[str], bool] | None], ...] = (
    ("EMAIL", _EMAIL, None),
    ("CARD", _CARD, _card_valid),
    ("SNILS", _SNILS, lambda s: snils_valid(_digits(s))),
    ("INN", _INN, lambda s: inn_valid(_digits(s))),
    ("PHONE", _PHONE, None),
    ("PASSPORT", _PASSPORT, None),
)


def find_personal_data(text: str) -> list[Finding]:
    candidates: list[Finding] = []
    for kind, pattern, valid in _PATTERNS:
        for match in pattern.finditer(text):
            if valid is None or valid(match.group()):
                candidates.append(Finding(kind, match.start(), match.end(), match.group()))
    candidates += _russian_names(text) + _english_names(text)
    # Earlier and longer spans win; overlapping later ones are dropped.
    candidates.sort(key=lambda f: (f.start, -(f.end - f.start)))
    chosen: list[Finding] = []
    for finding in candidates:
        if not chosen or finding.start >= chosen[-1].end:
            chosen.append(finding)
    return chosen


@dataclass
class Masker:
    """Placeholders for one request: consistent across its messages, restorable in the answer."""

    by_value: dict[tuple[str, str], str] = field(default_factory=dict)
    by_placeholder: dict[str, str] = field(default_factory=dict)

    @property
    def masked_anything(self) -> bool:
        return bool(self.by_placeholder)

    def mask(self, text: str) -> str:
        findings = find_personal_data(text)
        if not findings:
            return text
        parts: list[str] = []
        cursor = 0
        for finding in findings:
            parts.append(text[cursor : finding.start])
            parts.append(self._placeholder(finding))
            cursor = finding.end
        parts.append(text[cursor:])
        return "".join(parts)

    def _placeholder(self, finding: Finding) -> str:
        key = (finding.kind, finding.text)
        placeholder = self.by_value.get(key)
        if placeholder is None:
            count = sum(1 for kind, _ in self.by_value if kind == finding.kind) + 1
            placeholder = f"[{finding.kind}_{count}]"
            self.by_value[key] = placeholder
            self.by_placeholder[placeholder] = finding.text
        return placeholder

    def restore(self, text: str) -> str:
        if not self.by_placeholder:
            return text
        return _PLACEHOLDER.sub(lambda m: self.by_placeholder.get(m.group(), m.group()), text)

    def restore_value(self, value: Any) -> Any:
        """Restore inside tool-call arguments and parsed JSON, whatever their nesting."""
        if isinstance(value, str):
            return self.restore(value)
        if isinstance(value, dict):
            return {k: self.restore_value(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.restore_value(v) for v in value]
        return value


class StreamRestorer:
    """Restores placeholders in a stream whose chunks may cut one in half: text after an
    unclosed `[` is held back until the bracket closes or can no longer be a placeholder."""

    _LONGEST = len("[PASSPORT_999]")

    def __init__(self, masker: Masker) -> None:
        self._masker = masker
        self._pending = ""

    def feed(self, delta: str) -> str:
        text = self._pending + delta
        cut = text.rfind("[")
        if cut != -1 and "]" not in text[cut:] and len(text) - cut < self._LONGEST:
            self._pending = text[cut:]
            text = text[:cut]
        else:
            self._pending = ""
        return self._masker.restore(text)

    def flush(self) -> str:
        text, self._pending = self._pending, ""
        return self._masker.restore(text)
