"""Cohort reports: matplotlib charts (PNG) and one HTML page an instructor can open.

Read from nbgrader's Gradebook (scores per graded cell) plus the autograded notebooks (what each
student actually wrote before a failed test) and the course's source notebooks (which articles a
question is about). Charts: score distribution per assignment, a mastery heatmap of students by
article, the most-missed questions with the wrong answers given, and, for the school track, the
change from pre-quiz to post-quiz per student and per item (pairs detected by `-pre-`/`-post-`
in the assignment names, or given explicitly).
"""

from __future__ import annotations

import ast
import html
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook

from conduct.i18n import t
from grading.course import Course
from grading.manual import Question, questions
from grading.parallel import read_failures
from grading.roster import roster_ids

_ARTICLE_IN_NAME = re.compile(r"arts?(\d)(?:-(\d))?(?:-|$)")
_ASSIGNED = re.compile(r"^\s*[A-Za-z_]\w*\s*=(?!=)")
ANSWERS_FILE = "answers.json"  # written by the clickable answer sheet (grading/answers.py reads it too)
BLANK, NO_NOTEBOOK = "\0blank", "\0no-notebook"  # shown with the catalogue's words


@dataclass(frozen=True)
class CellResult:
    """One student's result on one auto-graded test cell."""

    assignment: str
    student: str
    notebook: str
    cell: str
    score: float
    max_score: float
    articles: tuple[int, ...] = ()
    answer: str = ""  # the student's answer before this test, as values (filled for missed tests)
    question: int = 0  # the question's number as the student saw it ("Câu 6")

    @property
    def missed(self) -> bool:
        return self.score < self.max_score


@dataclass(frozen=True)
class Submission:
    """A submission's total. `graded_max` counts only the points already graded (a written answer
    waiting for a human is not yet a zero), and the percentage is taken over it."""

    assignment: str
    student: str
    score: float
    max_score: float
    graded_max: float | None = None
    waiting: int = 0  # answers still waiting for manual grading

    @property
    def percent(self) -> float:
        top = self.max_score if self.graded_max is None else self.graded_max
        return 100.0 * self.score / top if top else 0.0


@dataclass(frozen=True)
class Cohort:
    """Who is counted: roster students who submitted, and those named apart."""

    not_submitted: dict[str, tuple[str, ...]]  # assignment -> roster students without a submission
    not_on_roster: tuple[str, ...]  # submitted but not on the roster: left out of every figure
    failed: dict[str, tuple[str, ...]]  # assignment -> students nbgrader could not grade


# --- reading -----------------------------------------------------------------------------------


def _grade_id(cell) -> str | None:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def _articles_by_cell(course: Course, assignment: str, notebook: str) -> dict[str, tuple[int, ...]]:
    """Articles per grade id: the cell's `conduct.articles` metadata, else the notebook's, else the name's."""
    path = course.step("source") / assignment / f"{notebook}.ipynb"
    m = _ARTICLE_IN_NAME.search(assignment)
    default: tuple[int, ...] = tuple(range(int(m.group(1)), int(m.group(2) or m.group(1)) + 1)) if m else ()
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception:
        return defaultdict(lambda: default)
    default = tuple(nb.metadata.get("conduct", {}).get("articles", default))
    out: dict[str, tuple[int, ...]] = defaultdict(lambda: default)
    current = default
    for cell in nb.cells:
        mine = cell.get("metadata", {}).get("conduct", {}).get("articles")
        if mine:
            current = tuple(mine)  # a question's articles carry on to its test cells
        gid = _grade_id(cell)
        if gid:
            out[gid] = current
    return out


def _value(line: str) -> str | None:
    """The value an answer line assigns, as the student would read it; None for a blank (`...`)."""
    try:
        node = ast.parse(line.strip()).body[0]
        if not isinstance(node, ast.Assign):
            return line.strip()
        value = ast.literal_eval(node.value)
    except (SyntaxError, ValueError, IndexError, TypeError):
        return line.split("=", 1)[-1].strip()
    if value is Ellipsis or value == "..." or value == [...] or value == [] and "[...]" in line:
        return None
    if isinstance(value, (list, tuple)):
        items = [str(v) for v in value if v is not Ellipsis and v != "..."]
        return ", ".join(items) if items else None
    return str(value)


