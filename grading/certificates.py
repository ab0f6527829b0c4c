"""Completion certificates an employer can check: issued from the gradebook, verified against it.

A PDF alone proves nothing (anyone can make one), so each certificate carries a verification code
and the gradebook keeps the record of it: `conduct-course certificates` issues one per learner
whose final assignment reached the pass mark, and `conduct-course verify CODE` looks the code up
and checks that the learner's grade in the gradebook still supports it (a regraded submission
below the pass mark is reported, not silently trusted).

The record lives in the gradebook's own database (table `conduct_certificates`, beside nbgrader's
tables, so it is backed up with the grades), through SQLAlchemy like nbgrader itself. Codes are
random (60 bits, Crockford base-32 without look-alike letters), never derived from the student id,
so one code says nothing about another.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from nbgrader.api import Gradebook, MissingEntry

from conduct.certificate import CertificateRecord, certificate_pdf
from conduct.i18n import t

TABLE = "conduct_certificates"
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32: no I, L, O, U

_meta = sa.MetaData()
certificates = sa.Table(
    TABLE,
    _meta,
    sa.Column("code", sa.String(20), primary_key=True),
    sa.Column("student_id", sa.String(128), nullable=False, index=True),
    sa.Column("assignment", sa.String(128), nullable=False),
    sa.Column("learner_name", sa.String(256), nullable=False),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("max_score", sa.Float, nullable=False),
    sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("issuer", sa.String(512), nullable=False),
    sa.UniqueConstraint("student_id", "assignment", name="one_certificate_per_assignment"),
)


@dataclass(frozen=True)
class Certificate:
    code: str
    student_id: str
    assignment: str
    learner_name: str
    score: float
    max_score: float
    issued_at: dt.datetime
    issuer: str

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.max_score if self.max_score else 0.0


@dataclass(frozen=True)
class Verification:
    """What `verify` found: the record (or None) and whether the gradebook still supports it."""

    certificate: Certificate | None
    current_score: float | None
    still_passing: bool


def new_code() -> str:
    """12 random base-32 characters (60 bits) as XXXX-XXXX-XXXX."""
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(12))
    return "-".join(raw[i : i + 4] for i in range(0, 12, 4))


def normalise_code(code: str) -> str:
    """Accept what a person types: lower case, spaces, O for 0, I/L for 1, no dashes."""
    raw = code.upper().replace("O", "0").replace("I", "1").replace("L", "1")
    raw = "".join(ch for ch in raw if ch in _ALPHABET)
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def _engine(db_url: str) -> sa.Engine:
    engine = sa.create_engine(db_url)
    _meta.create_all(engine)
    return engine


def _row(r) -> Certificate:
    issued = r.issued_at if r.issued_at.tzinfo else r.issued_at.replace(tzinfo=dt.UTC)
    return Certificate(r.code, r.student_id, r.assignment, r.learner_name, r.score, r.max_score, issued, r.issuer)


def passing(db_url: str, assignment: str, pass_percent: float) -> tuple[list[tuple[str, str, float, float]], list[str]]:
    """([(student id, name, score, max score)] at or above the pass mark, [students still being graded])."""
    passed, pending = [], []
    with Gradebook(db_url) as gb:
        try:
            subs = gb.assignment_submissions(assignment)
        except MissingEntry:
            raise ValueError(f"assignment {assignment!r} is not in the gradebook") from None
        for sub in subs:
            if sub.needs_manual_grade:
                pending.append(sub.student.id)
                continue
            if sub.max_score and 100.0 * sub.score / sub.max_score >= pass_percent:
                name = " ".join(p for p in (sub.student.first_name, sub.student.last_name) if p) or sub.student.id
                passed.append((sub.student.id, name, float(sub.score), float(sub.max_score)))
    return sorted(passed), sorted(pending)


def issue(db_url: str, assignment: str, pass_percent: float, issuer: str) -> tuple[list[Certificate], list[str]]:
    """Record a certificate for each passing learner who has none for `assignment` yet.

    Returns every certificate of the assignment (new and earlier ones) and the students whose
    submission still needs manual grading. Issuing again never changes an existing code.
    """
    passed, pending = passing(db_url, assignment, pass_percent)
    engine = _engine(db_url)
    with engine.begin() as conn:
        have = {
            r.student_id
            for r in conn.execute(sa.select(certificates.c.student_id).where(certificates.c.assignment == assignment))
        }
        now = dt.datetime.now(dt.UTC)
        for student, name, score, max_score in passed:
            if student not in have:
                conn.execute(
                    certificates.insert().values(
                        code=new_code(),
                        student_id=student,
                        assignment=assignment,
                        learner_name=name,
                        score=score,
                        max_score=max_score,
                        issued_at=now,
                        issuer=issuer,
                    )
                )
        rows = conn.execute(
            sa.select(certificates).where(certificates.c.assignment == assignment).order_by(certificates.c.student_id)
        ).all()
    engine.dispose()
    return [_row(r) for r in rows], pending


def verify(db_url: str, code: str, pass_percent: float) -> Verification:
    """Look the code up and check the learner's current grade in the gradebook."""
    engine = _engine(db_url)
    with engine.connect() as conn:
        r = conn.execute(sa.select(certificates).where(certificates.c.code == normalise_code(code))).first()
    engine.dispose()
    if r is None:
        return Verification(None, None, False)
    cert = _row(r)
    with Gradebook(db_url) as gb:
        try:
            sub = gb.find_submission(cert.assignment, cert.student_id)
            current = float(sub.score)
            ok = bool(sub.max_score) and 100.0 * sub.score / sub.max_score >= pass_percent
        except MissingEntry:
            current, ok = None, False
    return Verification(cert, current, ok)


def write_pdf(cert: Certificate, path: Path, lang: str, track: str = "adults") -> Path:
    """The learner app's certificate layout (conduct/certificate.py), with the gradebook's code and an
    issuer line that names who stands behind it and how to check it."""
    record = CertificateRecord(
        name=cert.learner_name,
        date=cert.issued_at.date().isoformat(),
        track=track,
        modules=(),
        final_percent=round(cert.percent),
    )
    issuer = t("hub.cert_issuer", lang, issuer=cert.issuer, assignment=cert.assignment, code=cert.code)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(certificate_pdf(record, lang, issuer=issuer, code=cert.code))
    return path
