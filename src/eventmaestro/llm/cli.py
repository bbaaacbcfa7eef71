"""`maestro llm …`: run a fake provider, check the configured providers."""

from __future__ import annotations

import asyncio
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(
    help="LLM gateway: fakes for demos and tests, provider checks.", no_args_is_help=True
)
console = Console()


class FakeKind(StrEnum):
    GIGACHAT = "gigachat"
    YANDEX = "yandex"
    OPENAI = "openai"


@app.command()
def fake(
    kind: Annotated[FakeKind, typer.Argument(help="Which provider's protocol to speak")],
    port: Annotated[int, typer.Option(min=1, max=65535, help="Loopback port")] = 8900,
    fault: Annotated[
        list[str] | None,
        typer.Option(
            help="Apply to every request: 429, 429:2 (Retry-After), 500, 402, drop, malformed, "
            "latency:SECONDS, slow-stream:SECONDS. Repeatable."
        ),
    ] = None,
    api_key: Annotated[
        str | None, typer.Option(help="Demand this key (OpenAI/Yandex); any key when unset")
    ] = None,
) -> None:
    """Serve a protocol-faithful fake provider on 127.0.0.1 (echo answers)."""
    from eventmaestro.llm.fakes import FakeControl, Fault, running_fake
    from eventmaestro.llm.fakes.gigachat import create_gigachat_fake
    from eventmaestro.llm.fakes.openai import create_openai_fake
    from eventmaestro.llm.fakes.yandex import create_yandex_fake

    try:
        faults = [Fault.parse(spec) for spec in fault or []]
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc
    control = FakeControl(persistent=faults, api_key=api_key)
    factory = {
        FakeKind.GIGACHAT: create_gigachat_fake,
        FakeKind.YANDEX: create_yandex_fake,
        FakeKind.OPENAI: create_openai_fake,
    }[kind]

    async def serve() -> None:
        async with running_fake(factory(control), port=port) as url:
            base = (
                f"{url}/api/v1 (OAuth: {url}/api/v2/oauth)"
                if kind is FakeKind.GIGACHAT
                else f"{url}/v1"
            )
            console.print(f"[bold]Fake {kind.value}[/] on {base}; Ctrl+C stops it.")
            await asyncio.Event().wait()

    try:
        asyncio.run(serve())
    except KeyboardInterrupt:
        pass


@app.command()
def check() -> None:
    """Ping every configured provider and print a table."""
    from eventmaestro.llm.config import LLMSettings
    from eventmaestro.llm.gateway import LLMGateway

    async def run() -> list[tuple[str, str, str]]:
        gateway = LLMGateway(LLMSettings())
        try:
            statuses = await gateway.check()
        finally:
            await gateway.close()
        return [
            (
                s.name,
                "ok" if s.ok else ("skipped" if not s.configured else "failing"),
                s.detail,
            )
            for s in statuses
        ]

    table = Table("provider", "status", "detail")
    for name, status, detail in asyncio.run(run()):
        colour = {"ok": "green", "failing": "red"}.get(status, "yellow")
        table.add_row(name, f"[{colour}]{status}[/]", detail)
    console.print(table)
