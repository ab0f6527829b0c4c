"""The Code's data is complete and faithful to the adopted article map (code-outline.md)."""
from __future__ import annotations

import re
import unicodedata

import pytest

import conduct
from conduct.code import KINDS, load_code
from conduct.code.search import fold

CLAUSES_PER_ARTICLE = {1: 2, 2: 3, 3: 4, 4: 8, 5: 3, 6: 4, 7: 5, 8: 2, 9: 1}
EVERYONE = ("individual", "organization", "official", "agency", "provider")


@pytest.fixture(scope="module")
def code():
    return load_code()


def test_nine_articles_and_32_clauses_with_well_formed_ids(code):
    assert [a.number for a in code.articles] == list(range(1, 10))
    assert {a.number: len(a.clauses) for a in code.articles} == CLAUSES_PER_ARTICLE
    ids = [c.id for c in code.clauses]
    assert len(ids) == len(set(ids)) == 32
    assert ids == [f"{a}({n})" for a, count in CLAUSES_PER_ARTICLE.items() for n in range(1, count + 1)]
    assert ids[-1] == "9(1)"
    for c in code.clauses:
        assert (c.article, c.number) == tuple(map(int, re.fullmatch(r"(\d+)\((\d+)\)", c.id).groups()))


def test_chapters(code):
    assert [(ch.roman, ch.articles) for ch in code.chapters] == [("I", (1, 2)), ("II", (3, 4, 5, 6, 7)), ("III", (8, 9))]
    assert {a.number: a.chapter for a in code.articles} == {1: 1, 2: 1, 3: 2, 4: 2, 5: 2, 6: 2, 7: 2, 8: 3, 9: 3}
    assert code.articles[3].title["vi"] == "Quy tắc ứng xử cho tổ chức, cá nhân"
    assert code.articles[0].title == {"vi": "Mục đích", "en": "Purposes"}


@pytest.mark.parametrize("cid, kinds", [
    ("1(1)", ("aim",)), ("2(3)", ("scope",)), ("3(4)", ("duty",)), ("4(1)", ("duty",)),
    ("4(2)", ("recommendation",)), ("4(5)", ("duty", "prohibition")), ("4(6)", ("prohibition",)),
    ("4(7)", ("recommendation",)), ("4(8)", ("recommendation",)), ("5(3)", ("duty",)),
    ("6(4)", ("recommendation",)), ("7(4)", ("duty",)), ("7(5)", ("prohibition",)),
    ("8(1)", ("recommendation",)), ("8(2)", ("recommendation",)),
])
def test_kinds_follow_the_outline(cid, kinds):
    c = conduct.clause(cid)
    assert c.kinds == kinds and c.kind == kinds[0]


def test_every_kind_is_known_and_aims_and_scope_are_only_in_articles_1_and_2(code):
    for c in code.clauses:
        assert set(c.kinds) <= set(KINDS)
        assert (c.kind in ("aim", "scope")) == (c.article in (1, 2))


def test_who_each_article_binds(code):
    by_article = {a.number: {c.binds for c in a.clauses} for a in code.articles}
    assert by_article[3] == {EVERYONE}
    assert by_article[4] == {("individual", "organization")}
    assert by_article[5] == {("official",)}
    assert by_article[6] == {("agency",)}
    assert by_article[7] == {("provider",)}
    assert set().union(*(c.binds for c in code.articles[1].clauses)) == set(EVERYONE)
    assert all(set(c.binds) <= set(conduct.ROLES) for c in code.clauses)


def test_inheritance_only_5_1_and_6_1_bring_in_article_4(code):
    inheriting = {c.id: (c.inherits, c.inherits_as) for c in code.clauses if c.inherits is not None}
    assert inheriting == {"5(1)": (4, "individual"), "6(1)": (4, "organization")}


def test_verification_status(code):
    assert {a.number: a.status for a in code.articles} == {1: "V", 2: "P", 3: "P", 4: "V", 5: "P", 6: "P", 7: "P", 8: "M", 9: "M"}
    assert {c.id for c in code.clauses if c.status != "V"} == {"8(2)", "9(1)"}
    for a in code.articles:
        assert (a.note is not None) == (a.status != "V"), f"Article {a.number}: a [P]/[M] article explains itself once"
    assert "suy ra" in code.articles[1].note["vi"] and "inferred" in code.articles[1].note["en"]


def test_article_8_1_records_the_june_2021_correction():
    note = conduct.clause("8(1)").note
    assert "Khuyến nghị" in note["vi"] and "Khuyến nghị" in note["en"] and "June 2021" in note["en"]
    assert conduct.clause("8(1)").text["vi"].startswith("Khuyến nghị")


