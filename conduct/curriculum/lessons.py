"""Lessons as data: the schema, the loader that validates it, and the track registry.

A lesson is one YAML file holding BOTH languages, so the Vietnamese and English editions are
generated from one source and cannot drift apart in structure, exercises or post ids. The builder
(`python -m conduct.curriculum.build`) turns every lesson of every track into
`notebooks/<lang>/<out>/NN-Title.ipynb`. Any developer can add a track (the school program does)
by registering it in `TRACKS` and writing lesson files in this format.

Lesson file schema (`schema_version: 1`; every `{vi, en}` pair must have both languages, NFC):

    schema_version: 1
    number: "03"                    # two digits, unique in the track; sets order and file name
    title: {vi: "...", en: "..."}   # the notebook's heading
    slug: {vi: "To-chuc-ca-nhan", en: "Organizations-Individuals"}   # optional: file-name title,
                                    # ASCII letters, digits and dashes; derived from title if absent
    audience: adults                # adults | minors_11_14 | minors_15_18
    minutes: 25                     # estimated time, shown in the header
    articles: [4]                   # the articles the lesson teaches (may be empty, e.g. lesson 00)
    parts:                          # the lesson body, in order; every part has a `kind`
      - kind: question              # the essential question
        text: {vi, en}
      - kind: terms                 # key terms
        items: [{term: {vi, en}, meaning: {vi, en}}]
      - kind: clauses               # the clauses, text rendered from conduct.code at build time
        clauses: ["4(1)", "4(2)"]   # or `articles: [4]` for every clause of those articles
        intro: {vi, en}             # optional
        notes: {"4(5)": {vi, en}}   # optional: a plain-language example per clause
      - kind: text                  # free teaching text (markdown)
        title: {vi, en}             # optional
        body: {vi, en}
      - kind: scenario              # a dilemma from working life
        title: {vi, en}
        body: {vi, en}
        questions: [{vi, en}]       # prompts to think about
        discussion: {vi, en}        # optional: shown folded, "what the Code says"
      - kind: exercise              # classify bank posts (conduct.widgets.classifier)
        id: c03-posts               # globally unique across tracks; also the progress key
        posts: [post-id, ...]       # ids from conduct.bank, the same in both editions
        intro: {vi, en}             # optional
      - kind: quiz                  # conduct.widgets.quiz
        id: c03-quiz                # globally unique across tracks
        items:
          - id: q1
            question: {vi, en}
            options: [{text: {vi, en}, correct: true|false, feedback: {vi, en}}]
            clauses: ["4(4)"]       # optional: what the item tests (progress by article);
                                    # default: the clauses its question and right answer cite
      - kind: widget                # a widget without lesson data
        name: role_explorer         # role_explorer | progress_panel | post_checker
        intro: {vi, en}             # optional
      - kind: laws                  # related laws, rendered from conduct.code.laws()
        laws: [decree-15-2020-art-101]   # optional, default all
        intro: {vi, en}             # optional
      - kind: debate                # the rights debate, rendered from conduct.code.debate()
        intro: {vi, en}             # optional
      - kind: contents              # the track's table of contents (links to every lesson)
        intro: {vi, en}             # optional
      - kind: family                # a take-home sheet (school track)
        title: {vi, en}
        intro: {vi, en}             # optional
        points: [{vi, en}]
      - kind: summary               # the take-away
        points: [{vi, en}]

Inside any text, `[[4(5)]]` cites a clause: the builder writes "Điều 4 khoản 5" / "Art. 4(5)"
(`[[9]]` cites a whole article), checks the clause exists, and a vi text must cite the same clauses
as its en twin. Every notebook gets a generated header, navigation and a link to the other edition.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from conduct.datafiles import PACKAGE_ROOT, DataError, bilingual, files, load, require, require_choice
from conduct.vocab import AUDIENCES, LANGS

WIDGETS = ("role_explorer", "progress_panel", "post_checker")
CITE = re.compile(r"\[\[(\d+)(?:\((\d+)\))?\]\]")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]*$")
_NUMBER = re.compile(r"^\d\d$")


@dataclass(frozen=True)
class Track:
    """A series of lessons: where its data lives and where its notebooks go (under notebooks/<lang>/)."""

    name: str
    data: str  # folder relative to the conduct package
    out: str  # folder relative to notebooks/<lang>/ ("" for the course itself)
    id_prefix: str  # every exercise and quiz id in the track starts with it


# The registry of tracks, in build order. The school track is written by developer SCHOOL.
TRACKS: tuple[Track, ...] = (
    Track("course", "curriculum/data/lessons", "", "c"),
    Track("school", "school/data/lessons", "school", "s"),
)


@dataclass(frozen=True)
class Part:
    """One piece of a lesson; `data` holds the validated fields for its kind (see module docstring)."""

    kind: str
    data: Mapping[str, Any]

    @property
    def id(self) -> str | None:
        return self.data.get("id")


@dataclass(frozen=True)
class Lesson:
    track: str
    number: str
    title: dict[str, str]
    slug: dict[str, str]
    audience: str
    minutes: int
    articles: tuple[int, ...]
    parts: tuple[Part, ...]
    file: str

    def filename(self, lang: str) -> str:
        return f"{self.number}-{self.slug[lang]}.ipynb"

    def parts_of(self, kind: str) -> list[Part]:
        return [p for p in self.parts if p.kind == kind]


def slugify(title: str) -> str:
    """An ASCII Title-Case-With-Dashes file name from a title in either language."""
    plain = unicodedata.normalize("NFD", title.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    words = re.findall(r"[A-Za-z0-9]+", plain)
    return "-".join(w[:1].upper() + w[1:] for w in words)


# --- validation of each part kind -------------------------------------------------------------


def _opt_bi(file: str, m: dict, key: str, where: str) -> dict[str, str] | None:
    return bilingual(file, m, key, where) if key in m else None


def _bi_list(file: str, m: dict, key: str, where: str) -> list[dict[str, str]]:
    items = require(file, m, key, list, where)
    if not items:
        raise DataError(file, f"{where}.{key}", "empty list", "add at least one entry")
    return [bilingual(file, {"x": it}, "x", f"{where}.{key}[{i}]") for i, it in enumerate(items)]


def _clause_ids(file: str, m: dict, key: str, where: str) -> list[str]:
    ids = require(file, m, key, list, where)
    for i, cid in enumerate(ids):
        if not isinstance(cid, str) or not re.fullmatch(r"\d+\(\d+\)", cid):
            raise DataError(file, f"{where}.{key}[{i}]", f"bad clause id {cid!r}", 'write it like "4(5)" (quoted)')
    return ids


def _clause_order(cid: str) -> tuple[int, int]:
    a, n = cid.rstrip(")").split("(")
    return int(a), int(n)


def _v_question(file, m, where):
    return {"text": bilingual(file, m, "text", where)}


def _v_terms(file, m, where):
    items = require(file, m, "items", list, where)
    if not items:
        raise DataError(file, f"{where}.items", "no terms", "add at least one term")
    return {
        "items": [
            {
                "term": bilingual(file, it, "term", f"{where}.items[{i}]"),
                "meaning": bilingual(file, it, "meaning", f"{where}.items[{i}]"),
            }
            for i, it in enumerate(items)
        ]
    }


def _v_clauses(file, m, where):
    out: dict[str, Any] = {"intro": _opt_bi(file, m, "intro", where)}
    if "clauses" in m:
        out["clauses"] = _clause_ids(file, m, "clauses", where)
    elif "articles" in m:
        arts = require(file, m, "articles", list, where)
        if not all(isinstance(a, int) for a in arts):
            raise DataError(file, f"{where}.articles", "article numbers must be integers", "write e.g. [4]")
        out["articles"] = arts
    else:
        raise DataError(
            file, where, "neither `clauses` nor `articles`", 'add `clauses: ["4(1)", ...]` or `articles: [4]`'
        )
    notes = m.get("notes") or {}
    if not isinstance(notes, dict):
        raise DataError(
            file, f"{where}.notes", "expected a mapping clause id -> {vi, en}", 'write `"4(5)": {vi: ..., en: ...}`'
        )
    out["notes"] = {cid: bilingual(file, notes, cid, f"{where}.notes") for cid in notes}
    return out


def _v_text(file, m, where):
    return {"title": _opt_bi(file, m, "title", where), "body": bilingual(file, m, "body", where)}


def _v_scenario(file, m, where):
    return {
        "title": bilingual(file, m, "title", where),
        "body": bilingual(file, m, "body", where),
        "questions": _bi_list(file, m, "questions", where),
        "discussion": _opt_bi(file, m, "discussion", where),
    }


def _part_id(file, m, where):
    pid = require(file, m, "id", str, where)
    if not _ID.match(pid):
        raise DataError(file, f"{where}.id", f"bad id {pid!r}", "use lower-case letters, digits and dashes")
    return pid


def _v_exercise(file, m, where):
    posts = require(file, m, "posts", list, where)
    if not posts or not all(isinstance(p, str) for p in posts):
        raise DataError(file, f"{where}.posts", "expected a list of post ids", "list ids from conduct/bank/data/")
    if len(set(posts)) != len(posts):
        raise DataError(file, f"{where}.posts", "a post id is listed twice", "remove the duplicate")
    return {"id": _part_id(file, m, where), "posts": list(posts), "intro": _opt_bi(file, m, "intro", where)}


def _v_quiz(file, m, where):
    items = require(file, m, "items", list, where)
    if not items:
        raise DataError(file, f"{where}.items", "no questions", "add at least one item")
    out, seen = [], set()
    for i, it in enumerate(items):
        w = f"{where}.items[{i}]"
        qid = require(file, it, "id", str, w)
        if qid in seen:
            raise DataError(file, f"{w}.id", f"duplicate question id {qid!r}", "give each question its own id")
        seen.add(qid)
        opts = require(file, it, "options", list, w)
        if len(opts) < 2:
            raise DataError(file, f"{w}.options", "fewer than two options", "add options")
        options = []
        for j, o in enumerate(opts):
            ow = f"{w}.options[{j}]"
            options.append(
                {
                    "text": bilingual(file, o, "text", ow),
                    "correct": require(file, o, "correct", bool, ow),
                    "feedback": bilingual(file, o, "feedback", ow),
                }
            )
        if not any(o["correct"] for o in options):
            raise DataError(file, f"{w}.options", "no option is marked correct", "set `correct: true` on one")
        question = bilingual(file, it, "question", w)
        if "clauses" in it:
            clauses = _clause_ids(file, it, "clauses", w)
        else:  # the clauses the item cites count its answer towards their articles in the progress chart
            texts = [question["en"]] + [o[k]["en"] for o in options if o["correct"] for k in ("text", "feedback")]
            clauses = sorted({c for x in texts for c in cited(x) if "(" in c}, key=_clause_order)
        out.append({"id": qid, "question": question, "options": options, "clauses": clauses})
    return {"id": _part_id(file, m, where), "items": out, "intro": _opt_bi(file, m, "intro", where)}


def _v_widget(file, m, where):
    return {
        "name": require_choice(file, m.get("name"), WIDGETS, f"{where}.name"),
        "intro": _opt_bi(file, m, "intro", where),
    }


def _v_laws(file, m, where):
    laws = m.get("laws")
    if laws is not None and not (isinstance(laws, list) and all(isinstance(x, str) for x in laws)):
        raise DataError(file, f"{where}.laws", "expected a list of law ids", "see conduct.code.laws()")
    return {"laws": laws, "intro": _opt_bi(file, m, "intro", where)}


def _v_intro_only(file, m, where):
    return {"intro": _opt_bi(file, m, "intro", where)}


def _v_family(file, m, where):
    return {
        "title": bilingual(file, m, "title", where),
        "intro": _opt_bi(file, m, "intro", where),
        "points": _bi_list(file, m, "points", where),
    }


def _v_summary(file, m, where):
    return {"points": _bi_list(file, m, "points", where)}


KINDS = {
    "question": _v_question,
    "terms": _v_terms,
    "clauses": _v_clauses,
    "text": _v_text,
    "scenario": _v_scenario,
    "exercise": _v_exercise,
    "quiz": _v_quiz,
    "widget": _v_widget,
    "laws": _v_laws,
    "debate": _v_intro_only,
    "contents": _v_intro_only,
    "family": _v_family,
    "summary": _v_summary,
}


# --- loading ----------------------------------------------------------------------------------


def cited(text: str) -> list[str]:
    """The clause ids cited in a text with [[A(N)]] (whole articles as "A")."""
    return [f"{a}({n})" if n else a for a, n in CITE.findall(text)]


def _texts(value: Any):
    if isinstance(value, dict):
        if set(value) == set(LANGS) and all(isinstance(v, str) for v in value.values()):
            yield value
        else:
            for v in value.values():
                yield from _texts(v)
    elif isinstance(value, list):
        for v in value:
            yield from _texts(v)


def parse_lesson(file: str, data: Any, track: Track) -> Lesson:
    """Validate one lesson file's content; raise DataError naming the key and the fix."""
    if require(file, data, "schema_version", int) != 1:
        raise DataError(file, "schema_version", "unsupported version", "use `schema_version: 1`")
    number = require(file, data, "number", str)
    if not _NUMBER.match(number):
        raise DataError(file, "number", f"bad lesson number {number!r}", 'use two digits in quotes, e.g. "03"')
    title = bilingual(file, data, "title")
    slug = dict(data["slug"]) if "slug" in data else {lang: slugify(title[lang]) for lang in LANGS}
    if "slug" in data:
        bilingual(file, data, "slug")
    for lang in LANGS:
        if not _SLUG.match(slug.get(lang, "")):
            raise DataError(
                file, f"slug.{lang}", f"bad file-name title {slug.get(lang)!r}", "use ASCII letters, digits, dashes"
            )
    audience = require_choice(file, data.get("audience"), AUDIENCES, "audience")
    minutes = require(file, data, "minutes", int)
    articles = require(file, data, "articles", list)
    raw_parts = require(file, data, "parts", list)
    parts = []
    for i, raw in enumerate(raw_parts):
        where = f"parts[{i}]"
        kind = require_choice(file, require(file, raw, "kind", str, where), KINDS, f"{where}.kind")
        part = Part(kind, KINDS[kind](file, raw, where))
        if part.id and not part.id.startswith(track.id_prefix):
            raise DataError(
                file,
                f"{where}.id",
                f"id {part.id!r} lacks the track prefix {track.id_prefix!r}",
                f"start it with {track.id_prefix!r}, e.g. {track.id_prefix}{number}-posts",
            )
        parts.append(part)
    for pair in _texts([p.data for p in parts]):
        if sorted(cited(pair["vi"])) != sorted(cited(pair["en"])):
            raise DataError(
                file,
                "parts",
                f"vi and en cite different clauses: {pair['en'][:60]!r}",
                "cite the same [[A(N)]] in both languages",
            )
    return Lesson(track.name, number, title, slug, audience, minutes, tuple(articles), tuple(parts), file)


