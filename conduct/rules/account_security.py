"""Account security: passwords or OTP codes shared or asked for, passwords kept in sight or used for
every account, hijacked or impersonated accounts left unreported (Art. 4(3); Art. 6(2) for an
agency's own accounts). Usually a caution.

A value must look like a password ("mã OTP là chìa khóa" gives none away). Advice to report,
change the password or turn on two-factor authentication, a warning about a scam, or a home wi-fi
password among friends lowers the score.
"""

ID = "account_security"
DATA = "rules/data/account_security.yaml"
