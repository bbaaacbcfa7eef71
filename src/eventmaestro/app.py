"""FastAPI application factory: composes the enabled services over one `Platform`."""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES, GZipMiddleware
from starlette.types import Scope

from eventmaestro import __version__, ops
from eventmaestro.agents.registry import find_agents
from eventmaestro.agents.runtime import AgentRuntime
from eventmaestro.agents.vendors.service import load_demo_catalogue
from eventmaestro.kit.cache.base import Cache
from eventmaestro.kit.http import BodySizeLimitMiddleware, RequestContextMiddleware
from eventmaestro.kit.idempotency import IdempotencyMiddleware
from eventmaestro.kit.logging import configure_logging, get_logger
from eventmaestro.kit.migrate import upgrade_async
from eventmaestro.kit.platform import Platform
from eventmaestro.kit.problems import install_problem_handlers
from eventmaestro.kit.security import InvalidTokenError, decode_access_token, digest_secret
from eventmaestro.nlp.classifier import load_or_train
from eventmaestro.services import parse_services, routers_for
from eventmaestro.settings import Settings
from eventmaestro.webui import mount_web_app

DESCRIPTION = """
Maestro understands an organiser's request in plain words and coordinates specialist agents
(planning, finance, vendors, communication, analytics, social media) into one answer.

Authenticate with `POST /api/v1/auth/token` (OAuth2 password flow) or an API key
(`X-API-Key` header). Errors are RFC 9457 problem details.
"""


log = get_logger("maestro.app")


def create_app(
    settings: Settings | None = None,
    *,
    platform: Platform | None = None,
    services: str | None = None,
) -> FastAPI:
    """Build the app. Pass `platform` to share resources the caller owns (tests, workers);
    otherwise the app builds its own and closes it on shutdown."""
    settings = settings or (platform.settings if platform else Settings())
    configure_logging(settings.log_level, json=settings.log_json)
    enabled = parse_services(services or settings.services)
    # Build eagerly so that a bad configuration fails before the server starts listening.
    owned = platform is None
    active = platform or Platform.from_settings(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if owned:
            if settings.is_sqlite:
                # Embedded mode migrates itself; a shared database is migrated by an operator
                # (`maestro migrate`) so that replicas never race on the schema.
                settings.data_dir.mkdir(parents=True, exist_ok=True)
                await upgrade_async(settings.resolved_database_url)
            await active.start()

        async def prepare() -> None:
            """First-start work, in the background and one thing at a time so that it never
            crowds out the first requests: an embedded installation's demo catalogue (one
            write transaction), then the intent model (loaded, or on a new data dir trained
            for several seconds) so the first message does not wait for it."""
            try:
                if owned and settings.is_sqlite:
                    await load_demo_catalogue(active.sessionmaker)
                if "maestro" in enabled:
                    await asyncio.to_thread(load_or_train, settings.data_dir / "models")
            except Exception:
                # Both are retried on demand (the catalogue at the next start, the model at
                # the first message); the server itself is fine.
                log.exception("startup_preparation_failed")

        preparing = asyncio.create_task(prepare())
        # Agents named among the enabled services answer their queues from this process.
        runtime = AgentRuntime(active, find_agents(enabled))
        await runtime.start()
        if owned:
            # What start-up built lives as long as the process; frozen out of the collector's
            # view, full collections stop walking it (they paused requests 100+ ms under load).
            gc.collect()
            gc.freeze()
        try:
            yield
        finally:
            preparing.cancel()  # a model still training finishes in its thread, unawaited
            with contextlib.suppress(asyncio.CancelledError):
                await preparing
            await runtime.stop()
            language = getattr(app.state, "maestro_language", None)
            if language is not None and language.gateway is not None:
                await language.gateway.close()  # built on first use by the Maestro routes
            if owned:
                await active.close()

    app = FastAPI(
        title="Maestro",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.platform = active
    install_problem_handlers(app)
    app.include_router(ops.router)
    for router in routers_for(enabled):
        app.include_router(router)
    mount_web_app(app)

    app.add_middleware(
        IdempotencyMiddleware,
        cache=_platform_cache,
        identity=_caller_identity,
        ttl_seconds=settings.idempotency_ttl_seconds,
    )
    app.add_middleware(BodySizeLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(RequestContextMiddleware)
    # A plan's task list is tens of kilobytes of JSON; on a phone's connection that is most of
    # the wait. Office files and PDFs are compressed already; server-sent events must flow.
    app.add_middleware(
        GZipMiddleware,
        minimum_size=1024,
        compresslevel=6,
        exclude_content_types=(*DEFAULT_EXCLUDED_CONTENT_TYPES, *_PACKED_TYPES),
    )
    return app


_PACKED_TYPES = (
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)


def _platform(scope: Scope) -> Platform:
    platform: Platform = scope["app"].state.platform
    return platform


def _platform_cache(scope: Scope) -> Cache:
    return _platform(scope).cache


async def _caller_identity(scope: Scope) -> str:
    """Who owns an idempotency key: a verified user id, an API key digest, or nobody."""
    headers = dict(scope["headers"])
    authorization = headers.get(b"authorization", b"").decode("latin-1")
    api_key = headers.get(b"x-api-key", b"").decode("latin-1")
    credential = authorization[7:] if authorization.lower().startswith("bearer ") else api_key
    if not credential:
        return "anonymous"
    if credential.startswith("mk_"):
        return "key:" + digest_secret(credential)
    try:
        claims = decode_access_token(credential, key=_platform(scope).signing_key)
    except InvalidTokenError:
        return "invalid:" + digest_secret(credential)
    return f"user:{claims.user_id}"
