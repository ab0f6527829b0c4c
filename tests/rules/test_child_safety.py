"""Child safety (Art. 4(8); 7(4) for providers): a child's school and routine exposed, grooming,
unsupervised use, risky challenges; near-misses: safety advice, a story with no identifying detail."""
import pytest

# fmt: off
CASES = [
    # (text, role, verdict of the child_safety finding or None for no finding, evidence as typed)
    ('Bé Na nhà mình học trường Tiểu học Hoa Mai, 4h30 chiều nào cũng tự đi bộ về', 'individual', 'violation', ['Bé', 'học trường Tiểu học', 'chiều nào cũng']),
    ('đừng nói với bố mẹ nhé, bí mật của hai đứa mình', 'individual', 'violation', ['đừng nói với bố mẹ', 'bí mật của hai đứa mình']),
    ('Nhà mình cho bé 7 tuổi tự lập nick TikTok xem cả ngày', 'individual', 'caution', ['bé', 'tự lập nick', 'xem cả ngày']),
    ('Challenge mới: nhịn thở lâu nhất rồi quay clip', 'individual', 'violation', ['Challenge', 'nhịn thở']),
    ('Bé Na nhà mình học trường Tiểu học Hoa Mai, 4h30 chiều nào cũng tự đi bộ về', 'provider', 'violation', ['Bé', 'học trường Tiểu học', 'chiều nào cũng']),
    ('Hướng dẫn bố mẹ cài chế độ an toàn cho con trên YouTube', 'individual', None, []),
    ('Cô giáo vùng cao mỗi sáng lội suối đưa các em đến trường', 'individual', None, []),
    # issue 10, by class: a clip of a child being hurt passed on (a parent telling of it is not); children's
    # images in swimwear offered in a closed group; a dangerous challenge in new words; a child left unsupervised online
    ('Reposting the video of the 10-year-old girl crying after being bullied in class', 'individual', 'violation', ['Reposting', 'video', 'year-old', 'being bullied']),
    ("My son was bullied at school today, I'm talking to his teacher tomorrow", 'individual', None, []),
    ('Link nhóm kín chia sẻ ảnh các bé gái mặc đồ bơi, ai muốn vào thì nhắn riêng', 'individual', 'violation', ['Link nhóm', 'bé gái', 'mặc đồ bơi']),
    ('Ảnh bé nhà mình mặc đồ bơi đi biển Sầm Sơn, dễ thương ghê', 'individual', None, []),
    ('Kids, try the new fire challenge: spray deodorant on your arm and light it, post the video!', 'individual', 'violation', ['challenge', 'deodorant']),
    ('The game last night was on fire, the boy scored twice', 'individual', None, []),
    ('Gave my 7 year old my old phone with no restrictions, he watches whatever he wants', 'individual', 'caution', ['year old', 'no restrictions', 'whatever he wants']),
    ('Bé nhà mình mới lớp 2 mà tự tải game bắn súng về chơi cả đêm', 'individual', 'caution', ['Bé nhà mình', 'tự tải game', 'chơi cả đêm']),
    # secrecy from one parent; a clip of a child hurt by someone, passed on (vi); a child's school gate and pickup;
    # a child chatting with strangers unsupervised; what stays ok (a food contest, a family video call)
    ("Hey sweetie, how old are you? want to video call tonight? don't tell mom", 'individual', 'violation', ['how old are you', "don't tell mom"]),
    ('Đăng clip cháu bé bị bố dượng đánh, ai biết nhà nó ở đâu thì báo', 'individual', 'violation', ['Đăng', 'clip', 'cháu', 'dượng đánh']),
    ('Xem clip hướng dẫn bố mẹ dạy con không đánh bạn', 'individual', None, []),
    ('Our daughter Emma (6) is at Sunflower Kindergarten, pickup is 4:30 at the back gate', 'individual', 'violation', ['Our daughter', 'Kindergarten', 'pickup is']),
    ('Con trai tôi 13 tuổi tự lập Facebook, chat với người lạ, tôi cũng chẳng quan tâm', 'individual', 'caution', ['Con trai tôi', 'tự lập Facebook', 'chat với người lạ', 'chẳng quan tâm']),
    ('Chili cook-off challenge this weekend, kids welcome!', 'individual', None, []),
    ('Bé nhà mình hay gọi video cho bà nội suốt buổi tối', 'individual', None, []),
    # a school named by its kind or a class is a caution; a kind of school with no name names none
    ('Con gái mình học lớp 3B trường Tiểu học Đoàn Thị Điểm', 'individual', 'caution', ['Con gái mình', 'học lớp', 'trường Tiểu học']),
    ('Bé nhà mình học trường chuyên biệt, cô giáo rất tận tâm', 'individual', None, []),
    # an adult drawing a minor into private contact (grooming in any words); a teacher, a cousin stay ok
    ('Bé ơi, muốn có nhiều kim cương Free Fire không, nhắn riêng cho chú nhé', 'individual', 'violation', ['Bé ơi', 'nhắn riêng cho chú']),
    ("You're so mature for your age, can we keep chatting on Snapchat where your mom can't see?", 'individual', 'violation', ['for your age', 'keep chatting', 'Snapchat', 'where your mom']),
    ("Hey, I'm a modelling agent, send me photos in your swimsuit, you're 14 right?", 'individual', 'violation', ['send me photos', "you're 14"]),
    ('Các em lớp 5 có thắc mắc gì thì nhắn riêng cho cô trên nhóm lớp nhé', 'individual', None, []),
    ('Mẹ ơi con nhắn cho anh họ hỏi bài lớp mấy rồi nhé', 'individual', None, []),
    # a child's bus route and time
    ('My 8 year old takes bus 14 home by herself at 3:30', 'individual', 'violation', ['year old', 'takes bus', 'by herself']),
    # a clip of a child playing the piano, brushing teeth or crying at a puppy is no harm shown
    ('Đăng clip bé nhà mình tập đánh đàn piano, mọi người xem đi', 'individual', None, []),
    ('Mọi người xem clip bé đánh răng ngoan chưa này', 'individual', None, []),
    ('Watch this video of my kid crying when he saw the puppy, so cute', 'individual', None, []),
    ('clip be trai 4 tuoi bi co giao danh o truong mam non, share manh cho moi nguoi xem ro mat be', 'individual', 'violation', ['clip', 'be trai', 'co giao danh', 'share']),
    ('Gửi ảnh bé nhà mình đang tắm cho bà ngoại xem', 'individual', None, []),  # family, not a closed group
    ('Ảnh bé mặc đồ bơi mẫu mới, ai cần nhắn riêng shop nhé', 'individual', None, []),  # a shop's catalogue
]
# fmt: on


@pytest.mark.parametrize("text, role, verdict, evidence", CASES)
def test_child_safety(check, text, role, verdict, evidence):
    check(text, "child_safety", role, verdict, evidence)
