"""The PDF certificate: real fpdf2 output with an embedded Vietnamese font, read back with pypdf."""
import io

import pypdf
import pytest

from conduct.certificate import (
    FONT_ENV,
    CertificateRecord,
    FontMissing,
    ModuleLine,
    certificate_pdf,
    record_from_progress,
    verify,
)
from conduct.curriculum import show
from conduct.final import final_test
from conduct.i18n import t
from conduct.progress import ProgressStore
from conduct.widgets import certificate_widget

NAME = "Nguyễn Thị Hồng Nhung"
MODULES = tuple(ModuleLine(f"course-{n:02d}", {"vi": f"Bài học số {n} về ứng xử", "en": f"Lesson {n} on conduct"}, 70 + n)
                for n in range(1, 10))
RECORD = CertificateRecord(NAME, "2026-12-01", "adults", MODULES, 88)


def _text(pdf: bytes) -> tuple[str, int]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(p.extract_text() for p in reader.pages), len(reader.pages)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_text_layer_has_the_name_with_diacritics_track_and_scores(lang):
    text, pages = _text(certificate_pdf(RECORD, lang))
    assert pages == 1
    assert NAME in text
    assert t("certificate.track.adults", lang).split(" (")[0] in text.replace("\n", " ")
    assert t("certificate.final_score", lang, percent=88) in text
    assert "Bài học số 9 về ứng xử: 79%" in text if lang == "vi" else "Lesson 9 on conduct: 79%" in text
    assert RECORD.code() in text and t("certificate.self_declared", lang)[:40] in text.replace("\n", " ")


def test_code_is_derived_from_the_record_not_the_language():
    code = RECORD.code()
    assert len(code) == 10 and code.isalnum() and code.isupper()
    assert CertificateRecord(NAME, "2026-12-01", "adults", MODULES, 88).code() == code
    assert CertificateRecord(NAME, "2026-12-01", "adults", MODULES, 89).code() != code
    assert CertificateRecord("Nguyen Thi Hong Nhung", "2026-12-01", "adults", MODULES, 88).code() != code


def test_issuer_line_and_code_are_parameters_for_the_hub():
    text, _ = _text(certificate_pdf(RECORD, "en", issuer="Issued by the course hub; verified against the gradebook.",
                                    code="HUB1234567"))
    assert "verified against the gradebook" in text and "HUB1234567" in text and RECORD.code() not in text
    assert t("certificate.self_declared", "en")[:30] not in text


def test_missing_font_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv(FONT_ENV, str(tmp_path / "none.ttf"))
    with pytest.raises(FontMissing, match="not a font file"):
        certificate_pdf(RECORD)


def test_record_from_progress_needs_a_pass_and_a_name(store):
    mods = show.modules("course")
    with pytest.raises(ValueError, match="no passed final test"):
        record_from_progress(store, "adults", mods, name=NAME)
    store.record_final("adults", {}, 10, 16, False)
    store.record_final("adults", {}, 14, 16, True)
    with pytest.raises(ValueError, match="no learner name"):
        record_from_progress(store, "adults", mods)
    store.set_profile(name=NAME)
    rec = record_from_progress(store, "adults", mods)
    assert rec.name == NAME and rec.final_percent == 88 and rec.track == "adults"
    assert [m.key for m in rec.modules] == [m.key for m in mods if m.parts]


def test_widget_offers_the_pdf_after_a_pass(store):
    w = certificate_widget("minors_11_14", lang="vi", store=store, modules=show.modules("school", "minors_11_14"))
    w.name.value = NAME
    w.make.click()
    assert "Em chưa đạt bài kiểm tra cuối" in w.result.value
    tst = final_test("minors_11_14")
    store.record_final("minors_11_14", {it.id: it.answer for it in tst.items}, 10, 10, True)
    w.make.click()
    assert 'href="data:application/pdf;base64,' in w.result.value and "download=" in w.result.value
    assert ProgressStore(store.path).profile()["name"] == NAME
    again = certificate_widget("minors_11_14", lang="en", store=ProgressStore(store.path))
    assert again.name.value == NAME  # asked once


def test_anyone_with_the_record_can_check_the_code():
    assert verify(RECORD.canonical(), RECORD.code()) and verify(RECORD.canonical(), " " + RECORD.code().lower())
    forged = RECORD.canonical().replace('"final_percent":88', '"final_percent":98')
    assert forged != RECORD.canonical() and not verify(forged, RECORD.code())
