"""The assessment as a whole: API shape, overall verdict, roles and clauses, explanations, bad input."""
import dataclasses
import json
import unicodedata

import pytest

import conduct
from conduct.code import cite
from conduct.code.concerns import clauses_for, concerns
from conduct.findings import Assessment, Finding
from conduct.i18n import t
from conduct.rules.engine import MAX_EVIDENCE


def test_to_dict_has_exactly_the_contract_shape():
    result = conduct.assess("Số điện thoại của nó đây 0912.345.678, thằng này ngu vl")
    d = result.to_dict()
    assert set(d) == {"verdict", "findings"}
    assert d["verdict"] == "violation"
    for f in d["findings"]:
        assert set(f) == {"clause", "concern", "verdict", "evidence", "explanation"}
        assert set(f["explanation"]) == {"vi", "en"}
        assert all(isinstance(span, list) and len(span) == 2 for span in f["evidence"])
    json.dumps(d, ensure_ascii=False)  # serialisable as is


def test_results_are_frozen_and_comparable():
    result = conduct.assess("thằng kia ngu vl")
    assert isinstance(result, Assessment) and isinstance(result.findings[0], Finding)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.verdict = "ok"
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.findings[0].clause = "1(1)"
    assert conduct.assess("thằng kia ngu vl").findings == result.findings


def test_overall_verdict_is_the_most_serious_finding():
    result = conduct.assess("Nghe nói thằng kia ngu lắm, share gấp")
    verdicts = {f.concern: f.verdict for f in result.findings}
    assert verdicts == {"offensive": "violation", "unverified_source": "caution"}
    assert result.verdict == "violation"
    assert result.findings[0].verdict == "violation"  # most serious first
    assert conduct.assess("Nghe nói mai mưa to, share gấp").verdict == "caution"
    assert conduct.assess("Hôm nay trời đẹp").to_dict() == {"verdict": "ok", "findings": []}


def test_positive_and_mentions_are_ok_findings_that_explain_themselves():
    result = conduct.assess("Cảnh báo: mấy nhóm nhận làm bằng đại học giá rẻ, ib zalo là bị lừa đó")
    assert result.verdict == "ok"
    (f,) = result.findings
    assert f.concern == "illegal_trade" and f.verdict == "ok" and f.context_effect == "lowered"
    assert "Cảnh báo" in f.explanation["vi"] and "Cảnh báo" in f.explanation["en"]


@pytest.mark.parametrize("concern, role, clause", [
    ("personal_data", "individual", "3(3)"), ("personal_data", "provider", "7(5)"),
    ("account_security", "individual", "4(3)"), ("account_security", "agency", "6(2)"),
    ("child_safety", "individual", "4(8)"), ("child_safety", "provider", "7(4)"),
    ("hate_speech", "official", "4(5)"),
])
def test_clause_per_role_comes_from_concerns_yaml(concern, role, clause):
    assert clauses_for(concern, role)[0] == clause


def test_role_specific_concerns_only_for_their_role():
    leak = "Gửi mọi người bản dự thảo nội bộ chưa công bố của sở mình"
    assert [f.concern for f in conduct.assess(leak, role="official").findings] == ["official_duty"]
    for role in ("individual", "organization", "agency", "provider"):
        assert all(f.concern != "official_duty" for f in conduct.assess(leak, role=role).findings)
    assert concerns()["agency_duty"].roles == ("agency",)
    assert concerns()["provider_duty"].roles == ("provider",)


def test_clauses_for_rejects_unknowns():
    with pytest.raises(ValueError, match="unknown concern"):
        clauses_for("rudeness", "individual")
    with pytest.raises(ValueError, match="unknown role"):
        clauses_for("offensive", "king")


def test_explain_in_both_languages():
    result = conduct.assess("thằng kia ngu vl")
    for lang in ("vi", "en"):  # the verdict in the learner's words, the clause cited, the words quoted
        text = result.explain(lang)
        assert text.startswith(t("checker.verdict_line", lang, verdict=t("checker.verdict.violation", lang)))
        assert cite("4(6)", lang) in text and t("checker.word", lang, word="ngu") in text
        assert result.findings[0].explain(lang) in text
    ok = t("checker.verdict_line", "en", verdict=t("checker.verdict.ok", "en"))
    assert conduct.assess("Hôm nay trời đẹp").explain("en").startswith(ok)
    with pytest.raises(ValueError, match="unknown language"):
        result.explain("fr")


