"""`make bench`: seed a national-scale consultation, serve it with gunicorn and measure it with
wrk against the floor (../shared/bench-reference) and /healthz in the same run, on SQLite and
on PostgreSQL; print PASS/FAIL per target of issue 7, write bench/results/<date>.json and the
table in bench/README.md.

    python -m bench.run [--quick] [--databases sqlite,postgresql] [--seconds 10]
"""

import argparse
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from datetime import UTC, datetime
from urllib.parse import urlencode

from sqlalchemy import text
from sqlalchemy.engine import make_url

from . import lifecycle, load, probe, report
from .database import engine_for, fresh_postgres, fresh_sqlite, postgres_server_url
from .seed import EMAIL, PASSWORD, seed
from .servers import (
    REPO,
    WORK,
    app_server,
    floor_dir,
    floor_server,
    prepare_floor,
    workers_for_this_machine,
)
from .sessions import sign_in

RESULTS = REPO / "bench" / "results"
#: Search at national scale, words common in the seeded comments: three French words (one of
#: them in a third of all comments), and an Arabic word in one comment in ten.
SEARCHES = {
    "search": "/search?" + urlencode({"q": "projet de loi"}),
    "search_ar": "/search?" + urlencode({"q": "الاستشارة"}),
}
SIGNED_IN_USERS = 64
POST_CONNECTIONS_WHILE_READING = 4


def log(message: str) -> None:
    print(message, flush=True)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", default="1,8,16")
    parser.add_argument("--workers", type=int, default=workers_for_this_machine())
    parser.add_argument(
        "--quick",
        action="store_true",
        help="scale 0.05, 3 s runs, results in bench/results/tmp/, README kept",
    )
    parser.add_argument(
        "--reuse-seed",
        action="store_true",
        help="for profiling: keep the database of the last run (not reported)",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target fails")
    args = parser.parse_args(argv)
    if args.quick:
        args.scale, args.seconds = min(args.scale, 0.05), min(args.seconds, 3)
    connections = [int(c) for c in args.connections.split(",")]
    if not load.wrk_path():
        log("wrk is not installed: `apt-get install wrk` (make bench does it when run as root).")
        return 2

    started = time.monotonic()
    (WORK / "logs").mkdir(parents=True, exist_ok=True)
    for old in (WORK / "logs").glob("*.log"):
        old.unlink()
    command = "python -m bench.run"
    if os.environ.get("MAKELEVEL"):
        command = "make bench" + (f" BENCH_ARGS='{' '.join(argv)}'" if argv else "")
    elif argv:
        command += " " + " ".join(argv)
    document = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": command,
        "commit": report.commit(REPO),
        "machine": {**report.machine(), "load_before": round(os.getloadavg()[0], 1)},
        "settings": {
            "workers": args.workers,
            "seconds": args.seconds,
            "scale": args.scale,
            "connections": connections,
            "reused_seed": args.reuse_seed,
        },
        "databases": [],
    }
    floor = None
    source = floor_dir()
    if source is None:
        log("../shared/bench-reference is absent: no floor is measured, no floor ratio reported.")
    else:
        log(f"floor: {source}")
        floor = (source, *prepare_floor(source, log))

    for kind in args.databases.split(","):
        log(f"\n== {report.LABELS[kind]} ==")
        document["databases"].append(_phase(kind, args, connections, floor))

    document["machine"]["load_after"] = round(os.getloadavg()[0], 1)
    failed = report.print_verdicts(document, log)
    document["seconds"] = round(time.monotonic() - started)
    name = datetime.now(UTC).strftime("%Y-%m-%d") + ".json"
    target = RESULTS / ("tmp" if args.quick or args.reuse_seed else "") / name
    report.write_json(document, target)
    if not (args.quick or args.reuse_seed) and any(db.get("runs") for db in document["databases"]):
        report.update_readme(REPO / "bench" / "README.md", document)
        log("bench/README.md updated")
    log(f"results: {target.relative_to(REPO)}; whole run {document['seconds'] / 60:.1f} min")
    return 1 if failed and args.strict else 0


def _phase(kind: str, args, connections: list[int], floor, attempts: int = 3) -> dict:
    """Seed and measure one database. PostgreSQL is shared on this machine (other test suites
    restart it): when it restarts under the harness, the whole phase is done again."""
    for attempt in range(1, attempts + 1):
        before = _postgres_started() if kind == "postgresql" else None
        try:
            url, seeded = _database(kind, args)
            db = measure(kind, url, seeded, args, connections, floor)
            if kind == "postgresql" and _postgres_started() != before:
                raise ConnectionError("PostgreSQL restarted during the measurements")
        except Exception as error:  # no server, no right to create a database, a restart...
            retry = kind == "postgresql" and attempt < attempts and _postgres_started(wait=30)
            log(f"  {report.LABELS[kind]}: {str(error).splitlines()[0]}")
            if not retry:
                return {"database": kind, "skipped": str(error).splitlines()[0]}
            log(f"  the server restarted under us: attempt {attempt + 1} of {attempts}")
            continue
        db["attempts"] = attempt
        return db
    raise AssertionError("unreachable")


