"""The labelled corpus the intent model is trained and evaluated on, and its generator.

`train.jsonl` and `heldout.jsonl` are written by `python -m eventmaestro.nlp.corpus.generate`
from hand-written templates (templates.py), slot vocabularies with their gold entities
(vocab.py), noise (typos, case, punctuation) and the hand-written natural utterances in
`handwritten_*.txt`. Held-out templates and utterances never appear in training.
"""
