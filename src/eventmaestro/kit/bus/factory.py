"""Picks the bus adapter from the configured URL, so deployments switch by configuration."""

from __future__ import annotations

from urllib.parse import urlsplit

from eventmaestro.kit.bus.base import Bus
from eventmaestro.kit.bus.memory import MemoryBus
from eventmaestro.kit.bus.rabbitmq import RabbitMQBus


def create_bus(url: str) -> Bus:
    scheme = urlsplit(url).scheme
    if scheme == "memory":
        return MemoryBus()
    if scheme in ("amqp", "amqps"):
        return RabbitMQBus(url)
    raise ValueError(
        f"unsupported bus URL scheme {scheme!r}: use memory:// (embedded) "
        "or amqp:// / amqps:// (RabbitMQ)"
    )
