"""nbgrader's reasons, found in its log and worded in the instructor's language; quiet libraries.

nbgrader logs `[ReleaseAssignmentApp | CRITICAL] Destination already exists, add --force …` (with
colour codes on a terminal) and then a generic `[… | ERROR] nbgrader release_assignment failed`;
a student it could not grade gets a traceback and `Please see the the above traceback …`. The
useful line is the CRITICAL one, else the exception line that ends the last traceback, else the
last ERROR line that is not one of the generic ones. Known reasons have a catalogue entry (so the
instructor reads them in Vietnamese, with what to do); others are shown as nbgrader wrote them.
"""

from __future__ import annotations

import re
import warnings

from conduct.i18n import t

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_LOG = re.compile(r"^\[(?:[\w.]+\s*\|\s*)?(?P<level>CRITICAL|ERROR|WARNING|INFO|DEBUG)\]\s*(?P<message>.*)$")
_EXCEPTION = re.compile(
    r"^(?:[A-Za-z_][\w.]*\.)?[A-Z]\w*(?:Error|Exception|Exit|Interrupt|Timeout)\b:?\s*(?P<message>.*)$"
)
_GENERIC = (
    "Please see the the above traceback",
    "Please see the above traceback",
    "Please see the error log",
    "There was an error processing assignment",
    "failed",
    "Canceled",
)

# Known nbgrader and SQLite messages: pattern -> catalogue key under grading.reason (named groups are parameters).
KNOWN: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), k)
    for p, k in (
        (r"Destination already exists, add --force to overwrite", "release_exists"),
        (r"Unwritable directory, please contact your instructor: (?P<path>\S+)", "exchange_unwritable"),
        (r"You already have a copy of the assignment in this directory: (?P<path>\S+)", "already_fetched"),
        (r"Assignment not found at: (?P<path>\S+)", "not_released"),
        (r"Assignment not found: (?P<path>\S+)", "not_fetched"),
        (r"No course id specified", "no_course_id"),
        (r"attempt to write a readonly database", "readonly_db"),
        (r"unable to open database file", "db_unopenable"),
        (r"database is locked", "db_locked"),
        (r"Assignment found in '(?P<path>[^']*)' but not", "not_generated"),
        (r"You don't have write permissions to the directory: (?P<path>\S+)", "exchange_unwritable"),
        (r"Inbound directory doesn't exist: (?P<path>\S+)", "not_released"),
    )
)


def nbgrader_reason(log: str) -> str:
    """The one line of nbgrader's log (or an exception's text) that says what went wrong."""
    lines = [_ANSI.sub("", ln).rstrip() for ln in (log or "").splitlines()]
    critical, errors, exceptions = [], [], []
    for line in lines:
        m = _LOG.match(line.strip())
        if m:
            msg = m.group("message").strip()
            if m.group("level") == "CRITICAL":
                critical.append(msg)
            elif (
                m.group("level") == "ERROR"
                and msg
                and not any(g in msg for g in _GENERIC)
                and not msg.startswith("Traceback")
            ):
                errors.append(msg)
        elif line and not line[0].isspace() and _EXCEPTION.match(line):
            exceptions.append(line)
    for found in (critical, exceptions, errors):
        if found:
            return found[-1][:400]
    rest = [ln.strip() for ln in lines if ln.strip()]
    return (rest or ["?"])[-1][:400]


def explain(reason: str, lang: str) -> str:
    """A reason from nbgrader in the instructor's language when it is a known one, else as written."""
    for pattern, key in KNOWN:
        m = pattern.search(reason)
        if m:
            return t(f"grading.reason.{key}", lang, **m.groupdict())
    return t("grading.reason.as_written", lang, reason=reason)


def quiet_warnings() -> None:
    """Libraries' warnings are not the instructor's problem: SQLAlchemy's and nbformat's stay silent.

    nbgrader's gradebook triggers SQLAlchemy deprecation and relationship warnings on every open,
    and notebooks without cell ids make nbformat warn; none is actionable by an instructor.
    """
    warnings.filterwarnings("ignore", module=r"sqlalchemy(\.|$)")
    warnings.filterwarnings("ignore", module=r"nbgrader(\.|$)")
    warnings.filterwarnings("ignore", module=r"nbformat(\.|$)")
    warnings.filterwarnings("ignore", module=r"alembic(\.|$)")
    for name in ("SAWarning", "MovedIn20Warning", "RemovedIn20Warning"):
        category = getattr(__import__("sqlalchemy.exc", fromlist=[name]), name, None)
        if isinstance(category, type):
            warnings.filterwarnings("ignore", category=category)
    warnings.filterwarnings("ignore", message=r".*(MissingIDFieldWarning|missing an id field|Cell is missing an id).*")
    try:
        from nbformat.warnings import DuplicateCellId, MissingIDFieldWarning
    except ImportError:
        return
    warnings.filterwarnings("ignore", category=MissingIDFieldWarning)
    warnings.filterwarnings("ignore", category=DuplicateCellId)


def keyed(cls: type[Exception], key: str, **params: object) -> Exception:
    """An exception of `cls` whose text is catalogue key grading.<key>: English in logs and tests,
    the instructor's language when the command line shows it (see `render`)."""
    exc = cls(t(f"grading.{key}", "en", **params))
    exc.key, exc.params = key, params  # type: ignore[attr-defined]
    return exc


def render(exc: BaseException, lang: str) -> str:
    """An exception's text in `lang` when it was made by `keyed`, else as it is."""
    key = getattr(exc, "key", None)
    if isinstance(key, str):
        try:
            return t(f"grading.{key}", lang, **getattr(exc, "params", {}))
        except KeyError:
            pass
    return str(exc) or type(exc).__name__
