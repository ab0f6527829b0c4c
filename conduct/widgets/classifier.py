"""The post classifier's view: for each bank post, choose the verdict, then the clause, and see why.

This is the core exercise of every article notebook. The rules live in `ClassifierState`
(classifier_state.py); this module only draws them. Step 1's feedback says whether the verdict was
right and marks the evidence words, but names no clause: step 2 asks for the clause, and its feedback
gives the clause texts and the post's gold explanation. The answer is saved before feedback shows, so
a closed tab or a restarted kernel loses nothing: a new view continues where the saved answers stop.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import ipywidgets as W

from conduct.bank import Post
from conduct.bank import post as get_post
from conduct.code import clause
from conduct.i18n import check_lang
from conduct.progress import ProgressStore
from conduct.rules.engine import assess
from conduct.vocab import VERDICTS
from conduct.widgets.a11y import button, esc, live_region, mark_choice, say
from conduct.widgets.classifier_state import NONE, ClassifierState, ClauseOutcome, VerdictOutcome
from conduct.widgets.post_card import card, cite, clause_line
from conduct.widgets.register import DEFAULT_AUDIENCE, speaker
from conduct.widgets.saving import error_note, moved_aside_note, store_or_default
from conduct.widgets.style import WRAP_CLASS, learner_box, style_block


@functools.lru_cache(maxsize=256)
def evidence(post: Post) -> tuple[tuple[int, int], ...]:
    """Evidence spans for the post's gold answer: the checker's findings that agree with it.

    For an `ok` post only findings the checker itself judged `ok` count (a positive post, or a
    trap word the context shows is mentioned, not used: marking it shows the learner the word a
    careless filter would catch). Where the checker disagrees with the gold, its words are not
    marked, since marking them would teach the very mistake the post is there to catch.

    Cached per post, and computed when a post is shown (not when it is answered): the checker's first
    call loads its rules, and under Voilà's pre-heated kernels that happens before the learner arrives,
    so the first answer's feedback is as quick as the others.
    """
    try:
        found = assess(post.text, role=post.role).findings
    except ValueError:  # the checker refused the text: show the post unmarked
        return ()
    keep = [f for f in found if (f.verdict == "ok") == (post.verdict == "ok")]
    return tuple(span for f in keep for span in f.evidence)


class ClassifierView:
    """The widgets of one classifier and the handlers that pass clicks to its state."""

    def __init__(self, state: ClassifierState, lang: str, audience: str) -> None:
        self.state, self.lang = state, lang
        self.tr = tr = speaker(lang, audience)
        self.notes = W.HTML(
            moved_aside_note(state.store, lang) + error_note(state.store, lang, state.read_error, "widgets.read_failed")
        )
        if state.start_error and not state.read_error:
            self.notes.value += error_note(state.store, lang, state.start_error)
        self.progress = W.IntProgress(
            value=0,
            min=0,
            max=len(state.posts),
            description=tr("widgets.classifier.progress_label"),
            style={"description_width": "initial"},
        )
        self.position = W.HTML()
        self.card = W.HTML()
        self.verdict_q = W.HTML(f"<p><strong>{esc(tr('widgets.classifier.verdict_question'))}</strong></p>")
        self.verdict_buttons = {
            v: button(self.verdict_word(v), tr(f"widgets.verdict_help.{v}"), self.on_verdict) for v in VERDICTS
        }
        self.verdict_feedback = live_region()
        self.clause_q = W.HTML(f"<p><strong>{esc(tr('widgets.classifier.clause_question'))}</strong></p>")
        self.clause_box = W.VBox()
        self.clause_map: dict[str, W.Button] = {}  # the current post's clause buttons, by clause id or NONE
        self.clause_feedback = live_region()
        self.next = button(tr("widgets.classifier.next"), tr("widgets.classifier.next_help"), self.on_next)
        self.again = button(tr("widgets.classifier.again"), tr("widgets.classifier.again_help"), self.on_again)
        self.score = live_region()

    def verdict_word(self, verdict: str) -> str:
        return self.tr(f"checker.verdict.{verdict}")

    @staticmethod
    def show(widget: W.Widget, visible: bool) -> None:
        widget.layout.display = None if visible else "none"

    def clause_buttons(self) -> dict[str, W.Button]:
        return dict(self.clause_map)

    def clause_button(self, cid: str) -> W.Button:
        tr, lang = self.tr, self.lang
        if cid == NONE:
            b = button(tr("widgets.classifier.no_clause"), tr("widgets.classifier.no_clause_help"))
        else:
            c = clause(cid)
            b = button(
                f"{cite(cid, lang)}: {c.short[lang]}",
                tr("widgets.classifier.clause_help", cite=cite(cid, lang), text=c.text[lang]),
            )
        b.add_class(WRAP_CLASS)
        b.on_click(self.on_clause)
        return b

    # -- drawing ---------------------------------------------------------------------------
    def load(self, intro: str = "") -> None:
        s, tr = self.state, self.tr
        p = s.post
        self.position.value = (
            f"<p><strong>{esc(tr('widgets.classifier.position', n=s.index + 1, total=len(s.posts)))}</strong></p>"
        )
        self.progress.value = s.done_count()
        self.card.value = card(p.text, p.role, self.lang)
        evidence(p)  # ready before the learner answers (see `evidence`)
        for v, b in self.verdict_buttons.items():
            b.description = self.verdict_word(v)
            b.button_style = ""
            b.disabled = False
        say(self.verdict_feedback, intro)
        say(self.clause_feedback, "")
        self.clause_map = {c: self.clause_button(c) for c in s.choices()}
        self.clause_box.children = tuple(self.clause_map.values())
        for w in (self.clause_q, self.clause_box, self.next, self.again):
            self.show(w, False)

    def start(self) -> None:
        """Draw the state as the progress file left it: fresh, resumed, or finished before."""
        s, tr = self.state, self.tr
        resume = s.resume_index()
        if resume is None:  # done before: show the earlier score; "Start again" opens a fresh round
            s.index = 0
            self.load(f"<p>{esc(tr('widgets.classifier.finished_before'))}</p>")
            for b in self.verdict_buttons.values():
                b.disabled = True
            self.finish(focus=False)
        elif s.done_count() or resume > 0 or s.step() == "clause":
            s.index = resume
            intro = f"<p>{esc(tr('widgets.classifier.resumed', answered=s.done_count(), total=len(s.posts), n=resume + 1))}</p>"
            self.load(intro)
            given = s.verdict_given()
            if given is not None:  # step 1 was answered before the restart: continue at step 2
                self.show_verdict(given, intro)
        else:
            self.load()

    def verdict_html(self, o: VerdictOutcome) -> str:
        tr = self.tr
        html = (
            f"<p><strong>{esc(tr('widgets.right' if o.correct else 'widgets.wrong'))}</strong> "
            f"{esc(tr('widgets.classifier.answer_verdict', verdict=self.verdict_word(o.post.verdict)))}</p>"
        )
        if "<mark" in self.card.value:
            html += f"<p><em>{esc(tr('widgets.evidence_note'))}</em></p>"
        html += f"<p>{esc(tr('widgets.classifier.now_clause'))}</p>"
        return html + error_note(self.state.store, self.lang, o.error)

    def clause_html(self, o: ClauseOutcome) -> str:
        tr, lang, p = self.tr, self.lang, o.post
        if p.verdict == "ok":
            shown = sorted(o.right - {NONE})  # only clauses step 2 accepts: never cite one it marks wrong
            answer = tr("widgets.classifier.answer_none")
            if shown:
                answer += " " + tr("widgets.classifier.ok_also", clauses="; ".join(clause_line(c, lang) for c in shown))
        else:
            shown = list(p.clauses)
            answer = tr("widgets.classifier.answer_clauses", clauses="; ".join(clause_line(c, lang) for c in shown))
        texts = "".join(f"<li>{esc(cite(c, lang))}: {esc(clause(c).text[lang])}</li>" for c in shown)
        return (
            f"<p><strong>{esc(tr('widgets.right' if o.correct else 'widgets.wrong'))}</strong> {esc(answer)}</p>"
            + (f"<ul>{texts}</ul>" if texts else "")
            + f"<p>{esc(tr('widgets.classifier.why', text=p.explanation[lang]))}</p>"
            + error_note(self.state.store, lang, o.error)
        )

    # -- handlers --------------------------------------------------------------------------
    def on_verdict(self, b: W.Button) -> None:
        chosen = next(v for v, vb in self.verdict_buttons.items() if vb is b)
        self.show_verdict(self.state.choose_verdict(chosen))
        self.clause_box.children[0].focus()  # the clicked button is now disabled: keep keyboard focus here

    def show_verdict(self, o: VerdictOutcome, intro: str = "") -> None:
        """Step 1 answered (now, or saved before a restart): mark it, show the evidence, open step 2."""
        for vb in self.verdict_buttons.values():
            vb.disabled = True
        if o.chosen in self.verdict_buttons:
            mark_choice(self.verdict_buttons[o.chosen], o.correct)
        if not o.correct:
            mark_choice(self.verdict_buttons[o.post.verdict], True)
        self.card.value = card(o.post.text, o.post.role, self.lang, evidence(o.post))
        say(self.verdict_feedback, intro + self.verdict_html(o))
        for w in (self.clause_q, self.clause_box):
            self.show(w, True)

    def on_clause(self, b: W.Button) -> None:
        o = self.state.choose_clause(next(c for c, cb in self.clause_map.items() if cb is b))
        for cid, cb in self.clause_map.items():
            cb.disabled = True
            if cb is b:
                mark_choice(cb, o.correct)
            elif not o.correct and cid in o.right:
                mark_choice(cb, True)
        say(self.clause_feedback, self.clause_html(o))
        self.progress.value = self.state.done_count()
        last = self.state.resume_index() is None
        self.next.description = self.tr("widgets.classifier.finish" if last else "widgets.classifier.next")
        self.next.tooltip = self.tr("widgets.classifier.finish_help" if last else "widgets.classifier.next_help")
        self.show(self.next, True)
        self.next.focus()

    def on_next(self, _=None) -> None:
        if self.state.advance():
            self.load()
            self.verdict_buttons[VERDICTS[0]].focus()
        else:
            self.finish()

    def finish(self, focus: bool = True) -> None:
        sc, tr = self.state.score(), self.tr
        say(
            self.score,
            f"<p><strong>{esc(tr('widgets.classifier.score', correct=sc.correct, total=sc.choices, percent=sc.percent))}</strong></p>"
            f"<p>{esc(tr('widgets.classifier.score_posts', posts=sc.posts_right, total=sc.posts))}</p>",
        )
        self.progress.value = len(self.state.posts)
        self.show(self.next, False)
        self.show(self.again, True)
        if focus:
            self.again.focus()

    def on_again(self, _=None) -> None:
        self.state.restart()
        say(self.score, "")
        self.load()
        self.verdict_buttons[VERDICTS[0]].focus()

    def box(self) -> W.VBox:
        box = learner_box(
            [
                style_block(),
                self.notes,
                self.progress,
                self.position,
                self.card,
                self.verdict_q,
                W.HBox(list(self.verdict_buttons.values())),
                self.verdict_feedback,
                self.clause_q,
                self.clause_box,
                self.clause_feedback,
                self.next,
                self.score,
                self.again,
            ]
        )
        for name in (
            "progress",
            "position",
            "card",
            "verdict_buttons",
            "verdict_feedback",
            "clause_feedback",
            "score",
            "next",
            "again",
            "clause_buttons",
            "state",
        ):
            setattr(box, name, getattr(self, name))
        box.view = self
        return box


def classifier(
    post_ids: Sequence[str],
    *,
    lang: str = "vi",
    exercise_id: str,
    store: ProgressStore | None = None,
    audience: str = DEFAULT_AUDIENCE,
) -> W.VBox:
    """Step through `post_ids`; returns a VBox with the parts tests and notebooks need:

    `.progress` (IntProgress, posts completed), `.position` ("3 / 8"), `.card` (the post),
    `.verdict_buttons` {verdict: Button}, `.clause_buttons()` {clause id or "none": Button} for the
    current post, `.verdict_feedback`, `.clause_feedback`, `.score` (live regions), `.next`, `.again`,
    `.state` (the ClassifierState).
    """
    lang = check_lang(lang)
    if not post_ids:
        return learner_box([W.HTML(f"<p>{esc(speaker(lang, audience)('widgets.classifier.empty'))}</p>")])
    state = ClassifierState([get_post(pid) for pid in post_ids], exercise_id, store_or_default(store))
    view = ClassifierView(state, lang, audience)
    view.start()
    return view.box()