def _answers_by_cell(path: Path) -> dict[str, str]:
    """For each test cell, the assignment lines of the nearest answer cell above it."""
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception:
        return {}
    out, last = {}, ""
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("solution"):
            code = [ln for ln in cell.source.splitlines() if ln.strip() and not ln.strip().startswith("#")]
            assigned: dict[str, str | None] = {}  # the last assignment of each name is the answer given
            for ln in code:
                if _ASSIGNED.match(ln):
                    assigned.pop(ln.split("=", 1)[0].strip(), None)
                    assigned[ln.split("=", 1)[0].strip()] = _value(ln)
            given = [v for v in assigned.values() if v is not None]
            if not code or code == ["raise NotImplementedError()"] or (assigned and not given):
                last = BLANK
            else:
                last = "; ".join(given or code[:1])[:120]
        elif meta.get("grade") and meta.get("grade_id"):
            out[meta["grade_id"]] = last
    return out


def _clicked(folder: Path) -> dict[str, str] | None:
    """The answers a student clicked (answers.json of the answer sheet), as values per grade id; None without one."""
    try:
        data = json.loads((folder / ANSWERS_FILE).read_text(encoding="utf-8"))
        answers = data["answers"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not isinstance(answers, dict):
        return None
    out = {}
    for gid, value in answers.items():
        text = ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
        out[str(gid)] = text or BLANK
    return out


def read_results(course: Course) -> tuple[list[Submission], list[CellResult]]:
    """Every counted submission's total and every auto-graded test cell's result, from the gradebook.

    Students not on the roster (when one was imported) and submissions nbgrader could not grade
    are left out; `cohort()` names them.
    """
    roster = roster_ids(course.state)
    subs: list[Submission] = []
    cells: list[CellResult] = []
    with Gradebook(course.db_url) as gb:
        for assignment in gb.assignments:
            failed = read_failures(course, assignment.name)
            for sub in assignment.submissions:
                student = sub.student.id
                if (roster is not None and student not in roster) or student in failed:
                    continue
                grades = [g for nb in sub.notebooks for g in nb.grades]
                graded_max = sum(g.max_score for g in grades if not g.needs_manual_grade)
                subs.append(
                    Submission(
                        assignment.name,
                        student,
                        sub.score,
                        assignment.max_score,
                        graded_max,
                        sum(bool(g.needs_manual_grade) for g in grades),
                    )
                )
                for nb in sub.notebooks:
                    articles = _articles_by_cell(course, assignment.name, nb.name)
                    qs = questions(course, assignment.name, nb.name)
                    folder = course.step("autograded") / student / assignment.name
                    answers = _answers_by_cell(folder / f"{nb.name}.ipynb")
                    clicked = _clicked(folder)
                    for grade in nb.grades:
                        if grade.cell.cell_type != "code" or grade.max_score == 0:
                            continue
                        score = grade.score or 0.0
                        cells.append(
                            CellResult(
                                assignment.name,
                                student,
                                nb.name,
                                grade.name,
                                score,
                                grade.max_score,
                                tuple(articles[grade.name]),
                                _given(grade.name, answers, clicked) if score < grade.max_score else "",
                                qs.get(grade.name, Question(grade.name, 0)).number,
                            )
                        )
    return subs, cells


def _given(grade_id: str, typed: dict[str, str], clicked: dict[str, str] | None) -> str:
    """The answer behind a missed test: clicked (answers.json) when the sheet recorded the item, else typed."""
    if clicked is not None and grade_id in clicked:
        return clicked[grade_id]
    if clicked is not None and not typed.get(grade_id):
        return BLANK  # an item of the answer sheet the student never clicked
    return typed.get(grade_id, NO_NOTEBOOK)


def cohort(course: Course, subs: list[Submission]) -> Cohort:
    """Roster students missing per assignment, submitters not on the roster, failed gradings."""
    roster = roster_ids(course.state)
    with Gradebook(course.db_url) as gb:
        names = [a.name for a in gb.assignments]
        everyone = {s.student.id for a in gb.assignments for s in a.submissions}
    submitted: dict[str, set[str]] = defaultdict(set)
    for s in subs:
        submitted[s.assignment].add(s.student)
    failed = {
        a: tuple(sorted(set(read_failures(course, a)) & (roster if roster is not None else everyone))) for a in names
    }
    missing = {a: tuple(sorted((roster or set()) - submitted[a] - set(failed[a]))) for a in names}
    outsiders = tuple(sorted(everyone - roster)) if roster is not None else ()
    return Cohort(missing, outsiders, failed)


# --- computing ---------------------------------------------------------------------------------


def mastery(cells: list[CellResult]) -> tuple[list[str], list[int], list[list[float | None]]]:
    """Students, articles and the share of points each student earned on each article (None: not asked)."""
    earned: dict[tuple[str, int], list[float]] = defaultdict(lambda: [0.0, 0.0])
    for c in cells:
        for a in c.articles:
            earned[(c.student, a)][0] += c.score
            earned[(c.student, a)][1] += c.max_score
    students = sorted({c.student for c in cells})
    articles = sorted({a for c in cells for a in c.articles})
    grid = [
        [(earned[(s, a)][0] / earned[(s, a)][1]) if earned.get((s, a), [0, 0])[1] else None for a in articles]
        for s in students
    ]
    return students, articles, grid


@dataclass(frozen=True)
class Missed:
    """A question (or, in a notebook without questions, a test cell) and who missed it."""

    assignment: str
    cell: str
    missed: int
    attempts: int
    wrong_answers: tuple[tuple[str, int], ...]  # the most common answers given by those who missed
    question: int = 0

    def label(self, lang: str) -> str:
        return t("grading.question", lang, n=self.question) if self.question else self.cell

    @property
    def rate(self) -> float:
        return self.missed / self.attempts if self.attempts else 0.0


def most_missed(cells: list[CellResult], top: int = 15, answers: int = 8) -> list[Missed]:
    """Questions ordered by how many students missed them (any of their tests), with the wrong answers given."""
    by_question: dict[tuple[str, int, str], dict[str, list[CellResult]]] = defaultdict(lambda: defaultdict(list))
    for c in cells:
        key = (c.assignment, c.question, "" if c.question else c.cell)
        by_question[key][c.student].append(c)
    out = []
    for (assignment, question, cell), per_student in by_question.items():
        wrong = [
            next(r for r in results if r.missed) for results in per_student.values() if any(r.missed for r in results)
        ]
        if wrong:
            given = Counter(r.answer or NO_NOTEBOOK for r in wrong).most_common(answers)
            out.append(Missed(assignment, cell or wrong[0].cell, len(wrong), len(per_student), tuple(given), question))
    return sorted(out, key=lambda m: (-m.rate, -m.missed, m.assignment, m.question, m.cell))[:top]


def detect_pairs(assignments: list[str]) -> list[tuple[str, str]]:
    """(pre, post) pairs by name: `school-pre-11-14-vi` pairs with `school-post-11-14-vi`."""
    names = set(assignments)
    return [
        (a, a.replace("-pre-", "-post-", 1))
        for a in sorted(names)
        if "-pre-" in a and a.replace("-pre-", "-post-", 1) in names
    ]


@dataclass(frozen=True)
class PrePost:
    pre: str
    post: str
    students: tuple[tuple[str, float, float], ...]  # (student, pre %, post %), students who took both
    items: tuple[tuple[str, float, float], ...]  # (cell, pre pass rate, post pass rate)


def prepost(subs: list[Submission], cells: list[CellResult], pre: str, post: str) -> PrePost:
    """Change per student and per item between the two quizzes of a pair (same items, same grade ids)."""
    pct = {(s.assignment, s.student): s.percent for s in subs}
    both = sorted({s for (a, s) in pct if a == pre} & {s for (a, s) in pct if a == post})
    rates: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for c in cells:
        if c.assignment in (pre, post) and c.student in both:
            rates[(c.assignment, c.cell)][0] += not c.missed
            rates[(c.assignment, c.cell)][1] += 1
    items = sorted({cell for (a, cell) in rates if a == pre} & {cell for (a, cell) in rates if a == post})

    def rate(a: str, cell: str) -> float:
        ok, n = rates[(a, cell)]
        return ok / n if n else 0.0

    return PrePost(
        pre,
        post,
        tuple((s, pct[(pre, s)], pct[(post, s)]) for s in both),
        tuple((cell, rate(pre, cell), rate(post, cell)) for cell in items),
    )


# --- drawing -----------------------------------------------------------------------------------


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _score_chart(subs: list[Submission], path: Path, lang: str) -> None:
    plt = _plt()
    assignments = sorted({s.assignment for s in subs}) or ["—"]
    cols = min(3, len(assignments))
    rows = (len(assignments) + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(4.2 * cols, 3 * rows), squeeze=False)
    for ax, a in zip(axes.flat, assignments, strict=False):
        ax.hist(
            [s.percent for s in subs if s.assignment == a], bins=range(0, 105, 10), color="#3b6ea5", edgecolor="white"
        )
        ax.set_title(a, fontsize=9)
        ax.set_xlabel(t("grading.report_percent", lang))
        ax.set_ylabel(t("grading.report_students", lang))
    for ax in list(axes.flat)[len(assignments) :]:
        ax.axis("off")
    fig.suptitle(t("grading.report_scores", lang))
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)


