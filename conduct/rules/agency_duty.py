"""Agency duty: a state agency's own account posting information inconsistent with what was
officially announced (Art. 6(3)), or shutting out comments on matters it is responsible for
instead of responding (Art. 6(4)). Applies to agencies only.
"""

ID = "agency_duty"
DATA = "rules/data/agency_duty.yaml"
