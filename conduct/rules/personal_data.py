"""Personal data: publishing another person's phone, ID number, address, bank account or private
images without consent (Art. 3(3); Art. 7(5) for providers).

The patterns find the data (Vietnamese mobile numbers in any spacing, 12-digit CCCD and 9-digit
CMND numbers next to their names, bank accounts next to a bank, e-mail addresses, house
addresses, private photos). As in Presidio's recognizers, a match counts when its context says
whose data it is: third-party framing nearby ("số điện thoại của nó"), an ID number next to its
label ("số căn cước"), or a named private person next to a phone number or a home address
(`phone_of_person`, `address_of_person`), with no sharing cue needed. One's own or a business
contact ("hotline của shop") lowers the score. An ID number or a licence plate beside a named person
(`id_of_person`, `plate_of_person`) counts the same way. The validators check digit counts, prefixes and
the capitalised names in the text as typed, which a regex over the folded text states badly; a
validator may return the spans it relied on (the person's name), which join the evidence.
"""

from __future__ import annotations

import re
import unicodedata

from conduct.text.normalize import fold

ID = "personal_data"
DATA = "rules/data/personal_data.yaml"

_DIGITS = re.compile(r"\d")
_MOBILE_PREFIXES = ("03", "05", "07", "08", "09")
# Common Vietnamese family names (folded). Names that also open place names (Hà, Cao, Thái, Lâm…)
# are left out, so "Hà Nội" or "Cao Bằng" is never taken for a person.
_SURNAMES = frozenset(
    fold(s).lower()
    for s in (
        "Nguyễn",
        "Trần",
        "Lê",
        "Phạm",
        "Hoàng",
        "Huỳnh",
        "Phan",
        "Vũ",
        "Võ",
        "Đặng",
        "Bùi",
        "Đỗ",
        "Hồ",
        "Ngô",
        "Dương",
        "Lý",
        "Đinh",
        "Trương",
        "Đào",
        "Đoàn",
        "Trịnh",
        "Lưu",
        "Lương",
        "Phùng",
        "Tạ",
        "Tô",
        "Quách",
        "Châu",
        "Triệu",
        "Kiều",
        "Mạc",
        "Diệp",
        "Doãn",
        "Khúc",
        "Vương",
        "Tăng",
        "Lại",
    )
)
# Capitalised words that are not names (sentence openers, streets, days, months, titles of places).
_NOT_NAMES = frozenset(
    w.lower()
    for w in (
        "The",
        "This",
        "That",
        "These",
        "Those",
        "Our",
        "My",
        "Your",
        "His",
        "Her",
        "Their",
        "Here",
        "There",
        "Hi",
        "Hello",
        "Dear",
        "Happy",
        "Thanks",
        "Thank",
        "Please",
        "Call",
        "Text",
        "Phone",
        "Posting",
        "Found",
        "Shop",
        "Store",
        "Street",
        "St",
        "Road",
        "Rd",
        "Avenue",
        "Ave",
        "Lane",
        "Drive",
        "Boulevard",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        # Vietnamese sentence openers typed without diacritics ("Theo Nghị định số 168" names no one)
        "Theo",
        "Hotline",
        "Zalo",
        "Facebook",
        "Instagram",
        "Ward",
        "District",
        "City",
        "Province",
        "School",
        "Primary",
        "Hospital",
        "Bank",
        "Park",
        "Lake",
        "West",
        "East",
        "North",
        "South",
        "New",
        "Old",
        "Ho",
        "Chi",
        "Minh",
        "Ha",
        "Noi",
        # businesses and their contact points ("Contact Support", "Lien He", "Cua Hang")
        "Contact",
        "Support",
        "Customer",
        "Service",
        "Services",
        "Team",
        "Sales",
        "Office",
        "Center",
        "Centre",
        "Company",
        "Ltd",
        "Inc",
        "Restaurant",
        "Cafe",
        "Coffee",
        "Hotel",
        "Clinic",
        "Pharmacy",
        "Delivery",
        "Booking",
        "Order",
        "Orders",
        "Info",
        "Help",
        "Desk",
        "Admin",
        "Manager",
        "Tel",
        "Mobile",
        "Viber",
        "WhatsApp",
        "Telegram",
        "Email",
        "Lien",
        "He",
        "Dat",
        "Hang",
        "Cong",
        "Ty",
        "Cua",
        "Tong",
        "Dai",
        "Quan",
        "Nha",
        "Khach",
        "San",
        "Tiem",
        "Spa",
        "Salon",
    )
)
_WORDS = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f])*")  # decomposed (NFD) letters stay in their word
_STREET_BEFORE = re.compile(r"(?:\d+[\w/]*\s*|duong|pho|ngo|hem|kiet|street|st|road)\s*$")
_NEAR = 80  # characters around the data where the person's name is looked for


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


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper() or len(word) == 1 and word.isupper()


