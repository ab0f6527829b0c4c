"""Short Vietnamese social-media comments (issue 10, helper R3): crude words typed as they sound or
run together, bare insults aimed at no one in sight, and the innocent words they resemble."""

import pytest

# fmt: off
CRUDE_FORMS = [
    # (text, rule the finding rests on or None for no finding, verdict, evidence as typed)
    ('dek hiểu sao lại thua', 'vulgar', 'caution', ['dek hiểu']),  # đéo typed as it sounds
    ('đel cần biết, về ngủ', 'vulgar', 'caution', ['đel cần']),
    ('del hiểu nổi luôn á', 'vulgar', 'caution', ['del hiểu']),
    ('del bài đi ad, sai thông tin rồi', None, None, []),  # del: delete a post
    ('hay vailon luôn', 'vulgar', 'caution', ['vailon']),  # run together
    ('lol gì vậy trời, lag quá', 'vulgar', 'caution', ['lol gì']),
    ('haha lol, chuẩn luôn', None, None, []),  # the English laugh
    ('chơi cái lol mãi không lên rank', None, None, []),  # LoL, the game
    ('del có được không ad', None, None, []),
    ('thằng khỉ con nhà mình nghịch ghê', None, None, []),  # a fond name for a child
    ('đmcs mệt quá', 'vulgar', 'caution', ['đmcs']),
    ('thằng kia nói như lol', 'vulgar_insult', 'violation', ['như lol']),
    ('Bé nhà mình bị ỉa chảy 2 hôm, đi khám rồi', None, None, []),  # diarrhoea
    ('Anh ấy tính hơi lù đù nhưng tốt bụng', None, None, []),
]
# fmt: on


@pytest.mark.parametrize("text, rule, verdict, evidence", CRUDE_FORMS)
def test_crude_forms(check, text, rule, verdict, evidence):
    finding = check(text, "offensive", "individual", verdict, evidence)
    if rule is not None:
        assert (finding.rule, finding.clause) == (rule, "4(6)")


# fmt: off
BARE_INSULTS = [
    # insults said only of people, aimed at no one in sight: mind your words; at a person: a violation
    ('ngu hết chỗ nói', 'insult_untargeted', 'caution', ['ngu hết chỗ nói']),
    ('Bệnh thiểu năng tuần hoàn não uống thuốc gì', None, None, []),  # the medical sense
    ('Con mình bị thiểu năng trí tuệ nhẹ, có trường nào nhận không', None, None, []),
    ('Xóa bỏ sự ngu dốt bằng giáo dục', None, None, []),
    ('thiểu năng à', 'insult_strong', 'violation', ['thiểu năng à']),  # asked of the reader
    ('bớt sủa đi', 'insult_strong', 'violation', ['bớt sủa']),  # dog words told to a person
    ('ngậm mõm lại', 'insult_strong', 'violation', ['ngậm mõm lại']),
    ('thằng Bảo mõm to, hứa mà ko làm', 'insult_at_person', 'violation', ['thằng', 'mõm to']),
    ('thg tai xe nay dot nat', 'insult_near_person', 'violation', ['thg', 'tai xe', 'dot nat']),  # two words typed bare
    ('mình ngu thật, quên mang chìa khoá', None, None, []),  # self-deprecation
    ('ngu thật sự, sao mình lại quên', None, None, []),
    ('Trung tâm dạy trẻ thiểu năng cần thêm tình nguyện viên', None, None, []),
    ('Con chó nhà hàng xóm sủa suốt đêm', None, None, []),
    ('Nhớ đeo rọ mõm cho chó khi ra đường nha', None, None, []),
]
# fmt: on


@pytest.mark.parametrize("text, rule, verdict, evidence", BARE_INSULTS)
def test_bare_insults(check, text, rule, verdict, evidence):
    finding = check(text, "offensive", "individual", verdict, evidence)
    if rule is not None:
        assert (finding.rule, finding.clause) == (rule, "4(6)")


