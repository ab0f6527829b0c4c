import pytest

from conduct.curriculum import show
from conduct.curriculum.lessons import load_track
from conduct.i18n import t
from conduct.progress import Module, ProgressStore, module_status
from conduct.widgets import progress_panel, quiz, results_figure
from conduct.widgets.a11y import LiveRegion


def test_chart_has_a_bar_pair_per_article_from_recorded_answers(store):
    store.start("c04-posts", 4)
    store.record("c04-posts", "a:verdict", "violation", True, ["4(5)"])
    store.record("c04-posts", "a:clause", "4(6)", False, ["4(5)"])
    store.record("c03-posts", "b:verdict", "ok", True, ["3(3)"])
    store.record("c03-posts", "c:verdict", "ok", True, [])  # no article: not in the chart
    fig = results_figure(store, "en")
    ax = fig.axes[0]
    assert ax.get_xlabel() == "Article" and ax.get_ylabel() == "Number of answers"
    assert [x.get_text() for x in ax.get_xticklabels()] == ["Art. 3", "Art. 4"]
    answered, correct = ax.containers
    assert [b.get_height() for b in answered] == [1, 2]
    assert [b.get_height() for b in correct] == [1, 1]
    assert [x.get_text() for x in ax.texts] == ["1/1", "1/2"]


MODULES = (Module("course-04", {"vi": "Cán bộ, công chức", "en": "Civil servants"}, (("c04-posts", "exercise"),), "04"),
           Module("course-06", {"vi": "Cơ quan nhà nước", "en": "State agencies"}, (("c06-quiz", "quiz"),), "06"))


def test_panel_lists_lesson_parts_by_name_never_by_id_or_path(store):
    items = [{"id": "q", "question": {"vi": "?", "en": "?"}, "clauses": ["6(2)"],
              "options": [{"text": {"vi": "a", "en": "a"}, "correct": True, "feedback": {"vi": "x", "en": "x"}},
                          {"text": {"vi": "b", "en": "b"}, "correct": False, "feedback": {"vi": "y", "en": "y"}}]}]
    store.start("c04-posts", 16)
    store.record("c04-posts", "a:verdict", "violation", True, ["4(5)"])
    quiz(items, lang="vi", quiz_id="c06-quiz", store=store).items[0].options[0].click()
    panel = progress_panel(lang="vi", store=store, modules=MODULES)
    html = panel.content.value
    assert isinstance(panel.content, LiveRegion)
    assert "Phân loại bài đăng, bài 4</td><td>1 / 16</td><td>1</td><td>… Đang làm" in html
    assert "Câu hỏi nhanh bài 6</td><td>1 / 1</td><td>1</td><td>✓ Đã xong" in html
    assert "Cán bộ, công chức (… Chưa xong)" in html and "Cơ quan nhà nước (✓ Đã xong)" in html
    assert "c04-posts" not in html and "c06-quiz" not in html and str(store.path) not in html
    assert '<img src="data:image/png;base64,' in html and 'alt="Biểu đồ cột' in html
    assert "Điều 4: đúng 1 / 1" in html and "Điều 6: đúng 1 / 1" in html
    assert [x.get_text() for x in panel.figure().axes[0].get_xticklabels()] == ["Điều 4", "Điều 6"]


def test_course_is_finished_only_when_every_module_is_done(store):
    store.start("c06-quiz", 1)
    store.record("c06-quiz", "q", "A", True, ["6(2)"])
    store.complete("c06-quiz")
    html = progress_panel(lang="en", store=store, modules=MODULES).content.value
    assert t("widgets.progress.all_done", "en") not in html
    assert "Lessons with exercises finished: 1 / 2." in html
    store.start("c04-posts", 1)
    store.record("c04-posts", "a:verdict", "ok", False, ["4(5)"])
    store.complete("c04-posts")
    html = progress_panel(lang="en", store=store, modules=MODULES).content.value
    assert t("widgets.progress.all_done", "en") in html


def test_module_status_counts_latest_answers(store):
    store.start("c04-posts", 2)
    store.record("c04-posts", "a:verdict", "ok", False, ["4(5)"])
    store.record("c04-posts", "a:verdict", "violation", True, ["4(5)"])
    s04, s06 = module_status(store, MODULES)
    assert (s04.state, s04.correct, s04.answered, s04.percent) == ("in_progress", 1, 1, 100)
    assert (s06.state, s06.percent) == ("not_started", None)
    empty = Module("course-00", {"vi": "Bắt đầu", "en": "Start"}, ())
    assert module_status(store, [empty])[0].state == "not_started"
    store.visit("course-00")
    assert module_status(store, [empty])[0].state == "done"


def test_empty_and_damaged_progress(store):
    panel = progress_panel(lang="en", store=store)
    assert "You have not answered any exercise yet" in panel.content.value
    assert "<img" not in panel.content.value
    store.path.write_text("{broken", encoding="utf-8")
    with pytest.warns(UserWarning):
        panel.refresh.click()
    assert "was damaged, so it was moved to" in panel.content.value
    assert store.path.with_name("progress.json.bak").exists()


def test_show_passes_the_track_lessons_in(monkeypatch, tmp_path):
    monkeypatch.setenv("CONDUCT_PROGRESS", str(tmp_path / "p.json"))
    store = ProgressStore()
    store.start("c04-quiz", 1)
    store.record("c04-quiz", "q1", "A", True, ["5(2)"])
    store.complete("c04-quiz")
    html = show.progress_panel("en").content.value
    # the course's lessons are listed (not the school track's), with the lesson's state, by title
    lesson4 = next(ls for ls in load_track("course") if ls.number == "04")
    assert f"{lesson4.title['en']} (… Not finished)</th>" in html
    assert "Quick quiz, lesson 4</td><td>1 / 1</td><td>1</td><td>✓ Done" in html
    assert "Classifying posts, lesson 4</td><td>0</td><td>0</td><td>○ Not started" in html
    school = show.progress_panel("vi", track="school", audience="minors_15_18").content.value
    assert "Em chưa trả lời" not in school and "Đã xong 0 / 5 bài học có bài tập." in school
