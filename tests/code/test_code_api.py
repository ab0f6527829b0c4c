"""Lookups, role duties and search: the API the notebooks, checker and CLI build on."""
from __future__ import annotations

import dataclasses
import unicodedata

import pytest

import conduct
from conduct.code import Duty, article, clause, duties, search_clauses

ART3 = ["3(1)", "3(2)", "3(3)", "3(4)"]
ART4 = [f"4({n})" for n in range(1, 9)]


def test_public_names_are_reexported():
    assert conduct.clause is clause and conduct.duties is duties and conduct.debate() == conduct.code.debate()


def test_lookups():
    c = clause("4(5)")
    assert (c.id, c.article, c.number) == ("4(5)", 4, 5)
    assert clause(" 4 ( 5 ) ") is c
    assert article(4) is article("4") and article(4).clauses[4] is c
    assert clause("9(1)").article == 9


@pytest.mark.parametrize("bad, error, message", [
    ("4(9)", KeyError, r"no clause 4\(9\): Article 4 has 8 clause\(s\), 4\(1\)–4\(8\)"),
    ("12(1)", KeyError, r"no clause 12\(1\): no Article 12: the Code has Articles 1–9"),
    ("9(2)", ValueError, r"Article 9 has 1 clause\(s\), 9\(1\)$"),
    ("4.5", ValueError, r"'4.5' is not a clause id: .*\"4\(5\)\""),
    ("", ValueError, r"is not a clause id"),
])
def test_clause_bad_input_says_what_exists(bad, error, message):
    with pytest.raises(error, match=message):
        clause(bad)


def test_not_found_is_both_key_and_value_error_with_a_plain_message():
    with pytest.raises(KeyError) as info:
        article(12)
    assert isinstance(info.value, ValueError)
    assert str(info.value) == "no Article 12: the Code has Articles 1–9"


@pytest.mark.parametrize("bad, error", [("four", ValueError), (True, TypeError), (4.0, TypeError), (0, KeyError)])
def test_article_bad_input(bad, error):
    with pytest.raises(error, match="Article|article"):
        article(bad)


def test_clause_rejects_non_text():
    with pytest.raises(TypeError, match='"4\\(5\\)"'):
        clause(45)


def _ids(role):
    return [d.clause.id for d in duties(role)]


def test_official_duties_inherit_article_4_via_5_1():
    ds = duties("official")
    assert _ids("official") == ART3 + ART4 + ["5(2)", "5(3)", "8(2)", "9(1)"]
    assert all(isinstance(d, Duty) for d in ds)
    inherited = {d.clause.id: d.via for d in ds if d.inherited}
    assert inherited == {cid: "5(1)" for cid in ART4}
    assert all(d.via is None for d in ds if not d.inherited)
    assert "5(1)" not in _ids("official")  # the inheriting clause is represented by what it brings in


def test_agency_duties_inherit_article_4_via_6_1():
    ds = duties("agency")
    assert _ids("agency") == ART3 + ART4 + ["6(2)", "6(3)", "6(4)", "8(1)", "9(1)"]
    assert {d.clause.id for d in ds if d.inherited} == set(ART4)
    assert {d.via for d in ds if d.inherited} == {"6(1)"}


def test_provider_and_public_duties():
    assert _ids("provider") == ART3 + ["7(1)", "7(2)", "7(3)", "7(4)", "7(5)", "8(2)", "9(1)"]
    assert _ids("individual") == ART3 + ART4 + ["8(2)", "9(1)"]
    assert _ids("organization") == ART3 + ART4 + ["8(1)", "8(2)", "9(1)"]
    for role in conduct.ROLES:
        ds = duties(role)
        assert _ids(role)[:4] == ART3
        assert all(d.clause.kind not in ("aim", "scope") for d in ds)
        assert not any(d.inherited for d in ds) or role in ("official", "agency")


def test_unknown_role_names_the_valid_ones():
    with pytest.raises(ValueError, match="unknown role 'student': use one of individual, organization, official, agency, provider"):
        duties("student")


@pytest.mark.parametrize("query, lang", [
    ("thu ghet", None), ("thù ghét", None), ("THÙ GHÉT", "vi"), (unicodedata.normalize("NFD", "thù ghét"), None),
    ("hatred", None), ("Hate speech", "en"), ("ghét", "vi"), ("phan biet vung mien", None),
])
def test_search_finds_4_5_however_it_is_typed(query, lang):
    assert "4(5)" in [c.id for c in search_clauses(query, lang)]


def test_search_respects_language_and_word_starts():
    assert search_clauses("hatred", "vi") == [] and search_clauses("thu ghet", "en") == []
    assert [c.id for c in search_clauses("tin gia")] == ["4(6)"]  # the phrase, not "tinh" + "giá trị"
    assert [c.id for c in search_clauses("tài khoản giả mạo")] == ["4(3)", "6(2)"]  # words apart still found
    assert [c.id for c in search_clauses("consent", "en")] == ["7(5)"]
    assert search_clauses("xyzzy") == []


@pytest.mark.parametrize("query, lang, error, message", [
    ("   ", None, ValueError, "empty"), (None, None, TypeError, "text"), ("hate", "fr", ValueError, "unknown language 'fr'"),
])
def test_search_bad_input(query, lang, error, message):
    with pytest.raises(error, match=message):
        search_clauses(query, lang)


def test_dataclasses_are_frozen_and_hashable():
    c = clause("4(5)")
    with pytest.raises(dataclasses.FrozenInstanceError):
        c.kind = "aim"
    assert len({c, clause("4(5)"), clause("4(6)")}) == 2
    assert conduct.code.law("decree-13-2023").year == 2023
    with pytest.raises(KeyError, match="known laws are cybersecurity-law-2025"):
        conduct.code.law("decree-1-1999")
