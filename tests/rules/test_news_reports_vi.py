"""Vietnamese comments under news of crimes, accidents and court cases (issue 10, helper R1): a killing
reported in the active voice ("nghi phạm đâm chết vợ"), a suicide, a child hurt in a story that names no
one, goods of unknown origin are no hate speech, exposure or hearsay; the same acts called for or wished
on someone ("phải đánh chết", "thiến nó đi", "tự tử đi cho rồi") still cite 4(5)."""
import pytest

import conduct

# fmt: off
REPORTS = [
    # (text, concern that must not flag it)
    ('Nghi phạm đâm chết vợ rồi bỏ trốn, công an đang truy bắt', 'hate_speech'),
    ('Cảnh sát đã bắn chết đối tượng sau khi hắn chống trả', 'hate_speech'),
    ('Người cha say rượu đánh chết con trai 5 tuổi', 'hate_speech'),
    ('Gã thanh niên chém chết hàng xóm vì tranh chấp lối đi', 'hate_speech'),
    ('nghi pham dam chet vo roi bo tron', 'hate_speech'),
    ('Dam chet nguoi vi tranh gianh cho do xe, nong nay qua', 'hate_speech'),
    ('Ông ấy treo cổ tự tử trong nhà kho sau khi vỡ nợ', 'hate_speech'),
    ('Ca si treo co tu tu tai can ho rieng', 'hate_speech'),
    ('Cu ba treo co tu tu vi no nan, con chau that ngo', 'hate_speech'),
    ('Cảnh sát buộc phải bắn chết kẻ cầm súng', 'hate_speech'),
    ('Bé trai bị đánh chết ở nhà người tình của mẹ, thương cháu quá', 'child_safety'),
    ('Cháu học sinh lớp 5 bị bạn đánh phải nhập viện, nhà trường cần làm rõ', 'child_safety'),
    ('Đừng ai uống rượu không rõ nguồn gốc nhé', 'unverified_source'),
    ('Tien thu hoi phai nop ngan sach, do moi la dieu dan can', 'hate_speech'),
    ('Xe khach lat xuong deo lam 3 nguoi bi thuong', 'offensive'),
    ('Bắt được ổ nhóm buôn bán ma túy ở biên giới, mong tòa trừng trị nghiêm', 'illegal_trade'),
    ('May vu mua ban tre so sinh the nay that kinh khung, mong cong an lam ro', 'illegal_trade'),
    ('Clip học sinh bị đánh lan truyền khiến phụ huynh bức xúc, nhà trường đã vào cuộc', 'child_safety'),
    ('Dịch tả lợn châu Phi bùng phát, hàng nghìn con lợn phải tiêu hủy', 'hate_speech'),
    ('Nha hang xom nuoi cho du, ca xom khong dam cho con ra ngo', 'hate_speech'),
    ('Bọn trẻ bây giờ mê điện thoại quá', 'offensive'),
    ('Bat bon lua dao qua mang di, dan kho lam roi', 'offensive'),
    ('Hang chuc con lon chet troi, dan mat trang', 'hate_speech'),
    ('Cậu bé bị chó nhà hàng xóm cắn nát mặt, chủ chó phải bồi thường', 'offensive'),
    ('Nam sinh bị bạn đâm tử vong ngay trước cổng trường', 'false_information'),
    ('Cô gái nghĩ quẩn vì bị tung ảnh nóng, mong công an bắt kẻ tung ảnh', 'personal_data'),
    ('Nạn nhân bị quay lén trong phòng thay đồ đã trình báo', 'personal_data'),
    ('Thằng bé 9 tuổi đuối nước khi tắm sông, mùa hè năm nào cũng có', 'child_safety'),
    ('Thầy giáo bị bắt vì xâm hại học sinh, quá sốc', 'false_information'),
    ('Bị sốc phản vệ sau khi tiêm, bé đã tử vong', 'false_information'),
    ('Lai xe con do nen gay tai nan, phai phat that nang', 'hate_speech'),
    ('phan ung gay gat cua du luan la de hieu', 'hate_speech'),
    ('Con trai tôi cũng học lớp 6, đọc tin mà sợ', 'child_safety'),
    ('Mong các em học sinh trường tiểu học Quang Trung sớm ổn định sau vụ cháy', 'child_safety'),
    ('Tiếc là không cứu được cháu bé', 'hate_speech'),
    ('Kẻ ấu dâm phải bị trừng trị thật nặng theo pháp luật', 'child_safety'),
    ('Vu au dam o truong tieu hoc lam phu huynh hoang mang', 'child_safety'),
    ('Thử thách nín thở trên mạng làm nhiều trẻ nhập viện, phụ huynh chú ý', 'child_safety'),
    ('Nhiều trẻ bị ngộ độc sau khi ăn kẹo không rõ nguồn gốc trước cổng trường', 'unverified_source'),
    ('Con toi bi ho sot 3 ngay, bac si bao do virus', 'illegal_trade'),
    ('Ong ay vo vet bao nhieu tien cua dan, phai tra lai het', 'illegal_trade'),
    ('Nguoi dung dau phai chiu trach nhiem, khong the do cho cap duoi', 'offensive'),
    ('Bị cáo thừa nhận nhận hối lộ 5 tỷ, xin giảm nhẹ', 'personal_data'),
    ('Can bo nhu vay la thieu nang luc, nen thay nguoi khac', 'offensive'),
    ('Con minh bi tay chan mieng, bac si dan cach ly 10 ngay', 'offensive'),
    ('Nha may ro ri khi doc, dan quanh do phai so tan', 'offensive'),
    ('bi cao khai bi ep phai giet nguoi, can dieu tra them', 'hate_speech'),
    ('Xu ban cong khai la chuyen thoi xua roi, gio khong con nua', 'hate_speech'),
    ('Thời phong kiến, tội phản nghịch bị chém đầu thị chúng', 'hate_speech'),
    ('Cảnh sát đã bắn hạ đối tượng ngay lập tức', 'hate_speech'),
    ('Bắt người ta quỳ thị chúng giữa chợ là phản cảm', 'hate_speech'),
    ('Nhà máy rò rỉ khí độc, dân quanh đó phải sơ tán', 'false_information'),
    ('Anh ấy chết trong lúc làm nhiệm vụ, vĩnh biệt anh', 'hate_speech'),
]
CALLS = [
    # (text, rule the hate_speech finding rests on, evidence as typed)
    ('Thằng đâm chết vợ đó phải đánh chết nó đi', 'deadly_act_urged', ['đâm chết', 'phải đánh chết', 'nó đi']),
    ('Loại mẹ mìn đó nên thiêu sống', 'deadly_act_called', ['nên thiêu sống']),
    ('Bắt được thằng hiếp dâm đó thì thiến nó đi', 'violence_act_urged', ['thiến', 'nó đi']),
    ('Loại đó treo cổ tự tử đi cho rồi', 'violence_call', ['tự tử đi']),
    ('Tài xế đó đáng bị tông chết như nạn nhân', 'violence_call', ['đáng bị tông chết']),
    ('Mấy con nghiện này nên cho chết hết', 'violence_call', ['nên cho chết hết']),
    ('Bọn cho vay nặng lãi đó phải bị đánh lại, chờ pháp luật làm gì', 'violence_call', ['phải bị đánh lại']),
    ('Đánh chết thằng tài xế đó đi', 'deadly_act_urged', ['Đánh chết', 'đó đi']),
    ('Mấy con mụ gây tai nạn đó đáng bị đập', 'violence_call', ['đáng bị đập']),
    ('Thằng giáo viên đồi bại đó nên bị thiến', 'violence_call', ['nên bị thiến']),
    ('Bắt được là chặt tay cho chừa', 'violence_act_urged', ['chặt tay', 'cho chừa']),
    ('Xử lý gì nữa, cứ xích nó lại mà đánh', 'violence_call', ['lại mà đánh']),
    ('Tiếc là nó không chết luôn', 'violence_call', ['Tiếc là nó không chết']),
    ('Nghe tin thằng đó chết mà hả hê', 'violence_call', ['chết mà hả hê']),
    ('Ước gì đám cháy thiêu rụi cả lũ', 'violence_call', ['thiêu rụi cả lũ']),
    ('Bọn bắt cóc trẻ em đó đáng bị mổ sống', 'violence_call', ['đáng bị mổ sống']),
    ('giet me no di cho roi', 'violence_call', ['giet me no']),
    ('Mấy thằng cướp này ném xuống sông cho cá ăn', 'violence_call', ['ném xuống sông cho']),
    ('Loại này phải đem ra thị chúng', 'violence_call', ['đem ra thị chúng']),
]
# fmt: on


