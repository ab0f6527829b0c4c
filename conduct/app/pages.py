"""The app's pages as widgets: one call per generated page notebook, e.g. `pages.home("course", "vi")`.

Each page reads the learner's progress file when it is drawn, so the home page shows what was
done in any tab or before a restart. Links are plain relative <a href> to the neighbouring page
notebooks (a home's pages and lessons share a folder), so they work under /voila/render/ on a
laptop and under /user/<name>/voila/render/ on JupyterHub alike, with Tab and Enter.
Pupils are addressed as the school lessons address them ("em"): a string with a pupil override
under `app.pupil.` is read from there.
"""

from __future__ import annotations

import os
import unicodedata

import ipywidgets as W

from conduct import bank, code
from conduct.app.homes import Home, get_home, modules
from conduct.app.status import DONE, HomeStatus, home_status
from conduct.app.words import speaker
from conduct.curriculum.lessons import Lesson, all_lessons
from conduct.curriculum.show import module_of
from conduct.final import final_test
from conduct.i18n import check_lang, t
from conduct.progress import ProgressStore, try_store
from conduct.widgets import certificate_widget, final_test_widget
from conduct.widgets.a11y import button, esc, live_region, say
from conduct.widgets.style import learner_box

MAX_NAME = 80
CSS = """<style>
.conduct-app { line-height: 1.5; }
.conduct-app h2 { margin: 0.8em 0 0.4em; font-size: 1.3em; }
.conduct-cards { list-style: none; padding: 0 4px 0 0; margin: 0; display: grid; box-sizing: border-box;
  grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 12px; }
.conduct-card a { display: block; padding: 12px 14px; border: 1px solid #6b7f99; border-radius: 8px;
  color: #13294b; text-decoration: none; background: #f7f9fc; height: 100%; box-sizing: border-box; }
.conduct-card a:hover { background: #e8eef7; }
.conduct-card a:focus { outline: 3px solid #1a56b0; outline-offset: 2px; }
.conduct-card .conduct-title { font-weight: 700; display: block; }
.conduct-card .conduct-state { display: block; margin-top: 4px; color: #2b3a4f; }
.conduct-card .conduct-state-done { color: #0b5a1e; font-weight: 600; }
.conduct-button-link { display: inline-block; padding: 8px 16px; border-radius: 6px; background: #1a56b0;
  color: #fff !important; text-decoration: none; font-weight: 600; margin: 6px 0; }
.conduct-button-link:focus { outline: 3px solid #13294b; outline-offset: 2px; }
.conduct-meter { width: 100%; max-width: 480px; height: 14px; }
</style>"""


def _html(body: str) -> W.HTML:
    return W.HTML(f'{CSS}<div class="conduct-app">{body}</div>', layout=W.Layout(width="100%"))


def _label(lesson: Lesson, lang: str) -> str:
    return f"{lesson.number} · {lesson.title[lang]}"


def _store(store: ProgressStore | None) -> ProgressStore:
    return store if store is not None else ProgressStore()


def clean_name(name: str) -> str:
    """A name as it will be printed: spaces collapsed, NFC, at most MAX_NAME characters."""
    return unicodedata.normalize("NFC", " ".join(name.split()))[:MAX_NAME]


def passed_attempt(home: Home, store: ProgressStore):
    """The best passed final-test attempt of the home's track, or None."""
    passed = [a for a in store.final_attempts(home.audience) if a.passed]
    return max(passed, key=lambda a: (a.percent, -a.time)) if passed else None


# ---------------------------------------------------------------- every page


def ready() -> None:
    """The first call of every page: load the course's data, then wait for the learner's request.

    With Voilà's pre-heated kernels (`python -m conduct.app --preheat N`) a kernel runs a page ahead
    of time; the wait makes it stop here, after the slow part (imports and data), so the cells after
    it read the learner's progress file when the page is actually opened, never a stale copy. Without
    pre-heating (JupyterLab, nbval, a plain Voilà) the wait returns at once.
    """
    if os.environ.get("VOILA_PREHEAT") != "True":
        return  # an ordinary kernel: each widget loads what it needs
    from voila.utils import wait_for_request

    all_lessons()
    bank.load_posts()
    code.load_code()
    wait_for_request()


# ---------------------------------------------------------------- the home page


def _card(href: str, title: str, status: str, done: bool = False) -> str:
    cls = "conduct-state conduct-state-done" if done else "conduct-state"
    return (
        f'<li class="conduct-card"><a href="{esc(href)}"><span class="conduct-title">{esc(title)}</span>'
        f'<span class="{cls}">{esc(status)}</span></a></li>'
    )


