"""The built web app at `/`: pages fall back to index.html, API paths never do."""

from __future__ import annotations

import gzip
from pathlib import Path

import httpx
import pytest
from fastapi import APIRouter, FastAPI

from eventmaestro.kit.problems import install_problem_handlers
from eventmaestro.webui import mount_web_app

PROBLEM = "application/problem+json"


def _app(dist: Path) -> FastAPI:
    app = FastAPI()
    install_problem_handlers(app)
    router = APIRouter(prefix="/api/v1")

    @router.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    app.include_router(router)
    mount_web_app(app, dist)
    return app


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    root = tmp_path / "dist"
    (root / "assets").mkdir(parents=True)
    (root / "index.html").write_text('<div id="root"></div>', encoding="utf-8")
    (root / "assets" / "index-abc123.js").write_text("console.log(1)", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("not for the web", encoding="utf-8")
    return root


async def _get(
    app: FastAPI, path: str, method: str = "GET", headers: dict[str, str] | None = None
) -> httpx.Response:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        return await client.request(method, path, headers=headers)


async def _raw(app: FastAPI, path: str, headers: dict[str, str]) -> tuple[httpx.Response, bytes]:
    """The bytes as they travelled, not decoded by httpx."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        async with client.stream("GET", path, headers=headers) as response:
            body = b"".join([chunk async for chunk in response.aiter_raw()])
            return response, body


async def test_app_routes_answer_with_the_page(dist: Path) -> None:
    app = _app(dist)
    for path in ("/", "/events/123/plan", "/signin"):
        response = await _get(app, path)
        assert response.status_code == 200, path
        assert response.text == '<div id="root"></div>'
        assert response.headers["cache-control"] == "no-cache"


async def test_hashed_assets_are_cached_for_good(dist: Path) -> None:
    response = await _get(_app(dist), "/assets/index-abc123.js")
    assert response.text == "console.log(1)"
    assert "immutable" in response.headers["cache-control"]


async def test_assets_go_precompressed_to_browsers_that_take_it(dist: Path) -> None:
    source = "console.log('Маэстро');\n" * 200
    (dist / "assets" / "app-1.js").write_text(source, encoding="utf-8")
    (dist / "assets" / "app-1.js.gz").write_bytes(gzip.compress(source.encode()))
    (dist / "assets" / "app-1.js.br").write_bytes(b"brotli bytes")
    app = _app(dist)

    raw = await _get(app, "/assets/app-1.js", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in raw.headers
    assert raw.text == source
    assert raw.headers["vary"] == "Accept-Encoding"
    assert raw.headers["content-type"].startswith("text/javascript")

    # httpx decodes gzip itself: the text is the source, the header says how it travelled.
    zipped = await _get(app, "/assets/app-1.js", headers={"Accept-Encoding": "gzip, deflate"})
    assert zipped.headers["content-encoding"] == "gzip"
    assert zipped.text == source
    assert int(zipped.headers["content-length"]) < len(source.encode()) / 10

    best, body = await _raw(app, "/assets/app-1.js", {"Accept-Encoding": "gzip, br"})
    assert best.headers["content-encoding"] == "br"
    assert best.headers["content-type"].startswith("text/javascript")
    assert body == b"brotli bytes"
    refused = await _get(app, "/assets/app-1.js", headers={"Accept-Encoding": "br;q=0, gzip"})
    assert refused.headers["content-encoding"] == "gzip"

    # No compressed copy (a small file): the file as it is.
    small = await _get(app, "/assets/index-abc123.js", headers={"Accept-Encoding": "br, gzip"})
    assert "content-encoding" not in small.headers
    assert small.text == "console.log(1)"


async def test_unknown_api_paths_stay_problems(dist: Path) -> None:
    app = _app(dist)
    missing = await _get(app, "/api/v1/no-such-thing")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == PROBLEM
    wrong_method = await _get(app, "/api/v1/health", method="POST")
    assert wrong_method.status_code == 405
    assert wrong_method.headers["content-type"] == PROBLEM
    assert (await _get(app, "/api/v1/health")).json() == {"status": "ok"}


async def test_nothing_outside_the_build_is_served(dist: Path) -> None:
    response = await _get(_app(dist), "/../secret.txt")
    assert "not for the web" not in response.text
    encoded = await _get(_app(dist), "/assets/..%2F..%2Fsecret.txt")
    assert "not for the web" not in encoded.text


async def test_without_a_build_the_page_says_how_to_make_one(tmp_path: Path) -> None:
    response = await _get(_app(tmp_path / "missing"), "/")
    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM
    assert "make ui" in response.json()["detail"]
