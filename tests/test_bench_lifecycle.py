"""The end of `make bench` in miniature, so it cannot rot: a tiny seed closed, synthesised,
published and exported by bench/lifecycle.py, its results page served by gunicorn; and the
verdicts bench/report.py draws from such figures."""

import json

import pytest
from sqlalchemy import text

from bench import lifecycle, report
from bench.database import engine_for, fresh_sqlite
from bench.seed import seed
from bench.servers import app_server
from bench.sessions import get


@pytest.fixture(autouse=True)
def frozen_clock():
    """The seed dates its consultation from today, and closing it reads the clock: this module
    runs on the real one (conftest.py freezes it for every other test)."""


@pytest.mark.slow
def test_a_seeded_consultation_is_carried_to_its_published_results(tmp_path):
    url = fresh_sqlite(tmp_path / "bench.sqlite3")
    seed(url, scale=0.003, log=lambda message: None)
    opendata = tmp_path / "instance" / "opendata"
    logged = []

    life = lifecycle.conclude(
        url,
        1,
        opendata=opendata,
        synthesis_log=tmp_path / "synthesise.log",
        scratch=tmp_path / "scratch",
        log=logged.append,
    )

    assert not [entry for entry in life.values() if isinstance(entry, dict) and "error" in entry]
    assert life["closed"] is True
    synthesis = life["synthesis"]
    assert synthesis["returncode"] == 0, (tmp_path / "synthesise.log").read_text()
    assert synthesis["summary"]["contributions"] >= 300
    assert synthesis["peak_mib"] > 0 and synthesis["floor_texts"] >= 300
    assert "store" in synthesis["stages"]
    engine = engine_for(url)
    with engine.connect() as conn:
        status = conn.execute(text("SELECT status FROM consultation WHERE id = 1")).scalar()
        published = conn.execute(
            text("SELECT id, snapshot FROM publication WHERE consultation_id = 1")
        ).one()
    engine.dispose()
    assert status == "published"
    assert published.id == life["publication"]["id"]
    assert json.loads(published.snapshot)["run"] is not None  # the themes of the synthesis
    exported = {entry["dataset"]: entry for entry in life["exports"]["datasets"]}
    assert exported["contributions"]["rows"] >= 300
    assert exported["contributions"]["peak_mib"] > 0
    assert life["exports"]["command"]["files"] == 2 * len(exported)
    manifest = json.loads((opendata / "consultation-1" / "v1" / "manifest.json").read_text())
    assert manifest["publication_id"] == published.id
    assert not (tmp_path / "scratch").exists()

    with app_server(
        "lifecycle", url, workers=1, instance=tmp_path / "instance", log_dir=tmp_path
    ) as server:
        status, body = get(server.base, lifecycle.RESULTS_PAGE.format(1))
    assert status == 200, body[:300]
    assert b"/outcome/v1/data/contributions.csv" in body  # the exported files, linked
    assert "Traceback" not in server.log_text()


def _run(name: str, rps: float, p95: float, connections: int = 16) -> dict:
    return {"name": name, "connections": connections, "rps": rps, "p95_ms": p95, "errors": 0}


def _measured() -> dict:
    """A database's figures as bench/run.py records them, trimmed to what the verdicts read."""
    return {
        "database": "sqlite",
        "seed": {"comments": 100_000, "scale": 1},
        "runs": [_run("results", 60, 120), _run("floor_results", 100, 200)],
        "locked_errors": 0,
        "server_errors": 0,
        "row_checks": [],
        "counters_after_seed": {},
        "counters_after_load": {},
        "lifecycle": {
            "consultation_id": 1,
            "closed": True,
            "synthesis": {
                "seconds": 33.0,
                "cpu": 40.0,
                "peak_mib": 1279.0,
                "returncode": 0,
                "stages": {"load": 0.0, "store": 28.5},
                "log": "bench/.work/logs/synthesise-sqlite.log",
                "summary": {"contributions": 99_628, "votes": 992_897},
                "floor_seconds": 3.0,
                "floor_texts": 99_628,
            },
            "publication": {"id": 1, "seconds": 6.0, "peak_mib": 150.0},
            "exports": {
                "baseline": {"seconds": 1.5, "peak_mib": 80.9},
                "datasets": [
                    {"dataset": "contributions", "rows": 100_000, "seconds": 5.8, "peak_mib": 87.2},
                    {"dataset": "votes", "rows": 99_628, "seconds": 1.1, "peak_mib": 86.0},
                ],
                "command": {"seconds": 10.9, "peak_mib": 89.3, "files": 12},
            },
            "results_page": {"path": "/consultations/1/outcome", "status": 200},
        },
    }


