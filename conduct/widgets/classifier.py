"""The post classifier: for each bank post, choose the verdict, then the clause, and see why.

This is the core exercise of every article notebook. Each choice gets feedback at once that says
whether it was right (✓/✗ and words), gives the post's gold explanation, cites the clause and
marks the evidence words found by the checker, and the answer is saved before the feedback shows,
so a closed browser tab loses nothing. A learner who comes back continues where they stopped.

Clause choices are the same for every post in an exercise by the same kind of author (the clauses
the concern vocabulary can cite for that role, plus the gold clauses of the exercise's posts by
that role), so the buttons offered do not give the answer away. For an `ok` post the right clause answer is "no clause broken"; when
its gold names 4(7) (sharing the positive), choosing that clause counts as right too.
"""
from __future__ import annotations

import ipywidgets as W

from conduct import VERDICTS
from conduct.i18n import check_lang, t
from conduct.progress import ProgressStore
from conduct.widgets.a11y import button, esc, live_region, mark_choice, say, verdict_mark
from conduct.widgets.post_card import card, cite, clause_line
from conduct.widgets.saving import attempt, moved_aside_note, store_or_default
from conduct.widgets.style import WRAP_CLASS, style_block

NONE = "none"  # the "no clause broken" choice
POSITIVE = "4(7)"


def clause_choices(post, others=()) -> list[str]:
    """The clause buttons for a post, in the Code's order, then "none".

    `others` are the exercise's other posts: their gold clauses are offered too for every post by
    an author of the same role, so a clause button never appears only when it is the answer.
    """
    from conduct.code import load_code
    from conduct.rules.concerns import concerns

    ids = set(post.clauses).union(*(o.clauses for o in others if o.role == post.role))
    for c in concerns().values():
        if c.applies_to(post.role):
            ids.update(c.clauses_for(post.role))
    order = [c.id for c in load_code().clauses]
    return [cid for cid in order if cid in ids] + [NONE]


def right_clauses(post) -> set[str]:
    """The clause answers that count as right for a post."""
    if post.verdict == "ok":
        return {NONE} | ({POSITIVE} & set(post.clauses))
    return set(post.clauses)


def evidence(post) -> tuple[tuple[int, int], ...]:
    """Evidence spans for the post's gold answer: the checker's findings that agree with it.

    For an `ok` post only findings the checker itself judged `ok` count (a positive post, or a
    trap word the context shows is mentioned, not used: marking it shows the learner the word a
    careless filter would catch). Where the checker disagrees with the gold, its words are not
    marked, since marking them would teach the very mistake the post is there to catch.
    """
    from conduct import assess

    found = assess(post.text, role=post.role).findings
    keep = [f for f in found if (f.verdict == "ok") == (post.verdict == "ok")]
    return tuple(span for f in keep for span in f.evidence)


def _clauses_text(ids, lang: str) -> str:
    return "; ".join(clause_line(c, lang) for c in ids)


