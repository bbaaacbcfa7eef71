"""What every benchmark script needs: percentiles of its samples and a free port to serve on."""

from __future__ import annotations

import socket
import statistics


def pct(samples: list[float], q: int) -> float:
    """The q-th percentile (1..99) by linear interpolation between the samples."""
    if len(samples) == 1:
        return samples[0]
    return statistics.quantiles(samples, n=100, method="inclusive")[q - 1]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port
