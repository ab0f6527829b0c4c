"""The certificate page's widget: the learner's name (asked once, kept in the progress file) and a download.

The PDF is made in the kernel (conduct.certificate) and offered as a download link holding the file
itself (a data: URL), so no file is written anywhere: the app never writes into the checkout, and the
learner's browser saves the PDF where they choose. Until the final test of the track is passed, the
widget says so instead of offering a certificate.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence

import ipywidgets as W

from conduct.certificate import FontMissing, certificate_pdf, record_from_progress
from conduct.i18n import check_lang
from conduct.progress import Module, ProgressStore, try_store
from conduct.widgets.a11y import button, esc, live_region, say
from conduct.widgets.register import speaker
from conduct.widgets.saving import error_note, store_or_default
from conduct.widgets.style import learner_box


def download_link(pdf: bytes, filename: str, label: str) -> str:
    data = base64.b64encode(pdf).decode("ascii")
    return (
        f'<p><a download="{esc(filename)}" href="data:application/pdf;base64,{data}" '
        f'style="font-size:1.15em; font-weight:bold">⬇ {esc(label)}</a></p>'
    )


def certificate_widget(
    track: str,
    *,
    lang: str = "vi",
    modules: Sequence[Module] = (),
    store: ProgressStore | None = None,
    audience: str | None = None,
) -> W.VBox:
    """Name field, "Create my certificate" button and, once made, the download link (in `.result`).

    `modules` are the track's lessons (curriculum/show.py passes them), listed with their scores.
    """
    lang = check_lang(lang)
    tr = speaker(lang, audience or track)
    store = store_or_default(store)
    profile: dict[str, str] = {}
    read_error = try_store(lambda: profile.update(store.profile()))
    name = W.Text(
        value=profile.get("name", ""),
        description=tr("widgets.certificate.name_label"),
        placeholder=tr("widgets.certificate.name_placeholder"),
        style={"description_width": "initial"},
        layout=W.Layout(width="100%"),
    )
    result = live_region()

    def on_make(_=None) -> None:
        given = name.value.strip()
        if not given:
            say(result, f"<p><strong>{esc(tr('widgets.certificate.need_name'))}</strong></p>")
            return
        error = try_store(lambda: store.set_profile(name=given))
        try:
            record = record_from_progress(store, track, modules, name=given)
        except ValueError:
            say(result, f"<p><strong>{esc(tr('widgets.certificate.not_passed'))}</strong></p>")
            return
        try:
            pdf = certificate_pdf(record, lang)
        except FontMissing as exc:
            say(result, f"<p><strong>{esc(tr('widgets.certificate.font_missing', error=str(exc)))}</strong></p>")
            return
        filename = f"certificate-{track}-{record.code()}.pdf"
        say(
            result,
            download_link(pdf, filename, tr("widgets.certificate.download"))
            + f"<p>{esc(tr('widgets.certificate.code', code=record.code()))}</p>"
            + error_note(store, lang, error),
        )

    make = button(tr("widgets.certificate.make"), tr("widgets.certificate.make_help"), on_make, button_style="primary")
    intro = W.HTML(
        f"<p>{esc(tr('widgets.certificate.intro'))}</p>" + error_note(store, lang, read_error, "widgets.read_failed")
    )
    box = learner_box([intro, name, make, result])
    box.name, box.make, box.result = name, make, result
    return box
