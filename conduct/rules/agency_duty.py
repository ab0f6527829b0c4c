"""Agency duty: a state agency's own account posting information inconsistent with what was
officially announced (Art. 6(3)), or shutting out comments on matters it is responsible for
instead of responding (Art. 6(4)). Applies to agencies only.

PASS: "Sở thông báo lịch tiếp dân, mời bà con phản ánh qua trang này."
FAIL: "Con số trên khác với thông cáo chính thức nhưng trang vẫn đăng theo nguồn tin riêng"
"""
ID = "agency_duty"
DATA = "rules/data/agency_duty.yaml"
