"""Runtime configuration.

Every knob has an embedded-mode default so that `maestro serve` works on a bare machine;
distributed mode is reached by pointing the URLs at PostgreSQL, RabbitMQ and Redis.
Sources, highest priority first: init kwargs, `MAESTRO_*` environment, `maestro.toml`.
"""

from __future__ import annotations

import secrets
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AwareDatetime, Field, SecretStr
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

KEY_HINT = "e.g. the output of: python -c 'import secrets; print(secrets.token_urlsafe(48))'"
PLACEHOLDER_SECRETS = frozenset({"", "change-me", "changeme", "secret", "maestro"})
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", ""})


class SignupPolicy(StrEnum):
    FIRST = "first"  # only the very first organisation may register itself
    OPEN = "open"
    CLOSED = "closed"


class InsecureConfigurationError(RuntimeError):
    """Raised at start-up when the configuration would expose a guessable secret."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="MAESTRO_",
        toml_file="maestro.toml",
        extra="ignore",
    )

    data_dir: Path = Path(".maestro")
    database_url: str = ""
    bus_url: str = "memory://"
    cache_url: str = "memory://"
    secret_key: SecretStr = SecretStr("")
    signup: SignupPolicy = SignupPolicy.FIRST

    host: str = "127.0.0.1"
    port: int = 8000
    services: str = "all"

    access_token_minutes: Annotated[int, Field(ge=1, le=24 * 60)] = 15
    refresh_token_days: Annotated[int, Field(ge=1, le=365)] = 30
    login_attempts_per_window: Annotated[int, Field(ge=1)] = 10
    login_window_seconds: Annotated[int, Field(ge=1)] = 300
    max_body_bytes: Annotated[int, Field(ge=1024)] = 1_048_576
    idempotency_ttl_seconds: Annotated[int, Field(ge=60)] = 24 * 3600
    outbox_poll_seconds: Annotated[float, Field(gt=0)] = 1.0
    # Generate a plan for every new event that has a date (the Planning agent listens to
    # `event.created`); off by default so an import of old events does not plan them all.
    planning_auto_plan: bool = False
    # Start Maestro's clock at this moment (it ticks on from there): demos as of a chosen day,
    # and browser or multi-process tests that must not depend on the real date.
    clock_start: AwareDatetime | None = None

    log_level: str = "INFO"
    log_json: bool = True
    db_echo: bool = False

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls))

    @cached_property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{(self.data_dir / 'maestro.db').resolve()}"

    @property
    def is_sqlite(self) -> bool:
        return self.resolved_database_url.startswith("sqlite")

    @property
    def is_embedded(self) -> bool:
        """Embedded = everything in this one process: SQLite, memory bus, memory cache."""
        return (
            self.is_sqlite
            and self.bus_url.startswith("memory://")
            and self.cache_url.startswith("memory://")
        )

    def _only_local(self) -> bool:
        hosts = {self.host}
        for url in (self.resolved_database_url, self.bus_url, self.cache_url):
            hosts.add(urlsplit(url).hostname or "")
        return hosts <= LOOPBACK_HOSTS

    def signing_key(self) -> str:
        """The key that signs tokens.

        Refuses a placeholder unless Maestro is confined to this machine; there a random key
        is generated once and kept in the data directory, so tokens survive restarts.
        """
        key = self.secret_key.get_secret_value()
        if key not in PLACEHOLDER_SECRETS:
            if len(key) < 32:
                raise InsecureConfigurationError(
                    "MAESTRO_SECRET_KEY is shorter than 32 characters. Set it to a random value, "
                    + KEY_HINT
                )
            return key
        if not self._only_local():
            raise InsecureConfigurationError(
                "MAESTRO_SECRET_KEY is not set (or is a placeholder) and Maestro is configured "
                "to listen or connect beyond this machine. Set MAESTRO_SECRET_KEY to a random "
                "value of at least 32 characters, " + KEY_HINT
            )
        return self._local_key()

    def _local_key(self) -> str:
        path = self.data_dir / "secret_key"
        if path.exists():
            return path.read_text().strip()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(48)
        path.write_text(key)
        path.chmod(0o600)
        return key
