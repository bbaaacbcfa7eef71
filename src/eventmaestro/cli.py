"""The `maestro` command: serve the platform, migrate, and administer accounts."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Annotated, TypeVar

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.table import Table

from eventmaestro import __version__
from eventmaestro.agents.maestro.cli import ask
from eventmaestro.agents.vendors.cli import app as vendors_app
from eventmaestro.kit.errors import MaestroError
from eventmaestro.llm.cli import app as llm_app
from eventmaestro.settings import InsecureConfigurationError, Settings

app = typer.Typer(
    name="maestro",
    help="Maestro — a multi-agent AI platform for event organisers.",
    no_args_is_help=True,
    add_completion=False,
)
users_app = typer.Typer(help="Manage users.", no_args_is_help=True)
orgs_app = typer.Typer(help="Manage organisations.", no_args_is_help=True)
app.add_typer(users_app, name="users")
app.add_typer(orgs_app, name="orgs")
app.add_typer(llm_app, name="llm")
app.add_typer(vendors_app, name="vendors")
app.command()(ask)

console = Console()
err = Console(stderr=True)
T = TypeVar("T")


def _fail(message: str) -> typer.Exit:
    err.print(f"[bold red]Error:[/] {message}")
    return typer.Exit(code=1)


@app.command()
def version() -> None:
    """Print the version."""
    console.print(f"maestro {__version__}")


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to bind")] = None,
    port: Annotated[int | None, typer.Option(help="TCP port")] = None,
    services: Annotated[
        str | None, typer.Option(help="Services to run: all, or a comma list such as gateway")
    ] = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes (non-embedded)")] = 1,
) -> None:
    """Start the HTTP API (and the embedded agents when everything runs in one process)."""
    import uvicorn

    from eventmaestro.services import UnknownServiceError, parse_services

    overrides = {
        k: v for k, v in {"host": host, "port": port, "services": services}.items() if v is not None
    }
    try:
        settings = Settings(**overrides)  # type: ignore[arg-type]
        settings.signing_key()
        parse_services(settings.services)
    except (InsecureConfigurationError, UnknownServiceError, ValidationError) as exc:
        raise _fail(str(exc)) from exc
    if workers > 1 and settings.is_sqlite:
        raise _fail(
            "Several workers need a shared database; set MAESTRO_DATABASE_URL to "
            "PostgreSQL or run one worker."
        )
    mode = "embedded" if settings.is_embedded else "distributed"
    console.print(
        f"[bold]Maestro {__version__}[/] ({mode}) on http://{settings.host}:{settings.port} "
        f"— API docs at /docs"
    )
    uvicorn.run(
        "eventmaestro.app:create_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=workers,
        log_level="warning",
        access_log=False,
        proxy_headers=True,
    )


@app.command()
def worker(
    agents: Annotated[list[str], typer.Argument(help="Agents to serve, e.g. planning finance")],
) -> None:
    """Serve agents' task queues (distributed mode: one worker process per agent, replicated
    as needed). Stops cleanly on Ctrl+C or SIGTERM, handing unfinished tasks back."""
    from eventmaestro.agents.registry import all_agents

    available = [agent.name for agent in all_agents()]
    unknown = sorted(set(agents) - set(available))
    if unknown:
        raise _fail(
            f"No agent named {', '.join(unknown)}. Available: {', '.join(available) or 'none yet'}"
        )
    try:
        settings = Settings()
        settings.signing_key()
    except (InsecureConfigurationError, ValidationError) as exc:
        raise _fail(str(exc)) from exc
    asyncio.run(_serve_agents(settings, agents))


async def _serve_agents(settings: Settings, names: list[str]) -> None:
    import signal

    from eventmaestro.agents.registry import find_agents
    from eventmaestro.agents.runtime import AgentRuntime
    from eventmaestro.kit.platform import Platform

    platform = Platform.from_settings(settings)
    await platform.start()
    runtime = AgentRuntime(platform, find_agents(names))
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        await runtime.start()
        console.print(f"[bold]Serving agents:[/] {', '.join(names)}")
        await stop.wait()
    finally:
        await runtime.stop()
        await platform.close()


@app.command()
def migrate(
    revision: Annotated[str, typer.Argument(help="Target revision")] = "head",
) -> None:
    """Bring the database schema up to date."""
    from eventmaestro.kit.migrate import upgrade

    settings = Settings()
    if settings.is_sqlite:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    upgrade(settings.resolved_database_url, revision)
    console.print(f"[green]Database migrated to {revision}.[/]")


def _run_in_session(work: Callable[..., Awaitable[T]]) -> T:
    from eventmaestro.accounts.service import AccountsService, TokenPolicy
    from eventmaestro.kit.db import create_engine, create_sessionmaker

    settings = Settings()

    async def runner() -> T:
        engine = create_engine(settings.resolved_database_url)
        try:
            async with create_sessionmaker(engine)() as session:
                service = AccountsService(
                    session, TokenPolicy.from_settings(settings, settings.signing_key())
                )
                result = await work(service)
                await session.commit()
                return result
        finally:
            await engine.dispose()

    try:
        return asyncio.run(runner())
    except MaestroError as exc:
        raise _fail(exc.detail) from exc


@orgs_app.command("create")
def orgs_create(name: Annotated[str, typer.Argument(help="Organisation name")]) -> None:
    """Create an organisation (sign-up may be closed; operators can always do this)."""
    from eventmaestro.accounts.service import AccountsService

    async def work(service: AccountsService) -> tuple[str, str]:
        org = await service.create_organization(name)
        return org.slug, str(org.id)

    slug, org_id = _run_in_session(work)
    console.print(f"[green]Created organisation[/] {name} (slug [bold]{slug}[/], id {org_id})")


@users_app.command("create")
def users_create(
    org: Annotated[str, typer.Option(help="Organisation slug or id")],
    email: Annotated[str, typer.Option(help="E-mail, used to sign in")],
    role: Annotated[str, typer.Option(help="admin, manager, analyst or integration")] = "manager",
    name: Annotated[str | None, typer.Option(help="Display name")] = None,
    password: Annotated[
        str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True)
    ] = "",
) -> None:
    """Create a user in an organisation."""
    from eventmaestro.accounts.schemas import UserCreate
    from eventmaestro.accounts.service import AccountsService

    try:
        data = UserCreate(
            email=email, name=name or email.split("@")[0], role=role, password=password
        )
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise _fail(problems) from exc

    async def work(service: AccountsService) -> tuple[str, str, str]:
        organisation = await service.find_organization(org)
        user = await service.create_user(organisation.id, data)
        return str(user.id), user.email, organisation.name

    user_id, user_email, org_name = _run_in_session(work)
    table = Table(show_header=False)
    table.add_row("id", user_id)
    table.add_row("email", user_email)
    table.add_row("role", data.role)
    table.add_row("organisation", org_name)
    console.print("[green]User created[/]")
    console.print(table)


@app.command()
def understand(
    text: Annotated[str, typer.Argument(help="The message, e.g. «корпоратив на 150 человек»")],
    now: Annotated[
        str | None,
        typer.Option(help="Resolve relative dates against this ISO instant (default: now)"),
    ] = None,
    timezone: Annotated[str, typer.Option(help="The user's IANA time zone")] = "Europe/Moscow",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for machines")] = False,
) -> None:
    """Show how Maestro reads a message: intent, confidence, alternatives and entities."""
    from datetime import datetime
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from eventmaestro.kit.clock import utcnow
    from eventmaestro.nlp.understanding import understand as run_understanding

    try:
        ZoneInfo(timezone)
        moment = datetime.fromisoformat(now) if now else utcnow()
    except (ValueError, ZoneInfoNotFoundError) as exc:
        raise _fail(f"Bad --now or --timezone: {exc}") from exc
    result = run_understanding(
        text, now=moment, timezone=timezone, cache_dir=Settings().data_dir / "models"
    )
    if as_json:
        console.print_json(result.model_dump_json())
        return
    console.print(f"[bold]{result.intent.value}[/]  confidence {result.confidence:.0%}")
    entities = result.entities.model_dump(mode="json", exclude_none=True)
    table = Table("entity", "value", title="Entities" if entities else "No entities")
    for key, value in entities.items():
        shown = (
            f"{value['amount']} {value['currency']}"
            if key == "budget"
            else f"{value['name']} ({value['geoname_id']})"
            if key == "city"
            else str(value)
        )
        table.add_row(key, shown)
    console.print(table)
    if result.alternatives:
        others = ", ".join(f"{a.intent.value} {a.confidence:.0%}" for a in result.alternatives)
        console.print(f"[dim]alternatives: {others}[/]")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
