"""Offensive (Art. 4(6)): insults aimed at someone, vulgar words, in every typed form;
near-misses: buồn ngủ typed bare, self-deprecation, walnuts (óc chó), quoting an insult to discourage it."""
import pytest

# fmt: off
CASES = [
    # (text, role, verdict of the offensive finding or None for no finding, evidence as typed)
    ('Con mụ bán rau đúng là đồ mất dạy, ngu như bò', 'individual', 'violation', ['Con mụ', 'đồ mất dạy', 'ngu như bò']),
    ('thằng kia n.g.u vl', 'individual', 'violation', ['thằng kia', 'n.g.u', 'vl']),
    ('thg kia n\u200bg\u200bu thật', 'individual', 'violation', ['thg kia', 'n\u200bg\u200bu']),
    ('m ngu vừa thôi', 'individual', 'violation', ['m', 'ngu']),
    ('dm thg kia', 'individual', 'violation', ['dm', 'thg kia']),
    ('You are such an idiot', 'individual', 'violation', ['You are', 'idiot']),
    ('shut the f*** up', 'individual', 'violation', ['shut the', 'f***']),
    ('this is fucking ridiculous', 'individual', 'caution', ['fucking']),  # profanity at no one: mind your words
    ('you fucking clown', 'individual', 'violation', ['you', 'fucking', 'clown']),  # and aimed at someone
    ('hqua thuc khuya xem bong da, gio buon ngu qua', 'individual', None, []),
    ('Mình ngu toán quá, ai giảng giúp với', 'individual', None, []),
    ('I felt so stupid after the exam', 'individual', None, []),
    ('Hạt óc chó rất tốt cho sức khỏe', 'individual', None, []),
    ('đừng chửi “đồ ngu” đồng đội nữa nha', 'individual', 'ok', ['đồ ngu']),
    ('hom nay di hien mau, 1 giot mau cho di', 'individual', None, []),
    # a bare syllable no longer silences an insult; negation; insults about a third person; word sense (issue 10)
    ('mat day, an com xong ko rua bat', 'individual', 'violation', ['mat day']),
    ('Mình không bao giờ gọi ai là thằng ngu', 'individual', 'ok', ['thằng ngu']),
    ('The new principal is a total moron', 'individual', 'violation', ['principal', 'is a total', 'moron']),
    ('UBND phường thu gom rác vào thứ Hai, bà con để rác đúng giờ', 'agency', None, []),
    # contempt is an insult whoever writes it: an official is graded like anyone else (issue 9)
    ('Phường làm vậy đấy, không vừa ý thì chuyển đi chỗ khác mà ở!', 'official', 'violation', ['chuyển đi chỗ khác mà ở']),
    ('Phường làm vậy đấy, không vừa ý thì chuyển đi chỗ khác mà ở!', 'individual', 'violation', ['chuyển đi chỗ khác mà ở']),
    ('lol my dog is such an idiot, he ran into the glass door again', 'individual', 'ok', ['is such an', 'idiot']),  # a pet
    ('my neighbour is such an idiot, he parks on my lawn', 'individual', 'violation', ['neighbour', 'is such an', 'idiot']),
    ('Bộ phim này đúng là rác, phí tiền vé', 'individual', None, []),  # a thing criticised, no person insulted
    ('Thằng hàng xóm đúng là vô dụng', 'individual', 'violation', ['Thằng', 'hàng xóm', 'vô dụng']),
    ('The results are garbage if the data is bad', 'individual', None, []),
    # Vietnamese social-media comments (issue 10). Crude words aimed at no one: a caution (mind your words);
    # aimed at a person, or an insult by themselves ("như cc"): a violation.
    ('vãi l, tắc đường từ sáng tới giờ', 'individual', 'caution', ['vãi l']),
    ('đéo hiểu sao mạng chậm thế', 'individual', 'caution', ['đéo hiểu']),
    ('clm hôm nay nóng kinh', 'individual', 'caution', ['clm']),
    ('Khốn nạn thật, mất ví rồi', 'individual', 'caution', ['Khốn nạn']),
    ('thằng shipper đéo biết đọc địa chỉ à', 'individual', 'violation', ['thằng', 'shipper', 'đéo biết']),
    ('Thằng cha đó khốn nạn thật', 'individual', 'violation', ['Thằng cha', 'khốn nạn']),
    ('app này như cc, bấm đâu lỗi đấy', 'individual', 'violation', ['như cc']),
    # bare forms that are also everyday words count only in their crude phrases (ml = millilitre, cl = chất lượng)
    ('Chai dầu gội 500 ml giá 90k', 'individual', None, []),
    ('hàng cl tốt, đóng gói cẩn thận', 'individual', None, []),
    ('Bán cc 2PN view hồ, giá tốt', 'individual', None, []),  # cc = chung cư
    # plain senses of words in the crude list: éo le, the founder of a craft, a mother's grave, a dead dog
    ('Hoàn cảnh gia đình em ấy thật éo le', 'individual', None, []),
    ('Ông tổ sư nghề may được thờ ở đình làng', 'individual', None, []),
    ('Thanh minh cả nhà về thăm mả mẹ', 'individual', None, []),
    ('Trên đường có xác chó chết, ai báo môi trường đô thị giúp', 'individual', None, []),
    ('tổ sư thằng nào lấy xe tao', 'individual', 'violation', ['tổ sư', 'thằng']),
    ('Ưu đãi đb cho khách hàng thân thiết', 'individual', None, []),  # đb = đặc biệt
    ('Cửa hàng vl xây dựng Minh Phát giao hàng tận nơi', 'individual', None, []),  # vl = vật liệu
    ('thằng đb kia láo thật', 'individual', 'violation', ['thằng đb', 'láo thật']),
    # insults at people known only by a role or a nickname
    ('con streamer đó mặt dày thật sự', 'individual', 'violation', ['con', 'streamer', 'mặt dày']),
    ('cô lễ tân nói năng hỗn hào với khách', 'individual', None, []),  # a role named plainly: criticism of conduct
    ('con lễ tân đó nói năng hỗn hào với khách', 'individual', 'violation', ['con', 'lễ tân', 'hỗn hào']),
    ('Cầu thủ đá dở quá, thua nhục nhã trên sân nhà', 'individual', None, []),
    ('Admin group này độc tài như chó', 'individual', 'violation', ['Admin', 'như chó']),
    ('lũ cẩu nô lại vào cắn càn', 'individual', 'violation', ['lũ cẩu nô', 'cắn càn']),
    ('nó không biết xấu hổ à', 'individual', 'violation', ['nó', 'không biết xấu hổ']),
    ('con hồ ly tinh cướp chồng người ta', 'individual', 'violation', ['con hồ ly tinh']),
    ('Truyện kể về một con hồ ly tinh nghìn năm tuổi', 'individual', 'ok', ['con hồ ly tinh']),  # a fox spirit in a tale
    ('thằng lưu manh kia', 'individual', 'violation', ['thằng', 'lưu manh']),
    ('thằng trọng tài hôm nay mù à, ngu như chó', 'individual', 'violation', ['thằng', 'trọng tài', 'mù à', 'ngu như chó']),
    ('Trọng tài hôm nay bắt sai mấy quả, mong VFF xem lại', 'individual', None, []),  # criticism, no insult
    ('Ông thầy dạy toán đúng là đồ thần kinh', 'individual', 'violation', ['Ông thầy', 'đồ thần kinh']),  # a job, no lesson
    ('Thầy dạy chúng em rằng gọi bạn là đồ thần kinh là xúc phạm', 'individual', 'ok', ['bạn', 'đồ thần kinh']),
    # body-shaming comparisons and contempt
    ('mặt như cái mâm còn đòi làm idol', 'individual', 'violation', ['mặt như cái mâm']),
    ('nghèo thì ở nhà, đòi đi ăn nhà hàng làm gì', 'individual', 'violation', ['nghèo thì ở nhà']),
    # "ngáo" typed bare is an insult next to a person; ngao the clam is not
    ('m ngao a', 'individual', 'violation', ['m', 'ngao a']),
    ('bon no ngao da', 'individual', 'violation', ['bon no', 'ngao da']),
    ('mua 2 kg ngao ve hap sa', 'individual', None, []),
    ('con ngao to qua', 'individual', None, []),
    ('lu lut ve, ca xom ngap', 'individual', None, []),
    # quoting to criticise; a linguistics class typed bare
    ('Thấy người ta chửi cô ấy là “đồ lẳng lơ” mà buồn', 'individual', 'ok', ['đồ lẳng lơ']),
    ('thay day mon ngon ngu hoc rat hay', 'individual', None, []),
    ('con đi học về rồi mẹ ơi', 'individual', None, []),
    # an insult quoted by a bystander or reported as news is a mention, whichever rule found it
    ('Thấy người ta chửi bác sĩ là “đồ vô học” mà buồn', 'individual', 'ok', ['bác sĩ', 'đồ vô học']),
    ('Báo đưa tin một người bị phạt vì chửi ca sĩ là “đồ rác rưởi”', 'individual', 'ok', ['ca sĩ', 'đồ rác rưởi']),
    ('Thằng kia chửi mình, đúng là đồ mất dạy', 'individual', 'violation', ['đồ mất dạy']),  # insulting back is no quote
    ('Nó nhắn cho mình là “đồ mất dạy”, mình đã báo cô', 'individual', 'ok', ['đồ mất dạy']),
    ('bác sĩ gì mà vô học thế', 'individual', 'violation', ['bác sĩ', 'gì mà', 'vô học']),
    # bare everyday words that spell a slur or an insult (đi chợ, ngủ chung) stay innocent
    ('di cho mua rau ve nau canh', 'individual', None, []),
    ('anh em minh ngu chung phong', 'individual', None, []),
    # commands to shut up, crude comparisons, "sủa" for a person's speech (a dog barking is no insult)
    ('câm mồm lại đi', 'individual', 'violation', ['câm mồm lại']),
    ('diễn viên gì mà diễn như hạch', 'individual', 'violation', ['như hạch']),
    ('thằng này sủa nhiều thế', 'individual', 'violation', ['thằng này sủa']),
    ('chó nhà hàng xóm nó sủa cả đêm', 'individual', None, []),
    ('con chó nhà mình sủa cả đêm', 'individual', None, []),
    # round 2: sleeping like the dead, a disability named in care, a negation, a job title, an ordinary "explain",
    # "tháng" (month) typed bare is no "thằng", bare Vietnamese with English loanwords is still Vietnamese
    ('thang em minh ngu nhu chet, goi mai ko day', 'individual', None, []),
    ('Trung tâm dạy kỹ năng cho trẻ thiểu năng cần tình nguyện viên', 'individual', None, []),
    ('Mình không nghĩ anh ấy ngu, chỉ là thiếu kinh nghiệm', 'individual', 'ok', ['anh', 'ngu']),
    ('nó không phải ngu, chỉ là chưa quen việc', 'individual', 'ok', ['nó', 'ngu']),
    ('mày ngu thế không phải vừa đâu', 'individual', 'violation', ['mày', 'ngu thế']),  # "không phải vừa" is no negation
    ('Bà hàng xóm ác như quỷ, đánh chó nhà người ta', 'individual', 'violation', ['Bà', 'ác như quỷ']),
    ('Admin page này lươn lẹo, xóa bình luận mà không thèm giải thích', 'individual', 'violation', ['Admin', 'lươn lẹo']),
    ('Ca thang tang ca, deo the tin duoc luong van the', 'individual', 'caution', ['deo the']),
    # taunts at the addressee, sycophancy slurs, Southern third-person forms; a thing called ugly is no one insulted
    ('mày mù à, đèn đỏ còn vượt', 'individual', 'violation', ['mù à']),
    ('câm mõm đi', 'individual', 'violation', ['câm mõm']),
    ('thằng này bú liếm sếp giỏi lắm', 'individual', 'violation', ['thằng này', 'bú liếm', 'sếp']),
    ('Cái áo này xấu như ma, shop giao sai màu', 'individual', None, []),
    ('Hắn hãm hại người khác để thăng chức, báo vừa đưa tin', 'individual', None, []),
    ('bả nấu chè ngon nhất chợ', 'individual', None, []),
    ('mày là con lợn à', 'individual', 'violation', ['mày là con', 'lợn']),
    ('Nhà mình nuôi con chó là con lai Nhật', 'individual', None, []),  # a pet's breed
    ('bạn ấy bị bệnh à? mong bạn sớm khỏe', 'individual', None, []),
    ('mả cha mày', 'individual', 'violation', ['mả cha mày']),
    ('thằng bóng đá giỏi nhất lớp', 'individual', None, []),
    # "ngu" with an intensifier is an insult by itself; "buồn ngủ" with the same intensifier typed bare is sleepy
    ('đã ngu còn tỏ ra nguy hiểm', 'individual', 'violation', ['đã ngu còn']),
    ('ngu thì im đi cho người khác nói', 'individual', 'violation', ['ngu thì im']),
    ('hqua thuc khuya gio buon ngu kinh khung', 'individual', None, []),
    # a disability used as a name for a person is an insult; the condition stated plainly is not
    ('Thằng què đó mà cũng đòi lái xe', 'individual', 'violation', ['Thằng què']),
    ('Chú hàng xóm bị què một chân', 'individual', None, []),
    ('Nước chấm mù tạt ăn với sushi ngon lắm', 'individual', None, []),
    ('chú rể thì lùn tịt, đúng là đũa mốc chòi mâm son', 'individual', 'violation', ['đũa mốc chòi mâm son']),
    ('Cả team thua sml mà vẫn cười', 'individual', None, []),  # sml: worn-out slang for "badly"
    # vl is also vật lý (physics) and lon a can, in their everyday phrases; a person insulted with a determiner, typed bare
    ('thầy dạy vl hay lắm', 'individual', None, []),
    ('cai lon bia nay dep, de danh trung bay', 'individual', None, []),
    ('thang xao, lua tien nguoi gia', 'individual', 'violation', ['thang xao']),
    ('Con mẹ bán hàng online này láo thật', 'individual', 'violation', ['Con mẹ', 'láo thật']),
    ('lũ bò lại ra sủa', 'individual', 'violation', ['lũ bò', 'lại ra sủa']),
    ('đàn bò nhà bác Ba ăn cỏ', 'individual', None, []),
    ('món óc heo hấp gừng bổ lắm', 'individual', None, []),  # a dish, not "pig-brained"
    # insults rarely said of anything but people, with no one in sight: a caution (the post answered is the target)
    ('vô học thật sự, nói chuyện không ra gì', 'individual', 'caution', ['vô học']),
    ('trơ trẽn hết chỗ nói', 'individual', 'caution', ['trơ trẽn']),
    ('Mình thấy bản thân hèn hạ quá, không dám nói thật', 'individual', 'ok', ['hèn hạ']),
    ('Ăn bám bố mẹ mãi cũng ngại, mình đang tìm việc làm thêm', 'individual', None, []),
    ('Truyện này nhân vật phản diện bỉ ổi quá, tác giả viết hay thật', 'individual', 'ok', ['bỉ ổi']),  # fiction
    ('Đừng coi người lao động nghèo là hạ đẳng, ai cũng đáng được tôn trọng', 'individual', 'ok', ['hạ đẳng']),
    ('Mình không muốn làm kẻ ăn hại nên đi làm thêm', 'individual', 'ok', ['ăn hại']),
    # regional curses (Southern mắc dịch, ba trợn, cà chớn; Northern ôn dịch, chết bầm); the epidemic itself is innocent
    ('Thằng mắc dịch nào đậu xe chắn cửa nhà tui vậy', 'individual', 'violation', ['Thằng mắc dịch']),
    ('Do chet bam, di nhau toi 2 gio sang moi ve', 'individual', 'violation', ['Do chet bam']),
    ('me chong no do ca chon, chua cuoi da doi so do', 'individual', 'violation', ['do ca chon']),
    ('Năm đó cả làng bị mắc dịch bệnh, may mà qua khỏi', 'individual', None, []),
    ('Con bác sĩ phòng khám đó chảnh như hoa hậu', 'individual', 'violation', ['Con', 'bác sĩ', 'chảnh như']),
    ('Thấy mấy bình luận chửi cô ấy là “đồ chảnh chó” mà thấy bất công', 'individual', 'ok', ['là “đồ', 'chảnh chó']),
    ('không biết thì câm mồm lại', 'individual', 'violation', ['không biết thì câm mồm lại']),
    ('mình ngu không thuốc chữa luôn á, quên chìa khóa lần 3 😅', 'individual', 'ok', ['ngu không thuốc chữa']),
    ('deo hieu sao stream up\u200bdate xong lag hon, ton 2 ti\u200beng tai lai', 'individual', 'caution', ['deo hieu']),
]
# fmt: on


