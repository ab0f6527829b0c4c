"""Illegal trade (Art. 4(6)): illegal goods with a selling cue; near-misses: warnings, news, lawful shops."""
import pytest

# fmt: off
CASES = [
    # (text, role, verdict of the illegal_trade finding or None for no finding, evidence as typed)
    ('Nhận làm bằng đại học, bao công chứng, ib zalo giá rẻ', 'individual', 'violation', ['Nhận làm bằng đại học']),
    ('Kèo bóng đá tối nay đã lên, nạp 100k tặng 50k, link ở bio', 'individual', 'violation', ['Kèo bóng đá', 'nạp 100k']),
    ('Vay nóng giải ngân trong ngày, chỉ cần CCCD, lh 0912345678', 'individual', 'violation', ['Vay nóng', 'giải ngân trong ngày', 'chỉ cần CCCD', 'lh']),
    ('Selling fake IDs, cheap, DM me', 'individual', 'violation', ['Selling', 'fake IDs']),
    ('Cảnh báo: nhóm cho vay nóng online đang lừa đảo, đừng cung cấp CCCD', 'individual', 'ok', ['vay nóng', 'cung cấp']),
    ('Công an triệt phá đường dây cá độ bóng đá', 'individual', None, []),
    ('Shop bán áo dài giá tốt, ib nhé', 'individual', None, []),
]
# fmt: on


@pytest.mark.parametrize("text, role, verdict, evidence", CASES)
def test_illegal_trade(check, text, role, verdict, evidence):
    check(text, "illegal_trade", role, verdict, evidence)
