"""Normalisation: two matching views of a post and the map back to the text as typed."""
import unicodedata

import pytest

from conduct.text import detect, fold, normalize
from conduct.text.normalize import mark_key
from conduct.text.offsets import OffsetMap, compose

JOIN = frozenset({"ngu", "dm", "dan", "ba", "retard", "bitch", "cccd"})


def back(text: str, view_word: str, occurrence: int = 0) -> str:
    """The original text behind the `occurrence`-th `view_word` in the marked view."""
    n = normalize(text, "vi", JOIN)
    i = -1
    for _ in range(occurrence + 1):
        i = n.marked.index(view_word, i + 1)
    s, e = n.span(i, i + len(view_word))
    return text[s:e]


# fmt: off
@pytest.mark.parametrize("text, marked", [
    ("Thằng này NGU", "thằng này ngu"),
    (unicodedata.normalize("NFD", "Thằng này ngu"), "thằng này ngu"),
    ("n.g.u", "ngu"),
    ("n g u", "ngu"),
    ("n\u200bg\u200bu", "ngu"),
    ("nguuuuu", "ngu"),
    ("số cccd", "số cccd"),               # a known word with a tripled letter is left alone
    ("Đ.à.n b.à", "đàn bà"),
    ("such a r e t a r d", "such a retard"),
    ("ko dc j", "khong duoc gi"),         # a post typed bare stays bare, so bare phrases match across it
    ("Ko dc j đâu", "không được gì đâu"),
    ("a oi, sao vay a?", "anh oi, sao vay a?"),  # a clause-final "a" is the particle à/ạ, not "anh"
    ("a.b.c", "a.b.c"),                 # not a known word: left alone
    ("v.v. và", "v.v. và"),
    ("𝐧𝐠𝐮", "ngu"),                     # mathematical bold letters
    ("ｎｇｕ", "ngu"),                    # full-width letters
    ("this b1tch", "this bitch"),         # letters written as digits, when that spells a known word
    ("phòng 101 và 8h30", "phòng 101 và 8h30"),
    ("mấy con 🐒", "mấy con khỉ"),         # an animal emoji used as a word
    ("đ*o hiểu, n*g*u", "đ*o hiểu, ngu"),  # two letters around stars are a masked word; a star between each letter splits one
    ("thằng chóooo, đẹp quáaaa", "thằng chó, đẹp quá"),  # a marked vowel held by repeating its bare letter
    ("xoong nồi, quần soóc", "xoong nồi, quần soóc"),     # words spelt with a doubled vowel stay
    ("#LiberalsAreIdiots", "#liberals are idiots"),  # words run together in a hashtag, apart where the case changes
    ("#ThằngNàyNgu", "#thằng này ngu"),
    ("#MAGA #covid19 email#NotATag", "#maga #covid19 email#notatag"),  # one case, or not a hashtag: left alone
    ("mầy ngu thiệt", "mày ngu thiệt"),     # Southern "mầy" is "mày"
    ("thấy ngta chửi", "thấy người ta chửi"),
])
# fmt: on
def test_marked_view(text, marked):
    assert normalize(text, "vi", JOIN).marked == marked


def test_folded_view_has_same_length_and_no_marks():
    n = normalize("Đồng ý với mày, thằng ngủ gật", "vi", JOIN)
    assert n.folded == "dong y voi may, thang ngu gat"
    assert len(n.folded) == len(n.marked)


# fmt: off
@pytest.mark.parametrize("text, word, original", [
    ("thằng kia n.g.u vl", "ngu", "n.g.u"),
    ("n\u200bg\u200bu quá", "ngu", "n\u200bg\u200bu"),
    (unicodedata.normalize("NFD", "Ôi thằng ngu"), "ngu", "ngu"),
    (unicodedata.normalize("NFD", "Ôi thằng ngu"), "thằng", unicodedata.normalize("NFD", "thằng")),
    ("ko dc đâu", "được", "dc"),
    ("ko dc đâu", "đâu", "đâu"),
    ("\u200b\u200bxin chào", "xin", "xin"),
    ("nguuuuu thật", "thật", "thật"),
    ("😤 Đ.M thg kia 🤬", "thằng", "thg"),
    ("so proud #BestFriendEver ok", "ok", "ok"),   # after a hashtag made longer
    ("#BestFriendEver", "best", "BestFriendEver"),  # a word inside it points at the whole tag
])
# fmt: on
def test_offsets_point_into_the_original(text, word, original):
    assert back(text, word) == original


def test_offsets_valid_for_every_position():
    text = unicodedata.normalize("NFD", "Ko dc n.g.u\u200b đâu 😤 #BắcKỳ Bắc Kỳ")
    n = normalize(text, "vi", JOIN)
    for i in range(len(n.marked) + 1):
        for j in range(i, min(len(n.marked), i + 5) + 1):
            s, e = n.span(i, j)
            assert 0 <= s <= e <= len(text)


def test_fold_and_mark_key():
    assert fold("Đồng Ý") == "Dong Y"
    assert mark_key("hoà") == mark_key("hòa")      # old and new tone placement
    assert mark_key("ngu") != mark_key("ngủ")


def test_offset_map_replacements_and_deletions():
    m = OffsetMap()
    m.add(2, 4, 2, 7)   # old[2:7] became new[2:4]
    m.add(6, 6, 9, 10)  # old[9] deleted
    assert (m.start(0), m.end(2)) == (0, 2)
    assert (m.start(2), m.end(4)) == (2, 7)
    assert (m.start(3), m.end(3)) == (2, 7)   # inside a replacement: the whole source
    assert (m.start(5), m.end(6)) == (8, 9)
    assert m.start(6) == 10                   # after the deletion
    span = compose(m)
    assert span(2, 4) == (2, 7)


# fmt: off
@pytest.mark.parametrize("text, lang", [
    ("Hôm nay trời đẹp quá, cả nhà đi chơi", "vi"),
    ("hom nay troi dep qua, ca nha di choi nha", "vi"),
    ("ko bik j het tron a", "vi"),
    ("The weather is lovely today, let's go for a walk", "en"),
    ("you are such an idiot lol", "en"),
    (unicodedata.normalize("NFD", "Ạ:NGU:A"), "vi"),  # decomposed letters count as Vietnamese too
    ("mat day, an com xong ko rua bat", "vi"),  # "an" is English too: it counts for neither language
    ("ngu nhu bo, an hai lan roi van sai", "vi"),
    ("Asians can't drive, everyone knows that", "en"),
    ("Theo nguon tin rieng cua phuong, so ca sot cao gap doi con so So Y te cong bo", "vi"),
    ("Du, thua ngu vai, dan 2 ban ma de go hoa phut cuoi", "vi"),  # bare Vietnamese with an English-looking word
    ("deo hieu sao game up\u200bdate xong lag hon, ton 2 ti\u200beng tai lai", "vi"),  # loanwords, zero-width splits
    ("hong kong is nice in the spring", "en"),
    ("@U\u200bSER the sen\u200bator is a jo\u200bke", "en"),  # zero-width splits do not make "ke" a Vietnamese word
])
# fmt: on
def test_detect(text, lang):
    assert detect(text) == lang
