"""The clickable answer sheet of a graded assignment: answers are data, saved to answers.json.

A learner answers a graded notebook by clicking, as in the lessons; nothing they type is run
(issue 14). Each click is written at once, atomically, to `answers.json` beside the notebook:

    {"schema_version": 1, "assignment": "art4-vi", "notebook": "art4-vi",
     "answers": {"hate-verdict": "violation", "hate-clauses": ["4(5)"], "hacked-check": "B",
                 "recommend-check": ["4(2)", "4(7)"]}}

Keys are the grade ids of the graded cells; values are a verdict word, a sorted list of clause ids,
an option id, or a list of option ids (in the options' order). The sheet never says right or wrong:
`grading.answers` grades the file in the grader's own process after submission and writes feedback
for each choice. The assignment notebook holds only thin locked cells (`sheet.post(...)`,
`sheet.choice(...)`), so the same notebook works in Voilà and JupyterLab.

Accessibility: every choice is a ToggleButton or a Checkbox (focusable with Tab, pressed with Space
or Enter), labelled with its full text; each item has a status line in an ARIA live region that says
when the answer is saved (or why it could not be), and all text comes from the catalogue.

`AnswerFile` is the state (no widgets): tests and other front ends call `Sheet.answer(key, value)`,
which checks the value against the item's options and saves it, exactly as a click does.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import ipywidgets as W

from conduct.i18n import check_lang, t
from conduct.vocab import VERDICTS, ClauseId
from conduct.widgets.a11y import LiveRegion, esc, live_region, say
from conduct.widgets.style import WRAP_CLASS, learner_box

SCHEMA_VERSION = 1
FILE_NAME = "answers.json"


class AnswerFile:
    """answers.json of one notebook: read leniently (a learner must never see a traceback), written atomically."""

    def __init__(self, assignment: str, notebook: str, folder: str | os.PathLike | None = None) -> None:
        self.assignment, self.notebook = assignment, notebook
        self.path = Path(folder if folder is not None else os.getcwd()) / FILE_NAME

    def answers(self) -> dict[str, Any]:
        """The saved answers; {} when there is no file or it is not this notebook's."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if (
            not isinstance(data, dict)
            or data.get("assignment") != self.assignment
            or data.get("notebook") != self.notebook
            or not isinstance(data.get("answers"), dict)
        ):
            return {}
        return dict(data["answers"])

    def save(self, key: str, value: Any) -> None:
        """Record one answer (None removes it): read, update, write to a temporary file in the same folder, then rename."""
        answers = self.answers()
        if value is None:  # the learner cleared every box: no answer, rather than a stale one
            answers.pop(key, None)
        else:
            answers[key] = value
        data = {
            "schema_version": SCHEMA_VERSION,
            "assignment": self.assignment,
            "notebook": self.notebook,
            "answers": dict(sorted(answers.items())),
        }
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        fd, tmp = tempfile.mkstemp(prefix=".answers-", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)  # readers see the old file or the new one, never half of one
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


