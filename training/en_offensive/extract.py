"""Extract the English offensive-language model shipped in conduct/rules/data/models/en_offensive.yaml.

    python3 -m venv /tmp/extract-venv
    /tmp/extract-venv/bin/pip install alt-profanity-check==1.9.1 pyyaml
    /tmp/extract-venv/bin/python training/en_offensive/extract.py [--features 5000] [--check]

Not run by the tests and not a dependency of the package: scikit-learn and alt-profanity-check are
needed only here. See README.md next to this script for the source, the licence and the method.

What it does:
1. loads alt-profanity-check's TF-IDF vectorizer and its calibrated linear SVM (five LinearSVC
   folds, each with a sigmoid calibration p = 1 / (1 + exp(a·f + b)) of its decision value f);
2. folds each calibration into its fold's weights (w = -a·coef, bias = -(a·intercept + b)) and
   averages the five folds into one logistic model: p ≈ sigmoid(w · x + bias), where x is the
   l2-normalised TF-IDF vector of the text;
3. keeps the `--features` words with the largest |w| · idf (the words that move a post most), and
   chooses `unknown_idf`, the share of the vector's length the checker gives a word it does not
   know, as the value that best reproduces the original probabilities on the repository's posts;
4. writes the data file with a header naming the source, version, licence, training data and
   method, and the evidence rule (which strong words may be shown to the user as evidence);
5. with `--check`, compares the checker's reading of the file (conduct.rules.model, plain Python)
   with the original model on the English posts of the repository, and prints the agreement.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import yaml
from profanity_check import profanity_check as pc
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "conduct/rules/data/models/en_offensive.yaml"
VERSION = "1.9.1"
TOKEN = re.compile(r"\b\w\w+\b")

# Strongly weighted words that must never be shown as evidence of an insult on their own: names
# of groups and identities (the training data's abusive posts mention them, so the model learned
# them as offensive; a post that names a group is not offensive for that), and everyday words the
# model picked up by accident. They still count in the probability.
NOT_EVIDENCE = sorted(
    {
        # identities, groups, nationalities, religions, sexuality, politics
        "gay", "gays", "homosexual", "homosexuals", "homosexuality", "lesbian", "lesbians", "queer", "queers",
        "trans", "transgender", "bisexual", "jew", "jews", "jewish", "muslim", "muslims", "islam", "islamic",
        "christian", "christians", "catholic", "black", "blacks", "white", "whites", "african", "asian",
        "asians", "mexican", "mexicans", "arab", "arabs", "women", "woman", "girls", "girl", "men", "man",
        "immigrant", "immigrants", "feminist", "feminists", "liberal", "liberals", "conservative",
        "conservatives", "democrat", "democrats", "republican", "republicans", "negro", "negroes", "indian",
        "chinese", "refugee", "refugees", "nazi", "nazis", "racist", "racists",
        # body, sex education, health and family words with ordinary senses
        "sex", "sexual", "penis", "penises", "vagina", "anus", "anal", "semen", "naked", "mental", "mentally",
        "cancer", "mom", "mum", "mother", "aged", "obese", "skull", "mouth", "balls", "butt", "lick", "blow",
        "nuts", "nut", "hole", "fart", "sick", "kill", "die", "hell", "damn", "bloody", "hate", "shame",
        "misery", "graves", "slave", "rape", "naughty", "wrath", "prostitute", "masturbate", "masturbating",
        "porn", "ho", "hos", "screw", "suck", "sucks", "sucked", "sucking", "fat", "nerd", "nerds", "bully",
        "negativity", "ignorance", "badass", "freaking", "stink", "stinks", "smelly", "stinky", "shut",
        "shoot", "silly", "cruel", "horrible", "horrific", "dirty", "hates", "poop", "puke", "freaky",
        "rubbish", "ridiculous", "insane", "damned",
        # accidents of the training data (not offensive in themselves)
        "ck", "cking", "ing", "sh", "buzz", "clouds", "chambers", "participating", "drove", "expense", "vine",
        "outs", "commercials", "sends", "publicly", "spout", "nosed", "faced", "donkey", "goats", "dame",
        "youre", "bunch", "worm", "pig", "rat", "cow", "heil", "mutha", "nips", "meatpuppet",
    }
)
# Clearly insulting words the model weighs under EVIDENCE_MIN_WEIGHT (they are rarer in its
# training data), which may be evidence too.
ALSO_EVIDENCE = sorted(
    {
        "traitor", "liars", "hypocrites", "hypocritical", "deluded", "bigoted", "tard", "asswipe", "turd",
        "chump", "shill", "phony", "lousy", "commie", "facist", "fascists", "maniac", "pest", "twit", "slimy",
        "pompous", "illiterate", "twats", "cowardly", "fools", "tosser", "bollocks", "degenerate", "useless",
        "weirdo", "worthless", "incompetent", "incompetence", "nasty", "psycho", "clown", "clowns", "lame",
        "lying", "scumbags", "idiots", "dumb", "cretin", "cocks",
    }
)
# Evidence words that also describe things and ideas ("a stupid printer", "dumb but fun", "a lazy
# Sunday"): they insult only when said of a person, so a rule may take the model's words `alone`
# without them (see conduct/rules/model.py). Crude words (crap, shitty) offend whatever they describe.
DESCRIBES = sorted(
    {
        "stupid", "stupidity", "stupidly", "dumb", "dumbest", "idiotic", "idiocy", "moronic", "pathetic",
        "ignorant", "arrogant", "garbage", "ugly", "ugliest", "disgrace", "pretentious", "hypocrisy",
        "hypocritical", "disgusting", "spiteful", "foolish", "trashy", "inane", "filthy", "filth", "whiny",
        "corrupt", "brainwashed", "lazy", "fraud", "illiterate", "lousy", "lame", "cowardly", "useless",
        "incompetence", "incompetent", "phony", "bigoted", "deluded", "worthless", "pompous", "slimy",
        "nasty", "lying", "butthurt",
    }
)
EVIDENCE_MIN_WEIGHT = 4.0


def collapsed(model) -> tuple[np.ndarray, float, list]:
    """One logistic model from the five calibrated folds (and the folds, to compare)."""
    weights, biases, folds = [], [], []
    for fold in model.calibrated_classifiers_:
        svm, (cal,) = fold.estimator, fold.calibrators
        weights.append(-cal.a_ * svm.coef_[0])
        biases.append(-(cal.a_ * svm.intercept_[0] + cal.b_))
        folds.append((svm, cal))
    return np.mean(weights, axis=0), float(np.mean(biases)), folds


def header(n_features: int, n_vocab: int) -> str:
    return f"""\
