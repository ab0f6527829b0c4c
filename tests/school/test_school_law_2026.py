"""School track, as of December 2026 (issue 9): the teacher's guides say when the legal status was
checked and list their references; the 11-14 account lesson says who registers a child's account."""
from __future__ import annotations

from conduct.curriculum.lessons import load_track
from conduct.school import BANDS
from conduct.school.guides import guide

SCHOOL = load_track("school")


def test_every_teachers_guide_carries_the_checked_on_line_and_references():
    for lesson in SCHOOL:
        if lesson.audience not in BANDS or lesson.number == "00":
            continue
        prepare = guide(lesson.number, lesson.audience).prepare
        vi = " ".join(p["vi"] for p in prepare)
        en = " ".join(p["en"] for p in prepare)
        assert "kiểm tra ngày 1/12/2026" in vi and "checked on 1 December 2026" in en, lesson.number
        assert "Tài liệu tham khảo" in vi and "Main references" in en, lesson.number
        assert "423/QĐ-BVHTTDL" in vi and "147/2024" in en and "91/2025/QH15" in en


def test_the_11_14_account_lesson_says_a_parent_registers_an_under_16s_account():
    lesson = next(x for x in SCHOOL if x.number == "04")
    body = " ".join(p.data["body"]["en"] for p in lesson.parts_of("text"))
    body_vi = " ".join(p.data["body"]["vi"] for p in lesson.parts_of("text"))
    assert "147/2024" in body and "under 16" in body and "parent or guardian" in body
    assert "dưới 16 tuổi" in body_vi and "cha, mẹ hoặc người giám hộ" in body_vi


def test_school_lessons_cite_the_law_in_force():
    texts = [s for lesson in SCHOOL for p in lesson.parts for s in str(dict(p.data)).split("', '")]
    joined = " ".join(texts)
    assert "91/2025/QH15" in joined
    assert "Decree 13/2023/ND-CP on personal data protection (in force" not in joined
