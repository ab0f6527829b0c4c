"""The Code and a role's duties as plain text, for the CLI (`conduct code`, `conduct duties`).

Every fixed word comes from the `code` area of the string catalogue and every content text from
the Code's data, so the Vietnamese and English editions differ only in language. Marks follow
the data: a clause's kinds in brackets, its status only when not verified ([P] or [M]), and the
article's note as a footnote, so uncertain numbering is said once rather than hidden.
"""

from __future__ import annotations

from conduct.code import Article, Clause, duties, load_code
from conduct.code import article as get_article
from conduct.i18n import check_lang, t

INDENT = "  "


def kinds_label(clause: Clause, lang: str) -> str:
    """The clause's kinds in words, e.g. "nghĩa vụ, điều cấm" for Art. 4(5)."""
    return ", ".join(t(f"code.kind.{k}", lang) for k in clause.kinds)


def status_mark(status: str, lang: str) -> str:
    return "" if status == "V" else t("code.mark", lang, status=status)


def clause_line(clause: Clause, lang: str) -> str:
    return t(
        "code.clause",
        lang,
        id=clause.id,
        kinds=kinds_label(clause, lang),
        mark=status_mark(clause.status, lang),
        text=clause.text[lang],
    )


def _article_lines(art: Article, lang: str) -> list[str]:
    lines = [t("code.article", lang, number=art.number, title=art.title[lang]) + status_mark(art.status, lang)]
    lines += [INDENT + clause_line(c, lang) for c in art.clauses]
    if art.note:
        lines.append(INDENT + t("code.footnote", lang, number=art.number, note=art.note[lang]))
    lines += [INDENT + t("code.clause_note", lang, id=c.id, note=c.note[lang]) for c in art.clauses if c.note]
    return lines


def _legend(lang: str) -> str:
    return t("code.legend", lang, P=t("code.status.P", lang), M=t("code.status.M", lang))


def _laws_lines(art: Article, lang: str) -> list[str]:
    ids = {c.id for c in art.clauses}
    related = [law for law in load_code().laws if law.current and ids & set(law.related_clauses)]
    if not related:
        return []
    lines = [t("code.article_laws", lang, number=art.number)]
    for law in related:
        clauses = ", ".join(c for c in law.related_clauses if c in ids)
        lines.append(INDENT + t("code.law_line", lang, name=law.name[lang], clauses=clauses, adds=law.adds[lang]))
    return lines


def code_text(article: int | str | None = None, lang: str = "vi") -> str:
    """The whole Code, or one article with the laws related to it, in `lang`."""
    lang = check_lang(lang)
    code = load_code()
    penalty = t("code.no_penalty", lang, text=code.decision.penalty[lang])
    if article is not None:
        art = get_article(article)
        lines = _article_lines(art, lang)
        laws = _laws_lines(art, lang)
        if laws:
            lines += [""] + laws
        lines += ["", penalty, _legend(lang)]
        return "\n".join(lines) + "\n"
    d = code.decision
    lines = [
        t("code.title", lang).upper(),
        t("code.decision", lang, number=d.number, date=d.date_text[lang], issuer=d.issuer[lang])
        + " "
        + d.in_force[lang],
        penalty,
    ]
    for chapter in code.chapters:
        lines += ["", t("code.chapter", lang, roman=chapter.roman, title=chapter.title[lang])]
        for n in chapter.articles:
            lines += [""] + _article_lines(get_article(n), lang)
    lines += ["", _legend(lang)]
    return "\n".join(lines) + "\n"


def duties_text(role: str, lang: str = "vi") -> str:
    """What the Code asks of `role`, in the Code's order, inherited clauses marked with their source."""
    lang = check_lang(lang)
    items = duties(role)
    lines = [
        t("code.duties_title", lang, role=t(f"code.role.{role}", lang)),
        t(f"code.role_help.{role}", lang),
        t("code.duties_count", lang, count=len(items)),
        "",
    ]
    for d in items:
        c = d.clause
        params = dict(id=c.id, kinds=kinds_label(c, lang), text=c.text[lang])
        if d.inherited:
            lines.append(t("code.duty_inherited", lang, inherited=t("code.inherited", lang, via=d.via), **params))
        else:
            lines.append(t("code.duty", lang, **params))
    lines += ["", t("code.no_penalty", lang, text=load_code().decision.penalty[lang])]
    return "\n".join(lines) + "\n"
