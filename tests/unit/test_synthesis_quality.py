"""Quality of the synthesis engine on the labelled evaluation sets (tests/data/synthesis)."""

# Set A was used while tuning the engine; set B (other seed, other sentence frames and copy
# edits) was not. Measured with the default parameters (seed 0):
#
#     set A: duplicate pairs precision 0.9998, recall 1.000; theme ARI 0.990
#     set B: duplicate pairs precision 0.9995, recall 1.000; theme ARI 0.934
#
# The run is deterministic, so the ARI floors sit just under those figures (over seeds 0–7 the
# ARI ranged 0.963–0.995 on A and 0.934–0.980 on B: k-means' start moves it, not the data).
# The vocabulary of each synthetic theme is its own, which makes themes easier to tell apart
# than in real comments: read the ARI as a regression guard, not as a promise.
#
# Duplicate detection is scored on pairs of contributions: a predicted pair is two
# contributions put in the same near-duplicate group, a true pair is two contributions copied
# from the same source text (``truth_group``). Precision = true predicted pairs / predicted
# pairs; recall = true predicted pairs / true pairs. Themes are scored by the adjusted Rand
# index between the themes found and the true (theme, language) of every contribution: themes
# are found per language, and the ministry merges an Arabic and a French theme about the same
# thing by hand.

import json
import os
import subprocess
import sys
from collections import Counter
from math import comb
from pathlib import Path

import pytest
from sklearn.metrics import adjusted_rand_score

from consult.synthesis.engine import Contribution, synthesise
from consult.text.scripts import detect_script

DATA = Path(__file__).parents[1] / "data" / "synthesis"
THEMES = {
    "publication", "delais", "langues", "associations", "donnees", "communes", "rural",
    "jeunes_femmes", "diaspora", "petitions",
}  # fmt: skip
FLOORS = {
    "a": {"precision": 0.95, "recall": 0.90, "ari": 0.98},
    "b": {"precision": 0.95, "recall": 0.90, "ari": 0.92},
}


def load(name: str) -> list[dict]:
    with (DATA / f"eval_{name}.jsonl").open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def as_contributions(rows: list[dict]) -> list[Contribution]:
    fields = ("id", "author", "text", "article", "lang", "kind", "support")
    extra = ("participant_type", "region")
    return [Contribution(**{key: row[key] for key in (*fields, *extra)}) for row in rows]


@pytest.fixture(scope="module", params=["a", "b"])
def evaluated(request):
    rows = load(request.param)
    return request.param, rows, synthesise(as_contributions(rows))


def pair_scores(predicted: list, truth: list) -> tuple[float, float]:
    both = Counter((p, t) for p, t in zip(predicted, truth, strict=True) if p and t)
    hits = sum(comb(count, 2) for count in both.values())
    claimed = sum(comb(count, 2) for count in Counter(p for p in predicted if p).values())
    real = sum(comb(count, 2) for count in Counter(t for t in truth if t).values())
    return hits / claimed, hits / real


def test_evaluation_sets_are_large_multilingual_and_have_campaigns():
    for name in ("a", "b"):
        rows = load(name)
        assert len(rows) >= 2000
        assert {row["truth_theme"] for row in rows} == THEMES
        scripts = Counter(detect_script(row["text"]) for row in rows)
        assert min(scripts[script] for script in ("arab", "latn", "tfng")) >= 300
        copies = Counter(row["truth_group"] for row in rows if row["truth_group"])
        assert sum(count >= 5 for count in copies.values()) >= 10
        # Most copies are altered (typos, spelling, rewording), not exact.
        texts: dict[str, Counter] = {}
        for row in rows:
            if row["truth_group"]:
                texts.setdefault(row["truth_group"], Counter())[row["text"]] += 1
        altered = sum(sum(c.values()) - c.most_common(1)[0][1] for c in texts.values())
        assert altered >= 0.4 * sum(copies.values())


def test_the_second_evaluation_set_shares_no_text_with_the_first():
    assert not {row["text"] for row in load("a")} & {row["text"] for row in load("b")}


def test_near_duplicates_are_found_with_high_precision_and_recall(evaluated):
    name, rows, result = evaluated
    predicted = [assignment.group for assignment in result.assignments]
    precision, recall = pair_scores(predicted, [row["truth_group"] for row in rows])

    assert precision >= FLOORS[name]["precision"]
    assert recall >= FLOORS[name]["recall"]


def test_every_campaign_is_found_once_with_its_signatories(evaluated):
    _, rows, result = evaluated
    copies_by_source: dict[str, list[int]] = {}
    for index, row in enumerate(rows):
        if row["truth_group"]:
            copies_by_source.setdefault(row["truth_group"], []).append(index)
    true_campaigns = {
        source: indices
        for source, indices in copies_by_source.items()
        if len({rows[i]["author"] for i in indices}) >= 5
    }
    index_of = {row["id"]: index for index, row in enumerate(rows)}
    found = 0
    for group in result.campaigns:
        members = [index_of[member] for member in group.members]
        source, count = Counter(rows[i]["truth_group"] for i in members).most_common(1)[0]
        # Each campaign found is a true campaign, nearly whole and nearly pure.
        assert source in true_campaigns
        assert count >= 0.95 * len(members)
        assert count >= 0.9 * len(true_campaigns[source])
        assert group.signatories == len({rows[i]["author"] for i in members})
        found += 1
    assert found == len(true_campaigns)


def test_themes_match_the_true_themes(evaluated):
    name, rows, result = evaluated
    truth = [f"{row['truth_theme']}/{row['truth_lang']}" for row in rows]
    found = [assignment.theme for assignment in result.assignments]

    assert adjusted_rand_score(truth, found) >= FLOORS[name]["ari"]


def test_the_language_of_texts_sent_without_one_is_detected(evaluated):
    _, rows, result = evaluated
    unlabelled = [
        (row["truth_lang"], assignment.lang)
        for row, assignment in zip(rows, result.assignments, strict=True)
        if row["lang"] is None
    ]

    assert len(unlabelled) > 500
    assert all(truth == found for truth, found in unlabelled)


_RUN = """
import hashlib, json, sys
sys.path.insert(0, sys.argv[1])
from test_synthesis_quality import as_contributions, load
from consult.synthesis.engine import SynthesisParams, Votes, synthesise
rows = load("b")[:600]
votes = Votes.from_records(
    (f"p{p}", rows[c]["id"], (p * 7 + c * 3) % 3 - 1) for p in range(60) for c in range(0, 600, 7)
)
result = synthesise(as_contributions(rows), votes, SynthesisParams(seed=int(sys.argv[2])))
text = json.dumps(result.to_dict(), ensure_ascii=False)
print(hashlib.sha256(text.encode()).hexdigest())
"""


def _fingerprint(seed: int, hash_seed: str) -> str:
    # A process of its own, with its own string hashing: an order that came from iterating a
    # set or a dict of strings would change the output there.
    done = subprocess.run(
        [sys.executable, "-c", _RUN, str(Path(__file__).parent), str(seed)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": hash_seed},
    )
    return done.stdout.strip()


def test_the_same_input_params_and_seed_give_the_same_result_in_any_process():
    first = _fingerprint(seed=0, hash_seed="1")

    assert len(first) == 64
    assert _fingerprint(seed=0, hash_seed="2") == first
    assert _fingerprint(seed=1, hash_seed="1") != first
