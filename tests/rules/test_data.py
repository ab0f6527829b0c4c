"""The checker's data files: every file registered and valid, examples behave as stated, and a
broken edit is refused with a message naming the file, the key and the fix."""
import pytest

import conduct
from conduct import VERDICTS
from conduct.code.concerns import concerns
from conduct.datafiles import DataError, files, load
from conduct.rules import REGISTRY, get, loader


def test_registry_matches_the_concern_vocabulary():
    assert list(REGISTRY) == list(concerns())
    for cid, module in REGISTRY.items():
        assert module.ID == cid and module.DATA == f"rules/data/{cid}.yaml"
        assert module.__doc__ and "Art." in module.__doc__
    with pytest.raises(ValueError, match="no such concern"):
        get("rudeness")


def test_every_data_file_is_used():
    used = {m.DATA for m in REGISTRY.values()} | {loader.COMMON_FILE}
    assert set(files("rules/data")) == used


@pytest.mark.parametrize("cid", list(REGISTRY))
def test_every_concern_compiles_and_its_examples_behave(cid):
    cc = loader.compiled(cid)
    assert cc.rules
    assert cc.examples, f"{cid}: add examples (text and verdict) to its data file"
    for ex in cc.examples:
        result = conduct.assess(ex["text"], role=ex.get("role", "individual"))
        got = max((f.verdict for f in result.findings if f.concern == cid), key=VERDICTS.index, default="ok")
        assert got == ex["verdict"], (ex, result.to_dict())


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
    (_spec({"name": "x", "score": 0.5, "words": ["ngu"], "roles": ["king"]}), "unknown value 'king'"),
    (_spec({"name": "x", "score": 0.5, "list": "a", "neer": ["b"]}, {"a": ["ngu"], "b": ["mày"]}),
     r"rules\[0\]\.neer: unknown key \(did you mean `near`\?\)"),
    (_spec({"name": "x", "score": 0.5, "list": "a"}, {"a": ["ngu"], "targets": ["mày"]}), "no rule uses targets"),
    (_spec({"name": "x", "score": 0.5, "words": ["ngu"]}) | {"treshold": 0.4}, r"did you mean `threshold`"),
    ({"schema_version": 1, "concern": "offensive", "languages": {"vi": {"rules": [], "contxt": []}}},
     r"languages\.vi\.contxt: unknown key \(did you mean `context`\?\)"),
    ({"schema_version": 1, "concern": "offensive", "languages": {"vi": {"rules": [], "context": [
        {"name": "self", "kind": "lower", "factr": 0.5, "words": ["mình"]}]}}}, r"did you mean `factor`"),
    (_spec({"name": "x", "score": 0.5, "words": ["ngu"]}) | {"examples": [{"text": "a", "verdit": "ok"}]},
     r"examples\[0\]\.verdit: unknown key \(did you mean `verdict`\?\)"),
    ({"schema_version": 2, "concern": "offensive", "languages": {}}, "unsupported version"),
    (_spec({"name": "x", "score": 0.5, "words": ["ngu"], "same_sentence": True}), "needs `near` lists"),
    (_spec({"name": "x", "score": 0.5, "words": ["ngu"], "not_lowered_by": ["selff"]}), "unknown value 'selff'"),
    (_spec({"name": "x", "score": 0.5, "words": ["ngu"], "not_lowered_by": "self"}), "expected a list of context names"),
    (_spec({"name": "x", "score": 0.5, "list": "a", "near": ["b"], "same_sentence": "yes"}, {"a": ["ngu"], "b": ["mày"]}),
     "expected true or false"),
])
def test_broken_rule_files_are_refused(monkeypatch, data, match):
    with pytest.raises(DataError, match=match) as info:
        _compile_with(monkeypatch, "offensive", data)
    assert "rules/data/offensive.yaml" in str(info.value)


def _concerns_with(monkeypatch, data):
    """Read the concern table from `data` instead of the packaged concerns.yaml."""
    from conduct.code import concerns as table

    real = table.load
    monkeypatch.setattr(table, "load", lambda rel: data if rel == table.CONCERNS_FILE else real(rel))
    table.concerns.cache_clear()
    loader.clear_caches()
    try:
        return loader.registered()
    finally:
        monkeypatch.undo()
        table.concerns.cache_clear()
        loader.clear_caches()


def _table(**changes) -> dict:
    data = load("code/data/concerns.yaml")
    concerns_ = {cid: dict(spec) for cid, spec in data["concerns"].items()}
    for cid, spec in changes.items():
        if spec is None:
            del concerns_[cid]
        else:
            concerns_[cid] = spec
    return {"schema_version": 1, "concerns": concerns_}


LABEL = {"vi": "Nhãn", "en": "Label"}


@pytest.mark.parametrize("data, match", [
    (_table(offensive={"verdcit": "violation", "clauses": {"default": ["4(6)"]}, "label": LABEL}),
     r"concerns\.offensive\.verdcit: unknown key \(did you mean `verdict`\?\)"),
    (_table(rudeness={"verdict": "caution", "clauses": {"default": ["4(6)"]}, "label": LABEL}),
     "rudeness has no rule module"),
    (_table(positive=None), "no concern positive for a registered module"),
    (_table(offensive={"verdict": "bad", "clauses": {"default": ["4(6)"]}, "label": LABEL}), "unknown value 'bad'"),
    (_table(offensive={"verdict": "violation", "clauses": {"default": ["4(9)"]}, "label": LABEL}),
     "not a clause of the Code"),
    (_table(offensive={"verdict": "by_clause_kind", "clauses": {"default": ["1(1)"]}, "label": LABEL}),
     "which has no verdict"),
    (_table(offensive={"verdict": "violation", "clauses": {"default": ["4(6)"]}}), "label: missing"),
    ({"schema_version": 1, "concerns": {}, "concern_map": {}}, r"did you mean `concerns`"),
])
def test_broken_concern_tables_are_refused(monkeypatch, data, match):
    with pytest.raises(DataError, match=match) as info:
        _concerns_with(monkeypatch, data)
    assert "code/data/concerns.yaml" in str(info.value)


def test_agency_verdicts_follow_the_kind_of_the_clause():
    agency = concerns()["agency_duty"]
    assert agency.verdict_for("agency", "6(3)") == "violation"  # worded as a duty
    assert agency.verdict_for("agency", "6(4)") == "caution"  # a recommendation
    assert concerns()["account_security"].verdict_for("agency", "6(2)") == "violation"
    assert concerns()["account_security"].verdict_for("individual", "4(3)") == "caution"
