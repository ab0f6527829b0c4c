"""The learned English offensive-language model (conduct/rules/model.py, rules/data/models/en_offensive.yaml):
its data file is read strictly, it moves a rule's score only where the rule found words, a confident
post is flagged with the words as evidence and the probability in the explanation, a harmless post
is not, and it never judges a Vietnamese post."""

import copy

import pytest

import conduct
from conduct.datafiles import DataError, load
from conduct.rules import loader, model
from conduct.rules.matching import Doc
from conduct.rules.model import ModelUse, load_model, weigh
from conduct.text import normalize

MODEL_FILE = "rules/data/models/en_offensive.yaml"


@pytest.fixture(scope="module")
def en():
    return load_model("en_offensive")


def test_the_model_file_loads_with_its_source_and_licence(en):
    data = load(MODEL_FILE)
    assert data["source"]["licence"] == "MIT" and "Davidson" in data["source"]["training_data"]
    assert en.lang == "en" and len(en.weights) >= 1000
    assert {"idiot", "moron", "fuck"} <= set(en.evidence)
    assert "gay" not in en.evidence and "jew" not in en.evidence  # groups are never evidence of offence
    assert "stupid" in en.evidence and "stupid" not in en.alone  # it may describe a printer
    assert "idiot" in en.alone


def test_probabilities_follow_the_words(en):
    assert en.probability("go to hell, you worthless scum") > 0.9
    assert en.probability("thanks everyone for the lovely birthday dinner") < 0.3
    assert en.probability("") == pytest.approx(1 / (1 + 2.718281828 ** -en.intercept), rel=1e-6)


def _model_with(monkeypatch, data):
    monkeypatch.setattr(model, "load", lambda rel: data if rel == MODEL_FILE else load(rel))
    load_model.cache_clear()
    try:
        return load_model("en_offensive")
    finally:
        monkeypatch.undo()
        load_model.cache_clear()


@pytest.mark.parametrize("edit, match", [
    (lambda d: d.update(intercep=d.pop("intercept")), r"intercep: unknown key \(did you mean `intercept`\?\)"),
    (lambda d: d["evidence"].update(exclud=[]), r"evidence\.exclud: unknown key \(did you mean `exclude`\?\)"),
    (lambda d: d["source"].update(licence_url="x"), r"source\.licence_url: unknown key"),
    (lambda d: d["evidence"]["include"].append("thanks"), "thanks: not a word with an offensive weight"),
    (lambda d: d.update(features=d["features"] + "oops 1.0\n"), r"features, line \d+: 'oops 1.0' is not"),
    (lambda d: d.update(lang="fr"), "unknown value 'fr'"),
    (lambda d: d.update(model="other"), "file is for 'other'"),
])
def test_a_broken_model_file_is_refused_naming_the_key(monkeypatch, edit, match):
    data = copy.deepcopy(load(MODEL_FILE))
    edit(data)
    with pytest.raises(DataError, match=match) as info:
        _model_with(monkeypatch, data)
    assert MODEL_FILE in str(info.value)


def _offensive_with(monkeypatch, en_rules, lists=None, lang="en"):
    """Compile the offensive concern from a small spec of its own, and keep it for the test."""
    spec = {"lists": lists, "rules": en_rules} if lists else {"rules": en_rules}
    data = {"schema_version": 1, "concern": "offensive", "threshold": 0.5, "languages": {lang: spec}}
    real = loader.load
    monkeypatch.setattr(loader, "load", lambda rel: data if rel == "rules/data/offensive.yaml" else real(rel))
    loader.clear_caches()
    return loader.compiled("offensive")


@pytest.fixture
def restore():
    yield
    loader.clear_caches()


@pytest.mark.parametrize("use, match", [
    ({"name": "en_offensive", "raise_a": 0.6}, r"model\.raise_a: unknown key \(did you mean `raise_at`\?\)"),
    ({"name": "en_offensive"}, "neither raises nor lowers"),
    ({"name": "en_offensive", "raise_at": 1.5, "raise_to": 0.6}, "outside"),
    ({"name": "en_offensive", "raise_at": 0.6}, r"raise_to: missing"),
    ({"name": "en_offensive", "lower_at": 0.7, "lower_factor": 0.5, "raise_at": 0.6, "raise_to": 0.6},
     "must be below raise_at"),
    ({"name": "en_offensive", "words": "some", "raise_at": 0.6, "raise_to": 0.6}, "unknown value 'some'"),
    ({"name": "fr_offensive", "raise_at": 0.6, "raise_to": 0.6}, "model 'fr_offensive'.*file not found"),
])
def test_a_rule_using_the_model_is_checked(monkeypatch, restore, use, match):
    with pytest.raises(DataError, match=match) as info:
        _offensive_with(monkeypatch, [{"name": "m", "model": use, "score": 0.3, "message": "offensive_model"}])
    assert "rules/data/offensive.yaml" in str(info.value)


