"""Fill a JSON Schema with a deterministic instance, for the offline provider.

The offline engine cannot write language, but every caller that asks for structured output
must still get a value its Pydantic model accepts, so features keep working with no model at
all. Values come from the schema (defaults, enums, bounds) and, for free-text fields, from
the request's own words, never from randomness: the same request always gets the same answer.
"""

from __future__ import annotations

from typing import Any

_TEXT_FIELDS = ("text", "summary", "answer", "content", "message", "description", "reply")
_MAX_DEPTH = 8


def fill_schema(schema: dict[str, Any], *, text: str) -> Any:
    return _fill(schema, schema.get("$defs", {}), text, "", 0)


def _fill(node: dict[str, Any], defs: dict[str, Any], text: str, field: str, depth: int) -> Any:
    if "$ref" in node:
        node = defs.get(node["$ref"].rsplit("/", 1)[-1], {})
    if "default" in node:
        return node["default"]
    if "const" in node:
        return node["const"]
    if node.get("enum"):
        return node["enum"][0]
    for combinator in ("anyOf", "oneOf", "allOf"):
        if combinator in node:
            options = [o for o in node[combinator] if o.get("type") != "null"]
            if not options:
                return None
            return _fill(options[0], defs, text, field, depth)
    kind = node.get("type", "object")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind == "object":
        if depth >= _MAX_DEPTH:
            return {}
        props: dict[str, Any] = node.get("properties", {})
        return {name: _fill(prop, defs, text, name, depth + 1) for name, prop in props.items()}
    if kind == "array":
        count = int(node.get("minItems", 0))
        item = node.get("items", {})
        return [_fill(item, defs, text, field, depth + 1) for _ in range(count)]
    if kind == "string":
        return _string(node, text, field)
    if kind in ("integer", "number"):
        value = node.get("minimum", node.get("exclusiveMinimum", 0))
        if "exclusiveMinimum" in node and "minimum" not in node:
            value += 1
        if "maximum" in node:
            value = min(value, node["maximum"])
        return int(value) if kind == "integer" else float(value)
    if kind == "boolean":
        return False
    return None


def _string(node: dict[str, Any], text: str, field: str) -> str:
    fmt = node.get("format")
    if fmt == "date":
        return "1970-01-01"
    if fmt == "date-time":
        return "1970-01-01T00:00:00Z"
    value = text if any(hint in field.lower() for hint in _TEXT_FIELDS) else ""
    max_length = node.get("maxLength")
    if max_length is not None:
        value = value[:max_length]
    min_length = int(node.get("minLength", 0))
    if len(value) < min_length:
        value = value.ljust(min_length, "-")
    return value
