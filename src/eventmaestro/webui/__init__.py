"""The browser app (built from `web/` by `make ui`) served at `/` next to the API.

Any GET that is not an API path and not a built file answers with `index.html`, so that the
app's own routes (`/events/…`) survive a reload. API paths never fall through to the page:
an unknown `/api/…` stays a problem+json 404.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from fastapi import FastAPI
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Match, Route
from starlette.types import Scope

DIST = Path(__file__).parent / "dist"
# Paths the app owns besides `/api/`: they must never be answered with the page.
_NOT_PAGES = ("/api/", "/docs", "/redoc", "/openapi.json", "/metrics")
# Vite puts a content hash in every asset name, so they never change under the same URL.
_IMMUTABLE = "public, max-age=31536000, immutable"
# The build writes a brotli and a gzip copy beside each asset (web/scripts/precompress.ts);
# the best one the browser accepts is sent as it is, so no request spends CPU compressing.
_ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


class _PageRoute(Route):
    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        path: str = scope.get("path", "")
        if path == "/api" or path.startswith(_NOT_PAGES):
            return Match.NONE, {}
        return super().matches(scope)


def _file_in(root: Path, relative: str) -> Path | None:
    if not relative:
        return None
    candidate = (root / relative).resolve()
    if not candidate.is_relative_to(root.resolve()) or not candidate.is_file():
        return None
    return candidate


def _accepted(header: str) -> set[str]:
    """Codings the browser takes, from its Accept-Encoding header (`;q=0` refuses one)."""
    taken: set[str] = set()
    for part in header.split(","):
        coding, _, params = part.partition(";")
        name, _, value = params.partition("=")
        try:
            refused = name.strip().lower() == "q" and float(value) == 0
        except ValueError:
            refused = False
        if coding.strip() and not refused:
            taken.add(coding.strip().lower())
    return taken


def _asset_response(asset: Path, accept_encoding: str, cache: str) -> FileResponse:
    headers = {"Cache-Control": cache, "Vary": "Accept-Encoding"}
    media_type = mimetypes.guess_type(asset.name)[0] or "application/octet-stream"
    taken = _accepted(accept_encoding)
    for coding, suffix in _ENCODINGS:
        copy = asset.with_name(asset.name + suffix)
        if coding in taken and copy.is_file():
            headers["Content-Encoding"] = coding
            return FileResponse(copy, media_type=media_type, headers=headers)
    return FileResponse(asset, media_type=media_type, headers=headers)


def page_endpoint(root: Path) -> Route:
    async def page(request: Request) -> Response:
        index = root / "index.html"
        if not index.is_file():
            raise HTTPException(404, "The web app is not built: run `make ui`")
        asset = _file_in(root, request.path_params["path"])
        if asset is not None:
            cache = _IMMUTABLE if asset.parent.name == "assets" else "no-cache"
            return _asset_response(asset, request.headers.get("accept-encoding", ""), cache)
        # The page itself is revalidated every time so that a new build shows at once.
        return FileResponse(index, headers={"Cache-Control": "no-cache"})

    return _PageRoute("/{path:path}", page, methods=["GET", "HEAD"], include_in_schema=False)


def mount_web_app(app: FastAPI, root: Path = DIST) -> None:
    """Register after every API router: the page route matches any remaining GET."""
    app.router.routes.append(page_endpoint(root))
