"""The bench after its load: close, synthesise, publish and export; then drive the results page."""

import shutil
from collections.abc import Callable
from pathlib import Path

from . import exports, load, synthesis_db
from .database import engine_for
from .servers import WORK, Server
from .sessions import get

#: The published outcome report, latest version (consult/outcome/routes.py, `outcome.report`).
RESULTS_PAGE = "/consultations/{}/outcome"
#: Where the served app finds the open-data files: it runs with bench/.work/instance as its
#: instance folder (bench/run.py), and reads them from instance/opendata.
OPENDATA = WORK / "instance" / "opendata"


def carry(
    db: dict,
    url: str,
    servers: list[Server],
    connections: list[int],
    drive: Callable[[str, str, int], dict],
    log: Callable[[str], None],
) -> None:
    """Conclude the consultation of `db`, then drive its results page at each connection count
    (`drive(name, url, connections)` runs wrk and returns its figures), beside the floor's
    article page measured again in the same minutes. Figures go to db["lifecycle"] and, for
    the pages, db["runs"]."""
    app = servers[0]
    floor = next((s for s in servers if s.name == "floor"), None)
    consultation_id = db["targets"]["consultation_id"]
    try:
        life = db["lifecycle"] = conclude(
            url,
            consultation_id,
            opendata=OPENDATA,
            synthesis_log=WORK / "logs" / f"synthesise-{db['database']}.log",
            log=log,
        )
        if "id" not in life.get("publication", {}):
            return
        path = RESULTS_PAGE.format(consultation_id)
        status, _ = get(app.base, path)
        life["results_page"] = {"path": path, "status": status}
        if status != 200:
            life["results_page"]["error"] = f"{path} answered {status}"
            log(f"  results page: {path} answered {status}")
            return
        load.finish(load.start("warm-up", app.base + path, 8, 2), 8)
        for c in connections:
            if floor:
                db["runs"].append(drive("floor_results", floor.base + "/article/1", c))
            db["runs"].append(drive("results", app.base + path, c))
    finally:
        shutil.rmtree(OPENDATA, ignore_errors=True)  # about 140 MB at full scale


def conclude(
    url: str,
    consultation_id: int,
    *,
    opendata: Path,
    synthesis_log: Path,
    log: Callable[[str], None] = print,
    scratch: Path = WORK / "opendata-bench",
) -> dict:
    """Close the consultation, measure `flask synthesise` and its floor, publish the outcome
    and measure each open-data export (the whole command's files stay in `opendata`). A
    failed step is recorded with its error; without a publication the life stops there. The
    command's progress lines go to `synthesis_log`."""
    life: dict = {"consultation_id": consultation_id}

    def step(name: str, work) -> bool:
        try:
            life[name] = work()
        except Exception as error:  # reported as a FAIL; the load's figures are kept
            life[name] = {"error": f"{type(error).__name__}: {error}".splitlines()[0]}
            log(f"  {name} failed: {life[name]['error']}")
            return False
        return True

    if not step("closed", lambda: synthesis_db.close(url, consultation_id)):
        return life
    log("  consultation closed by its official" if life["closed"] else "  already closed")
    if step("synthesis", lambda: _synthesis(url, consultation_id, synthesis_log)):
        s = life["synthesis"]
        log(
            f"  flask synthesise: {s['seconds']:.1f} s, CPU {s['cpu']:.1f} s, peak RSS "
            f"{s['peak_mib']:.0f} MiB, exit code {s['returncode']}; floor (read + TF-IDF) "
            f"{s['floor_seconds']:.1f} s for {s['floor_texts']} texts"
        )
    if not step("publication", lambda: exports.publish_in_child(url, consultation_id)):
        return life
    p = life["publication"]
    log(f"  outcome published (publication {p['id']}) in {p['seconds']:.1f} s")
    if step("exports", lambda: exports.export_all(url, p["id"], scratch, opendata)):
        for entry in life["exports"]["datasets"]:
            log(
                f"  export {entry['dataset']:<13} {entry['rows'] or 0:>7} rows "
                f"{entry['seconds']:6.2f} s  peak RSS {entry['peak_mib']:5.1f} MiB"
            )
        whole = life["exports"]["command"]
        log(
            f"  flask opendata-export: {whole['files']} files in {whole['seconds']:.1f} s, "
            f"peak RSS {whole['peak_mib']:.1f} MiB"
        )
    return life


def _synthesis(url: str, consultation_id: int, log_path: Path) -> dict:
    """The floor (read the texts, TF-IDF) and then the real command, in the same minutes."""
    engine = engine_for(url)
    try:
        floor, texts = synthesis_db.floor_seconds(engine, consultation_id)
    finally:
        engine.dispose()
    measured = synthesis_db.synthesise(url, consultation_id, log_path)
    return {**measured, "floor_seconds": round(floor, 2), "floor_texts": texts}
