"""One synthesis run: duplicates, themes per consultation and per article, opinion groups."""

import sys
from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy import sparse
from threadpoolctl import threadpool_limits

from consult.text.normalise import tokens
from consult.text.scripts import lang_for_text

from . import minhash
from . import themes as clustering
from .duplicates import Grouping, find_groups
from .opinions import opinion_groups
from .types import (
    Assignment,
    Contribution,
    DuplicateGroup,
    Progress,
    SynthesisParams,
    SynthesisResult,
    Theme,
    Votes,
)
from .vectors import embed

LANGS = ("ar", "fr", "zgh")
UNKNOWN = "unknown"


def _silent(stage: str, done: int, total: int) -> None:
    pass


def synthesise(
    contributions: Sequence[Contribution],
    votes: Votes | None = None,
    params: SynthesisParams = SynthesisParams(),  # noqa: B008 (frozen, so sharing it is safe)
    progress: Progress | None = None,
) -> SynthesisResult:
    """Synthesise ``contributions`` (and ``votes`` on them, if any) with ``params``.

    Same contributions in the same order, same votes and same params give the same result.
    ``progress(stage, done, total)`` is called as stages advance ("normalise", "duplicates",
    "themes", "opinions").
    """
    with threadpool_limits(limits=params.threads):
        return _Run(contributions, params, progress or _silent).run(votes)


