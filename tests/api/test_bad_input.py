"""Bad input gets a clear 4xx problem and changes nothing, on every endpoint and every stack.

The endpoints come from the app's own OpenAPI document, so a new endpoint is covered the day
it lands: every JSON body is sent malformed, mistyped, with unknown fields, too large and
under the wrong Content-Type; every secured operation is called with missing, expired,
forged and revoked credentials; every string input gets NUL and control characters. After
each rejected request the row count of every table and the organisation's data as the API
shows it must be exactly as before.
"""

from __future__ import annotations

import json
import uuid
import warnings
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

import httpx
import jwt
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from eventmaestro.kit.db import Base
from eventmaestro.kit.platform import Platform
from eventmaestro.kit.security import issue_access_token
from eventmaestro.models import import_all_models
from tests.api.helpers import KAZAN_PARTY, PASSWORD, add_user, bearer, create_event, register
from tests.api.objects import real_objects

PROBLEM = "application/problem+json"
JSON_BODY = "application/json"
FORM_BODY = "application/x-www-form-urlencoded"

SQL_INJECTIONS = [
    "'; DROP TABLE events; --",
    "Robert'); DROP TABLE users;--",
    "' OR 1=1 --",
    '" OR ""="',
    "1; SELECT pg_sleep(5)",
    "%_\\ LIKE wildcards",
]
MARKUP = [
    "<script>alert('xss')</script>",
    '<img src=x onerror="alert(1)">',
    "{{7*7}} ${7*7} <%= 7*7 %>",
    "Ёлка 🎄 &amp; &lt;b&gt;",
]
CONTROL_CHARACTERS = ["nul\x00byte", "escape\x1b[31mred"]


