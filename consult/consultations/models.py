"""Consultations, their draft text as versions of ordered sections, and their themes."""

import enum
from datetime import datetime

from sqlalchemy import JSON, Enum, ForeignKey, Index, String, UniqueConstraint, and_, case
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .. import clock
from ..database import TimestampMixin, UTCDateTime
from ..errors import Conflict
from ..extensions import db
from ..institutions.models import Institution

KINDS = ("bill", "framework", "strategy", "local_plan")
SCOPES = ("national", "region", "commune")
AUDIENCES = ("everyone", "organisations")


class Status(enum.StrEnum):
    """What is stored. `open` and `closed` are not stored: dates decide them (see `phase`)."""

    DRAFT = "draft"
    SCHEDULED = "scheduled"
    IN_SYNTHESIS = "in_synthesis"
    PUBLISHED = "published"
    ARCHIVED = "archived"


class Phase(enum.StrEnum):
    """Where a consultation is in its lifecycle, as a reader sees it."""

    DRAFT = "draft"
    UPCOMING = "upcoming"
    OPEN = "open"
    CLOSED = "closed"
    IN_SYNTHESIS = "in_synthesis"
    PUBLISHED = "published"
    ARCHIVED = "archived"


class Consultation(TimestampMixin, db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    institution_id: Mapped[int] = mapped_column(ForeignKey("institution.id"), index=True)
    institution: Mapped[Institution] = relationship(lazy="joined")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    #: {"ar": ..., "fr": ..., "zgh": ...}; at least one language.
    title: Mapped[dict] = mapped_column(JSON)
    summary: Mapped[dict] = mapped_column(JSON)
    kind: Mapped[str] = mapped_column(String(20))
    scope: Mapped[str] = mapped_column(String(20), default="national")
    #: Region slug or commune name when the scope is not national.
    scope_area: Mapped[str | None] = mapped_column(String(120))
    audience: Mapped[str] = mapped_column(String(20), default="everyone")
    opens_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    closes_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    status: Mapped[Status] = mapped_column(
        Enum(Status, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e]),
        default=Status.DRAFT,
        index=True,
    )
    # Counters maintained in the same transaction as the contribution (pages never count rows).
    comment_count: Mapped[int] = mapped_column(default=0)
    participant_count: Mapped[int] = mapped_column(default=0)
    vote_count: Mapped[int] = mapped_column(default=0)
    #: Top-level comments on the consultation as a whole (pagination without counting rows).
    general_thread_count: Mapped[int] = mapped_column(default=0)
    #: Public recommendations (submitted and not withdrawn).
    recommendation_count: Mapped[int] = mapped_column(default=0, server_default="0")
    #: Changes to the comments on the whole text: cached pages of them are keyed by it.
    general_comments_revision: Mapped[int] = mapped_column(default=0, server_default="0")

    themes: Mapped[list["ConsultationTheme"]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="ConsultationTheme.theme"
    )

    @property
    def theme_slugs(self) -> list[str]:
        return [t.theme for t in self.themes]

    def phase_at(self, now: datetime) -> Phase:
        if self.status != Status.SCHEDULED:
            return Phase(self.status.value)
        if now < self.opens_at:
            return Phase.UPCOMING
        if now < self.closes_at:
            return Phase.OPEN
        return Phase.CLOSED

    @hybrid_property
    def phase(self) -> Phase:
        return self.phase_at(clock.utcnow())

    @phase.inplace.expression
    @classmethod
    def _phase_expression(cls):
        now = clock.utcnow()
        scheduled = cls.status == Status.SCHEDULED
        return case(
            (and_(scheduled, cls.opens_at > now), Phase.UPCOMING.value),
            (and_(scheduled, cls.closes_at > now), Phase.OPEN.value),
            (scheduled, Phase.CLOSED.value),
            else_=cls.status,
        )

    @property
    def is_open(self) -> bool:
        return self.phase == Phase.OPEN

    # State changes: each raises Conflict when the current phase forbids it.
    def schedule(self) -> None:
        if self.status != Status.DRAFT:
            raise Conflict(_msg("only_draft_can_be_scheduled"))
        self.status = Status.SCHEDULED

    def open_now(self, now: datetime) -> None:
        if self.phase_at(now) != Phase.UPCOMING:
            raise Conflict(_msg("only_upcoming_can_open"))
        self.opens_at = now

    def close_now(self, now: datetime) -> None:
        if self.phase_at(now) != Phase.OPEN:
            raise Conflict(_msg("only_open_can_close"))
        self.closes_at = now

    def unschedule(self, now: datetime) -> None:
        if self.phase_at(now) != Phase.UPCOMING:
            raise Conflict(_msg("only_upcoming_can_return_to_draft"))
        self.status = Status.DRAFT


def _msg(key: str):
    # Imported late: the models module must stay importable without an app context.
    from .messages import STATE_ERRORS

    return STATE_ERRORS[key]


class ConsultationTheme(db.Model):
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultation.id", ondelete="CASCADE"), primary_key=True
    )
    theme: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)


class DocumentVersion(TimestampMixin, db.Model):
    """One version of the consulted text: the draft is 1, a final text comes later."""

    __table_args__ = (UniqueConstraint("consultation_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultation.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(default=1)
    is_final: Mapped[bool] = mapped_column(default=False)
    #: Text before the first heading, per language.
    preamble: Mapped[dict] = mapped_column(JSON, default=dict)


class Section(db.Model):
    """A chapter-like heading or an article, with its text in each available language."""

    __table_args__ = (
        UniqueConstraint("version_id", "slug"),
        Index("ix_section_version_position", "version_id", "position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("document_version.id", ondelete="CASCADE"))
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultation.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    #: "article", or a grouping heading: "book", "part", "title", "chapter", "section".
    kind: Mapped[str] = mapped_column(String(20))
    #: Normalised number as written in the text: "1", "7 bis".
    number: Mapped[str] = mapped_column(String(40))
    #: URL form of the number, unique within a version ("7-bis"; chapters "chapter-2").
    slug: Mapped[str] = mapped_column(String(60))
    heading: Mapped[dict] = mapped_column(JSON, default=dict)
    body: Mapped[dict] = mapped_column(JSON, default=dict)
    comment_count: Mapped[int] = mapped_column(default=0)
    participant_count: Mapped[int] = mapped_column(default=0)
    vote_count: Mapped[int] = mapped_column(default=0)
    #: Top-level comments on this article, withdrawn ones included (they keep their place).
    thread_count: Mapped[int] = mapped_column(default=0)
    recommendation_count: Mapped[int] = mapped_column(default=0, server_default="0")
    #: Changes to the comments on this article: cached pages of them are keyed by it.
    comments_revision: Mapped[int] = mapped_column(default=0, server_default="0")

    @property
    def is_article(self) -> bool:
        return self.kind == "article"

    @property
    def languages(self) -> list[str]:
        return [lang for lang, text in (self.body or {}).items() if text]
