"""Generate the notebooks of every track from the lesson data: `python -m conduct.curriculum.build`.

The notebooks are output, not source: a lesson's text lives in its YAML file, a clause's wording in
conduct.code, and this module turns both into notebooks/<lang>/<track>/NN-Title.ipynb with nbformat.
Rerunning is safe: output is deterministic (fixed cell ids, no outputs), unchanged files are not
rewritten, and only notebooks this builder made (marked in their metadata) are ever removed.
`--check` rebuilds in a temporary folder and reports any difference, as the test suite does, so a
hand edit or a changed clause text cannot silently drift from the data.

Every cell is marked: `metadata.conduct.part` names the lesson part it came from, and markdown
cells start with an HTML comment `<!-- conduct:<part> -->` (navigation: `<!--NAVIGATION-->`).
Code cells are one-line calls into `conduct.curriculum.show`, hidden from the learner.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from conduct import bank, code
from conduct.app.homes import home_of, homes, modules
from conduct.app.words import speaker
from conduct.curriculum.cite import cite, expand
from conduct.curriculum.lessons import LANGS, TRACKS, Lesson, Part, Track, load_track
from conduct.datafiles import PACKAGE_ROOT, DataError
from conduct.generated import drift, sync
from conduct.i18n import t
from conduct.vocab import VERDICTS

GENERATOR = "conduct.curriculum.build"
NAV_MARK = "<!--NAVIGATION-->"
HIDDEN = {"jupyter": {"source_hidden": True}, "tags": ["hide-input"]}
LOCKED = {"editable": False, "deletable": False}  # a learner cannot damage a lesson by a stray keystroke
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def default_root() -> Path:
    """notebooks/ of the repository holding the package (or of the working directory)."""
    repo = PACKAGE_ROOT.parent
    return (repo if (repo / "pyproject.toml").exists() else Path.cwd()) / "notebooks"


# --- text helpers ------------------------------------------------------------------------------


def md(part: str, *blocks: str) -> nbformat.NotebookNode:
    body = "\n\n".join(b.strip() for b in blocks if b and b.strip())
    cell = new_markdown_cell(f"<!-- conduct:{part} -->\n{body}")
    cell.metadata = {**LOCKED, "conduct": {"part": part}}
    return cell


def call(part: str, expr: str, lang: str) -> nbformat.NotebookNode:
    # JupyterLab previews the first line of a collapsed cell, so that line is a comment in the
    # learner's language rather than the code.
    cell = new_code_cell(f"# {t('curriculum.code_comment', lang)}\nfrom conduct.curriculum import show; show.{expr}")
    cell.metadata = {**HIDDEN, **LOCKED, "conduct": {"part": part}}
    return cell


def app_call(part: str, expr: str, lang: str) -> nbformat.NotebookNode:
    """A hidden call into the learner app's pages (conduct.app.pages), shaped like `call`."""
    cell = new_code_cell(f"# {t('curriculum.code_comment', lang)}\nfrom conduct.app import pages; pages.{expr}")
    cell.metadata = {**HIDDEN, **LOCKED, "conduct": {"part": part}}
    return cell


def h2(key: str, lang: str, **params: object) -> str:
    return "## " + t(f"curriculum.heading.{key}", lang, **params)


def bullet(items: list[str]) -> str:
    return "\n".join(f"- {i}" for i in items)


# --- one renderer per part kind ----------------------------------------------------------------

Ctx = dict  # lesson, lang, lessons (the track), track
Renderer = Callable[[Part, Ctx], list]


def r_question(p: Part, c: Ctx) -> list:
    return [md("question", h2("question", c["lang"]), "> **" + expand(p.data["text"][c["lang"]], c["lang"]) + "**")]


def r_terms(p: Part, c: Ctx) -> list:
    lang = c["lang"]
    rows = [f"- **{expand(i['term'][lang], lang)}**: {expand(i['meaning'][lang], lang)}" for i in p.data["items"]]
    return [md("terms", h2("terms", lang), "\n".join(rows))]


def _clause_block(cid: str, note: dict | None, lang: str) -> str:
    cl = code.clause(cid)
    kinds = ", ".join(t(f"code.kind.{k}", lang) for k in cl.kinds)
    lines = [
        f"### {cite(cid, lang)}: {cl.short[lang]}",
        cl.text[lang].strip(),
        f"*{t('curriculum.clause_kind', lang, kinds=kinds)}*",
    ]
    if cl.laws:
        names = {law.id: law.name[lang] for law in code.laws()}
        lines.append("*" + t("curriculum.clause_laws", lang, laws="; ".join(names.get(x, x) for x in cl.laws)) + "*")
    if cl.note:
        lines.append(f"*{cl.note[lang].strip()}*")
    if note:
        lines.append("> " + expand(note[lang], lang).replace("\n", "\n> "))
    return "\n\n".join(lines)


