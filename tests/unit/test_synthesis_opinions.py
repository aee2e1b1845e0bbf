"""Opinion groups from votes, as Polis does: planted groups, consensus and divisive comments."""

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from consult.synthesis.engine import AGREE, DISAGREE, PASS, SynthesisParams, Votes
from consult.synthesis.engine.opinions import opinion_groups, vote_matrix

CONSENSUS = [0, 1, 2]  # every group agrees
DIVISIVE = [3, 4, 5]  # group 0 agrees, group 1 disagrees, group 2 is split


def planted(size=120, comments=40, missing=0.4, seed=0):
    """Votes of three planted groups; each group agrees with a comment with its own
    probability. Returns the votes and each participant's planted group."""
    groups = 3
    rng = np.random.default_rng(seed)
    agree = rng.choice([0.1, 0.9], size=(groups, comments))
    agree[:, CONSENSUS] = 0.9
    agree[:, DIVISIVE] = np.array([[0.95], [0.05], [0.5]])
    participants, items, values, truth = [], [], [], {}
    for group in range(groups):
        for member in range(size):
            person = f"g{group}-{member}"
            truth[person] = group
            for comment in range(comments):
                if rng.random() < missing:
                    continue  # not voted: unknown, not "pass"
                draw = rng.random()
                value = PASS if draw > 0.95 else AGREE if draw < agree[group, comment] else DISAGREE
                participants.append(person)
                items.append(f"c{comment}")
                values.append(value)
    return Votes(participants, items, values), truth


@pytest.fixture(scope="module")
def found():
    votes, truth = planted()
    return opinion_groups(votes, SynthesisParams()), truth


def test_planted_opinion_groups_are_recovered(found):
    opinions, truth = found
    group_of = {p: group.id for group in opinions.groups for p in group.participants}

    assert len(opinions.groups) == 3
    assert opinions.clustered == len(truth)
    people = sorted(truth)
    assert adjusted_rand_score([truth[p] for p in people], [group_of[p] for p in people]) > 0.95


def test_consensus_comments_are_those_every_group_agrees_with(found):
    opinions, _ = found
    consensus = {stat.comment for stat in opinions.consensus}

    assert {f"c{c}" for c in CONSENSUS} <= consensus
    assert not consensus & {f"c{c}" for c in DIVISIVE}
    for stat in opinions.consensus:
        assert min(stat.agree.values()) > 0.5


def test_divisive_comments_are_agreed_by_one_group_and_rejected_by_another(found):
    opinions, _ = found
    divisive = [stat.comment for stat in opinions.divisive]

    assert {f"c{c}" for c in DIVISIVE} <= set(divisive)
    assert not set(divisive) & {f"c{c}" for c in CONSENSUS}
    for stat in opinions.divisive:
        assert max(stat.agree.values()) > 0.5 and max(stat.disagree.values()) > 0.5


def test_each_group_has_representative_comments_where_it_stands_apart(found):
    opinions, _ = found
    for group in opinions.groups:
        assert group.representative
        for stat in group.representative:
            others = [g for g in stat.agree if g != group.id]
            share = stat.agree if stat.direction == "agree" else stat.disagree
            assert share[group.id] > 0.5
            assert share[group.id] > max(share[g] for g in others)


def test_participants_with_too_few_votes_are_left_out():
    votes, truth = planted(missing=0.0, comments=10)
    few = Votes(
        [*votes.participants, "newcomer", "newcomer"],
        [*votes.comments, "c0", "c1"],
        [*votes.values, AGREE, AGREE],
    )
    opinions = opinion_groups(few, SynthesisParams(min_votes=7))

    assert opinions.participants == len(truth) + 1
    assert opinions.clustered == len(truth)
    assert all("newcomer" not in group.participants for group in opinions.groups)


def test_a_pass_is_a_vote_and_the_last_vote_counts():
    votes = Votes(["a", "a", "a", "b"], ["c1", "c1", "c2", "c1"], [AGREE, DISAGREE, PASS, AGREE])
    participants, comments, codes = vote_matrix(votes)

    assert codes.nnz == 3  # a's first vote on c1 was replaced
    assert codes[0].toarray().tolist() == [[DISAGREE + 2, PASS + 2]]


def test_too_few_voters_give_no_groups():
    opinions = opinion_groups(Votes(["a", "b"], ["c1", "c1"], [AGREE, DISAGREE]), SynthesisParams())

    assert opinions.groups == [] and opinions.votes == 2


def test_the_vote_matrix_is_sparse():
    rng = np.random.default_rng(1)
    count = 300_000
    votes = Votes(
        rng.integers(0, 30_000, count), rng.integers(0, 3_000, count), rng.integers(-1, 2, count)
    )
    _, _, codes = vote_matrix(votes)

    # Twelve bytes per vote at most, where a dense matrix would need 90 million cells.
    assert codes.data.nbytes + codes.indices.nbytes <= 12 * count


def test_unanimous_voters_form_one_group_agreeing_on_everything():
    votes = Votes.from_records((p, c, AGREE) for p in range(12) for c in range(8))
    opinions = opinion_groups(votes, SynthesisParams())

    assert [group.size for group in opinions.groups] == [12]
    assert len(opinions.consensus) == 8 and opinions.divisive == []
