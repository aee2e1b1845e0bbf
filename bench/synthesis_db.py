"""Time `flask synthesise CONSULTATION_ID` on the benchmark's seeded national consultation.

    .venv/bin/python -m bench.seed --database sqlite:///$PWD/bench/.work/synth.sqlite3
    .venv/bin/python -m bench.synthesis_db --database sqlite:///$PWD/bench/.work/synth.sqlite3

The seed (bench/seed.py) holds 100 000 comments and 1 000 000 votes on its busiest
consultation. This script closes that consultation (the workspace runs a synthesis only once
contributions stop), then runs the real command in a process of its own, as the workspace
does, and reports its wall time and peak resident memory (the child's getrusage), the run's
summary, and the floor: merely vectorising the same texts (scikit-learn's TF-IDF with its
defaults), read from the same database and timed in the same run.
"""

import argparse
import os
import resource
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import create_engine, text

TARGET_SECONDS = 60.0
TARGET_MIB = 2048.0


def busiest(engine) -> int:
    with engine.connect() as connection:
        return connection.execute(
            text("SELECT id FROM consultation ORDER BY comment_count DESC LIMIT 1")
        ).scalar_one()


def close(engine, consultation_id: int) -> None:
    past = datetime.now(UTC).replace(tzinfo=None) - timedelta(minutes=1)
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE consultation SET closes_at = :past WHERE id = :id"),
            {"past": past, "id": consultation_id},
        )


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", required=True, help="the seeded database's URL")
    args = parser.parse_args()
    engine = create_engine(args.database)
    consultation_id = busiest(engine)
    close(engine, consultation_id)
    floor, count = floor_seconds(engine, consultation_id)
    engine.dispose()
    print(f"floor: read and vectorise {count} texts in {floor:.1f} s", flush=True)

    environment = {
        **os.environ,
        "CONSULT_SQLALCHEMY_DATABASE_URI": args.database,
        "CONSULT_SECRET_KEY": "bench",
    }
    started = time.perf_counter()
    finished = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "consult", "synthesise", str(consultation_id)],
        env=environment,
        check=False,
    )
    seconds = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if finished.returncode != 0:
        print(f"synthesise failed with exit code {finished.returncode}")
        return 1
    verdict_time = "PASS" if seconds <= TARGET_SECONDS else "FAIL"
    verdict_memory = "PASS" if peak_mib <= TARGET_MIB else "FAIL"
    print(
        f"synthesise {consultation_id}: {seconds:.1f} s ({verdict_time}, target "
        f"{TARGET_SECONDS:.0f} s), peak RSS {peak_mib:.0f} MiB ({verdict_memory}, target "
        f"{TARGET_MIB:.0f} MiB), {seconds / floor:.1f} × the floor"
    )
    return 0 if verdict_time == verdict_memory == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