def home_html(home: Home, lang: str, store: ProgressStore) -> str:
    """Overall percentage, continue, one card per module, then the final test and certificate cards."""
    tr = speaker(lang, home.audience)
    st: HomeStatus = home_status(home, store)
    overall = tr("app.home.overall", percent=st.percent, done=st.done, total=len(st.modules))
    parts = [
        f"<p>{esc(overall)}</p>",
        f'<progress class="conduct-meter" max="100" value="{st.percent}" aria-label="{esc(overall)}">'
        f"{st.percent}%</progress>",
    ]
    if st.next_lesson is not None:
        label = tr("app.home.continue" if st.begun else "app.home.start", lesson=_label(st.next_lesson, lang))
        parts.append(
            f'<p><a class="conduct-button-link" href="{esc(st.next_lesson.filename(lang))}">{esc(label)}</a></p>'
        )
    else:
        parts.append(
            f'<p>{esc(tr("app.home.all_done"))} <a class="conduct-button-link" '
            f'href="{esc(home.files["final"][lang])}">{esc(tr("app.nav.final"))}</a></p>'
        )
    cards = []
    for lesson, m in zip(st.lessons, st.modules, strict=True):
        status = tr(f"app.home.status.{m.state}")
        if m.answered:
            status += " · " + tr("app.home.score", correct=m.correct, answered=m.answered, percent=m.percent)
        status += " · " + tr("app.home.minutes", minutes=lesson.minutes)
        cards.append(_card(lesson.filename(lang), _label(lesson, lang), status, m.state == DONE))
    test = final_test(home.audience)
    attempts = store.final_attempts(home.audience)
    best = passed_attempt(home, store)
    if best is not None:
        final_state = tr("app.home.final_passed", percent=best.percent)
    elif attempts:
        final_state = tr("app.home.final_failed", percent=max(a.percent for a in attempts))
    else:
        final_state = tr("app.home.final_none", mark=test.pass_mark)
    cards.append(_card(home.files["final"][lang], tr("app.home.final_card"), final_state, best is not None))
    cards.append(
        _card(
            home.files["certificate"][lang],
            tr("app.home.certificate_card"),
            tr("app.home.certificate_ready" if best else "app.home.certificate_locked"),
            best is not None,
        )
    )
    parts.append(f'<h2>{esc(tr("app.home.modules"))}</h2><ul class="conduct-cards">{"".join(cards)}</ul>')
    return "".join(parts)


def name_box(lang: str, audience: str, store: ProgressStore) -> W.VBox:
    """The learner types their name once; it is kept in the progress file's profile for the certificate."""
    tr = speaker(lang, audience)
    saved = store.profile().get("name", "")
    text = W.Text(
        value=saved,
        placeholder=tr("app.home.name_placeholder"),
        description=tr("app.home.name_label"),
        style={"description_width": "initial"},
        layout=W.Layout(width="min(100%, 600px)"),
    )
    note = live_region()
    greeting = W.HTML(f"<p><strong>{esc(tr('app.home.hello', name=saved))}</strong></p>" if saved else "")

    def save(_=None) -> None:
        value = clean_name(text.value)
        if not value:
            say(note, f"<p>{esc(tr('app.home.name_empty'))}</p>")
            return
        error = try_store(lambda: store.set_profile(name=value))
        if error is not None:
            say(
                note,
                f"<p>{esc(t('widgets.save_failed', lang, path=str(store.path), error=error.strerror or error))}</p>",
            )
            return
        text.value = value
        greeting.value = f"<p><strong>{esc(tr('app.home.hello', name=value))}</strong></p>"
        say(note, f"<p>{esc(tr('app.home.name_saved', name=value))}</p>")

    btn = button(tr("app.home.name_save"), tr("app.home.name_label"), save)
    box = W.VBox([greeting, W.HBox([text, btn], layout=W.Layout(flex_flow="row wrap", align_items="center")), note])
    box.text, box.save, box.note = text, btn, note
    return box


def home(home_id: str, lang: str = "vi", store: ProgressStore | None = None) -> W.VBox:
    """The home page: the learner's name, overall progress, continue, module cards."""
    lang, store, h = check_lang(lang), _store(store), get_home(home_id)
    box = learner_box([name_box(lang, h.audience, store), _html(home_html(h, lang, store))])
    return box


# ---------------------------------------------------------------- final test


def final(home_id: str, lang: str = "vi", store: ProgressStore | None = None) -> W.VBox:
    """The final test of the home's track (conduct.widgets.final_test_widget), then the way on."""
    lang, store, h = check_lang(lang), _store(store), get_home(home_id)
    return final_test_widget(h.audience, lang=lang, store=store, audience=h.audience)


# ---------------------------------------------------------------- lessons


def lesson(home_id: str, number: str, lang: str = "vi", store: ProgressStore | None = None) -> None:
    """Called by every lesson page as it opens: a reading module counts as done once opened."""
    check_lang(lang)
    h = get_home(home_id)
    mine = [x for x in modules(h) if x.number == number]
    if mine:
        try_store(lambda: _store(store).visit(module_of(mine[0]).key))


# ---------------------------------------------------------------- certificate


def certificate(home_id: str, lang: str = "vi", store: ProgressStore | None = None) -> W.VBox:
    """The certificate page: locked (with the way to the final test) until the test is passed, then
    H2's certificate widget (name, "create", PDF download) listing the home's modules."""
    lang, store, h = check_lang(lang), _store(store), get_home(home_id)
    tr = speaker(lang, h.audience)
    if passed_attempt(h, store) is None:
        return learner_box(
            [
                _html(
                    f'<p>{esc(tr("app.certificate.locked"))}</p><p><a class="conduct-button-link" '
                    f'href="{esc(h.files["final"][lang])}">{esc(tr("app.certificate.to_final"))}</a></p>'
                )
            ]
        )
    return certificate_widget(
        h.audience, lang=lang, modules=[module_of(x) for x in modules(h)], store=store, audience=h.audience
    )
