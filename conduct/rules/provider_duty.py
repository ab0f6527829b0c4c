"""Provider duty (Art. 7): social network providers with unclear terms or power over users'
accounts, content or data used at will (7(1)), no way to detect and remove unlawful content (7(2)),
removal notices ignored or put off (7(3)), children's safety left to their families (7(4)), or
user data collected, read or passed on without consent (7(5)). A right given to the user ("bạn có
thể xóa …") or consent lowers the score. Applies to providers only.
"""

ID = "provider_duty"
DATA = "rules/data/provider_duty.yaml"
