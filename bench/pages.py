"""CPU time per page, in-process: what one request costs a worker, whatever the machine's load.

    python -m bench.pages --database sqlite:///$PWD/bench/.work/x.sqlite3 [--repeat 200]
    python -m bench.pages --database ... --profile article     # cProfile of one page
    python -m bench.pages --database ... --posts               # comment and vote POSTs

The figures of `make bench` move with the machine's load; CPU time per request does not (much),
so this is what to watch while making a page cheaper. Each page is requested once to warm up,
then `--repeat` times through the Flask test client; the median `time.process_time()` per
request is printed, anonymous and signed in, in each interface language.
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time

from consult import create_app

from .database import app_config
from .probe import read_targets
from .servers import WORK, floor_dir

LANGUAGES = ("fr", "ar", "zgh")


def _client(app, language: str, reader_id: int | None):
    client = app.test_client()
    client.set_cookie(app.config["LOCALE_COOKIE"], language)
    if reader_id is not None:
        with client.session_transaction() as session:
            session["_user_id"] = str(reader_id)
            session["_fresh"] = True
    return client


def cpu_per_request(client, path: str, repeat: int) -> float:
    """Median CPU milliseconds of `repeat` requests for `path` (after one to warm up)."""
    assert client.get(path).status_code == 200, path
    samples = []
    for _ in range(repeat):
        started = time.process_time()
        client.get(path)
        samples.append(time.process_time() - started)
    return statistics.median(samples) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument("--profile", help="a page name to profile with cProfile instead")
    parser.add_argument("--reader", type=int, default=2, help="user id of the signed-in reader")
    parser.add_argument("--posts", action="store_true", help="time comment and vote POSTs")
    args = parser.parse_args(argv)
    settings = {"RATELIMIT_ENABLED": False, "WTF_CSRF_ENABLED": not args.posts}
    app = create_app({**app_config(args.database), **settings})
    if args.posts:
        return _posts(app, read_targets(args.database), args.repeat)
    pages = read_targets(args.database).pages()
    if args.profile:
        client = _client(app, "fr", None)
        client.get(pages[args.profile])
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.repeat):
            client.get(pages[args.profile])
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
        return 0
    floor = _floor_client()
    print(f"{'page':<14}{'reader':<11}" + "".join(f"{lang:>9}" for lang in LANGUAGES))
    for name, path in pages.items():
        for reader in (None, args.reader):
            cells = []
            for language in LANGUAGES:
                client = _client(app, language, reader)
                cells.append(cpu_per_request(client, path, args.repeat))
            who = "anonymous" if reader is None else "signed in"
            print(f"{name:<14}{who:<11}" + "".join(f"{ms:7.1f}ms" for ms in cells))
        if floor is not None:
            # Measured between our pages, so both see the same load on the machine.
            ms = cpu_per_request(floor, "/article/1", args.repeat)
            print(f"{'floor':<14}{'article':<11}{ms:7.1f}ms")
    return 0


def _posts(app, targets, repeat: int) -> int:
    """Median CPU of a comment POST and of a vote POST (each changing the database: run it on
    a copy you can spare), signed in as 38 different citizens in turn."""
    clients = [_client(app, "fr", reader) for reader in range(2, 40)]
    values = ("agree", "disagree", "pass")

    def comment(i: int):
        body = f"Je propose de préciser le délai de réponse, point {i}."
        data = {"section": targets.busiest_slug, "body": body, "stance": ""}
        return clients[i % len(clients)].post(
            f"/consultations/{targets.consultation_id}/comments", data=data
        )

    def vote(i: int):
        comment_id = targets.vote_comment_ids[i % len(targets.vote_comment_ids)]
        data = {"value": values[i % 3], "next": "/"}
        return clients[i % len(clients)].post(f"/comments/{comment_id}/vote", data=data)

    for name, send in (("comment POST", comment), ("vote POST", vote)):
        first = send(0)
        assert first.status_code in (302, 303), (name, first.status_code, first.location)
        samples = []
        for i in range(1, repeat + 1):
            started = time.process_time()
            send(i)
            samples.append(time.process_time() - started)
        print(f"{name:<14}{statistics.median(samples) * 1000:7.1f}ms")
    return 0


def _floor_client():
    """The floor's app (../shared/bench-reference) on the harness's floor database, if both
    are there (`make bench` creates the database)."""
    source = floor_dir()
    database = WORK / "floor.sqlite3"
    if source is None or not database.exists():
        return None
    os.environ["REF_DB"] = str(database)
    sys.path.insert(0, str(source))
    import refapp  # noqa: PLC0415 - the floor is found at run time

    return refapp.app.test_client()


if __name__ == "__main__":
    sys.exit(main())
