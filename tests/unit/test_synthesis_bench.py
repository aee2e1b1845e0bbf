"""The synthesis benchmark (bench/synthesis.py) at a small size, so that it cannot rot."""

import io
import re

import numpy as np

from bench import synthesis as bench


def test_the_benchmark_runs_and_prints_its_figures():
    out = io.StringIO()

    figures = bench.run(2000, 20_000, seed=3, threads=1, out=out)

    text = out.getvalue()
    assert re.search(r"^data: 2000 contributions \(\d+ distinct texts\), 20000 votes", text, re.M)
    assert re.search(r"^floor \(TF-IDF of the same texts\): [\d.]+ s wall", text, re.M)
    assert re.search(r"^synthesise: [\d.]+ s wall, [\d.]+ s CPU$", text, re.M)
    assert re.search(r"^ratio to the floor: [\d.]+ wall", text, re.M)
    assert re.search(r"^peak RSS: \d+ MiB", text, re.M)
    assert re.search(r"^targets 60 s and 2 GiB: PASS", text, re.M)
    assert list(figures["stages"]) == ["normalise", "duplicates", "themes", "opinions"]
    result = figures["result"]
    assert len(result.assignments) == 2000
    assert result.campaigns and result.themes and result.opinions.groups
    assert result.opinions.votes == 20_000


def test_benchmark_votes_are_distinct_pairs_on_existing_comments():
    votes = bench.votes(5000, comments=300, seed=1)

    pairs = set(zip(votes.participants.tolist(), votes.comments.tolist(), strict=True))
    assert len(pairs) == len(votes.values) == 5000
    assert votes.comments.min() >= 1 and votes.comments.max() <= 300
    assert set(np.unique(votes.values)) == {-1, 0, 1}


def test_benchmark_contributions_mix_the_three_languages_and_hold_campaigns():
    items = bench.contributions(3000, seed=2)
    texts = [item.text for item in items]

    assert len(items) == 3000
    assert any("\u0600" <= char <= "\u06ff" for char in "".join(texts[:50]))
    assert any("\u2d30" <= char <= "\u2d7f" for char in "".join(texts[:50]))
    assert any(char.isascii() and char.isalpha() for char in "".join(texts[:50]))
    assert max(texts.count(text) for text in set(texts)) >= 5


def test_each_stage_is_timed_and_passed_on_to_the_progress_bar():
    calls = []
    timer = bench.StageTimer(lambda *call: calls.append(call))

    for stage in ("normalise", "themes", "normalise"):
        for done in range(4):
            timer(stage, done, 3)
    timer.stop()

    assert len(calls) == 12 and calls[0] == ("normalise", 0, 3)
    assert list(timer.seconds) == ["normalise", "themes"]
    assert all(seconds >= 0 for seconds in timer.seconds.values())
