"""Prometheus metrics of the LLM gateway."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

LLM_LATENCY = Histogram(
    "maestro_llm_call_duration_seconds",
    "Gateway call latency by task kind and the provider that answered",
    ["task", "provider"],
    buckets=(0.001, 0.005, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
)
LLM_TOKENS = Counter(
    "maestro_llm_tokens_total",
    "Tokens by provider, model and direction",
    ["provider", "model", "direction"],
)
LLM_ATTEMPTS = Counter(
    "maestro_llm_attempts_total", "Provider attempts by outcome", ["provider", "outcome"]
)
LLM_FALLBACKS = Counter(
    "maestro_llm_fallbacks_total",
    "Calls answered by a model other than the chain's first",
    ["task"],
)
LLM_CACHE_HITS = Counter("maestro_llm_cache_hits_total", "Answers served from the response cache")
LLM_BREAKER_STATE = Gauge(
    "maestro_llm_breaker_state",
    "Circuit breaker per provider: 0 closed, 1 half-open, 2 open",
    ["provider"],
)
