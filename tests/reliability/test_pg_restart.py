"""PostgreSQL restarts while gunicorn serves: requests fail cleanly, then succeed by themselves.

This restarts the local cluster the test database lives in (`pg_ctlcluster`, as root), so it
briefly cuts every connection to that cluster, including other test runs on this machine: it
runs only when CONSULT_TEST_RESTART_POSTGRES=1 says that is fine.
A reader polls a page that needs the database all along. During the restart and while the
server is stopped, answers are an error page (5xx) or a refused connection, quickly, never a
hang; once PostgreSQL is back every request succeeds, without restarting the app (the
engine's pool_pre_ping replaces the dead pooled connections). PostgreSQL is started again at
the end whatever happens."""

import http.client
import os
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass

import pytest
from sqlalchemy.engine import make_url

from consult.extensions import db

from .server import Client, Gunicorn, server_environment

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

HANG = 10.0  # seconds: an answer slower than this counts as a hang
OUTAGE = 2.0  # seconds the server stays stopped


@dataclass
class Probe:
    started: float
    ended: float
    status: int | None  # None: no HTTP answer (connection refused or reset)
    body: bytes = b""


def _local_cluster(url: str) -> tuple[str, str]:
    """(version, name) of the local cluster serving `url`, or skip."""
    if os.environ.get("CONSULT_TEST_RESTART_POSTGRES") != "1":
        pytest.skip(
            "restarts the PostgreSQL server, cutting every other client of it: "
            "set CONSULT_TEST_RESTART_POSTGRES=1 where that is fine (CI)"
        )
    if os.geteuid() != 0 or not shutil.which("pg_ctlcluster") or not shutil.which("pg_lsclusters"):
        pytest.skip(
            "restarting PostgreSQL needs root and pg_ctlcluster (Debian's postgresql-common)"
        )
    parsed = make_url(url)
    if parsed.host not in (None, "", "127.0.0.1", "localhost", "::1"):
        pytest.skip("the test database is not on this machine")
    listing = subprocess.run(
        ["pg_lsclusters", "--no-header"], capture_output=True, text=True, check=True
    ).stdout
    for line in listing.splitlines():
        version, name, port, *_ = line.split()
        if int(port) == (parsed.port or 5432):
            return version, name
    pytest.skip("no local cluster listens on the test database's port")


def _pg_ctl(cluster: tuple[str, str], action: str) -> int:
    command = ["pg_ctlcluster", "--skip-systemctl-redirect", *cluster, action]
    return subprocess.run(command, capture_output=True, timeout=120, check=False).returncode


class Poller(threading.Thread):
    """Requests `path` again and again, noting each answer; pause() holds it between two."""

    def __init__(self, port: int, path: str):
        super().__init__()
        self.client = Client(port, timeout=HANG * 3)
        self.path = path
        self.probes: list[Probe] = []
        self.paused = threading.Lock()
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            with self.paused:
                started = time.monotonic()
                try:
                    status, _, body = self.client.request("GET", self.path)
                except (OSError, http.client.HTTPException):
                    status, body = None, b""
                self.probes.append(Probe(started, time.monotonic(), status, body))
            time.sleep(0.05)


def test_requests_fail_cleanly_while_postgresql_restarts_and_succeed_after(
    app, database, make, tmp_path
):
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        pytest.skip("this test restarts PostgreSQL: set CONSULT_TEST_DATABASE_URL")
    cluster = _local_cluster(app.config["SQLALCHEMY_DATABASE_URI"])
    page = f"/consultations/{make.consultation().id}"  # read from the database at every request
    db.session.remove()  # this process holds no connection across the restart
    server = Gunicorn(server_environment(database), tmp_path, workers=2)
    poller = Poller(server.port, page)
    marks: dict[str, float] = {}

    def mark(name: str) -> None:
        marks[name] = time.monotonic()

    try:
        poller.start()
        warm = time.monotonic() + 30
        while len(poller.probes) < 6 and time.monotonic() < warm:  # workers hold connections
            time.sleep(0.1)
        # 1. A restart while nobody asks anything: the pooled connections die unnoticed.
        with poller.paused:
            mark("quiet restart")
            assert _pg_ctl(cluster, "restart") == 0
            mark("quietly restarted")
        time.sleep(2)
        # 2. A restart under traffic.
        mark("restart")
        assert _pg_ctl(cluster, "restart") == 0
        mark("restarted")
        time.sleep(2)
        # 3. An outage long enough to be seen.
        mark("stop")
        assert _pg_ctl(cluster, "stop") == 0
        mark("stopped")
        time.sleep(OUTAGE)
        mark("start")
        assert _pg_ctl(cluster, "start") == 0
        mark("started")
        time.sleep(3)
        mark("end")
    finally:
        poller.stopped.set()
        poller.join(timeout=HANG * 4)
        if _pg_ctl(cluster, "status") != 0:  # whatever failed above, leave PostgreSQL running
            _pg_ctl(cluster, "start")
        server.stop()
        db.engine.dispose()  # this process's pooled connections died with the restart

    probes = poller.probes

    def between(start: str, end: str) -> list[Probe]:
        return [p for p in probes if marks[start] <= p.started and p.ended <= marks[end]]

    slowest = max(p.ended - p.started for p in probes)
    assert slowest < HANG, "a request hung"
    assert not [
        p for p in probes if marks["quiet restart"] <= p.started < marks["quietly restarted"]
    ]
    assert [p.status for p in probes if p.ended < marks["quiet restart"]][-3:] == [200] * 3
    # Once PostgreSQL is back, every request succeeds, the first ones included.
    for back, next_step in (("quietly restarted", "restart"), ("restarted", "stop")):
        answers = between(back, next_step)
        assert answers and {p.status for p in answers} == {200}, (back, server.log_tail())
    after = between("started", "end")
    assert len(after) >= 5 and {p.status for p in after} == {200}, server.log_tail()
    # While it restarts or is stopped: clean failures, an error page or a refused connection.
    assert len(between("stopped", "start")) >= 5
    failed = [p for p in probes if p.status != 200]
    assert {p.status for p in between("stopped", "start")} <= {None, 500, 502, 503}
    assert all(p.status is None or 500 <= p.status < 600 for p in failed)
    assert all(
        b"<html" in p.body.lower() or b"<!doctype" in p.body.lower() for p in failed if p.status
    )
    print(
        f"\n[postgresql restart] {len(probes)} requests, {len(failed)} failed cleanly "
        f"(5xx {sum(1 for p in failed if p.status)}, no connection "
        f"{sum(1 for p in failed if p.status is None)}), slowest {slowest:.2f} s"
    )
