"""The bank loader: every file loads, ids are unique, and a broken file stops with a message
naming the file, the post and the fix (never a traceback or a silently wrong gold answer)."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import conduct
from conduct.bank import AUDIENCES, Post, _parse_file, load_posts, post, read_folder
from conduct.datafiles import PACKAGE_ROOT, DataError

FIXTURES = Path(__file__).parent / "fixtures"


def test_every_bank_file_loads_and_ids_are_unique():
    files = sorted((PACKAGE_ROOT / "bank" / "data").glob("*.yaml"))
    assert {"adults_vi.yaml", "adults_en.yaml"} <= {f.name for f in files}
    posts = load_posts()
    ids = [p.id for p in posts]
    assert len(ids) == len(set(ids))
    assert all(isinstance(p, Post) for p in posts)
    # the loader reads the whole folder, not a fixed list: every file contributes its posts
    prefixes = {p.id.rsplit("-", 1)[0] for p in posts}
    assert {"vi-a", "en-a"} <= prefixes
    assert read_folder(str(PACKAGE_ROOT / "bank" / "data")) == posts


def test_public_api_is_reexported_and_posts_are_frozen():
    assert conduct.load_posts is load_posts and conduct.post is post
    p = post("vi-a-001")
    assert p.id == "vi-a-001" and p.lang == "vi" and p.audience == "adults"
    assert isinstance(p.concerns, tuple) and isinstance(p.clauses, tuple)
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.verdict = "ok"
    assert hash(p) == hash(post("vi-a-001"))


def test_filters_select_exactly_the_matching_posts():
    everything = load_posts()
    for audience in AUDIENCES:
        got = load_posts(audience=audience)
        assert got == tuple(p for p in everything if p.audience == audience)
    en = load_posts(lang="en")
    assert en and all(p.lang == "en" for p in en)
    hate_vi_adults = load_posts(audience="adults", lang="vi", concern="hate_speech")
    assert hate_vi_adults and all(
        p.audience == "adults" and p.lang == "vi" and "hate_speech" in p.concerns for p in hate_vi_adults)
    assert len(hate_vi_adults) == sum(
        1 for p in everything if p.audience == "adults" and p.lang == "vi" and "hate_speech" in p.concerns)


@pytest.mark.parametrize("kwargs, message", [
    ({"audience": "kids"}, r"unknown audience 'kids': use one of adults"),
    ({"lang": "fr"}, r"unknown language 'fr'"),
    ({"concern": "rudeness"}, r"unknown concern 'rudeness': use one of .*hate_speech"),
])
def test_bad_filters_say_what_is_allowed(kwargs, message):
    with pytest.raises(ValueError, match=message):
        load_posts(**kwargs)


def test_unknown_or_non_text_id():
    with pytest.raises(KeyError, match=r"no post 'vi-a-999' in the bank"):
        post("vi-a-999")
    with pytest.raises(TypeError, match=r"not int"):
        post(1)


def test_a_valid_folder_of_several_files_loads():
    posts = read_folder(str(FIXTURES / "good"))
    assert [p.id for p in posts] == ["vi-x-001", "en-x-001"]
    assert posts[1].trap is True and posts[1].verdict == "ok" and posts[1].concerns == ()
    assert posts[0].explanation == {"vi": "Lời chửi xúc phạm người khác, trái Điều 4 khoản 6.",
                                    "en": "An insult, against Art. 4(6)."}


def test_duplicate_ids_across_files_are_refused():
    with pytest.raises(DataError, match=r"id already used in .*dup/a\.yaml") as info:
        read_folder(str(FIXTURES / "dup"))
    assert info.value.file.endswith("dup/b.yaml") and "vi-x-001" in info.value.key
    assert info.value.fix


def test_a_missing_folder_is_reported():
    with pytest.raises(DataError, match="folder not found"):
        read_folder(str(FIXTURES / "no-such-folder"))


@pytest.mark.parametrize("fixture, key, problem", [
    ("missing_text", "posts[0] (vi-x-001).text", r"missing \(add `text:`\)"),
    ("bad_role", "posts[0] (vi-x-001).role", r"unknown value 'teacher' \(use one of: individual"),
    ("bad_audience", "posts[0] (vi-x-001).audience", r"unknown value 'kids'"),
    ("bad_difficulty", "posts[0] (vi-x-001).difficulty", r"unknown value 5 \(use 1, 2 or 3\)"),
    ("bad_topic", "posts[0] (vi-x-001).topic", r"unknown value 'gossip'"),
    ("unknown_concern", "posts[0] (vi-x-001).concerns", r"unknown value 'rudeness'"),
    ("ok_with_concern", "posts[0] (vi-x-001).concerns", r"an ok post cannot carry offensive"),
    ("violation_without_concern", "posts[0] (vi-x-001).concerns", r"a violation post needs at least one concern"),
    ("concern_wrong_role", "posts[0] (vi-x-001).concerns", r"'official_duty' applies only to role official, not 'individual'"),
    ("trap_not_ok", "posts[0] (vi-x-001).trap", r"only an ok post can be a trap"),
    ("trap_not_bool", "posts[0] (vi-x-001).trap", r"expected bool, found str"),
    ("unknown_clause", "posts[0] (vi-x-001).clauses", r"no clause '4\(9\)' in the Code"),
    ("concern_clause_missing", "posts[0] (vi-x-001).clauses", r"concern 'offensive' for role 'individual' cites 4\(6\)"),
    ("missing_en_explanation", "posts[0] (vi-x-001).explanation.en", r"missing \(add `en:`\)"),
    ("vi_without_diacritics", "posts[0] (vi-x-001).explanation.vi", r"has no diacritics"),
    ("not_nfc", "posts[0].text", r"not in Unicode NFC"),
    ("wrong_version", "schema_version", r"unsupported version 2 \(use `schema_version: 1`\)"),
    ("not_yaml", "", r"not valid YAML"),
    ("misspelt_key", "posts[0] (vi-x-001).explaination_note", r"unknown key \(did you mean `explanation`\?\)"),
])
def test_broken_fixtures_name_file_key_and_fix(fixture, key, problem):
    path = FIXTURES / "broken" / f"{fixture}.yaml"
    with pytest.raises(DataError, match=problem) as info:
        _parse_file(str(path))   # the per-file step of read_folder, one broken file at a time
    err = info.value
    assert err.file == str(path)
    assert err.key == key
    assert err.fix, "a message must say how to fix it"
