"""The `maestro` command in a fresh embedded installation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventmaestro.cli import app

runner = CliRunner()


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"MAESTRO_DATA_DIR": str(tmp_path), "MAESTRO_LOG_JSON": "false"}


def test_migrate_then_create_organisation_and_user(env: dict[str, str]) -> None:
    assert runner.invoke(app, ["migrate"], env=env).exit_code == 0
    org = runner.invoke(app, ["orgs", "create", "Event Pro"], env=env)
    assert org.exit_code == 0, org.output
    assert "event-pro" in org.output

    created = runner.invoke(
        app,
        [
            "users",
            "create",
            "--org",
            "event-pro",
            "--email",
            "Ops@Example.ru",
            "--role",
            "analyst",
            "--password",
            "long-enough-password",
        ],
        env=env,
    )
    assert created.exit_code == 0, created.output
    assert "ops@example.ru" in created.output
    assert "analyst" in created.output

    duplicate = runner.invoke(
        app,
        [
            "users",
            "create",
            "--org",
            "event-pro",
            "--email",
            "ops@example.ru",
            "--password",
            "long-enough-password",
        ],
        env=env,
    )
    assert duplicate.exit_code == 1
    assert "already exists" in duplicate.output


def test_users_create_reports_bad_input_clearly(env: dict[str, str]) -> None:
    runner.invoke(app, ["migrate"], env=env)
    no_org = runner.invoke(
        app,
        [
            "users",
            "create",
            "--org",
            "ghost",
            "--email",
            "a@example.ru",
            "--password",
            "long-enough-password",
        ],
        env=env,
    )
    assert no_org.exit_code == 1
    assert "ghost" in no_org.output
    bad_role = runner.invoke(
        app,
        [
            "users",
            "create",
            "--org",
            "ghost",
            "--email",
            "a@example.ru",
            "--role",
            "king",
            "--password",
            "long-enough-password",
        ],
        env=env,
    )
    assert bad_role.exit_code == 1
    assert "role" in bad_role.output


def test_serve_refuses_a_placeholder_secret_when_exposed(env: dict[str, str]) -> None:
    result = runner.invoke(
        app,
        ["serve", "--host", "0.0.0.0"],
        env={**env, "MAESTRO_SECRET_KEY": "change-me"},
    )
    assert result.exit_code == 1
    assert "MAESTRO_SECRET_KEY" in result.output


def test_serve_refuses_unknown_service(env: dict[str, str]) -> None:
    result = runner.invoke(app, ["serve", "--services", "gateway,astrology"], env=env)
    assert result.exit_code == 1
    assert "astrology" in result.output


def test_worker_refuses_an_unknown_agent(env: dict[str, str]) -> None:
    result = runner.invoke(app, ["worker", "astrology"], env=env)
    assert result.exit_code == 1
    assert "No agent named astrology" in result.output


def test_understand_prints_intent_and_entities(env: dict[str, str]) -> None:
    text = "корпоратив на сто человек в Питере 20.12, бюджет 1,5 млн"
    result = runner.invoke(app, ["understand", text, "--now", "2026-11-24T12:00:00+03:00"], env=env)
    assert result.exit_code == 0, result.output
    assert "create_event_plan" in result.output
    assert "Saint Petersburg (498817)" in result.output


def test_understand_json(env: dict[str, str]) -> None:
    import json

    result = runner.invoke(
        app, ["understand", "найди площадку в Екб", "--json", "--now", "2026-11-24"], env=env
    )
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert body["intent"] == "search_vendors"
    assert body["entities"]["city"] == {"name": "Yekaterinburg", "geoname_id": 1486209}
    assert body["entities"]["vendor_category"] == "venue"


def test_understand_rejects_a_bad_timezone(env: dict[str, str]) -> None:
    result = runner.invoke(app, ["understand", "привет", "--timezone", "Mars/Olympus"], env=env)
    assert result.exit_code == 1


def test_ask_runs_the_whole_flow_and_follow_ups_refine_it(env: dict[str, str]) -> None:
    result = runner.invoke(
        app,
        [
            "ask",
            "Корпоратив на 150 человек в Казани 20 декабря, бюджет 2 млн",
            "а если 200 человек?",
            "--json",
            "--now",
            "2026-09-01T09:00:00",
        ],
        env=env,
    )
    assert result.exit_code == 0, result.output
    decoder, text, answers = json.JSONDecoder(), result.stdout.strip(), []
    while text:
        answer, end = decoder.raw_decode(text)
        answers.append(answer)
        text = text[end:].strip()
    first, second = answers
    assert first["agents_used"] == ["planning", "finance", "vendors"]
    assert first["results"]["vendors"]["output"]["picks"]  # the demo catalogue was loaded
    assert second["conversation_id"] == first["conversation_id"]
    assert second["entities"]["guests_count"] == 200
    assert second["results"]["budget"]["output"]["drivers"]["guests"] == 200


def test_ask_refuses_bad_options_clearly(env: dict[str, str]) -> None:
    result = runner.invoke(app, ["ask", "привет", "--timezone", "Mars/Olympus"], env=env)
    assert result.exit_code == 1
    assert "timezone: Value error, must be an IANA time zone" in result.output
    bad_event = runner.invoke(app, ["ask", "привет", "--event", "not-an-id"], env=env)
    assert bad_event.exit_code == 1
    assert "badly formed hexadecimal UUID string" in bad_event.output


def test_vendor_commands_work_in_a_fresh_process(env: dict[str, str]) -> None:
    """A real `maestro` process imports only what its command needs: the catalogue's tables
    must still find the tables they reference."""
    import os
    import subprocess
    import sys

    maestro = [sys.executable, "-m", "eventmaestro.cli"]
    run_env = {**os.environ, **env}
    migrated = subprocess.run([*maestro, "migrate"], env=run_env, capture_output=True, text=True)
    assert migrated.returncode == 0, migrated.stderr
    demo = subprocess.run(
        [*maestro, "vendors", "demo", "--count", "20"], env=run_env, capture_output=True, text=True
    )
    assert demo.returncode == 0, demo.stdout + demo.stderr
    assert "Loaded 20 demo vendors." in demo.stdout