# fmt: off
GROUP_CONTEMPT = [
    # contempt for a region, an ethnic minority, a gender or the disabled, typed bare too: hate speech (4(5))
    ('dan mien tay luoi nhu hui', 'group_trait', 'violation', ['dan mien', 'luoi nhu hui']),
    ('người dân tộc thì học làm gì cho tốn cơm', 'group_trait', 'violation', ['người dân tộc', 'cho tốn cơm']),
    ('dân nghệ an toàn cãi cùn', 'group_trait', 'violation', ['dân', 'nghệ an', 'cãi cùn']),
    ('người tàn tật ra đường chỉ tổ vướng', 'group_trait', 'violation', ['người tàn tật', 'chỉ tổ vướng']),
    ('bọn 36 ăn trộm chó', 'slur', 'violation', ['bọn 36']),
    ('Nhà mình ở số 36 phố Hàng Bạc', None, None, []),
    ('Xe tải đỗ làm chật đường quá', None, None, []),
    ('Con gái nên học làm gì ra dễ xin việc hả mọi người', None, None, []),  # a career question
    ('Người miền Tây hiền lành, dễ mến', None, None, []),
]
# fmt: on


@pytest.mark.parametrize("text, rule, verdict, evidence", GROUP_CONTEMPT)
def test_group_contempt(check, text, rule, verdict, evidence):
    finding = check(text, "hate_speech", "individual", verdict, evidence)
    if rule is not None:
        assert (finding.rule, finding.clause) == (rule, "4(5)")


# fmt: off
TALKING_DOWN = [
    # contempt told to the person addressed; the same words of a child or of oneself stay ok
    ('m biết j mà nói', 'insult_strong', 'violation', ['m biết j mà']),
    ('mày là cái thá gì mà dạy đời', 'insult_at_person', 'violation', ['mày', 'là cái thá gì', 'dạy đời']),
    ('thằng kia ngu l', 'vulgar_insult', 'violation', ['thằng kia', 'ngu l']),
    ('ko biết nhục', 'insult_untargeted', 'caution', ['ko biết nhục']),
    ('Con bé biết gì mà nói, mới 3 tuổi thôi', None, None, []),
    ('Mình biết gì mà góp ý, chỉ hỏi thêm thôi', None, None, []),
    ('Tối nay xem bóng đá ở quán đầu ngõ nha', None, None, []),
]
# fmt: on


@pytest.mark.parametrize("text, rule, verdict, evidence", TALKING_DOWN)
def test_talking_down(check, text, rule, verdict, evidence):
    finding = check(text, "offensive", "individual", verdict, evidence)
    if rule is not None:
        assert (finding.rule, finding.clause) == (rule, "4(6)")


# fmt: off
ANIMAL_NAMES = [
    # a person called a farm animal with 'thằng' in front; the animals, and 'đồ' meaning things, stay ok
    ('thằng lợn, ăn xong không dọn', 'insult_strong', 'violation', ['thằng lợn']),
    ('Bác sĩ dặn hạn chế ăn đồ béo, đồ ngọt', None, None, []),  # đồ: things (fatty food, a mouse, roast pork)
    ('Bán đồ chuột máy tính, bàn phím giá rẻ', None, None, []),
    ('Đồ heo quay mua ở đâu ngon mọi người', None, None, []),
    ('thằng heo kia tránh ra', 'insult_strong', 'violation', ['thằng heo']),
    ('đồ lùn mà cũng bày đặt', 'insult_strong', 'violation', ['đồ lùn']),
    ('benh do heo lay sang nguoi rat nguy hiem', None, None, []),  # bare 'do heo': because of pigs
    ('Nhà bác Tư nuôi con heo mập quá trời', None, None, []),
    ('Dịch bệnh do chuột gây ra, mọi người vệ sinh nhà cửa nhé', None, None, []),
]
# fmt: on


@pytest.mark.parametrize("text, rule, verdict, evidence", ANIMAL_NAMES)
def test_animal_names(check, text, rule, verdict, evidence):
    finding = check(text, "offensive", "individual", verdict, evidence)
    if rule is not None:
        assert (finding.rule, finding.clause) == (rule, "4(6)")


def test_a_slur_for_westerners_is_hate_speech(check):
    check("thằng tây lông đó láo", "hate_speech", "individual", "violation", ["tây lông"])