def _texts(code):
    for a in code.articles:
        yield f"Art. {a.number} title", a.title
        if a.note:
            yield f"Art. {a.number} note", a.note
        for c in a.clauses:
            yield f"{c.id} text", c.text
            yield f"{c.id} short", c.short
            if c.note:
                yield f"{c.id} note", c.note
    for law in code.laws:
        yield law.id, law.name
        yield law.id, law.adds
    for item in conduct.debate():
        yield item.id, item.claim
        yield item.id, item.who


def test_both_languages_present_nfc_and_really_translated(code):
    for where, text in _texts(code):
        assert set(text) == {"vi", "en"}, where
        for lang, s in text.items():
            assert s.strip() and unicodedata.is_normalized("NFC", s), (where, lang)
    for c in code.clauses:
        # the Vietnamese is Vietnamese (has diacritics) and differs from the English
        assert fold(c.text["vi"]) != c.text["vi"].casefold(), c.id
        assert c.text["vi"] != c.text["en"]
        assert len(c.short["vi"].split()) <= 12 and len(c.short["en"].split()) <= 8, c.id


def test_decision_metadata_and_no_penalty_of_its_own(code):
    d = code.decision
    assert (d.number, d.date) == ("874/QĐ-BTTTT", "2021-06-17")
    assert "Ministry of Information and Communications" in d.issuer["en"]
    assert "no penalty of its own" in d.penalty["en"] and "15/2020" in d.penalty["vi"]


def test_related_laws():
    laws = {law.id: law for law in conduct.laws()}
    assert {"cybersecurity-law-2018", "cybersecurity-law-2025", "decree-72-2013", "decree-147-2024",
            "decree-15-2020-art-101", "penal-code-2015-art-331", "penal-code-2015-art-155", "penal-code-2015-art-156",
            "penal-code-2015-art-288", "law-on-children-2016", "decree-13-2023", "pdp-law-2025", "decree-356-2025",
            "state-secrets-law-2025", "decree-172-2025", "decree-43-2025", "digital-conduct-code-2026"} <= set(laws)
    old, new = laws["cybersecurity-law-2018"], laws["cybersecurity-law-2025"]
    assert (old.number, old.in_force, old.status, old.replaced_by) == ("24/2018/QH14", "2019-01-01", "replaced", ("cybersecurity-law-2025",))
    assert (new.number, new.issued, new.in_force, new.status) == ("116/2025/QH15", "2025-12-10", "2026-07-01", "in_force")
    assert (laws["penal-code-2015-art-331"].number, laws["penal-code-2015-art-331"].in_force) == ("100/2015/QH13", "2018-01-01")
    assert "cảnh cáo" in laws["penal-code-2015-art-331"].adds["vi"]
    assert laws["law-on-children-2016"].in_force == "2017-06-01"
    assert laws["decree-72-2013"].replaced_by == ("decree-147-2024",)
    d147 = laws["decree-147-2024"]
    assert (d147.issued, d147.in_force) == ("2024-11-09", "2024-12-25") and "4(2)" in d147.related_clauses
    assert "under 16" in d147.adds["en"] and "dưới 16 tuổi" in d147.adds["vi"]
    d15 = laws["decree-15-2020-art-101"]
    assert "10–20 million" in d15.adds["en"] and "14/2022" in d15.name["vi"] and d15.status == "in_force"
    assert "16" in laws["law-on-children-2016"].adds["vi"] and "Article 54" in laws["law-on-children-2016"].adds["en"]
    d13 = laws["decree-13-2023"]
    assert d13.in_force == "2023-07-01" and d13.status == "replaced"
    assert set(d13.replaced_by) == {"pdp-law-2025", "decree-356-2025"} and d13.replaced_on == "2026-01-01"
    assert (laws["pdp-law-2025"].number, laws["pdp-law-2025"].in_force) == ("91/2025/QH15", "2026-01-01")
    assert (laws["state-secrets-law-2025"].number, laws["state-secrets-law-2025"].in_force) == ("117/2025/QH15", "2026-03-01")
    assert laws["decree-172-2025"].in_force == "2025-07-01" and "112/2020" in laws["decree-172-2025"].adds["vi"]
    # each clause's `laws` is derived from the instruments in force only
    for law in laws.values():
        for cid in law.related_clauses:
            assert (law.id in conduct.clause(cid).laws) == law.current, (law.id, cid)
    assert "decree-147-2024" in conduct.clause("4(2)").laws
    assert "cybersecurity-law-2018" not in conduct.clause("4(6)").laws
    assert "cybersecurity-law-2025" in conduct.clause("4(6)").laws


