"""The browser app (built from `web/` by `make ui`) served at `/` next to the API.

Any GET that is not an API path and not a built file answers with `index.html`, so that the
app's own routes (`/events/…`) survive a reload. API paths never fall through to the page:
an unknown `/api/…` stays a problem+json 404.
"""

from __future__ import annotations

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


def page_endpoint(root: Path) -> Route:
    async def page(request: Request) -> Response:
        index = root / "index.html"
        if not index.is_file():
            raise HTTPException(404, "The web app is not built: run `make ui`")
        asset = _file_in(root, request.path_params["path"])
        if asset is not None:
            cache = _IMMUTABLE if asset.parent.name == "assets" else "no-cache"
            return FileResponse(asset, headers={"Cache-Control": cache})
        # The page itself is revalidated every time so that a new build shows at once.
        return FileResponse(index, headers={"Cache-Control": "no-cache"})

    return _PageRoute("/{path:path}", page, methods=["GET", "HEAD"], include_in_schema=False)


def mount_web_app(app: FastAPI, root: Path = DIST) -> None:
    """Register after every API router: the page route matches any remaining GET."""
    app.router.routes.append(page_endpoint(root))
