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
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import nbformat

from conduct.i18n import t
from grading.course import Course

_ARTICLE_IN_NAME = re.compile(r"arts?(\d)(?:-(\d))?(?:-|$)")
_ASSIGNED = re.compile(r"^\s*[A-Za-z_]\w*\s*=(?!=)")
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
    answer: str = ""  # the student's answer lines before this test (filled for missed tests)

    @property
    def missed(self) -> bool:
        return self.score < self.max_score


@dataclass(frozen=True)
class Submission:
    assignment: str
    student: str
    score: float
    max_score: float

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.max_score if self.max_score else 0.0


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


def _normalised(line: str) -> str:
    """One answer line without its comment and spacing, so equal answers count together."""
    try:
        return ast.unparse(ast.parse(line.strip()))
    except SyntaxError:
        return line.strip()


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
            if not code or code == ["raise NotImplementedError()"]:
                last = BLANK
            else:
                assigned: dict[str, str] = {}  # the last assignment of each name is the answer given
                for ln in cell.source.splitlines():
                    if _ASSIGNED.match(ln):
                        assigned.pop(ln.split("=", 1)[0].strip(), None)
                        assigned[ln.split("=", 1)[0].strip()] = _normalised(ln)
                last = "; ".join(assigned.values() or cell.source.strip().splitlines()[:1])[:120]
        elif meta.get("grade") and meta.get("grade_id"):
            out[meta["grade_id"]] = last
    return out


def read_results(course: Course) -> tuple[list[Submission], list[CellResult]]:
    """Every submission's total and every auto-graded test cell's result, from the gradebook."""
    from nbgrader.api import Gradebook

    subs: list[Submission] = []
    cells: list[CellResult] = []
    with Gradebook(course.db_url) as gb:
        for assignment in gb.assignments:
            for sub in assignment.submissions:
                subs.append(Submission(assignment.name, sub.student.id, sub.score, assignment.max_score))
                for nb in sub.notebooks:
                    articles = _articles_by_cell(course, assignment.name, nb.name)
                    answers = _answers_by_cell(course.step("autograded") / sub.student.id / assignment.name / f"{nb.name}.ipynb")
                    for grade in nb.grades:
                        if grade.cell.cell_type != "code" or grade.max_score == 0:
                            continue
                        score = grade.score or 0.0
                        cells.append(CellResult(assignment.name, sub.student.id, nb.name, grade.name, score,
                                                grade.max_score, tuple(articles[grade.name]),
                                                answers.get(grade.name, NO_NOTEBOOK) if score < grade.max_score else ""))
    return subs, cells


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
    grid = [[(earned[(s, a)][0] / earned[(s, a)][1]) if earned.get((s, a), [0, 0])[1] else None
             for a in articles] for s in students]
    return students, articles, grid


@dataclass(frozen=True)
class Missed:
    assignment: str
    cell: str
    missed: int
    attempts: int
    wrong_answers: tuple[tuple[str, int], ...]  # the most common answers given by those who missed

    @property
    def rate(self) -> float:
        return self.missed / self.attempts if self.attempts else 0.0


def most_missed(cells: list[CellResult], top: int = 15, answers: int = 8) -> list[Missed]:
    """Test cells ordered by how many students missed them, with the wrong answers given."""
    by_cell: dict[tuple[str, str], list[CellResult]] = defaultdict(list)
    for c in cells:
        by_cell[(c.assignment, c.cell)].append(c)
    out = []
    for (assignment, cell), results in by_cell.items():
        wrong = [r for r in results if r.missed]
        if wrong:
            given = Counter(r.answer or NO_NOTEBOOK for r in wrong).most_common(answers)
            out.append(Missed(assignment, cell, len(wrong), len(results), tuple(given)))
    return sorted(out, key=lambda m: (-m.rate, -m.missed, m.assignment, m.cell))[:top]


def detect_pairs(assignments: list[str]) -> list[tuple[str, str]]:
    """(pre, post) pairs by name: `school-pre-11-14-vi` pairs with `school-post-11-14-vi`."""
    names = set(assignments)
    return [(a, a.replace("-pre-", "-post-", 1)) for a in sorted(names)
            if "-pre-" in a and a.replace("-pre-", "-post-", 1) in names]


