"""Provider duty (Art. 7): social network providers with unclear terms (7(1)), no way to detect and
remove unlawful content (7(2)), ignoring lawful removal notices (7(3)), no protection for
vulnerable users and children (7(4)), or collecting and selling user data without consent
(7(5)). Applies to providers only.
"""

ID = "provider_duty"
DATA = "rules/data/provider_duty.yaml"
