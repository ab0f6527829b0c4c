"""Positive content: promoting the country, its people and culture, good deeds and kind words,
useful information passed on from its official source and abuse reported (Art. 4(7),
encouraged). Always `ok`; a finding says which encouraged content was recognised.

PASS (finding): "Tự hào về áo dài Việt Nam, cùng lan tỏa nét đẹp văn hóa quê hương!"
"""

ID = "positive"
DATA = "rules/data/positive.yaml"
