"""`Idempotency-Key` on POST: a retried request gets the first response instead of a second write.

Follows the IETF httpapi idempotency-key draft: same key and same request → the stored
response (marked `Idempotent-Replayed: true`); same key with a different request → 422;
the same key while the first request is still running → 409. Keys are scoped to the caller,
so two tenants can never see each other's stored responses. 5xx answers are not stored: the
client should be able to retry them.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Awaitable, Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventmaestro.kit.cache.base import Cache
from eventmaestro.kit.errors import ConflictError, MaestroError, UnprocessableError
from eventmaestro.kit.problems import problem_response

HEADER = b"idempotency-key"
MAX_KEY_LENGTH = 255
IN_FLIGHT_SECONDS = 60

IdentityResolver = Callable[[Scope], Awaitable[str]]
CacheResolver = Callable[[Scope], Cache]


class IdempotencyMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        *,
        cache: CacheResolver,
        identity: IdentityResolver,
        ttl_seconds: int,
    ) -> None:
        self.app = app
        self.cache = cache
        self.identity = identity
        self.ttl = ttl_seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        raw_key = dict(scope["headers"]).get(HEADER)
        if raw_key is None:
            await self.app(scope, receive, send)
            return
        try:
            await self._handle(scope, receive, send, raw_key)
        except MaestroError as error:
            await problem_response(error, instance=scope["path"])(scope, receive, send)

    async def _handle(self, scope: Scope, receive: Receive, send: Send, raw_key: bytes) -> None:
        key = raw_key.decode("latin-1")
        if not 1 <= len(key) <= MAX_KEY_LENGTH or not key.isprintable():
            raise UnprocessableError(
                f"Idempotency-Key must be 1-{MAX_KEY_LENGTH} printable characters"
            )
        body, more = await _read_body(receive)
        fingerprint = hashlib.sha256(
            b"\0".join([scope["path"].encode(), scope.get("query_string", b""), body])
        ).hexdigest()
        cache = self.cache(scope)
        identity = await self.identity(scope)
        slot = "idem:" + hashlib.sha256(f"{identity}\0{key}".encode()).hexdigest()

        stored = await cache.get(slot)
        if stored is not None:
            await self._replay(stored, fingerprint, send)
            return
        if not await cache.add(slot + ":lock", b"1", ttl=IN_FLIGHT_SECONDS):
            raise ConflictError("A request with this Idempotency-Key is still being processed")
        try:
            await self._run_and_store(scope, body, more, send, cache, slot, fingerprint)
        finally:
            await cache.delete(slot + ":lock")

    async def _replay(self, stored: bytes, fingerprint: str, send: Send) -> None:
        record = json.loads(stored)
        if record["fingerprint"] != fingerprint:
            raise UnprocessableError(
                "This Idempotency-Key was already used with a different request body"
            )
        headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in record["headers"]]
        headers.append((b"idempotent-replayed", b"true"))
        await send({"type": "http.response.start", "status": record["status"], "headers": headers})
        await send({"type": "http.response.body", "body": base64.b64decode(record["body"])})

    async def _run_and_store(
        self,
        scope: Scope,
        body: bytes,
        more: Receive,
        send: Send,
        cache: Cache,
        slot: str,
        fingerprint: str,
    ) -> None:
        delivered = False

        async def replay_receive() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await more()

        status = 500
        headers: list[tuple[str, str]] = []
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers.extend(
                    (k.decode("latin-1"), v.decode("latin-1"))
                    for k, v in message.get("headers", [])
                    if k.lower() not in {b"x-request-id", b"content-length"}
                )
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        await self.app(scope, replay_receive, capture)
        if status < 500:
            record = {
                "fingerprint": fingerprint,
                "status": status,
                "headers": headers,
                "body": base64.b64encode(b"".join(chunks)).decode(),
            }
            await cache.set(slot, json.dumps(record).encode(), ttl=self.ttl)


async def _read_body(receive: Receive) -> tuple[bytes, Receive]:
    parts: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            # The client went away; let the app see the disconnect.
            return b"".join(parts), _replaying(message)
        parts.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(parts), receive


def _replaying(message: Message) -> Receive:
    async def receive() -> Message:
        return message

    return receive