def names_near(doc, start: int, end: int, exclude: tuple[int, int] | None = None) -> list[tuple[int, int]]:
    """Personal names written within _NEAR characters of the folded span start..end, as typed:
    a Vietnamese family name followed by one to three capitalised words ("Trần Văn Bình"), or two
    capitalised words that are not sentence openers, streets or dates ("John Miller"). Returned as
    spans of the text as typed, so they can be shown as evidence."""
    s, e = doc.norm.span(start, end)
    lo, hi = max(0, s - _NEAR), min(len(doc.norm.original), e + _NEAR)
    window = doc.norm.original[lo:hi]
    words = [(w.group(), w.start()) for w in _WORDS.finditer(window)]
    found = []
    i = 0
    while i < len(words):
        w, pos = words[i]
        run = 1
        while (
            i + run < len(words)
            and run < 4
            and _capitalised(words[i + run][0])
            and window[words[i + run - 1][1] + len(words[i + run - 1][0]) : words[i + run][1]].strip() == ""
        ):
            run += 1
        parts = [x for x, _ in words[i : i + run]]
        if (
            _capitalised(w)
            and run >= 2
            and not _STREET_BEFORE.search(fold(window[max(0, pos - 12) : pos]).lower())
            and (exclude is None or not (exclude[0] <= lo + pos < exclude[1]))
            and (
                fold(unicodedata.normalize("NFC", parts[0])).lower() in _SURNAMES
                or parts[0].isascii()
                and not any(p.lower() in _NOT_NAMES for p in parts[:2])
            )
        ):
            last, last_pos = words[i + run - 1]
            found.append((lo + pos, lo + last_pos + len(last)))
            i += run
        else:  # "Bà Ngô Thị Hạnh": the name may start at the next word
            i += 1
    return found


def phone_of_person(m: re.Match[str], doc) -> list[tuple[int, int]]:
    """A mobile number with a named person beside it: whose number it is needs no sharing cue.
    The names found are returned as evidence (spans as typed); none means no match."""
    return names_near(doc, m.start(), m.end()) if phone(m, doc) else []


def address_of_person(m: re.Match[str], doc) -> list[tuple[int, int]]:
    """A house address with a named person beside it (street names inside the address do not count)."""
    return names_near(doc, m.start(), m.end(), exclude=doc.norm.span(m.start(), m.end()))


def cccd_of_person(m: re.Match[str], doc) -> list[tuple[int, int]]:
    """A citizen ID number with a named person beside it: no label or sharing cue is needed."""
    return names_near(doc, m.start(), m.end()) if cccd(m, doc) else []


def plate_of_person(m: re.Match[str], doc) -> list[tuple[int, int]]:
    """A licence plate ("30K-456.78") with a named person beside it: it tells where that person can be
    found. A plate alone ("xe biển … đỗ chắn cổng, chủ xe ra dời giúp") names no one."""
    return names_near(doc, m.start(), m.end())


VALIDATORS = {
    "phone": phone,
    "cccd": cccd,
    "cmnd": cmnd,
    "phone_of_person": phone_of_person,
    "address_of_person": address_of_person,
    "cccd_of_person": cccd_of_person,
    "plate_of_person": plate_of_person,
}
