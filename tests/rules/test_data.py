"""The checker's data files: every file registered and valid, examples behave as stated, and a
broken edit is refused with a message naming the file, the key and the fix."""
import pytest

import conduct
from conduct import VERDICTS
from conduct.datafiles import DataError, files, load
from conduct.rules import REGISTRY, get
from conduct.rules import loader
from conduct.rules.concerns import concerns


def test_registry_matches_the_concern_vocabulary():
    assert list(REGISTRY) == list(concerns())
    for cid, module in REGISTRY.items():
        assert module.ID == cid and module.DATA == f"rules/data/{cid}.yaml"
        assert module.__doc__ and "Art." in module.__doc__
    with pytest.raises(ValueError, match="no such concern"):
        get("rudeness")


def test_every_data_file_is_used():
    used = {m.DATA for m in REGISTRY.values()} | {"rules/data/concerns.yaml", loader.COMMON_FILE}
    assert set(files("rules/data")) == used


@pytest.mark.parametrize("cid", list(REGISTRY))
def test_every_concern_compiles_and_its_examples_behave(cid):
    cc = loader.compiled(cid)
    assert cc.rules
    assert cc.examples, f"{cid}: add PASS/FAIL examples to its data file"
    for ex in cc.examples:
        result = conduct.assess(ex["text"], role=ex.get("role", "individual"))
        got = max((f.verdict for f in result.findings if f.concern == cid), key=VERDICTS.index, default="ok")
        assert got == ex["verdict"], (ex, result.to_dict())


def test_every_rule_message_exists_in_both_catalogues():
    from conduct.i18n import catalogue

    for cid in REGISTRY:
        for rule in loader.compiled(cid).rules:
            assert rule.message in catalogue("vi") and rule.message in catalogue("en")


def _compile_with(monkeypatch, cid, data):
    """Compile a concern from `data` instead of its packaged file."""
    real = loader.load

    monkeypatch.setattr(loader, "load", lambda rel: data if rel == get(cid).DATA else real(rel))
    loader.clear_caches()
    try:
        return loader.compiled(cid)
    finally:
        monkeypatch.undo()
        loader.clear_caches()


def _spec(rule: dict, lists: dict | None = None) -> dict:
    lang = {"rules": [rule]}
    if lists:
        lang["lists"] = lists
    return {"schema_version": 1, "concern": "offensive", "languages": {"vi": lang}}


@pytest.mark.parametrize("data, match", [
    (_spec({"name": "x", "score": 1.5, "words": ["ngu"]}), "outside 0–1"),
    (_spec({"name": "x", "score": 0.5}), "exactly one of"),
    (_spec({"name": "x", "score": 0.5, "pattern": "(unclosed"}), "does not compile"),
    (_spec({"name": "x", "score": 0.5, "list": "nope"}), "no list 'nope'"),
    (_spec({"name": "x", "score": 0.5, "words": ["ngu", "ngu"]}), "listed twice"),
    (_spec({"name": "x", "score": 0.5, "words": ["ngu"], "near": ["nope"]}), "no list 'nope'"),
    (_spec({"name": "x", "score": 0.5, "words": ["ngu"], "message": "nope"}), "not in the vi catalogue"),
    (_spec({"name": "x", "score": 0.5, "pattern": "x", "validate": "nope"}), "no validator"),
    (_spec({"name": "x", "score": 0.5, "words": ["ngu"], "clause": "9(1)"}), "unknown value"),
    (_spec({"name": "x", "score": 0.5, "words": ["ngu"], "verdict": "bad"}), "unknown value"),
    (_spec({"name": "x", "score": 0.5, "words": ["ngu"]}) | {"concern": "hate_speech"}, "file is for"),
    (_spec({"name": "x", "score": 0.5, "words": ["!!"]}), "does not start with a letter"),
    (_spec({"name": "x", "score": 0.5, "words": ["ngu"], "frames": ["gossip"]}), "unknown value 'gossip'"),
    ({"schema_version": 2, "concern": "offensive", "languages": {}}, "unsupported version"),
])
def test_broken_rule_files_are_refused(monkeypatch, data, match):
    with pytest.raises(DataError, match=match) as info:
        _compile_with(monkeypatch, "offensive", data)
    assert "rules/data/offensive.yaml" in str(info.value)


def test_concerns_file_is_the_one_mapping_and_is_valid():
    data = load("rules/data/concerns.yaml")
    assert set(data["concerns"]) == set(concerns())
    for c in concerns().values():
        assert c.verdict in VERDICTS and c.clauses["default"]
        assert c.label["vi"] and c.label["en"]
