"""Intent classifier: TF-IDF over character and word n-grams, a linear SVM, sigmoid calibration.

Character n-grams make it robust to typos, slang and Russian endings («корпоратива»,
«корпоративу»); word n-grams over lemmas carry phrases ("break even", «выйти в ноль») whatever
the case and tense («площадку» and «площадки» are one word). Calibration turns SVM margins
into probabilities so `confidence` means something, and a request the model is unsure about is
`out_of_scope` rather than a confident guess. The model trains in seconds from the shipped
corpus and is cached in the data directory under the corpus hash, so start-up loads a file.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import os
import pickle
import re
import threading
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from eventmaestro.nlp.intents import Intent
from eventmaestro.nlp.morphology import lemma

if TYPE_CHECKING:
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.pipeline import Pipeline

CORPUS_DIR = Path(__file__).parent / "corpus"
TRAIN_PATH = CORPUS_DIR / "train.jsonl"
MODEL_VERSION = "2"
# Below this calibrated probability the best guess is not trusted: the text is out of scope.
# 0.40 is where out-of-scope recall and in-scope accuracy meet when whole templates are left
# out of training (5-fold cross-validation grouped by template, training split only).
OUT_OF_SCOPE_THRESHOLD = 0.4
_DIGITS = re.compile(r"\d+")
_RUSSIAN_WORD = re.compile(r"[а-я]+")
CHAR_NGRAMS = (2, 5)
WORD = re.compile(r"(?u)\b\w+\b")


@dataclass(frozen=True, slots=True)
class Scored:
    intent: Intent
    confidence: float


def prepare(text: str) -> str:
    """What the features see: case, ё and the exact numbers carry no intent."""
    return _DIGITS.sub("0", text.lower().replace("ё", "е"))


def load_examples(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _pipeline(seed: int = 0) -> Pipeline:
    # scikit-learn costs about a second to import: only training and loading pay for it,
    # never `maestro --help` or an API process that does not serve Maestro.
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.svm import LinearSVC

    features = FeatureUnion(
        [
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char_wb", ngram_range=CHAR_NGRAMS, sublinear_tf=True, min_df=2
                ),
            ),
            (
                "words",
                TfidfVectorizer(analyzer=lemma_grams, sublinear_tf=True),
            ),
        ]
    )
    svm = LinearSVC(C=0.5, class_weight="balanced", random_state=seed)
    return Pipeline(
        [
            ("features", features),
            ("model", CalibratedClassifierCV(svm, method="sigmoid", cv=3)),
        ]
    )


@dataclass(frozen=True, slots=True)
class CompiledModel:
    """What scoring needs from the trained pipeline, in plain Python and numpy.

    Loading it needs neither scikit-learn (a second or more to import) nor its pickles, so
    a process starts serving in milliseconds once the model is cached.
    """

    labels: list[str]
    char_vocabulary: dict[str, int]
    char_idf: list[float]
    word_vocabulary: dict[str, int]
    word_idf: list[float]
    weights: np.ndarray[Any, np.dtype[np.float64]]  # features x (folds * classes)
    bias: np.ndarray[Any, np.dtype[np.float64]]
    slope: np.ndarray[Any, np.dtype[np.float64]]
    offset: np.ndarray[Any, np.dtype[np.float64]]


def char_wb_grams(text: str) -> list[str]:
    """scikit-learn's `char_wb` n-grams (2..5): inside words, padded with one space."""
    grams: list[str] = []
    for word in text.split():
        padded = f" {word} "
        for n in range(CHAR_NGRAMS[0], CHAR_NGRAMS[1] + 1):
            if len(padded) <= n:
                grams.append(padded)  # a short word counts once, as in scikit-learn
                break
            grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return grams


