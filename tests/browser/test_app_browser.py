"""The learner app in a real browser: `python -m conduct.app` (what `./course start` runs) serving
notebooks/ with Voilà, driven in Debian's Chromium.

A learner opens the Vietnamese home page, reaches a module from its card with the keyboard alone,
classifies a post and answers the quiz, reloads, switches to English and back, and comes back after
the server restarted: answers and scores are where they were, and the checkout is untouched. The
final test fails with a review of the right answers, passes on a retake and leads to a certificate
PDF whose text layer has the learner's name with its diacritics. Each page type passes an axe-core
scan with no serious or critical violation and is saved as a screenshot. The tests run in file
order and share one server (its progress file is the learner's memory across them).
"""
from __future__ import annotations

import io

import pytest
from app_helpers import RENDER_TIMEOUT_MS, axe_violations, git_status, norm, press_until, text_of, wait_rendered

from conduct.app.homes import get_home, lesson_path, modules, page_path
from conduct.app.paths import home_page
from conduct.bank import post as bank_post
from conduct.curriculum.lessons import find_part
from conduct.curriculum.show import module_of
from conduct.final import final_test
from conduct.i18n import t
from conduct.progress import ProgressStore

NAME = "Nguyễn Thị Hồng Nhung"
HOME = get_home("course")
LESSON = modules(HOME)[3]  # 03: an exercise and a quiz
EXERCISE = next(pid for pid, kind in module_of(LESSON).parts if kind == "exercise")
QUIZ = next(pid for pid, kind in module_of(LESSON).parts if kind == "quiz")


@pytest.fixture(scope="module")
def state(app_server):
    """What the tests hand on to each other: the checkout's git status before any page was opened."""
    return {"git": git_status(app_server.checkout)}


@pytest.fixture(scope="module")
def page(chromium):
    pg = chromium.new_page()
    yield pg
    pg.close()


def open_page(pg, server, rel: str) -> None:
    pg.goto(server.page_url(rel), wait_until="domcontentloaded", timeout=RENDER_TIMEOUT_MS)
    wait_rendered(pg, server)


def quiz_score_text(pg, lang: str) -> str:
    """The quiz's first-try score line as shown (whatever its numbers)."""
    total = len(find_part(QUIZ, "quiz").data["items"])
    body = text_of(pg)
    for c in range(total + 1):
        line = norm(t("widgets.quiz.score", lang, correct=c, total=total))
        if line in body:
            return line
    pytest.fail(f"no quiz score line on {pg.url}")


def quiz_option(lang: str, n: int = 0, letter: str = "A") -> str:
    from conduct.curriculum.cite import expand

    item = find_part(QUIZ, "quiz").data["items"][n]
    j = "ABCDEFGHIJ".index(letter)
    return norm(f"{letter}. {expand(item['options'][j]['text'][lang], lang)}")


def test_root_address_opens_the_vietnamese_home_with_every_module(page, app_server, state, screenshots):
    page.goto(app_server.url, wait_until="domcontentloaded", timeout=RENDER_TIMEOUT_MS)
    assert page.url.endswith(home_page("vi")), f"the root address led to {page.url}"
    wait_rendered(page, app_server)
    assert page.evaluate("document.documentElement.lang") == "vi"
    assert page.title() == f"00 · {modules(HOME)[0].title['vi']}"
    body = text_of(page)
    for lesson in modules(HOME):
        assert norm(f"{lesson.number} · {lesson.title['vi']}") in body, f"module {lesson.number} is not on the home page"
    assert norm(t("app.home.status.not_started", "vi")) in body
    assert "voila" not in body.lower() and "Run All" not in body
    page.screenshot(path=str(screenshots / "home-vi.png"), full_page=True)
    assert not axe_violations(page), axe_violations(page)


