"""What a language model adds to Maestro when one is configured, and the checks on it.

Two jobs, both optional (without a configured model the offline rules answer alone):
- **Extraction**: the model reads the message into the same entity schema (structured
  output); the result is reconciled with the rule-based one. Rules win where both speak (they
  are exact parses); the model fills a gap only with a value grounded in the text (its number
  appears in the message, its city is in the GeoNames directory, its date is a real future
  date), and every disagreement is reported.
- **Wording**: the model may rephrase the template summary; its text is kept only if every
  figure in it is one of the template's, because numbers come from code.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from eventmaestro.events.schemas import EventFormat, EventType
from eventmaestro.llm.contracts import Message, TaskKind
from eventmaestro.llm.gateway import LLMGateway
from eventmaestro.nlp.entities.cities import extract_city
from eventmaestro.nlp.entities.extract import CityRef, Entities
from eventmaestro.nlp.entities.keywords import VendorCategory
from eventmaestro.nlp.numbers import words_to_digits

EXTRACTION_SECONDS = 4.0
WORDING_SECONDS = 4.0
FUTURE_YEARS = 3
_NUMBER = re.compile(r"\d(?:[\d\u00a0 ,.]*\d)?")


class ModelEntities(BaseModel):
    """The schema the model fills: plain fields a model gets right, normalised by code."""

    model_config = ConfigDict(extra="ignore")

    event_type: EventType | None = None
    guests_count: int | None = Field(default=None, ge=1, le=1_000_000)
    budget_amount: Decimal | None = Field(default=None, gt=0, max_digits=14, decimal_places=2)
    budget_currency: Literal["RUB", "USD", "EUR"] | None = None
    city: str | None = Field(default=None, max_length=80, description="City name as written")
    date: dt.date | None = None
    date_end: dt.date | None = None
    format: EventFormat | None = None
    vendor_category: VendorCategory | None = None


def _figures(text: str) -> set[str]:
    """Numbers as digit strings, whatever their grouping («2 000 000», «2,000,000»)."""
    found = set()
    for match in _NUMBER.findall(words_to_digits(text)):
        digits = re.sub(r"[\u00a0 ,]", "", match)
        found.add(digits.rstrip("0").rstrip(".") if "." in digits else digits)
    return found


def keeps_figures(source: str, rewritten: str) -> bool:
    return _figures(rewritten) <= _figures(source)


def _grounded_amount(amount: Decimal, text: str) -> bool:
    """«1,5 млн» grounds 1 500 000: the amount, in units, thousands or millions, is in the text."""
    figures = {f.replace(",", ".") for f in _FRACTION.findall(words_to_digits(text).lower())}
    figures |= _figures(text)
    for scale in (Decimal(1), Decimal(1000), Decimal(1_000_000)):
        try:
            scaled = (amount / scale).normalize()
        except InvalidOperation:
            continue
        if f"{scaled:f}" in figures:
            return True
    return False


_FRACTION = re.compile(r"\d+[.,]\d+")


class Reconciled(BaseModel):
    entities: Entities
    notes: list[str]


def reconcile(local: Entities, model: ModelEntities, text: str, today: dt.date) -> Reconciled:
    values: dict[str, Any] = local.model_dump()
    notes: list[str] = []

    def offer(name: str, value: Any, grounded: bool) -> None:
        if value is None:
            return
        if values.get(name) is None:
            if grounded:
                values[name] = value
                notes.append(f"{name} from the language model")
            else:
                notes.append(f"{name} from the language model ignored: not found in the text")
        elif values[name] != value:
            notes.append(f"{name}: the language model read {value}, the rules {values[name]}")

    digits = _figures(text)
    offer("event_type", model.event_type, True)
    offer("format", model.format, True)
    offer("vendor_category", model.vendor_category, True)
    offer("guests_count", model.guests_count, str(model.guests_count) in digits)
    if model.budget_amount is not None:
        currency = model.budget_currency or "RUB"
        budget = {"amount": model.budget_amount.quantize(Decimal("0.01")), "currency": currency}
        current = values.get("budget")
        if current is None:
            offer("budget", budget, _grounded_amount(model.budget_amount, text))
        elif Decimal(current["amount"]) != budget["amount"]:
            notes.append(
                f"budget: the language model read {budget['amount']}, the rules {current['amount']}"
            )
    if model.city:
        city = extract_city(model.city)
        ref = CityRef(name=city.name, geoname_id=city.geoname_id).model_dump() if city else None
        if ref is None and values.get("city") is None:
            notes.append(f"city {model.city!r} from the language model is not a known city")
        else:
            offer("city", ref, ref is not None)
    horizon = today + dt.timedelta(days=365 * FUTURE_YEARS)
    for name in ("date", "date_end"):
        value = getattr(model, name)
        offer(name, value, value is not None and today <= value <= horizon)
    return Reconciled(entities=Entities.model_validate(values), notes=notes)


_EXTRACT_PROMPT = (
    "You read event organisers' messages (Russian or English). Fill the JSON schema with "
    "only what the message states; leave a field null when it is not stated. Dates are ISO "
    "(YYYY-MM-DD), resolved against today = {today}. Amounts in units (1,5 млн = 1500000); "
    "Russian text without a currency means RUB."
)
_WORDING_PROMPT = (
    "Rewrite the summary of an event-planning answer for the organiser in {language}: short, "
    "clear, friendly, no lists. Keep every figure, date and name exactly as given and add no "
    "new numbers. Reply with the text only."
)


class MaestroLanguage:
    """The model's two jobs for Maestro, behind one object that knows whether a model is
    configured at all (without one nothing is sent anywhere)."""

    def __init__(self, gateway: LLMGateway | None) -> None:
        self.gateway = gateway

    @property
    def available(self) -> bool:
        return self.gateway is not None and self.gateway.has_model(TaskKind.ORCHESTRATION)

    async def extract(
        self, text: str, local: Entities, today: dt.date, org_id: uuid.UUID
    ) -> Reconciled:
        if not self.available or self.gateway is None:
            return Reconciled(entities=local, notes=[])
        read = await self.gateway.structured(
            TaskKind.ORCHESTRATION,
            [Message.system(_EXTRACT_PROMPT.format(today=today.isoformat())), Message.user(text)],
            ModelEntities,
            within=EXTRACTION_SECONDS,
            org_id=org_id,
        )
        return reconcile(local, read, text, today)

    async def word(self, summary: str, language: str, org_id: uuid.UUID) -> str:
        if not self.available or self.gateway is None or not summary:
            return summary
        answer = await self.gateway.chat(
            TaskKind.ORCHESTRATION,
            [
                Message.system(
                    _WORDING_PROMPT.format(language="Russian" if language == "ru" else "English")
                ),
                Message.user(summary),
            ],
            within=WORDING_SECONDS,
            org_id=org_id,
        )
        text = answer.content.strip()
        if answer.provider == "offline" or not text or not keeps_figures(summary, text):
            return summary
        return text
