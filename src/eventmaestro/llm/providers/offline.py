"""The offline provider: no network, no credentials, same answer for the same request.

It closes every fallback chain, so it must never fail and never be slow. It does not pretend
to be a language model: text answers are short templates per task kind that say the answer
was prepared without a model, structured output is filled from the schema (see
`schema_fill`), and embeddings are hashed bag-of-words vectors — crude, but stable, so search
over them behaves the same on every run.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import AsyncIterator

from eventmaestro.llm.contracts import (
    ChatRequest,
    ChatResponse,
    Embeddings,
    Role,
    StreamChunk,
    TaskKind,
    Usage,
)
from eventmaestro.llm.providers.base import Provider
from eventmaestro.llm.schema_fill import fill_schema

EMBEDDING_SIZE = 256
_WORD = re.compile(r"\w+", re.UNICODE)
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)

_POSITIVE = frozenset(
    "отлично отличный супер хорошо хороший понравилось нравится спасибо класс рекомендую "
    "great good excellent love liked amazing thanks awesome recommend".split()
)
_NEGATIVE = frozenset(
    "плохо плохой ужасно ужасный скучно отвратительно разочарован опоздали холодно "
    "bad terrible awful boring disappointed late cold worst hate".split()
)

_TEMPLATES: dict[TaskKind, tuple[str, str]] = {
    TaskKind.ORCHESTRATION: (
        "Запрос принят: «{text}». Ответ подготовлен без языковой модели.",
        "Request received: “{text}”. Answer prepared without a language model.",
    ),
    TaskKind.PLANNING: (
        "План по запросу «{text}» построен по шаблону.",
        "The plan for “{text}” was built from a template.",
    ),
    TaskKind.FINANCE: (
        "Расчёт по запросу «{text}» выполнен кодом; цифры — в данных ответа.",
        "The figures for “{text}” were computed by code; see the response data.",
    ),
    TaskKind.SEARCH: ("Поиск: «{text}».", "Search: “{text}”."),
    TaskKind.DIALOG: (
        "Спасибо за сообщение! Мы ответим подробно в ближайшее время.",
        "Thank you for your message! We will reply in detail shortly.",
    ),
    TaskKind.ANALYTICS: (
        "Отчёт по запросу «{text}» сформирован по правилам.",
        "The report for “{text}” was produced by rules.",
    ),
    TaskKind.SENTIMENT: ("{label}", "{label}"),
    TaskKind.PRIVATE: (
        "Запрос обработан локально: «{text}».",
        "Processed locally: “{text}”.",
    ),
}


def sentiment_label(text: str) -> str:
    words = [w.lower() for w in _WORD.findall(text)]
    score = sum(w in _POSITIVE for w in words) - sum(w in _NEGATIVE for w in words)
    return "positive" if score > 0 else "negative" if score < 0 else "neutral"


def count_tokens(text: str) -> int:
    """A stable estimate (words and punctuation) so the ledger has numbers offline too."""
    return len(re.findall(r"\w+|[^\w\s]", text))


def _last_user_text(request: ChatRequest) -> str:
    for message in reversed(request.messages):
        if message.role is Role.USER:
            return message.content
    return ""


def offline_answer(request: ChatRequest) -> str:
    text = _last_user_text(request)
    if request.response_format is not None:
        return json.dumps(
            fill_schema(request.response_format.schema_, text=text), ensure_ascii=False
        )
    russian, english = _TEMPLATES[request.task]
    template = russian if _CYRILLIC.search(text) or not text else english
    short = text if len(text) <= 200 else text[:199] + "…"
    return template.format(text=short, label=sentiment_label(text))


class OfflineProvider(Provider):
    name = "offline"
    cloud = False

    async def chat(self, model: str, request: ChatRequest) -> ChatResponse:
        content = offline_answer(request)
        prompt = sum(count_tokens(m.content) for m in request.messages)
        return ChatResponse(
            content=content,
            usage=Usage(prompt_tokens=prompt, completion_tokens=count_tokens(content)),
            provider=self.name,
            model=model,
        )

    async def stream(self, model: str, request: ChatRequest) -> AsyncIterator[StreamChunk]:
        response = await self.chat(model, request)
        for piece in re.findall(r"\S+\s*", response.content) or [""]:
            yield StreamChunk(delta=piece)
        yield StreamChunk(finish_reason="stop", usage=response.usage)

    async def embed(self, model: str, texts: list[str]) -> Embeddings:
        vectors = tuple(hashed_vector(text) for text in texts)
        tokens = sum(count_tokens(t) for t in texts)
        return Embeddings(
            vectors=vectors, usage=Usage(prompt_tokens=tokens), provider=self.name, model=model
        )

    async def list_models(self) -> list[str]:
        return ["rules"]


def hashed_vector(text: str) -> tuple[float, ...]:
    vector = [0.0] * EMBEDDING_SIZE
    for word in _WORD.findall(text.lower()):
        digest = hashlib.blake2b(word.encode(), digest_size=4).digest()
        bucket = int.from_bytes(digest[:3], "big") % EMBEDDING_SIZE
        vector[bucket] += 1.0 if digest[3] & 1 else -1.0
    norm = math.sqrt(sum(v * v for v in vector)) or 1.0
    return tuple(v / norm for v in vector)
