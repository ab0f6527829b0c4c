"""The realistic post sets (tests/rules/data/realistic_posts*.yaml) with their derived variants.

Each file is one batch, written fresh at one time by one person; a later batch is written before
the rules are tuned on it, so its held half measures how the rules carry over to new posts.

Each hand-written post yields itself plus one variant as people type it: without diacritics,
in teencode, decomposed (NFD), with zero-width characters inside words, or with emoji. The kind
rotates through the file, so every kind is represented in both languages and both halves; a kind
that would not change the text (e.g. folding a post typed without diacritics) moves on to the
next. A flagged post in disguise (any kind but emoji) counts as a trap post. A variant keeps its post's gold answer and half: "dev" posts (even positions) may be
studied when improving the rules, "held" posts (odd positions) are only measured.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from conduct.text.normalize import fold

FILES = sorted(Path(__file__).with_name("data").glob("realistic_posts*.yaml"))
KEYS = {"id", "lang", "role", "verdict", "concerns", "trap", "text"}
VI_KINDS = ("no_diacritics", "teencode", "no_diacritics", "nfd", "zero_width", "no_diacritics", "emoji")
EN_KINDS = ("zero_width", "emoji", "chat")
EMOJI = ("😂", "🙏", "🔥", "😅", "👉", "❤️", "😡", "🤔")
VI_TEEN = {"không": "ko", "được": "dc", "gì": "j", "mọi người": "mn", "với": "vs", "rồi": "r", "biết": "bik",
           "vậy": "z", "thôi": "thui", "anh em": "ae", "bạn": "bn", "quá": "wa", "người": "ng", "nhé": "nha"}
DISGUISES = ("no_diacritics", "teencode", "nfd", "zero_width", "chat")  # a flagged post in these is a trap too
EN_CHAT = {"you": "u", "your": "ur", "are": "r", "people": "ppl", "because": "cuz", "please": "pls",
           "okay": "ok", "for": "4", "to": "2"}


@dataclass(frozen=True)
class Post:
    id: str
    base: str
    lang: str
    role: str
    verdict: str
    concerns: tuple[str, ...]
    trap: bool
    half: str
    variant: str
    text: str
    batch: str = "realistic_posts"  # the file it comes from


def _words(table: dict[str, str], text: str) -> str:
    pattern = re.compile(r"(?<!\w)(" + "|".join(sorted(map(re.escape, table), key=len, reverse=True)) + r")(?!\w)",
                         re.IGNORECASE)
    return pattern.sub(lambda m: table[m.group().lower()], text)


def _zero_width(text: str) -> str:
    words = text.split(" ")
    return " ".join(w[:2] + "\u200b" + w[2:] if i % 2 == 0 and len(w) >= 4 else w for i, w in enumerate(words))


def _emoji(text: str, i: int) -> str:
    a, b = EMOJI[i % len(EMOJI)], EMOJI[(i + 3) % len(EMOJI)]
    head, sep, tail = text.partition(", ")
    return f"{head} {a}{sep}{tail} {b}" if sep else f"{text} {a}{b}"


def variant(kind: str, text: str, i: int) -> str:
    if kind == "no_diacritics":
        return fold(text)
    if kind == "teencode":
        return _words(VI_TEEN, text)
    if kind == "chat":
        return _words(EN_CHAT, text)
    if kind == "nfd":
        return unicodedata.normalize("NFD", text)
    if kind == "zero_width":
        return _zero_width(text)
    return _emoji(text, i)


def load() -> list[Post]:
    """Every batch's posts and variants; ids are unique across the batches."""
    out: list[Post] = []
    for file in FILES:
        out.extend(_load_batch(file))
    ids = [p.id for p in out]
    assert len(ids) == len(set(ids)), sorted(i for i in set(ids) if ids.count(i) > 1)
    return out


def _load_batch(file: Path) -> list[Post]:
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    assert data["schema_version"] == 1, file
    out: list[Post] = []
    counters = {"vi": 0, "en": 0}
    for i, raw in enumerate(data["posts"]):
        unknown = set(raw) - KEYS
        assert not unknown, f"{file.name} {raw.get('id')}: unknown keys {unknown}"
        lang = raw["lang"]
        half = "dev" if i % 2 == 0 else "held"
        concerns = tuple(raw.get("concerns") or ())
        common = dict(base=raw["id"], lang=lang, role=raw.get("role", "individual"), verdict=raw["verdict"],
                      concerns=concerns, trap=bool(raw.get("trap", False)), half=half,
                      batch=file.stem)
        out.append(Post(id=raw["id"], variant="typed", text=raw["text"], **common))
        kinds = VI_KINDS if lang == "vi" else EN_KINDS
        for k in range(len(kinds)):
            kind = kinds[(counters[lang] + k) % len(kinds)]
            text = variant(kind, raw["text"], i)
            if text != raw["text"]:
                disguised = kind in DISGUISES and common["verdict"] != "ok"
                out.append(Post(id=f"{raw['id']}-{kind}", variant=kind, text=text,
                                **{**common, "trap": common["trap"] or disguised}))
                break
        counters[lang] += 1
    return out
