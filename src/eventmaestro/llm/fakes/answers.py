"""What a fake says: the next scripted reply, a schema-shaped object, or an echo."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eventmaestro.llm.fakes.control import FakeControl
from eventmaestro.llm.providers.offline import count_tokens
from eventmaestro.llm.schema_fill import fill_schema


@dataclass(frozen=True)
class Answer:
    content: str
    tool_name: str | None
    tool_arguments: dict[str, Any]
    prompt_tokens: int
    completion_tokens: int


def message_text(message: dict[str, Any]) -> str:
    content = message.get("content") or message.get("text") or ""
    if isinstance(content, list):  # OpenAI content parts
        return " ".join(str(p.get("text", "")) for p in content if isinstance(p, dict))
    return str(content)


def answer(control: FakeControl, messages: list[dict[str, Any]], schema: Any) -> Answer:
    last_user = next((message_text(m) for m in reversed(messages) if m.get("role") == "user"), "")
    prompt_tokens = sum(count_tokens(message_text(m)) for m in messages)
    reply = control.take_reply()
    if reply is not None and reply.tool_name:
        return Answer("", reply.tool_name, reply.tool_arguments, prompt_tokens, 1)
    if reply is not None:
        content = reply.content
    elif isinstance(schema, dict):
        import json

        content = json.dumps(fill_schema(schema, text=last_user), ensure_ascii=False)
    else:
        content = f"Echo: {last_user}"
    return Answer(content, None, {}, prompt_tokens, count_tokens(content))
