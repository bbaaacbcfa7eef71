"""Intent classifier: TF-IDF over character and word n-grams, a linear SVM, sigmoid calibration.

Character n-grams make it robust to typos, slang and Russian endings («корпоратива»,
«корпоративу»); word n-grams carry phrases ("break even"). Calibration turns SVM margins into
probabilities so `confidence` means something, and a request the model is unsure about is
`out_of_scope` rather than a confident guess. The model trains in seconds from the shipped
corpus and is cached in the data directory under the corpus hash, so start-up loads a file.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import joblib
import sklearn
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC

from eventmaestro.nlp.intents import Intent

CORPUS_DIR = Path(__file__).parent / "corpus"
TRAIN_PATH = CORPUS_DIR / "train.jsonl"
MODEL_VERSION = "1"
# Below this calibrated probability the best guess is not trusted: the text is out of scope.
OUT_OF_SCOPE_THRESHOLD = 0.4
_DIGITS = re.compile(r"\d+")


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
    features = FeatureUnion(
        [
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2
                ),
            ),
            (
                "words",
                TfidfVectorizer(
                    analyzer="word",
                    ngram_range=(1, 2),
                    token_pattern=r"(?u)\b\w+\b",
                    sublinear_tf=True,
                ),
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


class IntentClassifier:
    def __init__(self, pipeline: Pipeline) -> None:
        self._pipeline = pipeline
        self._labels = [Intent(label) for label in pipeline.classes_]

    @classmethod
    def train(cls, examples: list[dict[str, Any]]) -> IntentClassifier:
        pipeline = _pipeline()
        pipeline.fit([prepare(e["text"]) for e in examples], [e["intent"] for e in examples])
        return cls(pipeline)

    def scores(self, text: str) -> list[Scored]:
        """Every intent with its calibrated probability, most likely first."""
        probabilities = self._pipeline.predict_proba([prepare(text)])[0]
        ranked = sorted(zip(self._labels, probabilities, strict=True), key=lambda p: -p[1])
        return [Scored(intent, round(float(p), 4)) for intent, p in ranked]

    def classify(self, text: str) -> tuple[Scored, list[Scored]]:
        """The intent and the runners-up; a low-confidence guess becomes out_of_scope."""
        ranked = self.scores(text)
        best = ranked[0]
        if best.confidence < OUT_OF_SCOPE_THRESHOLD and best.intent is not Intent.OUT_OF_SCOPE:
            oos = next(s for s in ranked if s.intent is Intent.OUT_OF_SCOPE)
            return Scored(Intent.OUT_OF_SCOPE, oos.confidence), ranked
        return best, ranked[1:]


def corpus_key(path: Path = TRAIN_PATH) -> str:
    """Changes whenever the corpus, the model code version or scikit-learn changes."""
    digest = hashlib.sha256(path.read_bytes())
    digest.update(f"{MODEL_VERSION}:{sklearn.__version__}".encode())
    return digest.hexdigest()[:16]


def load_or_train(cache_dir: Path | None, path: Path = TRAIN_PATH) -> IntentClassifier:
    """Load the cached model for this corpus, or train it (seconds) and cache it."""
    if cache_dir is None:
        return IntentClassifier.train(load_examples(path))
    cached = cache_dir / f"intent-model-{corpus_key(path)}.joblib"
    if cached.exists():
        # Our own file, written below from the shipped corpus: never a download.
        return IntentClassifier(joblib.load(cached))
    model = IntentClassifier.train(load_examples(path))
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(".tmp")
    joblib.dump(model._pipeline, partial)
    partial.replace(cached)
    for stale in cache_dir.glob("intent-model-*.joblib"):
        if stale != cached:
            stale.unlink(missing_ok=True)
    return model
