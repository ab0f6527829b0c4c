"""What the learner has done so far, read from the progress file, and a chart of results by article.

The chart is drawn with matplotlib's object API (no pyplot state, works headless and under
Voilà) and shown as an <img> with alt text; the same figures are also given as a table, so the
results do not depend on seeing the chart.
"""

from __future__ import annotations

import base64
import io
from collections import Counter
from collections.abc import Callable, Sequence

import ipywidgets as W
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from conduct.i18n import check_lang, t
from conduct.progress import Module, ProgressStore, module_status
from conduct.widgets.a11y import button, esc, live_region, say
from conduct.widgets.register import DEFAULT_AUDIENCE, speaker
from conduct.widgets.saving import error_note, moved_aside_note, store_or_default
from conduct.widgets.style import learner_box


def results_by_article(store: ProgressStore) -> dict[int, tuple[int, int]]:
    """{article: (correct, answered)} over the latest answer to each item."""
    total: Counter[int] = Counter()
    correct: Counter[int] = Counter()
    for a in store.latest().values():
        if a.article is not None:
            total[a.article] += 1
            correct[a.article] += a.correct
    return {art: (correct[art], total[art]) for art in sorted(total)}


def results_figure(store: ProgressStore | None = None, lang: str = "vi") -> Figure:
    """A bar chart: for each article, answers given (hatched) and answers correct (solid), labelled c/t."""
    lang = check_lang(lang)
    data = results_by_article(store_or_default(store))
    fig = Figure(figsize=(7, 3.2), layout="constrained")
    ax = fig.add_subplot()
    ax.set_title(t("widgets.progress.chart_title", lang))
    ax.set_xlabel(t("widgets.progress.chart_x", lang))
    ax.set_ylabel(t("widgets.progress.chart_y", lang))
    if not data:
        ax.text(0.5, 0.5, t("widgets.progress.chart_none", lang), ha="center", va="center", transform=ax.transAxes)
        ax.set_xticks([])
        return fig
    arts = list(data)
    xs = range(len(arts))
    width = 0.38
    answered = ax.bar(
        [x - width / 2 for x in xs],
        [data[a][1] for a in arts],
        width,
        label=t("widgets.progress.chart_answered", lang),
        color="#c9d6e8",
        edgecolor="#1f3b63",
        hatch="//",
    )
    correct = ax.bar(
        [x + width / 2 for x in xs],
        [data[a][0] for a in arts],
        width,
        label=t("widgets.progress.chart_correct", lang),
        color="#1f3b63",
        edgecolor="#1f3b63",
    )
    ax.bar_label(
        correct,
        labels=[t("widgets.progress.bar_label", lang, correct=data[a][0], total=data[a][1]) for a in arts],
        padding=2,
    )
    ax.set_xticks(list(xs), [t("code.cite_article", lang, article=a) for a in arts])
    ax.set_ylim(0, max(data[a][1] for a in arts) * 1.25 + 0.5)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(handles=[answered, correct], loc="upper left", fontsize="small")
    return fig


def _figure_img(fig: Figure, alt: str) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" alt="{esc(alt)}" style="max-width:100%">'


def part_name(part_id: str, kind: str, module: Module, tr: Callable[..., str]) -> str:
    """ "Câu hỏi nhanh bài 3" / "Quick quiz, lesson 3": what the learner calls a part, never its id."""
    return tr(f"widgets.progress.part_{kind}", number=module.number.lstrip("0") or "0")


