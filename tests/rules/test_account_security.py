"""Account security (Art. 4(3); 6(2) for agencies): shared secrets, hijacked accounts left unreported;
near-misses: advice to report and change passwords."""
import pytest

# fmt: off
CASES = [
    # (text, role, verdict of the account_security finding or None for no finding, evidence as typed)
    ('Mật khẩu facebook của mình là abc123, ai rảnh vào like hộ', 'individual', 'caution', ['Mật khẩu facebook của mình là abc123']),
    ('my password is sunshine123 for all my accounts', 'individual', 'caution', ['password is sunshine123']),
    ('Cho mình xin mã OTP vừa gửi về máy bạn nhé', 'individual', 'caution', ['Cho mình xin', 'mã OTP']),
    ('Nick bị hack rồi, thôi kệ, lập nick mới', 'individual', 'caution', ['Nick bị hack', 'thôi kệ']),
    ('Trang của sở bị hack mấy hôm nay, cứ để đó', 'agency', 'violation', ['bị hack', 'mấy hôm nay']),
    ('Ai bị hack nick thì báo ngay cho Facebook và đổi mật khẩu nhé', 'individual', None, []),
    ('Tuyệt đối không gửi mã OTP cho ai, kể cả người nhà', 'individual', 'ok', ['gửi mã OTP']),
    # issue 10, by class: a code asked for in any words; a login given away; a password for every account or a
    # guessable one; a hijacked account left alone (an agency's: a violation of 6(2)); advice stays ok
    ('Can you send me the verification code that just came to your phone? I need it to log in', 'individual', 'caution', ['send me', 'verification code']),
    ('My Netflix login is lan.tran / Sunny_2020, enjoy', 'individual', 'caution', ['login is lan.tran']),
    ('The login is down again today, can\'t access anything', 'individual', None, []),
    ('my password for literally everything is my birthday lol', 'individual', 'caution', ['password', 'my birthday']),
    ('Nhà mình dùng chung một mật khẩu cho mọi tài khoản, ghi ngay trên tờ lịch', 'individual', 'caution', ['dùng chung một mật khẩu']),
    ('Zalo bị người lạ đăng nhập mấy hôm rồi, chả buồn xử lý', 'individual', 'caution', ['người lạ đăng nhập', 'chả buồn']),
    ('Somebody has been posting from my Instagram for days, whatever', 'individual', 'caution', ['posting from my', 'whatever']),
    ("Our ward page was taken over by hackers; we haven't told Facebook, just follow a new page", 'agency', 'violation', ['was taken over', "haven't told"]),
    ('Mã OTP là chìa khóa tài khoản, đừng đọc cho ai', 'individual', 'ok', ['Mã OTP', 'đọc cho']),
    ('Ai lỡ đọc mã OTP cho người lạ thì gọi ngay tổng đài ngân hàng', 'individual', 'ok', ['đọc mã OTP']),
    ("Don't use your birthday as a password, pick something long", 'individual', 'ok', ['birthday', 'password']),
    ('If a caller asks you to read out the code the bank texted you, hang up', 'individual', None, []),
    ('Our family shares one Netflix login, the password is on the fridge', 'individual', 'caution', ['login', 'password', 'on the fridge']),
    ('Ngân hàng gửi tin nhắn báo mã OTP, mình chưa đọc cho ai nhé', 'individual', 'ok', ['gửi', 'báo mã OTP']),
    # a password asked for or handed over in chat words; a home wi-fi password among friends guards no account
    ('yo whats ur insta pw, ill post 4 u while ur away', 'individual', 'caution', ['whats ur', 'pw']),
    ("What's your wifi password? I'm at your place", 'individual', 'ok', ["What's your", 'password']),
    ('ai cần acc netflix thì ib mình share pass cho, free nha', 'individual', 'caution', ['share pass']),
    ('cho t xin cai ma vua gui ve dt m voi, t dang nhap zalo tren may moi', 'individual', 'caution', ['cho t xin', 'cai ma vua gui']),
    ('Mình cho bạn thân giữ mật khẩu Facebook phòng khi mình quên', 'individual', 'caution', ['bạn thân giữ', 'mật khẩu']),
    ("Send me your login and I'll do your homework on the school portal", 'individual', 'caution', ['Send me your login']),
    ('my password is so long I keep forgetting it', 'individual', None, []),  # no password given away
    ('my password is hunter2 lol', 'individual', 'caution', ['password is hunter2']),
    # someone asked to log into one's account; a hacked account given up for a new one
    ('can someone log into my insta for me while im away?', 'individual', 'caution', ['log into my', 'for me']),
    ("Can you help me log into my account? I forgot my password, I'll call support", 'individual', None, []),
    ('Tài khoản game bị hack mất rồi, thôi chơi lại từ đầu cho nhanh', 'individual', 'caution', ['bị hack mất', 'chơi lại từ đầu']),
    ('my gmail got hacked last month but i never bothered to fix it', 'individual', 'caution', ['got hacked', 'never bothered']),
]
# fmt: on


@pytest.mark.parametrize("text, role, verdict, evidence", CASES)
def test_account_security(check, text, role, verdict, evidence):
    check(text, "account_security", role, verdict, evidence)