@pytest.mark.parametrize("text, role, verdict, evidence", CASES)
def test_offensive(check, text, role, verdict, evidence):
    check(text, "offensive", role, verdict, evidence)


# Vietnamese news comments (issue 10): contempt and dehumanising words for the people in a story,
# insults to other commenters; sharp but lawful criticism, negation and innocent senses stay ok.
# fmt: off
NEWS_CASES = [
    # (text, rule the finding rests on or None for no finding, verdict, evidence as typed)
    ('Đám sâu mọt ở sở xây dựng lại ăn chia dự án', 'contempt_dehumanising', 'violation', ['Đám sâu mọt']),
    ('Lũ sâu mọt ấy đã bị khởi tố rồi', 'contempt_dehumanising', 'violation', ['Lũ sâu mọt']),  # a report excuses no contempt
    ('Bọn cán bộ vô cảm, dân kêu cứu cũng mặc', 'contempt_at_people', 'violation', ['Bọn', 'vô cảm']),
    ('Vị bộ trưởng đó thật hèn nhát, sai mà không dám nhận', 'insult_at_official', 'violation', ['bộ trưởng', 'hèn nhát']),
    ('Não để làm gì thế, bài viết ghi rõ ngày giờ rồi', 'insult_commenter', 'violation', ['Não để làm gì']),
    ('Trình độ như bạn thì hiểu gì về y học mà phán', 'insult_like_you', 'violation', ['Trình độ như bạn', 'thì hiểu gì']),
    ('Tôi không gọi ai là sâu mọt, chỉ đề nghị công khai quỹ', 'contempt_dehumanising', 'ok', ['sâu mọt']),  # negation
    ('Cái thứ cán bộ như vậy thì dân còn tin ai', 'contempt_kind', 'violation', ['Cái thứ', 'cán bộ']),
    ('Đọc hiểu có vấn đề thì đừng bình luận nữa', 'insult_commenter', 'violation', ['Đọc hiểu có vấn đề']),
    ('Có hai loại cán bộ: người làm thật và người làm cho có', None, None, []),  # a kind, not contempt
    ('Đáng đời, ai bảo ham rẻ', 'gloating', 'caution', ['Đáng đời']),  # mockery of a victim: mind your words
    ('Các quan nhà ta tài thật, đường vừa làm xong đã nứt', 'mockery', 'caution', ['Các quan nhà ta']),  # sarcasm
    ('Hạng người đó ra đường ai cũng tránh', 'contempt_label', 'violation', ['Hạng người đó']),
    ('Có nhiều loại người trong xã hội, mỗi người một hoàn cảnh', None, None, []),
    ('Bai xe thu phi qua cao, nguoi dan nen phan anh voi phuong', None, None, []),  # bare 'người dân', not 'đần'
    ('Thang 5 nay gia dien tang, dan than kho qua', None, None, []),  # bare 'tháng', not 'thằng'
    ('Ngu dan ven bien mat mua ca vi bao', None, None, []),  # bare 'ngư dân'
    ('Bọn đầu cơ đó đúng là sâu bọ của xã hội', 'vermin_named', 'violation', ['đúng là', 'sâu bọ']),
    ('Dân trí thấp như bạn thì tranh cãi làm chi', 'contempt_like_you', 'violation', ['Dân trí thấp', 'như bạn']),
    ('Lũ chuột phá hết lúa, bà con phải đặt bẫy', None, None, []),  # pests, not people
    ('Mình cũng nghĩ như bạn, chính sách này cần thêm thời gian', None, None, []),
    ('Bộ trưởng trả lời vòng vo, đề nghị Quốc hội chất vấn tiếp', None, None, []),  # lawful criticism
    ('Lãnh đạo huyện quá vô trách nhiệm, phải bị kỷ luật', None, None, []),
    ('Lũ về ngập cả xã, bà con cần gạo và nước sạch', None, None, []),  # lũ: a flood
    ('Bạn kia nói có lý, cần thêm số liệu để kiểm chứng', None, None, []),  # a commenter addressed politely
    # news words near an insult (a victim, the police) make no report of it; quotation marks or a speech verb do
    ('Thằng này đúng là súc vật, hại chết nạn nhân', None, 'violation', ['đúng là', 'súc vật']),
    ('Theo báo, đối tượng đã chửi nạn nhân là "đồ súc sinh" rồi bỏ đi', 'insult_strong', 'ok', ['đồ súc sinh']),
    ('Nam thanh niên bị phạt vì gọi hàng xóm là đồ súc vật', None, 'ok', ['súc vật']),
]
# fmt: on


@pytest.mark.parametrize("text, rule, verdict, evidence", NEWS_CASES)
def test_news_comments(check, text, rule, verdict, evidence):
    finding = check(text, "offensive", "individual", verdict, evidence)
    if rule is not None:
        assert (finding.rule, finding.clause) == (rule, "4(6)")