@dataclass(frozen=True)
class PrePost:
    pre: str
    post: str
    students: tuple[tuple[str, float, float], ...]  # (student, pre %, post %), students who took both
    items: tuple[tuple[str, float, float], ...]     # (cell, pre pass rate, post pass rate)


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

    return PrePost(pre, post, tuple((s, pct[(pre, s)], pct[(post, s)]) for s in both),
                   tuple((cell, rate(pre, cell), rate(post, cell)) for cell in items))


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
    for ax, a in zip(axes.flat, assignments):
        ax.hist([s.percent for s in subs if s.assignment == a], bins=range(0, 105, 10), color="#3b6ea5", edgecolor="white")
        ax.set_title(a, fontsize=9)
        ax.set_xlabel(t("grading.report_percent", lang))
        ax.set_ylabel(t("grading.report_students", lang))
    for ax in list(axes.flat)[len(assignments):]:
        ax.axis("off")
    fig.suptitle(t("grading.report_scores", lang))
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)


def _mastery_chart(cells: list[CellResult], path: Path, lang: str) -> None:
    import numpy as np

    plt = _plt()
    students, articles, grid = mastery(cells)
    data = np.array([[np.nan if v is None else v for v in row] for row in grid], dtype=float) if grid else np.zeros((1, 1))
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
    labels = [f"{m.assignment} / {m.cell}" for m in missed][::-1]
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

def write_report(course: Course, out: Path, *, lang: str = "vi",
                 pairs: list[tuple[str, str]] | None = None) -> Path:
    """Write the PNG charts and index.html into `out`; return the page's path."""
    out.mkdir(parents=True, exist_ok=True)
    subs, cells = read_results(course)
    e = html.escape
    _score_chart(subs, out / "scores.png", lang)
    _mastery_chart(cells, out / "mastery.png", lang)
    missed = most_missed(cells)
    _missed_chart(missed, out / "missed.png", lang)

    parts = [f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'>",
             f"<title>{e(t('grading.report_title', lang))}</title>",
             "<style>body{font-family:sans-serif;max-width:60em;margin:auto}table{border-collapse:collapse}"
             "td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}img{max-width:100%}</style></head><body>",
             f"<h1>{e(t('grading.report_title', lang))}</h1>",
             f"<p>{e(t('grading.report_summary', lang, students=len({s.student for s in subs}), submissions=len(subs)))}</p>"]
    for png, key in (("scores.png", "report_scores"), ("mastery.png", "report_mastery"), ("missed.png", "report_missed")):
        parts.append(f"<h2>{e(t('grading.' + key, lang))}</h2><img src='{png}' alt='{e(t('grading.' + key, lang))}'>")
    parts.append(f"<table><tr><th>{e(t('grading.report_question', lang))}</th><th>{e(t('grading.report_missed_by', lang))}</th>"
                 f"<th>{e(t('grading.report_wrong_answers', lang))}</th></tr>")
    for m in missed:
        words = {BLANK: t("grading.report_blank", lang), NO_NOTEBOOK: t("grading.report_no_notebook", lang)}
        answers = "<br>".join((f"<em>{e(words[a])}</em>" if a in words else f"<code>{e(a)}</code>") + f" × {n}"
                              for a, n in m.wrong_answers)
        parts.append(f"<tr><td>{e(m.assignment)} / {e(m.cell)}</td><td>{m.missed} / {m.attempts}</td><td>{answers}</td></tr>")
    parts.append("</table>")

    assignments = sorted({s.assignment for s in subs})
    for i, (pre, post) in enumerate(pairs if pairs is not None else detect_pairs(assignments)):
        pp = prepost(subs, cells, pre, post)
        png = f"prepost-{i + 1}.png"
        _prepost_chart(pp, out / png, lang)
        parts.append(f"<h2>{e(t('grading.report_prepost', lang, pre=pre, post=post))}</h2><img src='{png}' alt=''>")
        parts.append(f"<table><tr><th>{e(t('grading.report_students', lang))}</th><th>{e(pre)}</th><th>{e(post)}</th></tr>")
        for s, a, b in pp.students:
            parts.append(f"<tr><td>{e(s)}</td><td>{a:.0f}%</td><td>{b:.0f}%</td></tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    page = out / "index.html"
    page.write_text("\n".join(parts), encoding="utf-8")
    return page
