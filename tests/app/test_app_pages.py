"""The app's pages without a browser: every link leads to a page that exists, in both languages,
lessons say nothing about menus, the home page counts modules from the progress file, and the
launcher keeps writes out of the checkout. (tests/browser/ drives the same pages in Chromium.)"""
from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

import nbformat
import pytest

from conduct.app import pages, paths, server
from conduct.app.homes import get_home, homes, lesson_path, modules, page_path
from conduct.app.status import home_status
from conduct.curriculum.lessons import LANGS
from conduct.curriculum.show import module_of
from conduct.datafiles import DataError
from conduct.progress import ProgressStore

ROOT = paths.notebook_root()
LINK = re.compile(r"\]\(([^)\s]+\.ipynb)\)|href=\"([^\"]+\.ipynb)\"")


def _all_notebooks() -> list[Path]:
    return sorted(ROOT.rglob("*.ipynb"))


def _targets(text: str) -> list[str]:
    return [a or b for a, b in LINK.findall(text)]


def test_every_home_has_its_pages_in_both_languages():
    assert [h.id for h in homes()] == ["course", "school-11-14", "school-15-18"]
    for home in homes():
        assert modules(home), home.id
        for page in ("home", "final", "certificate"):
            for lang in LANGS:
                assert (ROOT / page_path(home, page, lang)).exists(), (home.id, page, lang)
    assert paths.home_page("vi") == "vi/00-Bat-Dau-Tu-Day.ipynb" and paths.home_page("en") == "en/00-Start-Here.ipynb"
    assert [m.number for m in modules(get_home("course"))] == [f"{n:02d}" for n in range(10)]


def test_every_link_on_every_page_leads_to_a_page_that_exists():
    store = ProgressStore(Path("/nonexistent-dir-for-reading-only/progress.json"))
    checked = 0
    for nb_path in _all_notebooks():
        nb = nbformat.read(nb_path, as_version=4)
        for cell in nb.cells:
            for target in _targets(cell.source):
                assert (nb_path.parent / target).resolve().exists(), f"{nb_path.relative_to(ROOT)} links to {target}"
                checked += 1
    for home in homes():  # links the widgets draw (cards, continue, final, certificate)
        for lang in LANGS:
            folder = (ROOT / page_path(home, "home", lang)).parent
            for target in _targets(pages.home_html(home, lang, store)):
                assert (folder / target).exists(), f"{home.id}/{lang} home card links to {target}"
                checked += 1
    assert checked > 300


def test_each_page_links_to_itself_in_the_other_language():
    for nb_path in _all_notebooks():
        rel = nb_path.relative_to(ROOT)
        lang = rel.parts[0]
        other = "en" if lang == "vi" else "vi"
        nav = [c for c in nbformat.read(nb_path, as_version=4).cells if c.source.startswith("<!--NAVIGATION-->")]
        assert nav, f"{rel} has no navigation"
        targets = [(nb_path.parent / t).resolve() for t in _targets(nav[0].source)]
        twins = [t for t in targets if t.relative_to(ROOT.resolve()).parts[0] == other]
        assert len(twins) == 1, f"{rel}: expected one link to the {other} edition, found {twins}"
        twin = nbformat.read(twins[0], as_version=4).metadata["conduct"]
        mine = nbformat.read(nb_path, as_version=4).metadata["conduct"]
        assert {k: v for k, v in twin.items() if k not in ("lang", "loading")} == \
            {k: v for k, v in mine.items() if k not in ("lang", "loading")}, f"{rel} and {twins[0]} are not the same page"


def test_no_page_asks_the_learner_to_use_a_menu_or_shows_a_title_other_than_its_heading():
    for nb_path in _all_notebooks():
        nb = nbformat.read(nb_path, as_version=4)
        text = "\n".join(c.source for c in nb.cells)
        assert "Run All" not in text and "Run →" not in text, nb_path
        heading = next(line[2:] for c in nb.cells for line in c.source.splitlines() if line.startswith("# "))
        assert nb.metadata["title"] == heading, nb_path  # Voilà's <title>


