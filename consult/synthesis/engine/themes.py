"""Themes: k-means on text features, k chosen by silhouette, each cluster named and described."""

import warnings
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.cluster import KMeans
from sklearn.exceptions import ConvergenceWarning

from .vectors import Features

#: Silhouette is computed on at most this many points (it is quadratic in their number).
_SILHOUETTE_SAMPLE = 2000


@dataclass
class Clustering:
    labels: np.ndarray
    centres: np.ndarray


def cluster(
    points: np.ndarray, *, k_min: int, k_max: int, sample_size: int, seed: int, n_init: int = 2
) -> Clustering:
    """k-means on L2-normalised ``points`` with k in [k_min, k_max] chosen by silhouette.

    k is chosen on a sample; the chosen centres then start a k-means over all points.
    ``n_init`` k-means starts are tried for each k.
    """
    n = len(points)
    k_max = min(k_max, n - 1)
    if n < 3 or k_max < max(k_min, 2) or _all_same(points):
        return Clustering(np.zeros(n, dtype=np.int64), _centres(points, np.zeros(n, np.int64), 1))
    rng = np.random.default_rng(seed)
    sample = np.sort(rng.choice(n, size=min(n, sample_size), replace=False))
    chosen = points[sample]
    judged = np.sort(rng.choice(len(sample), min(len(sample), _SILHOUETTE_SAMPLE), replace=False))
    distances = _distances(chosen[judged])
    best = None
    for k in range(max(k_min, 2), min(k_max, len(sample) - 1) + 1):
        model = fit_kmeans(chosen, k, seed=seed, n_init=n_init)
        score = silhouette(distances, model.labels_[judged])
        # Ties go to the smaller k.
        if score is not None and (best is None or score > best[0]):
            best = (score, k, model)
    if best is None:
        return Clustering(np.zeros(n, dtype=np.int64), _centres(points, np.zeros(n, np.int64), 1))
    _, k, model = best
    if len(sample) < n:
        model = fit_kmeans(points, k, seed=seed, init=model.cluster_centers_, max_iter=50)
    labels = _renumber_by_size(model.labels_)
    return Clustering(labels, _centres(points, labels, labels.max() + 1))


def fit_kmeans(points: np.ndarray, k: int, *, seed: int, n_init: int = 1, **options) -> KMeans:
    init = options.pop("init", "k-means++")
    with warnings.catch_warnings():
        # Fewer distinct points than k: k-means says so, and silhouette then ranks that k low.
        warnings.simplefilter("ignore", ConvergenceWarning)
        return KMeans(n_clusters=k, init=init, n_init=n_init, random_state=seed, **options).fit(
            points
        )


def _distances(points: np.ndarray) -> np.ndarray:
    """Euclidean distances between L2-normalised rows, from their dot products."""
    dots = points @ points.T
    return np.sqrt(np.maximum(2.0 - 2.0 * dots, 0.0))


def silhouette(distances: np.ndarray, labels: np.ndarray) -> float | None:
    """Mean silhouette of ``labels`` given all pairwise ``distances`` (as scikit-learn defines it,
    but computed from one distance matrix shared by every k), or None for a single cluster."""
    values, labels = np.unique(labels, return_inverse=True)
    if len(values) < 2:
        return None
    n, k = len(labels), len(values)
    # In the dtype of the distances: a float32 matrix would otherwise be copied to float64.
    membership = np.zeros((n, k), dtype=distances.dtype)
    membership[np.arange(n), labels] = 1.0
    sums = distances @ membership
    sizes = membership.sum(axis=0)
    own = sizes[labels]
    inside = sums[np.arange(n), labels] / np.maximum(own - 1, 1)
    outside = sums / sizes
    outside[np.arange(n), labels] = np.inf
    nearest = outside.min(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        scores = np.where(own > 1, (nearest - inside) / np.maximum(inside, nearest), 0.0)
    return float(np.nan_to_num(scores).mean())


def _all_same(points: np.ndarray) -> bool:
    return bool(np.allclose(points, points[0]))


def _renumber_by_size(labels: np.ndarray) -> np.ndarray:
    """Largest cluster first, ties by first member: stable ids whatever k-means numbered."""
    values, first, counts = np.unique(labels, return_index=True, return_counts=True)
    order = sorted(range(len(values)), key=lambda i: (-counts[i], first[i]))
    mapping = np.empty(values.max() + 1, dtype=np.int64)
    mapping[values[order]] = np.arange(len(values))
    return mapping[labels]


def _centres(points: np.ndarray, labels: np.ndarray, k: int) -> np.ndarray:
    centres = np.zeros((k, points.shape[1]), dtype=np.float64)
    np.add.at(centres, labels, points)
    norms = np.linalg.norm(centres, axis=1, keepdims=True)
    return centres / np.where(norms == 0, 1, norms)


def distinctive_terms(
    words: sparse.csr_matrix, terms: np.ndarray, labels: np.ndarray, k: int, count: int = 4
) -> list[list[str]]:
    """Per cluster, the terms whose mean TF-IDF is highest inside it relative to outside it."""
    n = words.shape[0]
    if words.shape[1] == 0:
        return [[] for _ in range(k)]
    indicator = sparse.csr_matrix((np.ones(n), (labels, np.arange(n))), shape=(k, n))
    inside = np.asarray((indicator @ words).todense())
    sizes = np.bincount(labels, minlength=k)[:, None].astype(np.float64)
    outside = (inside.sum(axis=0, keepdims=True) - inside) / np.maximum(n - sizes, 1)
    score = inside / np.maximum(sizes, 1) - outside
    result = []
    for row in score:
        chosen: list[str] = []
        for index in np.argsort(-row, kind="stable"):
            if row[index] <= 0 or len(chosen) == count:
                break
            term = str(terms[index])
            # A bigram and its own words say the same thing twice.
            if any(term in other or other in term for other in chosen):
                continue
            chosen.append(term)
        result.append(chosen)
    return result


def representatives(points: np.ndarray, labels: np.ndarray, centres: np.ndarray, count: int = 3):
    """Per cluster, the indices of the ``count`` points closest to its centre."""
    similarity = np.einsum("ij,ij->i", points, centres[labels])
    result = []
    for label in range(len(centres)):
        members = np.flatnonzero(labels == label)
        best = members[np.argsort(-similarity[members], kind="stable")[:count]]
        result.append(best.tolist())
    return result


def describe(features: Features, rows: np.ndarray, clustering: Clustering) -> list[dict]:
    """Label terms and representatives for clusters of ``features`` rows ``rows``."""
    k = len(clustering.centres)
    terms = distinctive_terms(features.words[rows], features.terms, clustering.labels, k)
    closest = representatives(features.embedding[rows], clustering.labels, clustering.centres)
    return [
        {"terms": terms[label], "representatives": [int(rows[i]) for i in closest[label]]}
        for label in range(k)
    ]