# fmt: off
GROUP_NAMES = [
    # a group's plain name is no slur: only what is said of the group makes contempt
    ('Gái miền Tây hiền lắm, lấy vợ miền Tây là sướng', None, None, []),
    ('Mình là dân tỉnh lẻ lên Sài Gòn học đại học', None, None, []),
    ('Dân ngoại tỉnh về đây thuê trọ rất đông', None, None, []),
    ('Khu này nhiều dân ngụ cư từ miền Trung vào', None, None, []),
    ('gái miền tây toàn đào mỏ', 'group_trait', 'violation', ['gái miền', 'đào mỏ']),
    ('gai mien tay toan dao mo', 'group_trait', 'violation', ['gai mien tay', 'dao mo']),  # typed bare
    ('dân ngoại tỉnh toàn trộm cắp', 'group_trait', 'violation', ['dân', 'ngoại tỉnh', 'trộm cắp']),
    ('Thầy cô chấm bài dễ dãi quá', None, None, []),
    ('Người miền núi dễ dãi trong chuyện ăn uống', None, None, []),  # easygoing, no contempt
]
# fmt: on


@pytest.mark.parametrize("text, rule, verdict, evidence", GROUP_NAMES)
def test_group_names(check, text, rule, verdict, evidence):
    finding = check(text, "hate_speech", "individual", verdict, evidence)
    if rule is not None:
        assert (finding.rule, finding.clause) == (rule, "4(5)")


# fmt: off
BARE_LOOK_ALIKES = [
    # everyday phrases typed bare that read like crude ones: đâu mà (not đậu má), bộ máy (not bố mày)
    ('di dau ma ve tre vay', None, None, []),
    ('tien dau ma mua nha hoai', None, None, []),
    ('bo may hanh chinh cong kenh qua', None, None, []),
    ('tinh gon bo may la dung', None, None, []),
    ('Dau ma, mat dien nua roi', 'vulgar', 'caution', ['Dau ma']),  # the exclamation stays crude
]
# fmt: on


@pytest.mark.parametrize("text, rule, verdict, evidence", BARE_LOOK_ALIKES)
def test_bare_look_alikes(check, text, rule, verdict, evidence):
    finding = check(text, "offensive", "individual", verdict, evidence)
    if rule is not None:
        assert (finding.rule, finding.clause) == (rule, "4(6)")


# fmt: off
THREATS = [
    # a threat or wish of harm to someone (4(5)); being punished as a child is a memory, not a threat
    ('nói nữa tao tát vỡ mồm', 'violence', 'violation', ['tát vỡ mồm']),
    ('ra đây tao xử', 'violence', 'violation', ['ra đây tao xử']),
    ('thằng đó đáng bị ăn đòn', 'violence', 'violation', ['đáng bị ăn đòn']),
    ('Hồi nhỏ mình hay bị bố cho ăn đòn vì trốn học', None, None, []),
]
# fmt: on


@pytest.mark.parametrize("text, rule, verdict, evidence", THREATS)
def test_threats(check, text, rule, verdict, evidence):
    finding = check(text, "hate_speech", "individual", verdict, evidence)
    if rule is not None:
        assert (finding.rule, finding.clause) == (rule, "4(5)")


def test_the_middle_finger_is_a_crude_insult(check):
    check("ad 🖕", "offensive", "individual", "violation", ["ad", "🖕"])


# fmt: off
HEDGED_DOUBT = [
    # doubt about a claim, hedged ("hơi xạo", "có vẻ xạo", "xạo xạo"), is no insult; calling someone a liar is
    ('bài này nghe hơi xạo, bạn có link báo ko', None, None, []),
    ('tin này có vẻ xạo á bạn, đợi báo chính thống đi', None, None, []),
    ('bạn xạo vừa thôi', 'insult_at_person', 'violation', ['bạn', 'xạo']),
]
# fmt: on


@pytest.mark.parametrize("text, rule, verdict, evidence", HEDGED_DOUBT)
def test_hedged_doubt(check, text, rule, verdict, evidence):
    finding = check(text, "offensive", "individual", verdict, evidence)
    if rule is not None:
        assert (finding.rule, finding.clause) == (rule, "4(6)")


