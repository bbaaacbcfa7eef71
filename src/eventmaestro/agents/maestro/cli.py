"""`maestro ask`: the whole Maestro flow from a terminal, with live progress per agent.

Embedded installations run the agents inside this process (and load the demo vendor
catalogue on first use); a distributed one sends the work to its agent workers over the bus.
Without a message it opens a chat, so follow-ups («а если 200 человек?») refine the brief.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any
from zoneinfo import ZoneInfo

import typer
from pydantic import ValidationError
from rich.console import Console, Group
from rich.live import Live
from rich.panel import Panel
from rich.spinner import Spinner
from rich.table import Table
from rich.text import Text

from eventmaestro.kit.errors import MaestroError
from eventmaestro.settings import Settings

if TYPE_CHECKING:
    from eventmaestro.agents.maestro.schemas import ProcessResponse
    from eventmaestro.kit.auth import Principal
    from eventmaestro.kit.platform import Platform

console = Console()
err = Console(stderr=True)
LOCAL_ORG = "maestro-local"


class ProgressView:
    """One line per skill: a spinner while it runs, then its state and time."""

    def __init__(self) -> None:
        self.intent = ""
        self.rows: dict[str, dict[str, Any]] = {}
        self.started = time.perf_counter()

    async def update(self, kind: str, data: dict[str, Any]) -> None:
        if kind == "understood":
            self.intent = f"{data['intent']} ({data['confidence']:.0%})"
        elif kind == "skill_started":
            self.rows[data["step"]] = {"skill": data["skill"], "state": "running"}
        elif kind == "skill_finished":
            self.rows[data["step"]].update(state=data["state"], ms=data["duration_ms"])

    def __rich__(self) -> Group:
        table = Table.grid(padding=(0, 2))
        for row in self.rows.values():
            if row["state"] == "running":
                mark: Any = Spinner("dots", style="cyan")
                detail = "…"
            else:
                ok = row["state"] == "done"
                mark = Text("✔" if ok else "✘", style="green" if ok else "red")
                detail = f"{row['state']} in {row['ms']:.0f} ms"
            table.add_row(mark, row["skill"], detail)
        elapsed = time.perf_counter() - self.started
        head = Text(f"Maestro · {self.intent or 'understanding…'} · {elapsed:.1f} s", "bold")
        return Group(head, table)


@asynccontextmanager
async def _running(settings: Settings) -> AsyncIterator[Platform]:
    from eventmaestro.agents.registry import all_agents
    from eventmaestro.agents.runtime import AgentRuntime
    from eventmaestro.agents.vendors.service import load_demo_catalogue
    from eventmaestro.kit.migrate import upgrade_async
    from eventmaestro.kit.platform import Platform

    if settings.is_sqlite:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        await upgrade_async(settings.resolved_database_url)
    platform = Platform.from_settings(settings)
    await platform.start()
    runtime: AgentRuntime | None = None
    try:
        if settings.is_embedded:
            with console.status("Preparing the agents (first run loads a demo catalogue)…"):
                await load_demo_catalogue(platform.sessionmaker)
            runtime = AgentRuntime(platform, all_agents())
            await runtime.start()
        yield platform
    finally:
        if runtime is not None:
            await runtime.stop()
        await platform.close()


async def _principal(platform: Platform, org_slug: str | None) -> Principal:
    """The CLI acts inside one organisation: the one named, the only one there is, or — on a
    fresh installation — a local one created for it."""
    from sqlalchemy import select

    from eventmaestro.accounts.models import Organization, User
    from eventmaestro.kit.auth import Principal

    async with platform.sessionmaker() as session:
        query = select(Organization)
        if org_slug:
            query = query.where(Organization.slug == org_slug)
        orgs = list((await session.scalars(query.limit(2))).all())
        if org_slug and not orgs:
            raise typer.BadParameter(f"No organisation with slug {org_slug!r}")
        if len(orgs) > 1:
            raise typer.BadParameter("Several organisations exist; choose one with --org SLUG")
        if not orgs:
            org = Organization(name="Maestro (local)", slug=LOCAL_ORG)
            session.add(org)
            await session.commit()
        else:
            org = orgs[0]
        user = (
            await session.scalars(
                select(User).where(User.org_id == org.id, User.role == "admin").limit(1)
            )
        ).first()
        return Principal(
            org_id=org.id, role="manager", kind="user", user_id=user.id if user else None
        )


def _result_tables(answer: ProcessResponse) -> list[Any]:
    from eventmaestro.agents.maestro.summaries import VENDOR_CATEGORIES, day, money, pick

    language = answer.language
    ru = language == "ru"
    shown: list[Any] = []
    budget = answer.results.get("budget")
    if budget and budget.output:
        table = Table(
            "Категория" if ru else "Category",
            "Сумма с НДС" if ru else "With VAT",
            "%",
            title="Смета" if ru else "Budget",
        )
        for row in budget.output.get("allocation", []):
            table.add_row(
                str(row["category"]), money(row["with_vat"], language), f"{row['share_percent']}"
            )
        table.add_row(
            "[bold]Итого[/]" if ru else "[bold]Total[/]",
            money(budget.output["totals"]["total"], language),
            "100",
        )
        shown.append(table)
    plan = answer.results.get("plan")
    if plan and plan.output:
        feasibility = plan.output["plan"]["feasibility"]
        table = Table("Критический путь" if ru else "Critical path", "Срок" if ru else "Due")
        for ref in feasibility["critical_path"][:12]:
            table.add_row(ref["title"], day(ref["due_date"], language))
        shown.append(table)
    vendors = answer.results.get("vendors")
    if vendors and vendors.output and vendors.output.get("picks"):
        table = Table(
            "Категория" if ru else "Category",
            "Подрядчик" if ru else "Vendor",
            "Цена" if ru else "Price",
            title="Подрядчики" if ru else "Vendors",
        )
        for p in vendors.output["picks"]:
            label = pick(VENDOR_CATEGORIES.get(p["category"], (p["category"],) * 2), language)
            price = Decimal(p["vendor"]["price"]["amount"])
            table.add_row(label, p["vendor"]["name"], money(price, language))
        shown.append(table)
    return shown


def _show(answer: ProcessResponse) -> None:
    console.print(Panel(answer.summary, title=f"Maestro · {answer.intent.value}", expand=False))
    for table in _result_tables(answer):
        console.print(table)
    for warning in answer.warnings:
        console.print(f"[yellow]![/] {warning}")
    timing = ", ".join(f"{t.skill} {t.duration_ms:.0f} ms" for t in answer.timings)
    console.print(
        f"[dim]{answer.execution_time_ms:.0f} ms"
        + (f" ({timing})" if timing else "")
        + f" · conversation {answer.conversation_id} · trace {answer.trace_id}[/]"
    )


async def _ask(
    messages: list[str] | None,
    *,
    org: str | None,
    event: uuid.UUID | None,
    now: datetime | None,
    timezone: str,
    as_json: bool,
) -> None:
    from eventmaestro.agents.maestro.schemas import ProcessRequest
    from eventmaestro.agents.maestro.service import MaestroService

    settings = Settings()
    async with _running(settings) as platform:
        principal = await _principal(platform, org)
        maestro = MaestroService(platform)
        conversation: str | None = None
        interactive = messages is None
        pending = list(messages or [])
        while True:
            if interactive:
                text = await asyncio.to_thread(console.input, "[bold cyan]вы ›[/] ")
                if text.strip().lower() in {"", "exit", "quit", "выход"}:
                    return
            elif pending:
                text = pending.pop(0)
            else:
                return
            request = ProcessRequest(
                message=text,
                conversation_id=conversation,
                event_id=event,
                now=now,
                timezone=timezone,
            )
            view = ProgressView()
            with Live(view, console=err, transient=True, refresh_per_second=12):
                answer = await maestro.process(principal, request, on_progress=view.update)
            conversation = answer.conversation_id
            if as_json:
                console.print_json(answer.model_dump_json())
            else:
                _show(answer)


def ask(
    message: Annotated[
        list[str] | None,
        typer.Argument(help="Message(s), each a follow-up of the last; none opens a chat"),
    ] = None,
    org: Annotated[str | None, typer.Option(help="Organisation slug")] = None,
    event: Annotated[
        str | None, typer.Option(help="Id of a stored event the conversation is about")
    ] = None,
    now: Annotated[
        str | None, typer.Option(help="Resolve relative dates against this ISO instant")
    ] = None,
    timezone: Annotated[str, typer.Option(help="The user's IANA time zone")] = "Europe/Moscow",
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer as JSON")] = False,
) -> None:
    """Ask Maestro: plan, budget and vendors for a brief, with live progress per agent."""
    from eventmaestro.agents.maestro.schemas import ProcessRequest

    try:
        # The same validation as the API: a bad time zone or message is refused up front.
        event_id = uuid.UUID(event) if event else None
        moment = datetime.fromisoformat(now) if now else None
        ProcessRequest(message=(message or ["?"])[0], timezone=timezone)
        if moment is not None and moment.tzinfo is None:  # a wall-clock time in the user's zone
            moment = moment.replace(tzinfo=ZoneInfo(timezone))
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        err.print(f"[bold red]Error:[/] {problems}")
        raise typer.Exit(code=1) from exc
    except ValueError as exc:
        err.print(f"[bold red]Error:[/] {exc}")
        raise typer.Exit(code=1) from exc
    try:
        asyncio.run(
            _ask(message, org=org, event=event_id, now=moment, timezone=timezone, as_json=as_json)
        )
    except MaestroError as exc:
        err.print(f"[bold red]Error:[/] {exc.detail}")
        raise typer.Exit(code=1) from exc