@pytest.mark.parametrize("text, concern", REPORTS)
def test_a_report_in_the_commenters_words_is_no_finding(text, concern):
    result = conduct.assess(text)
    assert result.verdict == "ok", result.to_dict()
    assert all(f.verdict == "ok" for f in result.findings if f.concern == concern)


@pytest.mark.parametrize("text, rule, evidence", CALLS)
def test_a_call_or_wish_for_a_killing_cites_4_5(check, text, rule, evidence):
    finding = check(text, "hate_speech", "individual", "violation", evidence)
    # equal scores: the finding may rest on the bare act found at the same place, unlowered
    assert finding.rule in (rule, "deadly_act") and finding.clause == "4(5)" and finding.frames == ()


def test_a_reported_killing_is_lowered_by_the_report_and_says_so():
    (finding,) = [f for f in conduct.assess("Hung thủ đâm chết 3 người trong đêm").findings
                  if f.concern == "hate_speech"]
    assert (finding.rule, finding.verdict) == ("deadly_act", "ok")
    assert finding.frames == ("news_report",) and finding.context == ("Hung thủ",)


def test_a_hurt_child_named_with_a_school_is_still_exposed(check):
    check("Bé Na học lớp 2A bị bạo hành, trường tiểu học Hoa Sen mà không ai báo", "child_safety", "individual",
          "violation", ["Bé", "học lớp", "bị bạo hành"])


