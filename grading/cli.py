"""`conduct-course`: the instructor's one command (and the students' `student` verbs), over nbgrader.

Each subcommand is named after nbgrader's verb and calls nbgrader (its apps in a subprocess run in
the course folder, or its Gradebook/NbGraderAPI/exchange classes); what is ours is only what
nbgrader lacks (sandboxed parallel autograde, roster checks, manual grading from the terminal, the
CSV plugin, reports). The error contract is conduct/commandline.py's: one line in the instructor's
language, never a traceback (unless --verbose), and an exit status that says what happened:

    0    done (roster: at least one student imported; bad rows are listed)
    1    the work failed, or nothing could be done (the line says why)
    2    bad usage (a typo in the command)
    130  stopped by Ctrl-C, 143 by SIGTERM (what was graded is kept)

--course, --lang and --verbose may come before or after the subcommand.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import traceback
from pathlib import Path

from sqlalchemy.exc import OperationalError

from conduct.commandline import EXIT_FAILED, EXIT_OK, OneLineParser, UsageError, run_command, utf8_streams
from conduct.i18n import LANGS, t
from grading import manual, student
from grading.course import (
    Course,
    CourseError,
    nbgrader_env,
    open_course,
    setup_course,
    unreachable,
    write_student_config,
)
from grading.exchange import Report, check_step, collect, secure_course
from grading.export import write_csv
from grading.feedback import translate_all
from grading.hub import commands as hub_commands
from grading.messages import explain, nbgrader_reason, quiet_warnings, render
from grading.parallel import Outcome, Stopped, autograde, read_failures, sandbox_check
from grading.reports import write_report
from grading.roster import RosterError, import_roster, roster_ids
from grading.sandbox import UNSAFE_LIMITS_ENV, SandboxUnavailable, limits_check
from grading.sanitize import feedback_args


def _lang(argv: list[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGS:
            return argv[i + 1]
        if arg.startswith("--lang=") and arg.split("=", 1)[1] in LANGS:
            return arg.split("=", 1)[1]
    env = os.environ.get("CONDUCT_LANG", "vi")
    return env if env in LANGS else "vi"


def _common(lang: str) -> OneLineParser:
    """Options every subcommand accepts, before or after its name (SUPPRESS: the later one wins)."""
    h = lambda key: t(f"grading.{key}", lang)  # noqa: E731
    common = OneLineParser(add_help=False)
    common.add_argument("--course", default=argparse.SUPPRESS, help=h("help_course"))
    common.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=h("help_lang"))
    common.add_argument("--verbose", action="store_true", default=argparse.SUPPRESS, help=h("help_verbose"))
    return common


def build_parser(lang: str) -> argparse.ArgumentParser:
    h = lambda key: t(f"grading.{key}", lang)  # noqa: E731
    common = _common(lang)
    p = OneLineParser(prog="conduct-course", description=h("description"), parents=[common])
    sub = p.add_subparsers(dest="command", required=True, parser_class=OneLineParser)

    def add(name: str, **kw) -> argparse.ArgumentParser:
        return sub.add_parser(name, parents=[common], help=h(f"help_{name}"), **kw)

    s = add("setup")
    s.add_argument("course_dir", metavar="COURSE_DIR", help=h("help_setup_dir"))
    s.add_argument("--exercises", help=h("help_exercises"))
    s.add_argument("--assignment", action="append", dest="only", metavar="NAME", help=h("help_only"))
    s.add_argument("--course-id", default="conduct", help=h("help_course_id"))
    s.add_argument("--db", help=h("help_db"))
    s.add_argument("--exchange", metavar="DIR", help=h("help_exchange"))
    s.add_argument("--timeout", type=int, default=30, help=h("help_timeout"))
    s.add_argument("--cpu-seconds", type=int, default=60, help=h("help_cpu_seconds"))
    s.add_argument("--memory-mb", type=int, default=2048, help=h("help_memory_mb"))

    r = add("roster")
    rsub = r.add_subparsers(dest="roster_command", required=True, parser_class=OneLineParser)
    ri = rsub.add_parser("import", parents=[common], help=h("help_roster_import"))
    ri.add_argument("file", metavar="FILE.csv")

    rel = add("release")
    rel.add_argument("assignment", metavar="ASSIGNMENT")
    rel.add_argument("--force", action="store_true", help=h("help_force"))

    c = add("collect")
    c.add_argument("assignment", metavar="ASSIGNMENT", nargs="?", help=h("help_assignment"))

    a = add("autograde")
    a.add_argument("assignment", metavar="ASSIGNMENT", nargs="?", help=h("help_assignment"))
    a.add_argument("--workers", type=int, default=None, help=h("help_workers"))
    a.add_argument("--no-sandbox", action="store_true", help=h("help_no_sandbox"))
    a.add_argument("--unsafe-limits", action="store_true", help=t("sandbox.help_unsafe_limits", lang))
    a.add_argument("--force", action="store_true", help=h("help_force"))

    g = add("grade")
    g.add_argument("assignment", metavar="ASSIGNMENT", nargs="?", help=h("help_assignment"))
    g.add_argument("student", metavar="STUDENT", nargs="?", help=h("help_grade_student"))
    g.add_argument("question", metavar="QUESTION", nargs="?", help=h("help_grade_question"))
    g.add_argument("score", metavar="SCORE", nargs="?", type=float, help=h("help_grade_score"))
    g.add_argument("--comment", help=h("help_grade_comment"))

    f = add("feedback")
    f.add_argument("assignment", metavar="ASSIGNMENT", nargs="?", help=h("help_assignment"))
    f.add_argument("--partial", action="store_true", help=h("help_partial"))

    e = add("export")
    e.add_argument("file", metavar="grades.csv")

    rep = add("report")
    rep.add_argument("out_dir", metavar="OUT_DIR")
    rep.add_argument("--pair", nargs=2, action="append", metavar=("PRE", "POST"), help=h("help_pair"))

    st = add("student")
    ssub = st.add_subparsers(dest="student_command", required=True, parser_class=OneLineParser)
    for verb in ("fetch", "submit", "feedback", "list"):
        sv = ssub.add_parser(verb, parents=[common], help=h(f"help_student_{verb}"))
        if verb != "list":
            sv.add_argument("assignment", metavar="ASSIGNMENT")
        sv.add_argument("--student", help=h("help_student_id"))
        sv.add_argument("--dir", default=".", help=h("help_student_dir"))
    hub_commands.add_parsers(sub, lang)  # hub setup|start, certificates, verify (grading/hub/commands.py)
    return p


class NbgraderFailed(Exception):
    """One of nbgrader's apps failed; `reason` is the line of its log that says why."""

    def __init__(self, verb: str, reason: str, code: int) -> None:
        super().__init__(verb, reason, code)
        self.verb, self.reason, self.code = verb, reason, code