# fmt: off
ROLES = [
    # people known by a role in a game, a show or a match, insulted with a word of contempt beside the role
    ('đội trưởng gì mà hèn', 'offensive', 'insult_at_role', 'violation', ['đội trưởng', 'gì mà', 'hèn']),
    ('Giám khảo chấm hơi gắt nhưng công bằng', 'offensive', None, None, []),
    # "đạo" inside "tiền đạo" (a striker) or "đạo chích" (thieves) is no religion
    ('thằng tiền đạo hôm nay đá ngu', 'hate_speech', None, None, []),
    ('bọn đạo chích ăn cắp xe giữa ban ngày', 'hate_speech', None, None, []),
]
# fmt: on


@pytest.mark.parametrize("text, concern, rule, verdict, evidence", ROLES)
def test_roles(check, text, concern, rule, verdict, evidence):
    finding = check(text, concern, "individual", verdict, evidence)
    if rule is not None:
        assert (finding.rule, finding.clause) == (rule, "4(6)")


# fmt: off
MORE_NAMES = [
    # a faithless ex or a crude comparison is an insult; a song title is not
    ('con ny cũ t đúng là đồ bạc tình', 'offensive', 'insult_strong', 'violation', ['ny cũ', 'đồ bạc tình']),
    ('ông thầy dạy như shit', 'offensive', 'vulgar_insult', 'violation', ['như shit']),
    ('Bài hát Bạc tình hay quá, nghe hoài', 'offensive', None, None, []),
    ('con gái học cao làm gì', 'hate_speech', 'gender_role', 'violation', ['con gái', 'học cao làm gì']),
    ('thang coach ngu nhu lon', 'offensive', 'vulgar_insult', 'violation', ['thang', 'ngu nhu lon']),  # not 'ngủ như lợn'
]
# fmt: on


@pytest.mark.parametrize("text, concern, rule, verdict, evidence", MORE_NAMES)
def test_more_names(check, text, concern, rule, verdict, evidence):
    finding = check(text, concern, "individual", verdict, evidence)
    if rule is not None:
        assert finding.rule == rule


# fmt: off
SEXUAL_CRUDE = [
    # sexual crude words and propositions in a comment: crude (mind your words), a violation aimed at someone
    ('vếu khủng', 'vulgar', 'caution', ['vếu']),
    ('con bé này vếu to', 'vulgar_at_person', 'violation', ['con bé', 'vếu']),
    ('đi nhà nghỉ k em', 'vulgar', 'caution', ['đi nhà nghỉ k em']),
    ('Mẹ cho bé bú sữa mẹ hoàn toàn 6 tháng đầu', None, None, []),
    ('shop cho anh sờ thử chất vải được ko', None, None, []),
    ('Con ăn tốn cơm quá, lớn nhanh ghê', None, None, []),
    ('Cuối tuần xếp hình lego với con', None, None, []),
    ('Anh ấy phang cho con rắn một gậy', None, None, []),
]
# fmt: on


@pytest.mark.parametrize("text, rule, verdict, evidence", SEXUAL_CRUDE)
def test_sexual_crude(check, text, rule, verdict, evidence):
    finding = check(text, "offensive", "individual", verdict, evidence)
    if rule is not None:
        assert (finding.rule, finding.clause) == (rule, "4(6)")


# fmt: off
DISGUISED = [
    # crude words disguised by a wrong tone or a cut ('đỉ' for đĩ, 'óc c' for óc chó, 'vê lờ' for vl)
    ('đỉ mẹ mày', 'vulgar_insult', 'violation', ['đỉ mẹ']),
    ('óc c à', 'insult_strong', 'violation', ['óc c']),
    ('vê lờ, lại hết pin', 'vulgar', 'caution', ['vê lờ']),
]
# fmt: on


@pytest.mark.parametrize("text, rule, verdict, evidence", DISGUISED)
def test_disguised(check, text, rule, verdict, evidence):
    finding = check(text, "offensive", "individual", verdict, evidence)
    assert (finding.rule, finding.clause) == (rule, "4(6)")


