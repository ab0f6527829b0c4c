"""Patterns are searched in bounded time on long posts: a pattern that can only start with a number
is tried where numbers start, with the same matches as a scan of the whole post, and a rule's
supporting words can be required in the same sentence (the shape of an alarm shouted with "!!")."""
import itertools
import random
import re

import pytest

import conduct
from conduct.rules import loader
from conduct.rules.matching import MAX_MATCHES, Doc, number_led
from conduct.text import normalize


@pytest.mark.parametrize("pattern, led", [
    (r"\d{3}[\s.]?\d{3}", True),
    (r"(?:\+?84|0)(?:[\s.\-]?\d){8,10}(?![\w])", True),
    (r"\+?\d{1,3}?[\s.\-]?\(?\d{3}\)?", True),
    (r"(?=\d)\d+", True),
    (r"\d*x", False),            # may start with "x"
    (r"(?:so nha|nha so)\s*\d", False),
    (r"[0-9a-f]{6}", False),    # a range: not analysed, so scanned in full
    (r"(?i)\d+", False),
    (r"\d?", False),            # may match nothing
])
def test_which_patterns_are_tried_only_where_numbers_start(pattern, led):
    assert number_led(re.compile(pattern)) is led


def _every_start(doc: Doc, regex: re.Pattern[str]) -> list[tuple[int, int]]:
    """The definition: left to right, try the pattern at every position where a match may start
    (not inside a word or number), never overlapping, up to the bound."""
    folded = doc.norm.folded
    out: list[tuple[int, int]] = []
    end = 0
    for s in range(len(folded)):
        if s < end or s and (folded[s - 1].isalnum() and (folded[s].isalnum() or folded[s] in "+(")
                             or folded[s - 1] in "_+" and folded[s].isdigit()):
            continue
        m = regex.match(folded, s)
        if m:
            out.append(m.span())
            end = max(m.end(), s + 1)
    return out[:MAX_MATCHES]


PIECES = ["0912 345 678", "+84 912345678", "(028) 3822 1234", "x0912345678", "001203004567", "12.5", "a+84912345678",
          "so 12", "nha", " ", ", ", ".", "\n", "_0912345678", "0912.345.678.9", "19001234", "ngu"]


@pytest.mark.parametrize("seed", range(30))
def test_number_led_search_tries_every_place_a_match_may_start(seed):
    rnd = random.Random(seed)
    text = "".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 60)))
    doc = Doc(normalize(text, "vi"), "vi", loader.vocabulary())
    for concern in loader.registered():
        for rule in loader.compiled(concern.id).rules:
            if rule.pattern is not None and number_led(rule.pattern):
                got = [m.span() for m in doc._at_numbers(rule.pattern)]
                assert got == _every_start(doc, rule.pattern), (rule.name, text)


def test_number_led_search_stops_after_the_bound():
    doc = Doc(normalize("0912345678 " * (MAX_MATCHES + 50), "vi"), "vi", loader.vocabulary())
    assert len(doc._at_numbers(re.compile(r"0\d{9}"))) == MAX_MATCHES


def test_shouting_is_an_alarm_only_in_the_sentence_of_the_event():
    text = "KHẨN CẤP!!! " * 20_000 + "Tối nay có ca nhạc ngoài trời. Nghe nói cầu bị sập hồi năm ngoái."
    assert all(f.concern != "false_information" for f in conduct.assess(text).findings)
    flagged = conduct.assess("Cầu bị sập rồi!! " + "KHẨN CẤP!!! " * 20_000)
    (f,) = [f for f in flagged.findings if f.concern == "false_information"]
    assert f.verdict == "violation" and f.evidence[0][0] < 20  # found at the start, after bounded work


def test_many_matches_of_one_pattern_are_cut_at_the_bound():
    doc = Doc(normalize("a!! " * (MAX_MATCHES * 3), "vi"), "vi", loader.vocabulary())
    hits = doc.search(re.compile("!{2,}"), None)
    assert len(hits) == MAX_MATCHES and [h.term for h in itertools.islice(hits, 3)] == ["!!"] * 3
