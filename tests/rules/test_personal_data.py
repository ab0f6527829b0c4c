"""Personal data (Art. 3(3); 7(5) for providers): someone else's data with third-party framing;
near-misses: a shop's hotline, one's own contact to return a wallet."""
import pytest

# fmt: off
CASES = [
    # (text, role, verdict of the personal_data finding or None for no finding, evidence as typed)
    ('Số điện thoại của nó đây 0912.345.678, mọi người gọi hỏi tội nó', 'individual', 'violation', ['Số điện thoại', 'của nó', '0912.345.678']),
    ('sđt của con Linh nè 0912 345 678, ai muốn troll thì gọi đi', 'individual', 'violation', ['sđt', 'của con', '0912 345 678']),
    ('Địa chỉ nhà con bé: số 12 ngõ 34 phố Huế, ai biết thì tới', 'individual', 'violation', ['Địa chỉ nhà con', 'ngõ 34 phố Huế']),
    ('CCCD của thằng này 001203004567 nhé', 'individual', 'violation', ['của thằng', '001203004567']),
    ("here's Jake's number 0912 345 678, everyone spam him", 'individual', 'violation', ["here's", "Jake's number", '0912 345 678', 'spam']),
    ('lộ clip nóng của con nhỏ lớp bên', 'individual', 'violation', ['lộ clip nóng']),
    ('Shop nhận đơn qua hotline 0912 345 678 nhé', 'individual', None, []),
    ('Nhặt được ví, chủ nhân liên hệ mình 0912345678 để nhận lại', 'individual', None, []),
    ('Số điện thoại của nó đây 0912.345.678', 'provider', 'violation', ['Số điện thoại', 'của nó', '0912.345.678']),
]
# fmt: on


@pytest.mark.parametrize("text, role, verdict, evidence", CASES)
def test_personal_data(check, text, role, verdict, evidence):
    check(text, "personal_data", role, verdict, evidence)
