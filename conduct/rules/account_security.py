"""Account security: passwords or OTP codes shared, hijacked or impersonated accounts not
reported (Art. 4(3); Art. 6(2) for an agency's own accounts). Usually a caution.

Advice to report, change the password or turn on two-factor authentication lowers the score.
"""

ID = "account_security"
DATA = "rules/data/account_security.yaml"