def test_every_law_has_a_checked_on_date_a_status_and_a_source():
    for law in conduct.laws():
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", law.checked_on), law.id
        assert law.checked_on >= "2026-12-01", f"{law.id}: status not re-checked for this edition"
        assert law.status in ("in_force", "replaced", "repealed"), law.id
        assert (law.status == "replaced") == bool(law.replaced_by), law.id
        assert law.sources and all(s.publisher and s.title and s.date for s in law.sources), law.id
        if law.status != "in_force":
            # a replaced instrument says so in the name learners see, in both languages
            assert "thay thế" in law.name["vi"] or "bãi bỏ" in law.name["vi"], law.id
            assert "replaced" in law.name["en"] or "repealed" in law.name["en"], law.id


def test_the_code_itself_records_its_2026_replacement():
    d = load_code().decision
    assert "423/QĐ-BVHTTDL" in d.in_force["vi"] and "423/QĐ-BVHTTDL" in d.in_force["en"]
    assert conduct.code.law("digital-conduct-code-2026").issued == "2026-03-05"
    assert "not" in conduct.clause("9(1)").note["en"] and "43/2025" in conduct.clause("9(1)").note["vi"]


def test_debate_is_attributed_and_carries_the_figures():
    items = {item.id: item for item in conduct.debate()}
    assert {"code-purposes", "rfa-report", "rfa-article-331", "amnesty-let-us-breathe", "rsf-index-2021",
            "freedom-house-2021", "iccpr-article-19"} <= set(items)
    for item in items.values():
        assert all(item.source[lang].strip() for lang in ("vi", "en")) and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", item.when)
    assert items["rfa-report"].when == "2021-06-18"
    assert "175" in items["rsf-index-2021"].claim["en"] and "180" in items["rsf-index-2021"].claim["vi"]
    fh = items["freedom-house-2021"].claim
    assert all(x in fh[lang] for lang in ("vi", "en") for x in ("19", "3", "40", "16", "60"))
    assert "Let Us Breathe" in items["amnesty-let-us-breathe"].claim["en"] and items["amnesty-let-us-breathe"].when == "2020-11"
    assert "1982" in items["iccpr-article-19"].claim["vi"] and "Article 19" in items["iccpr-article-19"].claim["en"]
    assert "penal-code-2015-art-331" in items["rfa-article-331"].laws


def test_debate_attribution_is_exact():
    items = {item.id: item for item in conduct.debate()}
    # only RFA wrote about the Code; Amnesty, RSF and Freedom House are earlier general assessments it quoted
    for key in ("amnesty-let-us-breathe", "rsf-index-2021", "freedom-house-2021"):
        assert "as quoted by RFA" in items[key].who["en"] and "not discuss" in items[key].claim["en"]
        assert "RFA" in items[key].source["vi"] and "RFA" in items[key].source["en"]
    assert "described" in items["amnesty-let-us-breathe"].claim["en"] and "ranked" not in items["amnesty-let-us-breathe"].claim["en"]
    assert "by state authorities" in items["amnesty-let-us-breathe"].claim["en"]
    assert "Phóng viên Không biên giới" in items["rsf-index-2021"].who["vi"]
    for item in items.values():  # sources name publishers, not our internal notes
        for lang in ("vi", "en"):
            assert "seed" not in item.source[lang] and "outline" not in item.source[lang], item.id


def test_the_codes_own_words_and_kinds():
    """Issue 9 §3: official principle names, no added 'only', 'ngôn ngữ phản cảm', 'thông lệ', users in 7(3)."""
    assert [conduct.clause(f"3({n})").short["vi"] for n in range(1, 5)] == [
        "Tôn trọng, tuân thủ pháp luật", "Lành mạnh", "An toàn, bảo mật thông tin", "Trách nhiệm"]
    assert "an ninh thông tin" not in conduct.clause("3(3)").text["vi"]
    c44 = conduct.clause("4(4)").text
    assert not c44["vi"].startswith("Chỉ") and " only " not in f" {c44['en']} "
    c46 = conduct.clause("4(6)")
    assert "ngôn ngữ phản cảm" in c46.text["vi"] and "tục tĩu" not in c46.text["vi"]
    assert "qualify" in c46.note["en"] and "bổ nghĩa" in c46.note["vi"]
    assert "thông lệ" in conduct.clause("1(1)").text["vi"] and "practice" in conduct.clause("1(1)").text["en"]
    assert "sử dụng mạng xã hội" in conduct.clause("7(3)").text["vi"] and "using the social network" in conduct.clause("7(3)").text["en"]
    assert "phương tiện truyền thông chính thống" in conduct.clause("6(3)").text["vi"]
    c48 = conduct.clause("4(8)")
    assert c48.kinds == ("recommendation",) and "3(3)" in c48.note["en"] and "4(6)" in c48.note["en"]
    for art in (8, 9):  # hedges are neutral, not "from memory" or "taken from the English"
        note = load_code().articles[art - 1].note
        assert "trí nhớ" not in note["vi"] and "from memory" not in note["en"]
        assert "could not be checked" in note["en"]
