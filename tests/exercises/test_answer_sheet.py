"""The clickable answer sheet: clicks saved as data, atomically, restored on reopening, never judged.

Built and clicked from Python (ipywidgets work without a kernel); test_answer_sheet_browser.py drives
the same widgets with a keyboard in Voilà.
"""
from __future__ import annotations

import json

import ipywidgets as W
import pytest

from conduct.i18n import t
from conduct.widgets.a11y import walk
from conduct.widgets.answer_sheet import FILE_NAME, Sheet
from conduct.widgets.style import LEARNER_CLASS

CLAUSES = [["4(5)", "Điều 4 khoản 5 — Không thù ghét"], ["4(6)", "Điều 4 khoản 6 — Không xúc phạm"],
           ["3(3)", "Điều 3 khoản 3 — An toàn, bảo mật thông tin"]]
OPTIONS = [["A", "A. một"], ["B", "B. hai"], ["C", "C. ba"]]


def _sheet(folder, lang="vi"):
    sheet = Sheet("art4-vi", lang, folder=folder)
    boxes = [sheet.post("hate", CLAUSES), sheet.choice("hacked", OPTIONS), sheet.multi("recommend", OPTIONS)]
    return sheet, boxes


def _file(folder) -> dict:
    return json.loads((folder / FILE_NAME).read_text(encoding="utf-8"))


def test_each_click_is_saved_as_data_in_the_agreed_schema(tmp_path):
    sheet, _ = _sheet(tmp_path)
    sheet.buttons["hate-verdict"]["caution"].value = True
    sheet.buttons["hate-verdict"]["violation"].value = True  # a radio group: the earlier choice goes
    sheet.buttons["hate-clauses"]["4(6)"].value = True
    sheet.buttons["hate-clauses"]["3(3)"].value = True
    sheet.buttons["hacked-check"]["B"].value = True
    sheet.buttons["recommend-check"]["C"].value = True
    sheet.buttons["recommend-check"]["A"].value = True
    assert _file(tmp_path) == {"schema_version": 1, "assignment": "art4-vi", "notebook": "art4-vi", "answers": {
        "hate-verdict": "violation", "hate-clauses": ["3(3)", "4(6)"], "hacked-check": "B", "recommend-check": ["A", "C"]}}
    assert [b.value for b in sheet.buttons["hate-verdict"].values()] == [False, False, True]
    assert [p.name for p in tmp_path.iterdir()] == [FILE_NAME]  # no temporary file left behind


def test_no_clause_is_an_answer_and_excludes_the_others(tmp_path):
    sheet, _ = _sheet(tmp_path)
    sheet.buttons["hate-clauses"]["4(5)"].value = True
    sheet.buttons["hate-clauses"][""].value = True
    assert _file(tmp_path)["answers"]["hate-clauses"] == []
    assert not sheet.buttons["hate-clauses"]["4(5)"].value
    sheet.buttons["hate-clauses"]["4(6)"].value = True
    assert _file(tmp_path)["answers"]["hate-clauses"] == ["4(6)"] and not sheet.buttons["hate-clauses"][""].value
    sheet.buttons["hate-clauses"]["4(6)"].value = False  # every box cleared: no answer, not a stale one
    assert "hate-clauses" not in _file(tmp_path)["answers"]


def test_pressing_the_chosen_option_again_keeps_it(tmp_path):
    sheet, _ = _sheet(tmp_path)
    sheet.buttons["hacked-check"]["A"].value = True
    sheet.buttons["hacked-check"]["A"].value = False
    assert sheet.buttons["hacked-check"]["A"].value and _file(tmp_path)["answers"]["hacked-check"] == "A"


def test_reopening_shows_the_saved_answers(tmp_path):
    sheet, _ = _sheet(tmp_path)
    sheet.answer("hate-verdict", "ok")
    sheet.answer("hate-clauses", [])
    sheet.answer("recommend-check", ["C", "B"])
    again, _ = _sheet(tmp_path)
    assert again.buttons["hate-verdict"]["ok"].value and again.buttons["hate-clauses"][""].value
    assert [b.value for b in again.buttons["recommend-check"].values()] == [False, True, True]
    assert _file(tmp_path)["answers"]["recommend-check"] == ["B", "C"]  # in the options' order


