"""Write the nbgrader SOURCE notebooks of every exercise from its spec (a path) and the package's data.

    python -m conduct.exercises.build                          # exercises/specs/ -> exercises/source/
    python -m conduct.exercises.build --check                  # exit 1 if exercises/source/ is out of date
    python -m conduct.exercises.build --specs DIR --out DIR art4   # only art4, from and to other folders

Each spec gives one assignment per language, `<name>-<lang>/<name>-<lang>.ipynb`: nbgrader keeps one
gradebook entry per assignment, and a cohort works in one language, so a Vietnamese and an English
notebook in the same assignment would halve every learner's maximum score.

Answers are data, not code (issue 14). A learner answers by clicking the widgets of
`conduct.widgets.answer_sheet`, which save each click to `answers.json` beside the notebook; nothing
the learner types is run. Each graded item's key is written, as JSON data, between nbgrader's
`### BEGIN HIDDEN TESTS` / `### END HIDDEN TESTS` markers of its test cell: nbgrader strips it from the
release and restores it from the gradebook at autograde, and `grading.answers` compares it with
answers.json in the grader's own process. The keys come from the specs (outside the package), never
from the lessons' practice bank. Every cell carries nbgrader metadata (schema version 3) and a stable
id, so the output is byte-for-byte reproducible.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from conduct.code import cite, clause
from conduct.curriculum.cite import expand
from conduct.datafiles import PACKAGE_ROOT, DataError
from conduct.generated import drift, sync
from conduct.i18n import t
from conduct.vocab import ROLES, VERDICTS, article_of

from .keys import ANSWER_KINDS, BEGIN_HIDDEN, END_HIDDEN, key_source
from .spec import SPEC_DIR, Item, Spec, all_specs, load_spec, spec_names

DEFAULT_OUT = PACKAGE_ROOT.parent / "exercises" / "source"
LETTERS = "ABCDEFGH"


@dataclass(frozen=True)
class GradeCell:
    """What one graded cell asks, for reports (mastery by article, most-missed questions) and tests."""

    grade_id: str
    item: str
    kind: str  # verdict, clauses, choice, multi, written, function
    points: int
    articles: tuple[int, ...]
    gold: Any
    options: tuple[str, ...] = ()


GENERATOR = "conduct.exercises.build"  # the mark on every notebook this module makes


def _s(value: Any) -> str:
    """A Python literal written as JSON (strings double-quoted, non-ASCII kept readable)."""
    return json.dumps(value, ensure_ascii=False)


def _meta(
    grade_id: str, *, grade: bool = False, solution: bool = False, locked: bool = False, points: int | None = None
) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "grade": grade,
        "grade_id": grade_id,
        "locked": locked,
        "schema_version": 3,
        "solution": solution,
    }
    if grade:
        meta["points"] = points
    return meta


def _cell(kind: str, source: str, grade_id: str, *, hidden_source: bool = False, **flags: Any):
    cell = (new_code_cell if kind == "code" else new_markdown_cell)(source.rstrip("\n"))
    cell.id = grade_id
    cell.metadata = {"nbgrader": _meta(grade_id, **flags)}
    if hidden_source:  # JupyterLab shows the cell collapsed; Voilà never shows code
        cell.metadata["jupyter"] = {"source_hidden": True}
    return cell


_CITED = re.compile(r"\[\[(\d)(?:\(\d\))?\]\]|\bArt\. (\d)\b|Điều (\d)\b")


def _cited_articles(texts: Any) -> tuple[int, ...]:
    """Articles an item cites ("[[4(5)]]", "Art. 4(5)", "Điều 4 khoản 5"), so reports can count it by article."""
    found = {int(a or b or c) for a, b, c in _CITED.findall(json.dumps(texts, ensure_ascii=False))}
    return tuple(sorted(a for a in found if 1 <= a <= 9))


def _expand_citations(item: Item) -> Item:
    """Items may cite as [[4(5)]] (the curriculum's form); write those out for the notebook's readers."""
    if "[[" not in json.dumps([item.question, item.options], ensure_ascii=False):
        return item

    def both(pair: dict[str, str]) -> dict[str, str]:
        return {lang: expand(text, lang) for lang, text in pair.items()}

    options = tuple({**o, **{k: both(o[k]) for k in ("text", "feedback") if k in o}} for o in item.options)
    return replace(item, question=both(item.question or {}), options=options)


def _clause_label(cid: str, lang: str) -> str:
    return f"{cite(cid, lang)} — {clause(cid).short[lang]}"


class _Builder:
    """Builds one notebook; collects the grade-cell index as it goes."""

    def __init__(self, spec: Spec, variant: str, lang: str) -> None:
        self.spec, self.variant, self.lang = spec, variant, lang
        self.assignment = f"{variant}-{lang}"
        self.cells: list[Any] = []
        self.index: list[GradeCell] = []
        self.n = 0

    # -- helpers ----------------------------------------------------------------------------
    def tr(self, key: str, **params: Any) -> str:
        return t(f"exercises.{key}", self.lang, **params)

    def md(self, source: str, grade_id: str) -> None:
        self.cells.append(_cell("markdown", source, grade_id, locked=True))

    def widget(self, call: str, grade_id: str) -> None:
        """A thin, locked, hidden cell that draws an item's answer widget (nbgrader restores its source)."""
        cell = _cell("code", f"sheet.{call}", grade_id, locked=True, hidden_source=True)
        self.cells.append(cell)

    def answer_test(self, grade_id: str, info: GradeCell, key: dict[str, Any]) -> None:
        """The graded cell of one answer: a visible 'is it answered?' line, and the key as hidden data."""
        header = "# " + self.tr("graded_cell", n=self.n, points=info.points)
        source = f"{header}\nsheet.saved({_s(grade_id)})\n{BEGIN_HIDDEN}\n{key_source(key)}\n{END_HIDDEN}"
        cell = _cell("code", source, grade_id, grade=True, locked=True, points=info.points, hidden_source=True)
        cell.metadata["conduct"] = {"item": info.item, "kind": info.kind, "articles": list(info.articles)}
        self.cells.append(cell)
        self.index.append(info)

    def heading(self, points: int, text: str) -> str:
        return f"## {self.tr('question', n=self.n)} · {self.tr('points', points=points)}\n\n{text}"

    def _quote(self, text: str) -> str:
        return "\n".join(f"> {line}" if line.strip() else ">" for line in text.strip().splitlines())

    # -- items ------------------------------------------------------------------------------
    def add_post(self, item: Item) -> None:
        post, lang = item.post, self.lang
        assert post is not None
        options = item.clause_options or self.spec.clause_options
        question = (item.question or {}).get(lang) or self.tr("post_question")
        body = [
            question,
            "",
            self._quote(post.text[lang]),
            "",
            f"*{self.tr('posted_by', role=t(f'code.role.{post.role}', lang))}*",
        ]
        self.md(self.heading(2, "\n".join(body)), f"{item.id}-question")
        labels = {c: _clause_label(c, lang) for c in options}
        self.widget(f"post({_s(item.id)}, {_s([[c, labels[c]] for c in options])})", f"{item.id}-widget")
        articles = item.articles or tuple(sorted({article_of(c) for c in post.clauses})) or self.spec.articles
        reason = post.reason[lang]
        verdict_labels = {v: t(f"checker.verdict.{v}", lang) for v in VERDICTS}
        verdict_key = {
            "kind": "verdict",
            "answer": post.verdict,
            "options": list(VERDICTS),
            "labels": verdict_labels,
            "feedback": {v: self.tr(f"post_feedback.{v}") for v in VERDICTS},
            "reason": reason,
        }
        self.answer_test(
            f"{item.id}-verdict",
            GradeCell(f"{item.id}-verdict", item.id, "verdict", 1, articles, post.verdict, VERDICTS),
            verdict_key,
        )
        gold = list(post.clauses)
        clause_feedback = {
            c: self.tr("clause_feedback." + ("concerned" if c in gold else "not_concerned"), clause=labels[c])
            for c in options
        }
        clause_key = {
            "kind": "clauses",
            "answer": gold,
            "options": list(options),
            "labels": labels,
            "feedback": clause_feedback,
            "reason": reason,
        }
        self.answer_test(
            f"{item.id}-clauses",
            GradeCell(f"{item.id}-clauses", item.id, "clauses", 1, articles, gold, tuple(options)),
            clause_key,
        )

    def option_table(self, item: Item) -> tuple[list[str], list[str], Any, dict[str, str]]:
        """(codes, labels, gold, feedback by code) for a choice or multi item."""
        lang = self.lang
        if item.options:
            codes = list(LETTERS[: len(item.options)])
            labels = [o["text"][lang] for o in item.options]
            correct = [c for c, o in zip(codes, item.options, strict=True) if o["correct"]]
            feedback = {c: o["feedback"][lang] for c, o in zip(codes, item.options, strict=True)}
            return codes, labels, (correct[0] if item.kind == "choice" else correct), feedback
        if item.options_from == "roles":
            codes, labels = list(ROLES), [t(f"code.role.{r}", lang) for r in ROLES]
        elif item.options_from == "verdicts":
            codes, labels = list(VERDICTS), [t(f"checker.verdict.{v}", lang) for v in VERDICTS]
        else:
            codes, labels = list(item.option_clauses), [_clause_label(c, lang) for c in item.option_clauses]
        gold = item.answer if item.answer is not None else self.answer_from(item, codes)
        golds = gold if isinstance(gold, list) else [gold]
        bad = [g for g in golds if g not in codes]
        if bad or (item.kind == "choice") != isinstance(gold, str):
            raise DataError(
                self.spec.file,
                f"items.{item.id}.answer",
                f"answer {gold!r} does not fit the options {codes}",
                "a choice takes one option code, a multi a list of them",
            )
        feedback = {
            c: self.tr("option_feedback." + ("in_answer" if c in golds else "not_in_answer"), option=label)
            for c, label in zip(codes, labels, strict=True)
        }
        if item.options_from == "clauses":  # say what each clause is, so a wrong pick teaches something
            feedback = {
                c: self.tr(
                    "option_feedback.clause_kind", option=label, kind=self.tr(f"clause_kind.{clause(c).kinds[0]}")
                )
                for c, label in zip(codes, labels, strict=True)
            }
        return codes, labels, gold, feedback

    def answer_from(self, item: Item, codes: list[str]) -> Any:
        """Derive a key from the Code's data, so it cannot drift from the lessons."""
        rule = item.answer_from or {}
        if "clause_binds" in rule:  # which roles a clause binds
            return [r for r in codes if r in clause(rule["clause_binds"]).binds]
        if "clauses_of_kind" in rule:  # which of the offered clauses are of a kind (e.g. recommendation)
            return [c for c in codes if rule["clauses_of_kind"] in clause(c).kinds]
        if "clause_kind" in rule:
            return clause(rule["clause_kind"]).kind
        raise DataError(
            self.spec.file,
            f"items.{item.id}.answer_from",
            f"unknown rule {rule}",
            "use clause_binds, clauses_of_kind or clause_kind",
        )

    def add_choice(self, item: Item) -> None:
        item = _expand_citations(item)
        codes, labels, gold, feedback = self.option_table(item)
        lang = self.lang
        hint = self.tr("choice_one" if item.kind == "choice" else "choice_many")
        self.md(self.heading(1, f"{(item.question or {})[lang]}\n\n*{hint}*"), f"{item.id}-question")
        method = "choice" if item.kind == "choice" else "multi"
        shown = [[c, f"{c}. {label}" if item.options else label] for c, label in zip(codes, labels, strict=True)]
        self.widget(f"{method}({_s(item.id)}, {_s(shown)})", f"{item.id}-widget")
        articles = item.articles or _cited_articles([item.question, item.options]) or self.spec.articles
        key = {
            "kind": item.kind,
            "answer": gold,
            "options": codes,
            "labels": dict(shown),
            "feedback": feedback,
            "reason": "",
        }
        self.answer_test(
            f"{item.id}-check", GradeCell(f"{item.id}-check", item.id, item.kind, 1, articles, gold, tuple(codes)), key
        )

    add_multi = add_choice

    def add_written(self, item: Item) -> None:
        lang = self.lang
        points = sum(r["points"] for r in item.rubric)
        lines = [self.heading(points, (item.question or {})[lang])]
        if item.shown_post:
            lines += ["", self._quote(item.shown_post[lang])]
        lines += ["", f"**{self.tr('rubric', points=points)}:**", ""]
        lines += [f"- {r['points']} — {r['text'][lang]}" for r in item.rubric]
        lines += ["", f"*{self.tr('written_answer')}*"]
        self.md("\n".join(lines), f"{item.id}-question")
        cell = _cell(
            "markdown", (item.model or {})[lang], f"{item.id}-written", grade=True, solution=True, points=points
        )
        articles = item.articles or self.spec.articles
        cell.metadata["conduct"] = {"item": item.id, "kind": "written", "articles": list(articles)}
        self.cells.append(cell)
        self.index.append(GradeCell(f"{item.id}-written", item.id, "written", points, articles, None))

    def add_function(self, item: Item) -> None:
        """The programming item: the learner's function runs (sandboxed) only to produce outputs;
        the expected outputs stay in the hidden block and are compared in the grader (grading.answers)."""
        fn, lang = item.function, self.lang
        name = fn["name"]
        total = sum(g["points"] for g in fn["groups"])
        self.md(self.heading(total, (item.question or {})[lang]), f"{item.id}-question")
        doc = "\n".join(("    " + line) if line.strip() else "" for line in fn["doc"][lang].strip().splitlines())
        solution = "\n".join(("    " + line) if line.strip() else "" for line in fn["solution"].rstrip().splitlines())
        source = (
            f'# {self.tr("function_cell")}\nimport re\n\n\ndef {name}(text):\n    """\n{doc}\n    """\n'
            f"    ### BEGIN SOLUTION\n{solution}\n    ### END SOLUTION"
        )
        self.cells.append(_cell("code", source, f"{item.id}-answer", solution=True))
        for group in fn["groups"]:
            gid = f"{item.id}-{group['id']}"
            visible = "\n".join(
                f"checks.expect_found({name}, {_s(text)}, {_s([list(p) for p in exp])}, {_s(lang)}, name={_s(name)})"
                for text, exp in group["visible"]
            )
            self.md(f"### {group['title'][lang]}", f"{gid}-title")
            header = "# " + self.tr("function_check", points=group["points"])
            cases = [
                {"text": text, "expect": [list(p) for p in exp]}
                for part in ("visible", "hidden")
                for text, exp in group[part]
            ]
            key = {"kind": "function", "name": name, "cases": cases}
            src = (
                f"{header}\nfrom conduct.exercises import checks\n{visible}\n"
                f"{BEGIN_HIDDEN}\n{key_source(key)}\n{END_HIDDEN}"
            )
            cell = _cell("code", src, gid, grade=True, locked=True, points=group["points"])
            cell.metadata["conduct"] = {"item": item.id, "kind": "function", "articles": list(item.articles)}
            self.cells.append(cell)
            self.index.append(GradeCell(gid, item.id, "function", group["points"], item.articles, None))

    # -- the notebook -----------------------------------------------------------------------
    def build(self):
        for item in self.spec.items:
            self.n += 1
            getattr(self, f"add_{item.kind}")(item)
        auto = sum(c.points for c in self.index if c.kind != "written")
        manual = sum(c.points for c in self.index if c.kind == "written")
        title = self.spec.title_for(self.variant)[self.lang]
        header = [f"# {title}", "", self.spec.intro[self.lang].strip(), ""]
        clicks = any(c.kind in ANSWER_KINDS for c in self.index)
        if clicks:  # only notebooks with clickable answers need the how-to
            steps = [self.tr("how_open"), self.tr("how_click"), self.tr("how_saved"), self.tr("how_graded")]
            if manual:
                steps.append(self.tr("how_written"))
            steps.append(self.tr("how_submit"))
            header += [f"### {self.tr('how_title')}", ""] + [f"{i}. {step}" for i, step in enumerate(steps, 1)] + [""]
        total = (
            self.tr("total", points=auto + manual, auto=auto, manual=manual)
            if manual
            else self.tr("total_auto", points=auto)
        )
        header.append(f"**{total}**")
        first = [_cell("markdown", "\n".join(header), "header", locked=True)]
        if clicks:
            setup = (
                f"from conduct.widgets import answer_sheet\n"
                f"sheet = answer_sheet.Sheet({_s(self.assignment)}, {_s(self.lang)})"
            )
            first.append(_cell("code", setup, "answer-sheet", locked=True, hidden_source=True))
        self.cells[:0] = first
        nb = new_notebook(
            cells=self.cells,
            metadata={
                "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
                "language_info": {"name": "python"},
                "conduct": {
                    "generated_by": GENERATOR,
                    "assignment": self.assignment,
                    "spec": self.spec.id,
                    "lang": self.lang,
                    "articles": list(self.spec.articles),
                },
            },
        )
        nb.nbformat, nb.nbformat_minor = 4, 5
        return nb


def build_notebook(spec: Spec, variant: str, lang: str):
    """(notebook, grade-cell index) for one assignment of a spec."""
    builder = _Builder(spec, variant, lang)
    nb = builder.build()
    return nb, builder.index


def assignments(specs: Sequence[Spec] | None = None, folder: Path = SPEC_DIR) -> dict[str, tuple[Spec, str, str]]:
    """Every assignment id → (spec, variant, lang)."""
    return {
        aid: (spec, variant, lang)
        for spec in (specs if specs is not None else all_specs(folder))
        for aid, variant, lang in spec.assignments()
    }


def index(assignment_id: str, folder: Path = SPEC_DIR) -> list[GradeCell]:
    """The graded cells of one assignment: what each asks, its article(s), its key."""
    table = assignments(folder=folder)
    if assignment_id not in table:
        raise KeyError(f"no exercise assignment {assignment_id!r}: choose from {', '.join(sorted(table))}")
    return build_notebook(*table[assignment_id])[1]


def render(spec: Spec, variant: str, lang: str) -> str:
    nb, _ = build_notebook(spec, variant, lang)
    return nbformat.writes(nb, version=4) + "\n"


def build_all(out: Path, names: Sequence[str] = (), folder: Path = SPEC_DIR) -> dict[Path, str]:
    """Every notebook's text by its path under `out` (nothing written)."""
    unknown = sorted(set(names) - set(spec_names(folder)))
    if unknown:
        raise KeyError(f"no exercise spec {', '.join(unknown)}: choose from {', '.join(spec_names(folder))}")
    specs = [load_spec(n, folder) for n in names] if names else all_specs(folder)
    return {out / aid / f"{aid}.ipynb": render(*triple) for aid, triple in assignments(specs).items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m conduct.exercises.build", description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="spec names (file stems in the specs folder); default all")
    parser.add_argument("--specs", type=Path, default=SPEC_DIR, help="the folder of exercise specs (exercises/specs)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the nbgrader source/ folder to write")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if any notebook differs")
    args = parser.parse_args(argv)
    try:
        wanted = build_all(args.out, args.names, args.specs)
    except (DataError, KeyError) as exc:
        print(f"error: {exc.args[0] if isinstance(exc, KeyError) else exc}", file=sys.stderr)
        return 2
    # a full build also owns removals: a notebook of ours no spec makes any more (a renamed exercise)
    folders = [] if args.names else [d for d in args.out.iterdir() if d.is_dir()] if args.out.is_dir() else []
    if args.check:
        problems = drift(wanted, folders, GENERATOR).problems(args.out)
        for line in problems:
            print(line, file=sys.stderr)
        return 1 if problems else 0
    changed = sync(wanted, folders, GENERATOR)
    print(
        f"{len(wanted)} notebook(s), {len(changed.missing) + len(changed.differing)} written, "
        f"{len(changed.stale)} removed, in {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
