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
