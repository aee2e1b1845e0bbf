"""Plain data for the synthesis engine: contributions and votes in, a JSON-ready result out."""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

#: Called as progress(stage, done, total) while a run advances.
Progress = Callable[[str, int, int], None]

AGREE, DISAGREE, PASS = 1, -1, 0


@dataclass(frozen=True, slots=True)
class Contribution:
    id: Any
    author: Any
    text: str
    article: str | None = None
    #: "ar", "fr" or "zgh" when the sender said so; otherwise detected from the script.
    lang: str | None = None
    kind: str = "comment"  # or "recommendation"
    #: Votes, co-signatures or supports the contribution received.
    support: int = 0
    participant_type: str | None = None
    region: str | None = None


@dataclass(frozen=True)
class Votes:
    """The vote matrix as three equal-length columns (one row per vote), as a database returns it.

    Columns rather than one object per vote: a million votes then cost a few megabytes.
    A participant who voted twice on a comment keeps the last vote.
    """

    participants: Sequence[Any] | np.ndarray
    comments: Sequence[Any] | np.ndarray
    #: AGREE (+1), DISAGREE (-1) or PASS (0).
    values: Sequence[int] | np.ndarray

    @classmethod
    def from_records(cls, records: Iterable[tuple[Any, Any, int]]) -> "Votes":
        rows = list(records)
        return cls(
            participants=[row[0] for row in rows],
            comments=[row[1] for row in rows],
            values=[row[2] for row in rows],
        )


@dataclass(frozen=True)
class SynthesisParams:
    #: Jaccard similarity of character shingles at or above which two texts are near-duplicates.
    threshold: float = 0.5
    shingle_size: int = 5
    num_perm: int = 64
    #: A near-duplicate group from at least this many distinct authors is a campaign.
    campaign_size: int = 5
    #: Shorter normalised texts ("d'accord", "موافق") are never grouped: agreeing is not copying.
    min_chars: int = 25
    min_themes: int = 2
    max_themes: int = 20
    max_article_themes: int = 8
    #: Fewer distinct texts than this per theme is not worth a theme of its own.
    min_theme_size: int = 5
    #: Themes are chosen on a sample this large; every contribution is then assigned.
    sample_size: int = 3000
    svd_components: int = 50
    #: Participants need this many votes (or a vote on every comment) to be placed in a group.
    min_votes: int = 7
    max_opinion_groups: int = 5
    seed: int = 0
    #: Threads for numpy/scikit-learn. One by default: a run shares its machine with the web
    #: app, and on a busy 2-core machine OpenMP threads that spin-wait are slower than one.
    threads: int = 1


@dataclass
class DuplicateGroup:
    id: int
    members: list[Any]
    #: The member whose exact text is the most common in the group: what was copied.
    representative: Any
    #: Distinct authors: a campaign is counted once with this many signatories.
    signatories: int
    is_campaign: bool


@dataclass
class Theme:
    id: str
    lang: str | None
    #: None for a theme of the whole consultation, else the article it was found in.
    article: str | None
    label: str
    terms: list[str]
    representatives: list[Any]
    #: Contributions in the theme, copies of a campaign included.
    size: int
    #: Distinct texts: each near-duplicate group counts once (this is what shaped the theme).
    distinct: int
    campaigns: int
    support: int
    members: list[Any]
    articles: dict[str, int] = field(default_factory=dict)
    kinds: dict[str, int] = field(default_factory=dict)
    participant_types: dict[str, int] = field(default_factory=dict)
    regions: dict[str, int] = field(default_factory=dict)


@dataclass
class CommentStat:
    comment: Any
    #: Per opinion group id: share of the group's voters on the comment who agreed.
    agree: dict[int, float]
    disagree: dict[int, float]
    seen: dict[int, int]
    score: float
    direction: str = "agree"


@dataclass
class OpinionGroup:
    id: int
    size: int
    centre: tuple[float, float]
    participants: list[Any]
    representative: list[CommentStat]


@dataclass
class Opinions:
    participants: int
    clustered: int
    comments: int
    votes: int
    groups: list[OpinionGroup]
    consensus: list[CommentStat]
    divisive: list[CommentStat]


@dataclass
class Assignment:
    id: Any
    group: int | None
    campaign: bool
    theme: str | None
    article_theme: str | None
    lang: str | None


@dataclass
class SynthesisResult:
    params: SynthesisParams
    assignments: list[Assignment]
    groups: list[DuplicateGroup]
    themes: list[Theme]
    article_themes: list[Theme]
    opinions: Opinions | None

    @property
    def campaigns(self) -> list[DuplicateGroup]:
        return [group for group in self.groups if group.is_campaign]

    def to_dict(self) -> dict:
        return _plain(asdict(self))


def _plain(value):
    """Turn numpy scalars and tuples into what json.dumps accepts; keys become strings."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, np.generic):
        return value.item()
    return value
