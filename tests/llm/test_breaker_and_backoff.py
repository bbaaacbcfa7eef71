"""The circuit breaker's states and the backoff schedule, without any network."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from eventmaestro.llm.breaker import BreakerState, CircuitBreaker
from eventmaestro.llm.config import LLMSettings
from eventmaestro.llm.errors import ProviderUnavailable, RateLimitedByProvider
from eventmaestro.llm.router import Router


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_opens_after_consecutive_failures_and_lets_one_probe_through() -> None:
    clock = Clock()
    breaker = CircuitBreaker(failures=3, reset_seconds=10, clock=clock)
    breaker.failure()
    breaker.success()  # a success resets the count: failures must be consecutive
    for _ in range(2):
        breaker.failure()
    assert breaker.allow()
    breaker.failure()
    assert breaker.state is BreakerState.OPEN
    assert not breaker.allow()
    clock.now = 10
    assert breaker.state is BreakerState.HALF_OPEN
    assert breaker.allow()  # the probe
    assert not breaker.allow()  # only one at a time
    breaker.failure()  # the probe failed: open for another period
    assert breaker.state is BreakerState.OPEN
    clock.now = 20
    assert breaker.allow()
    breaker.success()
    assert breaker.state is BreakerState.CLOSED


def test_a_cancelled_probe_lets_the_next_caller_probe() -> None:
    clock = Clock()
    breaker = CircuitBreaker(failures=1, reset_seconds=1, clock=clock)
    breaker.failure()
    clock.now = 1
    assert breaker.allow()
    breaker.release()
    assert breaker.allow()


@given(attempt=st.integers(0, 20), jitter=st.floats(0, 1))
def test_backoff_is_exponential_with_full_jitter_and_capped(attempt: int, jitter: float) -> None:
    settings = LLMSettings(providers={}, backoff_base_seconds=0.2, backoff_max_seconds=5)
    router = Router(settings, {}, jitter=lambda: jitter)
    delay = router.backoff(attempt, ProviderUnavailable("p", "500"))
    assert delay == min(5.0, 0.2 * 2**attempt) * jitter


def test_backoff_honours_retry_after() -> None:
    router = Router(LLMSettings(providers={}), {})
    assert router.backoff(0, RateLimitedByProvider("p", "429", retry_after=7)) == 7
