"""LLM gateway settings: providers, the routing table, prices, privacy and resilience knobs.

Read from the `[llm]` table of `maestro.toml` and from `MAESTRO_LLM_*` variables (nested
with `__`, e.g. `MAESTRO_LLM_PROVIDERS__GIGACHAT__CREDENTIALS`). Defaults mirror the seed's
model choice per agent; every chain ends in `offline:rules`, and a provider without
credentials (or without a URL, for self-hosted ones) is skipped, so a bare install answers
everything offline.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    PyprojectTomlConfigSettingsSource,
    SettingsConfigDict,
)

from eventmaestro.llm.contracts import TaskKind

OFFLINE = "offline:rules"


class PrivacyPolicy(StrEnum):
    MASK = "mask"  # replace personal data with placeholders before a cloud model sees it
    ROUTE_PRIVATE = "route_private"  # send requests with personal data to the private chain
    OFF = "off"


class ProviderConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["gigachat", "openai", "yandex"]
    base_url: str = ""  # empty: the cloud's public URL; required for self-hosted models
    api_key: SecretStr | None = None
    credentials: SecretStr | None = None  # GigaChat authorization key (base64 id:secret)
    scope: Literal["GIGACHAT_API_PERS", "GIGACHAT_API_B2B", "GIGACHAT_API_CORP"] = (
        "GIGACHAT_API_PERS"
    )
    auth_url: str = "https://ngw.devices.sberbank.ru:9443/api/v2/oauth"
    ca_bundle_file: str | None = None
    folder_id: str = ""
    cloud: bool = True  # False: runs inside the organisation, personal data may reach it


class Price(BaseModel):
    """Roubles per 1,000 tokens."""

    model_config = ConfigDict(extra="forbid")

    input: Decimal = Decimal(0)
    output: Decimal = Decimal(0)


class Limits(BaseModel):
    model_config = ConfigDict(extra="forbid")

    monthly_tokens: Annotated[int, Field(ge=0)] | None = None
    monthly_roubles: Annotated[Decimal, Field(ge=0)] | None = None


def _default_providers() -> dict[str, ProviderConfig]:
    return {
        "gigachat": ProviderConfig(kind="gigachat"),
        "yandex": ProviderConfig(kind="yandex"),
        "tpro": ProviderConfig(kind="openai"),
        "qwen": ProviderConfig(kind="openai"),
        "cotype": ProviderConfig(kind="openai"),
        "local": ProviderConfig(kind="openai", cloud=False),
    }


def _default_routes() -> dict[TaskKind, list[str]]:
    giga = ["gigachat:GigaChat-2-Max", "gigachat:GigaChat-2", OFFLINE]
    numbers = ["tpro:t-tech/T-pro-it-2.0", "qwen:Qwen/Qwen3-32B", OFFLINE]
    return {
        TaskKind.ORCHESTRATION: giga,
        TaskKind.PLANNING: giga,
        TaskKind.SENTIMENT: giga,
        TaskKind.FINANCE: numbers,
        TaskKind.ANALYTICS: numbers,
        TaskKind.SEARCH: ["yandex:yandexgpt/latest", OFFLINE],
        TaskKind.DIALOG: ["cotype:MTSAIR/Cotype-Pro-2", OFFLINE],
        TaskKind.PRIVATE: ["local:llama3.1:8b", OFFLINE],
    }


def _default_prices() -> dict[str, Price]:
    return {
        "gigachat:GigaChat-2": Price(input=Decimal("0.20"), output=Decimal("0.20")),
        "gigachat:GigaChat-2-Pro": Price(input=Decimal("1.50"), output=Decimal("1.50")),
        "gigachat:GigaChat-2-Max": Price(input=Decimal("1.95"), output=Decimal("1.95")),
        "yandex:yandexgpt/latest": Price(input=Decimal("1.20"), output=Decimal("1.20")),
        "yandex:yandexgpt-lite/latest": Price(input=Decimal("0.20"), output=Decimal("0.20")),
    }


class LLMSettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="MAESTRO_LLM_",
        env_nested_delimiter="__",
        extra="ignore",
        pyproject_toml_table_header=("llm",),
    )

    providers: dict[str, ProviderConfig] = Field(default_factory=_default_providers)
    routes: dict[TaskKind, list[str]] = Field(default_factory=_default_routes)
    embedding_model: str = "gigachat:Embeddings"
    prices: dict[str, Price] = Field(default_factory=_default_prices)
    privacy: PrivacyPolicy = PrivacyPolicy.MASK

    retries: Annotated[int, Field(ge=0, le=10)] = 2
    backoff_base_seconds: Annotated[float, Field(gt=0)] = 0.2
    backoff_max_seconds: Annotated[float, Field(gt=0)] = 5.0
    breaker_failures: Annotated[int, Field(ge=1)] = 5
    breaker_reset_seconds: Annotated[float, Field(gt=0)] = 30.0
    default_timeout_seconds: Annotated[float, Field(gt=0)] = 60.0
    cache_ttl_seconds: Annotated[float, Field(ge=0)] = 3600.0

    limits: Limits = Limits()
    org_limits: dict[uuid.UUID, Limits] = Field(default_factory=dict)

    @field_validator("routes")
    @classmethod
    def _chains_end_offline(cls, routes: dict[TaskKind, list[str]]) -> dict[TaskKind, list[str]]:
        """The offline engine closes every chain, so no task kind can be left unanswered."""
        complete = _default_routes() | routes
        for task, chain in complete.items():
            if not chain or chain[-1] != OFFLINE:
                complete[task] = [*chain, OFFLINE]
        return complete

    def price(self, provider: str, model: str) -> Price:
        return self.prices.get(f"{provider}:{model}", Price())

    def limits_for(self, org_id: uuid.UUID) -> Limits:
        return self.org_limits.get(org_id, self.limits)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (
            init_settings,
            env_settings,
            PyprojectTomlConfigSettingsSource(settings_cls, Path("maestro.toml")),
        )


def split_ref(ref: str) -> tuple[str, str]:
    """`provider:model` → (provider, model); model names may contain colons (llama3.1:8b)."""
    provider, _, model = ref.partition(":")
    return provider, model
