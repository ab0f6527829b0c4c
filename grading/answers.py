"""Grade answers as data, in the grader's own process, inside nbgrader's autograde pipeline.

Until now the hidden tests compared answers with the key in the student's kernel, where the student's
own code ran first: it could import the course package for the keys, monkeypatch the check helpers,
swap modules in `sys.modules` or rewrite the test cells with an input transformer (issue 14). Now:

- Choice, verdict and clause answers reach the grader as data: `answers.json`, saved by the clickable
  answer sheet (conduct/widgets/answer_sheet.py). `ReadAnswers` runs before nbgrader's Execute: it
  reads the submission's answers.json strictly (a regular file, never a symlink; size-capped; JSON
  only; the schema below), takes each item's key from its test cell's hidden block (restored from the
  gradebook by nbgrader's checksums) and writes the cell's outcome as its output: nothing for a right
  answer but a line of feedback, an error output (score 0) with feedback on the option chosen for a
  wrong one. Those cells are tagged `skip-execution`, so the kernel never runs them, and the
  widget cells are skipped too: no student code runs for an answer item.
- The programming item's test cells are swapped, for the run only, for a cell that calls the
  student's function on the inputs of every case and emits the results as data; the expected outputs
  never enter the kernel. `GradeAnswers`, placed right after Execute, compares the results with the
  key, writes every graded cell's outcome (again, in case a stopped kernel overwrote it) and puts the
  original cell source back, so feedback and the formgrader show the cell as the instructor wrote it.

nbgrader's SaveAutoGrades then scores the outputs as usual (an error output is 0, otherwise full
marks), so the gradebook, the feedback and manual grading work unchanged. A missing or bad
answers.json gives that student's answer items 0 with the reason in the feedback; nobody else is
affected.

The answers file (schema_version 1):
    {"schema_version": 1, "assignment": "<id>", "notebook": "<name>",
     "answers": {"<grade id>": "<option>" | ["<option>", ...]}}
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

from nbformat.notebooknode import NotebookNode, from_dict
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Integer

from conduct.exercises.keys import ANSWER_KINDS, parse_key
from conduct.i18n import DEFAULT_LANG, LANGS, t

FILE_NAME = "answers.json"
SCHEMA_VERSION = 1
MAX_BYTES = 256 * 1024
MAX_ITEMS = 500
MAX_VALUE = 64  # characters in one option id
MAX_LIST = 64  # options in one list answer
RESULTS_MIME = "application/vnd.conduct.function-results+json"
SKIP_TAG = "skip-execution"  # nbclient's default `skip_cells_with_tag`
STATE = "conduct_answers"  # our entry in nbconvert's resources, shared by the two preprocessors
_TOP_KEYS = {"schema_version", "assignment", "notebook", "answers"}
_WIDGET_PREFIXES = ("sheet.", "from conduct.widgets import answer_sheet")


class AnswersFileError(ValueError):
    """answers.json exists but cannot be used; the message says why, for the student's feedback."""


# --- reading answers.json ----------------------------------------------------------------------


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise AnswersFileError("a key appears twice")
    return dict(pairs)


def _reject_constant(name: str) -> Any:
    raise AnswersFileError(f"{name} is not allowed")


