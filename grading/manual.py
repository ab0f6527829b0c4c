"""Manual grading: what awaits a human, and recording a score and comment through nbgrader's gradebook.

nbgrader's own tool for this is the formgrader (JupyterLab's "Formgrader" panel, or
`jupyter server` with the nbgrader extension): it shows each answer beside its rubric. This module
is the command-line way for an instructor without JupyterLab: `conduct-course grade ASSIGNMENT`
lists the written answers that wait, and `conduct-course grade ASSIGNMENT STUDENT QUESTION SCORE`
records one, exactly as the formgrader does (Grade.manual_score, Comment.manual_comment), so both
can be used on the same course.

Questions are named as the student saw them ("Câu 9" / "Question 9"): the number in the
question's heading, else its place among the notebook's answer cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry

from conduct.i18n import t
from grading.course import Course

_HEADING_NUMBER = re.compile(r"^#+\s*\S+\s+(\d+)\b")


@dataclass(frozen=True)
class Question:
    """Where a graded cell belongs: question number n of its notebook."""

    grade_id: str
    number: int

    def label(self, lang: str) -> str:
        return t("grading.question", lang, n=self.number)


def questions(course: Course, assignment: str, notebook: str) -> dict[str, Question]:
    """{grade id: Question} for every graded or answer cell of the source notebook."""
    path = course.step("source") / assignment / f"{notebook}.ipynb"
    try:
        nb = nbformat.read(path, as_version=4)
    except (OSError, ValueError):
        return {}
    out: dict[str, Question] = {}
    count, heading = 0, None
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type == "markdown" and not meta.get("solution"):
            m = _HEADING_NUMBER.match(cell.source.strip())
            if m:
                heading = int(m.group(1))
        if meta.get("solution"):
            count += 1
        number = heading if heading is not None else max(count, 1)
        if meta.get("grade_id") and (meta.get("grade") or meta.get("solution")):
            out[meta["grade_id"]] = Question(meta["grade_id"], number)
    return out


@dataclass(frozen=True)
class Pending:
    """One answer that waits for a human."""

    student: str
    notebook: str
    question: Question
    max_score: float
    answer: str  # the student's text, first 200 characters on one line


def _answer_text(course: Course, student: str, assignment: str, notebook: str, grade_id: str) -> str:
    try:
        nb = nbformat.read(course.step("autograded") / student / assignment / f"{notebook}.ipynb", as_version=4)
    except (OSError, ValueError):
        return ""
    for cell in nb.cells:
        if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id:
            return " ".join(cell.source.split())[:200]
    return ""


def pending(course: Course, assignment: str, students: set[str] | None = None) -> list[Pending]:
    """Every grade of `assignment` that needs a human, by student and question (only `students` if given)."""
    out = []
    with Gradebook(course.db_url) as gb:
        try:
            subs = gb.find_assignment(assignment).submissions
        except MissingEntry:
            return []
        for sub in subs:
            if students is not None and sub.student.id not in students:
                continue
            for nb in sub.notebooks:
                qs = questions(course, assignment, nb.name)
                for grade in nb.grades:
                    if grade.needs_manual_grade:
                        q = qs.get(grade.name, Question(grade.name, 0))
                        out.append(
                            Pending(
                                sub.student.id,
                                nb.name,
                                q,
                                grade.max_score,
                                _answer_text(course, sub.student.id, assignment, nb.name, grade.name),
                            )
                        )
    return sorted(out, key=lambda p: (p.student, p.notebook, p.question.number, p.question.grade_id))


class GradeError(ValueError):
    """The score cannot be recorded; key and parameters say why in the instructor's language."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(t(f"grading.grade_error.{key}", "en", **params))
        self.key, self.params = key, params

    def message(self, lang: str) -> str:
        return t(f"grading.grade_error.{self.key}", lang, **self.params)


def _question_number(text: str) -> int | None:
    m = re.search(r"(\d+)\s*$", text.strip())
    return int(m.group(1)) if m else None


def record(
    course: Course, assignment: str, student: str, question: str, score: float, comment: str | None = None
) -> tuple[Question, float]:
    """Set the manual score (and comment) of one student's answer; return the question and its maximum.

    `question` is a grade id, a number ("9") or a label ("Câu 9"). A score outside 0..max is refused.
    """
    with Gradebook(course.db_url) as gb:
        try:
            sub = gb.find_submission(assignment, student)
        except MissingEntry:
            raise GradeError("no_submission", student=student, assignment=assignment) from None
        wanted = _question_number(question)
        for nb in sub.notebooks:
            qs = questions(course, assignment, nb.name)
            grades = [g for g in nb.grades if g.name == question] or [
                g
                for g in nb.grades
                if wanted is not None
                and qs.get(g.name)
                and qs[g.name].number == wanted
                and (g.cell.cell_type == "markdown" or g.needs_manual_grade)
            ]
            if not grades:
                continue
            grade = grades[0]
            if not 0 <= score <= grade.max_score:
                raise GradeError("out_of_range", score=f"{score:g}", max=f"{grade.max_score:g}")
            grade.manual_score = score
            grade.needs_manual_grade = False
            if comment is not None:
                try:
                    gb.find_comment(grade.name, nb.name, assignment, student).manual_comment = comment
                except MissingEntry:
                    pass
            gb.db.commit()
            return qs.get(grade.name, Question(grade.name, wanted or 0)), grade.max_score
    raise GradeError("no_question", question=question, student=student)


def complete(course: Course, assignment: str) -> set[str]:
    """Students of `assignment` whose every grade is settled (nothing waits for a human)."""
    with Gradebook(course.db_url) as gb:
        try:
            return {s.student.id for s in gb.find_assignment(assignment).submissions if not s.needs_manual_grade}
        except MissingEntry:
            return set()


def feedback_paths(course: Course, assignment: str, student: str) -> list[Path]:
    return sorted((course.step("feedback") / student / assignment).glob("*.html"))
