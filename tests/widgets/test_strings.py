"""The widgets' strings: every literal key exists in both catalogues, Vietnamese is composed and accented."""
import re
import unicodedata
from pathlib import Path

import conduct.widgets
from conduct.i18n import catalogue

SRC = Path(conduct.widgets.__file__).parent


def test_every_key_used_in_the_code_exists_in_both_languages():
    used = {k for p in SRC.glob("*.py") for k in re.findall(r"""\btr?\(\s*f?["'](widgets\.[a-z_.]+)["']""", p.read_text("utf-8"))}
    assert len(used) > 40
    for lang in ("vi", "en"):
        missing = used - set(catalogue(lang))
        assert not missing, f"{lang}: {sorted(missing)}"


def test_vietnamese_widget_strings_are_nfc_and_accented():
    vi = {k: v for k, v in catalogue("vi").items() if k.startswith("widgets.")}
    en = {k: v for k, v in catalogue("en").items() if k.startswith("widgets.")}
    assert vi.keys() == en.keys()
    assert all(unicodedata.is_normalized("NFC", v) for v in vi.values())
    words = {k: re.sub(r"\{[a-z_]+\}", "", v) for k, v in vi.items()}  # placeholders are not words
    unaccented = [k for k, v in words.items() if re.search(r"[a-z]{3}", v) and not re.search(r"[^\x00-\x7f]", v)
                  and k != "widgets.language.en"  # "English" is the language's own name
                  and not k.startswith("widgets.register.")]  # register names are data, not text

    assert unaccented == [], unaccented


def test_every_string_that_calls_the_learner_bạn_has_a_pupil_form():
    """School widgets say "em", as the school lessons do: any widget string addressing the learner as
    "bạn" needs an override for every other register the catalogue gives an audience."""
    vi = catalogue("vi")
    registers = {v for k, v in vi.items() if k.startswith("widgets.register.")} - {vi["widgets.register.adults"]}
    assert registers == {"pupil"}
    plain = {k: v for k, v in vi.items() if k.startswith("widgets.") and k.split(".")[1] not in registers | {"register"}}
    addressed = [k for k, v in plain.items() if re.search(r"\b[Bb]ạn\b", v)]
    assert len(addressed) > 10
    missing = [k for k in addressed for r in registers if k.replace("widgets.", f"widgets.{r}.", 1) not in vi]
    assert missing == []
    overrides = [k for k in vi if k.startswith("widgets.pupil.")]
    assert all(re.search(r"\b[Ee]m\b", vi[k]) for k in overrides), "a pupil form that does not say em"
