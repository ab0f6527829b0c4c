"""Positive content (Art. 4(7)): recognised as encouraged, always ok."""
import pytest

# fmt: off
CASES = [
    # (text, role, verdict of the positive finding or None for no finding, evidence as typed)
    ('Tự hào về áo dài Việt Nam, cùng lan tỏa nét đẹp văn hóa quê hương!', 'individual', 'ok', ['Tự hào', 'áo dài', 'lan tỏa', 'quê hương']),
    ('Proud of our volunteers who cleaned up the beach today', 'individual', 'ok', ['Proud', 'volunteers']),
    ('Hôm nay trời mưa', 'individual', None, []),
]
# fmt: on


@pytest.mark.parametrize("text, role, verdict, evidence", CASES)
def test_positive(check, text, role, verdict, evidence):
    check(text, "positive", role, verdict, evidence)