def test_the_state_api_refuses_what_a_click_cannot_give(tmp_path):
    sheet, _ = _sheet(tmp_path)
    for key, value in (("hate-verdict", "maybe"), ("hate-verdict", ["ok"]), ("hate-clauses", ["9(9)"]),
                       ("hacked-check", "D")):
        with pytest.raises(ValueError):
            sheet.answer(key, value)
    with pytest.raises(KeyError):
        sheet.answer("nope-check", "A")
    assert not (tmp_path / FILE_NAME).exists()


def test_a_file_of_another_notebook_is_not_shown_and_is_replaced(tmp_path):
    (tmp_path / FILE_NAME).write_text(json.dumps({"schema_version": 1, "assignment": "final-vi", "notebook": "final-vi",
                                                  "answers": {"hate-verdict": "ok"}}), encoding="utf-8")
    sheet, _ = _sheet(tmp_path)
    assert not any(b.value for b in sheet.buttons["hate-verdict"].values())
    sheet.buttons["hacked-check"]["C"].value = True
    assert _file(tmp_path)["assignment"] == "art4-vi" and _file(tmp_path)["answers"] == {"hacked-check": "C"}


def test_the_sheet_says_saved_never_right_or_wrong(tmp_path):
    sheet, boxes = _sheet(tmp_path)
    sheet.buttons["hate-verdict"]["ok"].value = True
    sheet.buttons["hacked-check"]["A"].value = True
    assert sheet.status["hate-verdict"].value == f"<p>{t('exercises.sheet.saved', 'vi')}</p>"
    judged = {t(k, lang) for k in ("exercises.graded.right", "exercises.graded.wrong", "widgets.right", "widgets.wrong")
              for lang in ("vi", "en")}
    shown = " ".join(getattr(w, attr, "") or "" for box in boxes for w in walk(box) for attr in ("value", "description")
                     if isinstance(getattr(w, attr, ""), str))
    assert not any(word in shown for word in judged) and "✓" not in shown and "✗" not in shown


def test_a_failed_save_is_told_in_the_learners_language(tmp_path):
    sheet, _ = _sheet(tmp_path, "en")
    (tmp_path / FILE_NAME).mkdir()  # something in the way that cannot be replaced by a file
    sheet.buttons["hacked-check"]["A"].value = True
    assert "Could not save your answer to" in sheet.status["hacked-check"].value
    assert [p.name for p in tmp_path.iterdir()] == [FILE_NAME]  # the temporary file is cleaned up


def test_widgets_are_keyboard_controls_with_full_labels_and_the_course_fonts(tmp_path):
    sheet, boxes = _sheet(tmp_path)
    widgets = [w for box in boxes for w in walk(box)]
    assert not any(isinstance(w, (W.RadioButtons, W.Dropdown, W.Text, W.Textarea)) for w in widgets)
    controls = [w for w in widgets if isinstance(w, (W.ToggleButton, W.Checkbox))]
    assert len(controls) == 3 + 3 + 1 + 3 + 3
    assert {w.description for w in controls} >= {t("checker.verdict.violation", "vi"), "A. một", CLAUSES[2][1],
                                                 t("exercises.sheet.none_applies", "vi")}
    assert all(LEARNER_CLASS in box._dom_classes for box in boxes)


def test_saved_fails_only_when_nbgrader_validates_or_grades_without_grading_answers(tmp_path, monkeypatch):
    sheet, _ = _sheet(tmp_path)
    sheet.saved("hate-verdict")  # in the app: nothing to say before grading
    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")
    with pytest.raises(AssertionError, match=t("exercises.sheet.not_answered", "vi")):
        sheet.saved("hate-verdict")
    sheet.answer("hate-verdict", "ok")
    sheet.saved("hate-verdict")
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    with pytest.raises(RuntimeError, match="grading.answers"):
        sheet.saved("hate-verdict")  # a course without grading.answers scores 0, never full marks
