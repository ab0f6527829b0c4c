"""`conduct-course`: the instructor's one command, wrapping nbgrader's own apps and gradebook.

Each subcommand is named after nbgrader's verb and calls nbgrader (its apps in a subprocess run in
the course folder, or its Gradebook/NbGraderAPI); what is ours is only what nbgrader lacks
(sandboxed parallel autograde, roster checks, the CSV plugin, reports). Errors are one line and a
non-zero exit: 2 for bad usage, 1 when the work failed. Never a traceback.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from conduct.i18n import LANGS, t

from grading.course import Course, CourseError, nbgrader_env, open_course, setup_course
from grading.hub import commands as hub_commands


class UsageError(Exception):
    """Bad usage: exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line and exit 2, as argparse does, without the usage dump
        raise UsageError(f"{self.prog}: {message}")


def _lang(argv: list[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGS:
            return argv[i + 1]
        if arg.startswith("--lang=") and arg.split("=", 1)[1] in LANGS:
            return arg.split("=", 1)[1]
    env = os.environ.get("CONDUCT_LANG", "vi")
    return env if env in LANGS else "vi"


def build_parser(lang: str) -> argparse.ArgumentParser:
    h = lambda key: t(f"grading.{key}", lang)  # noqa: E731
    p = _Parser(prog="conduct-course", description=h("description"))
    p.add_argument("--course", default=os.environ.get("CONDUCT_COURSE", "."), help=h("help_course"))
    p.add_argument("--lang", choices=LANGS, default=lang, help=h("help_lang"))
    p.add_argument("--verbose", action="store_true", help=h("help_verbose"))
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    s = sub.add_parser("setup", help=h("help_setup"))
    s.add_argument("course_dir", metavar="COURSE_DIR", help=h("help_setup_dir"))
    s.add_argument("--exercises", help=h("help_exercises"))
    s.add_argument("--assignment", action="append", dest="only", metavar="NAME", help=h("help_only"))
    s.add_argument("--course-id", default="conduct", help=h("help_course_id"))
    s.add_argument("--db", help=h("help_db"))
    s.add_argument("--timeout", type=int, default=30, help=h("help_timeout"))
    s.add_argument("--cpu-seconds", type=int, default=60, help=h("help_cpu_seconds"))
    s.add_argument("--memory-mb", type=int, default=2048, help=h("help_memory_mb"))

    r = sub.add_parser("roster", help=h("help_roster"))
    rsub = r.add_subparsers(dest="roster_command", required=True, parser_class=_Parser)
    ri = rsub.add_parser("import", help=h("help_roster_import"))
    ri.add_argument("file", metavar="FILE.csv")

    rel = sub.add_parser("release", help=h("help_release"))
    rel.add_argument("assignment", metavar="ASSIGNMENT")
    rel.add_argument("--force", action="store_true", help=h("help_force"))

    for name in ("collect", "feedback"):
        c = sub.add_parser(name, help=h(f"help_{name}"))
        c.add_argument("assignment", metavar="ASSIGNMENT", nargs="?", help=h("help_assignment"))

    a = sub.add_parser("autograde", help=h("help_autograde"))
    a.add_argument("assignment", metavar="ASSIGNMENT", nargs="?", help=h("help_assignment"))
    a.add_argument("--workers", type=int, default=None, help=h("help_workers"))
    a.add_argument("--no-sandbox", action="store_true", help=h("help_no_sandbox"))
    a.add_argument("--unsafe-limits", action="store_true", help=t("sandbox.help_unsafe_limits", lang))
    a.add_argument("--force", action="store_true", help=h("help_force"))

    e = sub.add_parser("export", help=h("help_export"))
    e.add_argument("file", metavar="grades.csv")

    rep = sub.add_parser("report", help=h("help_report"))
    rep.add_argument("out_dir", metavar="OUT_DIR")
    rep.add_argument("--pair", nargs=2, action="append", metavar=("PRE", "POST"), help=h("help_pair"))
    hub_commands.add_parsers(sub, lang)  # hub setup|start, certificates, verify (grading/hub/commands.py)
    return p


class NbgraderFailed(Exception):
    pass


def run_nbgrader(course: Course, verb: str, *args: str, verbose: bool = False) -> subprocess.CompletedProcess:
    """Run one of nbgrader's own apps in the course folder (so it reads the course's config)."""
    cmd = [sys.executable, "-m", "nbgrader", verb, *args]
    run = subprocess.run(cmd, cwd=course.root, env=nbgrader_env(), capture_output=True, text=True)
    if verbose:
        sys.stderr.write(run.stdout + run.stderr)
    if run.returncode != 0:
        if not verbose:  # nbgrader's own error lines say what went wrong; its tracebacks do not
            for line in (run.stdout + run.stderr).splitlines():
                if "[ERROR]" in line or "[CRITICAL]" in line:
                    print(line.strip(), file=sys.stderr)
        raise NbgraderFailed(verb, run.returncode)
    return run


def _released(course: Course) -> list[str]:
    return [a for a in course.assignments() if (course.step("release") / a).is_dir()]


def _targets(course: Course, assignment: str | None, lang: str) -> list[str]:
    if assignment:
        if assignment not in course.assignments():
            raise UsageError(f"no assignment {assignment!r} in {course.step('source')} "
                              f"(there are: {', '.join(course.assignments()) or 'none'})")
        return [assignment]
    targets = _released(course)
    if not targets:
        raise CourseError(t("grading.nothing_to_do", lang))
    return targets


def cmd_setup(args, lang: str) -> int:
    if min(args.timeout, args.cpu_seconds, args.memory_mb) < 1:
        raise UsageError("conduct-course setup: --timeout, --cpu-seconds and --memory-mb must be positive")
    course, copied, kept = setup_course(args.course_dir, args.exercises, course_id=args.course_id, db_url=args.db,
                                        timeout=args.timeout, cpu_seconds=args.cpu_seconds,
                                        memory_mb=args.memory_mb, only=args.only)
    from grading.exchange import secure_course

    secure_course(course, create_gradebook=True)  # 0700 folder, 0600 gradebook, before any student exists
    print(t("grading.setup_done", lang, root=course.root, copied=len(copied), kept=len(kept)))
    return 0


def cmd_roster(args, lang: str) -> int:
    from grading.roster import import_roster

    course = open_course(args.course)
    good, bad = import_roster(course.db_url, args.file)
    for row in bad:
        print(t("grading.roster_bad_row", lang, row=row.row, reason=row.reason), file=sys.stderr)
    print(t("grading.roster_done", lang, good=len(good), bad=len(bad)))
    return 1 if bad else 0


def cmd_release(args, lang: str) -> int:
    course = open_course(args.course)
    _targets(course, args.assignment, lang)
    force = ["--force"] if args.force else []
    run_nbgrader(course, "generate_assignment", args.assignment, *force, verbose=args.verbose)
    run_nbgrader(course, "release_assignment", args.assignment, *force, verbose=args.verbose)
    print(t("grading.release_done", lang, assignment=args.assignment))
    return 0


def _say_skipped(reports, lang: str) -> int:
    """Print each skipped student's reasons and each warning (grading/exchange.py); count the skipped."""
    for r in reports:
        for reason in r.reasons:
            print(t("sandbox.skipped", lang, student=r.student, assignment=r.assignment, reason=reason), file=sys.stderr)
        for warning in r.warnings:
            print(t("sandbox.warning", lang, student=r.student, assignment=r.assignment, reason=warning), file=sys.stderr)
    return sum(r.status == "skipped" for r in reports)


def cmd_collect(args, lang: str) -> int:
    from grading.exchange import collect

    course = open_course(args.course)
    skipped = 0
    for assignment in _targets(course, args.assignment, lang):
        reports = collect(course, assignment, lang)  # our own safe copy, not nbgrader's (see exchange.py)
        skipped += _say_skipped(reports, lang)
        print(t("sandbox.collected", lang, assignment=assignment, count=sum(r.status == "collected" for r in reports),
                skipped=sum(r.status == "skipped" for r in reports)))
        print(t("grading.collect_done", lang, assignment=assignment))
    return 1 if skipped else 0


def cmd_autograde(args, lang: str) -> int:
    from grading.exchange import Report, check_step, secure_course
    from grading.parallel import autograde, sandbox_check
    from grading.sandbox import UNSAFE_LIMITS_ENV, limits_check

    if args.workers is not None and args.workers < 1:
        raise UsageError("conduct-course autograde: --workers must be 1 or more")
    course = open_course(args.course)
    secure_course(course)
    if not args.no_sandbox:
        sandbox_check()  # refuse before anything else, even with nothing to grade yet
        print(t("sandbox.limits_in_use", lang, layout=limits_check(args.unsafe_limits, lang)), flush=True)
        if args.unsafe_limits:
            os.environ[UNSAFE_LIMITS_ENV] = "1"  # read by the sandbox's kernel manager in the workers
    targets = [a for a in _targets(course, args.assignment, lang) if course.submissions(a)]
    failed = 0
    workers = args.workers or os.cpu_count() or 1
    sandbox = t("grading.sandbox_off" if args.no_sandbox else "grading.sandbox_on", lang)

    def show(o) -> None:
        if o.status in ("zero", "failed"):
            print(t("grading.autograde_student", lang, student=o.student,
                    status=t(f"grading.status_{o.status}", lang), reason=o.reason), flush=True)

    for assignment in targets:
        print(t("grading.autograde_start", lang, assignment=assignment, count=len(course.submissions(assignment)),
                workers=workers, sandbox=sandbox), flush=True)
        start = time.monotonic()
        bad = check_step(course, "submitted", assignment, lang)  # links, devices…: never handed to nbgrader
        failed += _say_skipped([Report(s, assignment, "skipped", r) for s, r in bad.items()], lang)
        outcomes = autograde(course, assignment, workers=workers, sandbox=not args.no_sandbox,
                             force=args.force, on_outcome=show,
                             students=[s for s in course.submissions(assignment) if s not in bad])
        count = {s: sum(o.status == s for o in outcomes) for s in ("graded", "zero", "skipped", "failed")}
        failed += count["failed"]
        print(t("grading.autograde_done", lang, assignment=assignment, seconds=f"{time.monotonic() - start:.1f}",
                **count))
    return 1 if failed else 0


def cmd_feedback(args, lang: str) -> int:
    from grading.exchange import Report, check_step
    from grading.sanitize import feedback_args

    course = open_course(args.course)
    skipped = 0
    for assignment in _targets(course, args.assignment, lang):
        # a student whose autograded folder is unsafe or lacks its secret is skipped, not everyone
        bad = check_step(course, "autograded", assignment, lang)
        skipped += _say_skipped([Report(s, assignment, "skipped", r) for s, r in bad.items()], lang)
        exclude = [f"--CourseDirectory.student_id_exclude={','.join(sorted(bad))}"] if bad else []
        run_nbgrader(course, "generate_feedback", assignment, *feedback_args(), *exclude, verbose=args.verbose)
        run_nbgrader(course, "release_feedback", assignment, *exclude, verbose=args.verbose)
        print(t("grading.feedback_done", lang, assignment=assignment))
    return 1 if skipped else 0


def cmd_export(args, lang: str) -> int:
    course = open_course(args.course)
    dest = Path(args.file).resolve()
    run_nbgrader(course, "export", "--to", str(dest), verbose=args.verbose)
    rows = max(0, len(dest.read_text(encoding="utf-8-sig").splitlines()) - 1)
    print(t("grading.export_done", lang, path=dest, rows=rows))
    return 0


def cmd_report(args, lang: str) -> int:
    from grading.reports import write_report

    course = open_course(args.course)
    pairs = [tuple(p) for p in args.pair] if args.pair else None
    page = write_report(course, Path(args.out_dir), lang=lang, pairs=pairs)
    print(t("grading.report_done", lang, path=page))
    return 0


COMMANDS = {"setup": cmd_setup, "roster": cmd_roster, "release": cmd_release, "collect": cmd_collect,
            "autograde": cmd_autograde, "feedback": cmd_feedback, "export": cmd_export, "report": cmd_report,
            **hub_commands.COMMANDS}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _lang(argv)
    # The gradebook (opened in this process too) runs `alembic` by name: an instructor who calls
    # .venv/bin/conduct-course without activating the venv must not hit "No such file: alembic".
    os.environ["PATH"] = nbgrader_env()["PATH"]
    try:
        args = build_parser(lang).parse_args(argv)
        return COMMANDS[args.command](args, args.lang)
    except UsageError as exc:
        print(t("grading.error", lang, message=exc), file=sys.stderr)
        return 2
    except NbgraderFailed as exc:
        verb, code = exc.args
        print(t("grading.nbgrader_failed", lang, verb=verb, assignment=getattr(args, "assignment", "") or "-",
                code=code), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # CourseError, RosterError, SandboxUnavailable, OSError...: one line, no traceback
        print(t("grading.error", lang, message=str(exc) or type(exc).__name__), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