def run_nbgrader(course: Course, verb: str, *args: str, verbose: bool = False) -> subprocess.CompletedProcess:
    """Run one of nbgrader's own apps in the course folder (so it reads the course's config)."""
    cmd = [sys.executable, "-m", "nbgrader", verb, *args]
    env = dict(nbgrader_env(), PYTHONWARNINGS="ignore")
    run = subprocess.run(cmd, cwd=course.root, env=env, capture_output=True, text=True)
    if verbose:
        sys.stderr.write(run.stdout + run.stderr)
    if run.returncode != 0:
        raise NbgraderFailed(verb, nbgrader_reason(run.stdout + run.stderr), run.returncode)
    return run


def _released(course: Course) -> list[str]:
    return [a for a in course.assignments() if (course.step("release") / a).is_dir()]


def _targets(course: Course, assignment: str | None, lang: str) -> list[str]:
    if assignment:
        if assignment not in course.assignments():
            raise UsageError(
                t(
                    "grading.no_assignment",
                    lang,
                    assignment=assignment,
                    source=course.step("source"),
                    known=", ".join(course.assignments()) or "—",
                )
            )
        return [assignment]
    targets = _released(course)
    if not targets:
        raise CourseError(t("grading.nothing_to_do", lang))
    return targets


def _say(key: str, lang: str, *, err: bool = False, **params: object) -> None:
    print(t(f"grading.{key}", lang, **params), file=sys.stderr if err else sys.stdout, flush=True)


def _outsiders(course: Course, students: list[str], lang: str) -> set[str]:
    """Submitters not on the roster: named once, then left out of export and report."""
    roster = roster_ids(course.state)
    if roster is None:
        return set()
    out = sorted(set(students) - roster)
    if out:
        _say("not_on_roster", lang, err=True, count=len(out), students=", ".join(out))
    return set(out)


def check_writable(course: Course, lang: str) -> None:
    """A read-only SQLite gradebook is said once, before any work (nbgrader would print a traceback per student)."""
    url = course.db_url
    if not url.startswith("sqlite:///"):
        return
    db = Path(url[len("sqlite:///") :])
    for path in (db, db.parent):
        if path.exists() and not os.access(path, os.W_OK):
            raise CourseError(t("grading.reason.readonly_db", lang) + f" ({path})")


