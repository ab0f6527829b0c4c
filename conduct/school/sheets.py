"""Printable family sheets and teacher's guides: `python -m conduct.school.sheets --out DIR`.

Schools print these, so they are single, self-contained HTML pages with an embedded print stylesheet
(A4, no links needed) rather than PDFs: any browser prints them, and no PDF toolchain has to be
installed on a school computer. Everything on them comes from the data the notebooks are built from
(the lesson file, the teacher's guide data, the bank's gold answers), so a sheet can never disagree
with its lesson. Output: DIR/<lang>/family-NN.html, DIR/<lang>/guide-NN.html and DIR/index.html.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from importlib import resources
from pathlib import Path

from conduct.bank import post
from conduct.code import cite
from conduct.curriculum.cite import expand
from conduct.curriculum.lessons import Lesson
from conduct.datafiles import DataError
from conduct.i18n import t
from conduct.school import BANDS, lessons
from conduct.school import lesson as get_lesson
from conduct.school.guides import guide
from conduct.vocab import LANGS

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_CODE = re.compile(r"`([^`]+)`")


def _css() -> str:
    return resources.files("conduct.school").joinpath("print.css").read_text(encoding="utf-8")


def inline(text: str, lang: str) -> str:
    """Lesson text (citations as [[4(5)]], **bold**, `code`) as safe inline HTML."""
    out = html.escape(expand(text, lang), quote=False)
    out = _BOLD.sub(r"<strong>\1</strong>", out)
    return _CODE.sub(r"<code>\1</code>", out)


def _page(title: str, lang: str, body: list[str]) -> str:
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{lang}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{html.escape(title)}</title>",
            f"<style>\n{_css()}</style>",
            "</head>",
            "<body>",
            f'<p class="screen-only">{html.escape(t("school.print_hint", lang))}</p>',
            *body,
            "<footer>",
            f"<p>{html.escape(t('school.about_code', lang))}</p>",
            f"<p>{html.escape(t('school.generated', lang))}</p>",
            "</footer>",
            "</body>",
            "</html>",
            "",
        ]
    )


def _header(kind: str, lesson: Lesson, lang: str, title: str) -> str:
    line = t(
        "school.lesson_line",
        lang,
        number=lesson.number,
        band=t(f"school.band.{lesson.audience}", lang),
        minutes=lesson.minutes,
    )
    return (
        f'<header><p class="kicker">{html.escape(t(f"school.{kind}_label", lang))}</p>'
        f'<h1>{inline(title, lang)}</h1><p class="meta">{html.escape(line)}</p></header>'
    )


def _part(lesson: Lesson, kind: str):
    found = lesson.parts_of(kind)
    if not found:
        raise DataError(lesson.file, "parts", f"the lesson has no `{kind}` part", f"add a `kind: {kind}` part")
    return found[0].data


def _section(heading: str, *content: str) -> str:
    return "<section>" + f"<h2>{html.escape(heading)}</h2>" + "".join(content) + "</section>"


def _ul(items: list[str], cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<ul{attr}>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def _terms(lesson: Lesson, lang: str) -> str:
    rows = [
        f"<dt>{inline(i['term'][lang], lang)}</dt><dd>{inline(i['meaning'][lang], lang)}</dd>"
        for i in _part(lesson, "terms")["items"]
    ]
    return '<dl class="terms">' + "".join(rows) + "</dl>"


def family_sheet(lesson: Lesson, lang: str) -> str:
    """The take-home sheet: what was learned, the key words, and questions to talk about at home."""
    fam = _part(lesson, "family")
    body = [
        _header("family", lesson, lang, fam["title"][lang]),
        f'<p class="meta">{html.escape(t("school.for_families", lang))}</p>',
    ]
    if fam["intro"]:
        body.append(f"<p>{inline(fam['intro'][lang], lang)}</p>")
    body.append(
        _section(
            t("school.heading.question", lang),
            f'<p class="question">{inline(_part(lesson, "question")["text"][lang], lang)}</p>',
        )
    )
    body.append(_section(t("school.heading.terms", lang), _terms(lesson, lang)))
    body.append(
        _section(
            t("school.heading.talk", lang),
            _ul([inline(p[lang], lang) + '<div class="lines"></div>' for p in fam["points"]], "checklist"),
        )
    )
    summary = lesson.parts_of("summary")
    if summary:
        body.append(
            _section(t("school.heading.summary", lang), _ul([inline(p[lang], lang) for p in summary[0].data["points"]]))
        )
    body.append(
        f'<div class="help"><strong>{html.escape(t("school.heading.help", lang))}.</strong> '
        f"{html.escape(t('school.help_text', lang))}</div>"
    )
    return _page(f"{lesson.number} · {fam['title'][lang]}", lang, body)


def _answer_key(lesson: Lesson, lang: str) -> str:
    head = "".join(
        f'<th scope="col">{html.escape(t(f"school.col.{c}", lang))}</th>'
        for c in ("number", "post", "verdict", "clauses", "why")
    )
    rows = []
    for i, pid in enumerate(_part(lesson, "exercise")["posts"], 1):
        p = post(pid)
        verdict = html.escape(t(f"checker.verdict.{p.verdict}", lang))
        if p.trap:
            verdict += f'<br><span class="trap">({html.escape(t("school.trap", lang))})</span>'
        cited = ", ".join(cite(c, lang) for c in p.clauses)
        clauses = html.escape(cited) or "—"
        if p.verdict == "ok":  # the widget's right answer for an ok post is "no clause broken"
            related = f"<br><small>{html.escape(t('school.related', lang, clauses=cited))}</small>" if cited else ""
            clauses = html.escape(t("widgets.classifier.no_clause", lang)) + related
        rows.append(
            f'<tr><td>{i}</td><td><span class="post">{html.escape(p.text)}</span><br><small>{pid}</small></td>'
            f"<td>{verdict}</td><td>{clauses}</td><td>{html.escape(p.explanation[lang])}</td></tr>"
        )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _quiz_key(lesson: Lesson, lang: str) -> str:
    items = []
    for item in _part(lesson, "quiz")["items"]:
        answers = " / ".join(inline(o["text"][lang], lang) for o in item["options"] if o["correct"])
        items.append(
            f"<strong>{inline(item['question'][lang], lang)}</strong><br>"
            + t("school.correct_answer", lang, answer=answers)
        )
    return "<ol>" + "".join(f"<li>{i}</li>" for i in items) + "</ol>"


def assignments(lesson: Lesson, lang: str) -> dict[str, str]:
    """The nbgrader assignment names a guide points to (one graded exercise and a pre/post quiz per band)."""
    band = BANDS[lesson.audience]
    return {"pre": f"school-pre-{band}-{lang}", "post": f"school-post-{band}-{lang}", "graded": f"school-{band}-{lang}"}


def teacher_guide(lesson: Lesson, lang: str) -> str:
    """Objectives, timing, the dilemma, how to run and grade the exercise, and how to handle a disclosure."""
    g = guide(lesson.number, lesson.audience)
    sc = _part(lesson, "scenario")
    body = [
        _header("guide", lesson, lang, lesson.title[lang]),
        '<p class="meta">'
        + html.escape(t("school.notebook_line", lang, path=f"notebooks/{lang}/school/{lesson.filename(lang)}"))
        + "</p>",
    ]
    body.append(_section(t("school.heading.objectives", lang), _ul([inline(o[lang], lang) for o in g.objectives])))
    rows = "".join(f"<tr><td>{s.minutes}</td><td>{inline(s.activity[lang], lang)}</td></tr>" for s in g.timing)
    head = f'<th scope="col">{html.escape(t("school.col.minutes", lang))}</th><th scope="col">{html.escape(t("school.col.activity", lang))}</th>'
    body.append(
        _section(
            t("school.heading.timing", lang),
            f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>",
            f"<p><strong>{html.escape(t('school.total', lang, minutes=g.minutes))}</strong></p>",
        )
    )
    body.append(_section(t("school.heading.prepare", lang), _ul([inline(p[lang], lang) for p in g.prepare])))
    body.append(
        _section(
            t("school.heading.question", lang),
            f'<p class="question">{inline(_part(lesson, "question")["text"][lang], lang)}</p>',
        )
    )
    body.append(_section(t("school.heading.terms", lang), _terms(lesson, lang)))
    dilemma = [
        f"<p>{inline(sc['body'][lang], lang)}</p>",
        f"<p><strong>{html.escape(t('school.heading.dilemma_questions', lang))}</strong></p>",
        _ul([inline(q[lang], lang) for q in sc["questions"]]),
    ]
    if sc["discussion"]:
        dilemma += [
            f"<p><strong>{html.escape(t('school.heading.dilemma_discussion', lang))}</strong></p>",
            f"<p>{inline(sc['discussion'][lang], lang)}</p>",
        ]
    body.append(_section(t("school.heading.dilemma", lang, title=sc["title"][lang]), *dilemma))
    body.append(_section(t("school.heading.run", lang), _ul([inline(r[lang], lang) for r in g.run])))
    body.append('<div class="page-break"></div>')
    body.append(_section(t("school.heading.answers", lang), _answer_key(lesson, lang)))
    body.append(_section(t("school.heading.quiz_answers", lang), _quiz_key(lesson, lang)))
    names = assignments(lesson, lang)
    body.append(
        _section(t("school.heading.grading", lang), _ul([inline(s[lang].format(**names), lang) for s in g.grading]))
    )
    body.append(_section(t("school.heading.disclosure", lang), _ul([inline(d[lang], lang) for d in g.disclosure])))
    body.append(
        _section(
            t("school.heading.family", lang),
            f"<p>{html.escape(t('school.family_reminder', lang, file=f'family-{lesson.number}.html'))}</p>",
        )
    )
    return _page(f"{t('school.guide_label', lang)} {lesson.number}: {lesson.title[lang]}", lang, body)


def _index(chosen: tuple[Lesson, ...]) -> str:
    body = [
        f"<header><h1>{html.escape(t('school.index_title', 'vi'))} · {html.escape(t('school.index_title', 'en'))}</h1>"
        f'<p class="meta">{html.escape(t("school.index_intro", "vi"))}<br>{html.escape(t("school.index_intro", "en"))}</p></header>'
    ]
    for lang in LANGS:
        rows = [
            f"{one.number} · {html.escape(one.title[lang])}: "
            f'<a href="{lang}/family-{one.number}.html">{html.escape(t("school.family_label", lang))}</a> · '
            f'<a href="{lang}/guide-{one.number}.html">{html.escape(t("school.guide_label", lang))}</a>'
            for one in chosen
        ]
        body.append(f'<section lang="{lang}">' + _ul(rows) + "</section>")
    return _page(t("school.index_title", "vi"), "vi", body)


def write_sheets(out: Path, numbers: list[str] | None = None, langs: tuple[str, ...] = LANGS) -> list[Path]:
    """Write the family sheet and guide of every chosen lesson in every language; return the files written."""
    chosen = tuple(get_lesson(n) for n in numbers) if numbers else lessons()
    pages: dict[Path, str] = {}
    for lesson in chosen:  # render everything first: a data error must not leave half a folder behind
        for lang in langs:
            pages[Path(lang, f"family-{lesson.number}.html")] = family_sheet(lesson, lang)
            pages[Path(lang, f"guide-{lesson.number}.html")] = teacher_guide(lesson, lang)
    pages[Path("index.html")] = _index(chosen)
    written = []
    for rel, text in pages.items():
        path = Path(out) / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m conduct.school.sheets", description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True, help="folder to write the HTML pages into")
    ap.add_argument("--lesson", action="append", metavar="NN", help="only this lesson (repeatable), e.g. 01")
    ap.add_argument("--lang", choices=LANGS, action="append", help="only this language (repeatable)")
    args = ap.parse_args(argv)
    lang = (args.lang or ["vi"])[0]
    try:
        written = write_sheets(args.out, args.lesson, tuple(args.lang) if args.lang else LANGS)
    except KeyError as exc:
        known = ", ".join(one.number for one in lessons())
        bad = next((n for n in args.lesson or [] if n not in known.split(", ")), str(exc))
        print("error: " + t("school.error_lesson", lang, number=bad, known=known), file=sys.stderr)
        return 2
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print("error: " + t("school.error_out", lang, out=args.out, reason=exc.strerror or exc), file=sys.stderr)
        return 1
    print(t("school.written", lang, count=len(written), out=args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
