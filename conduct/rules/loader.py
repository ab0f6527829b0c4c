"""Read and validate each concern's data file and compile it into rules (cached per process).

A concern's file holds, per language, named word lists, rules (a list or inline words or a
pattern, a score, optional supporting lists that must occur nearby, an optional validation hook
named in the concern's module, optionally the author roles it applies to, its own verdict or
clause, the shared frames that may excuse it, and optionally a learned model that may raise or
lower its score: a rule with a `model` and no list takes the model's evidence words as its list,
see conduct/rules/model.py) and context lists that lower or raise the
score. Everything is checked here, so an editor's mistake names the file, the key and the fix
instead of reaching a learner as a wrong answer: an unknown key names the nearest known one
(`neer` -> `near`), a list no rule uses is refused, and every concern in concerns.yaml must have
its module in the registry (and the reverse).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType

from conduct.code.concerns import Concern, concerns
from conduct.datafiles import DataError, check_keys, check_version, load, require, require_choice
from conduct.i18n import catalogue
from conduct.rules import REGISTRY, get
from conduct.rules.matching import Vocabulary, WordList, compile_pattern, compile_words
from conduct.rules.model import ModelUse, load_model, model_use
from conduct.text.language import ambiguous_words
from conduct.vocab import LANGS, ROLES, VERDICTS

COMMON_FILE = "rules/data/common.yaml"
# The keys each kind of mapping may hold; anything else is refused with the nearest of these.
CONCERN_KEYS = ("schema_version", "concern", "threshold", "mention_frames", "languages", "examples")
LANGUAGE_KEYS = ("lists", "rules", "context")
RULE_KEYS = (
    "name",
    "score",
    "list",
    "words",
    "pattern",
    "validate",
    "near",
    "window",
    "same_sentence",
    "not_lowered_by",
    "verdict",
    "clause",
    "message",
    "needs",
    "frames",
    "roles",
    "model",
)
CONTEXT_KEYS = ("name", "kind", "factor", "window", "words", "every_concern")
EXAMPLE_KEYS = ("text", "verdict", "role")
COMMON_KEYS = ("schema_version", "quote_factor", "languages")
COMMON_LANGUAGE_KEYS = ("loose", "innocent", "frames")


@dataclass(frozen=True)
class Rule:
    name: str
    lang: str
    score: float
    words: WordList | None
    pattern: re.Pattern[str] | None
    validate: Callable | None = field(compare=False)
    near: tuple[WordList, ...]
    window: int
    verdict: str | None
    clause: str | None
    message: str
    needs: tuple[str, ...] = ()  # a pattern runs only if the folded post contains one of these
    frames: tuple[str, ...] | None = None  # shared frames that may lower it (None: all of them)
    roles: tuple[str, ...] | None = None  # the authors it applies to (None: every role the concern has)
    same_sentence: bool = False  # the `near` words must be in the match's sentence (no . ? or line break between)
    model: ModelUse | None = None  # a learned model that may raise or lower its score (rules/model.py)
    not_lowered_by: tuple[str, ...] = ()  # the concern's own contexts that may not lower it ("self" for crude words)


@dataclass(frozen=True)
class ContextList:
    name: str
    lang: str
    kind: str  # "lower" or "raise"
    factor: float  # multiplier when lowering, added score when raising
    words: WordList
    window: int | None  # words around the evidence; None = the engine's default window
    every_concern: bool = False  # a shared frame that applies even without `mention_frames`


@dataclass(frozen=True)
class CompiledConcern:
    id: str
    threshold: float
    mention_frames: bool
    rules: tuple[Rule, ...]
    contexts: tuple[ContextList, ...]
    examples: tuple[dict, ...] = field(compare=False)
    list_uids: frozenset[int] = frozenset()  # the word lists its rules start from
    pattern_gates: tuple[tuple[str, ...], ...] = ()  # one per pattern rule (empty: always runs)


@dataclass(frozen=True)
class Common:
    quote_factor: float
    loose: dict[str, frozenset[str]] = field(compare=False)
    innocent: dict[str, WordList] = field(compare=False)
    frames: tuple[ContextList, ...]


def _score(file: str, raw: dict, key: str, where: str, default: float | None = None) -> float:
    if key not in raw and default is not None:
        return default
    value = require(file, raw, key, (int, float), where)
    if not 0 <= value <= 1:
        raise DataError(file, f"{where}.{key}", f"{value} is outside 0–1", "use a number between 0 and 1")
    return float(value)


def _message(file: str, where: str, key: str) -> str:
    for lang in LANGS:
        if key not in catalogue(lang):
            raise DataError(
                file,
                where,
                f"message {key!r} is not in the {lang} catalogue",
                f"add it to conduct/i18n/{lang}/checker.yaml",
            )
    return key


def _context(file: str, raw: dict, where: str, lang: str, kind_default: str | None = None) -> ContextList:
    check_keys(file, raw, CONTEXT_KEYS, where)
    name = require(file, raw, "name", str, where)
    kind = require_choice(file, raw.get("kind", kind_default), ("lower", "raise"), f"{where}.kind")
    factor = _score(file, raw, "factor", where)
    window = raw.get("window")
    if window is not None and (not isinstance(window, int) or window < 1):
        raise DataError(file, f"{where}.window", "expected a positive number of words", "write e.g. `window: 8`")
    _message(file, f"{where}.name", f"checker.context.{name}")
    words = compile_words(file, f"{where}.words", name, raw.get("words"), lang)
    every = raw.get("every_concern", False)
    if not isinstance(every, bool):
        raise DataError(file, f"{where}.every_concern", "expected true or false", "write `every_concern: true`")
    return ContextList(name, lang, kind, factor, words, window, every)


@functools.lru_cache(maxsize=1)
def common() -> Common:
    f = COMMON_FILE
    data = load(f)
    check_keys(f, data, COMMON_KEYS)
    check_version(f, data)
    langs = require(f, data, "languages", dict)
    loose, innocent, frames = {}, {}, []
    for lang in LANGS:
        spec = require(f, langs, lang, dict, "languages")
        where = f"languages.{lang}"
        check_keys(f, spec, COMMON_LANGUAGE_KEYS, where)
        loose[lang] = frozenset(require(f, spec, "loose", list, where))
        innocent[lang] = compile_words(
            f, f"{where}.innocent", "innocent", require(f, spec, "innocent", list, where), lang
        )
        for i, raw in enumerate(require(f, spec, "frames", list, where)):
            frames.append(_context(f, raw, f"{where}.frames[{i}]", lang, "lower"))
    return Common(_score(f, data, "quote_factor", ""), loose, innocent, tuple(frames))


def _rule(
    file: str, raw: dict, where: str, lang: str, lists: dict[str, WordList], module: ModuleType, concern_id: str
) -> Rule:
    check_keys(file, raw, RULE_KEYS, where)
    name = require(file, raw, "name", str, where)
    score = _score(file, raw, "score", where)
    use = model_use(file, raw["model"], f"{where}.model") if "model" in raw else None
    if use is not None and use.model.lang != lang:
        raise DataError(
            file, f"{where}.model", f"the model reads {use.model.lang} posts", f"move the rule to `{use.model.lang}:`"
        )
    sources = [k for k in ("list", "words", "pattern") if k in raw]
    if len(sources) != 1 and not (use is not None and not sources):
        raise DataError(
            file, where, "a rule needs exactly one of `list`, `words` or `pattern` (or a `model` alone)", "keep one"
        )
    words = pattern = None
    if use is not None and not sources:  # the model's evidence words are the rule's list
        words = compile_words(file, f"{where}.model", name, list(use.words), lang)
    elif "list" in raw:
        words = lists.get(raw["list"])
        if words is None:
            raise DataError(file, f"{where}.list", f"no list {raw['list']!r}", "use one of: " + ", ".join(lists))
    elif "words" in raw:
        words = compile_words(file, f"{where}.words", name, raw["words"], lang)
    else:
        pattern = compile_pattern(file, f"{where}.pattern", raw["pattern"])
    validate = None
    if "validate" in raw:
        validate = getattr(module, "VALIDATORS", {}).get(raw["validate"])
        if validate is None:
            raise DataError(
                file,
                f"{where}.validate",
                f"{module.__name__} has no validator {raw['validate']!r}",
                "add it to the module's VALIDATORS or remove the key",
            )
    near = []
    for n in raw.get("near", []):
        if n not in lists:
            raise DataError(file, f"{where}.near", f"no list {n!r}", "use one of: " + ", ".join(lists))
        near.append(lists[n])
    window = raw.get("window", 6)
    not_lowered_by = raw.get("not_lowered_by", [])
    if not isinstance(not_lowered_by, list) or not all(isinstance(n, str) and n for n in not_lowered_by):
        raise DataError(
            file, f"{where}.not_lowered_by", "expected a list of context names", "write e.g. `not_lowered_by: [self]`"
        )
    same_sentence = raw.get("same_sentence", False)
    if not isinstance(same_sentence, bool):
        raise DataError(
            file,
            f"{where}.same_sentence",
            f"expected true or false, found {same_sentence!r}",
            "write `same_sentence: true`",
        )
    if same_sentence and not near:
        raise DataError(
            file, f"{where}.same_sentence", "`same_sentence` needs `near` lists", "add `near: [list]` or remove it"
        )
    verdict = raw.get("verdict")
    if verdict is not None:
        require_choice(file, verdict, VERDICTS, f"{where}.verdict")
    clause = raw.get("clause")
    if clause is not None:
        allowed = {c for cl in concerns()[concern_id].clauses.values() for c in cl}
        require_choice(file, clause, sorted(allowed), f"{where}.clause")
    message = _message(file, f"{where}.message", f"checker.reason.{raw.get('message', concern_id)}")
    needs = raw.get("needs", [])
    if pattern is None and needs:
        raise DataError(file, f"{where}.needs", "`needs` only gates patterns", "remove it from this word rule")
    if not isinstance(needs, list) or not all(isinstance(n, str) and n for n in needs):
        raise DataError(file, f"{where}.needs", "expected a list of strings", 'write e.g. `needs: ["<digit>"]`')
    frames = raw.get("frames")
    if frames is not None:
        known = {f.name for f in common().frames}
        if not isinstance(frames, list):
            raise DataError(
                file, f"{where}.frames", "expected a list of frame names", "write e.g. `frames: [teaching]`"
            )
        for fr in frames:
            require_choice(file, fr, sorted(known), f"{where}.frames")
        frames = tuple(frames)
    roles = raw.get("roles")
    if roles is not None:
        if not isinstance(roles, list) or not roles:
            raise DataError(file, f"{where}.roles", "expected a list of roles", "write e.g. `roles: [individual]`")
        for r in roles:
            require_choice(file, r, ROLES, f"{where}.roles")
        roles = tuple(roles)
    return Rule(
        name,
        lang,
        score,
        words,
        pattern,
        validate,
        tuple(near),
        int(window),
        verdict,
        clause,
        message,
        tuple(needs),
        frames,
        roles,
        same_sentence,
        use,
        tuple(not_lowered_by),
    )


@functools.cache
def compiled(concern_id: str) -> CompiledConcern:
    """The concern's rules, compiled once per process."""
    registered()
    module = get(concern_id)
    f = module.DATA
    data = load(f)
    check_keys(f, data, CONCERN_KEYS)
    check_version(f, data)
    if require(f, data, "concern", str) != concern_id:
        raise DataError(
            f, "concern", f"file is for {data['concern']!r}, not {concern_id!r}", f"set `concern: {concern_id}`"
        )
    threshold = _score(f, data, "threshold", "", 0.5)
    rules, contexts = [], []
    for lang, spec in require(f, data, "languages", dict).items():
        require_choice(f, lang, LANGS, "languages")
        where = f"languages.{lang}"
        check_keys(f, spec, LANGUAGE_KEYS, where)
        lists = {
            name: compile_words(f, f"{where}.lists.{name}", name, words, lang)
            for name, words in (spec.get("lists") or {}).items()
        }
        lang_rules = [
            _rule(f, raw, f"{where}.rules[{i}]", lang, lists, module, concern_id)
            for i, raw in enumerate(require(f, spec, "rules", list, where))
        ]
        used = {wl.uid for r in lang_rules for wl in (r.words, *r.near) if wl is not None}
        unused = [name for name, wl in lists.items() if wl.uid not in used]
        if unused:
            raise DataError(
                f,
                f"{where}.lists",
                f"no rule uses {', '.join(unused)}",
                "use each list in a rule's `list:` or `near:`, or remove it",
            )
        rules += lang_rules
        for i, raw in enumerate(spec.get("context") or []):
            contexts.append(_context(f, raw, f"{where}.context[{i}]", lang))
    names = sorted({c.name for c in contexts})
    for r in rules:
        for n in r.not_lowered_by:
            require_choice(f, n, names, f"rule {r.name} ({r.lang}).not_lowered_by")
    examples = tuple(_example(f, raw, f"examples[{i}]") for i, raw in enumerate(data.get("examples") or ()))
    return CompiledConcern(
        concern_id,
        threshold,
        bool(data.get("mention_frames", False)),
        tuple(rules),
        tuple(contexts),
        examples,
        frozenset(r.words.uid for r in rules if r.words is not None),
        tuple(dict.fromkeys(r.needs for r in rules if r.words is None)),  # each gate once
    )


