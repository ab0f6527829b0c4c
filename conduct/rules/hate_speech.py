"""Hate speech: words stirring hatred, inciting violence, or discriminating (Art. 4(5)).

Catches slurs for a region, gender, religion, ethnicity or sexual orientation; a group named
together with a sweeping negative trait ("dân X toàn bọn trộm cắp"); and calls to violence.
A teacher explaining why a slur hurts, or a report condemning it, lowers the score (mention
frames in common.yaml), so the post is not flagged.
"""

ID = "hate_speech"
DATA = "rules/data/hate_speech.yaml"
