"""Provider duty (providers only; Art. 7(1)-7(5)): user data without consent, ignoring removal notices."""
import pytest

# fmt: off
CASES = [
    # (text, role, verdict of the provider_duty finding or None for no finding, evidence as typed)
    ('Nền tảng sẽ chia sẻ dữ liệu người dùng cho đối tác quảng cáo mà không cần sự đồng ý', 'provider', 'violation', ['dữ liệu người dùng', 'đối tác quảng cáo']),
    ('we will not act on any removal notice, content stays up', 'provider', 'violation', ['will not act on any removal', 'content stays up']),
    ('Chúng tôi chỉ chia sẻ dữ liệu người dùng khi có sự đồng ý của họ', 'provider', None, []),
    ('Nền tảng sẽ chia sẻ dữ liệu người dùng cho đối tác quảng cáo mà không cần sự đồng ý', 'individual', None, []),
    ('Bảo vệ trẻ em là trách nhiệm của phụ huynh, nền tảng không can thiệp', 'provider', 'violation', ['trách nhiệm của phụ huynh']),
    ('We may delete your account at any time for any reason', 'provider', 'violation', ['delete your account at any time for any reason']),
]
# fmt: on


@pytest.mark.parametrize("text, role, verdict, evidence", CASES)
def test_provider_duty(check, text, role, verdict, evidence):
    check(text, "provider_duty", role, verdict, evidence)
