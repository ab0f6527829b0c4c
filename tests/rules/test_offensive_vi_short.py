"""Short Vietnamese social-media comments (issue 10, helper R3): crude words typed as they sound or
run together, bare insults aimed at no one in sight, and the innocent words they resemble."""
import pytest

import conduct

# fmt: off
CRUDE_FORMS = [
    # (text, rule the finding rests on or None for no finding, verdict, evidence as typed)
    ('dek hiểu sao lại thua', 'vulgar', 'caution', ['dek hiểu']),  # đéo typed as it sounds
    ('đel cần biết, về ngủ', 'vulgar', 'caution', ['đel cần']),
    ('del hiểu nổi luôn á', 'vulgar', 'caution', ['del hiểu']),
    ('del bài đi ad, sai thông tin rồi', None, None, []),  # del: delete a post
    ('hay vailon luôn', 'vulgar', 'caution', ['vailon']),  # run together
    ('lol gì vậy trời, lag quá', 'vulgar', 'caution', ['lol gì']),
    ('haha lol, chuẩn luôn', None, None, []),  # the English laugh
    ('đmcs mệt quá', 'vulgar', 'caution', ['đmcs']),
    ('thằng kia nói như lol', 'vulgar_insult', 'violation', ['như lol']),
    ('Bé nhà mình bị ỉa chảy 2 hôm, đi khám rồi', None, None, []),  # diarrhoea
    ('Anh ấy tính hơi lù đù nhưng tốt bụng', None, None, []),
]
# fmt: on


@pytest.mark.parametrize("text, rule, verdict, evidence", CRUDE_FORMS)
def test_crude_forms(check, text, rule, verdict, evidence):
    check(text, "offensive", "individual", verdict, evidence)
    if rule is not None:
        (finding,) = [f for f in conduct.assess(text).findings if f.concern == "offensive"]
        assert (finding.rule, finding.clause) == (rule, "4(6)")