def _verdict(db: dict, target: str) -> tuple[str, str]:
    found = next(v for v in report.evaluate(db) if v["target"] == target)
    return found["verdict"], found["measured"]


RESULTS_P95 = "results page, 16 connections: p95 ≤ 150 ms"
RESULTS_SHARE = "results page, 16 connections: ≥ 40 % of the floor's req/s"


def test_synthesis_passes_within_a_minute_and_two_gib():
    verdict, measured = _verdict(_measured(), report.SYNTHESIS)
    assert verdict == "PASS"
    assert measured.startswith("33.0 s, peak RSS 1,279 MiB; 11.0 × the floor")


@pytest.mark.parametrize(("field", "value"), [("seconds", 61.0), ("peak_mib", 2049.0)])
def test_synthesis_fails_over_a_minute_or_two_gib(field, value):
    db = _measured()
    db["lifecycle"]["synthesis"][field] = value
    assert _verdict(db, report.SYNTHESIS)[0] == "FAIL"


def test_synthesis_fails_when_the_command_fails():
    db = _measured()
    db["lifecycle"]["synthesis"]["returncode"] = 1
    assert _verdict(db, report.SYNTHESIS) == (
        "FAIL",
        "`flask synthesise` exited with 1 (see bench/.work/logs/synthesise-sqlite.log)",
    )


def test_exports_pass_on_the_contributions_export_alone():
    db = _measured()
    db["lifecycle"]["exports"]["datasets"][1]["seconds"] = 30.0  # votes: not the one judged
    verdict, measured = _verdict(db, report.EXPORTS)
    assert verdict == "PASS"
    assert "100,000 comments in 5.8 s, peak RSS 87 MiB (+6 over the app alone)" in measured


@pytest.mark.parametrize(("field", "value"), [("seconds", 10.5), ("peak_mib", 101.0)])
def test_exports_fail_over_ten_seconds_or_a_hundred_mib(field, value):
    db = _measured()
    db["lifecycle"]["exports"]["datasets"][0][field] = value
    assert _verdict(db, report.EXPORTS)[0] == "FAIL"


def test_results_page_is_judged_against_the_floor_measured_beside_it():
    assert _verdict(_measured(), RESULTS_P95) == ("PASS", "p95 120 ms")
    assert _verdict(_measured(), RESULTS_SHARE) == ("PASS", "60 vs 100 req/s = 60%")
    db = _measured()
    db["runs"][0] = _run("results", 30, 400)
    assert _verdict(db, RESULTS_P95)[0] == "FAIL"
    assert _verdict(db, RESULTS_SHARE)[0] == "FAIL"


def test_a_failed_publication_fails_what_needs_it():
    db = _measured()
    life = db["lifecycle"]
    life["publication"] = {"error": "RuntimeError: publishing failed"}
    del life["exports"], life["results_page"]
    db["runs"] = []
    assert _verdict(db, report.SYNTHESIS)[0] == "PASS"
    for target in (report.EXPORTS, RESULTS_P95, RESULTS_SHARE):
        assert _verdict(db, target) == (
            "FAIL",
            "publication failed: RuntimeError: publishing failed",
        )


def test_seed_of_organisations_passes_once_seeded_at_scale():
    db = _measured()
    assert _verdict(db, report.SEED)[0] == "pending"
    db["seed"].update(scale=0.05, organisations=15, recommendations=100)
    assert _verdict(db, report.SEED)[0] == "PASS"
    db["seed"]["recommendations"] = 99
    assert _verdict(db, report.SEED)[0] == "FAIL"
