"""What the learner has done so far, read from the progress file, and a chart of results by article.

The chart is drawn with matplotlib's object API (no pyplot state, works headless and under
Voilà) and shown as an <img> with alt text; the same figures are also given as a table, so the
results do not depend on seeing the chart.
"""
from __future__ import annotations

import base64
import io
from collections import Counter

import ipywidgets as W
from matplotlib.figure import Figure

from conduct.i18n import check_lang, t
from conduct.progress import ProgressStore
from conduct.widgets.a11y import button, esc, live_region, say
from conduct.widgets.saving import moved_aside_note, store_or_default


def results_by_article(store: ProgressStore) -> dict[int, tuple[int, int]]:
    """{article: (correct, answered)} over the latest answer to each item."""
    total, correct = Counter(), Counter()
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
    answered = ax.bar([x - width / 2 for x in xs], [data[a][1] for a in arts], width,
                      label=t("widgets.progress.chart_answered", lang), color="#c9d6e8", edgecolor="#1f3b63", hatch="//")
    correct = ax.bar([x + width / 2 for x in xs], [data[a][0] for a in arts], width,
                     label=t("widgets.progress.chart_correct", lang), color="#1f3b63", edgecolor="#1f3b63")
    ax.bar_label(correct, labels=[t("widgets.progress.bar_label", lang, correct=data[a][0], total=data[a][1])
                                  for a in arts], padding=2)
    ax.set_xticks(list(xs), [t("widgets.cite_article", lang, article=a) for a in arts])
    ax.set_ylim(0, max(data[a][1] for a in arts) * 1.25 + 0.5)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(handles=[answered, correct], loc="upper left", fontsize="small")
    return fig


def _figure_img(fig: Figure, alt: str) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" alt="{esc(alt)}" style="max-width:100%">'


def _lessons_touched(exercise_ids: set[str]) -> list[tuple[dict[str, str], list[tuple[str, str]]]]:
    """[(lesson title {vi, en}, [(exercise or quiz id, kind)])] for the lessons of every (track, audience)
    in which the learner has answered something, in course order; lessons not begun are included so the
    learner sees what is left. Exercises that belong to no lesson are left to the caller."""
    try:
        from conduct.curriculum.lessons import all_lessons

        lessons = all_lessons()
    except Exception:  # noqa: BLE001 - the panel must work from the progress file alone
        return []
    graded = [(l, [(p.id, p.kind) for p in l.parts if p.kind in ("exercise", "quiz")]) for l in lessons]
    touched = {(l.track, l.audience) for l, ids in graded if exercise_ids & {i for i, _ in ids}}
    return [(l.title, ids) for l, ids in graded if ids and (l.track, l.audience) in touched]


def _table(store: ProgressStore, lang: str) -> str:
    exercises = store.exercises()
    if not exercises:
        return f"<p>{esc(t('widgets.progress.none', lang))}</p>"
    latest = store.latest()

    def status(eid: str, answered: int) -> str:
        info = exercises.get(eid)
        if info is None or not (answered or info.get("completed")):  # opened but nothing answered yet
            return t("widgets.progress.not_started", lang)
        return t("widgets.progress.done" if info.get("completed") else "widgets.progress.in_progress", lang)

    def row(eid: str, kind: str = "") -> str:
        info = exercises.get(eid, {})
        name = esc(eid) if not kind else f"{esc(t(f'widgets.progress.kind_{kind}', lang))} ({esc(eid)})"
        mine = [a for (e, _), a in latest.items() if e == eid]
        answered = f"{len(mine)} / {info['total']}" if info.get("total") else str(len(mine))
        return (f"<tr><td>{name}</td><td>{answered}</td><td>{sum(a.correct for a in mine)}</td>"
                f"<td>{esc(status(eid, len(mine)))}</td></tr>")

    head = "".join(f"<th>{esc(t(f'widgets.progress.{k}', lang))}</th>" for k in ("exercise", "answered", "correct", "status"))
    body, listed = [], set()
    for title, ids in _lessons_touched(set(exercises)):
        done = all(exercises.get(i, {}).get("completed") for i, _ in ids)
        mark = t("widgets.progress.done" if done else "widgets.progress.lesson_open", lang)
        body.append(f'<tr><th colspan="4" style="text-align:left">{esc(title[lang])} ({esc(mark)})</th></tr>')
        body += [row(i, kind) for i, kind in ids]
        listed.update(i for i, _ in ids)
    body += [row(eid) for eid in exercises if eid not in listed]
    return f'<table style="border-collapse:collapse"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def panel_html(store: ProgressStore, lang: str) -> str:
    """Everything the panel shows, as HTML: where progress is saved, the exercises, the chart, the figures."""
    table = _table(store, lang)  # reads the file first, so a damaged file is moved aside before the note
    by_article = results_by_article(store)
    rows = "".join(f"<li>{esc(t('widgets.progress.article_row', lang, article=a, correct=c, total=n))}</li>"
                   for a, (c, n) in by_article.items())
    chart = _figure_img(results_figure(store, lang), t("widgets.progress.chart_alt", lang)) if by_article else ""
    figures = f"<ul>{rows}</ul>" if rows else f"<p>{esc(t('widgets.progress.chart_none', lang))}</p>"
    return (f"<h3>{esc(t('widgets.progress.title', lang))}</h3>{moved_aside_note(store, lang)}"
            f"<p><em>{esc(t('widgets.progress.saved_at', lang, path=str(store.path)))}</em></p>"
            f"{table}{chart}{figures}")


def progress_panel(*, lang: str = "vi", store: ProgressStore | None = None) -> W.VBox:
    """The panel with a Refresh button. The VBox has `.content` (live region), `.refresh`, `.figure()`."""
    lang = check_lang(lang)
    store = store_or_default(store)
    content = live_region()

    def refresh(_=None) -> None:
        try:
            say(content, panel_html(store, lang))
        except OSError as exc:
            say(content, f"<p>{esc(t('widgets.read_failed', lang, path=str(store.path), error=exc.strerror or exc))}</p>")

    btn = button(t("widgets.progress.refresh", lang), t("widgets.progress.refresh_help", lang), refresh, icon="refresh")
    refresh()
    box = W.VBox([content, btn])
    box.content = content
    box.refresh = btn
    box.figure = lambda: results_figure(store, lang)
    return box
