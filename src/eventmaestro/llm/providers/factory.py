"""Build the providers named in settings; offline is always there."""

from __future__ import annotations

from eventmaestro.llm.config import LLMSettings, ProviderConfig
from eventmaestro.llm.providers.base import Provider
from eventmaestro.llm.providers.gigachat import GigaChatProvider
from eventmaestro.llm.providers.offline import OfflineProvider
from eventmaestro.llm.providers.openai_compat import OpenAICompatibleProvider, YandexProvider

# Where each cloud lives unless the settings say otherwise (self-hosted ones have no default).
DEFAULT_URLS = {
    "gigachat": "https://gigachat.devices.sberbank.ru/api/v1",
    "yandex": "https://llm.api.cloud.yandex.net/v1",
}


def _secret(config: ProviderConfig) -> str | None:
    value = config.api_key or config.credentials
    return value.get_secret_value() if value else None


def build_provider(name: str, config: ProviderConfig, timeout: float) -> Provider:
    if config.kind == "gigachat":
        return GigaChatProvider(
            credentials=_secret(config),
            scope=config.scope,
            base_url=config.base_url or DEFAULT_URLS["gigachat"],
            auth_url=config.auth_url,
            ca_bundle_file=config.ca_bundle_file,
            timeout=timeout,
        )
    if config.kind == "yandex":
        return YandexProvider(
            base_url=config.base_url or DEFAULT_URLS["yandex"],
            api_key=_secret(config),
            folder_id=config.folder_id,
            timeout=timeout,
        )
    provider = OpenAICompatibleProvider(
        name,
        base_url=config.base_url or "http://unset.invalid/v1",
        api_key=_secret(config),
        cloud=config.cloud,
        timeout=timeout,
    )
    # A self-hosted endpoint is "configured" once it has a URL; a key is optional there.
    provider.enabled = bool(config.base_url)
    return provider


def build_providers(settings: LLMSettings) -> dict[str, Provider]:
    providers: dict[str, Provider] = {"offline": OfflineProvider()}
    for name, config in settings.providers.items():
        providers[name] = build_provider(name, config, settings.default_timeout_seconds)
    return providers
