"""Personal data (Art. 3(3); 7(5) for providers): someone else's data with third-party framing;
near-misses: a shop's hotline, one's own contact to return a wallet."""
import pytest

# fmt: off
CASES = [
    # (text, role, verdict of the personal_data finding or None for no finding, evidence as typed)
    ('Số điện thoại của nó đây 0912.345.678, mọi người gọi hỏi tội nó', 'individual', 'violation', ['Số điện thoại', 'của nó', '0912.345.678']),
    ('sđt của con Linh nè 0912 345 678, ai muốn troll thì gọi đi', 'individual', 'violation', ['sđt', 'của con', '0912 345 678']),
    ('Địa chỉ nhà con bé: số 12 ngõ 34 phố Huế, ai biết thì tới', 'individual', 'violation', ['Địa chỉ nhà con', 'ngõ 34 phố Huế']),
    ('CCCD của thằng này 001203004567 nhé', 'individual', 'violation', ['CCCD', 'của thằng', '001203004567']),
    ("here's Jake's number 0912 345 678, everyone spam him", 'individual', 'violation', ["here's", "Jake's number", '0912 345 678', 'spam']),
    ('lộ clip nóng của con nhỏ lớp bên', 'individual', 'violation', ['lộ clip nóng']),
    ('Shop nhận đơn qua hotline 0912 345 678 nhé', 'individual', None, []),
    ('Nhặt được ví, chủ nhân liên hệ mình 0912345678 để nhận lại', 'individual', None, []),
    ('Số điện thoại của nó đây 0912.345.678', 'provider', 'violation', ['Số điện thoại', 'của nó', '0912.345.678']),
    # recognizers that need no sharing cue: an ID next to its label, a named person's phone or address (issue 10)
    ('Phạm Văn Hùng nợ tôi 20 triệu, số căn cước 001089004321', 'individual', 'violation', ['Phạm Văn Hùng', 'số căn cước', '001089004321']),
    ('Bà Ngô Thị Hạnh ở số 12 ngõ 5 Lê Lợi, ai quen nhắn giúp', 'individual', 'violation', ['Ngô Thị Hạnh', 'ở số 12 ngõ 5 Lê Lợi']),
    ('Mark Evans, 0987 654 321, never pays rent', 'individual', 'violation', ['Mark Evans', '0987 654 321']),
    ('Đi ăn bún ở 12 Lê Lợi ngon lắm', 'individual', None, []),  # a street named after a person
    # issue 10: an ID number or a licence plate beside a named private person needs no label or sharing cue;
    # a plate with no one named (a car blocking a gate) stays ok
    ('Trần Thị Lan 079190001234 quỵt tiền họ', 'individual', 'violation', ['Trần Thị Lan', '079190001234']),
    ('Ông Nguyễn Văn Hùng đi xe biển 29A-888.99 hay đỗ trước cửa nhà tôi', 'individual', 'violation', ['Nguyễn Văn Hùng', '29A-888.99']),
    ('Xe ô tô biển 30G-567.89 đỗ chắn cổng ngõ từ sáng, chủ xe ra dời giúp nhé', 'individual', None, []),
    ('Theo Nghị định số 168, từ 1/1 vượt đèn đỏ sẽ bị phạt', 'individual', None, []),  # a document's number, no house
    # a helper named with their plate, to thank them, is no doxxing; thanks to the crowd do not excuse a number
    ('Anh Lê Văn Nam đi xe 30A-111.22 đã giúp tôi đẩy xe lúc ngập, ai biết anh ấy cho tôi cảm ơn', 'individual', 'ok', ['Anh Lê Văn Nam', '30A-111.22']),
    ('Cảm ơn mọi người đã share, đây là sđt của thằng lừa đảo Trần Văn Tí: 0912 345 678', 'individual', 'violation', ['sđt', 'của thằng', 'Trần Văn Tí', '0912 345 678']),
    ("My neighbour said the police will block the whole street tomorrow", 'individual', None, []),  # a street is no address
    # a tradesman or tutor recommended with the number they work by is a business contact; the same number given to
    # have them abused is not
    ('Cô Trần Thị Lan dạy kèm toán lớp 9 rất hay, số cô 0912 345 678', 'individual', 'ok', ['Trần Thị Lan', '0912 345 678']),
    ('Xe ôm anh Lê Văn Tám, sđt 0977 888 999, chở khách đi sân bay giá rẻ', 'individual', 'ok', ['Lê Văn Tám', '0977 888 999']),
    ('Thằng thợ điện Nguyễn Văn Hùng 0988 123 456 lừa tiền nhà mình, mọi người gọi chửi nó đi', 'individual', 'violation', ['Nguyễn Văn Hùng', '0988 123 456', 'mọi người gọi']),
]
# fmt: on


@pytest.mark.parametrize("text, role, verdict, evidence", CASES)
def test_personal_data(check, text, role, verdict, evidence):
    check(text, "personal_data", role, verdict, evidence)
