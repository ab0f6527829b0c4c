"""Posts typed without diacritics (issue 10): no harmless syllable silences a finding, adding more
insults never makes a post less serious, and everyday bare phrases that look like insults
("cho sua" = chỗ sửa, "thu gom rác … thứ Hai") are not flagged."""
import pytest

import conduct
from conduct.vocab import verdict_rank

FLAGGED = ["mat day", "ngu nhu bo", "thang kia oc cho", "do mat day", "may la do suc vat", "may bi dien a"]
# Syllables that are also English words, and everyday clauses, appended after a comma.
TAILS = ["an com", "an hai", "the thoi", "so do", "con do", "to the", "ban an", "me ve", "hai lan roi"]


@pytest.mark.parametrize("post", FLAGGED)
@pytest.mark.parametrize("tail", TAILS)
def test_a_harmless_tail_does_not_silence_an_insult(post, tail):
    assert conduct.assess(post).verdict == "violation"
    assert conduct.assess(f"{post}, {tail}").verdict == "violation"


@pytest.mark.parametrize("post", FLAGGED)
def test_more_insults_never_make_a_post_less_serious(post):
    alone = verdict_rank(conduct.assess(post).verdict)
    for other in FLAGGED:
        assert verdict_rank(conduct.assess(f"{post}, {other}").verdict) >= alone


@pytest.mark.parametrize("text", [
    "ai biet cho sua xe may uy tin o gan day khong",
    "cho sua dien thoai nao re ma tot vay moi nguoi",
    "To dan pho thu gom rac vao sang thu Hai, ba con de rac dung cho nhe",
    "Lich thi thu Ba tuan sau, cac ban on bai ky thi nhe",
])
def test_everyday_bare_phrases_are_not_insults(text):
    assert conduct.assess(text).verdict == "ok"
