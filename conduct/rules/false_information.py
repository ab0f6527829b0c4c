"""False information: fabricated or false news asserted as fact (Art. 4(6)).

Catches assertions that a claim is certain truth being hidden ("100% sự thật", "báo chí giấu"),
miracle cures and cure verbs beside a disease, a named authority said to have decided something
sweeping with no source, a duty to pay laid on everyone from a date ("từ tháng sau mọi người phải
nộp phí"), alarms about a disaster shouted or headed "khẩn"/"urgent", and runs on a bank. The
claim must be news for the public: one's own news ("từ mai mình nghỉ học"), one's own recovery, an
opinion on a decision already made or a named local source lower it, and so do a debunk, a scam
named as such, a cited source or a negation. "Cảnh báo" heads alarms as often as warnings, so the
warning frame alone does not excuse an alarm.
"""

ID = "false_information"
DATA = "rules/data/false_information.yaml"
