"""Hate speech (Art. 4(5)): slurs, a group named with a sweeping trait, gender roles, calls to violence;
near-misses: teaching about a slur, history, street names, praise of a region."""
import pytest

# fmt: off
CASES = [
    # (text, role, verdict of the hate_speech finding or None for no finding, evidence as typed)
    ('Dân Thanh Hóa toàn bọn trộm cắp, né ra nha', 'individual', 'violation', ['Dân', 'Thanh Hóa', 'bọn', 'trộm cắp', 'né ra']),
    ('dan thanh hoa toan bon trom cap', 'individual', 'violation', ['dan', 'thanh hoa', 'trom cap']),
    ('bọn b.ắ.c k.ỳ lươn lẹo', 'individual', 'violation', ['bọn', 'b.ắ.c k.ỳ', 'lươn lẹo']),
    ('Con gái thì biết gì mà đòi làm đội trưởng', 'individual', 'violation', ['Con gái', 'thì biết gì', 'đòi làm']),
    ('Lũ theo đạo toàn bọn giả tạo, nên cấm hết', 'individual', 'violation', ['Lũ', 'theo đạo', 'bọn', 'giả tạo', 'nên cấm hết']),
    ('giết hết bọn nó đi', 'individual', 'violation', ['giết hết']),
    ('All immigrants are thieves', 'individual', 'violation', ['immigrants', 'thieves']),
    ('go back to your country', 'individual', 'violation', ['go back to your country']),
    ('women belong in the kitchen', 'individual', 'violation', ['women', 'belong in the kitchen']),
    ("Cô giải thích vì sao chữ 'Bắc Kỳ' làm người miền Bắc tổn thương", 'individual', 'ok', ['Bắc Kỳ']),
    ('Thời Pháp thuộc, thực dân chia nước ta thành Bắc Kỳ, Trung Kỳ và Nam Kỳ', 'individual', 'ok', ['Bắc Kỳ', 'Nam Kỳ']),
    ('Nhà mình ở đường Nam Kỳ Khởi Nghĩa', 'individual', None, []),
    ('Người miền Trung hiếu khách lắm', 'individual', None, []),
    ('I love the food in the north of Vietnam', 'individual', None, []),
]
# fmt: on


@pytest.mark.parametrize("text, role, verdict, evidence", CASES)
def test_hate_speech(check, text, role, verdict, evidence):
    check(text, "hate_speech", role, verdict, evidence)
