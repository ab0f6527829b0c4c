"""The text `conduct code` and `conduct duties` print, in both languages."""
from __future__ import annotations

import unicodedata

import pytest
import yaml

import conduct
from conduct.code.model import KINDS
from conduct.code.render import code_text, duties_text
from conduct.datafiles import PACKAGE_ROOT


@pytest.fixture(scope="module")
def whole():
    return {lang: code_text(lang=lang) for lang in ("vi", "en")}


def test_whole_code_vi(whole):
    text = whole["vi"]
    assert unicodedata.is_normalized("NFC", text)
    assert text.startswith("BỘ QUY TẮC ỨNG XỬ TRÊN MẠNG XÃ HỘI\n")
    assert "Quyết định số 874/QĐ-BTTTT ngày 17/6/2021" in text
    assert "Chương II. Quy tắc ứng xử trên mạng xã hội" in text
    assert "Điều 4. Quy tắc ứng xử cho tổ chức, cá nhân\n" in text
    assert "  4(5) [nghĩa vụ, điều cấm] Ứng xử phù hợp" in text
    assert "  8(2) [khuyến nghị] [P] " in text
    assert "Điều 2. Đối tượng áp dụng [P]" in text and "* Ghi chú Điều 2: Số thứ tự" in text
    assert "* Ghi chú khoản 8(1): " in text and "không tự đặt ra hình thức xử phạt" in text
    for c in conduct.load_code().clauses:
        assert f"  {c.id} [" in text and c.text["vi"] in text


def test_whole_code_en(whole):
    text = whole["en"]
    assert "Article 4. Code of conduct for organizations and individuals" in text
    assert "  4(5) [duty, prohibition] Act in line" in text
    assert "Chapter III. Implementation" in text and "Article 9. Dissemination and feedback [M]" in text
    assert "* Note on Article 9: " in text and "Status: [P] partly verified; [M] unconfirmed" in text
    assert "Điều" not in text.replace("Điều 101", "")  # no Vietnamese fixed words leak into English


def test_one_article_with_its_laws():
    vi, en = code_text(4, "vi"), code_text("4", "en")
    assert vi.startswith("Điều 4. ") and "Điều 5." not in vi and "4(8)" in vi
    assert "Văn bản pháp luật liên quan đến Điều 4:" in vi and "Nghị định 147/2024/NĐ-CP" in vi
    assert "Laws related to Article 4:" in en and "Decree 15/2020/ND-CP, Article 101 (administrative penalties) (3(1), 4(4), 4(6))" not in en
    assert "- Decree 15/2020/ND-CP, Article 101 (administrative penalties), as amended by Decree 14/2022/ND-CP (4(4), 4(6)): Article 101" in en
    assert "24/2018" not in en and "116/2025/QH15" in en  # only instruments in force


def test_bad_article_and_language():
    with pytest.raises(KeyError, match="the Code has Articles 1–9"):
        code_text(12, "vi")
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        code_text(None, "fr")


def test_duties_text_official():
    vi, en = duties_text("official", "vi"), duties_text("official", "en")
    assert vi.startswith("Các quy tắc ứng xử áp dụng cho: cán bộ, công chức, viên chức\n")
    assert "16 quy tắc, theo thứ tự của Bộ Quy tắc." in vi
    assert "4(5) [nghĩa vụ, điều cấm] (áp dụng qua Điều 5(1)) " in vi
    assert "\n5(2) [nghĩa vụ] Chấp hành" in vi
    assert "4(6) [prohibition] (applies through Art. 5(1)) Do not post" in en
    assert en.index("3(4)") < en.index("4(1)") < en.index("5(2)")


def test_duties_text_provider_and_bad_role():
    text = duties_text("provider", "en")
    assert "social network service provider" in text and "7(5) [prohibition]" in text and "\n4(" not in text
    with pytest.raises(ValueError, match="use one of individual, organization"):
        duties_text("teacher", "vi")


def test_catalogue_area_code_has_the_same_keys_and_labels_in_both_languages():
    def flat(d, prefix=""):
        out = {}
        for k, v in d.items():
            out.update(flat(v, f"{prefix}{k}.") if isinstance(v, dict) else {f"{prefix}{k}": v})
        return out
    vi, en = (flat(yaml.safe_load((PACKAGE_ROOT / f"i18n/{lang}/code.yaml").read_text("utf-8"))) for lang in ("vi", "en"))
    assert set(vi) == set(en)
    for role in conduct.ROLES:
        assert vi[f"role.{role}"] != en[f"role.{role}"]
    assert vi["role.official"] == "cán bộ, công chức, viên chức" and vi["role.agency"] == "cơ quan nhà nước"
    assert all(f"kind.{k}" in vi for k in KINDS) and vi["kind.prohibition"] == "điều cấm"
    assert conduct.t("code.role.provider", "vi") == "nhà cung cấp dịch vụ mạng xã hội"
