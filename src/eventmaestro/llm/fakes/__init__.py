"""Protocol-faithful fake LLM servers for tests, demos and benchmarks.

Each fake speaks its provider's exact wire format (including OAuth and SSE streaming), answers
by script or by echo, injects faults on demand and records every request, so tests can prove
what was sent — e.g. that no personal data reached a cloud model.
"""

from eventmaestro.llm.fakes.control import FakeControl, Fault, Reply
from eventmaestro.llm.fakes.server import running_fake

__all__ = ["FakeControl", "Fault", "Reply", "running_fake"]
