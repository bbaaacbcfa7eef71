"""Routing table, prices and credentials from maestro.toml and the environment."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from eventmaestro.llm.config import OFFLINE, LLMSettings, PrivacyPolicy
from eventmaestro.llm.contracts import TaskKind
from eventmaestro.llm.gateway import LLMGateway
from eventmaestro.llm.providers.gigachat import GigaChatProvider

TOML = """
[llm]
privacy = "route_private"

[llm.routes]
finance = ["qwen:Qwen/Qwen3-32B"]

[llm.prices."qwen:Qwen/Qwen3-32B"]
input = "0.40"
output = "0.80"

[llm.providers.qwen]
kind = "openai"
base_url = "http://127.0.0.1:8000/v1"
"""


def test_reads_the_llm_table_of_maestro_toml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "maestro.toml").write_text(TOML)
    monkeypatch.chdir(tmp_path)
    settings = LLMSettings()
    assert settings.privacy is PrivacyPolicy.ROUTE_PRIVATE
    assert settings.routes[TaskKind.FINANCE] == ["qwen:Qwen/Qwen3-32B", OFFLINE]
    assert settings.routes[TaskKind.SEARCH][0] == "yandex:yandexgpt/latest"  # default kept
    assert settings.price("qwen", "Qwen/Qwen3-32B").output == Decimal("0.80")
    gateway = LLMGateway(settings)
    assert [s.ref for s in gateway.router.chain(TaskKind.FINANCE)] == [
        "qwen:Qwen/Qwen3-32B",
        OFFLINE,
    ]


def test_credentials_and_ca_bundle_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MAESTRO_LLM_PROVIDERS__GIGACHAT__KIND", "gigachat")
    monkeypatch.setenv("MAESTRO_LLM_PROVIDERS__GIGACHAT__CREDENTIALS", "a2V5")
    monkeypatch.setenv("MAESTRO_LLM_PROVIDERS__GIGACHAT__CA_BUNDLE_FILE", "/etc/ssl/russian.pem")
    gateway = LLMGateway(LLMSettings())
    provider = gateway.providers["gigachat"]
    assert isinstance(provider, GigaChatProvider)
    assert provider.configured
    sdk_settings = provider._client._settings
    assert sdk_settings.ca_bundle_file == "/etc/ssl/russian.pem"
    assert sdk_settings.verify_ssl_certs  # a CA bundle, never switching verification off
    assert sdk_settings.base_url == "https://gigachat.devices.sberbank.ru/api/v1"
    assert [s.ref for s in gateway.router.chain(TaskKind.PLANNING)] == [
        "gigachat:GigaChat-2-Max",
        "gigachat:GigaChat-2",
        OFFLINE,
    ]
