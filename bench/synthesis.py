"""Time the synthesis engine on 100 000 contributions and 1 000 000 votes: plain data, no database.

    .venv/bin/python -m bench.synthesis [--contributions 100000] [--votes 1000000] [--seed 1]

Contributions come from the grammar of the evaluation sets (tests/data/synthesis/generate.py):
Arabic, French and Tamazight texts on ten themes, campaigns of 5 to 400 copies (exact, with
typos, reworded), small groups of copies, texts quoting a campaign. Votes are distinct
(participant, comment) pairs from 20 000 participants in three planted opinion groups, popular
comments and active participants drawing most of them.

In the same process it times the floor — merely vectorising the same texts (scikit-learn's
TF-IDF with its defaults) — then ``synthesise`` with a progress bar on stderr, and prints the
wall time, CPU time, ratio to the floor and peak resident memory (``getrusage``), against the
targets of 60 s and 2 GiB.
"""

import argparse
import os
import resource
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from consult.synthesis.commands import ProgressBar
from consult.synthesis.engine import Contribution, SynthesisParams, Votes, synthesise

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "data" / "synthesis"))
import generate  # noqa: E402 (the evaluation grammar lives with the evaluation sets)

TARGET_SECONDS = 60.0
TARGET_MIB = 2048.0
PARTICIPANTS = 20_000


class _Writer(generate.Writer):
    """The evaluation grammar without its check that originals are pairwise distinct: that
    check is quadratic, and at this size a few chance near-copies change nothing."""

    def is_new(self, lang, text) -> bool:
        return True


