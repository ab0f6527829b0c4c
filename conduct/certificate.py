"""A certificate of completion as a PDF: name, date, track, modules with scores, final score, a code.

A civil servant needs proof of completion for their unit, so the PDF must carry correct Vietnamese in
its text layer (copyable, searchable): it is written with fpdf2 and an embedded TrueType font that
covers Vietnamese (Noto Sans or DejaVu Sans from Debian's fonts-noto-core / fonts-dejavu-core, found
at run time; `CONDUCT_CERT_FONT` names another file). Every line comes from the catalogue
(`certificate.*`) in the learner's language.

The verification code is derived from the record (the first 10 characters of the base32 SHA-256 of
its canonical JSON), so anyone holding the record can recompute it and no two different records share
it by accident. It does not depend on the language the PDF is printed in. The learner app issues
self-declared certificates (self-study, nobody checked the answers); the hub (grading/certificates.py)
reuses `certificate_pdf` with its own `issuer` line and a gradebook-verified `code`.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF

from conduct.i18n import check_lang, t
from conduct.progress import Module, ProgressStore, module_status

FONT_ENV = "CONDUCT_CERT_FONT"
# (regular, bold) pairs in order of preference; bold may be missing, then regular is used for both.
FONT_CANDIDATES: tuple[tuple[str, str], ...] = (
    ("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"),
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ("/usr/share/fonts/TTF/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"),
    ("/Library/Fonts/Arial Unicode.ttf", ""),
    ("C:/Windows/Fonts/arial.ttf", "C:/Windows/Fonts/arialbd.ttf"),
)
CODE_LENGTH = 10


class FontMissing(RuntimeError):
    """No TrueType font that covers Vietnamese was found for the PDF."""


@dataclass(frozen=True)
class ModuleLine:
    """One module on the certificate: a stable key, its title in each language, the learner's percent."""

    key: str
    title: Mapping[str, str]
    percent: int | None


@dataclass(frozen=True)
class CertificateRecord:
    """What a certificate states. Its canonical JSON (language-free) is what the code is derived from."""

    name: str
    date: str  # ISO date, e.g. "2026-12-01"
    track: str  # adults | minors_11_14 | minors_15_18
    modules: tuple[ModuleLine, ...]
    final_percent: int

    def canonical(self) -> str:
        data = {
            "name": self.name,
            "date": self.date,
            "track": self.track,
            "final_percent": self.final_percent,
            "modules": [[m.key, m.percent] for m in self.modules],
        }
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    def code(self) -> str:
        """The short verification code: first 10 characters of base32(SHA-256(canonical JSON))."""
        return code_of(self.canonical())


def code_of(canonical_json: str) -> str:
    """The verification code of a record given as its canonical JSON (what `CertificateRecord.canonical` writes)."""
    digest = hashlib.sha256(canonical_json.encode("utf-8")).digest()
    return base64.b32encode(digest).decode("ascii")[:CODE_LENGTH]


def verify(canonical_json: str, code: str) -> bool:
    """True when `code` (as printed, any case, spaces ignored) belongs to the record `canonical_json`."""
    return code_of(canonical_json) == "".join(code.split()).upper()


def find_font() -> tuple[Path, Path]:
    """(regular, bold) TrueType files that cover Vietnamese; FontMissing says what to install."""
    env = os.environ.get(FONT_ENV)
    if env:
        path = Path(env)
        if not path.is_file():
            raise FontMissing(f"{FONT_ENV}={env} is not a font file")
        return path, path
    for regular, bold in FONT_CANDIDATES:
        if Path(regular).is_file():
            return Path(regular), Path(bold) if bold and Path(bold).is_file() else Path(regular)
    raise FontMissing(
        "no font with Vietnamese letters found for the certificate: install Debian's fonts-noto-core "
        f"or fonts-dejavu-core (./course does), or set {FONT_ENV} to a .ttf file that covers Vietnamese"
    )


def record_from_progress(
    store: ProgressStore, track: str, modules: Sequence[Module], *, name: str | None = None, date: dt.date | None = None
) -> CertificateRecord:
    """The record of a learner's passed final test on `track`, from the progress file.

    Raises ValueError when no attempt passed or no name was given (the app asks for it once).
    """
    passed = [a for a in store.final_attempts(track) if a.passed]
    if not passed:
        raise ValueError(f"no passed final test for {track!r} in {store.path}")
    name = (name or store.profile().get("name", "")).strip()
    if not name:
        raise ValueError("no learner name: enter it once on the home page")
    best = max(passed, key=lambda a: (a.percent, a.time))
    when = date or dt.datetime.fromtimestamp(best.time).date()
    lines = tuple(
        ModuleLine(st.module.key, dict(st.module.title), st.percent)
        for st in module_status(store, modules)
        if st.module.parts
    )
    return CertificateRecord(name=name, date=when.isoformat(), track=track, modules=lines, final_percent=best.percent)


def _date_text(iso: str, lang: str) -> str:
    d = dt.date.fromisoformat(iso)
    return t("certificate.date_format", lang, day=d.day, month=d.month, year=d.year)


def certificate_pdf(
    record: CertificateRecord, lang: str = "vi", *, issuer: str | None = None, code: str | None = None
) -> bytes:
    """The certificate as PDF bytes, in `lang`.

    `issuer` is the line saying who stands behind it (default: the catalogue's self-declared line of the
    learner app); `code` replaces the record-derived verification code (the hub passes its own).
    """
    lang = check_lang(lang)
    regular, bold = find_font()
    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_title(t("certificate.title", lang))
    pdf.set_author(record.name)
    pdf.set_creator("conduct")
    pdf.add_font("Body", "", str(regular))
    pdf.add_font("Body", "B", str(bold))
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_line_width(0.8)
    pdf.rect(10, 10, pdf.w - 20, pdf.h - 20)
    width = pdf.w - 2 * pdf.l_margin

    def line(text: str, size: float, style: str = "", gap: float = 2.0) -> None:
        pdf.set_font("Body", style, size)
        pdf.multi_cell(width, size * 0.5, text, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    pdf.set_y(22)
    line(t("certificate.title", lang), 24, "B", 4)
    line(t("certificate.certifies", lang), 12)
    line(record.name, 22, "B", 3)
    line(t("certificate.completed", lang, track=t(f"certificate.track.{record.track}", lang)), 13, "", 4)
    line(t("certificate.final_score", lang, percent=record.final_percent), 14, "B", 3)
    if record.modules:
        pdf.set_font("Body", "B", 11)
        pdf.cell(width, 6, t("certificate.modules", lang), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Body", "", 10)
        for m in record.modules:
            score = (
                t("certificate.score", lang, percent=m.percent)
                if m.percent is not None
                else t("certificate.no_score", lang)
            )
            pdf.cell(
                width,
                5.5,
                t("certificate.module_line", lang, title=m.title[lang], score=score),
                align="C",
                new_x="LMARGIN",
                new_y="NEXT",
            )
        pdf.ln(3)
    line(t("certificate.date", lang, date=_date_text(record.date, lang)), 11)
    line(t("certificate.code", lang, code=code or record.code()), 11, "B")
    line(issuer if issuer is not None else t("certificate.self_declared", lang), 9)
    return bytes(pdf.output())
