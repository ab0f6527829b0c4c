"""Unverified source (Art. 4(4)): hearsay passed on; near-misses: an official source, advice not to share."""
import pytest

# fmt: off
CASES = [
    # (text, role, verdict of the unverified_source finding or None for no finding, evidence as typed)
    ('Nghe nói mai cắt điện toàn thành phố, share gấp cho mọi người!', 'individual', 'caution', ['Nghe nói', 'share gấp']),
    ('nghe noi mai nghi hoc, share gap nha', 'individual', 'caution', ['nghe noi', 'share gap']),
    ('I heard the bank on our street is going bust, spread the word', 'individual', 'caution', ['I heard the', 'bank', 'spread the word']),
    ('Theo thông báo chính thức của UBND, mai cắt điện từ 8h.', 'individual', None, []),
    ('Đừng share tin chưa kiểm chứng nhé mọi người', 'individual', 'ok', ['chưa kiểm chứng']),
    ('Nghe nhạc cả ngày vẫn không chán', 'individual', None, []),
    # a plea to share a notice is no hearsay (issue 10); pressed with an alarm, or with doubt, it is
    ('Mọi người share giúp: chiều mai mất nước khu tập thể Kim Liên', 'individual', None, []),
    ('Please share: the bus depot opens again on Sunday', 'individual', None, []),
    ('share gấp: có kẻ bắt cóc trẻ em ở chợ Đồng Xuân', 'individual', 'caution', ['share gấp', 'bắt cóc']),
    ('Please share, a kidnapping gang is driving a white van near the school', 'individual', 'caution', ['Please share', 'kidnapping']),
    ('Chưa biết thật hay không nhưng siêu thị đầu phố sắp đóng cửa', 'individual', 'caution', ['Chưa biết thật hay không']),
    # news heard about the reader is small talk; a neighbour's word with doubt is hearsay
    ('Nghe nói bạn mới đi du lịch Đà Lạt về, có vui không', 'individual', 'ok', ['Nghe nói']),
    ('I heard you got the job, congrats!', 'individual', None, []),
    ("My neighbour said the police will block the whole street tomorrow, no idea if it's true", 'individual', 'caution', ['My neighbour said', 'police', "no idea if it's true"]),
    ('Breaking news: our team won the championship!!! So proud!!!', 'individual', None, []),
    # a film or a song praised on someone's word is an opinion passed on; "hay lắm" after a rumour excuses nothing
    ('Nghe nói phim này hay lắm, cuối tuần đi xem thôi', 'individual', 'ok', ['Nghe nói']),
    ('I heard that song on the radio today, still a banger', 'individual', None, []),
    ('Nghe nói mai cả trường nghỉ học, hay lắm, ai xác nhận giúp với', 'individual', 'caution', ['Nghe nói', 'ai xác nhận giúp']),
    # everyday hedges are hearsay only about news (a closure, a bank, the police), not about pizza or love
    ("apparently I'm the only one who likes pineapple pizza", 'individual', None, []),
    ('they say love is blind lol', 'individual', None, []),
    ('Someone said the new mayor banned street food, is this true?', 'individual', 'caution', ['Someone said', 'banned', 'is this true']),
]
# fmt: on


@pytest.mark.parametrize("text, role, verdict, evidence", CASES)
def test_unverified_source(check, text, role, verdict, evidence):
    check(text, "unverified_source", role, verdict, evidence)
