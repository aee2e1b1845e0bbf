"""Near-duplicate groups and campaigns: MinHash/LSH candidates, exact check, star-shaped groups."""

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from . import minhash

#: Candidates whose MinHash estimate is this far below the threshold skip the exact check: at 64
#: permutations the estimate's standard deviation is at most 0.0625, so this is over 3 of them.
_ESTIMATE_MARGIN = 0.2
#: Passes that check every remaining text of a group of pairs against its centre (exact
#: Jaccard); one is enough for campaigns, the rest of the passes split chains.
_CENTRE_PASSES = 4


@dataclass
class Grouping:
    #: Per contribution: index of its group in ``groups``, or -1.
    group_of: np.ndarray
    #: Per group: indices of its contributions, in input order.
    groups: list[np.ndarray]
    representatives: list[int]
    signatories: list[int]
    is_campaign: list[bool]


def similar_pairs(
    shingles: sparse.csr_matrix,
    eligible: np.ndarray,
    *,
    num_perm: int,
    threshold: float,
    seed: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of ``eligible`` rows whose shingle sets have Jaccard similarity >= ``threshold``."""
    if shingles.shape[0] < 2:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    # Signatures of every row, then pairs of eligible ones: cheaper than copying the eligible
    # rows of a matrix of some 20 million shingles.
    signature = minhash.signatures(shingles, num_perm, seed)
    first, second = minhash.candidate_pairs(signature, threshold)
    both = eligible[first] & eligible[second]
    first, second = first[both], second[both]
    likely = minhash.estimated_similarity(signature, first, second) >= threshold - _ESTIMATE_MARGIN
    first, second = first[likely], second[likely]
    similar = minhash.jaccard(shingles, first, second) >= threshold
    return first[similar], second[similar]


def find_groups(
    text_of: np.ndarray,
    shingles: sparse.csr_matrix,
    eligible: np.ndarray,
    authors: list,
    *,
    threshold: float,
    num_perm: int,
    campaign_size: int,
    seed: int,
) -> Grouping:
    """Group contributions whose texts are near-identical; flag the groups that are campaigns.

    ``text_of[i]`` is contribution i's row in ``shingles`` (one row per distinct normalised
    text, so exact copies are compared once) or -1; ``eligible`` marks the rows long enough to
    be grouped at all.
    """
    n = len(text_of)
    first, second = similar_pairs(
        shingles, eligible, num_perm=num_perm, threshold=threshold, seed=seed
    )
    multiplicity = np.bincount(text_of[text_of >= 0], minlength=shingles.shape[0])
    group_of_text = _star_groups(shingles, first, second, multiplicity, threshold)
    # Eligible texts in no group keep a label of their own: their exact copies are a group.
    alone = eligible & (group_of_text < 0)
    group_of_text[alone] = group_of_text.max(initial=-1) + 1 + np.arange(alone.sum())
    labels = np.full(n, -1, dtype=np.int64)
    labels[text_of >= 0] = group_of_text[text_of[text_of >= 0]]
    members = _members_by_label(labels)
    groups = sorted((group for group in members if len(group) > 1), key=lambda g: g[0])
    group_of = np.full(n, -1, dtype=np.int64)
    representatives, signatories, campaigns = [], [], []
    for number, group in enumerate(groups):
        group_of[group] = number
        # The most copied text; ties go to the text seen first (rows follow first appearance).
        values, copies = np.unique(text_of[group], return_counts=True)
        most_copied = values[copies.argmax()]
        representatives.append(int(group[np.argmax(text_of[group] == most_copied)]))
        distinct_authors = len({authors[index] for index in group})
        signatories.append(distinct_authors)
        campaigns.append(distinct_authors >= campaign_size)
    return Grouping(group_of, groups, representatives, signatories, campaigns)


def _star_groups(
    shingles: sparse.csr_matrix,
    first: np.ndarray,
    second: np.ndarray,
    copies: np.ndarray,
    threshold: float,
) -> np.ndarray:
    """Groups of rows in which every row is near-identical to one centre; -1 for rows in none.

    Linking every similar pair (connected components) would chain: A is like B, B like C, …
    until a "campaign" joins texts that have nothing in common, and distinct opinions would be
    counted once. So, per connected component of the similar pairs, the row most copied and
    best connected is a centre, the rows near-identical to it (exact Jaccard, whether or not
    LSH paired them) form its group, and the rest is split again the same way. A campaign is
    one such star and is done in the first pass; what remains after a few passes are long
    chains of chance resemblances, finished by ``_adjacent_stars``.
    """
    m = len(copies)
    graph = sparse.coo_matrix((np.ones(len(first), np.float32), (first, second)), shape=(m, m))
    graph = (graph + graph.T).tocsr()
    group = np.full(m, -1, dtype=np.int64)
    active = np.diff(graph.indptr) > 0
    groups = 0
    for _ in range(_CENTRE_PASSES):
        if not active.any():
            return group
        rows = np.flatnonzero(active)
        sub = graph[rows][:, rows]
        count, component = connected_components(sub, directed=False)
        sizes = np.bincount(component, minlength=count)
        # Centre of each component: highest score, ties to the row seen first.
        order = np.lexsort((rows, -_score(sub, copies[rows]), component))
        heads = order[np.flatnonzero(np.diff(component[order], prepend=-1))]
        centre = np.empty(count, dtype=np.int64)
        centre[component[heads]] = heads
        near = minhash.jaccard(shingles, rows, rows[centre[component]]) >= threshold
        near &= sizes[component] > 1
        # A component of two or more holds each centre's verified neighbours: every pass
        # groups at least two rows of it.
        _, renumbered = np.unique(component[near], return_inverse=True)
        group[rows[near]] = groups + renumbered
        groups += int(renumbered.max(initial=-1)) + 1
        active[rows[near]] = False
        active[rows[sizes[component] == 1]] = False
    _adjacent_stars(graph, copies, active, group, groups)
    return group


def _adjacent_stars(graph, copies, active, group, groups) -> None:
    """Finish ``group`` on the ``active`` rows with stars of verified pairs only, many per
    component and pass: each row ranked above all its neighbours is a centre, and each other
    row joins the best-ranked centre it was paired with."""
    while active.any():
        rows = np.flatnonzero(active)
        sub = graph[rows][:, rows]
        alone = np.diff(sub.indptr) == 0
        if alone.any():
            active[rows[alone]] = False
            continue
        order = np.lexsort((rows, -_score(sub, copies[rows])))
        rank = np.empty(len(rows), dtype=np.int64)
        rank[order] = np.arange(len(rows), 0, -1)  # higher is better, all above 0
        is_centre = rank > _row_max(sub, rank)
        centre_rank = _row_max(sub, np.where(is_centre, rank, 0))
        joins = ~is_centre & (centre_rank > 0)
        row_of_rank = np.empty(len(rows) + 1, dtype=np.int64)
        row_of_rank[rank] = np.arange(len(rows))
        centre_of = np.where(joins, row_of_rank[np.maximum(centre_rank, 1)], -1)
        centre_of[is_centre] = np.flatnonzero(is_centre)
        # A centre whose neighbours all joined better centres stays for the next pass.
        has_members = np.bincount(centre_of[joins], minlength=len(rows)) > 0
        grouped = joins | (is_centre & has_members)
        _, renumbered = np.unique(centre_of[grouped], return_inverse=True)
        group[rows[grouped]] = groups + renumbered
        groups += int(renumbered.max(initial=-1)) + 1
        active[rows[grouped]] = False


def _score(graph: sparse.csr_matrix, copies: np.ndarray) -> np.ndarray:
    """Copies of a text plus copies of the texts it was paired with."""
    weight = copies.astype(np.float64)
    return weight + graph @ weight


def _row_max(graph: sparse.csr_matrix, values: np.ndarray) -> np.ndarray:
    """Per row of ``graph`` (no empty row), the largest ``values`` among its neighbours."""
    return np.maximum.reduceat(values[graph.indices], graph.indptr[:-1])


def _members_by_label(labels: np.ndarray) -> list[np.ndarray]:
    """Indices of each label >= 0, in input order."""
    indices = np.flatnonzero(labels >= 0)
    if len(indices) == 0:
        return []
    order = np.argsort(labels[indices], kind="stable")
    boundaries = np.flatnonzero(np.diff(labels[indices][order])) + 1
    return np.split(indices[order], boundaries)
