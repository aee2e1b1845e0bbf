"""Time `flask synthesise CONSULTATION_ID` on the benchmark's seeded national consultation.

    .venv/bin/python -m bench.seed --database sqlite:///$PWD/bench/.work/synth.sqlite3
    .venv/bin/python -m bench.synthesis_db --database sqlite:///$PWD/bench/.work/synth.sqlite3

The seed (bench/seed.py) holds 100 000 comments and 1 000 000 votes on its busiest
consultation. This script closes that consultation as its official would (the workspace runs a
synthesis only once contributions stop), then runs the real command in a process of its own,
as the workspace does, and reports its wall time, CPU time and peak resident memory (that
child's rusage, from wait4), the run's summary, and the floor: merely vectorising the same
texts (scikit-learn's TF-IDF with its defaults), read from the same database and timed in the
same run. `make bench` does the same after its load (bench/lifecycle.py).
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, text

from .database import app_config, engine_for
from .servers import REPO, WORK

TARGET_SECONDS = 60.0
TARGET_MIB = 2048.0
#: A stage line of `flask synthesise` when its standard error is not a terminal: "  6.1s themes".
_STAGE = re.compile(r"^\s*(\d+(?:\.\d+)?)s (\w+)$")


@dataclass
class Child:
    """What a finished child process took, from its own rusage."""

    seconds: float
    cpu: float
    peak_mib: float
    returncode: int
    output: str


def child_environment(database: str, **settings: str) -> dict:
    """The environment of a child working on `database`: the caller's CONSULT_* settings stay
    out; `settings` become CONSULT_<NAME>."""
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("CONSULT_", "DATABASE_URL"))
    }
    environment.update(
        CONSULT_SQLALCHEMY_DATABASE_URI=database,
        CONSULT_SECRET_KEY=app_config(database)["SECRET_KEY"],
        PYTHONPATH=str(REPO),
    )
    environment.update({f"CONSULT_{name}": value for name, value in settings.items()})
    return environment


#: Runs argv[1:] and then prints that child's rusage on the last line. Linux starts a child's
#: peak RSS at the high-water mark of the process it was forked from (the parent's memory is
#: counted at exec), and the harness is large: this small interpreter stands between them.
_WAIT4 = """
import json, os, subprocess, sys
child = subprocess.Popen(sys.argv[1:])
_, status, usage = os.wait4(child.pid, 0)
child.returncode = os.waitstatus_to_exitcode(status)
print("\\nBENCH_RUSAGE " + json.dumps({"code": child.returncode, "cpu": usage.ru_utime +
      usage.ru_stime, "kib": usage.ru_maxrss}), flush=True)
"""


def run_child(command: list[str], environment: dict, stderr=None) -> Child:
    """Run `command` from the repository: its wall time, and from its own rusage (wait4) its
    CPU time and peak RSS."""
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-I", "-S", "-c", _WAIT4, *command],
        env=environment,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=stderr,
        check=True,
        text=True,
    )
    output, _, last = completed.stdout.rpartition("\nBENCH_RUSAGE ")
    usage = json.loads(last)
    return Child(
        seconds=time.perf_counter() - started,
        cpu=usage["cpu"],
        peak_mib=usage["kib"] / 1024,  # ru_maxrss is in KiB on Linux
        returncode=usage["code"],
        output=output,
    )


def busiest(engine) -> int:
    with engine.connect() as connection:
        return connection.execute(
            text("SELECT id FROM consultation ORDER BY comment_count DESC LIMIT 1")
        ).scalar_one()


def official(consultation):
    """The first official of the consultation's institution (the seed's user 1)."""
    from consult.accounts.models import User
    from consult.extensions import db

    return db.session.scalars(
        select(User)
        .where(User.institution_id == consultation.institution_id)
        .order_by(User.id)
        .limit(1)
    ).one()


def close(database: str, consultation_id: int) -> bool:
    """Close the consultation now, as its official does from the dashboard (the domain service,
    audited); False when it was no longer open."""
    from consult import clock, create_app

    # The app first: it imports the blueprints in the order their modules expect.
    app = create_app(app_config(database))
    from consult.consultations import services
    from consult.consultations.models import Consultation, Phase
    from consult.extensions import db

    with app.app_context():
        consultation = db.session.get(Consultation, consultation_id)
        was_open = consultation.phase == Phase.OPEN
        if was_open:
            services.close_early(official(consultation), consultation, clock.utcnow())
            db.session.commit()
        db.engine.dispose()
    return was_open


def floor_seconds(engine, consultation_id: int) -> tuple[float, int]:
    """Seconds to read the texts and vectorise them with TF-IDF: the least any synthesis does."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    started = time.perf_counter()
    with engine.connect() as connection:
        texts = (
            connection.execute(
                text("SELECT body_source FROM comment WHERE consultation_id = :id"),
                {"id": consultation_id},
            )
            .scalars()
            .all()
        )
    TfidfVectorizer().fit_transform(texts)
    return time.perf_counter() - started, len(texts)


