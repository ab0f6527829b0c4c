"""Account security (Art. 4(3); 6(2) for agencies): shared secrets, hijacked accounts left unreported;
near-misses: advice to report and change passwords."""
import pytest

# fmt: off
CASES = [
    # (text, role, verdict of the account_security finding or None for no finding, evidence as typed)
    ('Mật khẩu facebook của mình là abc123, ai rảnh vào like hộ', 'individual', 'caution', ['Mật khẩu facebook của mình là abc123']),
    ('my password is sunshine123 for all my accounts', 'individual', 'caution', ['my password is sunshine123']),
    ('Cho mình xin mã OTP vừa gửi về máy bạn nhé', 'individual', 'caution', ['Cho mình xin', 'mã OTP']),
    ('Nick bị hack rồi, thôi kệ, lập nick mới', 'individual', 'caution', ['Nick bị hack', 'thôi kệ']),
    ('Trang của sở bị hack mấy hôm nay, cứ để đó', 'agency', 'violation', ['bị hack', 'mấy hôm nay']),
    ('Ai bị hack nick thì báo ngay cho Facebook và đổi mật khẩu nhé', 'individual', None, []),
    ('Tuyệt đối không gửi mã OTP cho ai, kể cả người nhà', 'individual', 'ok', ['gửi mã OTP']),
]
# fmt: on


@pytest.mark.parametrize("text, role, verdict, evidence", CASES)
def test_account_security(check, text, role, verdict, evidence):
    check(text, "account_security", role, verdict, evidence)
