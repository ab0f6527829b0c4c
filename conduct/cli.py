"""The `conduct` command: check a post, print the Code, list a role's duties.

    conduct check "Nội dung bài đăng" --role individual --lang vi
    echo "post text" | conduct check - --json
    conduct code 4 --lang en
    conduct duties --role official

Bad input (empty text, unknown role or language, text that is not UTF-8) gets one line saying
what is wrong and what to do, and exit status 2; never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from conduct.code.render import code_text, duties_text
from conduct.commandline import OneLineParser as _Parser
from conduct.commandline import UsageError, run_command, utf8_streams
from conduct.i18n import t
from conduct.rules.engine import assess
from conduct.vocab import LANGS, ROLES


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="conduct",
        description="Vietnam's Code of Conduct on Social Networks (874/QĐ-BTTTT): "
        "check a post, print the Code, list a role's duties.",
    )
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    c = sub.add_parser("check", help="assess a post against the Code")
    c.add_argument("text", nargs="?", default="-", help="the post's text, or - to read it from stdin (default)")
    c.add_argument("--role", default="individual", help=f"the author's role: {', '.join(ROLES)}")
    c.add_argument("--lang", default=None, help="language of the explanation and of the post: vi or en")
    c.add_argument("--json", action="store_true", help="print the assessment as JSON")
    k = sub.add_parser("code", help="print the Code, or one article")
    k.add_argument("article", nargs="?", default=None, help="article number 1–9 (default: the whole Code)")
    k.add_argument("--lang", default="vi", help="vi or en")
    d = sub.add_parser("duties", help="list what the Code asks of a role")
    d.add_argument("--role", required=True, help=f"one of: {', '.join(ROLES)}")
    d.add_argument("--lang", default="vi", help="vi or en")
    return p


def _t(key: str, lang: str | None, **params: object) -> str:
    return t(f"cli.{key}", lang if lang in LANGS else "vi", **params)


def _check_lang(lang: str | None) -> None:
    if lang is not None and lang not in LANGS:
        raise UsageError(_t("unknown_lang", None, value=lang, langs=", ".join(LANGS)))


def _check_role(role: str, lang: str | None) -> None:
    if role not in ROLES:
        raise UsageError(_t("unknown_role", lang, role=role, roles=", ".join(ROLES)))


def _read_text(arg: str, lang: str | None) -> str:
    if arg != "-":
        return arg
    if sys.stdin is None or sys.stdin.isatty():
        raise UsageError(_t("no_text", lang))
    raw = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(_t("bad_utf8", lang, position=exc.start)) from None


def _check(args: argparse.Namespace) -> str:
    _check_lang(args.lang)
    _check_role(args.role, args.lang)
    text = _read_text(args.text, args.lang)
    if not text.strip():
        raise UsageError(_t("empty_text", args.lang))
    result = assess(text, role=args.role, lang=args.lang)
    if args.json:
        return json.dumps(result.to_dict(), ensure_ascii=False)
    return result.explain(args.lang or "vi")


def _code(args: argparse.Namespace) -> str:
    _check_lang(args.lang)
    article = None
    if args.article is not None:
        if not args.article.isdigit() or not 1 <= int(args.article) <= 9:
            raise UsageError(_t("unknown_article", args.lang, article=args.article))
        article = int(args.article)
    return code_text(article, args.lang)


def _duties(args: argparse.Namespace) -> str:
    _check_lang(args.lang)
    _check_role(args.role, args.lang)
    return duties_text(args.role, args.lang)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return the exit status (0 done, 2 bad input)."""
    utf8_streams()
    result: list[str] = []

    def body() -> int:
        args = _parser().parse_args(argv)
        result.append({"check": _check, "code": _code, "duties": _duties}[args.command](args))
        return 0

    # TypeError/ValueError are the API's own input checks (e.g. from assess()): bad input too.
    code = run_command(body, line=lambda exc: f"conduct: {exc}", usage=(UsageError, TypeError, ValueError), failures=())
    if code:
        return code
    out = result[0]
    try:
        print(out)
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. `conduct code | head`: the reader left, nothing to report
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    sys.exit(main())