def classifier(post_ids, *, lang: str = "vi", exercise_id: str, store: ProgressStore | None = None) -> W.VBox:
    """Step through `post_ids`; returns a VBox with the parts tests and notebooks need:

    `.progress` (IntProgress, posts completed), `.position` ("3 / 8"), `.card` (the post),
    `.verdict_buttons` {verdict: Button}, `.clause_buttons()` {clause id or "none": Button} for the
    current post, `.verdict_feedback`, `.clause_feedback`, `.score` (live regions), `.next`, `.again`.
    """
    from conduct.bank import post as get_post

    lang = check_lang(lang)
    store = store_or_default(store)
    posts = [get_post(pid) for pid in post_ids]
    total = len(posts)
    if not total:
        return W.VBox([W.HTML(f"<p>{esc(t('widgets.classifier.empty', lang))}</p>")])

    results: dict[str, bool] = {}  # item -> correct, for this exercise (stored answers + this session)
    read_warn = attempt(store, lang, lambda: results.update(
        (item, a.correct) for (_, item), a in store.latest(exercise_id).items()), "widgets.read_failed")
    items = [f"{p.id}:{step}" for p in posts for step in ("verdict", "clause")]
    notes = W.HTML(moved_aside_note(store, lang) + read_warn)
    warn_start = attempt(store, lang, lambda: store.start(exercise_id, len(items)))

    progress = W.IntProgress(value=0, min=0, max=total, description=t("widgets.classifier.progress_label", lang),
                             style={"description_width": "initial"})
    position = W.HTML()
    card_w = W.HTML()
    verdict_q = W.HTML(f"<p><strong>{esc(t('widgets.classifier.verdict_question', lang))}</strong></p>")
    verdict_buttons = {v: button(t(f"widgets.verdict.{v}", lang), t(f"widgets.verdict_help.{v}", lang))
                       for v in VERDICTS}
    verdict_feedback = live_region()
    clause_q = W.HTML(f"<p><strong>{esc(t('widgets.classifier.clause_question', lang))}</strong></p>")
    clause_box = W.VBox()
    clause_feedback = live_region()
    next_btn = button(t("widgets.classifier.next", lang), t("widgets.classifier.next_help", lang))
    again_btn = button(t("widgets.classifier.again", lang), t("widgets.classifier.again_help", lang))
    score = live_region()
    state = {"i": 0, "spans": ()}

    def show(widget: W.Widget, visible: bool) -> None:
        widget.layout.display = None if visible else "none"

    def post_done(p) -> bool:
        return f"{p.id}:verdict" in results and f"{p.id}:clause" in results

    def done_count() -> int:
        return sum(post_done(p) for p in posts)

    def clause_button(cid: str) -> W.Button:
        from conduct.code import clause

        if cid == NONE:
            b = button(t("widgets.classifier.no_clause", lang), t("widgets.classifier.no_clause_help", lang))
        else:
            c = clause(cid)
            b = button(f"{cite(cid, lang)}: {c.short[lang]}",
                       t("widgets.classifier.clause_help", lang, cite=cite(cid, lang), text=c.text[lang]))
        b.add_class(WRAP_CLASS)
        b._conduct_choice = cid
        b.on_click(on_clause)
        return b

    def load(i: int, intro: str = "") -> None:
        state["i"] = i
        p = posts[i]
        state["spans"] = ()
        position.value = f"<p><strong>{esc(t('widgets.classifier.position', lang, n=i + 1, total=total))}</strong></p>"
        progress.value = done_count()
        card_w.value = card(p.text, p.role, lang)
        for v, b in verdict_buttons.items():
            b.description = t(f"widgets.verdict.{v}", lang)
            b.button_style = ""
            b.disabled = False
        say(verdict_feedback, intro)
        say(clause_feedback, "")
        clause_box.children = tuple(clause_button(c) for c in clause_choices(p, posts))
        for w in (clause_q, clause_box, next_btn, again_btn):
            show(w, False)

    def save(item: str, answer: str, correct: bool, p) -> str:
        results[item] = correct
        return attempt(store, lang, lambda: store.record(exercise_id, item, answer, correct, p.clauses))

    def on_verdict(b: W.Button) -> None:
        p = posts[state["i"]]
        chosen = next(v for v, vb in verdict_buttons.items() if vb is b)
        correct = chosen == p.verdict
        warn = save(f"{p.id}:verdict", chosen, correct, p)
        for vb in verdict_buttons.values():
            vb.disabled = True
        mark_choice(b, correct)
        if not correct:
            mark_choice(verdict_buttons[p.verdict], True)
        try:
            state["spans"] = evidence(p)
        except ValueError:  # the checker refused the text: show the post unmarked
            state["spans"] = ()
        card_w.value = card(p.text, p.role, lang, state["spans"])
        verdict_name = t(f"widgets.verdict.{p.verdict}", lang)
        html = (f"<p><strong>{esc(verdict_mark(correct, lang))}</strong> "
                f"{esc(t('widgets.classifier.answer_verdict', lang, verdict=verdict_name))}</p>"
                f"<p>{esc(t('widgets.classifier.why', lang, text=p.explanation[lang]))}</p>")
        if p.clauses:
            html += f"<p>{esc(_clauses_text(p.clauses, lang))}</p>"
        if state["spans"]:
            html += f"<p><em>{esc(t('widgets.evidence_note', lang))}</em></p>"
        say(verdict_feedback, html + warn)
        for w in (clause_q, clause_box):
            show(w, True)
        clause_box.children[0].focus()  # the clicked button is now disabled: keep keyboard focus in the exercise

    def on_clause(b: W.Button) -> None:
        from conduct.code import clause

        p = posts[state["i"]]
        chosen = b._conduct_choice
        right = right_clauses(p)
        correct = chosen in right
        warn = save(f"{p.id}:clause", chosen, correct, p)
        for cb in clause_box.children:
            cb.disabled = True
            if cb is b:
                mark_choice(cb, correct)
            elif not correct and cb._conduct_choice in right:
                mark_choice(cb, True)
        if p.verdict == "ok":
            answer = t("widgets.classifier.answer_none", lang)
            if POSITIVE in right:
                answer += " " + t("widgets.classifier.ok_also", lang, clauses=clause_line(POSITIVE, lang))
        else:
            answer = t("widgets.classifier.answer_clauses", lang, clauses=_clauses_text(p.clauses, lang))
        texts = "".join(f"<li>{esc(cite(c, lang))}: {esc(clause(c).text[lang])}</li>" for c in p.clauses)
        html = (f"<p><strong>{esc(verdict_mark(correct, lang))}</strong> {esc(answer)}</p>"
                + (f"<ul>{texts}</ul>" if texts else "")
                + f"<p>{esc(t('widgets.classifier.why', lang, text=p.explanation[lang]))}</p>")
        if len(results.keys() & set(items)) == len(items):
            warn = warn or attempt(store, lang, lambda: store.complete(exercise_id))
        say(clause_feedback, html + warn)
        progress.value = done_count()
        last = state["i"] == total - 1
        next_btn.description = t("widgets.classifier.finish" if last else "widgets.classifier.next", lang)
        next_btn.tooltip = t("widgets.classifier.finish_help" if last else "widgets.classifier.next_help", lang)
        show(next_btn, True)
        next_btn.focus()

    def on_next(_=None) -> None:
        i = state["i"] + 1
        while i < total and post_done(posts[i]):  # skip posts answered in an earlier session
            i += 1
        if i < total:
            load(i)
            verdict_buttons[VERDICTS[0]].focus()
            return
        first_open = next((k for k, p in enumerate(posts) if not post_done(p)), None)
        if first_open is not None:  # an earlier post is still unanswered
            load(first_open)
            verdict_buttons[VERDICTS[0]].focus()
            return
        finish()

    def finish() -> None:
        got = sum(results.get(it, False) for it in items)
        both = sum(results.get(f"{p.id}:verdict", False) and results.get(f"{p.id}:clause", False) for p in posts)
        say(score, f"<p><strong>{esc(t('widgets.classifier.score', lang, correct=got, total=len(items), percent=round(100 * got / len(items))))}</strong></p>"
                   f"<p>{esc(t('widgets.classifier.score_posts', lang, posts=both, total=total))}</p>")
        progress.value = total
        show(next_btn, False)
        show(again_btn, True)
        again_btn.focus()

    def on_again(_=None) -> None:
        results.clear()
        say(score, "")
        load(0)
        verdict_buttons[VERDICTS[0]].focus()

    for b in verdict_buttons.values():
        b.on_click(on_verdict)
    next_btn.on_click(on_next)
    again_btn.on_click(on_again)

    start = next((k for k, p in enumerate(posts) if not post_done(p)), None)
    if start is None:  # done before: show the earlier score; "Start again" opens a fresh round
        load(0, f"<p>{esc(t('widgets.classifier.finished_before', lang))}</p>")
        for b in verdict_buttons.values():
            b.disabled = True
        finish()
    elif start > 0 or done_count():
        load(start, f"<p>{esc(t('widgets.classifier.resumed', lang, answered=done_count(), total=total, n=start + 1))}</p>")
    else:
        load(0)
    if warn_start and not read_warn:
        notes.value += warn_start

    box = W.VBox([style_block(), notes, progress, position, card_w, verdict_q, W.HBox(list(verdict_buttons.values())),
                  verdict_feedback, clause_q, clause_box, clause_feedback, next_btn, score, again_btn])
    box.progress = progress
    box.position = position
    box.card = card_w
    box.verdict_buttons = verdict_buttons
    box.clause_buttons = lambda: {b._conduct_choice: b for b in clause_box.children}
    box.verdict_feedback = verdict_feedback
    box.clause_feedback = clause_feedback
    box.score = score
    box.next = next_btn
    box.again = again_btn
    return box
