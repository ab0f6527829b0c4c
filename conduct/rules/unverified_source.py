"""Unverified source: hearsay passed on without an official, reliable source (Art. 4(4)).

Hearsay cues ("nghe nói", "nghe đồn", "chưa biết thật hay không", "I heard") give a caution. A
plea to share is no hearsay by itself (a water cut passed on is a notice); pressed with hearsay or
with an alarm ("share gấp: có kẻ bắt cóc trẻ em") it is. Citing an official source, a debunk, small
talk about the reader or praise of a film or a dish lowers the score.
"""

ID = "unverified_source"
DATA = "rules/data/unverified_source.yaml"
