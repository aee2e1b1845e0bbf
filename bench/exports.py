"""Time each open-data export on the benchmark's seeded national consultation (100 000 comments).

    .venv/bin/python -m bench.exports [--source bench/.work/synth.sqlite3]

The source (a database seeded by bench/seed.py, e.g. the one bench/synthesis_db.py uses) is
never written to: the script copies it to bench/.work/exports.sqlite3, brings the copy's schema
up to date (`flask db upgrade`), and publishes the busiest consultation's outcome there (a
Publication row whose snapshot holds the indicators as the outcome computes them). Then each
export runs in a process of its own (`write_dataset` for one dataset, CSV and JSON written
together), and so does the whole `flask opendata-export` command; the parent reads each
child's wall time and peak resident memory (`wait4`'s rusage). A child that only loads the
app and the publication gives the baseline memory the exports add to. Targets: 10 s and
100 MiB per export.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "bench" / ".work"
TARGET_SECONDS = 10.0
TARGET_MIB = 100.0
SECRET = "bench-exports-only"


def _environment(database: str, out: Path) -> dict:
    environment = dict(os.environ)
    environment.update(
        CONSULT_SQLALCHEMY_DATABASE_URI=database,
        CONSULT_SECRET_KEY=SECRET,
        CONSULT_OPENDATA_FOLDER=str(out),
    )
    return environment


def _measure(command: list[str], environment: dict) -> tuple[float, float, str]:
    """Run `command`; its wall seconds, peak RSS in MiB and standard output."""
    started = time.perf_counter()
    child = subprocess.Popen(command, env=environment, stdout=subprocess.PIPE, cwd=ROOT)
    output = child.stdout.read().decode() if child.stdout else ""
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode})")
    return seconds, usage.ru_maxrss / 1024, output  # ru_maxrss is in KiB on Linux


def prepare(source: Path, target: Path) -> tuple[str, int]:
    """Copy the seed, migrate the copy, publish the busiest consultation; (URL, publication id)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)
    database = f"sqlite:///{target}"
    environment = _environment(database, WORK / "opendata")
    subprocess.run(
        [sys.executable, "-m", "flask", "--app", "consult", "db", "upgrade"],
        env=environment,
        cwd=ROOT,
        check=True,
        stderr=subprocess.DEVNULL,
    )
    output = subprocess.run(
        [sys.executable, "-m", "bench.exports", "--publish", "--database", database],
        env=environment,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return database, int(output.strip().splitlines()[-1])


def publish(database: str) -> int:
    """In the copy: publish the busiest consultation's outcome as an official would."""
    from sqlalchemy import select

    from consult import clock, create_app

    # The app first: it imports the blueprints in the order their modules expect.
    app = create_app({"SQLALCHEMY_DATABASE_URI": database, "SECRET_KEY": SECRET})
    from consult.consultations.models import Consultation, Status
    from consult.extensions import db
    from consult.outcome import indicators
    from consult.outcome.models import Publication

    with app.app_context():
        consultation = db.session.scalars(
            select(Consultation).order_by(Consultation.comment_count.desc()).limit(1)
        ).one()
        publication = Publication(
            consultation_id=consultation.id,
            version=1,
            published_at=clock.utcnow(),
            summary={"fr": "Synthèse du banc d'essai."},
            next_steps={"fr": "Aucune : ce n'est qu'un banc d'essai."},
            change_note={},
            # The seed has no organisations, and its schema may predate the answers' columns:
            # the indicators as the outcome computes them, and nothing the seed lacks.
            snapshot={
                "indicators": indicators.compute(consultation).to_dict(),
                "run": None,
                "themes": [],
                "campaigns": [],
                "recommendations": [],
                "changes": {"has_final": False, "articles": []},
            },
        )
        db.session.add(publication)
        consultation.status = Status.PUBLISHED
        db.session.commit()
        return publication.id


def child(database: str, publication_id: int, dataset: str, out: Path) -> None:
    """One export in this process (dataset "none": only load the app and the publication)."""
    from consult import create_app

    app = create_app({"SQLALCHEMY_DATABASE_URI": database, "SECRET_KEY": SECRET})
    from consult.extensions import db
    from consult.opendata.datasets import DATASETS
    from consult.opendata.export import write_dataset
    from consult.outcome.models import Publication

    with app.app_context():
        publication = db.session.get(Publication, publication_id)
        if dataset == "none":
            print(json.dumps({"files": [], "cpu": 0.0}))
            return
        out.mkdir(parents=True, exist_ok=True)
        started = time.process_time()
        files = write_dataset(publication, DATASETS[dataset], out)
        print(json.dumps({"files": files, "cpu": time.process_time() - started}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=Path, default=WORK / "synth.sqlite3")
    parser.add_argument("--work", type=Path, default=WORK / "exports.sqlite3")
    parser.add_argument("--publish", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    parser.add_argument("--publication", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.publish:
        print(publish(args.database))
        return 0
    if args.child:
        child(args.database, args.publication, args.child, args.out)
        return 0

    from consult import create_app

    create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": SECRET})  # imports in order
    from consult.opendata.datasets import DATASETS

    if not args.source.exists():
        raise SystemExit(f"{args.source} is missing: seed it first (see bench/synthesis_db.py)")
    started = time.perf_counter()
    database, publication_id = prepare(args.source, args.work)
    print(f"copied, migrated and published in {time.perf_counter() - started:.1f} s")
    out = WORK / "opendata-bench"
    shutil.rmtree(out, ignore_errors=True)
    environment = _environment(database, out)

    def run_child(dataset: str) -> tuple[float, float, dict]:
        seconds, mib, output = _measure(
            [sys.executable, "-m", "bench.exports", "--child", dataset, "--database", database,
             "--publication", str(publication_id), "--out", str(out / dataset)],
            environment,
        )  # fmt: skip
        return seconds, mib, json.loads(output.strip().splitlines()[-1])

    base_seconds, base_mib, _ = run_child("none")
    print(f"baseline (app and publication loaded, nothing written): {base_seconds:.2f} s, "
          f"{base_mib:.1f} MiB")  # fmt: skip
    # "export s" is the export itself (query, CSV, JSON, hashes), wall clock, and "cpu s" its
    # processor time: on a machine others load, the gap between them is time spent waiting.
    # "process s" adds starting Python and the app, which the baseline shows alone.
    load = " ".join(f"{n:.1f}" for n in os.getloadavg())
    print(f"load average: {load} on {os.cpu_count()} cores")
    print(f"{'export':<13}{'rows':>8}{'CSV+JSON MiB':>13}{'export s':>9}{'cpu s':>7}{'rows/s':>8}"
          f"{'process s':>10}{'peak MiB':>9}{'+base':>6}  verdict")  # fmt: skip
    failed = False
    for name in DATASETS:
        wall, mib, result = run_child(name)
        files = result["files"]
        rows = files[0]["rows"] or 0
        seconds = files[0]["seconds"]
        size = sum(entry["bytes"] for entry in files) / 2**20
        ok = seconds <= TARGET_SECONDS and mib <= TARGET_MIB
        failed |= not ok
        rate = rows / seconds if seconds else 0
        print(f"{name:<13}{rows:>8}{size:>13.1f}{seconds:>9.2f}{result['cpu']:>7.2f}{rate:>8.0f}"
              f"{wall:>10.2f}{mib:>9.1f}{mib - base_mib:>6.1f}  "
              f"{'PASS' if ok else 'FAIL'}")  # fmt: skip
    seconds, mib, output = _measure(
        [sys.executable, "-m", "flask", "--app", "consult", "opendata-export", str(publication_id)],
        environment,
    )
    ok = mib <= TARGET_MIB
    failed |= not ok
    print(f"whole command `flask opendata-export {publication_id}` (all 12 files): "
          f"{seconds:.2f} s, peak {mib:.1f} MiB  {'PASS' if ok else 'FAIL'} (memory; "
          f"the {TARGET_SECONDS:.0f} s target is per export)")  # fmt: skip
    print(f"targets: each export <= {TARGET_SECONDS:.0f} s and <= {TARGET_MIB:.0f} MiB peak RSS")
    shutil.rmtree(out, ignore_errors=True)  # about 280 MB of files, measured: not kept
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
