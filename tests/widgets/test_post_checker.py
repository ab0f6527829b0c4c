"""The "check before you publish" widget against the real checker."""
from html import escape

import conduct
from conduct.i18n import t
from conduct.widgets import language_switch, post_checker
from conduct.widgets.a11y import LiveRegion
from conduct.widgets.post_card import cite


def head(lang, mark, verdict):
    return t("widgets.checker.verdict", lang, mark=mark, verdict=t(f"checker.verdict.{verdict}", lang))


VIOLATING = "Dân Thanh Hóa toàn bọn trộm cắp, cho thuê nhà thì né ra nha mn"


def test_violating_text_shows_findings_evidence_and_clause():
    w = post_checker(lang="vi")
    w.text.value = VIOLATING
    w.role.value = "individual"
    w.check.click()
    html = w.result.value
    result = conduct.assess(VIOLATING, role="individual")
    assert result.verdict == "violation"
    assert isinstance(w.result, LiveRegion)
    assert head("vi", "✗", "violation") in html
    assert "<mark" in html
    for f in result.findings:
        assert f.explanation["vi"] in html
        assert conduct.clause(f.clause).short["vi"] in html


def test_ok_text_says_nothing_found():
    w = post_checker(lang="en")
    w.text.value = "Happy new year to everyone in our neighbourhood, thank you for your help this year!"
    w.check.click()
    html = w.result.value
    assert head("en", "✓", "ok") in html and t("widgets.checker.none_found", "en") in html
    assert "✗" not in html and "<mark" not in html and t("widgets.checker.disclaimer", "en") in html


def test_empty_input_gets_a_message_not_a_traceback():
    w = post_checker(lang="vi")
    for text in ("", "   \n "):
        w.text.value = text
        w.check.click()
        assert t("widgets.checker.empty", "vi") in w.result.value


def test_role_changes_what_is_checked():
    text = "Tôi là công chức, chia sẻ tài liệu mật của cơ quan: danh sách lương"
    w = post_checker(lang="en", text=text, role="official")
    w.check.click()
    # Posting internal documents against the agency's rules is a violation of Art. 5(2), as the
    # bank's gold answers for official_duty leaks say (arguing instead of notifying stays a caution).
    assert head("en", "✗", "violation") in w.result.value and "[tài liệu mật]</mark>" in w.result.value
    assert escape(f"{cite('5(2)', 'en')} ({conduct.clause('5(2)').short['en']})") in w.result.value
    w.role.value = "individual"  # Art. 5 binds officials only
    w.check.click()
    assert cite("5(2)", "en") not in w.result.value


def test_switching_language_keeps_the_text_role_and_result():
    w = language_switch(lambda lang, **kept: post_checker(lang=lang, **kept), lang="vi")
    inner = w.content.children[0]
    inner.text.value = VIOLATING
    inner.role.value = "official"
    w.switch.value = "en"
    now = w.content.children[0]
    assert now is not inner and now.text.value == VIOLATING and now.role.value == "official"
    assert now.result.value == ""  # nothing was checked yet
    now.check.click()
    w.switch.value = "vi"
    back = w.content.children[0]
    assert back.text.value == VIOLATING and head("vi", "✗", "violation") in back.result.value


def test_verdict_words_are_the_checkers():
    w = post_checker(lang="vi", text=VIOLATING, checked=True)
    assert t("checker.verdict.violation", "vi") in w.result.value
