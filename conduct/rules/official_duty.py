"""Official duty: cadres, civil servants and public employees posting internal or unreleased
information against their agency's rules (Art. 5(2)), or arguing publicly about matters in
their field instead of notifying the governing body (Art. 5(3)). Applies to officials only.
"""

ID = "official_duty"
DATA = "rules/data/official_duty.yaml"
