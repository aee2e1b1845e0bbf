"""Drive a server with wrk (Debian's) through bench/wrk/measure.lua and read its summary."""

import json
import os
import shutil
import subprocess
import urllib.parse
from dataclasses import asdict, dataclass
from pathlib import Path

from .sessions import Session

SCRIPT = Path(__file__).resolve().parent / "wrk" / "measure.lua"
#: The same sentence in the three languages, sent as the comment body (with a counter).
BODIES = (
    "Je propose de préciser le délai de réponse de l'administration.",
    "أقترح تحديد أجل جواب الإدارة بشكل واضح في هذه المادة.",
    "ⵉⵇⵇⴰⵏ ⴰⴷ ⵉⵜⵜⵓⵙⵏⵎⴰⵍ ⵓⵣⵎⵣ ⵏ ⵜⵔⴰⵔⵉⵜ ⵏ ⵜⵏⴱⴰⴹⵜ.",
)


def wrk_path() -> str | None:
    return shutil.which("wrk")


@dataclass
class Result:
    name: str
    connections: int
    requests: int
    seconds: float
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    #: Responses that are not 2xx/3xx, plus socket errors and timeouts.
    errors: int
    #: Status classes counted by the script (POST runs only).
    statuses: dict

    def as_dict(self) -> dict:
        return asdict(self)


def threads_for(connections: int) -> int:
    return min(connections, os.cpu_count() or 1)


def write_data(
    path: Path,
    *,
    sessions: list[Session],
    threads: int,
    section: str = "",
    target: str = "",
    comments: list[int] = (),
) -> Path:
    """The Lua table the POST modes read: sessions, comment ids, where to post."""

    def lua(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = [
        "return {",
        f"  threads = {threads},",
        f"  section = {lua(section)},",
        f"  path = {lua(target)},",
        "  sessions = {",
    ]
    lines += [f"    {{cookie = {lua(s.cookie)}, csrf = {lua(s.csrf_token)}}}," for s in sessions]
    lines += ["  },", "  bodies = {"]
    lines += [f"    {lua(urllib.parse.quote_plus(body))}," for body in BODIES]
    lines += ["  },", "  comments = {" + ", ".join(str(c) for c in comments) + "},", "}"]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n")
    return path


def start(
    name: str,
    url: str,
    connections: int,
    seconds: float,
    *,
    mode: str = "get",
    data: Path | None = None,
) -> tuple[str, subprocess.Popen]:
    """Start one wrk run (so two can run at once); finish() waits for it and reads it."""
    env = {**os.environ, "BENCH_MODE": mode}
    if data is not None:
        env["BENCH_DATA"] = str(data)
    argv = [
        wrk_path() or "wrk",
        "-t",
        str(threads_for(connections)),
        "-c",
        str(connections),
        "-d",
        f"{seconds:g}s",
        "--timeout",
        "30s",
        "-s",
        str(SCRIPT),
        url,
    ]
    process = subprocess.Popen(
        argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    return name, process


def finish(started: tuple[str, subprocess.Popen], connections: int) -> Result:
    name, process = started
    output, _ = process.communicate()
    line = next((x for x in output.splitlines() if x.startswith("BENCH_JSON ")), None)
    if process.returncode or line is None:
        raise RuntimeError(f"wrk failed for {name}:\n{output[-2000:]}")
    s = json.loads(line.removeprefix("BENCH_JSON "))
    seconds = s["duration_us"] / 1e6
    errors = (
        s["bad_status"] + s["connect_errors"] + s["read_errors"] + s["write_errors"] + s["timeouts"]
    )
    return Result(
        name=name,
        connections=connections,
        requests=s["requests"],
        seconds=round(seconds, 2),
        rps=round(s["requests"] / seconds, 1),
        p50_ms=s["p50_us"] / 1000,
        p95_ms=s["p95_us"] / 1000,
        p99_ms=s["p99_us"] / 1000,
        max_ms=s["max_us"] / 1000,
        errors=errors,
        statuses={k: s[k] for k in ("s2", "s3", "s4", "s5")},
    )


def run(name: str, url: str, connections: int, seconds: float, **kwargs) -> Result:
    return finish(start(name, url, connections, seconds, **kwargs), connections)
