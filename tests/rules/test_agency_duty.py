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
    # issue 10, by class: refusing to answer in any words (6(4)); reassurance against a finding the post names,
    # posting before checking, the page used in a private capacity (6(3)); what stays ok
    ('Trang xin phép không trả lời các thắc mắc về giá đất, bà con đừng nhắn tin hỏi nữa', 'agency', 'caution', ['xin phép không trả lời', 'thắc mắc', 'đừng nhắn']),
    ('We will not be replying to comments about the bus route. Please stop asking here.', 'agency', 'caution', ['will not be replying', 'comments', 'stop asking']),
    ('Dù Trung tâm Y tế đã công bố nước giếng nhiễm khuẩn, xã khẳng định nước vẫn an toàn', 'agency', 'violation', ['Dù', 'công bố', 'nước vẫn an toàn']),
    ('Although the weather centre warned of flooding, the commune says roads are safe and the fair goes ahead', 'agency', 'violation', ['Although', 'warned', 'are safe']),
    ('Dù trời mưa, lễ hội vẫn diễn ra bình thường', 'agency', None, []),
    ('Nhận được tin nhắn của một người dân là đường bị sụt, trang đăng ngay, chưa kịp xác minh', 'agency', 'violation', ['Nhận được tin nhắn của', 'chưa kịp xác minh']),
    ('Thông tin về vụ sạt lở chưa được xác minh, đề nghị bà con không chia sẻ', 'agency', 'ok', ['chưa được xác minh']),
    ('Admin xin phép quảng cáo chút: nhà em có bán cam Vinh, bà con cần ib em', 'agency', 'violation', ['xin phép quảng cáo chút', 'nhà em có bán', 'ib em']),
    ("Admin here posting personally: vote for my cousin's café in the contest", 'agency', 'violation', ['Admin here posting personally', "vote for my cousin's"]),
    ('Phường đã nhận được câu hỏi của bà con về tiền hỗ trợ, lịch chi trả sẽ công bố vào thứ Tư', 'agency', None, []),
    ('Bài viết này không nhận bình luận, mọi ý kiến xin gửi qua đường bưu điện', 'agency', 'caution', ['không nhận bình luận']),
    ('Ai còn hỏi về tiền đền bù sẽ bị chặn khỏi trang', 'agency', 'caution', ['hỏi', 'bị chặn']),
    ('Phường tiếp nhận mọi câu hỏi của bà con, không nhận tiền hay quà của người dân', 'agency', None, []),
    ('Mặc dù bệnh viện đã ghi nhận 30 ca ngộ độc, xã vẫn khẳng định thực phẩm ở chợ an toàn', 'agency', 'violation', ['Mặc dù', 'ghi nhận', 'an toàn']),
    ("We're reposting a screenshot about a gas leak; we could not confirm it yet", 'agency', 'violation', ['could not confirm']),
    ('This page does not take questions. Contact the office in person during working hours.', 'agency', 'caution', ['does not take', 'questions']),
    ('The ward does not take cash payments; please pay by bank transfer', 'agency', None, []),
    ("The mayor's office page: personally I think the protesters are wrong, but that's just my opinion", 'agency', 'violation', ['personally I think', 'just my opinion']),
    ('Admin xin phép tạm dừng cập nhật tin tức trong 2 ngày nghỉ lễ, bà con thông cảm', 'agency', None, []),
    ('Ý kiến cá nhân của bà con xin gửi về hộp thư góp ý của phường', 'agency', None, []),
    # spam kept off the page, advice to citizens, a mistake owned with answers promised: no refusal
    ('Phường hướng dẫn bà con cách chặn tin nhắn rác và cuộc gọi lừa đảo', 'agency', 'ok', ['chặn', 'tin nhắn']),
    ('We removed spam comments containing scam links; all genuine questions will be answered', 'agency', 'ok', ['removed', 'comments']),
    ('Xin lỗi bà con vì đã xóa nhầm bình luận, phường sẽ trả lời đầy đủ', 'agency', 'ok', ['xóa', 'bình luận']),
]
# fmt: on


@pytest.mark.parametrize("text, role, verdict, evidence", CASES)
def test_agency_duty(check, text, role, verdict, evidence):
    check(text, "agency_duty", role, verdict, evidence)