def run_summary(engine, consultation_id: int) -> dict:
    """The summary the last synthesis run of the consultation stored (counts it found)."""
    with engine.connect() as connection:
        value = connection.execute(
            text(
                "SELECT summary FROM synthesis_run WHERE consultation_id = :id"
                " ORDER BY id DESC LIMIT 1"
            ),
            {"id": consultation_id},
        ).scalar()
    return json.loads(value) if isinstance(value, str) else value or {}


def synthesise(database: str, consultation_id: int, log_path: Path) -> dict:
    """Run the real `flask synthesise` on a closed consultation in a process of its own;
    its wall and CPU seconds, peak RSS, exit code, the start of each stage and the summary.
    The command's progress lines go to `log_path`."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "wb") as log:
        child = run_child(
            [sys.executable, "-m", "flask", "--app", "consult", "synthesise", str(consultation_id)],
            child_environment(database),
            stderr=log,
        )
    stages: dict[str, float] = {}
    for line in log_path.read_text(errors="replace").splitlines():
        if found := _STAGE.match(line):
            stages.setdefault(found[2], float(found[1]))
    measured = {
        "seconds": round(child.seconds, 2),
        "cpu": round(child.cpu, 2),
        "peak_mib": round(child.peak_mib, 1),
        "returncode": child.returncode,
        "stages": stages,
        "log": str(log_path.relative_to(REPO) if log_path.is_relative_to(REPO) else log_path),
    }
    if child.returncode == 0:
        engine = engine_for(database)
        measured["summary"] = run_summary(engine, consultation_id)
        engine.dispose()
    return measured


def verdict(measured: dict) -> tuple[bool, bool]:
    """(time within target, memory within target)."""
    return measured["seconds"] <= TARGET_SECONDS, measured["peak_mib"] <= TARGET_MIB


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", required=True, help="the seeded database's URL")
    args = parser.parse_args()
    engine = engine_for(args.database)
    consultation_id = busiest(engine)
    close(args.database, consultation_id)
    floor, count = floor_seconds(engine, consultation_id)
    engine.dispose()
    print(f"floor: read and vectorise {count} texts in {floor:.1f} s", flush=True)

    measured = synthesise(args.database, consultation_id, WORK / "logs" / "synthesise.log")
    print(f"stages (start, s): {measured['stages']}")
    if measured["returncode"] != 0:
        print(f"synthesise failed with exit code {measured['returncode']}; see {measured['log']}")
        return 1
    in_time, in_memory = verdict(measured)
    print(
        f"synthesise {consultation_id}: {measured['seconds']:.1f} s "
        f"({'PASS' if in_time else 'FAIL'}, target {TARGET_SECONDS:.0f} s), CPU "
        f"{measured['cpu']:.1f} s, peak RSS {measured['peak_mib']:.0f} MiB "
        f"({'PASS' if in_memory else 'FAIL'}, target {TARGET_MIB:.0f} MiB), "
        f"{measured['seconds'] / floor:.1f} × the floor; {measured['summary']}"
    )
    return 0 if in_time and in_memory else 1


if __name__ == "__main__":
    sys.exit(main())
