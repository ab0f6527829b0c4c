"""Offensive (Art. 4(6)): insults aimed at someone, vulgar words, in every typed form;
near-misses: buồn ngủ typed bare, self-deprecation, walnuts (óc chó), quoting an insult to discourage it."""
import pytest

# fmt: off
CASES = [
    # (text, role, verdict of the offensive finding or None for no finding, evidence as typed)
    ('Con mụ bán rau đúng là đồ mất dạy, ngu như bò', 'individual', 'violation', ['mụ', 'đồ mất dạy', 'ngu như bò']),
    ('thằng kia n.g.u vl', 'individual', 'violation', ['thằng kia', 'n.g.u', 'vl']),
    ('thg kia n\u200bg\u200bu thật', 'individual', 'violation', ['thg kia', 'n\u200bg\u200bu']),
    ('m ngu vừa thôi', 'individual', 'violation', ['m', 'ngu']),
    ('dm thg kia', 'individual', 'violation', ['dm', 'thg kia']),
    ('You are such an idiot', 'individual', 'violation', ['You are', 'idiot']),
    ('shut the f*** up', 'individual', 'violation', ['f***']),
    ('this is fucking ridiculous', 'individual', 'violation', ['fucking']),
    ('hqua thuc khuya xem bong da, gio buon ngu qua', 'individual', None, []),
    ('Mình ngu toán quá, ai giảng giúp với', 'individual', None, []),
    ('I felt so stupid after the exam', 'individual', None, []),
    ('Hạt óc chó rất tốt cho sức khỏe', 'individual', None, []),
    ('đừng chửi “đồ ngu” đồng đội nữa nha', 'individual', 'ok', ['đồ ngu']),
    ('hom nay di hien mau, 1 giot mau cho di', 'individual', None, []),
    # a bare syllable no longer silences an insult; negation; insults about a third person; word sense (issue 10)
    ('mat day, an com xong ko rua bat', 'individual', 'violation', ['mat day']),
    ('Mình không bao giờ gọi ai là thằng ngu', 'individual', 'ok', ['thằng ngu']),
    ('The new principal is a total moron', 'individual', 'violation', ['is a total', 'moron']),
    ('UBND phường thu gom rác vào thứ Hai, bà con để rác đúng giờ', 'agency', None, []),
    # contempt is an insult whoever writes it: an official is graded like anyone else (issue 9)
    ('Phường làm vậy đấy, không vừa ý thì chuyển đi chỗ khác mà ở!', 'official', 'violation', ['chuyển đi chỗ khác mà ở']),
    ('Phường làm vậy đấy, không vừa ý thì chuyển đi chỗ khác mà ở!', 'individual', 'violation', ['chuyển đi chỗ khác mà ở']),
    ('lol my dog is such an idiot, he ran into the glass door again', 'individual', 'ok', ['is such an', 'idiot']),  # a pet
    ('my neighbour is such an idiot, he parks on my lawn', 'individual', 'violation', ['is such an', 'idiot']),
    ('Bộ phim này đúng là rác, phí tiền vé', 'individual', None, []),  # a thing criticised, no person insulted
    ('Thằng hàng xóm đúng là vô dụng', 'individual', 'violation', ['Thằng', 'vô dụng']),
    ('The results are garbage if the data is bad', 'individual', None, []),
]
# fmt: on


@pytest.mark.parametrize("text, role, verdict, evidence", CASES)
def test_offensive(check, text, role, verdict, evidence):
    check(text, "offensive", role, verdict, evidence)