def test_lessons_lead_home_and_from_the_last_module_to_the_final_test():
    for home in homes():
        for lang in LANGS:
            mods = modules(home)
            last = nbformat.read(ROOT / lesson_path(mods[-1], lang), as_version=4)
            nav = last.cells[1].source
            assert f"({home.files['final'][lang]})" in nav
            if len(mods) > 1:
                assert f"({home.files['home'][lang]})" in nav


def test_home_status_counts_modules_and_continues_where_the_learner_left_off(tmp_path):
    store = ProgressStore(tmp_path / "p.json")
    home = get_home("course")
    st = home_status(home, store)
    assert st.percent == 0 and st.next_lesson.number == "00" and not st.begun
    lesson03 = modules(home)[3]
    ex = [pid for pid, kind in module_of(lesson03).parts if kind == "exercise"][0]
    store.record(ex, "post-1:verdict", "ok", True, ("4(1)",))
    store.visit(module_of(modules(home)[0]).key)  # the start page, read
    st = home_status(home, store)
    assert [m.state for m in st.modules][:4] == ["done", "not_started", "not_started", "in_progress"]
    assert st.percent == 10 and st.next_lesson.number == "03" and st.begun
    html = pages.home_html(home, "vi", store)
    assert "Đang học" in html and "đúng 1/1 (100%)" in html and 'href="03-To-Chuc-Ca-Nhan.ipynb"' in html


def test_name_is_saved_once_in_the_progress_file_composed(tmp_path):
    store = ProgressStore(tmp_path / "p.json")
    box = pages.name_box("vi", "adults", store)
    box.text.value = "  Nguyễn   Thị Hồng Nhung "
    box.save.click()
    assert store.profile()["name"] == "Nguyễn Thị Hồng Nhung"
    assert "Nguyễn Thị Hồng Nhung" in box.note.value
    assert pages.name_box("en", "adults", store).text.value == "Nguyễn Thị Hồng Nhung"


def test_certificate_page_is_locked_until_the_final_test_is_passed(tmp_path):
    store = ProgressStore(tmp_path / "p.json")
    locked = pages.certificate("course", "vi", store)
    assert "Kiem-Tra-Cuoi-Khoa.ipynb" in locked.children[-1].value
    store.set_profile(name="Nguyễn Thị Hồng Nhung")
    store.record_final("adults", {}, 12, 16, True)
    page = pages.certificate("course", "en", store)
    assert page.name.value == "Nguyễn Thị Hồng Nhung"
    page.make.click()
    assert 'href="data:application/pdf;base64,' in page.result.value


def test_pupils_are_addressed_as_em():
    store = ProgressStore(Path("/nonexistent-dir-for-reading-only/progress.json"))
    assert "Em đã hoàn thành" in pages.home_html(get_home("school-11-14"), "vi", store)
    assert "Bạn đã hoàn thành" in pages.home_html(get_home("course"), "vi", store)


def test_homes_data_is_validated(monkeypatch):
    from conduct.app import homes as mod

    bad = {"schema_version": 1, "homes": [{"id": "x", "track": "course", "audience": "adults", "colour": "red"}]}
    monkeypatch.setattr(mod, "load", lambda _f: bad)
    mod.homes.cache_clear()
    try:
        with pytest.raises(DataError, match="colour"):
            mod.homes()
    finally:
        mod.homes.cache_clear()


def test_the_app_and_its_kernels_write_no_byte_code_and_serve_the_checkout():
    env = server.app_env({"PATH": "/usr/bin"})
    assert env["PYTHONDONTWRITEBYTECODE"] == "1"
    assert env["PYTHONPATH"].split(":")[0] == str(paths.repo_root())
    assert env["JUPYTER_PATH"].split(":")[0] == str(paths.template_root())
    assert (paths.template_root() / "voila" / "templates" / "conduct" / "index.html.j2").exists()
    args = server.voila_args(8123)
    assert args[-1] == str(ROOT) and "--Voila.port=8123" in args and "--VoilaConfiguration.template=conduct" in args
    assert PurePosixPath(paths.page_url(paths.home_page("vi"))).parts[:4] == ("/", "voila", "render", "vi")
