"""Time each open-data export on the benchmark's seeded national consultation (100 000 comments).

    .venv/bin/python -m bench.exports [--source bench/.work/synth.sqlite3]

The source (a database seeded by bench/seed.py, e.g. the one bench/synthesis_db.py uses) is
never written to: the script copies it to bench/.work/exports.sqlite3, brings the copy's schema
up to date (`flask db upgrade`), and publishes the busiest consultation's outcome there through
the outcome service, as its official would (closing it first if it is still open). Then each
export runs in a process of its own (`write_dataset` for one dataset, CSV and JSON written
together), and so does the whole `flask opendata-export` command; the parent reads each
child's wall time and peak resident memory (`wait4`'s rusage). A child that only loads the
app and the publication gives the baseline memory the exports add to. Targets: 10 s and
100 MiB per export. `make bench` publishes and exports the same way, on SQLite and on
PostgreSQL, after its load (bench/lifecycle.py).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from .database import app_config, engine_for
from .servers import WORK
from .synthesis_db import Child, busiest, child_environment, close, official, run_child

TARGET_SECONDS = 10.0
TARGET_MIB = 100.0
#: The export judged against the targets: every public comment of the consultation.
JUDGED = "contributions"


def _module(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "bench.exports", *arguments]


def publish(database: str, consultation_id: int) -> int:
    """Publish the consultation's outcome as its official does from the publishing page (the
    outcome service: the frozen snapshot with the synthesis' themes, the audit event, a
    notification to every participant); closes it first if it is still open. The
    publication's id."""
    close(database, consultation_id)
    from consult import create_app

    app = create_app(app_config(database))
    from consult.consultations.models import Consultation
    from consult.extensions import db
    from consult.outcome import services

    with app.app_context():
        consultation = db.session.get(Consultation, consultation_id)
        publication = services.publish(
            official(consultation),
            consultation,
            services.OutcomeFields(
                summary={"fr": "Synthèse du banc d'essai.", "ar": "خلاصة الاختبار."},
                next_steps={"fr": "Aucune : ce n'est qu'un banc d'essai."},
                next_date=None,
                # Only read from the second version on (a database published before).
                change_note={"fr": "Nouvelle mesure du banc d'essai."},
            ),
        )
        db.session.commit()
        publication_id = publication.id
        db.engine.dispose()
    return publication_id


def publish_in_child(database: str, consultation_id: int) -> dict:
    """publish() in a process of its own: the publication's id, wall seconds and peak RSS."""
    child = run_child(
        _module("--publish", "--database", database, "--consultation", str(consultation_id)),
        child_environment(database),
    )
    if child.returncode:
        raise RuntimeError(f"publishing failed (exit code {child.returncode})")
    return {
        "id": int(child.output.strip().splitlines()[-1]),
        "seconds": round(child.seconds, 2),
        "peak_mib": round(child.peak_mib, 1),
    }


def child(database: str, publication_id: int, dataset: str, out: Path) -> None:
    """One export in this process (dataset "none": only load the app and the publication, and
    name the datasets)."""
    from consult import create_app

    app = create_app(app_config(database))
    from consult.extensions import db
    from consult.opendata.datasets import DATASETS
    from consult.opendata.export import write_dataset
    from consult.outcome.models import Publication

    with app.app_context():
        publication = db.session.get(Publication, publication_id)
        if dataset == "none":
            print(json.dumps({"files": [], "cpu": 0.0, "datasets": list(DATASETS)}))
            return
        out.mkdir(parents=True, exist_ok=True)
        started = time.process_time()
        files = write_dataset(publication, DATASETS[dataset], out)
        print(json.dumps({"files": files, "cpu": time.process_time() - started}))


def export_all(database: str, publication_id: int, scratch: Path, opendata: Path) -> dict:
    """Each export in a child of its own (written under `scratch`, removed after), a child
    that writes nothing (the baseline), then the whole `flask opendata-export` command, whose
    files stay in `opendata` as a site's would (the results page links them)."""
    shutil.rmtree(scratch, ignore_errors=True)
    environment = child_environment(database)

    def export(dataset: str) -> tuple[dict, Child]:
        measured = run_child(
            _module("--child", dataset, "--database", database, "--publication",
                    str(publication_id), "--out", str(scratch / dataset)),
            environment,
        )  # fmt: skip
        if measured.returncode:
            raise RuntimeError(f"the {dataset} export failed (exit code {measured.returncode})")
        return json.loads(measured.output.strip().splitlines()[-1]), measured

    described, baseline = export("none")
    datasets = []
    for name in described["datasets"]:
        result, measured = export(name)
        files = result["files"]
        datasets.append(
            {
                "dataset": name,
                "rows": files[0]["rows"],
                "bytes": sum(entry["bytes"] for entry in files),
                # The export itself (query, CSV, JSON, hashes), wall clock, and its processor
                # time: on a machine others load, the gap between them is time spent waiting.
                "seconds": files[0]["seconds"],
                "cpu": round(result["cpu"], 2),
                # The whole process: starting Python and the app too, as the baseline shows.
                "process_seconds": round(measured.seconds, 2),
                "peak_mib": round(measured.peak_mib, 1),
            }
        )
    shutil.rmtree(scratch, ignore_errors=True)  # about 280 MB at full scale, measured: not kept
    whole = run_child(
        [sys.executable, "-m", "flask", "--app", "consult", "opendata-export", str(publication_id)],
        child_environment(database, OPENDATA_FOLDER=str(opendata)),
    )
    if whole.returncode:
        raise RuntimeError(f"flask opendata-export failed (exit code {whole.returncode})")
    return {
        "baseline": {
            "seconds": round(baseline.seconds, 2),
            "peak_mib": round(baseline.peak_mib, 1),
        },
        "datasets": datasets,
        "command": {
            "seconds": round(whole.seconds, 2),
            "peak_mib": round(whole.peak_mib, 1),
            "files": len(whole.output.splitlines()),
        },
    }


