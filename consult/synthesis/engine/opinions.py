"""Opinion groups from the vote matrix, as Polis does: PCA of votes, then k-means on the map."""

# Missing votes are unknown, not "pass". Each comment's mean vote (over those who voted) stands
# in for a missing vote, so after centring a missing vote is exactly zero: the centred matrix
# stays sparse and its truncated SVD *is* the PCA, with no dense participants × comments array
# (a million votes fit in a few tens of megabytes).

import numpy as np
from scipy import sparse
from sklearn.decomposition import TruncatedSVD

from .themes import fit_kmeans, silhouette
from .types import AGREE, DISAGREE, CommentStat, OpinionGroup, Opinions, SynthesisParams, Votes

#: A group's share on a comment counts only when this many of its members voted on it.
MIN_SEEN = 3
#: One-sided z for "this group differs from the others" (90 %), as Polis uses for repness.
Z_REPRESENTATIVE = 1.2816
REPRESENTATIVE_COUNT = 5
LISTED = 20


def _codes(column) -> tuple[np.ndarray, np.ndarray]:
    labels, codes = np.unique(np.asarray(column), return_inverse=True)
    return labels, codes.ravel()


def vote_matrix(votes: Votes):
    """Participants, comments and a CSR matrix of vote codes: 1 disagree, 2 pass, 3 agree.

    Codes rather than -1/0/+1 so that a pass is stored, not confused with "did not vote".
    """
    participants, rows = _codes(votes.participants)
    comments, columns = _codes(votes.comments)
    values = np.clip(np.asarray(votes.values, dtype=np.int64), DISAGREE, AGREE)
    # Keep each participant's last vote on a comment.
    key = rows.astype(np.int64) * len(comments) + columns
    _, last_reversed = np.unique(key[::-1], return_index=True)
    last = len(key) - 1 - last_reversed
    codes = sparse.csr_matrix(
        ((values[last] + 2).astype(np.float32), (rows[last], columns[last])),
        shape=(len(participants), len(comments)),
    )
    return participants, comments, codes


def _with_data(matrix: sparse.csr_matrix, data: np.ndarray) -> sparse.csr_matrix:
    result = matrix.copy()
    result.data = np.asarray(data, dtype=np.float32)
    return result


def _project(codes: sparse.csr_matrix, seed: int) -> np.ndarray:
    """Participants on the first two principal components of their (centred, scaled) votes."""
    value = codes.data - 2
    seen_per_comment = np.bincount(codes.indices, minlength=codes.shape[1])
    sums = np.bincount(codes.indices, weights=value, minlength=codes.shape[1])
    means = sums / np.maximum(seen_per_comment, 1)
    centred = _with_data(codes, value - means[codes.indices])
    # Polis scales each participant by sqrt(comments / votes cast): without it, people who
    # voted little sit near the centre and form a group of "the quiet" rather than an opinion.
    cast = np.diff(codes.indptr)
    centred = sparse.diags(np.sqrt(codes.shape[1] / np.maximum(cast, 1))) @ centred
    if min(centred.shape) < 3 or not np.any(centred.data):
        dense = centred.toarray()
        return np.pad(dense, ((0, 0), (0, max(0, 2 - dense.shape[1]))))[:, :2]
    # A matrix of near-identical votes has (almost) no variance to explain: scikit-learn's
    # explained-variance ratio then divides by zero, which is harmless here.
    with np.errstate(divide="ignore", invalid="ignore"):
        return TruncatedSVD(n_components=2, random_state=seed).fit_transform(centred)