def _example(file: str, raw: dict, where: str) -> dict:
    check_keys(file, raw, EXAMPLE_KEYS, where)
    require(file, raw, "text", str, where)
    require_choice(file, raw.get("verdict"), VERDICTS, f"{where}.verdict")
    require_choice(file, raw.get("role", "individual"), ROLES, f"{where}.role")
    return raw


@functools.lru_cache(maxsize=1)
def registered() -> tuple[Concern, ...]:
    """The concerns the checker assesses, in the order of concerns.yaml: every concern named there
    must have a rule module in the registry (and every module a concern), or nothing runs."""
    table = concerns()
    missing = [cid for cid in table if cid not in REGISTRY]
    if missing:
        raise DataError(
            "code/data/concerns.yaml",
            "concerns",
            f"{', '.join(missing)} has no rule module",
            "register its module in conduct/rules/__init__.py, or remove the concern",
        )
    extra = [cid for cid in REGISTRY if cid not in table]
    if extra:
        raise DataError(
            "code/data/concerns.yaml",
            "concerns",
            f"no concern {', '.join(extra)} for a registered module",
            "add the concern, with its clauses, or unregister the module",
        )
    return tuple(table.values())


@functools.lru_cache(maxsize=1)
def joinable() -> frozenset[str]:
    """Single words any list knows: split letters ("n.g.u") are joined only when they spell one."""
    out: set[str] = set()
    for cid in REGISTRY:
        for rule in compiled(cid).rules:
            for wl in (rule.words, *rule.near):
                if wl is not None:
                    out |= wl.single_tokens
    return frozenset(w for w in out if len(w) >= 2)


@functools.lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """One trie alternation over every list of every concern, frame and innocent phrase."""
    cm = common()
    lists: dict[str, list[WordList]] = {lang: [cm.innocent[lang]] for lang in LANGS}
    for ctx in cm.frames:
        lists[ctx.lang].append(ctx.words)
    for cid in REGISTRY:
        cc = compiled(cid)
        for rule in cc.rules:
            for wl in (rule.words, *rule.near):
                if wl is not None:
                    lists[wl.lang].append(wl)
        for ctx in cc.contexts:
            lists[ctx.lang].append(ctx.words)
    return Vocabulary({wl.uid: wl for ls in lists.values() for wl in ls}.values(), cm.loose, ambiguous_words())


def clear_caches() -> None:
    """Forget every compiled rule (after a data file changed, e.g. in an editor's test)."""
    for f in (compiled, common, joinable, vocabulary, registered, load_model):
        f.cache_clear()