class Sheet:
    """The answer widgets of one assignment notebook, bound to its answers.json."""

    def __init__(
        self, assignment: str, lang: str = "vi", *, notebook: str | None = None, folder: str | os.PathLike | None = None
    ) -> None:
        self.lang = check_lang(lang)
        self.file = AnswerFile(assignment, notebook or assignment, folder)
        self.items: dict[str, tuple[str, tuple[str, ...]]] = {}  # grade id -> (kind, option ids)
        self.buttons: dict[str, dict[str, W.Widget]] = {}  # grade id -> option id -> its widget (for tests)
        self.status: dict[str, LiveRegion] = {}

    # -- state --------------------------------------------------------------------------------
    def answer(self, key: str, value: Any) -> Any:
        """Check `value` against the item's options, normalise it and save it; return what was saved."""
        if key not in self.items:
            raise KeyError(f"no answer item {key!r} in this sheet")
        kind, options = self.items[key]
        if value is None:
            self.file.save(key, None)
            return None
        if kind in ("verdict", "choice"):
            if value not in options:
                raise ValueError(f"{key}: {value!r} is not one of {options}")
            clean: Any = value
        else:
            chosen = list(dict.fromkeys(value))
            if any(v not in options for v in chosen):
                raise ValueError(f"{key}: {chosen!r} is not a list drawn from {options}")
            clean = sorted(chosen, key=ClauseId.parse) if kind == "clauses" else [o for o in options if o in chosen]
        self.file.save(key, clean)
        return clean

    def saved(self, key: str) -> None:
        """The visible line of a graded cell. Under `nbgrader validate` an unanswered item fails; in the
        app and in JupyterLab it shows nothing (no right or wrong before grading).

        At autograde `grading.answers` grades the item and this cell is not run; if it runs there, the
        course's config lacks that step, and the cell fails so that the item scores 0, never full marks.
        """
        mode = os.environ.get("NBGRADER_EXECUTION")
        if mode == "autograde":
            raise RuntimeError(
                "this course's nbgrader config does not grade answers.json "
                "(add grading.answers to c.Autograde.autograde_preprocessors)"
            )
        if mode == "validate" and key not in self.file.answers():
            raise AssertionError(t("exercises.sheet.not_answered", self.lang))

    def _saved_note(self, key: str, value: Any) -> None:
        """Save a click and say so in the item's live region (or say why it could not be saved)."""
        try:
            self.answer(key, value)
        except OSError as exc:
            say(
                self.status[key],
                f"<p>{esc(t('exercises.sheet.not_saved', self.lang, path=str(self.file.path), error=exc.strerror or exc))}</p>",
            )
            return
        say(self.status[key], f"<p>{esc(t('exercises.sheet.saved', self.lang))}</p>")

    # -- widgets ------------------------------------------------------------------------------
    def _single(self, key: str, kind: str, options: Sequence[Sequence[str]], label: str) -> W.VBox:
        """One answer among options: toggle buttons that behave as a radio group."""
        ids = tuple(o[0] for o in options)
        self.items[key] = (kind, ids)
        current = self.file.answers().get(key)
        buttons: dict[str, W.ToggleButton] = {}
        busy = {"on": False}

        def clicked(change: dict, oid: str) -> None:
            if busy["on"]:
                return
            busy["on"] = True
            try:
                if change["new"]:
                    for other, b in buttons.items():
                        if other != oid:
                            b.value = False
                    self._saved_note(key, oid)
                else:  # pressing the chosen answer again keeps it chosen: there is no "unanswer"
                    buttons[oid].value = True
            finally:
                busy["on"] = False

        for oid, text in options:
            b = W.ToggleButton(
                value=(oid == current),
                description=text,
                tooltip=text,
                layout=W.Layout(width="auto", max_width="100%", height="auto"),
            )
            b.add_class(WRAP_CLASS)
            b.observe(lambda change, oid=oid: clicked(change, oid), names="value")
            buttons[oid] = b
        self.buttons[key] = dict(buttons)
        self.status[key] = live_region()
        return W.VBox([W.HTML(f"<b>{esc(label)}</b>"), W.VBox(list(buttons.values())), self.status[key]])

    def _many(
        self, key: str, kind: str, options: Sequence[Sequence[str]], label: str, none_label: str | None = None
    ) -> W.VBox:
        """Several answers: one checkbox per option, and optionally a 'none of them' box that clears them."""
        ids = tuple(o[0] for o in options)
        self.items[key] = (kind, ids)
        current = self.file.answers().get(key)
        chosen = set(current) if isinstance(current, list) else set()
        boxes = {
            oid: W.Checkbox(value=oid in chosen, description=text, indent=False, layout=W.Layout(width="100%"))
            for oid, text in options
        }
        none = (
            W.Checkbox(value=current == [], description=none_label, indent=False, layout=W.Layout(width="100%"))
            if none_label
            else None
        )
        busy = {"on": False}

        def changed(_change: dict, is_none: bool) -> None:
            if busy["on"]:
                return
            busy["on"] = True
            try:
                if is_none and none is not None and none.value:
                    for b in boxes.values():
                        b.value = False
                elif not is_none and none is not None and any(b.value for b in boxes.values()):
                    none.value = False
                picked = [oid for oid, b in boxes.items() if b.value]
                answered = bool(picked) or (none is not None and none.value)
                self._saved_note(key, picked if answered else None)
            finally:
                busy["on"] = False

        for b in boxes.values():
            b.observe(lambda change: changed(change, False), names="value")
        if none is not None:
            none.observe(lambda change: changed(change, True), names="value")
        self.buttons[key] = {**boxes, **({"": none} if none is not None else {})}
        self.status[key] = live_region()
        kids: list[W.Widget] = [W.HTML(f"<b>{esc(label)}</b>"), *boxes.values()]
        if none is not None:
            kids.append(none)
        return W.VBox([*kids, self.status[key]])

    def post(self, item: str, clauses: Sequence[Sequence[str]]) -> W.VBox:
        """A post item: the verdict (one of three) and the clauses concerned (or none)."""
        verdicts = [(v, t(f"checker.verdict.{v}", self.lang)) for v in VERDICTS]
        return learner_box(
            [
                self._single(f"{item}-verdict", "verdict", verdicts, t("exercises.sheet.verdict_label", self.lang)),
                self._many(
                    f"{item}-clauses",
                    "clauses",
                    clauses,
                    t("exercises.sheet.clauses_label", self.lang),
                    none_label=t("exercises.sheet.none_applies", self.lang),
                ),
            ]
        )

    def choice(self, item: str, options: Sequence[Sequence[str]]) -> W.VBox:
        """A question with one right option."""
        return learner_box(
            [self._single(f"{item}-check", "choice", options, t("exercises.sheet.options_label", self.lang))]
        )

    def multi(self, item: str, options: Sequence[Sequence[str]]) -> W.VBox:
        """A question with several right options (the answer is the set chosen)."""
        return learner_box(
            [self._many(f"{item}-check", "multi", options, t("exercises.sheet.options_label", self.lang))]
        )
