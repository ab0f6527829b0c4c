"""The app's homes as data: which lessons are a home's modules, and the files of its pages.

One home per track and age band (the course for adults; each school band), read from
`app/data/homes.yaml` and validated on load: an unknown key, track, audience or a missing
language is an error naming the file and the fix, so a typo cannot ship a broken home page.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from conduct.curriculum.lessons import AUDIENCES, LANGS, Lesson, get_track, load_track
from conduct.datafiles import DataError, bilingual, load, require, require_choice

FILE = "app/data/homes.yaml"
PAGES = ("home", "final", "certificate")
KEYS = {"id", "track", "audience", "title", "final_test", *PAGES}
_FILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]*\.ipynb$")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Home:
    """A home page with its modules, final test and certificate (see homes.yaml)."""

    id: str
    track: str
    audience: str
    title: dict[str, str]
    files: dict[str, dict[str, str]]  # page kind -> lang -> file name
    final_test: str

    @property
    def out(self) -> str:
        """The folder of the track's notebooks under notebooks/<lang>/ ("" for the course)."""
        return get_track(self.track).out


def _parse(i: int, raw: object) -> Home:
    where = f"homes[{i}]"
    if not isinstance(raw, dict):
        raise DataError(FILE, where, "expected a mapping", "see the schema at the top of the file")
    unknown = sorted(set(raw) - KEYS)
    if unknown:
        raise DataError(FILE, f"{where}.{unknown[0]}", "unknown key", "use only: " + ", ".join(sorted(KEYS)))
    hid = require(FILE, raw, "id", str, where)
    if not _ID.match(hid):
        raise DataError(FILE, f"{where}.id", f"bad id {hid!r}", "use lower-case letters, digits and dashes")
    track = require(FILE, raw, "track", str, where)
    try:
        get_track(track)
    except KeyError as exc:
        raise DataError(
            FILE, f"{where}.track", str(exc).strip('"'), "name a track of conduct.curriculum.lessons"
        ) from None
    audience = require_choice(FILE, raw.get("audience"), AUDIENCES, f"{where}.audience")
    files = {}
    for page in PAGES:
        names = bilingual(FILE, raw, page, where)
        for lang, name in names.items():
            if not _FILE_NAME.match(name):
                raise DataError(
                    FILE, f"{where}.{page}.{lang}", f"bad file name {name!r}", "ASCII letters, digits, dashes, .ipynb"
                )
        files[page] = names
    final = require(FILE, raw, "final_test", str, where)
    return Home(hid, track, audience, bilingual(FILE, raw, "title", where), files, final)


@functools.cache
def homes() -> tuple[Home, ...]:
    """Every home, in the file's order (the course first)."""
    data = load(FILE)
    if require(FILE, data, "schema_version", int) != 1:
        raise DataError(FILE, "schema_version", "unsupported version", "use `schema_version: 1`")
    unknown = sorted(set(data) - {"schema_version", "homes"})
    if unknown:
        raise DataError(FILE, unknown[0], "unknown key", "use only schema_version and homes")
    out = tuple(_parse(i, raw) for i, raw in enumerate(require(FILE, data, "homes", list)))
    ids = [h.id for h in out]
    if len(set(ids)) != len(ids):
        raise DataError(FILE, "homes", "a home id is used twice", "give each home its own id")
    return out


def get_home(home_id: str) -> Home:
    for h in homes():
        if h.id == home_id:
            return h
    raise KeyError(f"no home {home_id!r}: known homes are {', '.join(h.id for h in homes())}")


def modules(home: Home) -> tuple[Lesson, ...]:
    """The lessons a home shows as module cards, in order: the track's lessons for its audience.

    A track's "00" start page belongs to a band only when it is that band's home (the course):
    the school's shared start page leads to both band homes instead.
    """
    lessons = load_track(home.track)
    return tuple(
        lesson
        for lesson in lessons
        if lesson.audience == home.audience
        and (lesson.number != "00" or lesson.filename("vi") == home.files["home"]["vi"])
    )


def home_of(lesson: Lesson) -> Home | None:
    """The home whose module this lesson is (None for a start page shared by several homes)."""
    for h in homes():
        if h.track == lesson.track and lesson in modules(h):
            return h
    return None


def lesson_path(lesson: Lesson, lang: str) -> str:
    """A lesson's page relative to notebooks/, e.g. "vi/school/01-Thong-Tin-Ca-Nhan-11-14.ipynb"."""
    return str(PurePosixPath(lang, get_track(lesson.track).out, lesson.filename(lang)))


def page_path(home: Home, page: str, lang: str) -> str:
    """A home's page ("home", "final" or "certificate") relative to notebooks/."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}")
    return str(PurePosixPath(lang, home.out, home.files[page][lang]))
