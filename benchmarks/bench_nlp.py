"""Offline understanding speed: per-utterance classification and extraction, and start-up.

    .venv/bin/python benchmarks/bench_nlp.py

Start-up is measured in fresh subprocesses (imports, training without a cache, loading the
cached model); per-utterance figures run every held-out utterance several times, each pass
with the lemma caches emptied, for classification alone, entity extraction alone and the
whole `understand()` (intent, alternatives and entities).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable

ROUNDS = 3

_STARTUP = """
import json, sys, time
from pathlib import Path
t0 = time.perf_counter()
from eventmaestro.nlp.understanding import understand
from eventmaestro.nlp.classifier import load_or_train
from eventmaestro.nlp.corpus.vocab import NOW
t1 = time.perf_counter()
load_or_train(Path(sys.argv[1]))
t2 = time.perf_counter()
understand("корпоратив на 100 человек в Питере 20.12", now=NOW)
t3 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "model": t2 - t1, "first_call": t3 - t2}))
"""


def _startup(cache_dir: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", _STARTUP, cache_dir], capture_output=True, text=True, check=True
    )
    figures: dict[str, float] = json.loads(out.stdout)
    return figures


def _percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p50 = statistics.median(ordered) * 1000
    p95 = ordered[int(len(ordered) * 0.95) - 1] * 1000
    p99 = ordered[int(len(ordered) * 0.99) - 1] * 1000
    return f"p50 {p50:6.2f} ms   p95 {p95:6.2f} ms   p99 {p99:6.2f} ms   (n={len(ordered)})"


def main() -> None:
    print(f"cores: {os.cpu_count()}, load average at start: {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as cache:
        cold = _startup(cache)  # trains and writes the cache
        warm = _startup(cache)  # loads the cached model
    print("Start-up (fresh process)")
    print(f"  import nlp (no scikit-learn):         {cold['import'] * 1000:7.0f} ms")
    print(f"  train without cache:                  {cold['model'] * 1000:7.0f} ms")
    print(f"  load cached model (no scikit-learn):  {warm['model'] * 1000:7.0f} ms")
    print(f"  first understand() (morph, GeoNames): {warm['first_call'] * 1000:7.0f} ms")

    from eventmaestro.nlp import morphology
    from eventmaestro.nlp.classifier import CORPUS_DIR, load_examples, load_or_train
    from eventmaestro.nlp.corpus.vocab import NOW
    from eventmaestro.nlp.entities.extract import extract_entities
    from eventmaestro.nlp.understanding import understand

    texts = [e["text"] for e in load_examples(CORPUS_DIR / "heldout.jsonl")]
    model = load_or_train(None)
    understand(texts[0], now=NOW)  # dictionaries and GeoNames loaded once per process

    def cold_caches() -> None:
        # Every pass pays for the first sight of each word, as a fresh server process would.
        for cached in (morphology.lemma, morphology.geo_lemmas, morphology.likely_person):
            cached.cache_clear()

    def timed(call: Callable[[str], object]) -> list[float]:
        samples = []
        for _ in range(ROUNDS):
            cold_caches()
            for text in texts:
                t0 = time.perf_counter()
                call(text)
                samples.append(time.perf_counter() - t0)
        return samples

    classify = timed(model.classify)
    extract = timed(lambda text: extract_entities(text, NOW))
    full = timed(lambda text: understand(text, now=NOW))
    print(f"\nPer utterance, {len(texts)} held-out utterances x {ROUNDS} rounds, caches cleared")
    print(f"  classification: {_percentiles(classify)}")
    print(f"  extraction:     {_percentiles(extract)}")
    print(f"  understand():   {_percentiles(full)}")
    print(f"load average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