def _postgres_started(wait: float = 0) -> str | None:
    """When the PostgreSQL server started (it changes when someone restarts it), or None if
    it does not answer within `wait` seconds."""
    deadline = time.monotonic() + wait
    engine = engine_for(postgres_server_url())
    try:
        while True:
            try:
                with engine.connect() as conn:
                    return str(conn.execute(text("SELECT pg_postmaster_start_time()")).scalar())
            except Exception:
                if time.monotonic() > deadline:
                    return None
                time.sleep(1)
    finally:
        engine.dispose()


def _database(kind: str, args) -> tuple[str, dict]:
    """A freshly seeded database (its URL and what the seed wrote), or the last one."""
    reused = {"reused": True, "comments": 0, "users": 0, "votes": 0, "seconds": 0}
    if kind == "sqlite":
        path = WORK / "bench.sqlite3"
        if args.reuse_seed and path.exists():
            return f"sqlite:///{path}", reused
        url = fresh_sqlite(path)
    elif kind == "postgresql":
        server = postgres_server_url()
        if args.reuse_seed:
            return make_url(server).set(database="consult_bench").render_as_string(False), reused
        url = fresh_postgres(server)
    else:
        raise ValueError(f"unknown database {kind!r}")
    log(f"  seeding at scale {args.scale:g}")
    seeded = seed(url, scale=args.scale, log=log)
    log(f"  seeded in {seeded['seconds']:.0f} s")
    return url, seeded


def measure(kind: str, url: str, seeded: dict, args, connections: list[int], floor) -> dict:
    db: dict = {"database": kind, "seed": seeded, "runs": [], "row_checks": []}
    db["counters_after_seed"] = probe.counters_consistent(url)
    log(f"  counters after seeding: {'exact' if not db['counters_after_seed'] else 'WRONG'}")
    targets = probe.read_targets(url)
    db["targets"] = {k: v for k, v in vars(targets).items() if k != "vote_comment_ids"}
    db["statements"] = probe.statements_per_page(url, targets)
    log(f"  SQL statements per page: {_statements_line(db['statements'])}")

    instance = WORK / "instance"
    app = app_server(f"app-{kind}", url, workers=args.workers, instance=instance)
    servers = [app]
    if floor:
        servers.append(floor_server(floor[0], floor[1], floor[2], workers=args.workers))
    with ExitStack() as stack:
        for server in servers:
            stack.enter_context(server)
        sessions = _sign_in(app.base, targets.pages()["article"])
        post_path = f"/consultations/{targets.consultation_id}/comments"
        pages = {**targets.pages(), **SEARCHES}
        _warm_up(app, servers, pages)
        for c in connections:
            if floor:
                db["runs"].append(_run("floor_article", servers[1].base + "/article/1", c, args))
            for name, path in pages.items():
                db["runs"].append(_run(name, app.base + path, c, args))
            db["runs"].append(_run("healthz", app.base + "/healthz", c, args))
            if floor:
                db["runs"].append(_run("floor_baseline", servers[1].base + "/baseline", c, args))
        for c in connections:
            data = load.write_data(
                WORK / "lua" / f"comment-{c}.lua",
                sessions=sessions,
                threads=load.threads_for(c),
                section=targets.busiest_slug,
                target=post_path,
            )
            result, check = _posting(
                url,
                lambda d=data, c=c: [
                    load.start(
                        "comment_post",
                        app.base + post_path,
                        c,
                        args.seconds,
                        mode="comment",
                        data=d,
                    )
                ],
                [c],
            )
            db["runs"].append(result[0])
            db["row_checks"].append(check)
        for c in connections:
            data = load.write_data(
                WORK / "lua" / f"vote-{c}.lua",
                sessions=sessions,
                threads=load.threads_for(c),
                comments=targets.vote_comment_ids,
            )
            db["runs"].append(_run("vote_post", app.base + "/", c, args, mode="vote", data=data))
        db["mixed"] = _mixed(url, app, pages["article"], post_path, sessions, targets, args, db)
        if kind == "postgresql":
            db["scale_out"] = _scale_out(url, app, post_path, sessions, targets, args, db)
        if not args.reuse_seed:  # for profiling pages: the run that seeded it concluded it
            lifecycle.carry(db, url, servers, connections, lambda *a: _run(*a, args), log)
    logs = "".join(p.read_text(errors="replace") for p in (WORK / "logs").glob(f"app-{kind}*"))
    db["locked_errors"] = logs.count("database is locked")
    db["server_errors"] = logs.count("Traceback")
    db["counters_after_load"] = probe.counters_consistent(url)
    if db.get("scale_out"):
        db["scale_out"]["counters"] = db["counters_after_load"]
        db["scale_out"]["ok"] = db["scale_out"]["ok"] and not db["counters_after_load"]
    log(
        f"  counters after the load: {'exact' if not db['counters_after_load'] else 'WRONG'}; "
        f"'database is locked' in the log: {db['locked_errors']}"
    )
    return db


