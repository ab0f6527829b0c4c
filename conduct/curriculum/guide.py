"""The instructor's guide for the adult track: `python -m conduct.curriculum.guide --out DIR`.

The guide data (conduct/curriculum/data/guide.yaml) holds only what an instructor needs on top of
the lessons: timing, how to run each session, how to run the debate neutrally, how graded work is
handled. Objectives, dilemma discussions, the exercise answer key and the quiz answers are read from
the lesson files and the bank's gold answers, so the guide can never disagree with what learners see.
Output: DIR/<lang>/instructor-guide.md (Markdown, readable in JupyterLab or any editor).
"""

from __future__ import annotations

import argparse
import functools
import sys
from dataclasses import dataclass
from pathlib import Path

from conduct.bank import post
from conduct.code import cite
from conduct.curriculum.cite import expand
from conduct.curriculum.lessons import LANGS, Lesson, load_track
from conduct.datafiles import DataError, bilingual, bilingual_list, load_versioned, require
from conduct.i18n import t

FILE = "curriculum/data/guide.yaml"
OBJECTIVES_TITLE = "Learning objectives"  # the English title of the lesson part that holds them


@dataclass(frozen=True)
class Step:
    minutes: int
    activity: dict[str, str]


@dataclass(frozen=True)
class LessonGuide:
    number: str
    timing: tuple[Step, ...]
    run: tuple[dict[str, str], ...]

    @property
    def minutes(self) -> int:
        return sum(s.minutes for s in self.timing)


@functools.lru_cache(maxsize=1)
def _data() -> dict:
    return load_versioned(FILE)


def common(key: str) -> tuple[dict[str, str], ...]:
    """A part every session shares: prepare, grading or debate."""
    return bilingual_list(FILE, require(FILE, _data(), "common", dict), key, "common")


def lesson_guide(number: str) -> LessonGuide:
    """The guide entry of adult lesson `number`, validated."""
    per_lesson = require(FILE, _data(), "lessons", dict)
    if number not in per_lesson:
        raise DataError(FILE, f"lessons.{number}", "no guide for this lesson", f'add `"{number}":` with timing and run')
    entry, where = per_lesson[number], f"lessons.{number}"
    steps = []
    for i, row in enumerate(require(FILE, entry, "timing", list, where)):
        w = f"{where}.timing[{i}]"
        minutes = require(FILE, row, "minutes", int, w)
        if minutes < 1:
            raise DataError(FILE, f"{w}.minutes", "must be at least 1", "give the minutes as a positive number")
        steps.append(Step(minutes, bilingual(FILE, row, "activity", w)))
    return LessonGuide(number, tuple(steps), bilingual_list(FILE, entry, "run", where))


def objectives(lesson: Lesson, lang: str) -> str:
    """The lesson's own learning objectives (its first text part titled "Learning objectives")."""
    for part in lesson.parts_of("text"):
        title = part.data["title"]
        if title and title["en"] == OBJECTIVES_TITLE:
            return expand(part.data["body"][lang], lang).strip()
    raise DataError(lesson.file, "parts", "no learning objectives", f'add a text part titled "{OBJECTIVES_TITLE}"')


def _answer_key(lesson: Lesson, lang: str) -> list[str]:
    rows = []
    for part in lesson.parts_of("exercise"):
        for pid in part.data["posts"]:
            p = post(pid)
            clauses = ", ".join(cite(c, lang) for c in p.clauses) or "–"
            rows.append(f"- `{pid}` **{t(f'checker.verdict.{p.verdict}', lang)}** ({clauses}): {p.explanation[lang]}")
    return rows


def _quiz_key(lesson: Lesson, lang: str) -> list[str]:
    rows = []
    for part in lesson.parts_of("quiz"):
        for item in part.data["items"]:
            right = [o for o in item["options"] if o["correct"]]
            answers = "; ".join(f"{expand(o['text'][lang], lang)} ({expand(o['feedback'][lang], lang)})" for o in right)
            rows.append(f"- {expand(item['question'][lang], lang)}\n  → {answers}")
    return rows


def lesson_section(lesson: Lesson, lang: str) -> str:
    """Everything an instructor needs for one lesson, in `lang`."""
    g = lesson_guide(lesson.number)
    out = [
        f"## {lesson.number} · {lesson.title[lang]}",
        t("curriculum.guide.minutes", lang, minutes=lesson.minutes),
        f"### {t('curriculum.guide.objectives', lang)}",
        objectives(lesson, lang),
        f"### {t('curriculum.guide.timing', lang)}",
        "\n".join(f"- {s.minutes}′: {s.activity[lang]}" for s in g.timing),
        f"### {t('curriculum.guide.run', lang)}",
        "\n".join(f"- {expand(r[lang], lang)}" for r in g.run),
    ]
    for sc in lesson.parts_of("scenario"):
        if sc.data["discussion"]:
            out += [
                f"### {t('curriculum.guide.discussion', lang, title=expand(sc.data['title'][lang], lang))}",
                expand(sc.data["discussion"][lang], lang),
            ]
    key = _answer_key(lesson, lang)
    if key:
        out += [f"### {t('curriculum.guide.answers', lang)}", "\n".join(key)]
    quiz = _quiz_key(lesson, lang)
    if quiz:
        out += [f"### {t('curriculum.guide.quiz_answers', lang)}", "\n".join(quiz)]
    return "\n\n".join(out)


def guide_text(lang: str) -> str:
    """The whole instructor's guide for the adult track in `lang`."""
    lessons = load_track("course")
    bullets = lambda items: "\n".join(f"- {expand(x[lang], lang)}" for x in items)  # noqa: E731
    parts = [
        f"# {t('curriculum.guide.title', lang)}",
        t("curriculum.guide.intro", lang, minutes=sum(lesson.minutes for lesson in lessons)),
        f"## {t('curriculum.guide.prepare', lang)}",
        bullets(common("prepare")),
        f"## {t('curriculum.guide.grading', lang)}",
        bullets(common("grading")),
        f"## {t('curriculum.guide.debate', lang)}",
        bullets(common("debate")),
    ]
    parts += [lesson_section(lesson, lang) for lesson in lessons]
    return "\n\n".join(parts) + "\n"


def write_guides(out: Path, langs: tuple[str, ...] = LANGS) -> list[Path]:
    """Write DIR/<lang>/instructor-guide.md for every language; return the files written."""
    pages = {Path(lang, "instructor-guide.md"): guide_text(lang) for lang in langs}  # render all first
    written = []
    for rel, text in pages.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m conduct.curriculum.guide", description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True, help="folder to write <lang>/instructor-guide.md into")
    args = ap.parse_args(argv)
    try:
        for path in write_guides(args.out):
            print(path)
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