def lemma_grams(text: str) -> list[str]:
    """Unigrams and bigrams of the words' dictionary forms (Russian; other words as written)."""
    tokens = [lemma(t) if _RUSSIAN_WORD.fullmatch(t) else t for t in WORD.findall(text)]
    return [*tokens, *(f"{a} {b}" for a, b in itertools.pairwise(tokens))]


class IntentClassifier:
    def __init__(self, compiled: CompiledModel, pipeline: Pipeline | None = None) -> None:
        self._model = compiled
        self._pipeline = pipeline  # kept after training so tests can compare both paths
        self._labels = [Intent(label) for label in compiled.labels]
        self._blocks = [
            (char_wb_grams, compiled.char_vocabulary, compiled.char_idf, 0),
            (lemma_grams, compiled.word_vocabulary, compiled.word_idf, len(compiled.char_idf)),
        ]
        self._weights, self._bias = compiled.weights, compiled.bias
        self._slope, self._offset = compiled.slope, compiled.offset

    @classmethod
    def train(cls, examples: list[dict[str, Any]]) -> IntentClassifier:
        pipeline = _pipeline()
        pipeline.fit([prepare(e["text"]) for e in examples], [e["intent"] for e in examples])
        return cls(_compile(pipeline), pipeline)

    def scores(self, text: str) -> list[Scored]:
        """Every intent with its calibrated probability, most likely first."""
        probabilities = self._probabilities(prepare(text))
        ranked = sorted(zip(self._labels, probabilities, strict=True), key=lambda p: -p[1])
        return [Scored(intent, round(float(p), 4)) for intent, p in ranked]

    def _probabilities(self, prepared: str) -> np.ndarray[Any, np.dtype[np.float64]]:
        """`predict_proba` of the calibrated ensemble: a gather of weight rows, then sigmoids.

        scikit-learn's own path costs milliseconds per call in input checks across the three
        calibrated folds; the arithmetic (margins → per-class sigmoid → normalise → average
        over folds) is the same, and tests check both agree.
        """
        indices, values = self._vectorise(prepared)
        margins = values @ self._weights[indices] + self._bias
        sigmoid = 1.0 / (1.0 + np.exp(self._slope * margins + self._offset))
        per_class = sigmoid.reshape(-1, len(self._labels))
        totals = per_class.sum(axis=1, keepdims=True)
        uniform = np.full_like(per_class, 1.0 / len(self._labels))
        normalised = np.divide(per_class, totals, out=uniform, where=totals > 0)
        result: np.ndarray[Any, np.dtype[np.float64]] = normalised.mean(axis=0)
        return result

    def _vectorise(
        self, prepared: str
    ) -> tuple[np.ndarray[Any, np.dtype[np.intp]], np.ndarray[Any, np.dtype[np.float64]]]:
        """The FeatureUnion's TF-IDF row as (column, value) pairs, without its per-call checks.

        Same arithmetic as TfidfVectorizer(sublinear_tf=True, norm="l2") per block: 1 + log(tf)
        times idf, each block scaled to unit length, blocks side by side.
        """
        columns: list[int] = []
        values: list[float] = []
        for analyse, vocabulary, idf, offset in self._blocks:
            counts = Counter(
                j for gram in analyse(prepared) if (j := vocabulary.get(gram)) is not None
            )
            if not counts:
                continue
            weights = [(1.0 + math.log(n)) * idf[j] for j, n in counts.items()]
            norm = math.sqrt(sum(w * w for w in weights))
            columns.extend(offset + j for j in counts)
            values.extend(w / norm for w in weights)
        return np.array(columns, dtype=np.intp), np.array(values, dtype=np.float64)

    def classify(self, text: str) -> tuple[Scored, list[Scored]]:
        """The intent and the runners-up; a low-confidence guess becomes out_of_scope."""
        ranked = self.scores(text)
        best = ranked[0]
        if best.confidence < OUT_OF_SCOPE_THRESHOLD and best.intent is not Intent.OUT_OF_SCOPE:
            # Confidence in "none of the above" is the chance the best guess is wrong.
            doubt = round(1.0 - best.confidence, 4)
            return Scored(Intent.OUT_OF_SCOPE, doubt), [
                s for s in ranked if s.intent is not Intent.OUT_OF_SCOPE
            ]
        return best, ranked[1:]