def _run(name: str, url: str, connections: int, args, **kwargs) -> dict:
    result = load.run(name, url, connections, args.seconds, **kwargs).as_dict()
    log(
        f"  {name:<15} c={connections:<3} {result['rps']:>8.1f} req/s  p50 {result['p50_ms']:6.1f}"
        f"  p95 {result['p95_ms']:6.1f}  p99 {result['p99_ms']:6.1f} ms  errors {result['errors']}"
    )
    return result


def _posting(url: str, start_runs, connections: list[int]) -> tuple[list[dict], dict]:
    """Run comment POSTs; compare accepted responses with new rows."""
    before = probe.count_rows(url, "comment")
    started = start_runs()
    results = [load.finish(s, c).as_dict() for s, c in zip(started, connections, strict=True)]
    time.sleep(1)  # let the server finish the requests wrk left queued when it stopped
    added = probe.count_rows(url, "comment") - before
    accepted = sum(r["statuses"]["s2"] + r["statuses"]["s3"] for r in results)
    for r in results:
        log(
            f"  {r['name']:<15} c={r['connections']:<3} {r['rps']:>8.1f} req/s  p50 "
            f"{r['p50_ms']:6.1f}  p95 {r['p95_ms']:6.1f}  p99 {r['p99_ms']:6.1f} ms  "
            f"errors {r['errors']}"
        )
    # wrk stops with requests in flight: the server may store a few it never saw answered.
    check = {
        "connections": sum(connections),
        "accepted": accepted,
        "rows_added": added,
        "lost": max(0, accepted - added),
        "unanswered": max(0, added - accepted),
    }
    log(f"  rows: {accepted} accepted, {added} new comment rows, {check['lost']} lost")
    return results, check


def _mixed(url, app, article, post_path, sessions, targets, args, db) -> dict:
    """Comment POSTs while the busiest article page is read at full speed."""
    c = POST_CONNECTIONS_WHILE_READING
    data = load.write_data(
        WORK / "lua" / "comment-mixed.lua",
        sessions=sessions,
        threads=load.threads_for(c),
        section=targets.busiest_slug,
        target=post_path,
    )
    reads = load.start("article_while_posting", app.base + article, 16, args.seconds)
    results, check = _posting(
        url,
        lambda: [
            load.start(
                "comment_while_reading",
                app.base + post_path,
                c,
                args.seconds,
                mode="comment",
                data=data,
            )
        ],
        [c],
    )
    reads_result = load.finish(reads, 16).as_dict()
    log(
        f"  article read at the same time: {reads_result['rps']:.0f} req/s, "
        f"p95 {reads_result['p95_ms']:.0f} ms"
    )
    db["row_checks"].append(check)
    return {"reads": reads_result, "posts": results[0]}


def _scale_out(url, app, post_path, sessions, targets, args, db) -> dict:
    """A second instance on the same PostgreSQL; posts spread over both, then counts."""
    log("  scale-out: a second gunicorn instance on the same database")
    second = app_server("app-postgresql-2", url, workers=args.workers, instance=WORK / "instance")
    half = len(sessions) // 2
    with second:
        files = [
            load.write_data(
                WORK / "lua" / f"comment-scale-{i}.lua",
                sessions=part,
                threads=load.threads_for(8),
                section=targets.busiest_slug,
                target=post_path,
            )
            for i, part in enumerate((sessions[:half], sessions[half:]))
        ]
        results, check = _posting(
            url,
            lambda: [
                load.start(
                    f"comment_post_instance_{i + 1}",
                    server.base + post_path,
                    8,
                    args.seconds,
                    mode="comment",
                    data=files[i],
                )
                for i, server in enumerate((app, second))
            ],
            [8, 8],
        )
    db["row_checks"].append(check)
    return {
        "runs": results,
        "accepted": check["accepted"],
        "rows_added": check["rows_added"],
        "ok": check["lost"] == 0 and all(r["errors"] == 0 for r in results),
    }


def _sign_in(base: str, page: str) -> list:
    emails = [EMAIL.format(n) for n in range(1, SIGNED_IN_USERS + 1)]
    with ThreadPoolExecutor(8) as pool:
        sessions = list(pool.map(lambda e: sign_in(base, e, PASSWORD, page), emails))
    log(f"  {len(sessions)} users signed in through /login")
    return sessions


def _warm_up(app, servers, pages) -> None:
    """Every worker imports, compiles templates and connects before anything is measured."""
    urls = [app.base + p for p in pages.values()]
    urls += [s.base + "/article/1" for s in servers if s.name == "floor"]
    for started in [load.start("warm-up", url, 8, 2) for url in urls]:
        load.finish(started, 8)


def _statements_line(statements: dict) -> str:
    pages = statements["pages"]
    shown = ", ".join(f"{k} {v['statements']}" for k, v in pages.items() if "signed" not in k)
    return f"{shown}; constant: {statements['constant']}"


if __name__ == "__main__":
    sys.exit(main())
