"""Saving answers from a widget without ever showing the learner a traceback.

If the progress file cannot be written (read-only home, full disk) the answer still counts in the
session and the learner is told, in their language, that saving failed and what to do.
"""

from __future__ import annotations

from conduct.i18n import t
from conduct.progress import ProgressStore
from conduct.widgets.a11y import esc


def store_or_default(store: ProgressStore | None) -> ProgressStore:
    return store if store is not None else ProgressStore()


def error_note(store: ProgressStore, lang: str, error: OSError | None, message: str = "widgets.save_failed") -> str:
    """A warning paragraph (HTML) for a failed read or write, or "" when there was none."""
    if error is None:
        return ""
    return f"<p>{esc(t(message, lang, path=str(store.path), error=error.strerror or error))}</p>"


def moved_aside_note(store: ProgressStore, lang: str) -> str:
    """A warning paragraph if the store had to move an unreadable progress file aside."""
    if store.moved_aside is None:
        return ""
    path, backup = store.moved_aside
    return f"<p>{esc(t('widgets.progress.moved_aside', lang, path=str(path), backup=str(backup)))}</p>"
