"""Start the learner app: Voilà serving notebooks/ in directory mode, opening on the home page.

Voilà's own root and tree pages are an English file browser; here they redirect to the home page
in the learner's language, so the address printed and opened, and any link back to "/", lands on
the course. The kernels Voilà starts inherit this process's environment: byte-code writing is
switched off so nothing (no __pycache__) is written into the checkout, and our template folder is
put first on JUPYTER_PATH. Voilà never saves a notebook, so the app writes only the progress file.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import sys
import threading
import webbrowser
from collections.abc import Sequence

from jupyter_server.utils import url_path_join
from tornado.web import RedirectHandler
from voila.app import Voila

from conduct.app.homes import get_home, lesson_path, modules, page_path
from conduct.app.paths import RENDER_PREFIX, home_page, notebook_root, repo_root, template_root
from conduct.i18n import DEFAULT_LANG, LANGS

TEMPLATE = "conduct"


def free_port(ip: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((ip, 0))
        return s.getsockname()[1]


def app_env(env: dict[str, str] | None = None) -> dict[str, str]:
    """The environment the app and its kernels run with (see the module docstring for why)."""
    env = dict(os.environ if env is None else env)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    # kernels import the course from the checkout being served, even from a shared virtual environment
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(repo_root()), env.get("PYTHONPATH", "")]))
    env["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(template_root()), env.get("JUPYTER_PATH", "")]))
    env.setdefault("MPLBACKEND", "Agg")
    return env


def preheated_pages(lang: str) -> list[str]:
    """The pages kept ready when pre-heating: the course's home, lessons, final test and certificate in
    one language (one pool per page costs a kernel each, about 100 MB, so not every page of every track)."""
    home = get_home("course")
    return (
        [page_path(home, "home", lang)]
        + [lesson_path(x, lang) for x in modules(home)]
        + [page_path(home, p, lang) for p in ("final", "certificate")]
    )


def voila_args(port: int, ip: str = "127.0.0.1", *, preheat: int = 0, lang: str = DEFAULT_LANG) -> list[str]:
    """Voilà's command-line arguments for the app (without the program name)."""
    args = [
        f"--Voila.ip={ip}",
        f"--Voila.port={port}",
        "--Voila.port_retries=0",
        "--Voila.open_browser=False",
        f"--VoilaConfiguration.template={TEMPLATE}",
        "--VoilaConfiguration.show_tracebacks=False",
        "--ServerApp.token=",
        "--Voila.token=",
        "--Voila.log_level=WARN",
    ]
    if preheat > 0:
        pools = {
            "default": {"pool_size": 0},
            **{rel: {"pool_size": preheat} for rel in dict.fromkeys([home_page(lang)] + preheated_pages(lang))},
        }
        args += [
            "--VoilaConfiguration.preheat_kernel=True",
            "--VoilaConfiguration.default_pool_size=0",
            f"--VoilaKernelManager.kernel_pools_config={json.dumps(pools)}",
        ]
    return args + [str(notebook_root())]


def _make_app_class():
    """Voilà's application with the root and tree pages redirected to the home page."""

    class ConductVoila(Voila):
        name = "conduct-app"
        lang = DEFAULT_LANG

        def init_handlers(self) -> list:
            handlers = super().init_handlers()
            home = url_path_join(self.server_url, RENDER_PREFIX + home_page(self.lang))
            redirects = [
                (self.server_url, RedirectHandler, {"url": home}),
                (url_path_join(self.server_url, r"/voila/tree(/.*)?"), RedirectHandler, {"url": home}),
                (url_path_join(self.server_url, r"/voila/?"), RedirectHandler, {"url": home}),
            ]
            if self.voila_configuration.preheat_kernel:  # fill the pools now, not at each page's first opening
                pools = self.kernel_manager.kernel_pools_config
                for rel, conf in pools.items():
                    if rel != "default" and conf.get("pool_size", 0) > 0:
                        self.kernel_manager.fill_if_needed(delay=0, notebook_name=rel)
            return redirects + handlers  # tornado takes the first route that matches

    return ConductVoila


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m conduct.app", description="Start the learner app (Voilà).")
    ap.add_argument("--port", type=int, default=0, help="port to listen on (default: a free one)")
    ap.add_argument("--ip", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    ap.add_argument("--lang", choices=LANGS, default=DEFAULT_LANG, help="the home page's language (default vi)")
    ap.add_argument("--no-browser", action="store_true", help="do not open a browser")
    ap.add_argument(
        "--preheat",
        type=int,
        default=0,
        metavar="N",
        help="keep N kernels per page started ahead (faster openings, more memory; default 0)",
    )
    return ap.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    port = args.port or free_port(args.ip)
    env = app_env()
    os.environ.clear()
    os.environ.update(env)  # the kernels inherit it
    sys.dont_write_bytecode = True
    url = f"http://{args.ip}:{port}/{RENDER_PREFIX}{home_page(args.lang)}"
    print(f"Khoá học đang chạy tại / The course is at: {url}", flush=True)
    print("Nhấn Ctrl+C để dừng / Press Ctrl+C to stop.", flush=True)
    app_class = _make_app_class()
    app_class.lang = args.lang
    if not args.no_browser:
        threading.Timer(1.5, lambda: webbrowser.open(url)).start()
    app_class.launch_instance(argv=voila_args(port, args.ip, preheat=args.preheat, lang=args.lang))
    return 0
