"""Provider duty (providers only; Art. 7(1)-7(5)): user data without consent, ignoring removal notices."""
import pytest

# fmt: off
CASES = [
    # (text, role, verdict of the provider_duty finding or None for no finding, evidence as typed)
    ('Nền tảng sẽ chia sẻ dữ liệu người dùng cho đối tác quảng cáo mà không cần sự đồng ý', 'provider', 'violation', ['dữ liệu người dùng', 'đối tác quảng cáo']),
    ('we will not act on any removal notice, content stays up', 'provider', 'violation', ['will not act on any removal notice', 'content stays up']),
    ('Chúng tôi chỉ chia sẻ dữ liệu người dùng khi có sự đồng ý của họ', 'provider', None, []),
    ('Nền tảng sẽ chia sẻ dữ liệu người dùng cho đối tác quảng cáo mà không cần sự đồng ý', 'individual', None, []),
    ('Bảo vệ trẻ em là trách nhiệm của phụ huynh, nền tảng không can thiệp', 'provider', 'violation', ['Bảo vệ trẻ em', 'trách nhiệm của phụ huynh']),
    ('We may delete your account at any time for any reason', 'provider', 'violation', ['delete your account at any time for any reason']),
    # issue 10, by class: power over accounts used at will (7(1)), a user's own right stays ok; children's safety
    # left to families (7(4)); a removal request put off (7(3)); data taken for advertising (7(5))
    ('Chúng tôi có thể tạm khóa hoặc xóa tài khoản của bạn theo quyết định riêng mà không cần thông báo', 'provider', 'violation', ['tạm khóa', 'xóa tài khoản', 'theo quyết định riêng']),
    ("We can ban your account whenever we like, and we don't have to say why", 'provider', 'violation', ['ban your account', 'whenever we like']),
    ('You can delete your account at any time in Settings', 'provider', 'ok', ['delete your account at any time']),
    ('Keeping kids safe here is a job for families, we do not monitor accounts', 'provider', 'violation', ['kids', 'job for families']),
    ('Trẻ dưới 13 tuổi không được tạo tài khoản, tài khoản của trẻ mặc định ở chế độ riêng tư', 'provider', None, []),
    ('Yêu cầu gỡ bài của cơ quan chức năng sẽ được xem xét khi có thời gian', 'provider', 'violation', ['Yêu cầu gỡ bài', 'khi có thời gian']),
    ('Removal requests from the authorities are handled at our discretion, with no deadline', 'provider', 'violation', ['Removal requests', 'at our discretion']),
    ('We removed the content within 24 hours of the court order', 'provider', None, []),
    ('Ứng dụng tự động đọc danh bạ của bạn để phục vụ quảng cáo', 'provider', 'violation', ['danh bạ', 'phục vụ quảng cáo']),
    ('Chúng tôi được quyền sử dụng hình ảnh, video bạn đăng tải cho mục đích thương mại mà không phải trả phí hay xin phép', 'provider', 'violation', ['sử dụng hình ảnh', 'bạn đăng tải', 'mục đích thương mại', 'phải trả phí']),
    ('Chúng tôi chỉ sử dụng ảnh bạn đăng tải khi bạn cho phép, và bạn có thể rút lại bất cứ lúc nào', 'provider', 'ok', ['sử dụng ảnh', 'bạn đăng tải', 'bất cứ lúc nào']),
    ('Nền tảng không có nghĩa vụ xem xét các báo cáo vi phạm do người dùng gửi', 'provider', 'violation', ['không có nghĩa vụ xem xét']),
    ('We are under no obligation to review user reports', 'provider', 'violation', ['under no obligation to review']),
    ('Accounts may be removed without warning and no reason will be given', 'provider', 'violation', ['Accounts may be removed', 'without warning']),
    ('Posts that break our rules may be removed; we tell you why and you can appeal', 'provider', None, []),
    ('Nội dung bị cơ quan chức năng yêu cầu gỡ vẫn được giữ lại nếu không vi phạm chính sách của chúng tôi', 'provider', 'violation', ['yêu cầu gỡ', 'vẫn được giữ']),
    # data kept after deletion or passed abroad without notice; messages read; deletion on the user's request stays ok
    ('Chúng tôi có quyền lưu trữ dữ liệu của bạn vĩnh viễn, kể cả khi bạn đã xóa tài khoản', 'provider', 'violation', ['lưu trữ dữ liệu', 'kể cả khi bạn đã xóa tài khoản']),
    ('Dữ liệu cá nhân của bạn có thể được chuyển cho công ty mẹ ở nước ngoài mà không cần thông báo', 'provider', 'violation', ['Dữ liệu cá nhân', 'được chuyển cho']),
    ('We may read your private messages to improve our services', 'provider', 'violation', ['may read', 'private messages']),
    ('Chúng tôi lưu dữ liệu của bạn trong 30 ngày sau khi bạn xóa tài khoản, sau đó xóa vĩnh viễn', 'provider', None, []),
    ('Bn có thể xóa tài khoản bất cứ lúc nào trong phần Cài đặt', 'provider', 'ok', ['xóa tài khoản bất cứ lúc nào']),  # teencode bn = bạn
    ('You can erase your search history at any time from the privacy page', 'provider', 'ok', ['erase', 'at any time']),
    ('We may erase your content at any time without notice', 'provider', 'violation', ['erase', 'at any time', 'without notice']),
]
# fmt: on


@pytest.mark.parametrize("text, role, verdict, evidence", CASES)
def test_provider_duty(check, text, role, verdict, evidence):
    check(text, "provider_duty", role, verdict, evidence)