# --- commands ------------------------------------------------------------------------------------


def cmd_setup(args, lang: str) -> int:
    if min(args.timeout, args.cpu_seconds, args.memory_mb) < 1:
        raise UsageError(t("grading.limits_positive", lang))
    course, copied, kept = setup_course(
        args.course_dir,
        args.exercises,
        course_id=args.course_id,
        db_url=args.db,
        timeout=args.timeout,
        cpu_seconds=args.cpu_seconds,
        memory_mb=args.memory_mb,
        only=args.only,
        exchange=args.exchange,
    )
    secure_course(course, create_gradebook=True)  # 0700 folder, 0600 gradebook, before any student exists
    _say("setup_done", lang, root=course.root, copied=len(copied), kept=len(kept))
    path, written = write_student_config(course)
    if written:
        _say("student_config_written", lang, path=path)
    else:
        _say("student_config_kept", lang, path=path, exchange=course.exchange)
    closed = unreachable(course.exchange)
    if closed is not None:
        _say("exchange_unreachable", lang, err=True, exchange=course.exchange, folder=closed)
    return EXIT_OK


def cmd_roster(args, lang: str) -> int:
    course = open_course(args.course)
    check_writable(course, lang)
    try:
        good, bad = import_roster(course.db_url, args.file, course.state)
    except RosterError as exc:
        raise CourseError(exc.message(lang)) from None
    for row in bad:
        _say("roster_bad_row", lang, err=True, row=row.row, reason=row.text(lang))
    _say("roster_done", lang, good=len(good), bad=len(bad))
    return EXIT_OK if good else EXIT_FAILED


def cmd_release(args, lang: str) -> int:
    course = open_course(args.course)
    check_writable(course, lang)
    _targets(course, args.assignment, lang)
    force = ["--force"] if args.force else []
    if args.force or not (course.step("release") / args.assignment).is_dir():  # else nbgrader would only skip it
        run_nbgrader(course, "generate_assignment", args.assignment, *force, verbose=args.verbose)
    run_nbgrader(course, "release_assignment", args.assignment, *force, verbose=args.verbose)
    _say("release_done", lang, assignment=args.assignment)
    return EXIT_OK


def _say_skipped(reports: list[Report], lang: str) -> int:
    """Print each skipped student's reasons and each warning (grading/exchange.py); count the skipped."""
    for r in reports:
        for reason in r.reasons:
            print(
                t("sandbox.skipped", lang, student=r.student, assignment=r.assignment, reason=reason), file=sys.stderr
            )
        for warning in r.warnings:
            print(
                t("sandbox.warning", lang, student=r.student, assignment=r.assignment, reason=warning), file=sys.stderr
            )
    return sum(r.status == "skipped" for r in reports)


def cmd_collect(args, lang: str) -> int:
    course = open_course(args.course)
    skipped = 0
    for assignment in _targets(course, args.assignment, lang):
        reports = collect(course, assignment, lang)  # our own safe copy, not nbgrader's (see exchange.py)
        skipped += _say_skipped(reports, lang)
        print(
            t(
                "sandbox.collected",
                lang,
                assignment=assignment,
                count=sum(r.status == "collected" for r in reports),
                skipped=sum(r.status == "skipped" for r in reports),
            ),
            flush=True,
        )
        _outsiders(course, course.submissions(assignment), lang)
    return EXIT_FAILED if skipped else EXIT_OK


