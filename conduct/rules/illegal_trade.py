"""Illegal trade: advertising or trading illegal goods and services (Art. 4(6)).

Gambling, fake degrees and papers, drugs, illegal lending, selling personal data, accounts or
SIM cards, weapons and protected wildlife. Goods alone score low; together with a selling cue
("inbox", "liên hệ", "giá", "nhận làm", "DM") they are a violation. Scam warnings are lowered
by the mention frames.
"""

ID = "illegal_trade"
DATA = "rules/data/illegal_trade.yaml"
