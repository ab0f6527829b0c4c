"""Saving answers from a widget without ever showing the learner a traceback.

If the progress file cannot be written (read-only home, full disk) the answer still counts in the
session and the learner is told, in their language, where saving failed and what to do.
"""
from __future__ import annotations

from typing import Callable

from conduct.i18n import t
from conduct.progress import ProgressStore
from conduct.widgets.a11y import esc


def store_or_default(store: ProgressStore | None) -> ProgressStore:
    return store if store is not None else ProgressStore()


def attempt(store: ProgressStore, lang: str, action: Callable[[], object], message: str = "widgets.save_failed") -> str:
    """Run a store read or write; return "" on success or a warning paragraph (HTML) on failure."""
    try:
        action()
    except OSError as exc:
        return f"<p>{esc(t(message, lang, path=str(store.path), error=exc.strerror or exc))}</p>"
    return ""


def moved_aside_note(store: ProgressStore, lang: str) -> str:
    """A warning paragraph if the store had to move an unreadable progress file aside."""
    if store.moved_aside is None:
        return ""
    path, backup = store.moved_aside
    return f"<p>{esc(t('widgets.progress.moved_aside', lang, path=str(path), backup=str(backup)))}</p>"
