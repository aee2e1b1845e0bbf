"""Text features for themes: TF-IDF of words and of character shingles, reduced by truncated SVD."""

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfTransformer, TfidfVectorizer
from sklearn.preprocessing import normalize

from .stopwords import STOPWORDS

#: The SVD is fitted on at most this many documents, then applied to all of them.
_FIT_ROWS = 20_000
_ID_BITS = 30  # of minhash shingle ids
_BUCKET_BITS = 16
#: Power iterations of the randomized SVD: 3 is as good as scikit-learn's 5 for themes here.
_SVD_ITERATIONS = 3


@dataclass
class Features:
    #: Dense, L2-normalised rows: cosine similarity is a dot product.
    embedding: np.ndarray
    #: Word TF-IDF (unigrams and bigrams), kept to name themes by their distinctive terms.
    words: sparse.csr_matrix
    terms: np.ndarray


def terms_of(tokens: list[str]) -> list[str]:
    """Unigrams and bigrams of the content words of a text."""
    words = [word for word in tokens if word not in STOPWORDS and len(word) > 1]
    return words + [f"{left} {right}" for left, right in zip(words, words[1:], strict=False)]


def _identity(terms):
    return terms


def embed(
    token_lists: list[list[str]], shingles: sparse.csr_matrix, *, components: int, seed: int
) -> Features:
    """Features of documents from their tokens and their character-shingle matrix.

    Shingles are the ones duplicate detection computed, reused: they catch what words miss
    (Arabic clitics, "والجمعيات" and "الجمعيات"; typos) at no extra cost, whereas a second
    character n-gram vectoriser would be the slowest step of a run.
    """
    n = len(token_lists)
    common = n >= 20
    word_vectoriser = TfidfVectorizer(
        analyzer=_identity,
        min_df=2 if common else 1,
        max_df=0.5 if common else 1.0,
        sublinear_tf=True,
        dtype=np.float32,
    )
    try:
        words = word_vectoriser.fit_transform([terms_of(tokens) for tokens in token_lists])
        terms = word_vectoriser.get_feature_names_out()
    except ValueError:  # no term survives (texts made of stop words only)
        words, terms = sparse.csr_matrix((n, 0), dtype=np.float32), np.array([], dtype=object)
    combined = sparse.hstack(
        [words, _shingle_tfidf(shingles, 2 if common else 1)], format="csr", dtype=np.float32
    )
    rank = min(components, combined.shape[1] - 1, n - 1)
    if rank < 2:
        dense = combined.toarray() if combined.shape[1] else np.ones((n, 1), np.float32)
        embedding = normalize(dense)
    else:
        rng = np.random.default_rng(seed)
        fit_rows = np.sort(rng.choice(n, size=min(n, _FIT_ROWS), replace=False))
        svd = TruncatedSVD(n_components=rank, n_iter=_SVD_ITERATIONS, random_state=seed)
        # Identical rows leave no variance: the explained-variance ratio divides by zero.
        with np.errstate(divide="ignore", invalid="ignore"):
            svd.fit(combined[fit_rows])
        embedding = normalize(svd.transform(combined))
    return Features(embedding.astype(np.float32), words.tocsr(), terms)


def _shingle_tfidf(shingles: sparse.csr_matrix, min_df: int) -> sparse.csr_matrix:
    """TF-IDF of binary shingle rows, over the shingles found in at least ``min_df`` rows.

    Shingle ids are folded into 2**16 buckets (the hashing trick): the SVD works on dense
    blocks as wide as there are columns, and finding the distinct ids of 20 million shingles
    would cost more than the rest of this function.
    """
    folded = sparse.csr_matrix(
        (shingles.data, shingles.indices >> (_ID_BITS - _BUCKET_BITS), shingles.indptr),
        shape=(shingles.shape[0], 1 << _BUCKET_BITS),
    )
    folded.sum_duplicates()
    # Keep the buckets seen in at least min_df rows, renumbered: a small consultation then
    # has a few thousand columns, not 65 536 mostly empty ones.
    frequent = np.bincount(folded.indices, minlength=folded.shape[1]) >= min_df
    column = np.cumsum(frequent) - 1
    kept = frequent[folded.indices]
    indptr = np.concatenate(([0], np.cumsum(kept)))[folded.indptr]
    compact = sparse.csr_matrix(
        (np.ones(kept.sum(), np.float32), column[folded.indices[kept]], indptr),
        shape=(folded.shape[0], int(frequent.sum())),
    )
    if compact.shape[1] == 0:
        return compact
    return TfidfTransformer().fit_transform(compact).astype(np.float32)