def _mastery_chart(cells: list[CellResult], path: Path, lang: str) -> None:
    import numpy as np

    plt = _plt()
    students, articles, grid = mastery(cells)
    data = (
        np.array([[np.nan if v is None else v for v in row] for row in grid], dtype=float) if grid else np.zeros((1, 1))
    )
    fig, ax = plt.subplots(figsize=(max(6.5, 2.5 + 0.7 * len(articles)), min(40, 2.5 + 0.22 * max(1, len(students)))))
    im = ax.imshow(data, aspect="auto", cmap="RdYlGn", vmin=0, vmax=1, interpolation="nearest")
    ax.set_xticks(range(len(articles)), [t("grading.report_article", lang, n=a) for a in articles], fontsize=8)
    ax.set_yticks(range(len(students)), students, fontsize=6 if len(students) > 40 else 8)
    ax.set_title(t("grading.report_mastery", lang), fontsize=10)
    fig.colorbar(im, ax=ax, fraction=0.05)
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)


def _missed_chart(missed: list[Missed], path: Path, lang: str) -> None:
    plt = _plt()
    fig, ax = plt.subplots(figsize=(8, 1 + 0.35 * max(1, len(missed))))
    labels = [f"{m.assignment} / {m.label(lang)}" for m in missed][::-1]
    ax.barh(labels or ["—"], [100 * m.rate for m in missed][::-1] or [0], color="#c0504d")
    ax.set_xlim(0, 100)
    ax.set_xlabel(t("grading.report_missed_axis", lang))
    ax.set_title(t("grading.report_missed", lang))
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)