# A small learned model of English offensive language, read by conduct/rules/model.py (plain Python).
# It never makes a finding on its own: a rule of offensive.yaml that names it (`model:`) must match
# words first; the model's probability for the words around the match then raises or lowers that
# rule's score, and the explanation says so, with the probability.
#
# Source: the PyPI package alt-profanity-check {VERSION} (https://github.com/dimitrismistriotis/alt-profanity-check),
# MIT licence, Copyright (c) 2018 Victor Zhou, 2021 Menelaos Kotoglou, and Dimitrios Mistriotis.
# Training data (as its README states): the tweets of Davidson et al. 2017, "Automated Hate Speech
# Detection and the Problem of Offensive Language" (github.com/t-davidson/hate-speech-and-offensive-language,
# MIT licence), and the Wikipedia comments of the Jigsaw/Kaggle Toxic Comment Classification Challenge.
# Only learned numbers (one weight and one idf per word) are copied here, no text of either data set.
# The stop words are scikit-learn's English list (BSD licence), which the vectorizer drops.
#
# Made by training/en_offensive/extract.py (see README.md there): the package's TF-IDF vectorizer
# (lower case, tokens of two or more word characters, English stop words removed, l2 norm) and its
# calibrated linear SVM (five folds with sigmoid calibration), folded into one logistic model:
#   p = 1 / (1 + exp(-(sum_t weight_t * x_t + intercept))),  x_t = count_t * idf_t / ||count * idf||.
# Kept: the {n_features} words of {n_vocab} with the largest |weight| * idf. A word of the text that is
# not kept and not a stop word counts in the vector's length with `unknown_idf` and adds no weight
# (unknown_idf is the value that best reproduces the original model's probabilities on the
# repository's English posts).
# `evidence`: the words a rule may show as evidence of offence: weight >= min_weight, except the
# `exclude` list (names of groups and identities, everyday words: they still count in p), plus the
# `include` list (clearly insulting words the model weighs less because they are rarer).
# `describes`: evidence words that also describe things ("a stupid printer"): a rule that takes
# the model's words `alone` (with no person nearby) leaves them out.
"""


def _probabilities(texts: list[str], features: dict, bias: float, unknown_idf: float) -> np.ndarray:
    """The formula conduct/rules/model.py computes, in numpy-free Python (for fitting unknown_idf)."""
    out = []
    for text in texts:
        counts = Counter(t for t in TOKEN.findall(text.lower()) if t not in ENGLISH_STOP_WORDS)
        dot = norm = 0.0
        for t, n in counts.items():
            wi = features.get(t)
            x = n * (wi[1] if wi else unknown_idf)
            norm += x * x
            dot += x * wi[0] if wi else 0.0
        out.append(1 / (1 + math.exp(-(bias + (dot / math.sqrt(norm) if norm else 0.0)))))
    return np.array(out)


def build(n_features: int) -> dict:
    vec, model = pc.vectorizer, pc.model
    assert vec.ngram_range == (1, 1) and vec.lowercase and vec.norm == "l2" and not vec.sublinear_tf
    assert vec.token_pattern == r"(?u)\b\w\w+\b" and vec.stop_words == "english"
    terms = vec.get_feature_names_out()
    idf = vec.idf_
    w, bias, _ = collapsed(model)
    order = np.argsort(-np.abs(w) * idf)
    keep = sorted(order[:n_features], key=lambda i: -w[i])
    features = {str(terms[i]): (round(float(w[i]), 3), round(float(idf[i]), 3)) for i in keep}
    texts = english_posts()
    original = pc.predict_prob(texts)
    grid = [x / 4 for x in range(8, 41)]  # 2.0 … 10.0
    unknown_idf = min(grid, key=lambda u: np.mean(np.abs(_probabilities(texts, features, bias, u) - original)))
    strong = [t for t, (wt, _) in features.items() if wt >= EVIDENCE_MIN_WEIGHT]
    weaker = [t for t, (wt, _) in features.items() if 0 < wt < EVIDENCE_MIN_WEIGHT]
    return {
        "schema_version": 1,
        "model": "en_offensive",
        "lang": "en",
        "source": {
            "package": "alt-profanity-check",
            "version": VERSION,
            "licence": "MIT",
            "url": "https://github.com/dimitrismistriotis/alt-profanity-check",
            "training_data": "Davidson et al. 2017 tweets (MIT); Jigsaw/Kaggle Toxic Comment Classification "
            "Challenge comments",
            "method": "training/en_offensive/extract.py: five calibrated LinearSVC folds averaged into one "
            "logistic model, strongest words kept",
        },
        "intercept": round(bias, 4),
        "unknown_idf": unknown_idf,
        "stop_words": sorted(ENGLISH_STOP_WORDS),
        "evidence": {
            "min_weight": EVIDENCE_MIN_WEIGHT,
            "exclude": [t for t in NOT_EVIDENCE if t in strong],
            "include": [t for t in ALSO_EVIDENCE if t in weaker],
            "describes": DESCRIBES,
        },
        "features": features,
    }


def dump(data: dict, n_vocab: int) -> str:
    """YAML; the features as one block of `word weight idf` lines (fast to read, readable diffs)."""
    head = {k: v for k, v in data.items() if k != "features"}
    text = header(len(data["features"]), n_vocab)
    text += yaml.safe_dump(head, sort_keys=False, allow_unicode=True, width=110, default_flow_style=None)
    text += "features: |  # word weight idf, strongest offensive weight first\n"
    for t, (wt, i) in data["features"].items():
        text += f"  {t} {wt} {i}\n"
    return text


def english_posts() -> list[str]:
    """The repository's English posts (the sample bank and the realistic post sets)."""
    texts = []
    for f in sorted((ROOT / "conduct/bank/data").glob("*_en.yaml")) + sorted(
        (ROOT / "tests/rules/data").glob("realistic_posts*.yaml")
    ):
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        for p in data.get("posts", []):
            if isinstance(p, dict) and p.get("lang", "en") == "en" and isinstance(p.get("text"), str):
                texts.append(p["text"])
    return texts


def check() -> None:
    """Compare the plain-Python reading of the written file with the original model."""
    sys.path.insert(0, str(ROOT))
    from conduct.rules.model import load_model  # noqa: PLC0415 (needs the file just written)

    texts = english_posts()
    ours = np.array([load_model("en_offensive").probability(t.lower()) for t in texts])
    theirs = pc.predict_prob(texts)
    agree = np.mean((ours >= 0.5) == (theirs >= 0.5))
    print(f"{len(texts)} English posts: mean |p - p_original| {np.mean(np.abs(ours - theirs)):.3f}, "
          f"max {np.max(np.abs(ours - theirs)):.3f}, same side of 0.5: {agree:.1%}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--features", type=int, default=5000, help="words to keep (largest |weight| * idf)")
    ap.add_argument("--check", action="store_true", help="compare the written file with the original model")
    args = ap.parse_args()
    data = build(args.features)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(dump(data, len(pc.vectorizer.vocabulary_)), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(data['features'])} words, {OUT.stat().st_size:,} bytes")
    if args.check:
        check()


if __name__ == "__main__":
    main()
