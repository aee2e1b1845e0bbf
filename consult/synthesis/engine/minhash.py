"""Character shingles, MinHash signatures and LSH candidate pairs, vectorised with numpy."""

# Our own numpy MinHash rather than datasketch: datasketch hashes each shingle in Python (sha1
# per shingle), which at 100 000 texts (some 20 million shingles) costs tens of seconds. Here
# the shingle hashes of all texts come at once from their code points, each permutation is one
# vectorised pass, and everything is seeded (Python's ``hash`` changes between processes).

import numpy as np
from scipy import sparse

_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_BASE = np.uint64(0x100000001B3)
#: Shingle ids keep 30 bits of the hash: collisions are too rare to move a Jaccard similarity.
_ID_BITS = 30
_CHUNK_CHARS = 1_000_000
_CHUNK_ROWS = 512


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser, in place: spreads every input bit over the whole hash."""
    x ^= x >> np.uint64(30)
    x *= _MIX1
    x ^= x >> np.uint64(27)
    x *= _MIX2
    x ^= x >> np.uint64(31)
    return x


def _chunks(lengths: np.ndarray):
    start = 0
    while start < len(lengths):
        total, stop = 0, start
        while stop < len(lengths) and (stop == start or total + lengths[stop] <= _CHUNK_CHARS):
            total += lengths[stop]
            stop += 1
        yield start, stop
        start = stop


def shingle_matrix(texts: list[str], size: int) -> sparse.csr_matrix:
    """Binary texts × shingle-id matrix of each text's set of ``size``-character shingles.

    Every text must be at least ``size`` characters long.
    """
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    if len(texts) and lengths.min() < size:
        raise ValueError("every text must be at least as long as a shingle")
    parts = []
    for start, stop in _chunks(lengths):
        joined = "".join(texts[start:stop])
        points = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        positions = len(points) - size + 1
        hashes = points[:positions].copy()
        for offset in range(1, size):
            hashes *= _BASE
            hashes += points[offset : offset + positions]
        _mix(hashes)
        # Keep the shingles that lie inside one text, not across the join of two.
        chunk_lengths = lengths[start:stop]
        counts = chunk_lengths - size + 1
        text_starts = np.cumsum(chunk_lengths) - chunk_lengths
        indptr = np.concatenate(([0], np.cumsum(counts)))
        keep = np.arange(indptr[-1]) + np.repeat(text_starts - indptr[:-1], counts)
        ids = (hashes[keep] >> np.uint64(64 - _ID_BITS)).astype(np.int32)
        part = sparse.csr_matrix(
            (np.ones(len(ids), dtype=np.float32), ids, indptr), shape=(stop - start, 1 << _ID_BITS)
        )
        part.sum_duplicates()
        part.data[:] = 1
        parts.append(part)
    if not parts:
        return sparse.csr_matrix((0, 1 << _ID_BITS), dtype=np.float32)
    return sparse.vstack(parts, format="csr")


def signatures(shingles: sparse.csr_matrix, num_perm: int, seed: int) -> np.ndarray:
    """MinHash signature (texts × num_perm, uint32) by multiply-shift hashing of shingle ids."""
    rng = np.random.default_rng(seed)
    multipliers = rng.integers(1, 2**63, num_perm, dtype=np.uint64) | np.uint64(1)
    offsets = rng.integers(0, 2**63, num_perm, dtype=np.uint64)
    n = shingles.shape[0]
    result = np.empty((n, num_perm), dtype=np.uint32)
    indptr, ids = shingles.indptr, shingles.indices.astype(np.uint64)
    # Row chunks keep the working arrays in cache: several times faster than whole columns.
    for first in range(0, n, _CHUNK_ROWS):
        last = min(first + _CHUNK_ROWS, n)
        keys = ids[indptr[first] : indptr[last]]
        starts = indptr[first:last] - indptr[first]
        work = np.empty(len(keys), dtype=np.uint64)
        for perm in range(num_perm):
            np.multiply(keys, multipliers[perm], out=work)
            work += offsets[perm]
            work >>= np.uint64(32)
            result[first:last, perm] = np.minimum.reduceat(work, starts)
    return result


def rows_per_band(num_perm: int, threshold: float, recall: float = 0.995) -> int:
    """The most rows per band that still makes a pair at ``threshold`` a candidate w.p. ``recall``.

    More rows per band means fewer chance candidates; fewer rows, fewer missed pairs. Exact
    verification removes the chance candidates, so recall decides.
    """
    for rows in range(8, 0, -1):
        bands = num_perm // rows
        if bands and 1 - (1 - threshold**rows) ** bands >= recall:
            return rows
    return 1


def candidate_pairs(signature: np.ndarray, threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) of texts that share a whole band of their signatures."""
    n, num_perm = signature.shape
    rows = rows_per_band(num_perm, threshold)
    firsts, seconds = [], []
    wide = signature.astype(np.uint64)
    for band in range(num_perm // rows):
        key = np.zeros(n, dtype=np.uint64)
        for column in range(band * rows, (band + 1) * rows):
            key *= _BASE
            key += wide[:, column]
            _mix(key)
        order = np.argsort(key, kind="stable")
        ordered = key[order]
        new_run = np.concatenate(([True], ordered[1:] != ordered[:-1]))
        run_first = order[np.maximum.accumulate(np.where(new_run, np.arange(n), 0))]
        # Link each text of a bucket to the bucket's first text, not to every other one: a
        # campaign of 5 000 copies then gives 5 000 pairs, not 12 million.
        linked = ~new_run
        firsts.append(run_first[linked])
        seconds.append(order[linked])
    if not firsts:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    first, second = np.concatenate(firsts), np.concatenate(seconds)
    low, high = np.minimum(first, second), np.maximum(first, second)
    # Sorting then dropping repeats is several times faster than np.unique on millions of pairs.
    codes = np.sort(low.astype(np.int64) * n + high)
    codes = codes[np.concatenate(([True], codes[1:] != codes[:-1]))[: len(codes)]]
    return codes // n, codes % n


def jaccard(
    shingles: sparse.csr_matrix, first: np.ndarray, second: np.ndarray, chunk: int = 20_000
) -> np.ndarray:
    """Exact Jaccard similarity of the shingle sets of each pair (first[k], second[k])."""
    sizes = np.diff(shingles.indptr)
    result = np.empty(len(first), dtype=np.float64)
    for start in range(0, len(first), chunk):
        i, j = first[start : start + chunk], second[start : start + chunk]
        common = np.asarray(shingles[i].multiply(shingles[j]).sum(axis=1)).ravel()
        result[start : start + chunk] = common / (sizes[i] + sizes[j] - common)
    return result


def estimated_similarity(signature: np.ndarray, first: np.ndarray, second: np.ndarray):
    """Share of equal MinHash values per pair: an unbiased estimate of their Jaccard similarity."""
    result = np.empty(len(first), dtype=np.float64)
    for start in range(0, len(first), 50_000):
        i, j = first[start : start + 50_000], second[start : start + 50_000]
        result[start : start + 50_000] = (signature[i] == signature[j]).mean(axis=1)
    return result
