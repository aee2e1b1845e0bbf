"""gunicorn on loopback for the app and for the floor, started and stopped by process id."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "bench" / ".work"


def workers_for_this_machine() -> int:
    """One sync worker per core: pages are CPU-bound Python, and on a machine that also runs
    the database and the load generator, more workers only queue behind each other (and on
    SQLite, wait for the write lock in its busy handler). Measured on 2 cores: the busiest
    article at 16 connections 150 req/s with 2 workers, 123 with 4 (SQLite); 109 and 84 on
    PostgreSQL; comment POST p99 67 ms with 2, 533 ms with 4 (SQLite) — 5-second runs on a
    seed at scale 0.2, 7 December 2026. The floor gets the same number."""
    return os.cpu_count() or 1


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """A gunicorn master in its own process group; stop() ends that group only."""

    def __init__(
        self,
        name: str,
        argv: list[str],
        env: dict,
        cwd: Path,
        ready_path: str,
        log_dir: Path = WORK / "logs",
    ):
        self.name, self.argv, self.env, self.cwd = name, argv, env, cwd
        self.ready_path = ready_path
        self.port = free_port()
        self.log_path = log_dir / f"{name}.log"
        self.process: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> "Server":
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "ab")
        argv = [*self.argv, "--bind", f"127.0.0.1:{self.port}"]
        self.process = subprocess.Popen(
            argv,
            cwd=self.cwd,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} stopped at start; see {self.log_path}")
            try:
                with urllib.request.urlopen(self.base + self.ready_path, timeout=5) as answer:
                    if answer.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"{self.name} did not answer within {timeout:.0f} s")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        # Graceful: workers finish the requests still queued when wrk stopped. They then
        # spend seconds in the interpreter's final garbage collection, which the harness need
        # not wait for: after the grace period the group this class created (the master and
        # its workers, nothing else) is killed.
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=3)
        except subprocess.TimeoutExpired:
            pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def gunicorn(venv_bin: Path) -> Path:
    return venv_bin / "gunicorn"


def app_server(
    name: str, database_url: str, *, workers: int, instance: Path, log_dir: Path = WORK / "logs"
) -> Server:
    """The project served as in production: `gunicorn 'consult:create_app()'`."""
    instance.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CONSULT_", "DATABASE_URL"))}
    env.update(
        CONSULT_SECRET_KEY="bench-only-secret",
        CONSULT_SQLALCHEMY_DATABASE_URI=database_url,
        PYTHONPATH=str(REPO),
    )
    # All load comes from one loopback address and 64 people: rate limits (where the app
    # has them) are raised out of reach, so the limiter's cost is measured, not its refusals.
    for limit in ("LOGIN", "POST_PER_USER", "POST_PER_ADDRESS", "VOTE_PER_USER"):
        env[f"CONSULT_RATELIMIT_{limit}"] = "1000000 per minute"
    argv = [
        str(gunicorn(Path(sys.executable).parent)),
        "--workers",
        str(workers),
        "--worker-class",
        "sync",
        "--preload",  # one import in the master, then fork: quicker start, same serving
        "--error-logfile",
        "-",
        "--log-level",
        "warning",
        f"consult:create_app(instance_path={str(instance)!r})",
    ]
    return Server(name, argv, env, REPO, "/healthz", log_dir)


def floor_dir() -> Path | None:
    """../shared/bench-reference next to the repository (or BENCH_FLOOR_DIR), if present."""
    path = Path(os.environ.get("BENCH_FLOOR_DIR") or REPO.parent / "shared" / "bench-reference")
    return path if (path / "refapp.py").exists() else None


def prepare_floor(source: Path, log=print) -> tuple[Path, Path]:
    """The floor's own venv and database under bench/.work/; returns (venv bin, database)."""
    venv = WORK / "floor-venv"
    if not (venv / "bin" / "gunicorn").exists():
        log("  creating the floor's venv (flask, gunicorn) in bench/.work/floor-venv")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(venv / "bin" / "pip"), "install", "--quiet", "flask", "gunicorn"], check=True
        )
    database = WORK / "floor.sqlite3"
    env = {**os.environ, "REF_DB": str(database)}
    subprocess.run(
        [str(venv / "bin" / "python"), str(source / "seed.py")],
        check=True,
        env=env,
        cwd=WORK,
        stdout=subprocess.DEVNULL,
    )
    return venv / "bin", database


def floor_server(source: Path, venv_bin: Path, database: Path, *, workers: int) -> Server:
    env = {**os.environ, "REF_DB": str(database)}
    argv = [
        str(gunicorn(venv_bin)),
        "--workers",
        str(workers),
        "--worker-class",
        "sync",
        "--error-logfile",
        "-",
        "--log-level",
        "warning",
        "refapp:app",
    ]
    return Server("floor", argv, env, source, "/baseline")
