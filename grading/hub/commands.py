"""`conduct-course hub setup|start`, `certificates` and `verify`: parsers and messages only.

Registered from grading/cli.py (`add_parsers` and `COMMANDS`), so the instructor keeps one command.
"""

from __future__ import annotations

import os
import pwd
import sys
from pathlib import Path

from conduct.app.paths import home_page
from conduct.i18n import t
from conduct.vocab import AUDIENCES
from grading import certificates as certs
from grading.course import open_course
from grading.hub.settings import SETTINGS_NAME, HubSettings, load_settings
from grading.hub.setup import CONFIG_NAME, PASSWORDS_NAME, Postgres, hub_setup

REPO = Path(__file__).resolve().parent.parent.parent
DEFAULT_PASS = 70.0  # the pass mark of the course's final test (conduct/final data)


def add_parsers(sub, lang: str) -> None:
    """Add the hub, certificates and verify subcommands to conduct-course's parser."""
    h = lambda key: t(f"hub.{key}", lang)  # noqa: E731
    hub = sub.add_parser("hub", help=h("help_hub"))
    hsub = hub.add_subparsers(dest="hub_command", required=True)
    s = hsub.add_parser("setup", help=h("help_hub_setup"))
    s.add_argument("--hub-dir", default="/srv/conduct-hub", help=h("help_hub_dir"))
    s.add_argument("--instructor", action="append", required=True, metavar="USER", help=h("help_instructor"))
    s.add_argument("--roster", metavar="FILE.csv", help=h("help_roster_file"))
    s.add_argument("--course-dir", help=h("help_course_dir"))
    s.add_argument("--course-id", default="conduct", help=t("grading.help_course_id", lang))
    s.add_argument("--exercises", help=t("grading.help_exercises", lang))
    s.add_argument("--exchange", default="/srv/nbgrader/exchange", help=h("help_exchange"))
    s.add_argument("--ip", default="0.0.0.0", help=h("help_ip"))
    s.add_argument("--port", type=int, default=8000, help=h("help_port"))
    s.add_argument("--hub-port", type=int, default=8081, help=h("help_hub_port"))
    s.add_argument("--proxy-api-port", type=int, default=8001, help=h("help_proxy_api_port"))
    s.add_argument("--mem-limit", default="1G", help=h("help_mem_limit"))
    s.add_argument("--cpu-limit", type=float, default=1.0, help=h("help_cpu_limit"))
    s.add_argument("--cull-timeout", type=int, default=3600, help=h("help_cull_timeout"))
    s.add_argument("--pg-socket", default="/var/run/postgresql", help=h("help_pg_socket"))
    s.add_argument("--pg-port", type=int, default=5432, help=h("help_pg_port"))
    s.add_argument("--authenticator", choices=("pam", "dummy"), default="pam", help=h("help_authenticator"))
    s.add_argument("--dummy-password", default="", help=h("help_dummy_password"))
    s.add_argument("--home-page", default=home_page("vi"), help=h("help_home_page"))
    s.add_argument("--cgroup-prefix", default="conduct-hub", help=h("help_cgroup_prefix"))
    s.add_argument("--venv", default=str(Path(sys.prefix)), help=h("help_venv"))
    s.add_argument(
        "--proxy",
        help=h("help_proxy"),
        default=str(Path(sys.prefix) / "node" / "node_modules" / ".bin" / "configurable-http-proxy"),
    )
    st = hsub.add_parser("start", help=h("help_hub_start"))
    st.add_argument("--hub-dir", default="/srv/conduct-hub", help=h("help_hub_dir"))

    c = sub.add_parser("certificates", help=h("help_certificates"))
    c.add_argument("assignment", metavar="ASSIGNMENT", help=h("help_cert_assignment"))
    c.add_argument("--out", default="certificates", help=h("help_cert_out"))
    c.add_argument("--pass-percent", type=float, default=DEFAULT_PASS, help=h("help_pass_percent"))
    c.add_argument("--issuer", required=True, help=h("help_issuer"))
    c.add_argument("--track", choices=AUDIENCES, default="adults", help=h("help_track"))

    v = sub.add_parser("verify", help=h("help_verify"))
    v.add_argument("code", metavar="CODE", help=h("help_code"))
    v.add_argument("--pass-percent", type=float, default=DEFAULT_PASS, help=h("help_pass_percent"))