def contributions(count: int, seed: int) -> list[Contribution]:
    campaigns = max(1, count // 1000)
    spec = {
        **generate.SETS["a"],
        "seed": seed,
        # As many originals as contributions, then a random ``count`` of everything: campaign
        # sizes are drawn at random, so fewer originals could leave the total short.
        "independent": count,
        "campaigns": campaigns,
        "sizes": (5, 400),
        "bilingual": campaigns // 10,
        "small_groups": count // 200,
        "near_misses": campaigns,
    }
    records = _Writer(spec).build()[:count]
    return [
        Contribution(
            id=index + 1,
            author=record["author"],
            text=record["text"],
            article=record["article"],
            lang=record["lang"],
            kind=record["kind"],
            support=record["support"],
            participant_type=record["participant_type"],
            region=record["region"],
        )
        for index, record in enumerate(records)
    ]


def votes(count: int, comments: int, seed: int) -> Votes:
    """``count`` distinct (participant, comment) votes on comment ids 1..``comments``."""
    rng = np.random.default_rng(seed)
    participants = min(PARTICIPANTS, max(10, count // 20))
    group = rng.integers(0, 3, participants)
    # Each group has its own chance of agreeing with each comment.
    leaning = rng.uniform(0.1, 0.9, (3, comments))
    popularity = rng.permutation(1.0 / np.arange(1, comments + 1) ** 0.7)
    activity = rng.lognormal(0.0, 1.0, participants)
    count = min(count, participants * comments)
    keys = np.empty(0, dtype=np.int64)
    while len(keys) < count:
        wanted = int((count - len(keys)) * 1.3) + 100
        who = rng.choice(participants, wanted, p=activity / activity.sum())
        what = rng.choice(comments, wanted, p=popularity / popularity.sum())
        keys = np.concatenate((keys, who.astype(np.int64) * comments + what))
        # Keep the first draw of each pair, in the order drawn.
        _, first = np.unique(keys, return_index=True)
        keys = keys[np.sort(first)]
    keys = keys[:count]
    who, what = keys // comments, keys % comments
    agree = rng.random(count) < leaning[group[who], what]
    passed = rng.random(count) < 0.1
    values = np.where(passed, 0, np.where(agree, 1, -1))
    return Votes(participants=who + 1, comments=what + 1, values=values)


class StageTimer:
    """Passes ``progress(stage, done, total)`` on to the command's progress bar and remembers
    how long each stage took, in wall and CPU seconds."""

    def __init__(self, bar):
        self.bar = bar
        self.stage: str | None = None
        self.started = self.cpu_started = 0.0
        self.seconds: dict[str, float] = {}
        self.cpu_seconds: dict[str, float] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage != self.stage:
            self.stop()
            self.stage, self.started, self.cpu_started = stage, time.perf_counter(), _cpu()
        self.bar(stage, done, total)

    def stop(self) -> None:
        if self.stage is not None:
            wall, cpu = time.perf_counter() - self.started, _cpu() - self.cpu_started
            self.seconds[self.stage] = self.seconds.get(self.stage, 0.0) + wall
            self.cpu_seconds[self.stage] = self.cpu_seconds.get(self.stage, 0.0) + cpu
            self.stage = None


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def run(count: int, vote_count: int, seed: int, threads: int, out=sys.stdout) -> dict:
    """Build the data, time the floor and the engine, print the figures; return them."""

    def say(text: str) -> None:
        print(text, file=out, flush=True)

    started = time.perf_counter()
    items = contributions(count, seed)
    ballot = votes(vote_count, len(items), seed + 1)
    say(
        f"data: {len(items)} contributions ({len({c.text for c in items})} distinct texts), "
        f"{len(ballot.values)} votes by {len(np.unique(ballot.participants))} participants, "
        f"built in {time.perf_counter() - started:.1f} s"
    )
    data_mib = _peak_mib()

    started, cpu = time.perf_counter(), _cpu()
    TfidfVectorizer().fit_transform([c.text for c in items])
    floor, floor_cpu = time.perf_counter() - started, _cpu() - cpu

    bar = ProgressBar()
    timer = StageTimer(bar)
    started, cpu = time.perf_counter(), _cpu()
    result = synthesise(items, ballot, SynthesisParams(seed=seed, threads=threads), timer)
    elapsed, elapsed_cpu = time.perf_counter() - started, _cpu() - cpu
    timer.stop()
    bar.close()
    peak = _peak_mib()

    say(
        "stages (wall / CPU): "
        + ", ".join(
            f"{stage} {wall:.1f} / {timer.cpu_seconds[stage]:.1f} s"
            for stage, wall in timer.seconds.items()
        )
    )
    say(
        f"found: {len(result.groups)} near-duplicate groups, {len(result.campaigns)} campaigns, "
        f"{len(result.themes)} themes, {len(result.article_themes)} article themes, "
        f"{len(result.opinions.groups)} opinion groups "
        f"({result.opinions.clustered} of {result.opinions.participants} participants)"
    )
    say(f"floor (TF-IDF of the same texts): {floor:.2f} s wall, {floor_cpu:.2f} s CPU")
    say(f"synthesise: {elapsed:.1f} s wall, {elapsed_cpu:.1f} s CPU")
    say(f"ratio to the floor: {elapsed / floor:.1f} wall, {elapsed_cpu / floor_cpu:.1f} CPU")
    say(f"peak RSS: {peak:.0f} MiB (after building the data: {data_mib:.0f} MiB)")
    within = elapsed <= TARGET_SECONDS and peak <= TARGET_MIB
    say(
        f"targets {TARGET_SECONDS:.0f} s and {TARGET_MIB / 1024:.0f} GiB: "
        f"{'PASS' if within else 'FAIL'}; load average {os.getloadavg()[0]:.1f} "
        f"on {os.cpu_count()} cores"
    )
    return {
        "result": result,
        "seconds": elapsed,
        "cpu_seconds": elapsed_cpu,
        "floor_seconds": floor,
        "peak_mib": peak,
        "stages": timer.seconds,
        "within_targets": within,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contributions", type=int, default=100_000)
    parser.add_argument("--votes", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=1, help="numpy/scikit-learn threads")
    args = parser.parse_args(argv)
    figures = run(args.contributions, args.votes, args.seed, args.threads)
    return 0 if figures["within_targets"] else 1


if __name__ == "__main__":
    sys.exit(main())