# --- the route table ------------------------------------------------------------------------


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    spec: dict[str, Any] = field(repr=False, compare=False)

    @property
    def label(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def body_type(self) -> str | None:
        content = self.spec.get("requestBody", {}).get("content", {})
        return next(iter(content), None)

    @property
    def secured(self) -> bool:
        return bool(self.spec.get("security"))

    def parameters(self, location: str) -> list[dict[str, Any]]:
        return [p for p in self.spec.get("parameters", []) if p["in"] == location]


@dataclass
class Api:
    """The OpenAPI document of the app under test and the organisation's real objects."""

    spec: dict[str, Any]
    admin: str
    refresh: str
    ids: dict[str, str]

    def operations(self) -> Iterator[Operation]:
        for path, methods in self.spec["paths"].items():
            for method, spec in methods.items():
                yield Operation(method.upper(), path, spec)

    def with_body(self, media_type: str = JSON_BODY) -> list[Operation]:
        found = [op for op in self.operations() if op.body_type == media_type]
        assert found, f"no operation takes {media_type}"
        return found

    def url(self, op: Operation) -> str:
        """The path with each `{param}` replaced by the id of a real object of the org."""
        url = op.path
        for param in op.parameters("path"):
            name, choices = param["name"], self.resolve(param["schema"]).get("enum")
            if choices:
                value = str(choices[0])
            elif name in self.ids:
                value = self.ids[name]
            else:
                pytest.fail(f"{op.label}: no real {{{name}}}; create one in tests/api/objects.py")
            url = url.replace("{" + name + "}", value)
        return url

    def resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in schema:
            schema = self.spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
        return schema

    def branches(self, schema: dict[str, Any]) -> list[dict[str, Any]]:
        """The non-null alternatives of a (possibly nullable) schema, resolved."""
        schema = self.resolve(schema)
        options = schema.get("anyOf") or schema.get("oneOf") or [schema]
        return [self.resolve(o) for o in options if o.get("type") != "null"]

    def body_properties(self, op: Operation) -> dict[str, dict[str, Any]]:
        schema = self.resolve(op.spec["requestBody"]["content"][op.body_type]["schema"])
        properties: dict[str, dict[str, Any]] = schema.get("properties", {})
        return properties


def accepted_types(api: Api, schema: dict[str, Any]) -> set[str]:
    types: set[str] = set()
    for branch in api.branches(schema):
        if "enum" in branch or "const" in branch:
            types.add("string")
        types.add(branch.get("type", "object"))
    return types


def string_paths(api: Api, schema: dict[str, Any], prefix: tuple[str, ...]) -> Iterator[tuple]:
    """Every place in a body schema that accepts a string, as a path of property names."""
    branches = api.branches(schema)
    if any(branch.get("type") == "string" or "enum" in branch for branch in branches):
        yield prefix
    for branch in branches:
        for name, sub in branch.get("properties", {}).items():
            yield from string_paths(api, sub, (*prefix, name))


def nested(path: tuple[str, ...], value: Any) -> dict[str, Any]:
    body: Any = value
    for name in reversed(path):
        body = {name: body}
    result: dict[str, Any] = body
    return result


# --- world, snapshots and assertions ----------------------------------------------------------


@pytest.fixture
async def api(client: httpx.AsyncClient, clean_platform: Platform) -> Api:
    tokens = await register(client)
    return Api(
        spec=(await client.get("/openapi.json")).json(),
        admin=tokens["access_token"],
        refresh=tokens["refresh_token"],
        ids=await real_objects(client, clean_platform, tokens["access_token"]),
    )


async def row_counts(engine: AsyncEngine) -> dict[str, int]:
    import_all_models()
    tables = Base.metadata.sorted_tables
    query = select(
        *(select(func.count()).select_from(t).scalar_subquery().label(t.name) for t in tables)
    )
    async with engine.connect() as conn:
        return dict((await conn.execute(query)).one()._mapping)


def views(api: Api) -> dict[str, list[str]]:
    """By area of the API (`/api/v1/<area>/...`): the GETs that show what it could change."""
    event = api.ids["event_id"]
    events = "/api/v1/events?include_archived=true&limit=200"
    users = "/api/v1/users?limit=200"
    return {
        "events": [events],
        "users": [users],
        "api-keys": ["/api/v1/api-keys"],
        "auth": ["/api/v1/auth/me", users],
        "planning": [f"/api/v1/planning/events/{event}/tasks", events],
        "finance": [f"/api/v1/finance/events/{event}/expenses", events],
        "vendors": [
            "/api/v1/vendors/quotes",
            f"/api/v1/vendors/contracts/{api.ids['contract_id']}",
        ],
        "llm": ["/api/v1/llm/usage"],
        "orchestration": [],  # stateless: the row counts are the whole story
    }


def relevant_views(api: Api, url: str) -> list[str]:
    area = (urlsplit(url).path.split("/") + [""] * 4)[3]
    by_area = views(api)
    if area in by_area:
        return by_area[area]
    # An area this file does not know yet: look at everything.
    return sorted({view for urls in by_area.values() for view in urls})


class Rejections:
    """Sends requests that must be refused and checks that each one left no trace: the row
    count of every table and the relevant API view are exactly as before."""

    def __init__(self, client: httpx.AsyncClient, platform: Platform, api: Api) -> None:
        self.client, self.platform, self.api = client, platform, api
        self.rows: dict[str, int] = {}
        self.views: dict[str, Any] = {}

    async def view(self, url: str) -> Any:
        response = await self.client.get(url, headers=bearer(self.api.admin))
        assert response.status_code == 200, response.text
        return response.json()

    async def __aenter__(self) -> Rejections:
        self.rows = await row_counts(self.platform.engine)
        self.views = {url: await self.view(url) for url in relevant_views(self.api, "")}
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None

    async def send(
        self, statuses: set[int], method: str, url: str, *, why: str, **kwargs: Any
    ) -> dict[str, Any]:
        response = await self.client.request(method, url, **kwargs)
        what = f"{method} {url} ({why})"
        problem = assert_problem(response, statuses, what)
        assert await row_counts(self.platform.engine) == self.rows, f"{what} added or removed rows"
        for view in relevant_views(self.api, url):
            assert await self.view(view) == self.views[view], f"{what} changed {view}"
        return problem


def assert_problem(response: httpx.Response, statuses: set[int], what: str) -> dict[str, Any]:
    assert response.status_code in statuses, (
        f"{what}: expected {sorted(statuses)}, got {response.status_code}: {response.text[:500]}"
    )
    assert response.headers["content-type"].startswith(PROBLEM), what
    problem: dict[str, Any] = response.json()
    assert problem["status"] == response.status_code, what
    assert problem["type"].startswith("https://"), what
    assert problem["title"], what
    assert isinstance(problem["detail"], str), what
    assert len(problem["detail"]) > 5, what
    return problem


def error_fields(problem: dict[str, Any]) -> set[str]:
    return {error["field"] for error in problem.get("errors", [])}


@pytest.fixture
async def rejections(
    client: httpx.AsyncClient, clean_platform: Platform, api: Api
) -> AsyncIterator[Rejections]:
    async with Rejections(client, clean_platform, api) as checker:
        yield checker


def admin_json(api: Api) -> dict[str, str]:
    return {**bearer(api.admin), "Content-Type": JSON_BODY}


# --- malformed, mistyped, unknown and oversized bodies ---------------------------------------


async def test_malformed_json_is_a_clear_4xx(api: Api, rejections: Rejections) -> None:
    for op in api.with_body():
        url = api.url(op)
        for raw in (b'{"name": ', b"{'name': 'single quotes'}", b'{"a": 1,}', b"nope"):
            problem = await rejections.send(
                {422}, op.method, url, content=raw, headers=admin_json(api), why="malformed"
            )
            assert "Malformed JSON at character" in problem["detail"], problem
            assert error_fields(problem) == {"body"}
        for raw, why in ((b'{"name": "\xff\xfe"}', "not UTF-8"), (b"[" * 100_000, "too deep")):
            await rejections.send(
                {400}, op.method, url, content=raw, headers=admin_json(api), why=why
            )


async def test_malformed_form_names_the_missing_fields(api: Api, rejections: Rejections) -> None:
    for op in api.with_body(FORM_BODY):
        for raw in (b"%%%==&&", b"username", b"\xff\xfe=\x00"):
            problem = await rejections.send(
                {422},
                op.method,
                api.url(op),
                content=raw,
                headers={"Content-Type": FORM_BODY},
                why="malformed form",
            )
            assert {"body.username", "body.password"} <= error_fields(problem), problem


async def test_a_body_that_is_not_an_object_is_refused(api: Api, rejections: Rejections) -> None:
    for op in api.with_body():
        optional = not op.spec["requestBody"].get("required", False)
        for body in ([], [{"name": "x"}], "text", 42, True, *([] if optional else [None])):
            problem = await rejections.send(
                {422},
                op.method,
                api.url(op),
                content=json.dumps(body).encode(),
                headers=admin_json(api),
                why=repr(body),
            )
            assert "body" in error_fields(problem), problem


def wrong_values(types: set[str]) -> list[Any]:
    """JSON values of types the schema does not accept (no lax coercion can rescue them)."""
    values: list[Any] = []
    numeric = bool(types & {"integer", "number"})
    if numeric and "string" not in types:
        values.append("twelve")
    if "string" in types and not numeric:
        values.append(12345)
    if "boolean" in types:
        values.append("perhaps")
    values.append(["an", "array"] if "object" in types else {"an": "object"})
    return values


async def test_wrong_types_are_422_naming_the_field(api: Api, rejections: Rejections) -> None:
    checked = 0
    for op in api.with_body():
        for name, schema in api.body_properties(op).items():
            for value in wrong_values(accepted_types(api, schema)):
                problem = await rejections.send(
                    {422},
                    op.method,
                    api.url(op),
                    json={name: value},
                    headers=bearer(api.admin),
                    why=f"{name}={value!r}",
                )
                where = f"{op.label} {name}={value!r}"
                assert any(f.startswith(f"body.{name}") for f in error_fields(problem)), where
                assert problem["detail"].startswith("Invalid request: body."), where
                checked += 1
    assert checked >= 30


async def test_unknown_fields_are_422_naming_them(api: Api, rejections: Rejections) -> None:
    for op in api.with_body():
        problem = await rejections.send(
            {422},
            op.method,
            api.url(op),
            json={"is_superuser": True, "org_id": str(uuid.uuid4())},
            headers=bearer(api.admin),
            why="unknown fields",
        )
        assert {"body.is_superuser", "body.org_id"} <= error_fields(problem), problem
    nested_extra = {**KAZAN_PARTY, "city": {"name": "Kazan", "population": 1_300_000}}
    problem = await rejections.send(
        {422}, "POST", "/api/v1/events", json=nested_extra, headers=bearer(api.admin), why="city"
    )
    assert error_fields(problem) == {"body.city.population"}


async def _chunks(size: int, chunk: int = 64 * 1024) -> AsyncIterator[bytes]:
    sent = 0
    while sent < size:
        part = min(chunk, size - sent)
        yield b" " * part
        sent += part


async def test_bodies_over_the_limit_are_413(
    api: Api, rejections: Rejections, clean_platform: Platform
) -> None:
    limit = clean_platform.settings.max_body_bytes
    too_big = json.dumps({"name": "x", "notes": "a" * limit}).encode()
    assert len(too_big) > limit
    operations = [*api.with_body(), *api.with_body(FORM_BODY)]
    for op in operations:
        url = api.url(op)
        headers = {**bearer(api.admin), "Content-Type": op.body_type or JSON_BODY}
        await rejections.send({413}, op.method, url, content=too_big, headers=headers, why="sized")
        await rejections.send(
            {413}, op.method, url, content=_chunks(limit + 1), headers=headers, why="streamed"
        )
        if op.method == "POST":
            keyed = {**headers, "Idempotency-Key": uuid.uuid4().hex}
            await rejections.send({413}, op.method, url, content=too_big, headers=keyed, why="key")
            await rejections.send(
                {413}, op.method, url, content=_chunks(limit + 1), headers=keyed, why="key stream"
            )
    # Exactly at the limit the body is read and judged on its content instead.
    padding = limit - len(json.dumps({"name": "x", "notes": ""}).encode())
    at_limit = json.dumps({"name": "x", "notes": "a" * padding}).encode()
    assert len(at_limit) == limit
    problem = await rejections.send(
        {422}, "POST", "/api/v1/events", content=at_limit, headers=admin_json(api), why="at limit"
    )
    assert error_fields(problem) == {"body.notes"}


async def test_json_endpoints_refuse_other_media_types_with_415(
    api: Api, rejections: Rejections
) -> None:
    valid = json.dumps(KAZAN_PARTY).encode()
    for op in api.with_body():
        url = api.url(op)
        for media_type in ("text/plain", "application/xml", "application/x-www-form-urlencoded"):
            headers = {**bearer(api.admin), "Content-Type": media_type}
            problem = await rejections.send(
                {415}, op.method, url, content=valid, headers=headers, why=media_type
            )
            assert "application/json" in problem["detail"]
        await rejections.send(
            {415}, op.method, url, content=valid, headers=bearer(api.admin), why="no Content-Type"
        )
        await rejections.send(
            {415},
            op.method,
            url,
            files={"name": (None, "x")},
            headers=bearer(api.admin),
            why="multipart",
        )
    for op in api.with_body(FORM_BODY):
        problem = await rejections.send(
            {422}, op.method, api.url(op), json={"username": "a", "password": "b"}, why="json"
        )
        assert {"body.username", "body.password"} <= error_fields(problem)


# --- credentials ------------------------------------------------------------------------------


Credentials = dict[str, dict[str, str]]


async def bad_credentials(
    client: httpx.AsyncClient, platform: Platform, api: Api
) -> tuple[Credentials, Credentials]:
    """Ways to present credentials that must not work, by name: those to try on every
    secured operation, and more to try on one operation of each area (the same dependency
    guards them all)."""
    admin = (await client.get("/api/v1/auth/me", headers=bearer(api.admin))).json()
    user_id = uuid.UUID(admin["user"]["id"])
    org_id = uuid.UUID(admin["organization"]["id"])
    key = platform.signing_key

    def signed(lifetime: timedelta = timedelta(minutes=5), **overrides: Any) -> str:
        token, _ = issue_access_token(
            user_id=overrides.get("user_id", user_id),
            org_id=overrides.get("org_id", org_id),
            role="admin",
            key=overrides.get("key", key),
            lifetime=lifetime,
        )
        return token

    claims: dict[str, Any] = {
        "sub": str(user_id),
        "org": str(org_id),
        "role": "admin",
        "typ": "access",
        "exp": 4_102_444_800,  # 2100-01-01
    }
    header, payload, signature = signed().split(".")
    tampered_payload = jwt.utils.base64url_encode(
        json.dumps({**claims, "sub": str(uuid.uuid4())}).encode()
    ).decode()

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # PyJWT rightly finds the key short for HS512
        hs512 = jwt.encode(claims, key, algorithm="HS512")

    gone, gone_token = await add_user(client, api.admin, "manager")
    assert (
        await client.delete(f"/api/v1/users/{gone['id']}", headers=bearer(api.admin))
    ).status_code == 204
    revoked = await client.post("/api/v1/api-keys", json={"name": "old"}, headers=bearer(api.admin))
    assert revoked.status_code == 201
    assert (
        await client.delete(f"/api/v1/api-keys/{revoked.json()['id']}", headers=bearer(api.admin))
    ).status_code == 204
    everywhere = {
        "no credentials": {},
        "expired token": bearer(signed(timedelta(seconds=-1))),
        "forged signature": bearer(signed(key="k" * 48)),
        "alg none": bearer(jwt.encode(claims, key=None, algorithm="none")),
        "deactivated user": bearer(gone_token),
        "garbage bearer": bearer("garbage"),
        "revoked API key": {"X-API-Key": revoked.json()["key"]},
    }
    once_per_area = {
        "HS512 with the real key": bearer(hs512),
        "payload swapped under a real signature": bearer(
            f"{header}.{tampered_payload}.{signature}"
        ),
        "signature stripped": bearer(f"{header}.{payload}."),
        "user that never existed": bearer(signed(user_id=uuid.uuid4())),
        "user moved to another org": bearer(signed(org_id=uuid.uuid4())),
        "refresh token as bearer": bearer(api.refresh),
        "empty bearer": {"Authorization": "Bearer "},
        "basic scheme": {"Authorization": "Basic YWRtaW46cGFzc3dvcmQ="},
        "token without scheme": {"Authorization": signed()},
        "header of spaces": {"Authorization": "   "},
        "unknown API key": {"X-API-Key": "mk_" + "A" * 43},
        "API key that is not one": {"X-API-Key": "' OR 1=1 --"},
    }
    return everywhere, once_per_area


def sample_body(api: Api, op: Operation) -> dict[str, Any]:
    """A body that would succeed with valid credentials, so only the credentials fail."""
    samples: dict[str, dict[str, Any]] = {
        "POST /api/v1/events": KAZAN_PARTY,
        "PATCH /api/v1/events/{event_id}": {"name": "Renamed"},
        "POST /api/v1/users": {"email": "new@example.ru", "name": "N", "password": PASSWORD},
        "PATCH /api/v1/users/{user_id}": {"name": "Renamed"},
        "POST /api/v1/api-keys": {"name": "new key"},
    }
    return samples.get(op.label, {})


async def test_bad_credentials_are_401_everywhere(
    client: httpx.AsyncClient, clean_platform: Platform, api: Api
) -> None:
    everywhere, once_per_area = await bad_credentials(client, clean_platform, api)
    secured = [op for op in api.operations() if op.secured]
    assert len(secured) >= 10
    areas: set[str] = set()
    async with Rejections(client, clean_platform, api) as rejections:
        for op in secured:
            body = {"json": sample_body(api, op)} if op.body_type else {}
            area = op.path.split("/")[3]
            tried = everywhere if area in areas else {**everywhere, **once_per_area}
            areas.add(area)
            for why, headers in tried.items():
                problem = await rejections.send(
                    {401}, op.method, api.url(op), headers=headers, why=why, **body
                )
                assert problem["title"] == "Not authenticated"


async def test_hostile_sign_in_and_refresh_are_401(
    client: httpx.AsyncClient, api: Api, rejections: Rejections
) -> None:
    me = (await client.get("/api/v1/auth/me", headers=bearer(api.admin))).json()
    email = me["user"]["email"]
    # Fewer attempts than the login rate limit allows, so each answer is the credential check.
    for username, password in (
        ("' OR 1=1 --", "' OR ''='"),
        (f"{email}' --", "anything"),
        (email, "' OR ''='"),
        ("<script>alert(1)</script>@example.ru", PASSWORD),
        ("admin@example.ru\nBcc: x@example.ru", PASSWORD),
    ):
        form = {"username": username, "password": password}
        problem = await rejections.send(
            {401}, "POST", "/api/v1/auth/token", data=form, why=f"sign in as {username!r}"
        )
        assert problem["detail"] == "Incorrect e-mail or password"
    for token in ("' OR 1=1 --", "mr_" + "A" * 43, api.admin, "%", "*"):
        await rejections.send(
            {401}, "POST", "/api/v1/auth/refresh", json={"refresh_token": token}, why=token
        )


# --- hostile strings --------------------------------------------------------------------------


async def test_injection_and_markup_are_stored_verbatim(
    client: httpx.AsyncClient, clean_platform: Platform, api: Api
) -> None:
    h = bearer(api.admin)
    rows_before = await row_counts(clean_platform.engine)
    for text in SQL_INJECTIONS + MARKUP:
        fields = {"name": text, "venue": text, "client": text, "notes": text, "city": text}
        created = await client.post("/api/v1/events", json={**KAZAN_PARTY, **fields}, headers=h)
        assert created.status_code == 201, created.text
        event = created.json()
        for name in ("name", "venue", "client", "notes"):
            assert event[name] == text, name
        assert event["city"] == {"name": text, "geoname_id": None}
        url = f"/api/v1/events/{event['id']}"
        assert (await client.get(url, headers=h)).json() == event

        other = await create_event(client, api.admin)
        patched = await client.patch(
            f"/api/v1/events/{other['id']}",
            json={**fields, "city": {"name": text, "geoname_id": 551487}},
            headers=h,
        )
        assert patched.status_code == 200, patched.text
        assert patched.json()["name"] == patched.json()["notes"] == text
        assert patched.json()["city"]["name"] == text

        user = await client.post(
            "/api/v1/users",
            json={
                "email": f"u{uuid.uuid4().hex[:8]}@example.ru",
                "name": text,
                "password": PASSWORD,
            },
            headers=h,
        )
        assert user.status_code == 201, user.text
        assert (await client.get(f"/api/v1/users/{user.json()['id']}", headers=h)).json()[
            "name"
        ] == text
        key = await client.post("/api/v1/api-keys", json={"name": text}, headers=h)
        assert key.status_code == 201, key.text
        assert key.json()["name"] == text

    quoted = await client.post(
        "/api/v1/users",
        json={"email": "o'reilly--@example.ru", "name": "O'Reilly", "password": PASSWORD},
        headers=h,
    )
    assert quoted.status_code == 201, quoted.text
    assert quoted.json()["email"] == "o'reilly--@example.ru"

    rows_after = await row_counts(clean_platform.engine)
    n = len(SQL_INJECTIONS + MARKUP)
    assert rows_after["events"] == rows_before["events"] + 2 * n
    assert rows_after["users"] == rows_before["users"] + n + 1
    assert rows_after["api_keys"] == rows_before["api_keys"] + n


async def test_hostile_filters_find_nothing_extra(
    client: httpx.AsyncClient, clean_platform: Platform, api: Api
) -> None:
    h = bearer(api.admin)
    plain = {**KAZAN_PARTY, "name": "Обычный форум", "city": "Moscow", "client": "ООО Ромашка"}
    created = await client.post("/api/v1/events", json=plain, headers=h)
    assert created.status_code == 201, created.text
    literal = await create_event(client, api.admin, name="Talk about ' OR 1=1 -- in SQL")

    async def search(**params: str) -> list[str]:
        response = await client.get("/api/v1/events", params=params, headers=h)
        assert response.status_code == 200, response.text
        return [e["id"] for e in response.json()["items"]]

    assert len(await search()) == 3
    assert await search(q="' OR 1=1 --") == [literal["id"]]
    assert await search(q="' OR '1'='1") == []
    assert await search(city="' OR '1'='1") == []
    assert await search(city="Moscow' --") == []
    assert await search(q="%") == []
    assert await search(q="_") == []
    assert await search(q="\\") == []
    assert await search(q="<script>") == []
    # The search folds case in every alphabet, on SQLite as on PostgreSQL.
    assert await search(q="ромашка") == await search(q="РОМАШКА") == [created.json()["id"]]

    async with Rejections(client, clean_platform, api) as rejections:
        for params in (
            {"status": "draft' OR 1=1 --"},
            {"event_type": "wedding; DROP TABLE events"},
            {"sort": "name; DROP TABLE events"},
            {"sort": "(select 1)"},
            {"limit": "1 OR 1=1"},
            {"date_from": "2026-01-01' OR '1'='1"},
        ):
            (name,) = params
            problem = await rejections.send(
                {422}, "GET", "/api/v1/events", params=params, headers=h, why=str(params)
            )
            fields = error_fields(problem)
            assert fields, problem
            assert all(f.startswith(f"query.{name}") for f in fields), problem


async def test_control_characters_in_any_string_input_are_422(
    api: Api, rejections: Rejections
) -> None:
    checked: set[str] = set()
    for op in api.with_body():
        properties = api.body_properties(op)
        for path in (p for name, s in properties.items() for p in string_paths(api, s, (name,))):
            for text in CONTROL_CHARACTERS:
                problem = await rejections.send(
                    {422},
                    op.method,
                    api.url(op),
                    json=nested(path, text),
                    headers=bearer(api.admin),
                    why=f"{'.'.join(path)}={text!r}",
                )
                where = "body." + ".".join(path)
                fields = error_fields(problem)
                assert any(f.startswith(where) for f in fields), f"{op.label} {where}: {problem}"
            checked.add(f"{op.label} {'.'.join(path)}")
    for op in api.operations():
        for param in op.parameters("query"):
            for text in CONTROL_CHARACTERS:
                problem = await rejections.send(
                    {422},
                    op.method,
                    api.url(op),
                    params={param["name"]: text},
                    headers=bearer(api.admin),
                    why=f"{param['name']}={text!r}",
                )
                where = f"query.{param['name']}"
                assert any(f.startswith(where) for f in error_fields(problem)), problem
            checked.add(f"{op.label} ?{param['name']}")
    for op in api.with_body(FORM_BODY):
        for name in ("username", "password"):
            for text in CONTROL_CHARACTERS:
                form = {"username": "a@example.ru", "password": PASSWORD, name: text}
                problem = await rejections.send(
                    {422}, op.method, api.url(op), data=form, why=f"{name}={text!r}"
                )
                assert error_fields(problem) == {f"body.{name}"}, problem
            checked.add(f"{op.label} {name}")
    expected = {
        "POST /api/v1/events name",
        "POST /api/v1/events city.name",
        "PATCH /api/v1/events/{event_id} notes",
        "POST /api/v1/users email",
        "POST /api/v1/auth/register organization",
        "POST /api/v1/auth/token username",
        "GET /api/v1/events ?q",
        "GET /api/v1/events ?city",
    }
    assert expected <= checked, expected - checked