def read_answers(
    folder: str | os.PathLike, assignment: str, notebook: str, *, max_bytes: int = MAX_BYTES
) -> dict[str, Any]:
    """The answers in `folder/answers.json`, checked strictly.

    Raises FileNotFoundError when there is no file, and AnswersFileError when it is a symlink, not a
    regular file, too big, not JSON, or not of the schema (wrong assignment or notebook included).
    """
    path = Path(folder) / FILE_NAME
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise AnswersFileError(f"cannot be read: {exc.strerror}") from None
    if stat.S_ISLNK(info.st_mode):
        raise AnswersFileError("it is a symbolic link")
    if not stat.S_ISREG(info.st_mode):
        raise AnswersFileError("it is not a regular file")
    try:  # O_NOFOLLOW: a symlink swapped in after lstat is refused, not followed
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as exc:
        raise AnswersFileError(f"cannot be opened: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise AnswersFileError("it is not a regular file")
        raw = fh.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise AnswersFileError(f"larger than {max_bytes // 1024} KiB")
    try:
        data = json.loads(raw.decode("utf-8"), object_pairs_hook=_no_duplicates, parse_constant=_reject_constant)
    except UnicodeDecodeError:
        raise AnswersFileError("not UTF-8 text") from None
    except RecursionError:
        raise AnswersFileError("nested too deeply") from None
    except ValueError as exc:
        if isinstance(exc, AnswersFileError):
            raise
        raise AnswersFileError("not valid JSON") from None
    return _check_schema(data, assignment, notebook)


def _check_schema(data: Any, assignment: str, notebook: str) -> dict[str, Any]:
    if not isinstance(data, dict) or set(data) != _TOP_KEYS:
        raise AnswersFileError("not an answers file (expected exactly: " + ", ".join(sorted(_TOP_KEYS)) + ")")
    if data["schema_version"] != SCHEMA_VERSION or isinstance(data["schema_version"], bool):
        raise AnswersFileError(f"unsupported schema_version {data['schema_version']!r}")
    if data["assignment"] != assignment or data["notebook"] != notebook:
        raise AnswersFileError(
            f"it belongs to {data['assignment']!r}/{data['notebook']!r}, not {assignment!r}/{notebook!r}"
        )
    answers = data["answers"]
    if not isinstance(answers, dict) or len(answers) > MAX_ITEMS:
        raise AnswersFileError("`answers` must map question ids to answers")
    for key, value in answers.items():
        if len(key) > 200:
            raise AnswersFileError("a question id is too long")
        values = value if isinstance(value, list) else [value]
        if isinstance(value, list) and len(value) > MAX_LIST:
            raise AnswersFileError(f"the answer to {key!r} lists too many options")
        if not all(isinstance(v, str) and 0 < len(v) <= MAX_VALUE for v in values):
            raise AnswersFileError(f"the answer to {key!r} is neither an option id nor a list of them")
    return dict(answers)


# --- comparing one answer with its key (pure) --------------------------------------------------


def _label(key: dict[str, Any], option: str) -> str:
    labels = key.get("labels") or {}
    return str(labels.get(option, option))


def grade_answer(key: dict[str, Any], value: Any, lang: str) -> tuple[bool, str]:
    """(right, feedback) for one answer; `value` is None when the student gave none.

    verdict/choice: the one option of the key. clauses: at least one of the key's clauses and none
    outside them; an empty list when the key is empty. multi: exactly the key's set.
    """
    kind, gold, options = key["kind"], key["answer"], list(key.get("options") or [])
    feedback = key.get("feedback") or {}
    if value is None:
        return False, t("exercises.graded.missing", lang)
    single = kind in ("verdict", "choice")
    if single != isinstance(value, str) or any(v not in options for v in ([value] if single else value)):
        return False, t("exercises.graded.invalid", lang, value=json.dumps(value, ensure_ascii=False))
    if single:
        right = value == gold
        chosen, shown_gold = [value], _label(key, gold)
    else:
        chosen = list(dict.fromkeys(value))
        if kind == "clauses":
            right = (not gold and not chosen) or (bool(chosen) and set(chosen) <= set(gold))
        else:
            right = set(chosen) == set(gold)
        none = t("exercises.graded.none", lang)
        shown_gold = ", ".join(_label(key, g) for g in gold) or none
    listed = ", ".join(_label(key, c) for c in chosen) or t("exercises.graded.none", lang)
    parts = [
        t("exercises.graded.right" if right else "exercises.graded.wrong", lang),
        t("exercises.graded.you_chose", lang, chosen=listed),
    ]
    if not right:
        parts.append(t("exercises.graded.expected", lang, gold=shown_gold))
    parts += [str(feedback[c]) for c in chosen if c in feedback]
    if key.get("reason"):
        parts.append(t("exercises.graded.why", lang, text=key["reason"]))
    return right, "\n".join(parts)


def grade_function(key: dict[str, Any], results: Any, lang: str) -> tuple[bool, str]:
    """(right, feedback) for one group of the programming item, from the outputs its run emitted."""
    name, cases = key["name"], key["cases"]
    if (
        not isinstance(results, list)
        or len(results) != len(cases)
        or not all(isinstance(r, dict) and len(r) == 1 and ("value" in r or "error" in r) for r in results)
    ):
        return False, t("exercises.graded.fn_missing", lang, name=name)
    problems = []
    for case, result in zip(cases, results, strict=True):
        if "error" in result:
            problems.append(
                t("exercises.graded.fn_error", lang, name=name, text=case["text"], error=str(result["error"])[:300])
            )
            continue
        got = result["value"]
        if (
            not (
                isinstance(got, list)
                and all(isinstance(p, list) and len(p) == 2 and all(isinstance(s, str) for s in p) for p in got)
            )
            or got != case["expect"]
        ):
            shown = [tuple(p) for p in got] if isinstance(got, list) and all(isinstance(p, list) for p in got) else got
            problems.append(
                t(
                    "exercises.graded.fn_wrong",
                    lang,
                    name=name,
                    text=case["text"],
                    got=repr(shown)[:300],
                    expected=repr([tuple(p) for p in case["expect"]]),
                )
            )
    if problems:
        return False, "\n".join([t("exercises.graded.wrong", lang), *problems[:3]])
    return True, t("exercises.graded.fn_right", lang, name=name, count=len(cases))


def outcome_outputs(right: bool, text: str, lang: str) -> list[NotebookNode]:
    """The outputs nbgrader's SaveAutoGrades scores: a stdout note (full marks) or an error (0)."""
    if right:
        return [from_dict({"output_type": "stream", "name": "stdout", "text": text + "\n"})]
    ename = t("exercises.graded.wrong", lang).lstrip("✗ ").rstrip(".")
    return [from_dict({"output_type": "error", "ename": ename, "evalue": text, "traceback": text.splitlines()})]


# --- the function item's run -------------------------------------------------------------------


def runner_source(name: str, texts: list[str]) -> str:
    """What runs in the student's (sandboxed) kernel for a programming test cell: outputs only."""
    return f"""# grading.answers: run {name} on every case; the results are compared in the grader
def _conduct_results(_texts):
    _out = []
    for _text in _texts:
        try:
            _got = {name}(_text)
            _out.append({{"value": [[str(_p[0]), str(_p[1])] for _p in _got]}}
                        if isinstance(_got, (list, tuple)) and all(isinstance(_p, (list, tuple)) and len(_p) == 2 for _p in _got)
                        else {{"error": "not a list of (kind, value) pairs: " + repr(_got)[:200]}})
        except Exception as _exc:
            _out.append({{"error": type(_exc).__name__ + ": " + str(_exc)[:200]}})
    return _out
from IPython.display import display as _conduct_display
_conduct_display({{{json.dumps(RESULTS_MIME)}: {{"results": _conduct_results({json.dumps(texts, ensure_ascii=False)})}}}}, raw=True)
"""


def _results_of(cell: NotebookNode) -> Any:
    """The results the run emitted (the last such output), or None."""
    found = None
    for output in cell.get("outputs", []):
        data = output.get("data", {}) if output.get("output_type") in ("display_data", "execute_result") else {}
        if RESULTS_MIME in data:
            payload = data[RESULTS_MIME]
            if isinstance(payload, str):
                try:
                    payload = json.loads(payload) if len(payload) <= MAX_BYTES else None
                except ValueError:
                    payload = None
            if isinstance(payload, dict) and len(json.dumps(payload)) <= MAX_BYTES:
                found = payload.get("results")
    return found


# --- the two preprocessors ---------------------------------------------------------------------


def _lang(nb: NotebookNode) -> str:
    lang = nb.metadata.get("conduct", {}).get("lang", DEFAULT_LANG)
    return lang if lang in LANGS else DEFAULT_LANG


def _is_widget_cell(cell: NotebookNode) -> bool:
    meta = cell.metadata.get("nbgrader", {})
    return (
        cell.cell_type == "code"
        and meta.get("locked")
        and not meta.get("grade")
        and not meta.get("solution")
        and cell.source.startswith(_WIDGET_PREFIXES)
    )


def _tag(cell: NotebookNode, on: bool) -> None:
    tags = [t_ for t_ in cell.metadata.get("tags", []) if t_ != SKIP_TAG]
    if on:
        tags.append(SKIP_TAG)
    if tags:
        cell.metadata["tags"] = tags
    else:
        cell.metadata.pop("tags", None)


class ReadAnswers(NbGraderPreprocessor):
    """Before Execute: grade every answer item from answers.json; prepare the programming item's run."""

    max_bytes = Integer(MAX_BYTES, help="Largest answers.json accepted, in bytes.").tag(config=True)

    def _submission_folder(self, resources: dict) -> Path:
        """The student's submitted folder (the original, not autograde's copy, which follows symlinks)."""
        info = resources.get("nbgrader", {})
        coursedir = CourseDirectory(config=self.config)
        return Path(coursedir.format_path(coursedir.submitted_directory, info["student"], info["assignment"]))

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        lang = _lang(nb)
        info = resources.get("nbgrader", {})
        notebook = info.get("notebook", "")
        answers: dict[str, Any] = {}
        file_problem = None
        keyed = [
            (cell, parse_key(cell.source))
            for cell in nb.cells
            if cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("grade")
        ]
        needs_file = any(key and key["kind"] in ANSWER_KINDS for _, key in keyed)
        if needs_file:
            try:
                answers = read_answers(
                    self._submission_folder(resources), info.get("assignment", ""), notebook, max_bytes=self.max_bytes
                )
            except FileNotFoundError:
                file_problem = t("exercises.graded.file_missing", lang)
            except AnswersFileError as exc:
                file_problem = t("exercises.graded.file_bad", lang, reason=str(exc))
            if file_problem:
                self.log.warning("%s/%s: %s", info.get("student"), notebook, file_problem)
        state: dict[str, Any] = {"outputs": {}, "functions": {}, "lang": lang}
        for cell, key in keyed:
            grade_id = cell.metadata["nbgrader"]["grade_id"]
            if key is None:
                continue
            if key["kind"] in ANSWER_KINDS:
                if file_problem:
                    right, text = False, file_problem
                else:
                    right, text = grade_answer(key, answers.get(grade_id), lang)
                state["outputs"][grade_id] = outcome_outputs(right, text, lang)
                cell.outputs = state["outputs"][grade_id]
                _tag(cell, True)
            elif key["kind"] == "function":
                state["functions"][grade_id] = {"source": cell.source, "key": key}
                cell.source = runner_source(key["name"], [c["text"] for c in key["cases"]])
        for cell in nb.cells:
            if _is_widget_cell(cell):
                _tag(cell, True)
        resources[STATE] = state
        return nb, resources


class GradeAnswers(NbGraderPreprocessor):
    """After Execute: write every answer item's outcome, grade the programming item's results, restore sources."""

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        state = resources.get(STATE)
        if not state:
            return nb, resources
        lang = state["lang"]
        for cell in nb.cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if grade_id in state["outputs"]:
                cell.outputs = state["outputs"][grade_id]
                _tag(cell, False)
            elif grade_id in state["functions"]:
                run = state["functions"][grade_id]
                right, text = grade_function(run["key"], _results_of(cell), lang)
                cell.source = run["source"]
                cell.outputs = outcome_outputs(right, text, lang)
            elif _is_widget_cell(cell):
                _tag(cell, False)
        return nb, resources
