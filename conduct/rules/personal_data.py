"""Personal data: publishing another person's phone, ID number, address, bank account or private
images without consent (Art. 3(3); Art. 7(5) for providers).

The patterns find the data (Vietnamese mobile numbers in any spacing, 12-digit CCCD and 9-digit
CMND numbers next to their names, bank accounts next to a bank, e-mail addresses, house
addresses, private photos); a rule needs third-party framing nearby ("số điện thoại của nó",
"địa chỉ nhà con bé") to be a violation. One's own business contact ("hotline của shop")
lowers the score. The validators check digit counts and prefixes, which a regex states badly.
"""
from __future__ import annotations

import re

ID = "personal_data"
DATA = "rules/data/personal_data.yaml"

_DIGITS = re.compile(r"\d")
_MOBILE_PREFIXES = ("03", "05", "07", "08", "09")


def _digits(m: re.Match[str]) -> str:
    return "".join(_DIGITS.findall(m.group()))


def phone(m: re.Match[str], doc) -> bool:
    """A Vietnamese mobile number: 0 + 9 digits with a mobile prefix, or +84/84 + 9 digits."""
    d = _digits(m)
    if d.startswith("84") and len(d) == 11:
        d = "0" + d[2:]
    return len(d) == 10 and d.startswith(_MOBILE_PREFIXES)


def cccd(m: re.Match[str], doc) -> bool:
    """12-digit citizen ID: starts with a province code 001–096."""
    d = _digits(m)
    return len(d) == 12 and d[0] == "0" and 1 <= int(d[:3]) <= 96


def cmnd(m: re.Match[str], doc) -> bool:
    return len(_digits(m)) == 9


VALIDATORS = {"phone": phone, "cccd": cccd, "cmnd": cmnd}
