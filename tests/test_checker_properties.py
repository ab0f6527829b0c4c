"""Properties of the checker on arbitrary text: it never crashes, evidence offsets are always
valid spans of the text as given, and NFC and NFD forms of a text get the same verdict."""
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import conduct

WORDS = ["thằng", "ngu", "n.g.u", "vl", "đm", "ko", "dc", "Bắc Kỳ", "dân", "toàn", "trộm cắp", "của nó",
         "0912.345.678", "nghe nói", "share gấp", "mật khẩu là", "abc123", "cảnh báo", "bé", "trường",
         "idiot", "you", "fuck", "\u200b", "😤", "  ", ".", "'", "“", "óc chó", "ngủ", "ả", "İ", "ß"]
texts = st.one_of(
    st.text(min_size=1, max_size=200),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=25).map(" ".join),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=5)), min_size=1, max_size=25).map("".join),
)
roles = st.sampled_from(conduct.ROLES)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texts, roles)
def test_never_crashes_and_offsets_are_valid(text, role):
    if not text.strip():
        return
    result = conduct.assess(text, role=role)
    assert result.verdict in conduct.VERDICTS
    assert result.verdict == max((f.verdict for f in result.findings), key=conduct.VERDICTS.index, default="ok")
    for f in result.findings:
        assert f.evidence
        for s, e in f.evidence:
            assert 0 <= s < e <= len(text)
        assert f.explanation["vi"] and f.explanation["en"]


@SETTINGS
@given(texts)
def test_nfc_and_nfd_get_the_same_verdict(text):
    nfc, nfd = unicodedata.normalize("NFC", text), unicodedata.normalize("NFD", text)
    if not nfc.strip():
        return
    a, b = conduct.assess(nfc), conduct.assess(nfd)
    assert a.verdict == b.verdict
    assert [f.concern for f in a.findings] == [f.concern for f in b.findings]