def test_drugs_offered_for_sale_are_still_illegal_trade(check):
    check("Có hàng đá, kẹo bay giá rẻ, ib zalo ship tận nơi", "illegal_trade", "individual", "violation",
          ["hàng đá", "kẹo bay", "giá rẻ"])


def test_a_clip_of_a_hurt_child_passed_on_by_the_author_still_counts(check):
    check("Share clip bé lớp 4 bị bạn đánh, mọi người xem đi", "child_safety", "individual", "violation",
          ["Share", "clip", "bé", "bị bạn đánh"])


def test_kids_called_bon_tre_are_no_target_but_an_insult_beside_them_still_counts(check):
    check("Bọn trẻ trâu đua xe đêm qua lại gây tai nạn", "offensive", "individual", "violation", ["Bọn trẻ trâu"])
    check("Bọn nhà giàu này não rỗng", "offensive", "individual", "violation", ["Bọn", "não rỗng"])


def test_leaked_images_passed_on_beside_a_victim_still_count(check):
    check("Con bé bị lộ clip đây, link full ở dưới", "personal_data", "individual", "violation", ["link full"])
    check("tung ảnh nóng con bồ cũ cho cả làng xem", "personal_data", "individual", "violation", ["tung ảnh nóng"])


def test_a_shocking_headline_claim_is_still_one(check):
    check("TIN SỐC: từ tháng sau cấm xe máy toàn quốc", "false_information", "individual", "violation",
          ["TIN SỐC", "từ tháng sau", "cấm"])


def test_a_slur_or_gender_role_typed_bare_beside_gay_still_counts(check):
    check("dan ba lai xe toan gay tai nan", "hate_speech", "individual", "violation", ["dan ba", "gay tai nan"])


def test_thu_and_loai_typed_bare_point_at_a_person_in_a_phrase(check):
    check("Con me do bao hanh con ruot, dung la thu khon nan", "offensive", "individual", "violation",
          ["dung la thu", "khon nan"])
    check("bai hat nay la thu minh thich nhat", "offensive", "individual", None, [])


def test_a_challenge_urged_on_children_and_a_pass_guaranteed_for_sale_still_count(check):
    check("Bọn trẻ con chơi thử thách nín thở đi, ai thua phải chuyển khoản", "child_safety", "individual",
          "violation", ["thử thách nín thở"])
    check("Nhận làm bằng, bao đỗ 100%, ib zalo", "illegal_trade", "individual", "violation",
          ["Nhận làm bằng", "bao đỗ"])


def test_bullets_for_sale_and_a_persons_plot_number_still_count(check):
    check("Bọn bán đạn ib zalo", "illegal_trade", "individual", "violation", ["bán đạn"])
    check("Nhà nó ở lô 12 khu tái định cư, ai muốn tìm thì đến", "personal_data", "individual", "violation",
          ["Nhà nó", "lô 12 khu tái định cư"])


def test_short_bare_vietnamese_with_no_for_no_is_read_as_vietnamese(check):
    check("tui no la lu ky sinh trung", "offensive", "individual", "violation", ["la lu ky sinh trung"])
    assert conduct.assess("no la do cho").lang == "vi"
    assert conduct.assess("no thanks").lang == "en"


def test_a_public_execution_called_for_typed_bare_cites_4_5(check):
    check("thang sat nhan do nen bi xu ban cong khai", "hate_speech", "individual", "violation",
          ["nen bi xu ban"])


def test_thieu_nang_alone_typed_bare_still_insults_an_official(check):
    check("Can bo nhu vay la thieu nang", "offensive", "individual", "violation", ["Can bo", "thieu nang"])


def test_cu_typed_bare_before_a_call_still_counts(check):
    check("bat duoc thang do thi cu treo co len", "hate_speech", "individual", "violation", ["treo co len"])


def test_an_urgent_gas_leak_alarm_is_still_a_claim(check):
    check("Khẩn cấp: rò rỉ khí độc ở khu công nghiệp, sơ tán ngay", "false_information", "individual", "violation",
          ["Khẩn cấp", "sơ tán"])



# A report and a call in one comment: the report's words lower the killing reported, never the call.
@pytest.mark.parametrize("text, evidence", [
    ("Nghi phạm đâm chết vợ, loại này phải bị đánh chết", ["phải bị đánh chết"]),
    ("Hắn đã giết chết cả nhà người ta, nên bị băm vằm", ["nên bị băm vằm"]),
    ("Doi tuong chem chet ban nhau, cho no treo co luon", ["chem chet", "cho no", "treo co"]),
    ("Nguoi cha danh chet con, mong han chet trong tu", ["chet", "mong han", "chet"]),
])
def test_a_call_beside_a_report_still_cites_4_5(check, text, evidence):
    check(text, "hate_speech", "individual", "violation", evidence)
