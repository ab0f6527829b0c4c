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
    ('giết hết bọn nó đi', 'individual', 'violation', ['giết hết', 'nó đi']),
    ('All immigrants are thieves', 'individual', 'violation', ['immigrants', 'thieves']),
    ('go back to your country', 'individual', 'violation', ['go back to your country']),
    ('women belong in the kitchen', 'individual', 'violation', ['women', 'belong in the kitchen']),
    ("Cô giải thích vì sao chữ 'Bắc Kỳ' làm người miền Bắc tổn thương", 'individual', 'ok', ['Bắc Kỳ']),
    ('Thời Pháp thuộc, thực dân chia nước ta thành Bắc Kỳ, Trung Kỳ và Nam Kỳ', 'individual', 'ok', ['Bắc Kỳ', 'Nam Kỳ']),
    ('Nhà mình ở đường Nam Kỳ Khởi Nghĩa', 'individual', None, []),
    ('Người miền Trung hiếu khách lắm', 'individual', None, []),
    ('I love the food in the north of Vietnam', 'individual', None, []),
    # a slur for lesbians typed with a determiner; the fruit of the same name; a pet's breed (issue 10)
    ('bọn ô môi', 'individual', 'violation', ['bọn ô môi']),
    ('quả ô môi ngâm rượu', 'individual', None, []),
    ('Con gái mà đi học IT làm gì, về quê lấy chồng cho xong', 'individual', 'violation', ['Con gái', 'về quê lấy chồng']),
    ('Người khuyết tật thì ở nhà cho người ta nhờ', 'individual', 'violation', ['Người khuyết tật', 'cho người ta nhờ']),
    ('Nhà mình nuôi con chó là con lai Nhật', 'individual', None, []),
]
# fmt: on


@pytest.mark.parametrize("text, role, verdict, evidence", CASES)
def test_hate_speech(check, text, role, verdict, evidence):
    check(text, "hate_speech", role, verdict, evidence)


# Vietnamese news comments (issue 10): wishes and calls for violence or death against the people in a
# story cite 4(5); reports of violence, calls for punishment under the law and quoted calls stay ok.
# fmt: off
NEWS_CASES = [
    # (text, rule the finding rests on or None for no finding, verdict, evidence as typed)
    ('Loại đó phải đem ra xử bắn, giữ lại làm gì', 'violence_call', 'violation', ['đem ra xử bắn']),
    ('Thằng trộm xe mà bắt được thì cứ đánh chết, khỏi cần báo công an', 'deadly_act_urged', 'violation',
     ['bắt được thì', 'cứ đánh chết']),  # "báo công an" is no warning here
    ('Ước gì hắn chết sớm, đỡ khổ cho vợ con', 'death_wished', 'violation', ['Ước gì hắn', 'chết sớm']),
    ('Cháu bé bị đánh chết, thủ phạm đã bị bắt', 'deadly_act', 'ok', ['đánh chết']),  # a report
    ('Đề nghị xử nó theo pháp luật, không để lọt tội', 'violence_act_urged', 'ok', ['Đề nghị', 'xử nó']),  # lawful
    ('Có người comment “xử bắn cho rồi”, nhưng pháp luật không cho phép như vậy', 'violence_call', 'ok',
     ['xử bắn cho rồi']),  # a quoted call, criticised
    ('Loại này tử hình cho nhanh, không cần xét xử', 'summary_justice', 'violation', ['tử hình', 'cho nhanh']),
    ('Tòa tuyên tử hình cả hai bị cáo chủ mưu', None, None, []),  # the court's sentence, reported
    ('Đề nghị xử lý nghiêm theo pháp luật, phải khởi tố vụ án', None, None, []),
    ('Tòa tuyên tử hình là đúng người đúng tội', None, None, []),
]
# fmt: on


@pytest.mark.parametrize("text, rule, verdict, evidence", NEWS_CASES)
def test_news_comments(check, text, rule, verdict, evidence):
    finding = check(text, "hate_speech", "individual", verdict, evidence)
    if rule is not None:
        assert (finding.rule, finding.clause) == (rule, "4(5)")


def test_a_people_named_as_a_herd_is_contempt_but_a_flood_there_is_not(check):
    check("Bọn Tàu lại giở trò trên biển", "hate_speech", "individual", "violation", ["Bọn", "Tàu"])
    check("Lũ ở Campuchia năm nay cũng lớn", "hate_speech", "individual", None, [])
    check("Tụi nhỏ nhà mình mê phim Hàn Quốc", "hate_speech", "individual", None, [])
