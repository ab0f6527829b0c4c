"""The final test page's widget: answer every item, submit, see the score, review mistakes, retake.

Items come from `conduct.final` (data, not in any lesson). The learner chooses one option per item
with keyboard-friendly toggle buttons; nothing is scored until they submit, so they can change their
mind. Each submission is saved as an attempt in the progress file (every retake is kept), and the
widget opened again shows the last attempt's result and its review, so a reload or restart loses
nothing. The review lists each missed item with the learner's answer, the right answer, the reason
and the clause(s) it rests on.
"""

from __future__ import annotations

import ipywidgets as W

from conduct.final import FinalTest, Item, Result, final_test, score
from conduct.i18n import check_lang
from conduct.progress import FinalAttempt, ProgressStore, try_store
from conduct.widgets.a11y import button, esc, live_region, say
from conduct.widgets.post_card import card, clause_line
from conduct.widgets.register import speaker
from conduct.widgets.saving import error_note, moved_aside_note, store_or_default
from conduct.widgets.style import WRAP_CLASS, learner_box

LETTERS = "ABCDEFGHIJ"


def option_label(item: Item, option_id: str, lang: str) -> str:
    """What the learner sees for an option: the verdict word from the catalogue, or "B. the text"."""
    tr = speaker(lang)
    for j, o in enumerate(item.options):
        if o.id == option_id:
            return tr(f"checker.verdict.{o.id}") if o.text is None else f"{LETTERS[j]}. {o.text[lang]}"
    return "—"


def item_html(item: Item, n: int, total: int, lang: str, audience: str) -> str:
    tr = speaker(lang, audience)
    html = f"<p><strong>{esc(tr('widgets.final.position', n=n, total=total))}.</strong> "
    if item.question:
        html += esc(item.question[lang])
    else:
        html += esc(tr("widgets.final.judge_post"))
    html += "</p>"
    if item.post and item.role:
        html += card(item.post[lang], item.role, lang)
    return html


def review_html(result: Result, lang: str, audience: str) -> str:
    """Every missed item: the question, the learner's answer, the right one, why, and the clause."""
    tr = speaker(lang, audience)
    items = {it.id: it for it in result.test.items}
    if not result.wrong:
        return f"<p>{esc(tr('widgets.final.no_mistakes'))}</p>"
    rows = []
    for iid in result.wrong:
        it = items[iid]
        n = result.test.items.index(it) + 1
        what = it.question[lang] if it.question else (it.post or {}).get(lang, "")
        clauses = "; ".join(clause_line(c, lang) for c in it.clauses)
        rows.append(
            f"<li><p><strong>{esc(tr('widgets.final.position', n=n, total=result.total))}.</strong> {esc(what)}</p>"
            f"<p>✗ {esc(tr('widgets.final.your_answer', answer=option_label(it, result.answers.get(iid, ''), lang)))}</p>"
            f"<p>✓ {esc(tr('widgets.final.right_answer', answer=option_label(it, it.answer, lang)))}</p>"
            f"<p>{esc(tr('widgets.final.why', text=it.reason[lang]))}</p>"
            + (f"<p>{esc(tr('widgets.final.clauses', clauses=clauses))}</p>" if clauses else "")
            + "</li>"
        )
    return f"<h4>{esc(tr('widgets.final.review_title'))}</h4><ol>{''.join(rows)}</ol>"


def result_html(result: Result, lang: str, audience: str) -> str:
    tr = speaker(lang, audience)
    key = "widgets.final.passed" if result.passed else "widgets.final.failed"
    head = tr(key, correct=result.correct, total=result.total, percent=result.percent, pass_mark=result.test.pass_mark)
    html = f"<p><strong>{esc(head)}</strong></p>"
    if result.passed:
        html += f"<p>{esc(tr('widgets.final.certificate_ready'))}</p>"
    return html + review_html(result, lang, audience)