def judged(exports: dict) -> dict:
    return next(entry for entry in exports["datasets"] if entry["dataset"] == JUDGED)


def within_targets(entry: dict) -> bool:
    return entry["seconds"] <= TARGET_SECONDS and entry["peak_mib"] <= TARGET_MIB


def prepare(source: Path, target: Path) -> tuple[str, int]:
    """Copy the seed, migrate the copy, publish the busiest consultation; (URL, publication id)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)
    database = f"sqlite:///{target}"
    subprocess.run(
        [sys.executable, "-m", "flask", "--app", "consult", "db", "upgrade"],
        env=child_environment(database),
        check=True,
        stderr=subprocess.DEVNULL,
    )
    engine = engine_for(database)
    consultation_id = busiest(engine)
    engine.dispose()
    return database, publish_in_child(database, consultation_id)["id"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=Path, default=WORK / "synth.sqlite3")
    parser.add_argument("--work", type=Path, default=WORK / "exports.sqlite3")
    parser.add_argument("--publish", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    parser.add_argument("--consultation", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--publication", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.publish:
        print(publish(args.database, args.consultation))
        return 0
    if args.child:
        child(args.database, args.publication, args.child, args.out)
        return 0

    if not args.source.exists():
        raise SystemExit(f"{args.source} is missing: seed it first (see bench/synthesis_db.py)")
    started = time.perf_counter()
    database, publication_id = prepare(args.source, args.work)
    print(f"copied, migrated and published in {time.perf_counter() - started:.1f} s")
    scratch = WORK / "opendata-bench"
    measured = export_all(database, publication_id, scratch, scratch / "site")
    shutil.rmtree(scratch, ignore_errors=True)
    base = measured["baseline"]["peak_mib"]
    print(f"baseline (app and publication loaded, nothing written): "
          f"{measured['baseline']['seconds']:.2f} s, {base:.1f} MiB")  # fmt: skip
    # "export s" is the export itself, "cpu s" its processor time; "process s" adds starting
    # Python and the app, which the baseline shows alone.
    load = " ".join(f"{n:.1f}" for n in os.getloadavg())
    print(f"load average: {load} on {os.cpu_count()} cores")
    print(f"{'export':<13}{'rows':>8}{'CSV+JSON MiB':>13}{'export s':>9}{'cpu s':>7}{'rows/s':>8}"
          f"{'process s':>10}{'peak MiB':>9}{'+base':>6}  verdict")  # fmt: skip
    failed = False
    for entry in measured["datasets"]:
        ok = within_targets(entry)
        failed |= not ok
        rows, seconds = entry["rows"] or 0, entry["seconds"]
        rate = rows / seconds if seconds else 0
        print(f"{entry['dataset']:<13}{rows:>8}{entry['bytes'] / 2**20:>13.1f}{seconds:>9.2f}"
              f"{entry['cpu']:>7.2f}{rate:>8.0f}{entry['process_seconds']:>10.2f}"
              f"{entry['peak_mib']:>9.1f}{entry['peak_mib'] - base:>6.1f}  "
              f"{'PASS' if ok else 'FAIL'}")  # fmt: skip
    whole = measured["command"]
    ok = whole["peak_mib"] <= TARGET_MIB
    failed |= not ok
    print(f"whole command `flask opendata-export {publication_id}` ({whole['files']} files): "
          f"{whole['seconds']:.2f} s, peak {whole['peak_mib']:.1f} MiB  "
          f"{'PASS' if ok else 'FAIL'} (memory; the {TARGET_SECONDS:.0f} s target is per "
          "export)")  # fmt: skip
    print(f"targets: each export <= {TARGET_SECONDS:.0f} s and <= {TARGET_MIB:.0f} MiB peak RSS")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