def _choose_groups(points: np.ndarray, max_groups: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    judged = np.sort(rng.choice(len(points), min(len(points), 3000), replace=False))
    chosen = points[judged]
    squares = (chosen**2).sum(axis=1)
    # |a - b|² = |a|² + |b|² - 2 a·b: one n × n array, not n × n × dimensions.
    distances = np.sqrt(
        np.maximum(squares[:, None] + squares[None, :] - 2.0 * (chosen @ chosen.T), 0.0)
    )
    best = None
    for k in range(2, min(max_groups, len(points) - 1) + 1):
        labels = fit_kmeans(points, k, seed=seed, n_init=4).labels_
        score = silhouette(distances, labels[judged])
        if score is not None and (best is None or score > best[0]):
            best = (score, labels)
    if best is None:
        return np.zeros(len(points), dtype=np.int64)
    values, first, counts = np.unique(best[1], return_index=True, return_counts=True)
    order = sorted(range(len(values)), key=lambda i: (-counts[i], first[i]))
    mapping = np.empty(len(values), dtype=np.int64)
    mapping[values[order]] = np.arange(len(values))
    return mapping[best[1]]


def opinion_groups(votes: Votes, params: SynthesisParams) -> Opinions:
    """Opinion groups, their representative comments, consensus and divisive comments."""
    if len(np.asarray(votes.values)) == 0:
        return Opinions(0, 0, 0, 0, [], [], [])
    participants, comments, codes = vote_matrix(votes)
    enough = np.flatnonzero(np.diff(codes.indptr) >= min(params.min_votes, len(comments)))
    base = Opinions(len(participants), 0, len(comments), int(codes.nnz), [], [], [])
    if len(enough) < 4:
        return base
    codes = codes[enough]
    points = _project(codes, params.seed)
    labels = _choose_groups(points, params.max_opinion_groups, params.seed)
    k = int(labels.max()) + 1
    indicator = sparse.csr_matrix((np.ones(len(labels)), (labels, np.arange(len(labels)))))
    agree = (indicator @ _with_data(codes, codes.data == 3)).toarray().astype(np.float64)
    disagree = (indicator @ _with_data(codes, codes.data == 1)).toarray().astype(np.float64)
    count = (indicator @ _with_data(codes, np.ones_like(codes.data))).toarray().astype(np.float64)
    stats = _Stats(comments, agree, disagree, count)
    groups = []
    for group in range(k):
        members = np.flatnonzero(labels == group)
        groups.append(
            OpinionGroup(
                id=group,
                size=len(members),
                centre=tuple(float(x) for x in points[members].mean(axis=0)),
                participants=participants[enough[members]].tolist(),
                representative=stats.representative(group),
            )
        )
    base.clustered = len(enough)
    base.groups, base.consensus, base.divisive = groups, stats.consensus(), stats.divisive()
    return base


class _Stats:
    """Per group × comment counts of agree, disagree and seen votes, and what follows from them."""

    def __init__(self, comments, agree, disagree, seen):
        self.comments, self.agree, self.disagree, self.seen = comments, agree, disagree, seen
        self.k = agree.shape[0]
        with np.errstate(invalid="ignore", divide="ignore"):
            self.agree_share = np.where(seen > 0, agree / seen, 0.0)
            self.disagree_share = np.where(seen > 0, disagree / seen, 0.0)
        self.counted = seen >= MIN_SEEN

    def _stat(self, column: int, score: float, direction: str = "agree") -> CommentStat:
        return CommentStat(
            comment=self.comments[column].item(),
            agree={g: round(float(self.agree_share[g, column]), 4) for g in range(self.k)},
            disagree={g: round(float(self.disagree_share[g, column]), 4) for g in range(self.k)},
            seen={g: int(self.seen[g, column]) for g in range(self.k)},
            score=round(float(score), 4),
            direction=direction,
        )

    def representative(self, group: int) -> list[CommentStat]:
        """Comments on which the group stands apart, Polis' repness: its smoothed share of a vote
        over the others' share, kept when a two-proportion z-test says the gap is real."""
        rest = [g for g in range(self.k) if g != group]
        chosen = []
        for direction, counts in (("agree", self.agree), ("disagree", self.disagree)):
            inside = (counts[group] + 1) / (self.seen[group] + 2)
            others = (counts[rest].sum(axis=0) + 1) / (self.seen[rest].sum(axis=0) + 2)
            z = _two_proportion_z(
                counts[group], self.seen[group], counts[rest].sum(0), self.seen[rest].sum(0)
            )
            ok = (inside > 0.5) & (z >= Z_REPRESENTATIVE) & self.counted[group]
            score = inside / others * inside
            chosen += [(score[c], c, direction) for c in np.flatnonzero(ok)]
        chosen.sort(key=lambda item: (-item[0], item[1]))
        return [self._stat(c, s, d) for s, c, d in chosen[:REPRESENTATIVE_COUNT]]

    def consensus(self) -> list[CommentStat]:
        """Comments a majority of every group agreed with, least convinced group first-ranked."""
        ok = np.all(self.counted & (self.agree_share > 0.5), axis=0)
        floor = self.agree_share.min(axis=0)
        ranked = sorted(np.flatnonzero(ok), key=lambda c: (-floor[c], c))
        return [self._stat(c, floor[c]) for c in ranked[:LISTED]]

    def divisive(self) -> list[CommentStat]:
        """Comments a majority of one group agreed with while a majority of another disagreed."""
        agreeing = np.any(self.counted & (self.agree_share > 0.5), axis=0)
        disagreeing = np.any(self.counted & (self.disagree_share > 0.5), axis=0)
        # Both kinds of majority need two counted groups, so no column below is all-NaN.
        candidates = np.flatnonzero(agreeing & disagreeing)
        net = np.where(self.counted, self.agree_share - self.disagree_share, np.nan)[:, candidates]
        spread = dict(zip(candidates, np.nanmax(net, axis=0) - np.nanmin(net, axis=0), strict=True))
        ranked = sorted(candidates, key=lambda c: (-spread[c], c))
        return [self._stat(c, spread[c]) for c in ranked[:LISTED]]


def _two_proportion_z(hits_a, total_a, hits_b, total_b) -> np.ndarray:
    p_a = (hits_a + 1) / (total_a + 2)
    p_b = (hits_b + 1) / (total_b + 2)
    pooled = (hits_a + hits_b + 1) / (total_a + total_b + 2)
    error = np.sqrt(pooled * (1 - pooled) * (1 / (total_a + 1) + 1 / (total_b + 1)))
    return (p_a - p_b) / error