class _Run:
    def __init__(self, contributions: Sequence[Contribution], params, report: Progress):
        self.items, self.params, self.report = contributions, params, report
        self.ids = [c.id for c in contributions]
        if len(set(self.ids)) != len(self.ids):
            raise ValueError("contribution ids must be unique")

    def run(self, votes: Votes | None) -> SynthesisResult:
        n = len(self.items)
        self.normalise()
        self.report("duplicates", 0, 1)
        self.grouping = self.find_duplicates()
        self.report("duplicates", 1, 1)
        # Copies count once in the shape of themes: each contribution is represented by its
        # group's representative and follows it into its theme (and its language block).
        self.shape_of = np.arange(n)
        for number, members in enumerate(self.grouping.groups):
            self.shape_of[members] = self.grouping.representatives[number]
        self.langs = [self.langs[shape] for shape in self.shape_of]
        self.theme_of: list[str | None] = [None] * n
        self.article_theme_of: list[str | None] = [None] * n
        self.themes: list[Theme] = []
        self.article_themes: list[Theme] = []
        blocks = self.blocks()
        for done, (lang, members) in enumerate(blocks):
            self.report("themes", done, len(blocks))
            self.themes_of_block(lang, members)
        self.report("themes", len(blocks), len(blocks))
        opinions = None
        if votes is not None:
            self.report("opinions", 0, 1)
            opinions = opinion_groups(votes, self.params)
            self.report("opinions", 1, 1)
        return SynthesisResult(
            self.params,
            self.assignments(),
            self.duplicate_groups(),
            self.themes,
            self.article_themes,
            opinions,
        )

    def normalise(self) -> None:
        n = len(self.items)
        # Copies of a campaign share their raw text: normalise and detect each text once.
        words_of: dict[str, list[str]] = {}
        lang_of: dict[str, str] = {}
        self.token_lists, self.langs = [], []
        step = max(1, n // 20)
        for index, item in enumerate(self.items):
            words = words_of.get(item.text)
            if words is None:
                # One string object per distinct word (interned): 100 000 texts hold millions
                # of words but a vocabulary of thousands, and copies cost hundreds of megabytes.
                words = words_of[item.text] = list(map(sys.intern, tokens(item.text)))
            self.token_lists.append(words)
            if item.lang in LANGS:
                self.langs.append(item.lang)
            else:
                lang = lang_of.get(item.text)
                if lang is None:
                    lang = lang_of[item.text] = lang_for_text(item.text) or UNKNOWN
                self.langs.append(lang)
            if index % step == 0:
                self.report("normalise", index, n)
        self.report("normalise", n, n)
        # One row of shingles per distinct normalised text, shared by duplicates and themes.
        size = self.params.shingle_size
        distinct: dict[str, int] = {}
        self.text_of = np.full(n, -1, dtype=np.int64)
        for index, words in enumerate(self.token_lists):
            text = " ".join(words)
            if len(text) >= size:
                self.text_of[index] = distinct.setdefault(text, len(distinct))
        self.texts = list(distinct)
        self.shingles = minhash.shingle_matrix(self.texts, size)

    def find_duplicates(self) -> Grouping:
        params = self.params
        eligible = np.fromiter(
            (len(text) >= params.min_chars for text in self.texts), bool, len(self.texts)
        )
        return find_groups(
            self.text_of,
            self.shingles,
            eligible,
            [c.author for c in self.items],
            threshold=params.threshold,
            num_perm=params.num_perm,
            campaign_size=params.campaign_size,
            seed=params.seed,
        )

    def blocks(self) -> list[tuple[str, np.ndarray]]:
        """Contributions with words, by language: texts in different scripts share no features."""
        by_lang: dict[str, list[int]] = {}
        for index, lang in enumerate(self.langs):
            if self.token_lists[index]:
                by_lang.setdefault(lang, []).append(index)
        order = [*LANGS, *sorted(set(by_lang) - set(LANGS))]
        return [(lang, np.array(by_lang[lang])) for lang in order if lang in by_lang]

    def themes_of_block(self, lang: str, members: np.ndarray) -> None:
        """Themes of one language block, for the whole consultation and for each article."""
        params = self.params
        shapes = np.unique(self.shape_of[members])  # distinct texts, in input order
        features = embed(
            [self.token_lists[i] for i in shapes],
            _rows_or_empty(self.shingles, self.text_of[shapes]),
            components=params.svd_components,
            seed=params.seed,
        )
        row_of_member = np.searchsorted(shapes, self.shape_of[members])
        everyone = np.ones(len(members), dtype=bool)
        number = len(self.themes)
        for label, indices, description in self.cluster(
            features,
            np.arange(len(shapes)),
            row_of_member,
            everyone,
            members,
            params.min_themes,
            params.max_themes,
        ):
            theme = self.theme(f"t{number + label + 1}", lang, None, description, indices, shapes)
            self.themes.append(theme)
            for index in indices:
                self.theme_of[index] = theme.id
        articles = np.array([str(self.items[i].article) for i in members], dtype=object)
        has_article = np.array([self.items[i].article is not None for i in members], dtype=bool)
        for article in sorted(set(articles[has_article])):
            on_article = has_article & (articles == article)
            for label, indices, description in self.cluster(
                features,
                np.unique(row_of_member[on_article]),
                row_of_member,
                on_article,
                members,
                2,
                params.max_article_themes,
                # An article's few hundred texts: one k-means start per k is enough, and a
                # national text has sixty articles in three languages to cluster.
                n_init=1,
            ):
                theme_id = f"{lang}:{article}:{label + 1}"
                theme = self.theme(theme_id, lang, article, description, indices, shapes)
                self.article_themes.append(theme)
                for index in indices:
                    self.article_theme_of[index] = theme_id

    def cluster(self, features, rows, row_of_member, chosen, members, k_min, k_max, n_init=2):
        """Cluster the feature ``rows``; yield (label, member indices, description) per theme."""
        params = self.params
        result = clustering.cluster(
            features.embedding[rows],
            k_min=k_min,
            k_max=min(k_max, len(rows) // params.min_theme_size),
            sample_size=params.sample_size,
            seed=params.seed,
            n_init=n_init,
        )
        label_of_row = np.full(len(features.embedding), -1, dtype=np.int64)
        label_of_row[rows] = result.labels
        member_labels = np.where(chosen, label_of_row[row_of_member], -1)
        order = np.argsort(member_labels, kind="stable")
        starts = np.searchsorted(member_labels[order], np.arange(len(result.centres) + 1))
        for label, description in enumerate(clustering.describe(features, rows, result)):
            indices = members[order[starts[label] : starts[label + 1]]]
            yield label, indices.tolist(), description

    def theme(self, theme_id, lang, article, description, indices, shapes) -> Theme:
        chosen = [self.items[i] for i in indices]
        group_of, is_campaign = self.grouping.group_of, self.grouping.is_campaign
        campaigns = {
            int(group_of[i]) for i in indices if group_of[i] >= 0 and is_campaign[group_of[i]]
        }
        return Theme(
            id=theme_id,
            lang=lang,
            article=article,
            label=" · ".join(description["terms"][:3]),
            terms=description["terms"],
            representatives=[self.ids[shapes[row]] for row in description["representatives"]],
            size=len(chosen),
            distinct=len(np.unique(self.shape_of[indices])) if indices else 0,
            campaigns=len(campaigns),
            support=sum(c.support for c in chosen),
            members=[c.id for c in chosen],
            articles=_count(c.article for c in chosen if c.article is not None),
            kinds=_count(c.kind for c in chosen),
            participant_types=_count(c.participant_type or UNKNOWN for c in chosen),
            regions=_count(c.region or UNKNOWN for c in chosen),
        )

    def duplicate_groups(self) -> list[DuplicateGroup]:
        grouping = self.grouping
        return [
            DuplicateGroup(
                id=number + 1,
                members=[self.ids[i] for i in members],
                representative=self.ids[grouping.representatives[number]],
                signatories=grouping.signatories[number],
                is_campaign=grouping.is_campaign[number],
            )
            for number, members in enumerate(grouping.groups)
        ]

    def assignments(self) -> list[Assignment]:
        group_of, is_campaign = self.grouping.group_of, self.grouping.is_campaign
        return [
            Assignment(
                id=self.ids[i],
                group=int(group_of[i]) + 1 if group_of[i] >= 0 else None,
                campaign=bool(group_of[i] >= 0 and is_campaign[group_of[i]]),
                theme=self.theme_of[i],
                article_theme=self.article_theme_of[i],
                lang=self.langs[i],
            )
            for i in range(len(self.items))
        ]


def _rows_or_empty(matrix: sparse.csr_matrix, rows: np.ndarray) -> sparse.csr_matrix:
    """``matrix[rows]``, with an empty row where ``rows`` is -1 (text too short for shingles).

    Built from the index arrays: a sparse product with a diagonal would allocate work space
    for each of the matrix's 2**30 columns.
    """
    if matrix.shape[0] == 0:
        return sparse.csr_matrix((len(rows), matrix.shape[1]), dtype=matrix.dtype)
    picked = matrix[np.maximum(rows, 0)]
    lengths = np.where(rows >= 0, np.diff(picked.indptr), 0)
    keep = np.repeat(rows >= 0, np.diff(picked.indptr))
    indptr = np.concatenate(([0], np.cumsum(lengths)))
    return sparse.csr_matrix((picked.data[keep], picked.indices[keep], indptr), shape=picked.shape)


def _count(values) -> dict[str, int]:
    counts: Counter[str] = Counter()
    # Count the values first, then name them: str() once per distinct value, not per value.
    for value, count in Counter(values).items():
        counts[str(value)] += count
    return dict(sorted(counts.items()))
