"""A small learned model of offensive language, read from a data file, that moves a rule's score.

Why a model: word lists catch the words their editors thought of; a model trained on thousands of
labelled posts knows how strongly each word goes with offence and how the other words of the post
soften or harden it ("you are a lying corrupt traitor"). Why only a mover: a probability is no
reason a learner can check. So the model never makes a finding. A rule that names it (`model:` in
a concern's data file) must match words first; the model then judges the words around the match
and may raise the rule's score (it is confident the text offends) or lower it (it is nearly sure
the text is harmless). The finding keeps the matched words as evidence and its explanation says
that a trained model weighed them, with the probability. The model reads only posts in its own
language (an English model says nothing about a Vietnamese post).

The model is linear over TF-IDF word weights, so it runs in plain Python from a data file
(rules/data/models/<name>.yaml, made by training/en_offensive/extract.py with its source, licence
and training data in the header): tokens of two or more word characters, lower case, stop words
dropped; x_t = count_t * idf_t / ||count * idf||; p = sigmoid(sum_t weight_t * x_t + intercept).
It reads at most WINDOW_WORDS words on each side of the match (and MAX_CHARS characters), so a
1 MB post costs no more than a tweet per match, and each window is scored once per post.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from conduct.datafiles import DataError, check_keys, check_version, load, require, require_choice
from conduct.vocab import LANGS

MODEL_DIR = "rules/data/models"
FILE_KEYS = (
    "schema_version",
    "model",
    "lang",
    "source",
    "intercept",
    "unknown_idf",
    "stop_words",
    "evidence",
    "features",
)
SOURCE_KEYS = ("package", "version", "licence", "url", "training_data", "method")
EVIDENCE_KEYS = ("min_weight", "exclude", "include", "describes")
# How a rule uses a model (the rule's `model:` mapping in a concern's data file).
USE_KEYS = ("name", "words", "raise_at", "raise_to", "lower_at", "lower_factor")
TOKEN = re.compile(r"\b\w\w+\b")  # as the vectorizer the model was trained with
WINDOW_WORDS = 60  # words read on each side of a match: a tweet whole, a long post near the match
MAX_CHARS = 3000  # and never more characters than this


@dataclass(frozen=True)
class Model:
    """A linear model over TF-IDF word weights, with the words it may show as evidence."""

    name: str
    lang: str
    intercept: float
    unknown_idf: float
    stop_words: frozenset[str] = field(repr=False)
    weights: dict[str, tuple[float, float]] = field(repr=False, compare=False, hash=False)  # word: (weight, idf)
    evidence: tuple[str, ...] = field(repr=False)  # words a finding may rest on
    alone: tuple[str, ...] = field(repr=False)  # those that offend with no person nearby (not "stupid")

    def probability(self, text: str) -> float:
        """The model's probability that `text` (lower case) is offensive."""
        counts = Counter(t for t in TOKEN.findall(text[:MAX_CHARS]) if t not in self.stop_words)
        dot = norm = 0.0
        for token, n in counts.items():
            wi = self.weights.get(token)
            if wi is None:
                norm += (n * self.unknown_idf) ** 2
            else:
                x = n * wi[1]
                norm += x * x
                dot += x * wi[0]
        z = self.intercept + (dot / math.sqrt(norm) if norm else 0.0)
        return 1.0 / (1.0 + math.exp(-z))


@dataclass(frozen=True)
class ModelUse:
    """How one rule uses a model: raise its score to `raise_to` when p ≥ `raise_at`, multiply it
    by `lower_factor` when p ≤ `lower_at` (either may be left out); a rule with no list of its own
    matches the model's evidence words (`words: all`) or only those that offend alone (`words: alone`)."""

    model: Model
    words: tuple[str, ...]
    raise_at: float | None
    raise_to: float
    lower_at: float | None
    lower_factor: float


def _number(file: str, raw: dict, key: str, where: str, lo: float = 0.0, hi: float = 1.0) -> float:
    value = require(file, raw, key, (int, float), where)
    if isinstance(value, bool) or not lo <= value <= hi:
        raise DataError(
            file, f"{where}.{key}", f"{value!r} is outside {lo}–{hi}", f"use a number between {lo} and {hi}"
        )
    return float(value)


def _features(file: str, block: str) -> dict[str, tuple[float, float]]:
    """The `features` block: one `word weight idf` line per word (read by hand: 5,000 YAML entries
    would take a tenth of a second to parse, this a few milliseconds)."""
    weights: dict[str, tuple[float, float]] = {}
    for n, line in enumerate(block.splitlines(), 1):
        parts = line.split()
        try:
            word, weight, idf = parts[0], float(parts[1]), float(parts[2])
            ok = len(parts) == 3 and TOKEN.fullmatch(word) is not None and idf > 0 and word not in weights
        except (IndexError, ValueError):
            ok = False
        if not ok:
            raise DataError(
                file, f"features, line {n}", f"{line.strip()!r} is not `word weight idf`", "e.g. `idiot 16.9 6.43`"
            )
        weights[word] = (weight, idf)
    if not weights:
        raise DataError(file, "features", "no words", "run training/en_offensive/extract.py")
    return weights


