"""Answer checks called by the test cells of the nbgrader exercises.

A learner answers by writing a value (`verdict_post_3 = "violation"`, `clauses_post_3 = ["4(5)"]`,
`answer_2 = "B"`). The visible part of a test cell calls a *form* check (`verdict`, `clauses`,
`choice`, `choices`): it fails with a message in the notebook's language that names the variable
and says what to write, so a non-programmer can fix the form without reading a traceback. The hidden
part calls an `expect_*` check with the gold answer baked in at build time; its message (seen in
the feedback after grading) says what was expected and why.

Form and content use the same normalisation, so an answer the form check accepts is graded on its
content alone ("Violation " counts as "violation"). Checks raise AssertionError, which nbgrader
scores as a failed test, and print nothing to stderr (nbgrader scores stderr output as a failure).
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any, Callable, Iterable, Mapping, Sequence

from conduct.i18n import LANGS, t

from conduct.vocab import VERDICTS
_CLAUSE = re.compile(r"^\D*?(\d+)\s*[(.]\s*(\d+)\s*\)?\s*$")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip().casefold()


def _quoted(values: Iterable[str]) -> str:
    return ", ".join(f'"{v}"' for v in values)


def _fail(key: str, lang: str, **params: Any) -> None:
    __tracebackhide__ = True  # IPython: keep this frame out of the learner's traceback
    raise AssertionError(t(f"exercises.{key}", lang, **params))


def _is_placeholder(value: Any) -> bool:
    return value is Ellipsis or (isinstance(value, str) and value.strip() in ("", "...", "…"))


def _one_text(value: Any, options: Sequence[str], aliases: Mapping[str, str], *, name: str, lang: str,
              hint_key: str) -> str:
    """The option code `value` stands for, or a clear AssertionError."""
    __tracebackhide__ = True  # IPython: keep this frame out of the learner's traceback
    shown = _quoted(options)
    if _is_placeholder(value):
        _fail("err_placeholder", lang, name=name, hint=t(f"exercises.{hint_key}", lang, options=shown))
    if not isinstance(value, str):
        _fail("err_not_text", lang, name=name, example=options[0])
    folded = _fold(value)
    for option in options:
        if folded == _fold(option):
            return option
    if folded in aliases:
        return aliases[folded]
    _fail("err_choose_one", lang, name=name, options=shown, given=repr(value))
    raise AssertionError  # unreachable; keeps type checkers content


def _verdict_aliases() -> dict[str, str]:
    """The verdict words of both languages also count ("vi phạm" means "violation")."""
    out: dict[str, str] = {}
    for lang in LANGS:
        for code in VERDICTS:
            out[_fold(t(f"exercises.verdict_word.{code}", lang))] = code
            out[_fold(t(f"exercises.verdict_short.{code}", lang))] = code
            out[_fold(t(f"exercises.verdict.{code}", lang))] = code
    return out


def _as_list(value: Any, *, name: str, lang: str, example: str) -> list[Any]:
    __tracebackhide__ = True  # IPython: keep this frame out of the learner's traceback
    if _is_placeholder(value) and not isinstance(value, str):
        _fail("err_list_placeholder", lang, name=name)
    if isinstance(value, str):  # choices written without brackets ("4(5), 4(6)") still count
        return [part for part in re.split(r"[,;]", value) if part.strip()]
    if not isinstance(value, (list, tuple, set, frozenset)):
        _fail("err_not_list", lang, name=name, example=example)
    items = list(value)
    if any(_is_placeholder(v) for v in items):
        _fail("err_list_placeholder", lang, name=name)
    return items


def clause_id(value: Any) -> str | None:
    """Normalise a written clause ("4(5)", "Art. 4(5)", "Điều 4 (5)", "4.5") to "4(5)"."""
    if not isinstance(value, str):
        return None
    match = _CLAUSE.match(unicodedata.normalize("NFC", value))
    return f"{int(match.group(1))}({int(match.group(2))})" if match else None


# --- form checks (visible tests) ---------------------------------------------------------------
# Each public check prints a one-line confirmation when the form is right (stdout, which nbgrader
# ignores when scoring); the hidden content checks use the silent `_…` versions.

def _ok(name: str, lang: str) -> None:
    print(t("exercises.form_ok", lang, name=name))


def _verdict(value: Any, lang: str, name: str) -> str:
    __tracebackhide__ = True  # IPython: keep this frame out of the learner's traceback
    return _one_text(value, VERDICTS, _verdict_aliases(), name=name, lang=lang, hint_key="verdict_hint")


def _clauses(value: Any, options: Sequence[str], lang: str, name: str) -> frozenset[str]:
    __tracebackhide__ = True  # IPython: keep this frame out of the learner's traceback
    example = f'"{options[0]}"' if options else '"4(5)"'
    if _is_placeholder(value) and isinstance(value, str):
        _fail("err_list_placeholder", lang, name=name)
    out = set()
    for item in _as_list(value, name=name, lang=lang, example=example):
        cid = clause_id(item)
        if cid is None or cid not in options:
            _fail("err_unknown_clause", lang, name=name, given=repr(item), options=_quoted(options))
        out.add(cid)
    return frozenset(out)


def _choice(value: Any, options: Sequence[str], lang: str, name: str) -> str:
    __tracebackhide__ = True  # IPython: keep this frame out of the learner's traceback
    return _one_text(value, options, {}, name=name, lang=lang, hint_key="choice_hint")


def _choices(value: Any, options: Sequence[str], lang: str, name: str) -> frozenset[str]:
    __tracebackhide__ = True  # IPython: keep this frame out of the learner's traceback
    items = _as_list(value, name=name, lang=lang, example=f'"{options[0]}"')
    if not items:
        _fail("err_empty_choice", lang, name=name)
    out = set()
    for item in items:
        match = [o for o in options if isinstance(item, str) and _fold(item) == _fold(o)]
        if not match:
            _fail("err_unknown_option", lang, name=name, given=repr(item), options=_quoted(options))
        out.add(match[0])
    return frozenset(out)


def verdict(value: Any, lang: str = "vi", *, name: str = "verdict") -> str:
    """Check that `value` names one verdict; return its code."""
    __tracebackhide__ = True  # IPython: keep this frame out of the learner's traceback
    code = _verdict(value, lang, name)
    _ok(name, lang)
    return code


def clauses(value: Any, options: Sequence[str], lang: str = "vi", *, name: str = "clauses") -> frozenset[str]:
    """Check that `value` is a list of clause ids drawn from `options`; return them as a set."""
    __tracebackhide__ = True  # IPython: keep this frame out of the learner's traceback
    found = _clauses(value, options, lang, name)
    _ok(name, lang)
    return found


def choice(value: Any, options: Sequence[str], lang: str = "vi", *, name: str = "answer") -> str:
    """Check that `value` is one of `options` (letters or codes); return the option."""
    __tracebackhide__ = True  # IPython: keep this frame out of the learner's traceback
    found = _choice(value, options, lang, name)
    _ok(name, lang)
    return found


def choices(value: Any, options: Sequence[str], lang: str = "vi", *, name: str = "answer") -> frozenset[str]:
    """Check that `value` is a non-empty list of options; return them as a set."""
    __tracebackhide__ = True  # IPython: keep this frame out of the learner's traceback
    found = _choices(value, options, lang, name)
    _ok(name, lang)
    return found


# --- content checks (hidden tests) -------------------------------------------------------------

def _why(post_id: str | None, lang: str) -> str:
    """The bank's reason for a post's gold answer, best effort: feedback must never break grading."""
    if not post_id:
        return ""
    try:
        from conduct.bank import post

        return " " + t("exercises.why", lang, text=post(post_id).explanation[lang])
    except Exception:  # the reason is a courtesy; the grade does not depend on it
        return ""


def expect_verdict(value: Any, gold: str, lang: str = "vi", *, name: str = "verdict", post: str | None = None) -> None:
    __tracebackhide__ = True  # IPython: keep this frame out of the learner's traceback
    given = _verdict(value, lang, name)
    if given != gold:
        word = t(f"exercises.verdict_word.{gold}", lang)
        raise AssertionError(t("exercises.wrong_verdict", lang, name=name, gold=gold, word=word) + _why(post, lang))


def expect_clauses(value: Any, gold: Sequence[str], options: Sequence[str], lang: str = "vi", *,
                   name: str = "clauses", post: str | None = None) -> None:
    """Right when the answer names at least one gold clause and nothing else; [] when gold is empty.

    A post can concern several clauses (e.g. 4(6) and 3(1)); naming one of them correctly is
    enough, naming a clause that does not apply is not.
    """
    __tracebackhide__ = True  # IPython: keep this frame out of the learner's traceback
    given = _clauses(value, options, lang, name)
    right = given <= frozenset(gold) and bool(given) == bool(gold)
    if not right:
        shown = "[" + _quoted(gold) + "]"
        raise AssertionError(t("exercises.wrong_clauses", lang, name=name, gold=shown) + _why(post, lang))


def expect_choice(value: Any, gold: str, options: Sequence[str], lang: str = "vi", *, name: str = "answer",
                  feedback: Mapping[str, str] | None = None) -> None:
    __tracebackhide__ = True  # IPython: keep this frame out of the learner's traceback
    given = _choice(value, options, lang, name)
    if given != gold:
        message = t("exercises.wrong_choice", lang, name=name, gold=f'"{gold}"')
        if feedback and given in feedback:
            message += " " + t("exercises.feedback_on_yours", lang, text=feedback[given])
        raise AssertionError(message)


def expect_choices(value: Any, gold: Sequence[str], options: Sequence[str], lang: str = "vi", *,
                   name: str = "answer") -> None:
    __tracebackhide__ = True  # IPython: keep this frame out of the learner's traceback
    given = _choices(value, options, lang, name)
    if given != frozenset(gold):
        raise AssertionError(t("exercises.wrong_choice", lang, name=name, gold="[" + _quoted(gold) + "]"))


# --- the programming assignment ----------------------------------------------------------------

def expect_found(func: Callable[[str], Any], text: str, expected: Sequence[Sequence[str]], lang: str = "vi", *,
                 name: str = "find_personal_data") -> None:
    """`func(text)` must return exactly the expected (kind, value) pairs, in order of appearance."""
    __tracebackhide__ = True  # IPython: keep this frame out of the learner's traceback
    if not callable(func):
        _fail("fn_missing", lang, name=name)
    got = func(text)
    if not isinstance(got, (list, tuple)) or not all(isinstance(p, (list, tuple)) and len(p) == 2 for p in got):
        _fail("fn_not_list", lang, name=name, text=text, got=repr(got))
    pairs = [tuple(p) for p in got]
    wanted = [tuple(p) for p in expected]
    if pairs != wanted:
        _fail("fn_wrong", lang, name=name, text=text, got=repr(pairs), expected=repr(wanted))
