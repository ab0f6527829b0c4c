"""Grades to CSV through nbgrader's ExportPlugin API.

nbgrader's own CsvExportPlugin joins fields with bare commas, so a name such as "Nguyễn, Văn A"
breaks the file, and it cannot tell "scored 0" from "waits for manual grading". This plugin keeps
its columns and order (one row per assignment and student, a missing submission scores 0) and
adds a quoted UTF-8 CSV (with BOM, so spreadsheet programs show Vietnamese names correctly), a
`submitted` column and a `needs_manual_grade` column. Selected by `c.ExportApp.plugin_class`
in the course config, so `nbgrader export` uses it too.
"""
from __future__ import annotations

import csv

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.plugins import ExportPlugin

COLUMNS = ("assignment", "duedate", "timestamp", "student_id", "last_name", "first_name", "email",
           "submitted", "raw_score", "late_submission_penalty", "score", "max_score", "needs_manual_grade")


def grade_rows(gradebook: Gradebook, assignments: list[str] | None = None,
               students: list[str] | None = None) -> list[dict[str, object]]:
    """One row per (assignment, student), in the gradebook's order."""
    rows = []
    for assignment in gradebook.assignments:
        if assignments and assignment.name not in assignments:
            continue
        for student in gradebook.students:
            if students and student.id not in students:
                continue
            row: dict[str, object] = {
                "assignment": assignment.name, "duedate": assignment.duedate or "",
                "student_id": student.id, "last_name": student.last_name or "",
                "first_name": student.first_name or "", "email": student.email or "",
                "max_score": assignment.max_score,
            }
            try:
                sub = gradebook.find_submission(assignment.name, student.id)
            except MissingEntry:
                row.update(timestamp="", submitted="no", raw_score=0.0, late_submission_penalty=0.0,
                           score=0.0, needs_manual_grade="no")
            else:
                penalty = sub.late_submission_penalty or 0.0
                row.update(timestamp=sub.timestamp or "", submitted="yes", raw_score=sub.score,
                           late_submission_penalty=penalty, score=max(0.0, sub.score - penalty),
                           needs_manual_grade="yes" if sub.needs_manual_grade else "no")
            rows.append(row)
    return rows


class CourseCsvExport(ExportPlugin):
    """CSV export for `nbgrader export` (and `conduct-course export FILE`)."""

    def export(self, gradebook: Gradebook) -> None:
        dest = self.to or "grades.csv"
        rows = grade_rows(gradebook, [str(a) for a in self.assignment] or None,
                          [str(s) for s in self.student] or None)
        self.log.info("Exporting %d grades to %s", len(rows), dest)
        with open(dest, "w", newline="", encoding="utf-8-sig") as fh:
            writer = csv.DictWriter(fh, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