@functools.cache
def load_model(name: str) -> Model:
    """Read and check rules/data/models/<name>.yaml (once per process)."""
    f = f"{MODEL_DIR}/{name}.yaml"
    data = check_version(f, load(f))
    check_keys(f, data, FILE_KEYS)
    if require(f, data, "model", str) != name:
        raise DataError(f, "model", f"file is for {data['model']!r}, not {name!r}", f"set `model: {name}`")
    lang = require_choice(f, data.get("lang"), LANGS, "lang")
    source = require(f, data, "source", dict)
    check_keys(f, source, SOURCE_KEYS, "source")
    for key in ("package", "version", "licence", "training_data"):
        require(f, source, key, str, "source")
    intercept = _number(f, data, "intercept", "", -50, 50)
    unknown_idf = _number(f, data, "unknown_idf", "", 0, 100)
    stop = require(f, data, "stop_words", list)
    weights = _features(f, require(f, data, "features", str))
    ev = require(f, data, "evidence", dict)
    check_keys(f, ev, EVIDENCE_KEYS, "evidence")
    min_weight = _number(f, ev, "min_weight", "evidence", 0, 100)
    exclude, include, describes = (
        set(require(f, ev, key, list, "evidence")) for key in ("exclude", "include", "describes")
    )
    for key, words in (("exclude", exclude), ("include", include), ("describes", describes)):
        unknown = sorted(str(w) for w in words if w not in weights or weights[w][0] <= 0)
        if unknown:
            raise DataError(
                f, f"evidence.{key}", f"{', '.join(unknown)}: not a word with an offensive weight", "remove it"
            )
    evidence = tuple(w for w, (wt, _) in weights.items() if (wt >= min_weight and w not in exclude) or w in include)
    if not evidence:
        raise DataError(f, "evidence.min_weight", "no word is strong enough to be evidence", "lower min_weight")
    alone = tuple(w for w in evidence if w not in describes)
    return Model(name, lang, intercept, unknown_idf, frozenset(map(str, stop)), weights, evidence, alone)


def model_use(file: str, raw: object, where: str) -> ModelUse:
    """A rule's `model:` mapping, checked: which model, and when it raises or lowers the score."""
    if not isinstance(raw, dict):
        raise DataError(file, where, "expected a mapping", "write e.g. `model: {name: en_offensive, raise_at: 0.8}`")
    check_keys(file, raw, USE_KEYS, where)
    name = require(file, raw, "name", str, where)
    try:
        model = load_model(name)
    except DataError as exc:
        raise DataError(
            file, f"{where}.name", f"model {name!r}: {exc}", "name a file in conduct/rules/data/models"
        ) from None
    if "raise_at" not in raw and "lower_at" not in raw:
        raise DataError(file, where, "the model neither raises nor lowers", "add `raise_at:` or `lower_at:`")
    which = require_choice(file, raw.get("words", "all"), ("all", "alone"), f"{where}.words")
    raise_at = _number(file, raw, "raise_at", where) if "raise_at" in raw else None
    lower_at = _number(file, raw, "lower_at", where) if "lower_at" in raw else None
    if raise_at is not None and lower_at is not None and lower_at >= raise_at:
        raise DataError(file, f"{where}.lower_at", "must be below raise_at", "lower it")
    raise_to = _number(file, raw, "raise_to", where) if raise_at is not None else 0.0
    lower_factor = _number(file, raw, "lower_factor", where) if lower_at is not None else 1.0
    words = model.alone if which == "alone" else model.evidence
    return ModelUse(model, words, raise_at, raise_to, lower_at, lower_factor)


def weigh(
    use: ModelUse, doc, start: int, end: int, score: float, cache: dict, may_raise: bool = True
) -> tuple[float, str, float]:
    """The score of a match at start..end after the model read the words around it, with the
    effect ("raised", "lowered" or "") and the probability. Posts in another language are left
    alone, and a match that a context lowers (a warning, a lesson, the writer's own self) is not
    raised: the model's judgement of the words never overrides what the context shows."""
    model = use.model
    if doc.lang != model.lang:
        return score, "", 0.0
    tokens = doc.token_starts
    i, j = doc.token_index(start), doc.token_index(max(start, end - 1))
    lo = tokens[max(0, i - WINDOW_WORDS)] if tokens else 0
    hi = tokens[j + WINDOW_WORDS + 1] if j + WINDOW_WORDS + 1 < len(tokens) else len(doc.norm.folded)
    lo, hi = max(lo, start - MAX_CHARS // 2), min(hi, end + MAX_CHARS // 2)
    key = ("model", model.name, lo, hi)
    p = cache.get(key)
    if p is None:
        p = cache[key] = model.probability(doc.norm.folded[lo:hi])
    if may_raise and use.raise_at is not None and p >= use.raise_at and score < use.raise_to:
        return use.raise_to, "raised", p
    if use.lower_at is not None and p <= use.lower_at:
        return score * use.lower_factor, "lowered", p
    return score, "", p