def r_clauses(p: Part, c: Ctx) -> list:
    lang = c["lang"]
    ids = p.data.get("clauses") or [cl.id for a in p.data["articles"] for cl in code.article(a).clauses]
    cells = [md("clauses", h2("clauses", lang), expand((p.data["intro"] or {}).get(lang, ""), lang))]
    notes = p.data["notes"]
    for cid in ids:
        cells.append(md("clause", _clause_block(cid, notes.get(cid), lang)))
    arts = sorted({code.clause(cid).article for cid in ids})
    extra = [f"*{note[lang].strip()}*" for a in arts if (note := code.article(a).note)]
    if extra:
        cells.append(md("clause-notes", *extra))
    return cells


def r_text(p: Part, c: Ctx) -> list:
    lang = c["lang"]
    title = p.data["title"]
    return [md("text", ("## " + expand(title[lang], lang)) if title else "", expand(p.data["body"][lang], lang))]


def r_scenario(p: Part, c: Ctx) -> list:
    lang = c["lang"]
    d = p.data
    blocks = [
        h2("scenario", lang, title=expand(d["title"][lang], lang)),
        expand(d["body"][lang], lang),
        "**" + t("curriculum.heading.think", lang) + "**",
        bullet([expand(q[lang], lang) for q in d["questions"]]),
    ]
    if d["discussion"]:
        blocks.append(
            f"<details><summary>{t('curriculum.heading.discussion', lang)}</summary>\n\n"
            f"{expand(d['discussion'][lang], lang)}\n\n</details>"
        )
    return [md("scenario", *blocks)]


def _intro(p: Part, lang: str) -> str:
    return expand((p.data.get("intro") or {}).get(lang, ""), lang)


def r_exercise(p: Part, c: Ctx) -> list:
    lang = c["lang"]
    for pid in p.data["posts"]:
        bank.post(pid)  # an unknown id fails the build, not the learner's notebook
    return [
        md(
            "exercise",
            h2("exercise", lang),
            _intro(p, lang),
            t(
                "curriculum.howto.exercise",
                lang,
                count=len(p.data["posts"]),
                **{v: t(f"checker.verdict.{v}", lang) for v in VERDICTS},
            ),
        ),
        call("exercise", f'exercise("{p.id}", "{lang}")', lang),
    ]


def r_quiz(p: Part, c: Ctx) -> list:
    lang = c["lang"]
    for item in p.data["items"]:
        for cid in item["clauses"]:
            code.clause(cid)
        for text in [item["question"]] + [o[k] for o in item["options"] for k in ("text", "feedback")]:
            expand(text[lang], lang)  # every citation the widget will show must exist
    return [
        md("quiz", h2("quiz", lang), _intro(p, lang), t("curriculum.howto.quiz", lang)),
        call("quiz", f'quiz("{p.id}", "{lang}")', lang),
    ]


def r_widget(p: Part, c: Ctx) -> list:
    lang, name = c["lang"], p.data["name"]
    return [
        md(name.replace("_", "-"), h2(name, lang), _intro(p, lang), t(f"curriculum.howto.{name}", lang)),
        call(name.replace("_", "-"), f'{name}("{lang}")', lang),
    ]


def r_laws(p: Part, c: Ctx) -> list:
    lang = c["lang"]
    laws = code.laws()
    by_id_all = {law.id: law for law in laws}
    if p.data["laws"] is not None:
        by_id = {law.id: law for law in laws}
        missing = [x for x in p.data["laws"] if x not in by_id]
        if missing:
            raise DataError(
                c["lesson"].file, "laws", f"unknown law id(s) {missing}", "use ids from conduct.code.laws()"
            )
        laws = [by_id[x] for x in p.data["laws"]]
    rows = []
    for law in laws:
        related = ", ".join(cite(x, lang) for x in law.related_clauses)
        status = t(
            f"curriculum.law_status.{law.status}",
            lang,
            checked_on=law.checked_on,
            replaced_by="; ".join(by_id_all[x].name[lang] for x in law.replaced_by),
        )
        rows.append(
            f"- **{law.name[lang]}**: {law.adds[lang].strip()}"
            + (f" *({t('curriculum.related', lang, clauses=related)})*" if related else "")
            + (f" {law.note[lang].strip()}" if law.note else "")
            + f"\n  *{status}*"
            + "".join(f"\n  - {_law_source(s)}" for s in law.sources)
        )
    return [md("laws", h2("laws", lang), _intro(p, lang), "\n".join(rows))]