def test_english_home_and_a_school_band_home(page, app_server, screenshots):
    open_page(page, app_server, home_page("en"))
    assert page.evaluate("document.documentElement.lang") == "en"
    body = text_of(page)
    assert all(norm(f"{x.number} · {x.title['en']}") in body for x in modules(HOME))
    page.screenshot(path=str(screenshots / "home-en.png"), full_page=True)
    band = get_home("school-11-14")
    open_page(page, app_server, page_path(band, "home", "vi"))
    body = text_of(page)
    assert all(norm(f"{x.number} · {x.title['vi']}") in body for x in modules(band))
    assert "Em đã hoàn thành" in body  # pupils are "em", as in their lessons
    page.screenshot(path=str(screenshots / "home-school-11-14-vi.png"), full_page=True)
    assert not axe_violations(page), axe_violations(page)


def test_keyboard_only_module_card_classify_quiz(page, app_server, state, screenshots):
    """From the home page to an answered exercise and quiz with Tab, Enter and Space alone."""
    page.goto(app_server.page_url(home_page("vi")), wait_until="domcontentloaded", timeout=RENDER_TIMEOUT_MS)
    wait_rendered(page, app_server)
    card = norm(f"{LESSON.number} · {LESSON.title['vi']}")
    press_until(page, lambda s: s.startswith(card))
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{LESSON.filename('vi')}", timeout=RENDER_TIMEOUT_MS)
    wait_rendered(page, app_server)
    assert page.title() == f"{LESSON.number} · {LESSON.title['vi']}"

    first = bank_post(find_part(EXERCISE, "exercise").data["posts"][0])
    verdict = norm(t(f"checker.verdict.{first.verdict}", "vi"))
    page.get_by_role("button", name=verdict, exact=True).first.wait_for()
    press_until(page, lambda s: s == verdict)
    page.keyboard.press("Enter")
    page.get_by_role("button", name=f"✓ {verdict}", exact=True).first.wait_for()

    option = quiz_option("vi")
    press_until(page, lambda s: s == option)
    page.keyboard.press("Space")
    page.get_by_role("button", name=option, exact=False).filter(has_text="✓").or_(
        page.get_by_role("button", name=option, exact=False).filter(has_text="✗")).first.wait_for()

    saved = ProgressStore(app_server.progress).latest()
    assert (EXERCISE, f"{first.id}:verdict") in saved and saved[(EXERCISE, f"{first.id}:verdict")].correct
    assert saved[(QUIZ, find_part(QUIZ, "quiz").data["items"][0]["id"])].answer == "A"
    state["score"] = quiz_score_text(page, "vi")
    page.screenshot(path=str(screenshots / "lesson-vi.png"))
    assert not axe_violations(page), axe_violations(page)


def _quiz_answer_shown(pg, lang: str) -> None:
    option = quiz_option(lang)
    marked = [norm(b) for b in pg.get_by_role("button").all_inner_texts() if norm(b).endswith(option)]
    assert any(b[:1] in "✓✗" for b in marked), f"the quiz does not show the answer given ({option!r}): {marked}"


def test_reload_keeps_answers_and_score(page, app_server, state):
    page.reload(wait_until="domcontentloaded", timeout=RENDER_TIMEOUT_MS)
    wait_rendered(page, app_server)
    page.get_by_role("button", name=quiz_option("vi"), exact=False).first.wait_for()
    _quiz_answer_shown(page, "vi")
    assert quiz_score_text(page, "vi") == state["score"]


def test_english_is_one_click_away_and_keeps_the_place_and_answers(page, app_server, state):
    other = t("app.nav.other_lang", "vi")
    page.get_by_role("link", name=other, exact=True).first.click()
    page.wait_for_url(f"**/en/{LESSON.filename('en')}", timeout=RENDER_TIMEOUT_MS)
    wait_rendered(page, app_server)
    assert page.evaluate("document.documentElement.lang") == "en"
    page.get_by_role("button", name=quiz_option("en"), exact=False).first.wait_for()
    _quiz_answer_shown(page, "en")
    assert quiz_score_text(page, "en").split()[-4:] != [], "no English score line"
    page.get_by_role("link", name=t("app.nav.other_lang", "en"), exact=True).first.click()
    page.wait_for_url(f"**/vi/{LESSON.filename('vi')}", timeout=RENDER_TIMEOUT_MS)
    wait_rendered(page, app_server)
    page.get_by_role("button", name=quiz_option("vi"), exact=False).first.wait_for()
    _quiz_answer_shown(page, "vi")
    assert quiz_score_text(page, "vi") == state["score"]


