"""The error contract of the project's two commands, `conduct` and `conduct-course`, written once.

Both promise the same thing to the person at the terminal: a problem is one line on stderr (never a
traceback), and the exit status says what kind of problem it was, so scripts can tell a typo from a
failed run. Each command only decides how its line is worded (its own prefix, its own language).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import NoReturn

EXIT_OK = 0  # done
EXIT_FAILED = 1  # the work could not be done; the line says why
EXIT_USAGE = 2  # what was typed is wrong (argparse's own convention)
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, as shells report it)


class UsageError(Exception):
    """What the user typed is wrong; the message says what to do. Exit 2."""


class OneLineParser(argparse.ArgumentParser):
    """argparse without the usage dump: a bad argument becomes a UsageError with a pointer to --help."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (run `{self.prog} --help`)")


def utf8_streams() -> None:
    """Print Vietnamese correctly whatever the terminal's locale says."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")


def run_command(
    body: Callable[[], int],
    *,
    line: Callable[[BaseException], str],
    usage: tuple[type[BaseException], ...] = (UsageError,),
    failures: tuple[type[BaseException], ...] = (Exception,),
) -> int:
    """Run `body`; turn the exceptions it raises into one line (worded by `line`) and an exit status.

    `usage` exceptions exit 2, `failures` exit 1, Ctrl-C exits 130 quietly; anything else is a bug
    and keeps its traceback.
    """
    try:
        return body()
    except usage as exc:
        print(line(exc), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except failures as exc:
        print(line(exc), file=sys.stderr)
        return EXIT_FAILED
