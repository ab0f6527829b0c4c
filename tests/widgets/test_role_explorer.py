import re

import ipywidgets as W

from conduct.code import article, duties
from conduct.i18n import t
from conduct.widgets import language_switch, role_explorer
from conduct.widgets.a11y import walk


def _items(html):
    return re.findall(r"<li>(.*?)</li>", html)


def test_official_sees_article_4_inherited_and_marked_in_words():
    w = role_explorer(lang="en")
    w.roles.value = "official"
    items = _items(w.duties.value)
    assert len(items) == len(duties("official"))
    art4 = [i for i in items if i.startswith("<strong>Art. 4(")]
    assert len(art4) == 8
    assert all("↳ applies via Art. 5(1)" in i for i in art4)
    own = [i for i in items if i.startswith("<strong>Art. 5(")]
    assert own and all("applies directly" in i and "↳" not in i for i in own)
    # the Code's order
    # the Code's order; the only clause of a one-clause article is cited as the article ("Art. 9")
    ids = re.findall(r"^<strong>Art\. (\d+(?:\(\d+\))?)", "\n".join(items), re.M)
    assert ids == [d.clause.id if len(article(d.clause.article).clauses) > 1 else str(d.clause.article)
                   for d in duties("official")]
    assert t("code.role.official", "en") in w.duties.value


def test_role_names_and_marks_in_vietnamese():
    w = role_explorer(lang="vi")
    labels = [label for label, _ in w.roles.options]
    assert labels == [t(f"code.role.{r}", "vi") for r in ("individual", "organization", "official", "agency", "provider")]
    assert "↳" not in w.duties.value  # an individual inherits nothing
    w.roles.value = "agency"
    assert "↳ áp dụng qua Điều 6 khoản 1" in w.duties.value


def _text(widget):
    return " ".join(x.value for x in walk(widget) if isinstance(x, W.HTML))


def test_language_switch_rebuilds_in_the_other_language_keeping_the_role():
    w = language_switch(lambda lang, **kept: role_explorer(lang=lang, **kept), lang="vi")
    assert "Chọn một vai trò" in _text(w)
    w.content.children[0].roles.value = "official"
    w.switch.value = "en"
    assert "Choose a role" in _text(w)
    assert w.switch.description == "Language:"
    assert w.content.children[0].roles.value == "official" and "↳ applies via Art. 5(1)" in w.content.children[0].duties.value
