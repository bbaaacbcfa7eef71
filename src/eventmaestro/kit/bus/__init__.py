"""Message bus: domain events (publish/subscribe) and agent tasks (request/serve)."""

from eventmaestro.kit.bus.base import (
    Bus,
    BusError,
    Handler,
    Message,
    RemoteHandlerError,
    RequestHandler,
    RequestTimeoutError,
    Subscription,
)
from eventmaestro.kit.bus.factory import create_bus
from eventmaestro.kit.bus.memory import MemoryBus
from eventmaestro.kit.bus.rabbitmq import RabbitMQBus

__all__ = [
    "Bus",
    "BusError",
    "Handler",
    "MemoryBus",
    "Message",
    "RabbitMQBus",
    "RemoteHandlerError",
    "RequestHandler",
    "RequestTimeoutError",
    "Subscription",
    "create_bus",
]