def test_language_detection_and_override():
    assert conduct.assess("thằng kia ngu vl").lang == "vi"
    assert conduct.assess("you are such an idiot").lang == "en"
    assert conduct.assess("you are such an idiot", lang="vi").lang == "vi"


def test_mixed_languages_and_emoji():
    text = "thằng này stupid vl 🤬🤬 go back to your country 😤"
    result = conduct.assess(text)
    assert {f.concern for f in result.findings} >= {"offensive", "hate_speech"}
    for f in result.findings:
        for s, e in f.evidence:
            assert text[s:e].strip()


def test_nfc_nfd_and_bare_forms_agree():
    nfc = "Thằng này óc chó thật"
    for form in (nfc, unicodedata.normalize("NFD", nfc), "Thang nay oc cho that", "THẰNG NÀY ÓC CHÓ THẬT"):
        result = conduct.assess(form)
        assert result.verdict == "violation", form
        words = {unicodedata.normalize("NFC", form[s:e]).lower() for f in result.findings for s, e in f.evidence}
        assert words & {"óc chó", "oc cho"}, words


@pytest.mark.parametrize("text, role, lang, error, message", [
    (None, "individual", None, TypeError, "must be text"),
    (b"bytes", "individual", None, TypeError, "must be text"),
    ("", "individual", None, ValueError, "empty"),
    ("   \n", "individual", None, ValueError, "empty"),
    ("hello", "king", None, ValueError, "unknown role"),
    ("hello", "individual", "fr", ValueError, "unknown language"),
])
def test_bad_input_says_what_to_do(text, role, lang, error, message):
    with pytest.raises(error, match=message):
        conduct.assess(text, role=role, lang=lang)


def test_a_one_megabyte_post_is_assessed():
    chunk = "Hôm nay trời đẹp, cả nhà đi chơi. " * 30 + "Số điện thoại của nó đây 0912.345.678. "
    text = (chunk * (1_000_000 // len(chunk) + 1))[:1_000_000]
    result = conduct.assess(text)
    assert result.verdict == "violation"
    assert all(0 <= s < e <= len(text) for f in result.findings for s, e in f.evidence)


@pytest.mark.parametrize("text", [
    "Bài dùng lời lẽ thô tục ('mất dạy', 'ngu như bò') để hạ nhục một người. Điều 4 khoản 6 cấm điều đó.",
    "The post calls her a fat cow to humiliate her; Art. 4(6) forbids insulting others' dignity.",
    "Người viết biết có tài khoản mạo danh mình nhưng không báo. Điều 4 khoản 3 yêu cầu báo kịp thời.",
])
def test_commentary_citing_the_code_is_a_mention(text):
    result = conduct.assess(text)
    assert result.verdict == "ok"
    assert result.findings and all(f.context_effect == "lowered" for f in result.findings if f.concern != "positive")


def test_context_is_judged_per_match_in_long_texts():
    warning = "Cô giải thích vì sao không nên dùng từ miệt thị, ví dụ: "
    filler = "Hôm nay trời đẹp, cả nhà đi chơi công viên rồi về ăn cơm. " * 20
    insult = "Thằng kia đúng là đồ mất dạy."
    assert conduct.assess(warning + insult).verdict == "ok"            # a lesson frames the short post
    result = conduct.assess(warning + filler + insult)                 # but not an insult far away
    assert result.verdict == "violation"
    (f,) = [f for f in result.findings if f.concern == "offensive"]
    assert f.context_effect == "" and (warning + filler + insult)[slice(*f.evidence[-1])] == "đồ mất dạy"


def test_a_post_where_every_sentence_matches_is_judged_on_bounded_work():
    sentence = "Thằng kia ngu như bò. Số điện thoại của nó đây 0912.345.678. "
    text = sentence * 5000  # ~300 KB, every sentence flagged twice
    result = conduct.assess(text)
    assert result.verdict == "violation"
    assert {f.concern for f in result.findings} >= {"offensive", "personal_data"}
    for f in result.findings:
        assert 0 < len(f.evidence) <= MAX_EVIDENCE
        assert f.evidence == tuple(sorted(f.evidence)) and f.evidence[0][0] < len(sentence)  # from the start