# fmt: off
SCORN = [
    # scorn for a person ('nhìn phát ghét', 'vô tích sự', 'nghèo mà sĩ'); an idiom of stubbornness is no threat
    ('thằng đó nhìn phát ghét', 'offensive', 'insult_at_person', 'violation', ['thằng đó', 'nhìn phát ghét']),
    ('cái thằng vô tích sự', 'offensive', 'insult_at_person', 'violation', ['cái thằng', 'vô tích sự']),
    ('nghèo mà sĩ', 'offensive', 'insult_untargeted', 'caution', ['nghèo mà sĩ']),
    ('Mấy đứa nhỏ là ghét ăn rau lắm', 'offensive', None, None, []),
    ('Cái nết ngủ nướng đánh chết không chừa', 'hate_speech', None, None, []),
    ('Đánh chết cũng không tin là giá vàng lên nữa', 'hate_speech', None, None, []),
]
# fmt: on


@pytest.mark.parametrize("text, concern, rule, verdict, evidence", SCORN)
def test_scorn(check, text, concern, rule, verdict, evidence):
    finding = check(text, concern, "individual", verdict, evidence)
    if rule is not None:
        assert (finding.rule, finding.clause) == (rule, "4(6)")


# fmt: off
BARE_NGU = [
    # strong forms of 'ngu' aimed at no one: a caution ('đá ngu quá' judges a game: ok); typed bare 'ngu qua' may be
    # sleep ('ngủ qua đêm'); said of oneself: ok
    ('Trận này đội mình đá ngu quá, thua là đúng', None, None, []),
    ('thật ngu xuẩn', 'insult_untargeted', 'caution', ['ngu xuẩn']),
    ('hom qua ngu qua gio nen tre hoc', None, None, []),
    ('toi nay ngu qua dem o nha ban', None, None, []),
    ('Bé ngủ ghê, cả ngày không quấy', None, None, []),
    ('tui ngu xuẩn thật, lại quên mật khẩu', None, 'ok', ['ngu xuẩn']),
]
# fmt: on


@pytest.mark.parametrize("text, rule, verdict, evidence", BARE_NGU)
def test_bare_ngu(check, text, rule, verdict, evidence):
    finding = check(text, "offensive", "individual", verdict, evidence)
    if rule is not None:
        assert (finding.rule, finding.clause) == (rule, "4(6)")


# fmt: off
GROUP_SLURS = [
    # slur spellings, calling a sexual orientation a disease, gender roles in games and driving (4(5));
    # counter-speech that names the prejudice stays ok
    ('lu pede benh hoan', 'slur', 'violation', ['lu pede']),
    ('đồng tính là bệnh, phải chữa', 'slur', 'violation', ['đồng tính là bệnh']),
    ('bon nhat lun', 'slur', 'violation', ['bon nhat lun']),
    ('đàn bà không nên lái xe', 'gender_role', 'violation', ['đàn bà', 'không nên lái xe']),
    ('Nói đồng tính là bệnh là định kiến sai, WHO đã bỏ từ lâu', None, 'ok', ['đồng tính là bệnh']),  # a mention
    ('Đồng tính không phải là bệnh, đừng kỳ thị', None, None, []),
    ('Bé nhà mình toàn phá đồ chơi', None, None, []),
]
# fmt: on


@pytest.mark.parametrize("text, rule, verdict, evidence", GROUP_SLURS)
def test_group_slurs(check, text, rule, verdict, evidence):
    finding = check(text, "hate_speech", "individual", verdict, evidence)
    if rule is not None:
        assert (finding.rule, finding.clause) == (rule, "4(5)")


# fmt: off
SELF_AND_LUCK = [
    # words that are also about one's own feelings or luck stay ok aimed at no one
    ('Hôm nay hãm tài quá, ra đường là bể bánh xe', None, None, []),
    ('Thất nghiệp ở nhà thấy vô tích sự quá', None, None, []),
    ('cái thằng vô tích sự', 'insult_at_person', 'violation', ['cái thằng', 'vô tích sự']),
]
# fmt: on


@pytest.mark.parametrize("text, rule, verdict, evidence", SELF_AND_LUCK)
def test_self_and_luck(check, text, rule, verdict, evidence):
    check(text, "offensive", "individual", verdict, evidence)
