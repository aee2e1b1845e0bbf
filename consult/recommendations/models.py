"""Recommendations submitted by organisations, their co-signatures and citizens' support."""

import enum
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..database import TimestampMixin, UTCDateTime
from ..extensions import db

KINDS = ("amend", "add", "delete", "general")


class RecommendationStatus(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    WITHDRAWN = "withdrawn"
    # The ministry's review (answered in the synthesis workspace).
    UNDER_REVIEW = "under_review"
    ACCEPTED = "accepted"
    PARTLY_ACCEPTED = "partly_accepted"
    REJECTED = "rejected"
    NOTED = "noted"


#: Statuses in which a recommendation is public.
PUBLIC_STATUSES = tuple(s for s in RecommendationStatus if s != RecommendationStatus.DRAFT)


class Recommendation(TimestampMixin, db.Model):
    __table_args__ = (
        Index("ix_recommendation_consultation_status", "consultation_id", "status"),
        Index("ix_recommendation_section_status", "section_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultation.id", ondelete="CASCADE"))
    #: The article concerned; None for a recommendation on the whole text.
    section_id: Mapped[int | None] = mapped_column(ForeignKey("section.id", ondelete="CASCADE"))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    #: Language of the proposed wording (ar, fr or zgh).
    language: Mapped[str] = mapped_column(String(8))
    proposed_wording: Mapped[str] = mapped_column(Text, default="")
    justification: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[RecommendationStatus] = mapped_column(
        Enum(
            RecommendationStatus,
            native_enum=False,
            length=20,
            values_callable=lambda e: [m.value for m in e],
        ),
        default=RecommendationStatus.DRAFT,
    )
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: Stored file name of the PDF memo under instance/uploads (never the uploader's name).
    attachment_key: Mapped[str | None] = mapped_column(String(80))
    attachment_name: Mapped[str | None] = mapped_column(String(200))
    attachment_size: Mapped[int | None] = mapped_column(Integer)
    #: Set when moderation hides it (a reason code of consult.moderation); None when shown.
    hidden_reason: Mapped[str | None] = mapped_column(String(200))
    hidden_note: Mapped[str | None] = mapped_column(String(300))
    # Counters kept in the same transaction as the co-signature or support.
    cosignature_count: Mapped[int] = mapped_column(default=0)
    support_count: Mapped[int] = mapped_column(default=0)

    @property
    def is_public(self) -> bool:
        return self.status != RecommendationStatus.DRAFT


class CoSignature(db.Model):
    __table_args__ = (UniqueConstraint("recommendation_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(
        ForeignKey("recommendation.id", ondelete="CASCADE"), index=True
    )
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    #: The representative who signed for the organisation.
    signed_by_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Support(db.Model):
    """A citizen's support: one per person and recommendation."""

    __table_args__ = (UniqueConstraint("recommendation_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(
        ForeignKey("recommendation.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    supported_at: Mapped[datetime] = mapped_column(UTCDateTime)
