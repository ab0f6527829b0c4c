"""Official duty (officials only; Art. 5(2), 5(3)): leaks of unreleased information, dismissive public replies."""
import pytest

# fmt: off
CASES = [
    # (text, role, verdict of the official_duty finding or None for no finding, evidence as typed)
    ('Gửi mọi người bản dự thảo nội bộ chưa công bố của sở mình', 'official', 'violation', ['bản dự thảo', 'chưa công bố']),
    ('Mấy người chê phường làm chậm thì tự đi mà làm', 'official', 'caution', ['Mấy người chê', 'tự đi mà làm']),
    ('Gửi mọi người bản dự thảo nội bộ chưa công bố của sở mình', 'individual', None, []),
    ('Kết quả đã được công bố trên cổng thông tin của sở, mời bà con xem', 'official', None, []),
]
# fmt: on


@pytest.mark.parametrize("text, role, verdict, evidence", CASES)
def test_official_duty(check, text, role, verdict, evidence):
    check(text, "official_duty", role, verdict, evidence)