def _table(store: ProgressStore, modules: Sequence[Module], lang: str, tr: Callable[..., str]) -> str:
    exercises = store.exercises()
    if not exercises:
        return f"<p>{esc(tr('widgets.progress.none'))}</p>"
    latest = store.latest()

    def row(eid: str, kind: str, module: Module) -> str:
        info = exercises.get(eid, {})
        mine = [a for (e, _), a in latest.items() if e == eid]
        answered = f"{len(mine)} / {info['total']}" if info.get("total") else str(len(mine))
        state = "done" if info.get("completed") else "in_progress" if mine else "not_started"
        return (
            f"<tr><td>{esc(part_name(eid, kind, module, tr))}</td><td>{answered}</td>"
            f"<td>{sum(a.correct for a in mine)}</td><td>{esc(tr(f'widgets.progress.{state}'))}</td></tr>"
        )

    head = "".join(
        f"<th>{esc(tr(f'widgets.progress.{k}'))}</th>" for k in ("exercise", "answered", "correct", "status")
    )
    body = []
    for st in module_status(store, modules):
        if not st.module.parts:
            continue
        mark = tr("widgets.progress.done" if st.state == "done" else "widgets.progress.lesson_open")
        body.append(f'<tr><th colspan="4" style="text-align:left">{esc(st.module.title[lang])} ({esc(mark)})</th></tr>')
        body += [row(pid, kind, st.module) for pid, kind in st.module.parts]
    if not body:
        return ""
    return (
        f'<table style="border-collapse:collapse"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
    )


def summary_line(store: ProgressStore, modules: Sequence[Module], tr: Callable[..., str]) -> str:
    """ "You have finished the course" only when every module with something to do is done; else how many are."""
    graded = [st for st in module_status(store, modules) if st.module.parts]
    if not graded:
        return ""
    done = sum(st.state == "done" for st in graded)
    if done == len(graded):
        return f"<p><strong>{esc(tr('widgets.progress.all_done'))}</strong></p>"
    return f"<p><strong>{esc(tr('widgets.progress.modules_done', done=done, total=len(graded)))}</strong></p>"


def panel_html(
    store: ProgressStore, lang: str, modules: Sequence[Module] = (), audience: str = DEFAULT_AUDIENCE
) -> str:
    """Everything the panel shows, as HTML: how far the learner is, the lessons' parts, the chart, the figures."""
    tr = speaker(lang, audience)
    table = _table(store, modules, lang, tr)  # reads the file first, so a damaged file is moved aside before the note
    by_article = results_by_article(store)
    rows = "".join(
        f"<li>{esc(tr('widgets.progress.article_row', article=a, correct=c, total=n))}</li>"
        for a, (c, n) in by_article.items()
    )
    chart = _figure_img(results_figure(store, lang), tr("widgets.progress.chart_alt")) if by_article else ""
    figures = f"<ul>{rows}</ul>" if rows else f"<p>{esc(tr('widgets.progress.chart_none'))}</p>"
    return (
        f"<h3>{esc(tr('widgets.progress.title'))}</h3>{moved_aside_note(store, lang)}"
        f"{summary_line(store, modules, tr)}<p><em>{esc(tr('widgets.progress.saved'))}</em></p>"
        f"{table}{chart}{figures}"
    )


def progress_panel(
    *,
    lang: str = "vi",
    store: ProgressStore | None = None,
    modules: Sequence[Module] = (),
    audience: str = DEFAULT_AUDIENCE,
) -> W.VBox:
    """The panel with a Refresh button. The VBox has `.content` (live region), `.refresh`, `.figure()`.

    `modules` are the lessons to list, in order (curriculum/show.py passes the learner's track): the
    widget knows nothing of the curriculum, so it cannot break when a lesson file does.
    """
    lang = check_lang(lang)
    store = store_or_default(store)
    content = live_region()

    def refresh(_=None) -> None:
        try:
            say(content, panel_html(store, lang, modules, audience))
        except OSError as exc:
            say(content, error_note(store, lang, exc, "widgets.read_failed"))

    btn = button(t("widgets.progress.refresh", lang), t("widgets.progress.refresh_help", lang), refresh, icon="refresh")
    refresh()
    box = learner_box([content, btn])
    box.content = content
    box.refresh = btn
    box.figure = lambda: results_figure(store, lang)
    return box
