"""Where the app's pages are: the notebooks/ folder Voilà serves and each home page's address.

Kept apart from the launcher so that JupyterHub's configuration (deploy/) and the tests name the
same pages the learner's own `./course start` opens, without starting anything.
"""

from __future__ import annotations

import os
from pathlib import Path

from conduct.app.homes import get_home, page_path
from conduct.datafiles import PACKAGE_ROOT
from conduct.i18n import check_lang

ENV_VAR = "CONDUCT_NOTEBOOKS"
RENDER_PREFIX = "voila/render/"


def repo_root() -> Path:
    """The checkout holding the package (an editable install), else the working directory."""
    repo = PACKAGE_ROOT.parent
    return repo if (repo / "pyproject.toml").exists() else Path.cwd()


def notebook_root() -> Path:
    """The folder Voilà serves: $CONDUCT_NOTEBOOKS, else notebooks/ of the checkout."""
    env = os.environ.get(ENV_VAR)
    return Path(env).expanduser().resolve() if env else repo_root() / "notebooks"


def home_page(lang: str | None = None, home: str = "course") -> str:
    """The home page of a track (default: the course) in `lang`, relative to notebook_root(), e.g.
    "vi/00-Bat-Dau-Tu-Day.ipynb"; its app address is RENDER_PREFIX + this."""
    return page_path(get_home(home), "home", check_lang(lang))


def page_url(rel: str, base_url: str = "/") -> str:
    """The address Voilà serves a page at, e.g. "/voila/render/vi/00-Bat-Dau-Tu-Day.ipynb"."""
    return base_url.rstrip("/") + "/" + RENDER_PREFIX + rel


def template_root() -> Path:
    """A Jupyter data folder holding our Voilà template `conduct`: put it first on JUPYTER_PATH."""
    return PACKAGE_ROOT / "app" / "share"