def _compile(pipeline: Pipeline) -> CompiledModel:
    chars, words = (v for _, v in pipeline.named_steps["features"].transformer_list)
    weights, bias, slope, offset = _stack(pipeline.named_steps["model"])
    return CompiledModel(
        labels=[str(label) for label in pipeline.classes_],
        char_vocabulary={str(k): int(v) for k, v in chars.vocabulary_.items()},
        char_idf=[float(v) for v in chars.idf_],
        word_vocabulary={str(k): int(v) for k, v in words.vocabulary_.items()},
        word_idf=[float(v) for v in words.idf_],
        weights=weights,
        bias=bias,
        slope=slope,
        offset=offset,
    )


def _stack(
    model: CalibratedClassifierCV,
) -> tuple[Any, np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Every fold's SVM weights side by side, with its per-class sigmoid parameters."""
    folds = model.calibrated_classifiers_
    weights = np.hstack([fold.estimator.coef_.T for fold in folds])
    bias = np.concatenate([fold.estimator.intercept_ for fold in folds])
    slope = np.concatenate([[c.a_ for c in fold.calibrators] for fold in folds])
    offset = np.concatenate([[c.b_ for c in fold.calibrators] for fold in folds])
    return np.ascontiguousarray(weights), bias, slope, offset


def corpus_key(path: Path = TRAIN_PATH) -> str:
    """Changes whenever the corpus, the model code, scikit-learn or the lemmatiser changes."""
    stat = path.stat()
    return _hash_corpus(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _hash_corpus(path: Path, mtime_ns: int, size: int) -> str:
    # Hashing 1.5 MB costs milliseconds: once per file version, not once per request.
    digest = hashlib.sha256(path.read_bytes())
    tools = ("scikit-learn", "pymorphy3", "pymorphy3-dicts-ru")
    digest.update(":".join([MODEL_VERSION, *(version(tool) for tool in tools)]).encode())
    return digest.hexdigest()[:16]


_IN_MEMORY: dict[str, IntentClassifier] = {}
# The server warms the model in a thread while the first request may ask for it in another:
# the second waits for the first instead of training (and writing the cache) a second time.
_LOADING = threading.Lock()


def load_or_train(cache_dir: Path | None, path: Path = TRAIN_PATH) -> IntentClassifier:
    """This process's model for the corpus: from memory, the cache file, or trained (seconds)."""
    key = corpus_key(path)
    if key not in _IN_MEMORY:
        with _LOADING:
            if key not in _IN_MEMORY:
                _IN_MEMORY[key] = _load_or_train(cache_dir, path, key)
    return _IN_MEMORY[key]


def _load_or_train(cache_dir: Path | None, path: Path, key: str) -> IntentClassifier:
    if cache_dir is None:
        return IntentClassifier.train(load_examples(path))
    cached = cache_dir / f"intent-model-{key}.pickle"
    if cached.exists():
        # Our own file, written below from the shipped corpus: never a download.
        with cached.open("rb") as stored:
            return IntentClassifier(pickle.load(stored))
    model = IntentClassifier.train(load_examples(path))
    cache_dir.mkdir(parents=True, exist_ok=True)
    # A name of this writer's own: processes sharing the data dir may train at the same time,
    # and each must rename a complete file of its own into place.
    partial = cached.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
    with partial.open("wb") as out:
        pickle.dump(model._model, out, protocol=pickle.HIGHEST_PROTOCOL)
    partial.replace(cached)
    for stale in cache_dir.glob("intent-model-*.pickle"):
        if stale != cached:
            stale.unlink(missing_ok=True)
    return model
