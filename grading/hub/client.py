"""A learner's side of the hub over HTTP, as a browser does it: sign in, open the app, run code.

Used by the hub tests and benchmarks/bench_hub.py, and handy for an instructor's smoke check of a
new hub: everything goes through the public address (the proxy), never around it. Signing in posts
the hub's login form (with its XSRF token) exactly as the page does; the session then asks the hub
for an API token, which the user's own server also accepts, so kernels, files and nbgrader's
assignment actions are driven through the same URLs JupyterLab's front end calls.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass, field
from urllib.parse import quote

import requests
import websocket


class HubError(RuntimeError):
    """The hub or a user's server answered something unexpected."""


@dataclass(frozen=True)
class Run:
    """What a piece of code printed in a kernel, and its error if it raised."""

    stdout: str
    error: str | None


@dataclass
class Learner:
    """One signed-in user with a session on the hub at `base` (e.g. http://127.0.0.1:8000)."""

    base: str
    name: str
    session: requests.Session = field(default_factory=requests.Session)
    token: str = ""

    # --- the hub ---------------------------------------------------------------------------
    def sign_in(self, password: str) -> None:
        """Post the login form; the hub then starts the user's server on its own."""
        page = self.session.get(f"{self.base}/hub/login", timeout=60)
        page.raise_for_status()
        xsrf = self.session.cookies.get("_xsrf", path="/hub/") or self.session.cookies.get("_xsrf")
        r = self.session.post(
            f"{self.base}/hub/login",
            data={"username": self.name, "password": password, "_xsrf": xsrf},
            timeout=120,
            allow_redirects=False,
        )
        if r.status_code != 302:
            raise HubError(f"{self.name}: sign-in refused ({r.status_code})")
        # signing in issues a new XSRF cookie bound to the session: use that one from now on
        xsrf = [c.value or "" for c in self.session.cookies if c.name == "_xsrf"][-1]
        r = self.session.post(
            f"{self.base}/hub/api/users/{self.name}/tokens",
            headers={"X-XSRFToken": xsrf, "Referer": f"{self.base}/hub/token"},
            json={"note": "conduct client", "expires_in": 86400},
            timeout=60,
        )
        if r.status_code not in (200, 201):
            raise HubError(f"{self.name}: no API token ({r.status_code}: {r.text[:200]})")
        self.token = r.json()["token"]

    def api(self, method: str, path: str, **kw) -> requests.Response:
        """A request with the user's token (hub API or the user's server)."""
        headers = dict(kw.pop("headers", {}), Authorization=f"token {self.token}")
        return self.session.request(method, f"{self.base}{path}", headers=headers, timeout=kw.pop("timeout", 120), **kw)

    def start_server(self, timeout: float = 180) -> None:
        """Ask for the server (if not already asked) and wait until the hub says it is ready."""
        r = self.api("POST", f"/hub/api/users/{self.name}/server")
        if r.status_code not in (201, 202, 400):  # 400: already running
            raise HubError(f"{self.name}: server not started ({r.status_code}: {r.text[:200]})")
        self.wait_ready(timeout)

    def wait_ready(self, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            model = self.api("GET", f"/hub/api/users/{self.name}").json()
            server = (model.get("servers") or {}).get("")
            if server and server.get("ready"):
                return
            if not server or not server.get("pending"):
                self.api("POST", f"/hub/api/users/{self.name}/server")
            time.sleep(0.5)
        raise HubError(f"{self.name}: server not ready after {timeout:.0f} s")

    def home(self) -> requests.Response:
        """What the browser shows after signing in: /hub/ redirects to the user's default page."""
        return self.session.get(f"{self.base}/hub/", timeout=180)

    # --- the user's server -------------------------------------------------------------------
    @property
    def prefix(self) -> str:
        return f"/user/{self.name}"

    def get_file(self, path: str) -> dict:
        r = self.api("GET", f"{self.prefix}/api/contents/{quote(path)}", params={"content": 1})
        if r.status_code != 200:
            raise HubError(f"{self.name}: cannot open {path} ({r.status_code})")
        return r.json()

    def put_notebook(self, path: str, nb: dict) -> None:
        r = self.api(
            "PUT",
            f"{self.prefix}/api/contents/{quote(path)}",
            data=json.dumps({"type": "notebook", "format": "json", "content": nb}),
        )
        if r.status_code not in (200, 201):
            raise HubError(f"{self.name}: cannot save {path} ({r.status_code}: {r.text[:200]})")

    def assignment(self, action: str, course_id: str, assignment_id: str) -> object:
        """nbgrader's assignment list actions (fetch, submit, fetch_feedback), as its lab tab calls them."""
        r = self.api(
            "POST", f"{self.prefix}/assignments/{action}", data={"course_id": course_id, "assignment_id": assignment_id}
        )
        if r.status_code != 200:
            raise HubError(f"{self.name}: {action} {assignment_id} failed ({r.status_code}: {r.text[:300]})")
        out = r.json()
        if isinstance(out, dict) and out.get("success") is False:
            raise HubError(f"{self.name}: {action} {assignment_id}: {out.get('value') or out}")
        return out

    def start_kernel(self) -> str:
        r = self.api("POST", f"{self.prefix}/api/kernels", json={"name": "python3"})
        if r.status_code not in (200, 201):
            raise HubError(f"{self.name}: no kernel ({r.status_code}: {r.text[:200]})")
        return r.json()["id"]

    def stop_kernel(self, kernel_id: str) -> None:
        self.api("DELETE", f"{self.prefix}/api/kernels/{kernel_id}")

    def run(self, kernel_id: str, code: str, timeout: float = 120) -> Run:
        """Execute `code` in the kernel over its websocket, as the notebook front end does."""
        url = self.base.replace("http", "ws", 1) + f"{self.prefix}/api/kernels/{kernel_id}/channels"
        # A short socket timeout, so the deadline is checked even while the server's pings keep
        # the connection busy (websocket-client answers them inside recv()).
        ws = websocket.create_connection(url, header=[f"Authorization: token {self.token}"], timeout=5)
        try:
            msg_id = uuid.uuid4().hex
            ws.send(
                json.dumps(
                    {
                        "header": {
                            "msg_id": msg_id,
                            "msg_type": "execute_request",
                            "username": self.name,
                            "session": uuid.uuid4().hex,
                            "version": "5.3",
                            "date": "",
                        },
                        "parent_header": {},
                        "metadata": {},
                        "channel": "shell",
                        "buffers": [],
                        "content": {
                            "code": code,
                            "silent": False,
                            "store_history": False,
                            "user_expressions": {},
                            "allow_stdin": False,
                            "stop_on_error": True,
                        },
                    }
                )
            )
            out: list[str] = []
            error = None
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                try:
                    msg = json.loads(ws.recv())
                except websocket.WebSocketTimeoutException:
                    continue
                kind = msg["header"]["msg_type"]
                state = msg["content"].get("execution_state") if kind == "status" else None
                if state in ("restarting", "dead"):  # killed (a memory limit, a crash): not our reply
                    return Run("".join(out), f"KernelDied: the kernel was {state}")
                if msg.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                if kind == "stream":
                    out.append(msg["content"]["text"])
                elif kind == "error":
                    error = f"{msg['content']['ename']}: {msg['content']['evalue']}"
                elif state == "idle":
                    return Run("".join(out), error)
            raise HubError(f"{self.name}: code did not finish in {timeout:.0f} s")
        finally:
            ws.close()
