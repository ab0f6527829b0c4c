"""Positive content (Art. 4(7)): recognised as encouraged, always ok."""
import pytest

# fmt: off
CASES = [
    # (text, role, verdict of the positive finding or None for no finding, evidence as typed)
    ('Tự hào về áo dài Việt Nam, cùng lan tỏa nét đẹp văn hóa quê hương!', 'individual', 'ok', ['Tự hào', 'áo dài', 'lan tỏa', 'quê hương']),
    ('Proud of our volunteers who cleaned up the beach today', 'individual', 'ok', ['Proud', 'volunteers']),
    ('Hôm nay trời mưa', 'individual', None, []),
    # issue 10: abuse reported and useful information passed on from its official source are encouraged too
    ('Mình đã báo cáo tài khoản mạo danh bệnh viện này, mọi người cùng báo cáo giúp nhé', 'individual', 'ok', ['đã báo cáo tài khoản', 'cùng báo cáo']),
    ('Sharing the official guidance on heat stroke from the health department, stay safe everyone', 'individual', 'ok', ['official guidance']),
    ('Thông tin hữu ích từ Sở Y tế: lịch tiêm chủng miễn phí tháng này', 'individual', 'ok', ['Thông tin hữu ích']),
    ('Chia sẻ số đường dây nóng bảo vệ trẻ em 111 để ai cần thì gọi', 'individual', 'ok', ['đường dây nóng']),
    ('I reported the fake charity page to Facebook, please do the same if you see it', 'individual', 'ok', ['reported the', 'charity', 'please do the same']),
]
# fmt: on


@pytest.mark.parametrize("text, role, verdict, evidence", CASES)
def test_positive(check, text, role, verdict, evidence):
    check(text, "positive", role, verdict, evidence)