def _prepost_chart(pp: PrePost, path: Path, lang: str) -> None:
    plt = _plt()
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(11, 1.5 + 0.25 * max(4, len(pp.students), len(pp.items))))
    students = sorted(pp.students, key=lambda s: s[2] - s[1])
    a1.barh([s for s, _, _ in students], [post - pre for _, pre, post in students], color="#4f81bd")
    a1.axvline(0, color="black", linewidth=0.8)
    a1.set_xlabel(t("grading.report_change_points", lang))
    a1.set_title(t("grading.report_per_student", lang))
    a2.barh([c for c, _, _ in pp.items], [100 * (post - pre) for _, pre, post in pp.items], color="#9bbb59")
    a2.axvline(0, color="black", linewidth=0.8)
    a2.set_xlabel(t("grading.report_change_rate", lang))
    a2.set_title(t("grading.report_per_item", lang))
    fig.suptitle(f"{pp.pre} → {pp.post}")
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)


# --- the page ----------------------------------------------------------------------------------


def _answer_words(answer: str, lang: str) -> str:
    """A wrong answer as the student meant it: verdict words in the report's language."""
    words = {BLANK: t("grading.report_blank", lang), NO_NOTEBOOK: t("grading.report_no_notebook", lang)}
    if answer in words:
        return words[answer]
    try:
        return t(f"checker.verdict.{answer}", lang)
    except KeyError:
        return answer