class FinalTestView:
    """One final test on a page: the choices, Submit, the result and review, Retake."""

    def __init__(self, test: FinalTest, lang: str, store: ProgressStore, audience: str) -> None:
        self.test, self.lang, self.store, self.audience = test, lang, store, audience
        self.tr = tr = speaker(lang, audience)
        self.choices: dict[str, W.ToggleButtons] = {}
        rows: list[W.Widget] = []
        total = len(test.items)
        for n, it in enumerate(test.items, 1):
            tb = W.ToggleButtons(
                options=[(option_label(it, o.id, lang), o.id) for o in it.options],
                value=None,
                tooltips=[tr("widgets.final.option_help", answer=option_label(it, o.id, lang)) for o in it.options],
                style={"button_width": "auto"},
            )
            tb.add_class(WRAP_CLASS)
            self.choices[it.id] = tb
            rows.append(
                W.VBox([W.HTML(item_html(it, n, total, lang, audience)), tb], layout=W.Layout(margin="0 0 12px 0"))
            )
        self.attempts: list[FinalAttempt] = []
        read_error = try_store(lambda: self.attempts.extend(store.final_attempts(test.track)))
        self.intro = W.HTML()
        self.notes = W.HTML(moved_aside_note(store, lang) + error_note(store, lang, read_error, "widgets.read_failed"))
        self.items_box = W.VBox(rows)
        self.submit = button(
            tr("widgets.final.submit"), tr("widgets.final.submit_help"), self.on_submit, button_style="primary"
        )
        self.retake = button(tr("widgets.final.retake"), tr("widgets.final.retake_help"), self.on_retake)
        self.result = live_region()
        self.last: Result | None = None
        if self.attempts:  # opened again: the last attempt's result and review, and a retake on demand
            a = self.attempts[-1]
            self.last = score(test, a.answers)
            say(self.result, result_html(self.last, lang, audience))
            self.show_form(False)
        else:
            self.show_form(True)
        self.update_intro()

    def update_intro(self) -> None:
        tr, test = self.tr, self.test
        html = (
            f"<h3>{esc(test.title[self.lang])}</h3>"
            f"<p>{esc(tr('widgets.final.intro', count=len(test.items), pass_mark=test.pass_mark))}</p>"
        )
        if self.attempts:
            best = max(a.percent for a in self.attempts)
            html += f"<p>{esc(tr('widgets.final.attempts', count=len(self.attempts), best=best))}</p>"
        self.intro.value = html

    def show_form(self, visible: bool) -> None:
        self.items_box.layout.display = None if visible else "none"
        self.submit.layout.display = None if visible else "none"
        self.retake.layout.display = "none" if visible else None

    def answers(self) -> dict[str, str]:
        return {iid: tb.value for iid, tb in self.choices.items() if tb.value is not None}

    def on_submit(self, _=None) -> None:
        answers = self.answers()
        missing = len(self.test.items) - len(answers)
        if missing:
            say(self.result, f"<p><strong>{esc(self.tr('widgets.final.unanswered', count=missing))}</strong></p>")
            return
        result = score(self.test, answers)
        error = try_store(
            lambda: self.attempts.append(
                self.store.record_final(self.test.track, answers, result.correct, result.total, result.passed)
            )
        )
        self.last = result
        say(self.result, result_html(result, self.lang, self.audience) + error_note(self.store, self.lang, error))
        self.show_form(False)
        self.update_intro()
        self.retake.focus()

    def on_retake(self, _=None) -> None:
        for tb in self.choices.values():
            tb.value = None
        say(self.result, "")
        self.show_form(True)

    def box(self) -> W.VBox:
        box = learner_box([self.notes, self.intro, self.items_box, self.submit, self.result, self.retake])
        box.choices, box.submit, box.retake, box.result, box.view = (
            self.choices,
            self.submit,
            self.retake,
            self.result,
            self,
        )
        return box


def final_test_widget(
    track: str, *, lang: str = "vi", store: ProgressStore | None = None, audience: str | None = None
) -> W.VBox:
    """The final test of `track` ("adults", "minors_11_14", "minors_15_18"); addressed as that audience.

    The VBox has `.choices` {item id: ToggleButtons}, `.submit`, `.retake` (Buttons), `.result` (live
    region with the score and the review) and `.view` (the FinalTestView, whose `.last` is the last Result).
    """
    lang = check_lang(lang)
    test = final_test(track)
    view = FinalTestView(test, lang, store_or_default(store), audience or track)
    return view.box()
