"""A real gunicorn serving the app on loopback, and a small HTTP client that signs in like a person.

For the load and fault tests: the server runs in its own process group with the test's database
(SQLite file or PostgreSQL schema); the client keeps its session cookie and reads CSRF tokens
from the pages, as a browser does."""

import http.client
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

from consult import PROJECT_ROOT

_LISTENING = re.compile(r"Listening at: http://127\.0\.0\.1:(\d+)")
_CSRF_INPUT = re.compile(r"<input[^>]*\bname=\"csrf_token\"[^>]*>")
_VALUE = re.compile(r"\bvalue=\"([^\"]+)\"")


def server_environment(database: dict, **settings) -> dict:
    """CONSULT_* variables for a production-like app on the test database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONSULT_")}
    env.pop("DATABASE_URL", None)
    env |= {
        "CONSULT_SECRET_KEY": secrets.token_hex(16),
        "CONSULT_SQLALCHEMY_DATABASE_URI": database["SQLALCHEMY_DATABASE_URI"],
        # Fifty clients from one address would hit the posting limits within seconds.
        "CONSULT_RATELIMIT_ENABLED": "false",
        "CONSULT_RATELIMIT_STORAGE_URI": "memory://",
    }
    connect_args = database.get("SQLALCHEMY_ENGINE_OPTIONS", {}).get("connect_args")
    if connect_args:  # the test schema; added to the default engine options, not replacing them
        env["CONSULT_SQLALCHEMY_ENGINE_OPTIONS__connect_args"] = json.dumps(connect_args)
    env |= {f"CONSULT_{name}": value for name, value in settings.items()}
    return env


class Gunicorn:
    """`gunicorn --workers N` on a free loopback port; stop() ends it and its workers."""

    def __init__(self, env: dict, folder: Path, workers: int = 3, timeout: int = 30):
        self.log = folder / "gunicorn.log"
        # An instance folder of its own: no local instance/config.py, no mail in the project.
        factory = f"consult:create_app(instance_path={str(folder / 'instance')!r})"
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            f"--workers={workers}",
            "--bind=127.0.0.1:0",
            f"--timeout={timeout}",
            "--graceful-timeout=5",
            factory,
        ]
        self.workers_wanted = workers
        self._log_file = self.log.open("w")
        self.process = subprocess.Popen(
            command,
            cwd=PROJECT_ROOT,
            env=env,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.port = self._wait_for_port()
        self.wait_for_workers()

    def _wait_for_port(self, seconds: float = 30) -> int:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if found := _LISTENING.search(self.log.read_text()):
                return int(found.group(1))
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"gunicorn did not start:\n{self.log_tail()}")

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in children.read_text().split()]
        except FileNotFoundError:
            return []

    def wait_for_workers(self, seconds: float = 30) -> None:
        """Until every worker runs and answers (the master respawns killed ones)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if len(self.worker_pids()) == self.workers_wanted:
                try:
                    if Client(self.port).request("GET", "/healthz")[0] == 200:
                        return
                except OSError:
                    pass
            time.sleep(0.1)
        raise RuntimeError(f"gunicorn workers did not come back:\n{self.log_tail()}")

    def kill_a_worker(self, rng) -> int | None:
        pids = self.worker_pids()
        if not pids:
            return None
        pid = rng.choice(pids)
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            return None
        return pid

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()  # the master stops its workers gracefully
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        self._log_file.close()


class Client:
    """One person's browser: a session cookie, a CSRF token, one connection per request."""

    def __init__(self, port: int, timeout: float = 30):
        self.port = port
        self.timeout = timeout
        self.cookies: dict[str, str] = {}
        self.csrf_token = ""

    def request(self, method: str, path: str, form: dict | None = None, headers=None):
        """(status, Location header, body); OSError and http.client errors propagate."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        try:
            sent = dict(headers or {})
            if self.cookies:
                sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            body = None
            if form is not None:
                body = urlencode(form)
                sent["Content-Type"] = "application/x-www-form-urlencoded"
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            data = response.read()
            for header in response.headers.get_all("Set-Cookie") or []:
                name, _, value = header.split(";", 1)[0].partition("=")
                self.cookies[name.strip()] = value.strip()
            return response.status, response.getheader("Location") or "", data
        finally:
            connection.close()

    def read_csrf_token(self, path: str) -> None:
        status, _, page = self.request("GET", path)
        found = _CSRF_INPUT.search(page.decode())
        if status != 200 or not found:
            raise AssertionError(f"GET {path}: {status}, no CSRF token in the page")
        self.csrf_token = _VALUE.search(found.group(0)).group(1)

    def sign_in(self, email: str, password: str, then: str) -> None:
        """Through the real form, then read a token from `then`, a page with forms."""
        self.read_csrf_token("/login")
        form = {"csrf_token": self.csrf_token, "email": email, "password": password, "next": ""}
        status, _, _ = self.request("POST", "/login", form)
        if status != 302:
            raise AssertionError(f"sign-in of {email} answered {status}")
        self.read_csrf_token(then)
