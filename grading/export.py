"""Grades to CSV through nbgrader's ExportPlugin API.

nbgrader's own CsvExportPlugin joins fields with bare commas, so a name such as "Nguyễn, Văn A"
breaks the file, and it cannot tell "scored 0" from "waits for manual grading". This plugin keeps
its columns and order (one row per assignment and student, a missing submission scores 0) and
adds a quoted UTF-8 CSV (with BOM, so spreadsheet programs show Vietnamese names correctly), a
`submitted` column, a `needs_manual_grade` column (yes only while an answer of that student waits
for a human) and an `autograde_failed` column (nbgrader could not grade the submission: its scores
were cleared). When a roster was imported, only roster students are exported; the others are
returned so the caller can name them. Selected by `c.ExportApp.plugin_class` in the course config,
so `nbgrader export` uses it too.
"""

from __future__ import annotations

import csv
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.plugins import ExportPlugin

from grading.course import Course
from grading.parallel import read_failures
from grading.roster import roster_ids

COLUMNS = (
    "assignment",
    "duedate",
    "timestamp",
    "student_id",
    "last_name",
    "first_name",
    "email",
    "submitted",
    "raw_score",
    "late_submission_penalty",
    "score",
    "max_score",
    "needs_manual_grade",
    "autograde_failed",
)


def grade_rows(
    gradebook: Gradebook,
    assignments: list[str] | None = None,
    students: list[str] | None = None,
    roster: set[str] | None = None,
    failed: dict[str, set[str]] | None = None,
) -> tuple[list[dict[str, object]], list[str]]:
    """One row per (assignment, student) in the gradebook's order, and the students left out (not on the roster)."""
    rows, outsiders = [], set()
    for assignment in gradebook.assignments:
        if assignments and assignment.name not in assignments:
            continue
        for student in gradebook.students:
            if students and student.id not in students:
                continue
            if roster is not None and student.id not in roster:
                outsiders.add(student.id)
                continue
            row: dict[str, object] = {
                "assignment": assignment.name,
                "duedate": assignment.duedate or "",
                "student_id": student.id,
                "last_name": student.last_name or "",
                "first_name": student.first_name or "",
                "email": student.email or "",
                "max_score": assignment.max_score,
            }
            try:
                sub = gradebook.find_submission(assignment.name, student.id)
            except MissingEntry:
                row.update(
                    timestamp="",
                    submitted="no",
                    raw_score=0.0,
                    late_submission_penalty=0.0,
                    score=0.0,
                    needs_manual_grade="no",
                    autograde_failed="no",
                )
            else:
                penalty = sub.late_submission_penalty or 0.0
                broken = student.id in (failed or {}).get(assignment.name, set())
                row.update(
                    timestamp=sub.timestamp or "",
                    submitted="yes",
                    raw_score=sub.score,
                    late_submission_penalty=penalty,
                    score=max(0.0, sub.score - penalty),
                    needs_manual_grade="yes" if sub.needs_manual_grade else "no",
                    autograde_failed="yes" if broken else "no",
                )
            rows.append(row)
    return rows, sorted(outsiders)


def _write(dest: str | Path, rows: list[dict[str, object]]) -> None:
    with open(dest, "w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


def write_csv(course: Course, dest: Path) -> tuple[int, list[str]]:
    """Export the course's grades to `dest`; return the number of rows and the students left out."""
    with Gradebook(course.db_url) as gb:
        failed = {a.name: set(read_failures(course, a.name)) for a in gb.assignments}
        rows, outsiders = grade_rows(gb, roster=roster_ids(course.state), failed=failed)
    _write(dest, rows)
    return len(rows), outsiders


class CourseCsvExport(ExportPlugin):
    """CSV export for `nbgrader export` run in the course folder (and `conduct-course export FILE`)."""

    def export(self, gradebook: Gradebook) -> None:
        dest = self.to or "grades.csv"
        course = Course(Path.cwd())
        failed = {a.name: set(read_failures(course, a.name)) for a in gradebook.assignments}
        rows, outsiders = grade_rows(
            gradebook,
            [str(a) for a in self.assignment] or None,
            [str(s) for s in self.student] or None,
            roster_ids(course.state),
            failed,
        )
        self.log.info("Exporting %d grades to %s", len(rows), dest)
        if outsiders:
            self.log.warning("Not on the roster, not exported: %s", ", ".join(outsiders))
        _write(dest, rows)
