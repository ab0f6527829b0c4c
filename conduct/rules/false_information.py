"""False information: fabricated or false news asserted as fact (Art. 4(6)).

Catches assertions that a claim is certain truth being hidden ("100% sự thật", "báo chí giấu"),
miracle cures, and well-known false-claim frames. A post that warns the claim is false, or
reports it in order to debunk it, is lowered by the mention frames.
"""

ID = "false_information"
DATA = "rules/data/false_information.yaml"
