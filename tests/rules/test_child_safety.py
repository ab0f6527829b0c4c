"""Child safety (Art. 4(8); 7(4) for providers): a child's school and routine exposed, grooming,
unsupervised use, risky challenges; near-misses: safety advice, a story with no identifying detail."""
import pytest

# fmt: off
CASES = [
    # (text, role, verdict of the child_safety finding or None for no finding, evidence as typed)
    ('Bé Na nhà mình học trường Tiểu học Hoa Mai, 4h30 chiều nào cũng tự đi bộ về', 'individual', 'violation', ['Bé', 'học trường Tiểu học', 'chiều nào cũng']),
    ('đừng nói với bố mẹ nhé, bí mật của hai đứa mình', 'individual', 'violation', ['đừng nói với bố mẹ', 'bí mật của hai đứa mình']),
    ('Nhà mình cho bé 7 tuổi tự lập nick TikTok xem cả ngày', 'individual', 'caution', ['bé', 'tự lập nick', 'xem cả ngày']),
    ('Challenge mới: nhịn thở lâu nhất rồi quay clip', 'individual', 'violation', ['Challenge', 'nhịn thở']),
    ('Bé Na nhà mình học trường Tiểu học Hoa Mai, 4h30 chiều nào cũng tự đi bộ về', 'provider', 'violation', ['Bé', 'học trường Tiểu học', 'chiều nào cũng']),
    ('Hướng dẫn bố mẹ cài chế độ an toàn cho con trên YouTube', 'individual', None, []),
    ('Cô giáo vùng cao mỗi sáng lội suối đưa các em đến trường', 'individual', None, []),
]
# fmt: on


@pytest.mark.parametrize("text, role, verdict, evidence", CASES)
def test_child_safety(check, text, role, verdict, evidence):
    check(text, "child_safety", role, verdict, evidence)
