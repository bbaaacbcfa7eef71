"""Prometheus metrics of the HTTP layer; domains add their own next to their code."""

from __future__ import annotations

from prometheus_client import Counter, Histogram

HTTP_REQUESTS = Counter(
    "maestro_http_requests_total",
    "HTTP requests by route template, method and status",
    ["method", "route", "status"],
)
HTTP_LATENCY = Histogram(
    "maestro_http_request_duration_seconds",
    "HTTP request latency by route template",
    ["method", "route"],
    buckets=(0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.5, 5.0),
)
OUTBOX_RELAYED = Counter(
    "maestro_outbox_relayed_total", "Domain events relayed from the outbox to the bus"
)