def cmd_autograde(args, lang: str) -> int:
    if args.workers is not None and args.workers < 1:
        raise UsageError(t("grading.workers_positive", lang))
    course = open_course(args.course)
    secure_course(course)
    if not args.no_sandbox:
        sandbox_check()  # refuse before anything else, even with nothing to grade yet
        print(t("sandbox.limits_in_use", lang, layout=limits_check(args.unsafe_limits, lang)), flush=True)
        if args.unsafe_limits:
            os.environ[UNSAFE_LIMITS_ENV] = "1"  # read by the sandbox's kernel manager in the workers
    check_writable(course, lang)
    targets = [a for a in _targets(course, args.assignment, lang) if course.submissions(a)]
    failed = 0
    workers = args.workers or os.cpu_count() or 1
    sandbox = t("grading.sandbox_off" if args.no_sandbox else "grading.sandbox_on", lang)

    def show(o: Outcome) -> None:
        if o.status in ("zero", "failed"):
            reason = o.text(lang)
            if o.status == "failed":
                reason = t("grading.failed_cleared", lang, reason=reason)
                if args.verbose and o.log:  # nbgrader's own log, traceback included
                    print(o.log.rstrip(), file=sys.stderr, flush=True)
            _say(
                "autograde_student",
                lang,
                student=o.student,
                status=t(f"grading.status_{o.status}", lang),
                reason=reason,
            )

    for assignment in targets:
        _say(
            "autograde_start",
            lang,
            assignment=assignment,
            count=len(course.submissions(assignment)),
            workers=workers,
            sandbox=sandbox,
        )
        _outsiders(course, course.submissions(assignment), lang)
        start = time.monotonic()
        bad = check_step(course, "submitted", assignment, lang)  # links, devices…: never handed to nbgrader
        failed += _say_skipped([Report(s, assignment, "skipped", r) for s, r in bad.items()], lang)
        try:
            outcomes = autograde(
                course,
                assignment,
                workers=workers,
                sandbox=not args.no_sandbox,
                force=args.force,
                on_outcome=show,
                students=[s for s in course.submissions(assignment) if s not in bad],
            )
        except Stopped as stop:
            graded = sum(o.status == "graded" for o in stop.outcomes)
            _say(
                "autograde_stopped",
                lang,
                err=True,
                assignment=assignment,
                signal=stop.args[0],
                graded=graded,
                left=len(course.submissions(assignment)) - len(stop.outcomes),
            )
            return 128 + stop.signum
        count = {s: sum(o.status == s for o in outcomes) for s in ("graded", "zero", "skipped", "failed")}
        failed += count["failed"]
        _say(
            "autograde_done",
            lang,
            assignment=assignment,
            seconds=f"{time.monotonic() - start:.1f}",
            graded=count["graded"],
            zero=count["zero"],
            skipped=count["skipped"],
            failed=count["failed"],
        )
        waiting = manual.pending(course, assignment)
        if waiting:
            _say("autograde_manual_waiting", lang, assignment=assignment, count=len(waiting))
    return EXIT_FAILED if failed else EXIT_OK


def cmd_grade(args, lang: str) -> int:
    course = open_course(args.course)
    if args.student is None:  # list what waits
        roster = roster_ids(course.state)
        total = 0
        for assignment in _targets(course, args.assignment, lang):
            waiting = manual.pending(course, assignment, roster)
            total += len(waiting)
            for p in waiting:
                _say(
                    "grade_waiting",
                    lang,
                    assignment=assignment,
                    student=p.student,
                    question=p.question.label(lang),
                    max=f"{p.max_score:g}",
                    answer=p.answer or t("grading.report_blank", lang),
                )
        _say("grade_summary", lang, count=total)
        if total:
            _say("grade_how", lang)
        return EXIT_OK
    if not args.assignment or args.question is None or args.score is None:
        raise UsageError(t("grading.grade_usage", lang))
    check_writable(course, lang)
    _targets(course, args.assignment, lang)
    try:
        question, top = manual.record(
            course, args.assignment, args.student.lower(), args.question, args.score, args.comment
        )
    except manual.GradeError as exc:
        raise CourseError(exc.message(lang)) from None
    left = len(manual.pending(course, args.assignment, {args.student.lower()}))
    _say(
        "grade_recorded",
        lang,
        student=args.student.lower(),
        question=question.label(lang),
        score=f"{args.score:g}",
        max=f"{top:g}",
        left=left,
    )
    return EXIT_OK


def cmd_feedback(args, lang: str) -> int:
    course = open_course(args.course)
    roster = roster_ids(course.state)
    skipped = 0
    for assignment in _targets(course, args.assignment, lang):
        # a student whose autograded folder is unsafe or lacks its secret is skipped, not everyone
        bad = check_step(course, "autograded", assignment, lang)
        skipped += _say_skipped([Report(s, assignment, "skipped", r) for s, r in bad.items()], lang)
        students = [s for s in course.submissions(assignment) if s not in bad]
        if roster is not None:
            students = [s for s in students if s in roster]
        failures = read_failures(course, assignment)
        waiting = sorted({p.student for p in manual.pending(course, assignment, set(students))} - set(failures))
        held = sorted(set(failures) & set(students)) + ([] if args.partial else waiting)
        exclude = ",".join(sorted(set(course.submissions(assignment)) - set(students) | set(held)))
        extra = [f"--CourseDirectory.student_id_exclude={exclude}"] if exclude else []
        if len(held) < len(students):
            run_nbgrader(course, "generate_feedback", assignment, *feedback_args(), *extra, verbose=args.verbose)
            translate_all(course, assignment)
            run_nbgrader(course, "release_feedback", assignment, *extra, verbose=args.verbose)
        _say("feedback_done", lang, assignment=assignment, count=len(students) - len(held))
        if args.partial and waiting:
            _say("feedback_partial", lang, err=True, count=len(waiting), students=", ".join(waiting))
        elif waiting:
            _say(
                "feedback_held", lang, err=True, count=len(waiting), students=", ".join(waiting), assignment=assignment
            )
        failed = sorted(set(failures) & set(students))
        if failed:
            _say("feedback_failed_held", lang, err=True, count=len(failed), students=", ".join(failed))
    return EXIT_FAILED if skipped else EXIT_OK


