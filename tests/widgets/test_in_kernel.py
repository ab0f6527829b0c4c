"""The widgets in a real kernel, where every change goes through a comm (as in a learner's notebook)."""
import json

import nbformat
from nbclient import NotebookClient

CELLS = [
    "from conduct import widgets\nw = widgets.language_switch(lambda l: widgets.classifier(['vi-a-001'], lang=l, "
    "exercise_id='kernel-ex'), lang='vi')\ndisplay(w)",
    "c = w.content.children[0]\nc.verdict_buttons['violation'].click()\nc.clause_buttons()['4(5)'].click()\n"
    "c.next.click()\nprint(c.score.value)",
    "w.switch.value = 'en'\nprint(w.content.children[0].score.value)",
    "display(widgets.progress_panel(lang='en'))\ndisplay(widgets.post_checker(lang='en'))\n"
    "display(widgets.role_explorer(lang='en'))",
]


def test_classifier_and_panel_in_a_kernel(tmp_path, monkeypatch):
    progress = tmp_path / "p.json"
    monkeypatch.setenv("CONDUCT_PROGRESS", str(progress))
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in CELLS])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    outs = [o.get("text", "") for cell in nb.cells for o in cell.get("outputs", []) if o.output_type == "stream"]
    assert "2 / 2" in outs[0] and "100%" in outs[0]
    assert "2 / 2" in outs[1] and "Result" in outs[1]  # rebuilt in English, the saved score shown
    views = [o for cell in nb.cells for o in cell.get("outputs", [])
             if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert len(views) == 4
    saved = json.loads(progress.read_text(encoding="utf-8"))
    assert [a["item"] for a in saved["answers"]] == ["vi-a-001:verdict", "vi-a-001:clause"]
    assert saved["exercises"]["kernel-ex"]["completed"]


QUIZ_CELL = ("from conduct.curriculum import show\nq = show.quiz('c04-quiz', 'vi')\ndisplay(q)\n"
             "print(q.score.value)\n")


def _run(cells, tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    return [o.get("text", "") for cell in nb.cells for o in cell.get("outputs", []) if o.output_type == "stream"]


def test_quiz_after_a_kernel_restart_keeps_answers_and_first_try_score(tmp_path, monkeypatch):
    """Two kernels, one after the other, on the same progress file: the second shows what the first saved."""
    monkeypatch.setenv("CONDUCT_PROGRESS", str(tmp_path / "p.json"))
    answer_all = "for it in q.items:\n    it.options[-1].click()\nprint(q.score.value)"
    first = _run([QUIZ_CELL, answer_all], tmp_path)
    second = _run([QUIZ_CELL, "for it in q.items:\n    for b in it.options:\n        b.click()\nprint(q.score.value)"],
                  tmp_path)
    assert first[1] == second[0] == second[1]  # same score after the restart and after clicking every option
    saved = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    quiz_answers = [a for a in saved["answers"] if a["exercise_id"] == "c04-quiz"]
    assert len(quiz_answers) == len({a["item"] for a in quiz_answers})  # one saved (first) answer per item
