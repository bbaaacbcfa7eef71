"""Per-provider circuit breaker: stop calling a provider that keeps failing, probe it later.

Closed → open after `failures` consecutive failures; after `reset_seconds` one caller is let
through as a half-open probe (others still skip the provider); the probe's success closes the
breaker, its failure opens it for another period. Skipping is cheap, so a dead provider costs
callers nothing while it is open instead of a timeout each.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import IntEnum


class BreakerState(IntEnum):  # ints, so the Prometheus gauge can show the state
    CLOSED = 0
    HALF_OPEN = 1
    OPEN = 2


class CircuitBreaker:
    def __init__(
        self,
        *,
        failures: int,
        reset_seconds: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._threshold = failures
        self._reset = reset_seconds
        self._clock = clock
        self._consecutive = 0
        self._opened_at: float | None = None
        self._probing = False

    @property
    def state(self) -> BreakerState:
        if self._opened_at is None:
            return BreakerState.CLOSED
        if self._probing or self._clock() - self._opened_at >= self._reset:
            return BreakerState.HALF_OPEN
        return BreakerState.OPEN

    def allow(self) -> bool:
        state = self.state
        if state is BreakerState.CLOSED:
            return True
        if state is BreakerState.HALF_OPEN and not self._probing:
            self._probing = True
            return True
        return False

    def success(self) -> None:
        self._consecutive = 0
        self._opened_at = None
        self._probing = False

    def failure(self) -> None:
        self._consecutive += 1
        if self._probing or self._consecutive >= self._threshold:
            self._opened_at = self._clock()
            self._probing = False

    def release(self) -> None:
        """The attempt ended without telling anything about the provider's health (e.g. it
        was cancelled): let the next caller probe instead of leaving the breaker stuck."""
        self._probing = False