def write_report(course: Course, out: Path, *, lang: str = "vi", pairs: list[tuple[str, str]] | None = None) -> Path:
    """Write the PNG charts and index.html into `out`; return the page's path."""
    out.mkdir(parents=True, exist_ok=True)
    subs, cells = read_results(course)
    who = cohort(course, subs)
    e = html.escape
    _score_chart(subs, out / "scores.png", lang)
    _mastery_chart(cells, out / "mastery.png", lang)
    missed = most_missed(cells)
    _missed_chart(missed, out / "missed.png", lang)

    parts = [
        f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'>",
        f"<title>{e(t('grading.report_title', lang))}</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:auto}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}img{max-width:100%}</style></head><body>",
        f"<h1>{e(t('grading.report_title', lang))}</h1>",
        f"<p>{e(t('grading.report_summary', lang, students=len({s.student for s in subs}), submissions=len(subs)))}</p>",
    ]
    if who.not_on_roster:
        parts.append(
            f"<p>{e(t('grading.report_not_on_roster', lang, count=len(who.not_on_roster), students=', '.join(who.not_on_roster)))}</p>"
        )

    # one row per student and assignment: the score over what has been graded so far
    parts.append(f"<h2>{e(t('grading.report_students_table', lang))}</h2>")
    parts.append(
        f"<table><tr><th>{e(t('grading.report_assignment', lang))}</th><th>{e(t('grading.report_student', lang))}</th>"
        f"<th>{e(t('grading.report_score', lang))}</th><th>{e(t('grading.report_percent', lang))}</th>"
        f"<th>{e(t('grading.report_state', lang))}</th></tr>"
    )
    rows = [
        (
            s.assignment,
            s.student,
            f"{s.score:g} / {(s.graded_max if s.graded_max is not None else s.max_score):g}",
            f"{s.percent:.0f}%",
            t("grading.report_waiting", lang, count=s.waiting) if s.waiting else t("grading.report_complete", lang),
        )
        for s in subs
    ]
    rows += [
        (a, st, "—", "—", t("grading.report_not_submitted", lang)) for a, sts in who.not_submitted.items() for st in sts
    ]
    rows += [(a, st, "—", "—", t("grading.report_failed", lang)) for a, sts in who.failed.items() for st in sts]
    for row in sorted(rows):
        parts.append("<tr>" + "".join(f"<td>{e(str(v))}</td>" for v in row) + "</tr>")
    parts.append("</table>")

    for png, key in (
        ("scores.png", "report_scores"),
        ("mastery.png", "report_mastery"),
        ("missed.png", "report_missed"),
    ):
        parts.append(f"<h2>{e(t('grading.' + key, lang))}</h2><img src='{png}' alt='{e(t('grading.' + key, lang))}'>")
    parts.append(
        f"<table><tr><th>{e(t('grading.report_question', lang))}</th><th>{e(t('grading.report_missed_by', lang))}</th>"
        f"<th>{e(t('grading.report_wrong_answers', lang))}</th></tr>"
    )
    for m in missed:
        answers = "<br>".join(
            (
                f"<em>{e(_answer_words(a, lang))}</em>"
                if a in (BLANK, NO_NOTEBOOK)
                else f"<q>{e(_answer_words(a, lang))}</q>"
            )
            + f" × {n}"
            for a, n in m.wrong_answers
        )
        parts.append(
            f"<tr><td>{e(m.assignment)} / {e(m.label(lang))}</td><td>{m.missed} / {m.attempts}</td><td>{answers}</td></tr>"
        )
    parts.append("</table>")

    assignments = sorted({s.assignment for s in subs})
    for i, (pre, post) in enumerate(pairs if pairs is not None else detect_pairs(assignments)):
        pp = prepost(subs, cells, pre, post)
        png = f"prepost-{i + 1}.png"
        _prepost_chart(pp, out / png, lang)
        parts.append(f"<h2>{e(t('grading.report_prepost', lang, pre=pre, post=post))}</h2><img src='{png}' alt=''>")
        parts.append(
            f"<table><tr><th>{e(t('grading.report_students', lang))}</th><th>{e(pre)}</th><th>{e(post)}</th></tr>"
        )
        for s, a, b in pp.students:
            parts.append(f"<tr><td>{e(s)}</td><td>{a:.0f}%</td><td>{b:.0f}%</td></tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    page = out / "index.html"
    page.write_text("\n".join(parts), encoding="utf-8")
    return page
