"""Offensive: insults to a person's honour or dignity, vulgar or crude language (Art. 4(6)).

Strong insults and vulgar words count alone; weaker ones ("ngu", "stupid") only when aimed at
a person ("mày", "thằng", "con", "you") nearby, so "mình ngu toán quá" insults nobody.
Unaccented "buon ngu" (buồn ngủ, sleepy) is listed as an innocent phrase in common.yaml.
"""

ID = "offensive"
DATA = "rules/data/offensive.yaml"
