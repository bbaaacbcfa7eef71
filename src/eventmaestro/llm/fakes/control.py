"""What a test (or the CLI) tells a fake to do, and what the fake saw.

Faults are queued: each request to a model endpoint takes the next one, so a test can say
"the first call gets a 429, the second succeeds". `persistent` faults apply to every request
(the CLI's `--fault`). Replies are scripted the same way; with no script the fake echoes.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any, Literal

FaultKind = Literal["latency", "status", "drop", "malformed", "slow_stream"]


@dataclass(frozen=True)
class Fault:
    kind: FaultKind
    seconds: float = 0.0  # latency before answering, or delay between stream chunks
    status: int = 0
    retry_after: float | None = None

    @classmethod
    def latency(cls, seconds: float) -> Fault:
        return cls("latency", seconds=seconds)

    @classmethod
    def error(cls, status: int, *, retry_after: float | None = None) -> Fault:
        return cls("status", status=status, retry_after=retry_after)

    @classmethod
    def drop(cls) -> Fault:
        return cls("drop")

    @classmethod
    def malformed(cls) -> Fault:
        return cls("malformed")

    @classmethod
    def slow_stream(cls, seconds_per_chunk: float) -> Fault:
        return cls("slow_stream", seconds=seconds_per_chunk)

    @classmethod
    def parse(cls, spec: str) -> Fault:
        """CLI form: `429`, `429:2` (Retry-After 2 s), `500`, `402`, `drop`, `malformed`,
        `latency:0.5`, `slow-stream:0.2`."""
        name, _, arg = spec.partition(":")
        if name.isdigit():
            return cls.error(int(name), retry_after=float(arg) if arg else None)
        if name == "latency":
            return cls.latency(float(arg or 1))
        if name == "slow-stream":
            return cls.slow_stream(float(arg or 0.5))
        if name == "drop":
            return cls.drop()
        if name == "malformed":
            return cls.malformed()
        raise ValueError(
            f"Unknown fault {spec!r}: use a status (429, 429:2, 500, 402), drop, malformed, "
            "latency:SECONDS or slow-stream:SECONDS"
        )


@dataclass(frozen=True)
class Reply:
    content: str = ""
    tool_name: str | None = None
    tool_arguments: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: Any


@dataclass
class FakeControl:
    faults: deque[Fault] = field(default_factory=deque)
    persistent: list[Fault] = field(default_factory=list)
    script: deque[Reply] = field(default_factory=deque)
    requests: list[RecordedRequest] = field(default_factory=list)
    stream_chunks: int = 4  # how many pieces a streamed answer is cut into
    token_ttl_seconds: float = 1800.0  # GigaChat access tokens live 30 minutes
    api_key: str | None = None  # when set, model endpoints demand it
    revoked_tokens: set[str] = field(default_factory=set)

    def fail_next(self, *faults: Fault) -> None:
        self.faults.extend(faults)

    def reply_next(self, *replies: Reply) -> None:
        self.script.extend(replies)

    def take_faults(self) -> list[Fault]:
        taken = list(self.persistent)
        if self.faults:
            taken.append(self.faults.popleft())
        return taken

    def take_reply(self) -> Reply | None:
        return self.script.popleft() if self.script else None

    def calls(self, path_suffix: str) -> list[RecordedRequest]:
        return [r for r in self.requests if r.path.endswith(path_suffix)]

    def sent_text(self) -> str:
        """Everything any request carried, for assertions like "no e-mail left the house"."""
        import json

        return "\n".join(json.dumps(r.body, ensure_ascii=False) for r in self.requests)
