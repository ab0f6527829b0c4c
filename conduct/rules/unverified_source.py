"""Unverified source: hearsay passed on without an official, reliable source (Art. 4(4)).

Hearsay cues ("nghe nói", "nghe đồn", "share gấp", "chưa kiểm chứng", "I heard") give a caution.
Citing an official source lowers the score.
"""

ID = "unverified_source"
DATA = "rules/data/unverified_source.yaml"
