"""Agency duty: a state agency's own account posting information inconsistent with what was
officially announced, posted before it was checked, reassurance against a finding the post itself
names, or the page used in the admin's private capacity (Art. 6(3)); or shutting out citizens'
questions instead of responding (Art. 6(4)). Spam kept off the page or answers promised lower the
score. Applies to agencies only.
"""

ID = "agency_duty"
DATA = "rules/data/agency_duty.yaml"
