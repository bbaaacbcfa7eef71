"""`maestro vendors …`: load the demo catalogue, import vendor lists."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from eventmaestro.kit.clock import utcnow
from eventmaestro.kit.db import create_engine, create_sessionmaker
from eventmaestro.settings import Settings

if TYPE_CHECKING:
    from eventmaestro.agents.vendors.importer import ImportReport

# The catalogue's heavy modules (solver, pandas for imports) load inside the commands: every
# `maestro …` invocation imports this file, and none of the others should pay for them.

app = typer.Typer(help="Vendor catalogue.", no_args_is_help=True)


@app.callback()
def _tables() -> None:
    """Vendors' rows reference organisations: every table must be declared before a write."""
    from eventmaestro.models import import_all_models

    import_all_models()


console = Console()
err = Console(stderr=True)


async def _find_org(settings: Settings, org: str) -> uuid.UUID:
    from eventmaestro.accounts.service import AccountsService, TokenPolicy

    engine = create_engine(settings.resolved_database_url)
    try:
        async with create_sessionmaker(engine)() as session:
            accounts = AccountsService(
                session, TokenPolicy.from_settings(settings, settings.signing_key())
            )
            return (await accounts.find_organization(org)).id
    finally:
        await engine.dispose()


async def _load(settings: Settings, report: ImportReport) -> None:
    from eventmaestro.agents.vendors.repository import VendorsRepository, settle_after_bulk_load

    engine = create_engine(settings.resolved_database_url)
    try:
        async with create_sessionmaker(engine)() as session:
            repo = VendorsRepository(session)
            await repo.insert_vendors(report.vendors)
            await repo.insert_bookings(report.bookings)
            await session.commit()
        await settle_after_bulk_load(engine)
    finally:
        await engine.dispose()


@app.command("import")
def import_vendors(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="CSV, JSON or XLSX")],
    org: Annotated[
        str | None,
        typer.Option(help="Organisation slug or id: its private vendors (default: shared)"),
    ] = None,
    dry_run: Annotated[bool, typer.Option(help="Validate only, load nothing")] = False,
) -> None:
    """Validate a vendor list row by row; load the good rows, report the bad ones."""
    from eventmaestro.agents.vendors.importer import UnreadableFileError, read_rows, validate
    from eventmaestro.kit.errors import MaestroError

    settings = Settings()
    try:
        rows = read_rows(path)
        org_id = asyncio.run(_find_org(settings, org)) if org else None
    except (UnreadableFileError, MaestroError) as exc:
        err.print(f"[bold red]Error:[/] {exc}")
        raise typer.Exit(code=1) from exc
    report = validate(rows, org_id)
    if report.rejected:
        table = Table("row", "problems", title="Rejected rows")
        for rejected in report.rejected:
            table.add_row(str(rejected.row), "\n".join(rejected.errors))
        console.print(table)
    if not dry_run and report.vendors:
        asyncio.run(_load(settings, report))
    verb = "Valid" if dry_run else "Loaded"
    console.print(
        f"{verb}: [green]{len(report.vendors)}[/] of {report.total} rows; "
        f"rejected: [red]{len(report.rejected)}[/]."
    )
    if report.rejected and not report.vendors:
        raise typer.Exit(code=1)


@app.command("demo")
def demo(
    count: Annotated[int, typer.Option(min=1, max=200_000, help="Vendors to generate")] = 5000,
    seed: Annotated[int, typer.Option(help="Same seed, same catalogue")] = 20261224,
) -> None:
    """Load the demo catalogue (skipped when a shared catalogue already exists)."""
    from eventmaestro.agents.vendors.repository import settle_after_bulk_load
    from eventmaestro.agents.vendors.service import VendorsService

    settings = Settings()

    async def run() -> int:
        engine = create_engine(settings.resolved_database_url)
        try:
            async with create_sessionmaker(engine)() as session:
                service = VendorsService(session)
                added = await service.ensure_demo_catalogue(
                    start=utcnow().date(), count=count, seed=seed
                )
                await session.commit()
            if added:
                await settle_after_bulk_load(engine)
            return added
        finally:
            await engine.dispose()

    added = asyncio.run(run())
    message = f"Loaded {added} demo vendors." if added else "A shared catalogue already exists."
    console.print(message)
