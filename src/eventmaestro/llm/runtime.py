"""The gateway a running Maestro process uses: settings from maestro.toml / environment,
responses cached in the platform's cache (memory or Redis), usage booked in its database."""

from __future__ import annotations

from eventmaestro.kit.platform import Platform
from eventmaestro.llm.config import LLMSettings
from eventmaestro.llm.gateway import LLMGateway
from eventmaestro.llm.usage import DatabaseUsageSink


def gateway_for(platform: Platform, settings: LLMSettings | None = None) -> LLMGateway:
    llm = settings or LLMSettings()
    return LLMGateway(
        llm, cache=platform.cache, usage=DatabaseUsageSink(platform.sessionmaker, llm)
    )
