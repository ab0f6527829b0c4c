"""Child safety: exposing a child's identity and whereabouts, or putting minors at risk
(Art. 4(8); Art. 7(4) for providers).

A child's school named is a caution, with a schedule or a bus route a violation; grooming (secrecy
from parents, photos asked for, an adult drawing a minor into private contact), children's images
passed around closed groups, a clip of a child being hurt passed on, dangerous challenges and
sexual content about minors are violations; a young child left online with no limits is a caution.
Protective advice lowers the score.
"""

ID = "child_safety"
DATA = "rules/data/child_safety.yaml"