def cmd_hub(args, lang: str) -> int:
    if args.hub_command == "start":
        settings = load_settings(Path(args.hub_dir) / SETTINGS_NAME)
        os.chdir(args.hub_dir)
        jupyterhub = str(Path(settings.bin) / "jupyterhub")
        os.execv(jupyterhub, [jupyterhub, "-f", CONFIG_NAME])
    first = args.instructor[0]
    try:
        home = pwd.getpwnam(first).pw_dir
    except KeyError:
        home = f"/home/{first}"
    settings = HubSettings(
        hub_dir=os.path.abspath(args.hub_dir),
        venv=os.path.abspath(args.venv),
        notebooks=str(REPO / "notebooks"),
        course_root=os.path.abspath(args.course_dir or f"{home}/course"),
        exchange_root=os.path.abspath(args.exchange),
        proxy_command=os.path.abspath(args.proxy),
        instructors=tuple(args.instructor),
        learners=(),
        course_id=args.course_id,
        home_page=args.home_page,
        ip=args.ip,
        port=args.port,
        hub_port=args.hub_port,
        proxy_api_port=args.proxy_api_port,
        mem_limit=args.mem_limit,
        cpu_limit=args.cpu_limit,
        cull_timeout=args.cull_timeout,
        authenticator=args.authenticator,
        dummy_password=args.dummy_password,
        cgroup_prefix=args.cgroup_prefix,
    )
    config, created = hub_setup(
        settings,
        roster=Path(args.roster) if args.roster else None,
        pg=Postgres(socket_dir=args.pg_socket, port=args.pg_port),
        exercises=args.exercises,
    )
    if created:
        print(t("hub.hub_users_created", lang, count=len(created), path=Path(settings.hub_dir) / PASSWORDS_NAME))
    print(
        t(
            "hub.hub_setup_done",
            lang,
            hub_dir=settings.hub_dir,
            command=f"conduct-course hub start --hub-dir {settings.hub_dir}",
        )
    )
    return 0


def cmd_certificates(args, lang: str) -> int:
    course = open_course(args.course)
    issued, pending = certs.issue(course.db_url, args.assignment, args.pass_percent, args.issuer)
    out = Path(args.out).resolve()
    new = 0
    for cert in issued:
        path = out / f"{cert.student_id}-{cert.assignment}.pdf"
        new += not path.exists()
        certs.write_pdf(cert, path, lang, args.track)
    if pending:
        print(t("hub.cert_pending", lang, count=len(pending), students=", ".join(pending)))
    print(t("hub.cert_issued", lang, assignment=args.assignment, count=len(issued), out=out, new=new))
    return 0


def cmd_verify(args, lang: str) -> int:
    course = open_course(args.course)
    found = certs.verify(course.db_url, args.code, args.pass_percent)
    cert = found.certificate
    if cert is None:
        print(t("hub.verify_unknown", lang, code=certs.normalise_code(args.code)))
        return 1
    if not found.still_passing:
        print(
            t(
                "hub.verify_changed",
                lang,
                name=cert.learner_name,
                student=cert.student_id,
                assignment=cert.assignment,
                score=found.current_score,
            )
        )
        return 1
    print(
        t(
            "hub.verify_valid",
            lang,
            name=cert.learner_name,
            student=cert.student_id,
            assignment=cert.assignment,
            score=f"{cert.score:g}",
            max_score=f"{cert.max_score:g}",
            date=cert.issued_at.date().isoformat(),
            issuer=cert.issuer,
        )
    )
    return 0


COMMANDS = {"hub": cmd_hub, "certificates": cmd_certificates, "verify": cmd_verify}
