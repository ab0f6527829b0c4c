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


def test_panel_lists_exercises_done_and_in_progress(store):
    items = [{"id": "q", "question": {"vi": "?", "en": "?"}, "clauses": ["6(2)"],
              "options": [{"text": {"vi": "a", "en": "a"}, "correct": True, "feedback": {"vi": "x", "en": "x"}},
                          {"text": {"vi": "b", "en": "b"}, "correct": False, "feedback": {"vi": "y", "en": "y"}}]}]
    store.start("c04-posts", 16)
    store.record("c04-posts", "a:verdict", "violation", True, ["4(5)"])
    quiz(items, lang="vi", quiz_id="c06-quiz", store=store).items[0].options[0].click()
    panel = progress_panel(lang="vi", store=store)
    html = panel.content.value
    assert isinstance(panel.content, LiveRegion)
    assert "(c04-posts)</td><td>1 / 16</td><td>1</td><td>… Đang làm" in html
    assert "(c06-quiz)</td><td>1 / 1</td><td>1</td><td>✓ Đã xong" in html
    assert '<img src="data:image/png;base64,' in html and 'alt="Biểu đồ cột' in html
    assert "Điều 4: đúng 1 / 1" in html and "Điều 6: đúng 1 / 1" in html
    assert str(store.path) in html
    assert [x.get_text() for x in panel.figure().axes[0].get_xticklabels()] == ["Điều 4", "Điều 6"]


def test_empty_and_damaged_progress(store):
    panel = progress_panel(lang="en", store=store)
    assert "You have not answered any exercise yet" in panel.content.value
    assert "<img" not in panel.content.value
    store.path.write_text("{broken", encoding="utf-8")
    import pytest
    with pytest.warns(UserWarning):
        panel.refresh.click()
    assert "was damaged, so it was moved to" in panel.content.value
    assert store.path.with_name("progress.json.bak").exists()


def test_lessons_are_grouped_with_what_is_left(store):
    store.start("c04-quiz", 1)
    store.record("c04-quiz", "q1", "A", True, ["5(2)"])
    store.complete("c04-quiz")
    html = progress_panel(lang="en", store=store).content.value
    # the course's lessons are listed (not the school track's), with the lesson's state
    assert "Quiz (c04-quiz)</td><td>1 / 1</td><td>1</td><td>✓ Done" in html
    assert "Classifying posts (c04-posts)</td><td>0</td><td>0</td><td>○ Not started" in html
    assert "(… Not finished)</th>" in html and "c01-posts" in html and "s01-posts" not in html
