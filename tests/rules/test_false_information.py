"""False information (Art. 4(6)): claims asserted as certain truth, miracle cures;
near-misses: debunking, ordinary health talk."""
import pytest

# fmt: off
CASES = [
    # (text, role, verdict of the false_information finding or None for no finding, evidence as typed)
    ('100% sự thật: uống nước chanh chữa khỏi ung thư, báo chí giấu nhẹm!', 'individual', 'violation', ['100% sự thật', 'chữa khỏi ung thư', 'báo chí giấu nhẹm']),
    ('Chinh thuc r nha mn: tu thang sau se bi phat 5 trieu', 'individual', 'violation', ['Chinh thuc r', 'mn', 'tu thang sau', 'se bi phat']),
    ('CONFIRMED: all ride-hailing apps will be banned nationwide from Monday', 'individual', 'violation', ['CONFIRMED:', 'banned']),
    ('this miracle cure cures cancer in 3 days', 'individual', 'violation', ['miracle cure', 'cures cancer']),
    ("Tin 'nước chanh chữa khỏi ung thư' là tin giả, đừng chia sẻ", 'individual', 'ok', ['chữa khỏi ung thư']),
    ('The claim that 5G causes covid has been debunked', 'individual', 'ok', ['5G causes']),
    ('Hôm nay mình đi khám bệnh, bác sĩ dặn uống thuốc đều', 'individual', None, []),
    # an authority's sweeping decision claimed without a source; a disaster shouted; a source or a negation (issue 10)
    ('Thủ tướng vừa ra quyết định cấm bán hàng rong trên toàn quốc', 'individual', 'violation', ['Thủ tướng', 'vừa ra quyết định', 'cấm bán']),
    ('BÁO ĐỘNG!!! Vỡ đập thủy điện, nước lũ đang về', 'individual', 'violation', ['!!!', 'Vỡ đập']),
    ('BREAKING 🔥 the council just renamed the park!!!', 'individual', None, []),  # a shout, not a disaster
    ('Theo cổng thông tin của Bộ Y tế, dịch bùng phát ở 2 tỉnh, bộ đã công bố', 'individual', 'ok', ['Bộ Y tế', 'dịch bùng phát', 'đã công bố']),
    ('No, garlic does not cure cancer', 'individual', 'ok', ['cure cancer']),
    ('Hôm nay vui quá!!!', 'individual', None, []),
    ('Năm 2010 cầu cũ bị sập. Hôm nay khánh thành cầu mới, vui quá!!!', 'individual', None, []),  # another sentence
    ('Cứu với!!! Cầu Long Biên bị sập rồi', 'individual', 'violation', ['!!!', 'bị sập']),
    ('Sở Giáo dục quyết định cho học sinh toàn tỉnh nghỉ học, đóng cửa toàn bộ trường học từ mai', 'agency', None, []),  # its own decision
    # a duty laid on everyone from a date, with no source; an authority that "settled" a measure for a whole group
    ('Từ tháng sau mọi người dùng điện thoại phải nộp phí 100 nghìn mỗi năm', 'individual', 'violation', ['Từ tháng sau', 'mọi người', 'phải nộp']),
    ('Bộ Tài chính vừa chốt: toàn bộ công chức bị trừ lương 5% từ tháng 10', 'individual', 'violation', ['Bộ Tài chính', 'vừa chốt', 'toàn bộ công chức', 'bị trừ']),
    ('Mình thấy mức phí gửi xe máy từ tháng sau tăng hơi cao', 'individual', None, []),  # an opinion on a fee
    # an alarm headed "cảnh báo"/"warning" is not excused as a warning; a scam named as such or a source is
    ('BÁO ĐỘNG!!! Nhà máy hóa chất phát nổ, hàng trăm người nhập viện!!!', 'individual', 'violation', ['!!!', 'nhập viện!!!']),
    ('Cảnh báo khẩn: ăn cua với quả hồng sẽ gây ngộ độc chết người', 'individual', 'violation', ['Cảnh báo khẩn', 'chết người']),
    ('WARNING!!! The gas plant exploded, the air is toxic!!!', 'individual', 'violation', ['!!!', 'exploded', '!!!']),
    ('Tin nhắn “KHẨN!!! Tài khoản sẽ bị khóa từ mai” là lừa đảo, đừng bấm link', 'individual', 'ok', ['KHẨN', 'bị khóa', 'từ mai']),
    ('Nổ lớn ở cảng!!! Theo VnExpress, đám cháy đã được khống chế', 'individual', 'ok', ['Nổ lớn', '!!!']),
    # a cure claim in any words (cure verb beside a disease), even vouched for by a relative; a negation
    ('Ginger juice kills the flu virus in one night', 'individual', 'violation', ['kills the flu']),
    ('Bà ngoại mình bảo nước lá ổi chữa khỏi tiểu đường, cứ uống là hết', 'individual', 'violation', ['chữa khỏi tiểu đường', 'là hết']),
    ('Ginger does not cure the flu, see a doctor if it gets worse', 'individual', 'ok', ['cure', 'the flu']),
    # a decree claimed with no number; a run on a bank started by a rumour; a decree cited by its number stays ok
    ('Từ 1/1 năm sau người đi bộ sang đường sai luật sẽ bị phạt 2 triệu, mới có nghị định', 'individual', 'violation', ['sẽ bị phạt', 'mới có nghị định']),
    ('Ngân hàng ABC sắp phá sản, rút tiền ngay kẻo mất trắng', 'individual', 'violation', ['sắp phá sản', 'rút tiền']),
    ('Theo Nghị định số 168, từ 1/1 vượt đèn đỏ sẽ bị phạt đến 20 triệu', 'individual', None, []),
    ('Công ty mình sắp phá sản rồi, buồn ghê', 'individual', None, []),
    # one's own recovery is no cure sold; a fee or a rule from a named manager is sourced; a road closed for a race is news
    ('Mình đã khỏi hẳn cúm sau 5 ngày nghỉ ngơi, cảm ơn mọi người hỏi thăm', 'individual', 'ok', ['khỏi hẳn', 'cúm']),
    ('From next month our gym will charge a 50k fee for towels, the manager told us', 'individual', None, []),
    ('Chung cư mình vừa lắp camera, ban quản lý bảo từ tháng sau ai vứt rác bừa sẽ bị phạt', 'individual', 'ok', ['từ tháng sau', 'sẽ bị phạt']),
    ('The police confirmed that the road will be closed all weekend for the marathon', 'individual', None, []),
    ('CONFIRMED: all schools closed tomorrow because of the storm, share!', 'individual', 'violation', ['CONFIRMED:', 'all schools']),
    ('con minh van chua khoi cum, sot 3 ngay roi', 'individual', None, []),  # chưa khỏi typed bare, not chữa khỏi
    # a claim quoted to be debunked (it's false, bác sĩ khẳng định không có cơ sở); a doubt waved away is no debunk
    ('Someone posted "the dam has collapsed, evacuate now!!!" but the province says it\'s false', 'individual', 'ok', ['collapsed', '!!!']),
    ('Nhiều người chia sẻ “uống nước gừng khỏi hẳn ung thư”, bác sĩ khẳng định không có cơ sở', 'individual', 'ok', ['khỏi hẳn', 'ung thư']),
    ('Uống nước gừng khỏi hẳn ung thư, không có cơ sở nào để nghi ngờ cả', 'individual', 'violation', ['khỏi hẳn', 'ung thư']),
    ("The education ministry just decided that students won't have summer holidays this year", 'individual', 'violation', ['ministry', 'just decided', "students won't"]),
    ('The Prime Minister has signed an order banning all private cars from the city centre starting Monday', 'individual', 'violation', ['Prime Minister', 'has signed an order', 'banning all']),
    # an opinion on a decision already made is discussion
    ('Tôi ủng hộ quyết định cấm xe máy vào phố cổ cuối tuần của thành phố', 'individual', 'ok', ['quyết định', 'cấm xe máy', 'thành phố']),
    # alarms headed urgent:/khẩn cấp with no "!!!"; accounts to be frozen with a call to withdraw; absolute prevention;
    # a harmful-technology claim; what stays ok (a drill, a lost cat, a hedged health fact with its source)
    ('URGENT: a gas leak at the chemical plant, the whole district must evacuate now', 'individual', 'violation', ['URGENT:', 'gas leak']),
    ('Khẩn cấp: nhà máy nước bị nhiễm hóa chất, cả quận không được dùng nước', 'individual', 'violation', ['Khẩn cấp', 'nhiễm hóa chất']),
    ('The central bank will freeze all personal accounts over 1 billion next week, withdraw your money now', 'individual', 'violation', ['will freeze all', 'withdraw']),
    ('Eating raw garlic on an empty stomach prevents all cancers, proven by science', 'individual', 'violation', ['prevents all', 'cancers', 'proven by science']),
    ('5G towers cause headaches and cancer, they installed one near our school!', 'individual', 'violation', ['5G towers cause']),
    ('The new 5G towers improved coverage in our area', 'individual', None, []),
    ("The fire drill today: everyone must evacuate the building at 10am, it's only practice", 'individual', None, []),
    ('Urgent: our cat is missing near Le Loi street, please share', 'individual', None, []),
    ('Regular exercise helps prevent some cancers, according to the WHO', 'individual', None, []),
    # a duty to pay is news for everyone only when laid on everyone; one's own bills are one's own news
    ('Từ tháng sau con mình phải đóng tiền ăn bán trú 800 nghìn', 'individual', None, []),
    ('Chính thức đậu đại học rồi, phải nộp học phí trước ngày 15', 'individual', None, []),
    ('From next month I must pay more rent, ugh', 'individual', None, []),
    ('Starting next month every household must pay a 100k monthly fee for the new street cameras', 'individual', 'violation', ['Starting next month', 'every household', 'must pay']),
    # one's own or one's shop's news is no announcement for the public; a ban on all shops is
    ('Từ mai mình nghỉ học 1 tuần để đi viện với mẹ', 'individual', 'ok', ['Từ mai', 'nghỉ học']),
    ('Từ mai shop đóng cửa nghỉ Tết, hẹn gặp lại', 'individual', 'ok', ['Từ mai', 'đóng cửa']),
    ("It's official, I'm moving to Da Nang! Free dinner for whoever helps me pack", 'individual', 'ok', ["It's official", 'Free']),
    ('Chính thức: từ tháng sau tất cả cửa hàng tạp hóa bị cấm bán thuốc lá', 'individual', 'violation', ['Chính thức', 'từ tháng sau', 'bị cấm']),
    # an authority's decision in more words (Sở đã quyết, vừa có lệnh, toàn miền Bắc); a chronic illness gone after
    # a remedy, treatment dropped; money promised to every citizen; a child over the flu stays ok
    ('Mai toàn bộ trường học ở TP.HCM nghỉ vì bão, Sở đã quyết', 'individual', 'violation', ['toàn bộ trường học', 'đã quyết']),
    ('Vừa có lệnh phong tỏa quận 1 từ 0h đêm nay, ai ở đó về ngay đi', 'individual', 'violation', ['Vừa có lệnh', 'phong tỏa']),
    ('EVN thông báo cắt điện toàn miền Bắc 3 ngày để bảo trì, tích nước đi mọi người', 'individual', 'violation', ['EVN', 'thông báo', 'toàn miền Bắc']),
    ('Ăn tỏi sống mỗi ngày không bao giờ bị ung thư, đã kiểm chứng', 'individual', 'violation', ['không bao giờ bị', 'ung thư']),
    ('Thuốc nam này uống 1 tháng là hết tiểu đường, bỏ insulin được luôn', 'individual', 'violation', ['là hết', 'tiểu đường', 'bỏ insulin']),
    ('The government will give every citizen 10 million dong next month, register at this link', 'individual', 'violation', ['will give every', 'next month']),
    ('Con mình uống thuốc 3 ngày là hết cúm rồi, cảm ơn bác sĩ', 'individual', None, []),
    ('Từ hồi tập thể dục đều, mình không bao giờ bị cảm cúm nữa', 'individual', None, []),
]
# fmt: on


@pytest.mark.parametrize("text, role, verdict, evidence", CASES)
def test_false_information(check, text, role, verdict, evidence):
    check(text, "false_information", role, verdict, evidence)
