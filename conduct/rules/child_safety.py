"""Child safety: exposing a child's identity and whereabouts, or putting minors at risk
(Art. 4(8); Art. 7(4) for providers).

A child named with school, class, home or pick-up time is a caution; grooming phrases
("đừng nói với bố mẹ", "gửi ảnh cho anh") and sexual content about minors are violations.
"""

ID = "child_safety"
DATA = "rules/data/child_safety.yaml"
