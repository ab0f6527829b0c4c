"""Unverified source: hearsay passed on without an official, reliable source (Art. 4(4)).

Hearsay cues ("nghe nói", "nghe đồn", "share gấp", "chưa kiểm chứng", "I heard") give a caution.
Citing an official source lowers the score.

PASS: "Theo thông báo của Bộ Y tế hôm nay, lịch tiêm thay đổi."
FAIL: "Nghe nói mai cắt điện toàn thành phố, share gấp cho mọi người!"
"""
ID = "unverified_source"
DATA = "rules/data/unverified_source.yaml"