def cmd_export(args, lang: str) -> int:
    course = open_course(args.course)
    dest = Path(args.file).resolve()
    rows, outsiders = write_csv(course, dest)
    if outsiders:
        _say("not_on_roster_export", lang, err=True, count=len(outsiders), students=", ".join(outsiders))
    _say("export_done", lang, path=dest, rows=rows)
    return EXIT_OK


def cmd_report(args, lang: str) -> int:
    course = open_course(args.course)
    pairs = [tuple(p) for p in args.pair] if args.pair else None
    page = write_report(course, Path(args.out_dir), lang=lang, pairs=pairs)
    _say("report_done", lang, path=page)
    return EXIT_OK


def cmd_student(args, lang: str) -> int:
    kw = {"workspace": args.dir, "student": args.student, "course": args.course_named}
    try:
        if args.student_command == "fetch":
            folder = student.fetch(args.assignment, **kw)
            _say("student_fetched", lang, assignment=args.assignment, path=folder)
        elif args.student_command == "submit":
            stamp = student.submit(args.assignment, **kw)
            _say("student_submitted", lang, assignment=args.assignment, timestamp=stamp)
        elif args.student_command == "feedback":
            files = student.fetch_feedback(args.assignment, **kw)
            if not files:
                _say("student_no_feedback", lang, assignment=args.assignment)
                return EXIT_FAILED
            for path in files:
                _say("student_feedback", lang, path=path)
        else:
            states = student.list_assignments(**kw)
            for a in states:
                status = (
                    "feedback_ready"
                    if a.feedback_ready
                    else "submitted"
                    if a.submissions
                    else "fetched"
                    if a.fetched
                    else "released"
                )
                _say("student_list_row", lang, assignment=a.name, status=t(f"grading.student_status.{status}", lang))
            if not states:
                _say("student_list_empty", lang)
    except student.StudentError as exc:
        raise CourseError(explain(exc.reason, lang)) from None
    return EXIT_OK


COMMANDS = {
    "setup": cmd_setup,
    "roster": cmd_roster,
    "release": cmd_release,
    "collect": cmd_collect,
    "autograde": cmd_autograde,
    "grade": cmd_grade,
    "feedback": cmd_feedback,
    "export": cmd_export,
    "report": cmd_report,
    "student": cmd_student,
    **hub_commands.COMMANDS,
}


def _line(lang: str, verbose: bool):
    def line(exc: BaseException) -> str:
        if isinstance(exc, NbgraderFailed):
            return t(
                "grading.nbgrader_failed",
                lang,
                verb=exc.verb,
                reason=explain(exc.reason, lang),
                hint="" if verbose else t("grading.verbose_hint", lang),
            )
        if isinstance(exc, OperationalError):
            return t("grading.error", lang, message=explain(str(exc.orig), lang))
        if isinstance(exc, RosterError):
            return t("grading.error", lang, message=exc.message(lang))
        if verbose:
            traceback.print_exception(exc, file=sys.stderr)
        return t("grading.error", lang, message=render(exc, lang))

    return line


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    utf8_streams()
    quiet_warnings()
    lang = _lang(argv)
    verbose = "--verbose" in argv
    # The gradebook (opened in this process too) runs `alembic` by name: an instructor who calls
    # .venv/bin/conduct-course without activating the venv must not hit "No such file: alembic".
    os.environ["PATH"] = nbgrader_env()["PATH"]

    def body() -> int:
        args = build_parser(lang).parse_args(argv)
        args.course_named = getattr(args, "course", None) or os.environ.get("CONDUCT_COURSE")
        args.course = args.course_named or "."
        args.verbose = getattr(args, "verbose", False)
        return COMMANDS[args.command](args, getattr(args, "lang", lang))

    return run_command(
        body,
        line=_line(lang, verbose),
        usage=(UsageError,),
        failures=(
            NbgraderFailed,
            CourseError,
            RosterError,
            SandboxUnavailable,
            OperationalError,
            OSError,
            ValueError,
            RuntimeError,
        ),
    )


if __name__ == "__main__":
    sys.exit(main())