def test_after_a_server_restart_answers_and_first_try_score_stay(page, app_server, state):
    app_server.restart()
    open_page(page, app_server, lesson_path(LESSON, "vi"))
    page.get_by_role("button", name=quiz_option("vi"), exact=False).first.wait_for()
    _quiz_answer_shown(page, "vi")
    assert quiz_score_text(page, "vi") == state["score"]
    # another option on the same question teaches, but does not change the first-try score
    other = quiz_option("vi", 0, "B")
    page.get_by_role("button", name=other, exact=False).first.click()
    page.wait_for_timeout(1500)
    assert quiz_score_text(page, "vi") == state["score"]
    # the home page counts the module as begun, with its score
    open_page(page, app_server, home_page("vi"))
    cards = page.locator(".conduct-card").all_inner_texts()
    mine = next(norm(c) for c in cards if norm(c).startswith(f"{LESSON.number} ·"))
    assert norm(t("app.home.status.in_progress", "vi")) in mine, mine
    assert git_status(app_server.checkout) == state["git"], "the app changed files in the checkout"


def _answer_final(pg, test, right: bool) -> None:
    from conduct.widgets.final_test import option_label

    groups = pg.locator(".widget-toggle-buttons")
    assert groups.count() == len(test.items)
    for i, item in enumerate(test.items):
        choice = item.answer if right else next(o.id for o in item.options if o.id != item.answer)
        groups.nth(i).get_by_role("button", name=norm(option_label(item, choice, "vi")), exact=True).click()


def test_final_test_fail_review_retake_pass_certificate(page, app_server, state, screenshots, tmp_path):
    test = final_test(HOME.audience)
    open_page(page, app_server, page_path(HOME, "final", "vi"))
    assert page.title().startswith(t("app.final.title", "vi"))
    page.screenshot(path=str(screenshots / "final-test-vi.png"))
    assert not axe_violations(page), axe_violations(page)

    _answer_final(page, test, right=False)
    page.get_by_role("button", name=t("widgets.final.submit", "vi"), exact=True).click()
    failed = norm(t("widgets.final.failed", "vi", correct=0, total=len(test.items), percent=0, pass_mark=test.pass_mark))
    page.get_by_text(failed[:20]).first.wait_for()
    body = text_of(page)
    first = test.items[0]
    from conduct.widgets.final_test import option_label

    assert norm(t("widgets.final.right_answer", "vi", answer=option_label(first, first.answer, "vi"))) in body
    assert norm(first.reason["vi"])[:50] in body
    page.screenshot(path=str(screenshots / "final-review-vi.png"), full_page=True)

    page.get_by_role("button", name=t("widgets.final.retake", "vi"), exact=True).click()
    _answer_final(page, test, right=True)
    page.get_by_role("button", name=t("widgets.final.submit", "vi"), exact=True).click()
    passed = norm(t("widgets.final.passed", "vi", correct=len(test.items), total=len(test.items), percent=100))
    page.get_by_text(passed[:20]).first.wait_for()

    open_page(page, app_server, page_path(HOME, "certificate", "vi"))
    name_box = page.get_by_role("textbox").first
    name_box.fill(NAME)
    page.get_by_role("button", name=t("widgets.certificate.make", "vi"), exact=True).click()
    link = page.get_by_role("link", name=t("widgets.certificate.download", "vi"), exact=False)
    link.wait_for()
    page.screenshot(path=str(screenshots / "certificate-vi.png"), full_page=True)
    assert not axe_violations(page), axe_violations(page)
    with page.expect_download() as dl:
        link.click()
    pdf = tmp_path / "certificate.pdf"
    dl.value.save_as(pdf)
    from pypdf import PdfReader

    text = norm("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages))
    assert NAME in text, f"the PDF's text layer lacks the name: {text[:300]}"
    assert "100" in text, "the PDF does not state the final score"
    assert any(w in text for w in (norm(test.title["vi"]), norm(HOME.title["vi"]), "cán bộ")), text[:300]
    assert git_status(app_server.checkout) == state["git"], "the app changed files in the checkout"