def test_an_english_model_is_refused_in_vietnamese_rules(monkeypatch, restore):
    rule = {"name": "m", "model": {"name": "en_offensive", "raise_at": 0.6, "raise_to": 0.6}, "score": 0.3}
    with pytest.raises(DataError, match="the model reads en posts"):
        _offensive_with(monkeypatch, [rule], lang="vi")


RAISE = {"name": "en_offensive", "words": "alone", "raise_at": 0.6, "raise_to": 0.6}


def _model_rules(monkeypatch):
    return _offensive_with(monkeypatch, [
        {"name": "model_words", "model": RAISE, "score": 0.3, "verdict": "caution", "message": "offensive_model"},
        {"name": "weak", "list": "weak", "near": ["targets"], "window": 3, "score": 0.8,
         "model": {"name": "en_offensive", "lower_at": 0.3, "lower_factor": 0.5}},
    ], lists={"weak": ["clown"], "targets": ["you", "he"]})


def _offensive(text):
    return [f for f in conduct.assess(text, lang=None).findings if f.concern == "offensive"]


def test_a_confident_post_is_flagged_with_the_strong_words_as_evidence(monkeypatch, restore):
    _model_rules(monkeypatch)
    text = "@USER what a moron, the biggest scumbag in this town"
    (f,) = _offensive(text)
    assert (f.rule, f.verdict, f.model_effect) == ("model_words", "caution", "raised")
    assert [text[s:e] for s, e in f.evidence] == ["moron", "scumbag"]
    assert f.model_probability >= 0.6
    percent = f"{round(100 * f.model_probability)} %"
    assert percent in f.explain("en") and "trained model" in f.explain("en")
    assert percent in f.explain("vi") and "mô hình" in f.explain("vi")


def test_the_model_moves_a_score_only_where_a_rule_found_words(monkeypatch, restore):
    _model_rules(monkeypatch)
    en = load_model("en_offensive")
    for text in ["Stupid printer jammed again, this sucks", "what the hell, damn it"]:
        assert en.probability(normalize(text, "en", loader.joinable()).folded) > 0.9  # confident …
        assert not _offensive(text)  # … but no word that offends alone: nothing to show, no finding


def test_a_harmless_post_is_not_flagged(monkeypatch, restore):
    _model_rules(monkeypatch)
    assert not _offensive("Thanks everyone for the birthday wishes, I had a great time with my family today!")
    # a strong word in a text the model finds harmless stays under the threshold
    text = "The clown at my niece's party made balloon animals, the kids loved him"
    assert load_model("en_offensive").probability(text.lower()) < 0.6
    assert not _offensive(text)


def test_the_model_lowers_a_weak_insult_it_finds_harmless(monkeypatch, restore):
    _model_rules(monkeypatch)
    (f,) = _offensive("you clown, you ruined it, idiot")  # confident: the weak insult stands
    assert f.rule == "weak" and f.model_effect == ""
    assert not _offensive("you were a wonderful clown at the children's charity picnic, thank you")


def test_a_context_that_lowers_a_match_stops_the_model_raising_it():
    assert not _offensive("I felt so stupid after the exam")
    assert conduct.assess("I'm such an idiot, I forgot my keys again").verdict == "ok"


def test_the_model_never_judges_a_vietnamese_post(en):
    text = "Đồ idiot, mày là moron, fuck"
    doc = Doc(normalize(text, "vi", loader.joinable()), "vi", loader.vocabulary())
    use = ModelUse(en, en.evidence, 0.1, 0.9, 0.05, 0.1)
    assert weigh(use, doc, 3, 8, 0.3, {}) == (0.3, "", 0.0)
    for text in ["Thằng đó đúng là idiot, nói mãi không hiểu", "idiot moron scumbag loser"]:
        result = conduct.assess(text, lang="vi")
        assert not any(f.model_effect for f in result.findings)


def test_the_shipped_rules_use_the_model_on_english_posts():
    result = conduct.assess("@USER propagandists and scumbags, the whole lot of them", lang="en")
    assert result.verdict != "ok"
    assert any(f.concern == "offensive" for f in result.findings)


def test_a_long_post_is_judged_near_each_match():
    insult = "@USER what a moron and a scumbag. "
    calm = "We walked along the river and talked about the garden, the weather and the new library. " * 200
    result = conduct.assess(calm + insult + calm, lang="en")
    assert any(f.concern == "offensive" for f in result.findings)