def _law_source(src) -> str:
    """One reference line: publisher, title, date, and the address when the source gave one."""
    title = f"[{src.title}]({src.url})" if src.url else src.title
    return f"{src.publisher}: “{title}”, {src.date}"


def r_debate(p: Part, c: Ctx) -> list:
    lang = c["lang"]
    blocks = [h2("debate", lang), _intro(p, lang)]
    for item in code.debate():
        blocks.append(_debate_item(item, lang))
    return [md("debate", *blocks)]


def _debate_item(item, lang: str) -> str:
    """One attributed claim: who said it, when, what, and where we read it."""
    src = f" *({t('curriculum.source', lang, source=item.source[lang])})*" if item.source else ""
    related = ", ".join(cite(x, lang) for x in item.clauses)
    rel = f" *({t('curriculum.related', lang, clauses=related)})*" if related else ""
    return f"- **{item.who[lang]}** ({item.when}): {item.claim[lang].strip()}{rel}{src}"


def r_contents(p: Part, c: Ctx) -> list:
    lang, lesson = c["lang"], c["lesson"]
    own = [h for h in homes() if h.track == lesson.track and h.files["home"][lang] == lesson.filename(lang)]
    if own:  # this lesson is a home page: the app's module cards replace the plain list
        return [app_call("home", f'home("{own[0].id}", "{lang}")', lang)]
    rows = [
        f"- [{x.number} · {x.title[lang]}]({x.filename(lang)}): " + t("curriculum.minutes", lang, minutes=x.minutes)
        for x in c["lessons"]
    ]
    total = sum(x.minutes for x in c["lessons"])
    cells = [
        md(
            "contents",
            h2("contents", lang),
            _intro(p, lang),
            "\n".join(rows),
            t("curriculum.total", lang, hours=total // 60, minutes=total % 60),
        )
    ]
    bands = [h for h in homes() if h.track == lesson.track]
    if len(bands) > 1:  # a start page shared by several homes leads to each of them
        cells.append(
            md(
                "homes",
                "## " + t("app.home.bands", lang),
                bullet([f"[{h.title[lang]}]({h.files['home'][lang]})" for h in bands]),
            )
        )
    return cells


def r_family(p: Part, c: Ctx) -> list:
    lang = c["lang"]
    return [
        md(
            "family",
            "## " + expand(p.data["title"][lang], lang),
            _intro(p, lang),
            "\n".join(f"- [ ] {expand(x[lang], lang)}" for x in p.data["points"]),
        )
    ]


def r_summary(p: Part, c: Ctx) -> list:
    lang = c["lang"]
    return [md("summary", h2("summary", lang), bullet([expand(x[lang], lang) for x in p.data["points"]]))]


CALLS = ("exercise", "quiz", "widget")  # the part kinds that put a widget in the notebook

RENDERERS: dict[str, Renderer] = {
    "question": r_question,
    "terms": r_terms,
    "clauses": r_clauses,
    "text": r_text,
    "scenario": r_scenario,
    "exercise": r_exercise,
    "quiz": r_quiz,
    "widget": r_widget,
    "laws": r_laws,
    "debate": r_debate,
    "contents": r_contents,
    "family": r_family,
    "summary": r_summary,
}


# --- whole notebooks ---------------------------------------------------------------------------


def _rel(track: Track, name: dict[str, str], lang: str, from_lang: str) -> str:
    """Link from a page of the `from_lang` edition to the page `name[lang]` of the `lang` edition."""
    here = Path(from_lang, track.out)
    there = Path(lang, track.out, name[lang])
    return Path(os.path.relpath(there, here)).as_posix()


def _other(lang: str) -> str:
    return [x for x in LANGS if x != lang][0]


def header(lesson: Lesson, track: Track, lang: str) -> nbformat.NotebookNode:
    meta = [t("curriculum.minutes", lang, minutes=lesson.minutes)]
    if lesson.articles:
        meta.append(", ".join(cite(str(a), lang) for a in lesson.articles))
    return md("header", f"# {lesson.number} · {lesson.title[lang]}", "*" + " · ".join(meta) + "*")


def _nav_cell(parts: list[str]) -> nbformat.NotebookNode:
    cell = new_markdown_cell(f"{NAV_MARK}\n" + " | ".join(parts))
    cell.metadata = {**LOCKED, "conduct": {"part": "navigation"}}
    return cell


def _lang_link(track: Track, names: dict[str, str], lang: str) -> str:
    """The other edition of the same page: answers live in the progress file, so they follow."""
    return f"[{t('app.nav.other_lang', lang)}]({_rel(track, names, _other(lang), lang)})"


def navigation(lessons: tuple[Lesson, ...], i: int, lang: str, track: Track) -> nbformat.NotebookNode:
    """Home, previous and next lesson of the same home (the last leads to the final test), other language."""
    lesson = lessons[i]
    names = {x: lesson.filename(x) for x in LANGS}
    home = home_of(lesson)
    parts = []
    if home is None:  # a start page shared by several homes: the list of homes is on the page
        parts.append(f"[{t('app.nav.start', lang)}]({lesson.filename(lang)})")
    else:
        mods = modules(home)
        k = mods.index(lesson)
        if home.files["home"][lang] != lesson.filename(lang):
            parts.append(f"[🏠 {t('app.nav.home', lang)}]({home.files['home'][lang]})")
        if k > 0:
            parts.append(
                f"[← {t('app.nav.previous', lang)}: {mods[k - 1].number} · {mods[k - 1].title[lang]}]"
                f"({mods[k - 1].filename(lang)})"
            )
        if k + 1 < len(mods):
            parts.append(
                f"[{t('app.nav.next', lang)}: {mods[k + 1].number} · {mods[k + 1].title[lang]} →]"
                f"({mods[k + 1].filename(lang)})"
            )
        else:
            parts.append(f"[{t('app.nav.final', lang)} →]({home.files['final'][lang]})")
    parts.append(_lang_link(track, names, lang))
    return _nav_cell(parts)


def _finish(cells: list, meta: dict, title: str) -> nbformat.NotebookNode:
    # the first code cell loads the data and, under pre-heated Voilà kernels, waits for the request
    first_code = next((n for n, c in enumerate(cells) if c.cell_type == "code"), len(cells))
    cells.insert(first_code, app_call("ready", "ready()", meta["lang"]))
    for n, cell in enumerate(cells):
        cell.id = f"{n:02d}-{cell.metadata['conduct']['part']}"
    nb = new_notebook(cells=cells)
    # `title` is the page's <title> in Voilà (nbconvert reads notebook metadata.title)
    nb.metadata = {
        "kernelspec": KERNELSPEC,
        "language_info": {"name": "python"},
        "title": title,
        "conduct": {"generated_by": GENERATOR, **meta, "loading": t("app.loading", meta["lang"])},
    }
    return nb


def notebook(lessons: tuple[Lesson, ...], i: int, track: Track, lang: str) -> nbformat.NotebookNode:
    lesson = lessons[i]
    ctx = {"lesson": lesson, "lang": lang, "lessons": lessons, "track": track}
    cells = [header(lesson, track, lang), navigation(lessons, i, lang, track)]
    home = home_of(lesson)
    if home is not None:  # opening the page marks the module begun and the place to continue from
        cells.append(app_call("visit", f'lesson("{home.id}", "{lesson.number}", "{lang}")', lang))
    body = []
    for part in lesson.parts:
        body.extend(RENDERERS[part.kind](part, ctx))
    # a home page shows its module cards first, right under the navigation
    body.sort(key=lambda cell: cell.metadata["conduct"]["part"] != "home")
    cells += body
    cells.append(navigation(lessons, i, lang, track))
    return _finish(
        cells, {"track": track.name, "lesson": lesson.number, "lang": lang}, f"{lesson.number} · {lesson.title[lang]}"
    )


def app_page(track: Track, home, page: str, lang: str) -> nbformat.NotebookNode:
    """A page of the app itself (a school band's home, a final test, a certificate) as a notebook."""
    names = home.files[page]
    title = t(f"app.{page}.title", lang)
    heading = f"# {title}: {home.title[lang]}" if page != "home" else f"# {home.title[lang]}"
    parts = []
    if page != "home":
        parts.append(f"[🏠 {t('app.nav.home', lang)}]({home.files['home'][lang]})")
        if page == "final":
            last = modules(home)[-1]
            parts.append(
                f"[← {t('app.nav.previous', lang)}: {last.number} · {last.title[lang]}]({last.filename(lang)})"
            )
    else:
        first = load_track(track)[0]
        parts.append(f"[{t('app.nav.start', lang)}]({first.filename(lang)})")
    parts.append(_lang_link(track, names, lang))
    intro = [md("header", heading)]
    if page == "home":
        intro.append(md("intro", speaker(lang, home.audience)("app.home.intro")))
    cells = [*intro, _nav_cell(parts), app_call(page, f'{page}("{home.id}", "{lang}")', lang)]
    return _finish(cells, {"track": track.name, "page": page, "home": home.id, "lang": lang}, heading.lstrip("# "))


def app_pages(track: Track) -> dict[str, nbformat.NotebookNode]:
    """{path relative to notebooks/: notebook} of the app pages of every home of the track."""
    lesson_files = {x.filename(lang) for x in load_track(track) for lang in LANGS}
    out = {}
    for home in homes():
        if home.track != track.name:
            continue
        for page in ("home", "final", "certificate"):
            for lang in LANGS:
                if home.files[page][lang] in lesson_files:
                    continue  # a lesson is this home page (the course's "Start here")
                out[Path(lang, track.out, home.files[page][lang]).as_posix()] = app_page(track, home, page, lang)
    return out


def render_track(track: Track) -> dict[str, str]:
    """{path relative to notebooks/: notebook JSON} for every lesson of the track in both languages."""
    lessons = load_track(track)
    out: dict[str, str] = {}
    for i, lesson in enumerate(lessons):
        shapes = []
        for lang in LANGS:
            try:
                nb = notebook(lessons, i, track, lang)
            except KeyError as exc:  # an unknown clause, article, law or post id in the lesson
                raise DataError(
                    lesson.file, "parts", str(exc).strip('"'), "use ids that exist in conduct.code and conduct.bank"
                ) from None
            nbformat.validate(nb)
            shapes.append(
                [
                    (c.cell_type, c.metadata["conduct"]["part"], c.source if c.cell_type == "code" else "")
                    for c in nb.cells
                ]
            )
            text = nbformat.writes(nb)
            out[Path(lang, track.out, lesson.filename(lang)).as_posix()] = text if text.endswith("\n") else text + "\n"
        vi, en = shapes
        if [s[:2] for s in vi] != [s[:2] for s in en]:  # belt and braces: both come from one file
            raise DataError(lesson.file, "parts", "the vi and en notebooks differ in structure", "report a builder bug")
    for rel, nb in app_pages(track).items():
        nbformat.validate(nb)
        text = nbformat.writes(nb)
        out[rel] = text if text.endswith("\n") else text + "\n"
    return out


def _wanted(root: Path, tracks: tuple[Track, ...]) -> tuple[dict[Path, str], list[Path]]:
    """Every notebook the tracks make, by its path under `root`, and the folders they own."""
    wanted: dict[Path, str] = {}
    folders: list[Path] = []
    for track in tracks:
        wanted.update({root / rel: text for rel, text in render_track(track).items()})
        folders += [root / lang / track.out for lang in LANGS]
    return wanted, folders


def build(root: Path | None = None, tracks: tuple[Track, ...] = TRACKS) -> list[str]:
    """Write every track's notebooks under `root`; return the paths written or removed."""
    root = Path(root) if root else default_root()
    changed = sync(*_wanted(root, tracks), GENERATOR)
    rel = [p.relative_to(root).as_posix() for p in (*changed.missing, *changed.differing)]
    return sorted(rel) + [f"{p.relative_to(root).as_posix()} (removed)" for p in changed.stale]


def differences(root: Path | None = None, tracks: tuple[Track, ...] = TRACKS) -> list[str]:
    """Generated notebooks missing from, differing in or stale in `root`, compared with what the data makes."""
    root = Path(root) if root else default_root()
    return drift(*_wanted(root, tracks), GENERATOR).problems(root)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m conduct.curriculum.build", description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=None, help="the notebooks/ folder (default: the repository's)")
    ap.add_argument("--track", action="append", choices=[t.name for t in TRACKS], help="only these tracks")
    ap.add_argument("--check", action="store_true", help="report differences, write nothing; exit 1 if any")
    args = ap.parse_args(argv)
    tracks = tuple(tr for tr in TRACKS if not args.track or tr.name in args.track)
    try:
        if args.check:
            problems = differences(args.out, tracks)
            for p in problems:
                print(p)
            if problems:
                print("the notebooks are out of date: run python -m conduct.curriculum.build", file=sys.stderr)
            return 1 if problems else 0
        changed = build(args.out, tracks)
    except (DataError, KeyError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for rel in changed:
        print(rel)
    print(f"{len(changed)} notebook(s) written or removed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