def load_track(track: Track | str) -> tuple[Lesson, ...]:
    """Every lesson of a track, in number order; a track whose folder does not exist yet is empty."""
    if isinstance(track, str):
        track = get_track(track)
    if not (PACKAGE_ROOT / track.data).is_dir():
        return ()
    lessons = [parse_lesson(f, load(f), track) for f in files(track.data)]
    lessons.sort(key=lambda lesson: lesson.number)
    for a, b in zip(lessons, lessons[1:], strict=False):
        if a.number == b.number:
            raise DataError(b.file, "number", f"lesson number {b.number} also used by {a.file}", "renumber one")
    return tuple(lessons)


def get_track(name: str) -> Track:
    for t in TRACKS:
        if t.name == name:
            return t
    raise KeyError(f"no track {name!r}: known tracks are {', '.join(t.name for t in TRACKS)}")


def all_lessons() -> tuple[Lesson, ...]:
    """The lessons of every registered track; exercise and quiz ids must be unique across them."""
    out = tuple(lesson for t in TRACKS for lesson in load_track(t))
    seen: dict[str, str] = {}
    for lesson in out:
        for part in lesson.parts:
            if part.id:
                if part.id in seen:
                    raise DataError(lesson.file, part.id, f"id also used in {seen[part.id]}", "make ids unique")
                seen[part.id] = lesson.file
    return out


def find_part(part_id: str, kind: str) -> Part:
    """The exercise or quiz with this id, from any track."""
    for lesson in all_lessons():
        for part in lesson.parts:
            if part.id == part_id and part.kind == kind:
                return part
    raise KeyError(
        f"no {kind} with id {part_id!r} in the lesson data: check conduct/curriculum/data/lessons/ "
        "and rebuild the notebooks with `python -m conduct.curriculum.build`"
    )
