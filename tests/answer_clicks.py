"""Act as a learner who clicks an assignment's answer sheet: shared by the exercise tests and the
grading tests (tests/ is on the import path through its conftest.py; a module name of its own, since
tests/grading and tests/exercises each have a conftest.py)."""
from __future__ import annotations

from pathlib import Path

from conduct.exercises.keys import ANSWER_KINDS, parse_key
from conduct.widgets.answer_sheet import Sheet


def keys_of(source_nb) -> dict[str, dict]:
    """{grade id: key} of every answer item of an instructor's source notebook."""
    return {c.metadata["nbgrader"]["grade_id"]: key for c in source_nb.cells
            if c.cell_type == "code" and (key := parse_key(c.source)) and key["kind"] in ANSWER_KINDS}


def click_answers(source_nb, folder: Path, choose) -> dict:
    """Answer as a learner does: draw the notebook's own answer widgets and click them.

    `choose(grade_id, key)` returns the value to click (None: leave the item unanswered). The widget
    cells are the notebook's own locked `sheet.…` lines; the clicks go through the widgets, which save
    answers.json in `folder`.
    """
    meta = source_nb.metadata["conduct"]
    sheet = Sheet(meta["assignment"], meta["lang"], folder=folder)
    for cell in source_nb.cells:
        if cell.cell_type == "code" and cell.source.startswith("sheet."):
            eval(cell.source, {"sheet": sheet})  # our own locked cell: it only draws the widget
    for grade_id, key in keys_of(source_nb).items():
        value = choose(grade_id, key)
        if value is None:
            continue
        buttons = sheet.buttons[grade_id]
        for option in ([value] if isinstance(value, str) else value) or [""]:
            buttons[option].value = True
    return sheet.file.answers()
