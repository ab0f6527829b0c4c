"""Write the nbgrader SOURCE notebooks of every exercise from its spec and the package's data.

    python -m conduct.exercises.build                 # (re)write exercises/source/
    python -m conduct.exercises.build --check         # exit 1 if exercises/source/ is out of date
    python -m conduct.exercises.build --out DIR art4  # only the art4 spec, into DIR

Each spec gives one assignment per language, `<name>-<lang>/<name>-<lang>.ipynb`: nbgrader keeps one
gradebook entry per assignment, and a cohort works in one language, so a Vietnamese and an English
notebook in the same assignment would halve every learner's maximum score.

Gold answers (a post's verdict and clauses, the correct option of a quiz item) are read from the
data now and written into the hidden tests, so the exercises always agree with the bank and the
lessons; the committed notebooks are checked against a fresh build by the tests. Every cell carries
nbgrader metadata (schema version 3) and a stable id, so the output is byte-for-byte reproducible.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable, Sequence

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from conduct.datafiles import PACKAGE_ROOT, DataError, bilingual, load, require
from conduct.i18n import t

from .checks import VERDICTS
from .spec import Item, Spec, all_specs, load_spec, spec_names

DEFAULT_OUT = PACKAGE_ROOT.parent / "exercises" / "source"
LETTERS = "ABCDEFGH"
EXAMPLES = {"verdict": '`verdict_post_N = "caution"`', "clauses": '`clauses_post_N = ["4(4)"]`',
            "choice": '`answer_N = "B"`', "multi": '`answer_N = ["A", "C"]`'}


@dataclass(frozen=True)
class GradeCell:
    """What one graded cell asks, for reports (mastery by article, most-missed questions)."""

    grade_id: str
    item: str
    kind: str  # verdict, clauses, choice, multi, written, function
    points: int
    articles: tuple[int, ...]
    variable: str | None
    gold: Any
    post: str | None = None


def _s(value: str) -> str:
    """A Python string literal, double-quoted, non-ASCII kept readable."""
    return json.dumps(value, ensure_ascii=False)


def _list(values: Iterable[str]) -> str:
    return "[" + ", ".join(_s(v) for v in values) + "]"


def _pairs(pairs: Iterable[Sequence[str]]) -> str:
    return "[" + ", ".join(f"({_s(k)}, {_s(v)})" for k, v in pairs) + "]"


def _meta(grade_id: str, *, grade: bool = False, solution: bool = False, locked: bool = False,
          points: int | None = None) -> dict[str, Any]:
    meta: dict[str, Any] = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
                            "solution": solution}
    if grade:
        meta["points"] = points
    return meta


def _cell(kind: str, source: str, grade_id: str, **flags: Any):
    cell = (new_code_cell if kind == "code" else new_markdown_cell)(source.rstrip("\n"))
    cell.id = grade_id
    cell.metadata = {"nbgrader": _meta(grade_id, **flags)}
    return cell


def _articles_of(clauses: Iterable[str]) -> tuple[int, ...]:
    return tuple(sorted({int(c.split("(")[0]) for c in clauses}))


_CITED = re.compile(r"\[\[(\d)(?:\(\d\))?\]\]|\bArt\. (\d)\b")


def _cited_articles(texts: Any) -> tuple[int, ...]:
    """Articles a quiz item cites ("[[4(5)]]" or "Art. 4(5)"), so reports can count it by article."""
    found = {int(a or b) for a, b in _CITED.findall(json.dumps(texts, ensure_ascii=False))}
    return tuple(sorted(found))


def _expand_citations(item: Item) -> Item:
    """Quiz files may cite as [[4(5)]] (the curriculum's form); write those out for the notebook's readers."""
    if "[[" not in json.dumps([item.question, item.options], ensure_ascii=False):
        return item
    from conduct.curriculum.cite import expand

    def both(pair: dict[str, str]) -> dict[str, str]:
        return {lang: expand(text, lang) for lang, text in pair.items()}

    options = tuple({**o, **{k: both(o[k]) for k in ("text", "feedback") if k in o}} for o in item.options)
    return replace(item, question=both(item.question or {}), options=options)


class _Builder:
    """Builds one notebook; collects the grade-cell index as it goes."""

    def __init__(self, spec: Spec, variant: str, lang: str) -> None:
        self.spec, self.variant, self.lang = spec, variant, lang
        self.assignment = f"{variant}-{lang}"
        self.cells: list[Any] = []
        self.index: list[GradeCell] = []
        self.used_posts: set[str] = set()
        self.examples: list[str] = []  # one answer line per kind of answer, for the how-to
        self.n = 0

    # -- helpers ----------------------------------------------------------------------------
    def tr(self, key: str, **params: Any) -> str:
        return t(f"exercises.{key}", self.lang, **params)

    def md(self, source: str, grade_id: str) -> None:
        self.cells.append(_cell("markdown", source, grade_id, locked=True))

    def code(self, source: str, grade_id: str) -> None:
        self.cells.append(_cell("code", source, grade_id, locked=True))

    def answer(self, template: str, solution: str, grade_id: str, forms: Sequence[str] = ()) -> None:
        for form in forms:  # how-to examples show each form used, never a real answer
            if EXAMPLES[form] not in self.examples:
                self.examples.append(EXAMPLES[form])
        source = f"{template}\n### BEGIN SOLUTION\n{solution}\n### END SOLUTION"
        self.cells.append(_cell("code", source, grade_id, solution=True))

    def test(self, grade_id: str, points: int, visible: str, hidden: str, info: GradeCell) -> None:
        header = "# " + self.tr("check_cell", n=self.n, points=points)
        source = f"{header}\nfrom conduct.exercises import checks\n{visible}\n### BEGIN HIDDEN TESTS\n{hidden}\n### END HIDDEN TESTS"
        cell = _cell("code", source, grade_id, grade=True, locked=True, points=points)
        cell.metadata["conduct"] = {"item": info.item, "kind": info.kind, "articles": list(info.articles)}
        self.cells.append(cell)
        self.index.append(info)

    def heading(self, points: int, text: str) -> str:
        return f"## {self.tr('question', n=self.n)} · {self.tr('points', points=points)}\n\n{text}"

    # -- items ------------------------------------------------------------------------------
    def resolve_post(self, item: Item):
        from conduct.bank import load_posts, post

        if item.post:
            return post(item.post[self.lang])
        sel = dict(item.select or {})
        pick = int(sel.pop("pick", 0))
        query = {k: sel.pop(k) for k in ("audience", "concern") if k in sel}
        candidates = [p for p in sorted(load_posts(lang=self.lang, **query), key=lambda p: p.id)
                      if all(getattr(p, k) == v for k, v in sel.items()) and p.id not in self.used_posts]
        if len(candidates) <= pick:
            raise DataError(self.spec.file, f"items.{item.id}.select",
                            f"only {len(candidates)} unused {self.lang} post(s) match {item.select}",
                            "loosen the filter, lower `pick`, or name the post")
        return candidates[pick]

    def add_post(self, item: Item) -> None:
        p = self.resolve_post(item)
        self.used_posts.add(p.id)
        options = item.clause_options or self.spec.clause_options
        gold = list(p.clauses) if p.verdict != "ok" else []  # an ok post raises no problem under any clause
        missing = [c for c in gold if c not in options]
        if missing:
            raise DataError(self.spec.file, f"items.{item.id}",
                            f"post {p.id}'s gold clauses {missing} are not among the clauses offered",
                            "add them to clause_options")
        n, lang = self.n, self.lang
        vname, cname = f"verdict_post_{n}", f"clauses_post_{n}"
        question = (item.question or {}).get(lang) or self.tr("post_question")
        self.md(self.heading(2, question), f"{item.id}-question")
        self.code(f"from conduct.exercises import present\npresent.post({_s(p.id)}, {_s(lang)}, clauses={_list(options)})",
                  f"{item.id}-post")
        verdict_hint = self.tr("verdict_hint", options=", ".join(_s(v) for v in VERDICTS))
        template = (f"# {self.tr('answer_intro', n=n)}\n"
                    f'{vname} = "..."   # {verdict_hint}\n'
                    f"{cname} = [...]   # {self.tr('clauses_hint')}")
        solution = f"{vname} = {_s(p.verdict)}\n{cname} = {_list(gold)}"
        self.answer(template, solution, f"{item.id}-answer", ("verdict", "clauses"))
        articles = item.articles or _articles_of(p.clauses) or self.spec.articles
        self.test(f"{item.id}-verdict", 1,
                  f"checks.verdict({vname}, {_s(lang)}, name={_s(vname)})",
                  f"checks.expect_verdict({vname}, {_s(p.verdict)}, {_s(lang)}, name={_s(vname)}, post={_s(p.id)})",
                  GradeCell(f"{item.id}-verdict", item.id, "verdict", 1, articles, vname, p.verdict, p.id))
        self.test(f"{item.id}-clauses", 1,
                  f"checks.clauses({cname}, {_list(options)}, {_s(lang)}, name={_s(cname)})",
                  f"checks.expect_clauses({cname}, {_list(gold)}, {_list(options)}, {_s(lang)}, "
                  f"name={_s(cname)}, post={_s(p.id)})",
                  GradeCell(f"{item.id}-clauses", item.id, "clauses", 1, articles, cname, gold, p.id))

    def option_table(self, item: Item) -> tuple[list[str], list[str], Any, dict[str, str]]:
        """(codes, labels, gold, feedback by code) for a choice or multi item."""
        lang = self.lang
        if item.options:
            codes = list(LETTERS[: len(item.options)])
            labels = [o["text"][lang] for o in item.options]
            correct = [c for c, o in zip(codes, item.options) if o["correct"]]
            feedback = {c: o["feedback"][lang] for c, o in zip(codes, item.options) if "feedback" in o}
            return codes, labels, (correct[0] if item.kind == "choice" else correct), feedback
        if item.options_from == "roles":
            from conduct import ROLES

            codes, labels = list(ROLES), [t(f"code.role.{r}", lang) for r in ROLES]
        elif item.options_from == "verdicts":
            codes, labels = list(VERDICTS), [t(f"exercises.verdict.{v}", lang) for v in VERDICTS]
        else:
            from conduct.code import clause

            codes, labels = list(item.option_clauses), [clause(c).short[lang] for c in item.option_clauses]
        gold = item.answer if item.answer is not None else self.answer_from(item, codes)
        golds = gold if isinstance(gold, list) else [gold]
        bad = [g for g in golds if g not in codes]
        if bad or (item.kind == "choice") != isinstance(gold, str):
            raise DataError(self.spec.file, f"items.{item.id}.answer", f"answer {gold!r} does not fit the options {codes}",
                            "a choice takes one option code, a multi a list of them")
        return codes, labels, gold, {}

    def answer_from(self, item: Item, codes: list[str]) -> Any:
        """Derive a gold answer from the Code's data, so it cannot drift from the lessons."""
        from conduct.code import clause

        rule = item.answer_from or {}
        if "clause_binds" in rule:  # which roles a clause binds
            return [r for r in codes if r in clause(rule["clause_binds"]).binds]
        if "clauses_of_kind" in rule:  # which of the offered clauses are of a kind (e.g. recommendation)
            return [c for c in codes if rule["clauses_of_kind"] in clause(c).kinds]
        if "clause_kind" in rule:
            return clause(rule["clause_kind"]).kind
        raise DataError(self.spec.file, f"items.{item.id}.answer_from", f"unknown rule {rule}",
                        "use clause_binds, clauses_of_kind or clause_kind")

    def add_choice(self, item: Item, feedback_override: dict[str, str] | None = None) -> None:
        codes, labels, gold, feedback = self.option_table(item)
        n, lang = self.n, self.lang
        var = f"answer_{n}"
        lines = [self.heading(1, item.question[lang]), "", f"**{self.tr('choice_options')}:**", ""]
        lines += [f'- `"{c}"` — {label}' for c, label in zip(codes, labels)]
        self.md("\n".join(lines), f"{item.id}-question")
        shown = ", ".join(_s(c) for c in codes)
        if item.kind == "choice":
            template = f'# {self.tr("answer_intro", n=n)}\n{var} = "..."   # {self.tr("choice_hint", options=shown)}'
            solution = f"{var} = {_s(gold)}"
            visible = f"checks.choice({var}, {_list(codes)}, {_s(lang)}, name={_s(var)})"
            fb = f", feedback={json.dumps(feedback, ensure_ascii=False)}" if feedback else ""
            hidden = f"checks.expect_choice({var}, {_s(gold)}, {_list(codes)}, {_s(lang)}, name={_s(var)}{fb})"
        else:
            template = f'# {self.tr("answer_intro", n=n)}\n{var} = [...]   # {self.tr("multi_hint", example=_s(codes[0]))}'
            solution = f"{var} = {_list(gold)}"
            visible = f"checks.choices({var}, {_list(codes)}, {_s(lang)}, name={_s(var)})"
            hidden = f"checks.expect_choices({var}, {_list(gold)}, {_list(codes)}, {_s(lang)}, name={_s(var)})"
        self.answer(template, solution, f"{item.id}-answer", (item.kind,))
        articles = item.articles or self.spec.articles
        self.test(f"{item.id}-check", 1, visible, hidden,
                  GradeCell(f"{item.id}-check", item.id, item.kind, 1, articles, var, gold))

    add_multi = add_choice

    def add_quiz(self, item: Item) -> None:
        """Widget-format quiz items (conduct/school/…) become choice items, one per question."""
        file = item.file or ""
        data = load(file)
        for i, raw in enumerate(require(file, data, "items", list)):
            where = f"items[{i}]"
            options = []
            for j, opt in enumerate(require(file, raw, "options", list, where)):
                w = f"{where}.options[{j}]"
                options.append({"text": bilingual(file, opt, "text", w), "correct": bool(opt.get("correct")),
                                "feedback": bilingual(file, opt, "feedback", w)})
            if sum(o["correct"] for o in options) != 1:
                raise DataError(file, where, "not exactly one correct option", "mark one `correct: true`")
            question = bilingual(file, raw, "question", where)
            sub = Item(kind="choice", id=require(file, raw, "id", str, where), question=question,
                       options=tuple(options), articles=_cited_articles([question, *options]) or self.spec.articles)
            sub = _expand_citations(sub)
            if i:
                self.n += 1
            self.add_choice(sub)

    def add_written(self, item: Item) -> None:
        lang = self.lang
        points = sum(r["points"] for r in item.rubric)
        lines = [self.heading(points, item.question[lang]), "", f"**{self.tr('rubric', points=points)}:**", ""]
        lines += [f"- {r['points']} — {r['text'][lang]}" for r in item.rubric]
        lines += ["", f"*{self.tr('written_answer')}*"]
        self.md("\n".join(lines), f"{item.id}-question")
        if item.post:
            self.code(f"from conduct.exercises import present\npresent.post({_s(item.post[lang])}, {_s(lang)}, verdicts=False)",
                      f"{item.id}-post")
        cell = _cell("markdown", item.model[lang], f"{item.id}-written", grade=True, solution=True, points=points)
        articles = item.articles or self.spec.articles
        cell.metadata["conduct"] = {"item": item.id, "kind": "written", "articles": list(articles)}
        self.cells.append(cell)
        self.index.append(GradeCell(f"{item.id}-written", item.id, "written", points, articles, None, None,
                                    item.post[lang] if item.post else None))

    def add_function(self, item: Item) -> None:
        fn, lang = item.function, self.lang
        name = fn["name"]
        total = sum(g["points"] for g in fn["groups"])
        self.md(self.heading(total, item.question[lang]), f"{item.id}-question")
        doc = "\n".join(("    " + line) if line.strip() else "" for line in fn["doc"][lang].strip().splitlines())
        solution = "\n".join(("    " + line) if line.strip() else "" for line in fn["solution"].rstrip().splitlines())
        source = (f"# {self.tr('function_cell')}\nimport re\n\n\ndef {name}(text):\n    \"\"\"\n{doc}\n    \"\"\"\n"
                  f"    ### BEGIN SOLUTION\n{solution}\n    ### END SOLUTION")
        self.cells.append(_cell("code", source, f"{item.id}-answer", solution=True))
        for group in fn["groups"]:
            gid = f"{item.id}-{group['id']}"
            calls = {part: "\n".join(f"checks.expect_found({name}, {_s(text)}, {_pairs(exp)}, {_s(lang)}, name={_s(name)})"
                                     for text, exp in group[part]) for part in ("visible", "hidden")}
            self.md(f"### {group['title'][lang]}", f"{gid}-title")
            header = "# " + self.tr("function_check", points=group["points"])
            src = (f"{header}\nfrom conduct.exercises import checks\n{calls['visible']}\n"
                   f"### BEGIN HIDDEN TESTS\n{calls['hidden']}\n### END HIDDEN TESTS")
            cell = _cell("code", src, gid, grade=True, locked=True, points=group["points"])
            cell.metadata["conduct"] = {"item": item.id, "kind": "function", "articles": list(item.articles)}
            self.cells.append(cell)
            self.index.append(GradeCell(gid, item.id, "function", group["points"], item.articles, name, None))

    # -- the notebook -----------------------------------------------------------------------
    def build(self):
        for item in self.spec.items:
            self.n += 1
            getattr(self, f"add_{item.kind}")(item)
        auto = sum(c.points for c in self.index if c.kind != "written")
        manual = sum(c.points for c in self.index if c.kind == "written")
        title = self.spec.title_for(self.variant)[self.lang]
        header = [f"# {title}", "", self.spec.intro[self.lang].strip(), ""]
        if self.examples:  # only notebooks a non-programmer fills in need the how-to
            steps = [self.tr("how_run"), self.tr("how_edit", examples=", ".join(self.examples)), self.tr("how_check")]
            if manual:
                steps.append(self.tr("how_written"))
            steps.append(self.tr("how_save"))
            header += [f"### {self.tr('how_title')}", ""] + [f"{i}. {step}" for i, step in enumerate(steps, 1)] + [""]
        total = (self.tr("total", points=auto + manual, auto=auto, manual=manual) if manual
                 else self.tr("total_auto", points=auto))
        header.append(f"**{total}**")
        self.cells.insert(0, _cell("markdown", "\n".join(header), "header", locked=True))
        nb = new_notebook(cells=self.cells, metadata={
            "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
            "conduct": {"assignment": self.assignment, "spec": self.spec.id, "lang": self.lang,
                        "articles": list(self.spec.articles)},
        })
        nb.nbformat, nb.nbformat_minor = 4, 5
        return nb


def build_notebook(spec: Spec, variant: str, lang: str):
    """(notebook, grade-cell index) for one assignment of a spec."""
    builder = _Builder(spec, variant, lang)
    nb = builder.build()
    return nb, builder.index


def assignments(specs: Sequence[Spec] | None = None) -> dict[str, tuple[Spec, str, str]]:
    """Every assignment id → (spec, variant, lang)."""
    return {aid: (spec, variant, lang) for spec in (specs if specs is not None else all_specs())
            for aid, variant, lang in spec.assignments()}


def index(assignment_id: str) -> list[GradeCell]:
    """The graded cells of one assignment: what each asks, its article(s), its gold answer."""
    table = assignments()
    if assignment_id not in table:
        raise KeyError(f"no exercise assignment {assignment_id!r}: choose from {', '.join(sorted(table))}")
    return build_notebook(*table[assignment_id])[1]


def render(spec: Spec, variant: str, lang: str) -> str:
    nb, _ = build_notebook(spec, variant, lang)
    return nbformat.writes(nb, version=4) + "\n"


def build_all(out: Path, names: Sequence[str] = ()) -> dict[Path, str]:
    """Every notebook's text by its path under `out` (nothing written)."""
    unknown = sorted(set(names) - set(spec_names()))
    if unknown:
        raise KeyError(f"no exercise spec {', '.join(unknown)}: choose from {', '.join(spec_names())}")
    specs = [load_spec(n) for n in names] if names else all_specs()
    return {out / aid / f"{aid}.ipynb": render(*triple) for aid, triple in assignments(specs).items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m conduct.exercises.build", description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="spec names (file stems in conduct/exercises/data); default all")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the nbgrader source/ folder to write")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if any notebook differs")
    args = parser.parse_args(argv)
    try:
        wanted = build_all(args.out, args.names)
    except (DataError, KeyError) as exc:
        print(f"error: {exc.args[0] if isinstance(exc, KeyError) else exc}", file=sys.stderr)
        return 2
    stale = [p for p, text in wanted.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
    # a full build also owns removals: a notebook no spec produces any more (a renamed exercise)
    orphans = [] if args.names else sorted(p for p in args.out.glob("*/*.ipynb") if p not in wanted)
    if args.check:
        for p in stale:
            print(f"out of date: {p}", file=sys.stderr)
        for p in orphans:
            print(f"not made by any spec: {p}", file=sys.stderr)
        return 1 if stale or orphans else 0
    for p in stale:
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(wanted[p], encoding="utf-8")
    for p in orphans:
        p.unlink()
        if not any(p.parent.iterdir()):
            p.parent.rmdir()
    print(f"{len(wanted)} notebook(s), {len(stale)} written, {len(orphans)} removed, in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
