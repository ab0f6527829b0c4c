"""Broken data stops at load time with a message naming the file, the key and the fix."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

from conduct import datafiles
from conduct.code import load_code
from conduct.code.load import CODE_FILE, LAWS_FILE, build_debate
from conduct.datafiles import DataError

FIXTURES = Path(__file__).parent / "fixtures"


def test_a_small_valid_code_loads_from_a_path():
    code = load_code(FIXTURES / "mini_code.yaml", FIXTURES / "mini_laws.yaml")
    assert [c.id for c in code.clauses] == ["1(1)", "2(1)"]
    assert code.clauses[0].laws == ("test-law-2020",) and code.clauses[1].inherits == 1


@pytest.mark.parametrize("fixture, key, message", [
    ("bad_clause_id", "articles[2].clauses[0].id", r"malformed clause id '2-1' \(write it as \"A\(N\)\""),
    ("duplicate_clause_id", "articles[2].clauses[0].id", r"duplicate clause id '1\(1\)'"),
    ("unknown_role", r"articles[2].clauses[2(1)].binds[0]", r"unknown value 'student' \(use one of: individual, organization, official, agency, provider\)"),
    ("bad_inheritance", r"articles[2].clauses[2(1)].inherits.article", r"inherits from Article 7, which is not another article"),
    ("missing_english", r"articles[2].clauses[2(1)].text.en", r"missing \(add `en:`\)"),
    ("unknown_kind", r"articles[1].clauses[1(1)].kinds[0]", r"unknown value 'obligation' \(use one of: aim, scope, duty"),
    ("not_nfc", r"articles[0].clauses[0].short.vi", r"not in Unicode NFC"),
    ("bad_syntax", "", r"not valid YAML"),
])
def test_broken_code_fixtures(fixture, key, message):
    path = FIXTURES / f"{fixture}.yaml"
    with pytest.raises(DataError, match=message) as info:
        load_code(path, FIXTURES / "mini_laws.yaml")
    assert info.value.file == str(path)
    if key:
        assert info.value.key == key


def test_law_citing_a_missing_clause():
    with pytest.raises(DataError, match=r"laws\[test-law-2020\]\.related_clauses\[0\]: no clause '4\(9\)'") as info:
        load_code(FIXTURES / "mini_code.yaml", FIXTURES / "laws_unknown_clause.yaml")
    assert info.value.file.endswith("laws_unknown_clause.yaml")


@pytest.fixture
def real():
    return copy.deepcopy(datafiles.load(CODE_FILE)), copy.deepcopy(datafiles.load(LAWS_FILE))


def test_data_given_directly_is_checked_too(real):
    code, laws = real
    assert len(load_code(code, laws).clauses) == 32
    del code["articles"][3]["clauses"][7]   # drop 4(8) while laws.yaml still cites it
    with pytest.raises(DataError, match=r"<laws data>: laws\[cybersecurity-law-2025\]\.related_clauses\[\d\]: no clause '4\(8\)'"):
        load_code(code, laws)


def test_inheriting_a_role_the_target_does_not_bind(real):
    code, laws = real
    code["articles"][4]["clauses"][0]["inherits"]["as"] = "provider"
    with pytest.raises(DataError, match=r"clauses\[5\(1\)\]\.inherits\.as: no clause of Article 4 binds 'provider'"):
        load_code(code, laws)


def test_chapter_and_article_must_agree(real):
    code, laws = real
    code["articles"][8]["chapter"] = 2
    with pytest.raises(DataError, match=r"articles\[9\]\.chapter: Article 9 says chapter 2"):
        load_code(code, laws)


def test_articles_in_order_and_no_stray_keys(real):
    code, laws = real
    code["articles"][3]["clauses"][0]["bind"] = ["individual"]
    with pytest.raises(DataError, match=r"clauses\[4\(1\)\]\.bind: unknown key \(did you mean `binds`\?\)"):
        load_code(code, laws)
    code, laws = copy.deepcopy(datafiles.load(CODE_FILE)), laws
    code["articles"][2], code["articles"][3] = code["articles"][3], code["articles"][2]
    with pytest.raises(DataError, match=r"articles\[2\]\.number: found article 4 where article 3 belongs"):
        load_code(code, laws)


def test_debate_references_are_checked():
    code = load_code()
    data = copy.deepcopy(datafiles.load("code/data/debate.yaml"))
    data["debate"][0]["clauses"] = ["10(1)"]
    with pytest.raises(DataError, match=r"debate\[code-purposes\]\.clauses\[0\]: no clause '10\(1\)'"):
        build_debate(code, data)
    data = copy.deepcopy(datafiles.load("code/data/debate.yaml"))
    data["debate"][1]["claim"].pop("vi")
    with pytest.raises(DataError, match=r"claim\.vi: missing"):
        build_debate(code, data)
