"""`maestro llm check` and the fault syntax of `maestro llm fake`."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from eventmaestro.cli import app
from eventmaestro.llm.fakes import Fault

runner = CliRunner()


def test_check_lists_every_provider_and_skips_unconfigured() -> None:
    result = runner.invoke(app, ["llm", "check"], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert "gigachat" in result.output
    assert "skipped" in result.output
    assert "offline" in result.output


@pytest.mark.parametrize(
    ("spec", "fault"),
    [
        ("429:2", Fault.error(429, retry_after=2)),
        ("500", Fault.error(500)),
        ("drop", Fault.drop()),
        ("malformed", Fault.malformed()),
        ("latency:0.5", Fault.latency(0.5)),
        ("slow-stream:0.2", Fault.slow_stream(0.2)),
    ],
)
def test_fault_specs(spec: str, fault: Fault) -> None:
    assert Fault.parse(spec) == fault


def test_unknown_fault_is_a_clear_error() -> None:
    result = runner.invoke(app, ["llm", "fake", "openai", "--fault", "explode"])
    assert result.exit_code != 0
    assert "Unknown fault" in result.output
