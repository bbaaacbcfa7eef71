"""Configuration: embedded defaults, environment and maestro.toml, refusal of weak secrets."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventmaestro.settings import InsecureConfigurationError, Settings


def test_defaults_are_embedded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = Settings()
    assert settings.is_embedded
    assert settings.resolved_database_url == (
        f"sqlite+aiosqlite:///{tmp_path / '.maestro' / 'maestro.db'}"
    )
    assert settings.bus_url == "memory://"
    assert settings.cache_url == "memory://"


def test_environment_and_toml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "maestro.toml").write_text('port = 9000\ncache_url = "redis://127.0.0.1:6379/0"\n')
    monkeypatch.setenv("MAESTRO_PORT", "9100")
    settings = Settings()
    assert settings.port == 9100  # the environment wins over the file
    assert settings.cache_url == "redis://127.0.0.1:6379/0"
    assert not settings.is_embedded


def test_local_mode_generates_and_keeps_a_key(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    key = settings.signing_key()
    assert len(key) >= 32
    assert Settings(data_dir=tmp_path).signing_key() == key
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("secret", ["", "change-me", "secret"])
def test_placeholder_secret_refused_beyond_this_machine(tmp_path: Path, secret: str) -> None:
    settings = Settings(
        data_dir=tmp_path,
        secret_key=secret,
        database_url="postgresql+asyncpg://maestro@db.internal:5432/maestro",
    )
    with pytest.raises(InsecureConfigurationError, match="MAESTRO_SECRET_KEY"):
        settings.signing_key()
    exposed = Settings(data_dir=tmp_path, secret_key=secret, host="0.0.0.0")
    with pytest.raises(InsecureConfigurationError, match="MAESTRO_SECRET_KEY"):
        exposed.signing_key()


def test_short_secret_refused(tmp_path: Path) -> None:
    with pytest.raises(InsecureConfigurationError, match="32"):
        Settings(data_dir=tmp_path, secret_key="short-but-set").signing_key()
