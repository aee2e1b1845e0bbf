"""What the synthesis stores: runs and what each found, the ministry's edits, its answers.

Two layers. A *run* is the engine's output for one consultation at one moment (RunGroup,
RunTheme, RunAssignment): recomputed, never edited. The ministry's layer sits on top and
outlives runs: its themes (Theme, linked to the run themes they came from), contributions it
moved (ThemeMove), groups it marked as campaigns or not (CampaignDecision), and its answers
(Response). A contribution is named by a *ref* such as "comment:12", "recommendation:3" or
"imported:7", so edits survive a re-run wherever the same contributions remain.
"""

import enum
from datetime import datetime

from sqlalchemy import JSON, Enum, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..database import TimestampMixin, UTCDateTime
from ..extensions import db
from ..recommendations.models import RecommendationStatus

#: The statuses in which a recommendation counts and is answered: sent, not taken back.
ANSWERABLE = tuple(
    s
    for s in RecommendationStatus
    if s not in (RecommendationStatus.DRAFT, RecommendationStatus.WITHDRAWN)
)


def _str_enum(enum_class):
    return Enum(
        enum_class, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e]
    )


class RunStatus(enum.StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


ACTIVE_STATUSES = (RunStatus.QUEUED, RunStatus.RUNNING)


class SynthesisRun(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultation.id", ondelete="CASCADE"), index=True
    )
    started_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    status: Mapped[RunStatus] = mapped_column(_str_enum(RunStatus), default=RunStatus.QUEUED)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: Last sign of life of the worker: a run silent for long is shown as stalled.
    heartbeat_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: Progress, written by the worker as the engine advances ("normalise", "themes", ...).
    stage: Mapped[str | None] = mapped_column(String(20))
    done: Mapped[int] = mapped_column(default=0)
    total: Mapped[int] = mapped_column(default=0)
    error: Mapped[str | None] = mapped_column(Text)
    params: Mapped[dict] = mapped_column(JSON, default=dict)
    #: Counts of what was read and found: contributions, votes, groups, campaigns, themes.
    summary: Mapped[dict] = mapped_column(JSON, default=dict)
    #: Opinion groups, consensus and divisive comments (small: a few dozen comments).
    opinions: Mapped[dict | None] = mapped_column(JSON)


class RunGroup(db.Model):
    """A group of near-identical contributions found by a run."""

    __table_args__ = (UniqueConstraint("run_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("synthesis_run.id", ondelete="CASCADE"))
    number: Mapped[int]
    representative: Mapped[str] = mapped_column(String(40))
    size: Mapped[int]
    signatories: Mapped[int]
    #: The engine's verdict; a CampaignDecision of the ministry overrides it.
    is_campaign: Mapped[bool]


class RunTheme(db.Model):
    """A theme as a run found it: for the whole consultation (article None) or one article."""

    __table_args__ = (UniqueConstraint("run_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("synthesis_run.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(40))
    lang: Mapped[str | None] = mapped_column(String(8))
    article: Mapped[str | None] = mapped_column(String(20))
    label: Mapped[str] = mapped_column(String(300))
    terms: Mapped[list] = mapped_column(JSON, default=list)
    representatives: Mapped[list] = mapped_column(JSON, default=list)
    size: Mapped[int]
    support: Mapped[int]
    campaigns: Mapped[int]
    #: {"articles": {...}, "kinds": {...}, "participant_types": {...}, "regions": {...}}
    spread: Mapped[dict] = mapped_column(JSON, default=dict)
    #: The ministry's theme this run theme feeds (consultation-wide themes only).
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("theme.id", ondelete="SET NULL"))


class RunAssignment(db.Model):
    """Where a run put one contribution."""

    __table_args__ = (Index("ix_run_assignment_run_theme", "run_id", "theme_key"),)

    run_id: Mapped[int] = mapped_column(
        ForeignKey("synthesis_run.id", ondelete="CASCADE"), primary_key=True
    )
    ref: Mapped[str] = mapped_column(String(40), primary_key=True)
    group_number: Mapped[int | None]
    theme_key: Mapped[str | None] = mapped_column(String(40))
    article_theme_key: Mapped[str | None] = mapped_column(String(40))
    lang: Mapped[str | None] = mapped_column(String(8))
    # What the contribution was when the run read it, so the workspace aggregates any theme
    # (however the officials reshaped it) with one query, without reading the contributions.
    kind: Mapped[str] = mapped_column(String(20))
    article: Mapped[str | None] = mapped_column(String(40))
    support: Mapped[int] = mapped_column(default=0)
    participant_type: Mapped[str | None] = mapped_column(String(20))
    region: Mapped[str | None] = mapped_column(String(40))


class Theme(TimestampMixin, db.Model):
    """A theme of the ministry: named, merged, split and answered by its officials."""

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultation.id", ondelete="CASCADE"), index=True
    )
    #: {"ar": ..., "fr": ..., "zgh": ...}: what the officials called it, in one or more languages.
    name: Mapped[dict] = mapped_column(JSON, default=dict)
    #: The label the engine gave it, shown until the officials name it.
    engine_label: Mapped[str] = mapped_column(String(300), default="")
    lang: Mapped[str | None] = mapped_column(String(8))
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("theme.id"))
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ThemeMove(db.Model):
    """An official moved a contribution to a theme (or out of every theme: theme_id None)."""

    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultation.id", ondelete="CASCADE"), primary_key=True
    )
    ref: Mapped[str] = mapped_column(String(40), primary_key=True)
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("theme.id"))


class CampaignDecision(db.Model):
    """An official said whether the group holding this contribution is a campaign."""

    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultation.id", ondelete="CASCADE"), primary_key=True
    )
    ref: Mapped[str] = mapped_column(String(40), primary_key=True)
    is_campaign: Mapped[bool]


class Outcome(enum.StrEnum):
    ACCEPTED = "accepted"
    PARTLY_ACCEPTED = "partly_accepted"
    REJECTED = "rejected"
    NOTED = "noted"


class Response(TimestampMixin, db.Model):
    """The ministry's answer to a theme or to a recommendation."""

    __table_args__ = (
        UniqueConstraint("theme_id"),
        UniqueConstraint("recommendation_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultation.id", ondelete="CASCADE"), index=True
    )
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("theme.id", ondelete="CASCADE"))
    recommendation_id: Mapped[int | None] = mapped_column(
        ForeignKey("recommendation.id", ondelete="CASCADE")
    )
    outcome: Mapped[Outcome] = mapped_column(_str_enum(Outcome))
    #: {"ar": ..., "fr": ..., "zgh": ...}: at least one language.
    justification: Mapped[dict] = mapped_column(JSON, default=dict)
    #: Article numbers of the final text this answer changed ("7", "7 bis"): the outcome
    #: report shows the answer beside those articles' changes.
    articles: Mapped[list] = mapped_column(JSON, default=list)
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))


class ImportedContribution(db.Model):
    """A letter, e-mail or spreadsheet row the ministry received outside the platform."""

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultation.id", ondelete="CASCADE"), index=True
    )
    section_id: Mapped[int | None] = mapped_column(ForeignKey("section.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    lang: Mapped[str | None] = mapped_column(String(8))
    sender_type: Mapped[str | None] = mapped_column(String(20))
    region: Mapped[str | None] = mapped_column(String(40))
    #: The sender's reference in the ministry's files (letter number, row), if given.
    external_ref: Mapped[str | None] = mapped_column(String(80))
    #: The file it came from, so a batch can be traced.
    source_name: Mapped[str] = mapped_column(String(200))
    imported_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)
