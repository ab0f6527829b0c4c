"""Account security: passwords or OTP codes shared, hijacked or impersonated accounts not
reported (Art. 4(3); Art. 6(2) for an agency's own accounts). Usually a caution.

Advice to report, change the password or turn on two-factor authentication lowers the score.

PASS: "Ai bị hack nick thì báo ngay cho Facebook và đổi mật khẩu nhé."
FAIL: "Mật khẩu facebook của mình là abc123, ai rảnh vào like hộ"
"""
ID = "account_security"
DATA = "rules/data/account_security.yaml"
