"""Agency duty (agencies only; Art. 6(3), 6(4)): closing comments, unofficial figures."""
import pytest

# fmt: off
CASES = [
    # (text, role, verdict of the agency_duty finding or None for no finding, evidence as typed);
    # a breach of the duty in Art. 6(3) is a violation, of the recommendation in 6(4) a caution (issue 9)
    ('Trang sẽ khóa bình luận, không trả lời câu hỏi về việc này', 'agency', 'caution', ['khóa bình luận', 'không trả lời câu hỏi']),
    ('Theo nguồn tin riêng, số ca bệnh cao gấp đôi thông báo', 'agency', 'violation', ['Theo nguồn tin riêng']),
    ('Trang sẽ khóa bình luận, không trả lời câu hỏi về việc này', 'individual', None, []),
    ('Sở thông báo lịch tiếp dân, mời bà con phản ánh qua trang này', 'agency', None, []),
    ('Mọi câu hỏi về giải tỏa sẽ không được trả lời, bình luận sẽ bị xóa', 'agency', 'caution', ['bình luận sẽ bị xóa']),
    ('Không có người bị thương trong vụ sập giàn giáo, tin đồn thất thiệt cả', 'agency', 'violation', ['Không có người bị thương', 'tin đồn thất thiệt cả']),
]
# fmt: on


@pytest.mark.parametrize("text, role, verdict, evidence", CASES)
def test_agency_duty(check, text, role, verdict, evidence):
    check(text, "agency_duty", role, verdict, evidence)
