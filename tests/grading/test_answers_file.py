"""grading.answers reads answers.json strictly and compares answers with keys in the grader (fast unit tests)."""
from __future__ import annotations

import json
import os

import pytest

from grading.answers import AnswersFileError, grade_answer, grade_function, outcome_outputs, read_answers

GOOD = {"schema_version": 1, "assignment": "art4-vi", "notebook": "art4-vi",
        "answers": {"hate-verdict": "violation", "hate-clauses": ["4(5)"], "hacked-check": "B"}}


def _write(folder, content) -> None:
    path = folder / "answers.json"
    path.write_bytes(content if isinstance(content, bytes) else json.dumps(content).encode())


def test_a_good_file_is_read(tmp_path):
    _write(tmp_path, GOOD)
    assert read_answers(tmp_path, "art4-vi", "art4-vi") == GOOD["answers"]


def test_no_file_is_its_own_case(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_answers(tmp_path, "art4-vi", "art4-vi")


@pytest.mark.parametrize("content, reason", [
    (b"{not json", "not valid JSON"),
    (b"\xff\xfe", "not UTF-8"),
    (b'{"schema_version": 1, "schema_version": 1, "assignment": "art4-vi", "notebook": "art4-vi", "answers": {}}',
     "a key appears twice"),
    (b'{"schema_version": 1, "assignment": "art4-vi", "notebook": "art4-vi", "answers": {"x": NaN}}', "NaN is not allowed"),
    ({**GOOD, "schema_version": 2}, "unsupported schema_version"),
    ({**GOOD, "assignment": "final-vi"}, "it belongs to 'final-vi'/'art4-vi'"),
    ({**GOOD, "extra": 1}, "not an answers file"),
    ({**GOOD, "answers": {"hate-verdict": {"__eq__": True}}}, "neither an option id nor a list"),
    ({**GOOD, "answers": {"hate-verdict": 1}}, "neither an option id nor a list"),
    ({**GOOD, "answers": ["violation"]}, "must map question ids"),
    (b"[" * 100000 + b"]" * 100000, "nested too deeply"),
    (json.dumps({**GOOD, "pad": "x" * 300_000}).encode(), "larger than 256 KiB"),
])
def test_a_bad_file_is_refused_with_a_reason(tmp_path, content, reason):
    _write(tmp_path, content)
    with pytest.raises(AnswersFileError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        read_answers(tmp_path, "art4-vi", "art4-vi")


def test_a_symlink_fifo_or_folder_is_refused_and_not_followed(tmp_path):
    target = tmp_path / "elsewhere.json"
    target.write_text(json.dumps(GOOD))
    (tmp_path / "answers.json").symlink_to(target)
    with pytest.raises(AnswersFileError, match="symbolic link"):
        read_answers(tmp_path, "art4-vi", "art4-vi")
    (tmp_path / "answers.json").unlink()
    os.mkfifo(tmp_path / "answers.json")
    with pytest.raises(AnswersFileError, match="not a regular file"):
        read_answers(tmp_path, "art4-vi", "art4-vi")  # returns at once: a FIFO is never opened for reading
    (tmp_path / "answers.json").unlink()
    (tmp_path / "answers.json").mkdir()
    with pytest.raises(AnswersFileError, match="not a regular file"):
        read_answers(tmp_path, "art4-vi", "art4-vi")


VERDICT = {"kind": "verdict", "answer": "violation", "options": ["ok", "caution", "violation"],
           "labels": {"ok": "OK", "caution": "Caution", "violation": "Violation"},
           "feedback": {"ok": "ok-fb", "caution": "caution-fb", "violation": "violation-fb"}, "reason": "because"}
CLAUSES = {"kind": "clauses", "answer": ["4(5)", "4(6)"], "options": ["3(3)", "4(5)", "4(6)"], "labels": {},
           "feedback": {"3(3)": "not 3(3)", "4(5)": "yes 4(5)", "4(6)": "yes 4(6)"}, "reason": "r"}
MULTI = {"kind": "multi", "answer": ["A", "C"], "options": ["A", "B", "C"], "labels": {}, "feedback": {}, "reason": ""}


@pytest.mark.parametrize("key, value, right", [
    (VERDICT, "violation", True), (VERDICT, "ok", False), (VERDICT, None, False), (VERDICT, ["violation"], False),
    (VERDICT, "VIOLATION", False),
    (CLAUSES, ["4(6)"], True), (CLAUSES, ["4(5)", "4(6)"], True), (CLAUSES, ["4(5)", "3(3)"], False), (CLAUSES, [], False),
    (CLAUSES, ["9(9)"], False), (CLAUSES, "4(5)", False),
    ({**CLAUSES, "answer": []}, [], True), ({**CLAUSES, "answer": []}, ["4(5)"], False),
    (MULTI, ["C", "A"], True), (MULTI, ["A"], False), (MULTI, ["A", "B", "C"], False),
])
def test_answers_are_compared_with_the_key(key, value, right):
    assert grade_answer(key, value, "en")[0] is right


def test_feedback_names_the_choice_the_answer_and_why():
    right, text = grade_answer(VERDICT, "ok", "en")
    assert not right and "You chose: OK." in text and "The right answer: Violation." in text
    assert "ok-fb" in text and "Why: because" in text
    right, text = grade_answer(CLAUSES, ["4(5)", "3(3)"], "vi")
    assert not right and "yes 4(5)" in text and "not 3(3)" in text
    outputs = outcome_outputs(False, text, "vi")
    assert outputs[0].output_type == "error" and outputs[0].evalue == text
    assert outcome_outputs(True, "fine", "en")[0].output_type == "stream"


FUNCTION = {"kind": "function", "name": "f", "cases": [{"text": "a", "expect": [["phone", "1"]]},
                                                       {"text": "b", "expect": []}]}


@pytest.mark.parametrize("results, right", [
    ([{"value": [["phone", "1"]]}, {"value": []}], True),
    ([{"value": [["phone", "1"]]}, {"value": [["phone", "2"]]}], False),
    ([{"value": [["phone", "1"]]}, {"error": "ValueError: x"}], False),
    ([{"value": [["phone", "1"]]}], False),
    (None, False),
    ([{"value": [["phone", 1]]}, {"value": []}], False),
    ([{"value": [["phone", "1"]], "extra": 1}, {"value": []}], False),
])
def test_function_outputs_are_compared_outside_the_kernel(results, right):
    assert grade_function(FUNCTION, results, "en")[0] is right
