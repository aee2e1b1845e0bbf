"""Comments in threads, votes on them, and who took part where."""

import enum
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..database import TimestampMixin, UTCDateTime
from ..extensions import db

STANCES = ("for", "against", "neutral")
#: Replies nest to this depth (0 is a top-level comment); deeper replies are refused.
MAX_DEPTH = 4


def _str_enum(enum_class):
    return Enum(
        enum_class,
        native_enum=False,
        length=20,
        values_callable=lambda e: [m.value for m in e],
    )


class CommentStatus(enum.StrEnum):
    VISIBLE = "visible"
    HIDDEN = "hidden"
    WITHDRAWN = "withdrawn"


class VoteValue(enum.StrEnum):
    AGREE = "agree"
    DISAGREE = "disagree"
    PASS = "pass"


class Comment(TimestampMixin, db.Model):
    __table_args__ = (
        # Pages list a section's top-level comments by each sort order, then their replies.
        # The id closes each index so a page of ids, deep ones too, is read from the index
        # alone on PostgreSQL as well (SQLite keeps the rowid in every index anyway).
        Index("ix_comment_section_top_created", "section_id", "depth", "created_at", "id"),
        Index("ix_comment_section_top_agree", "section_id", "depth", "agree_count", "id"),
        Index("ix_comment_section_top_discussed", "section_id", "depth", "discussion_count", "id"),
        Index("ix_comment_consultation_top_created", "consultation_id", "depth", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultation.id", ondelete="CASCADE"))
    #: The article commented on; None for a comment on the consultation as a whole.
    section_id: Mapped[int | None] = mapped_column(ForeignKey("section.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("comment.id"))
    #: The top-level comment of the thread (None for a top-level comment itself).
    root_id: Mapped[int | None] = mapped_column(ForeignKey("comment.id"), index=True)
    depth: Mapped[int] = mapped_column(default=0)
    author_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    #: What the author typed (a small Markdown subset), kept for editing.
    body_source: Mapped[str] = mapped_column(Text)
    #: The sanitised HTML rendered from body_source at write time.
    body_html: Mapped[str] = mapped_column(Text)
    #: BCP-47 tag detected from the script of the text ("ar", "fr", "zgh") or None when mixed.
    lang: Mapped[str | None] = mapped_column(String(8))
    stance: Mapped[str | None] = mapped_column(String(10))
    status: Mapped[CommentStatus] = mapped_column(
        _str_enum(CommentStatus), default=CommentStatus.VISIBLE
    )
    #: Why moderation hid it: a reason code of consult.moderation ("reported" = until reviewed).
    hidden_reason: Mapped[str | None] = mapped_column(String(200))
    #: What the moderator wrote when hiding, shown with the reason.
    hidden_note: Mapped[str | None] = mapped_column(String(300))
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    agree_count: Mapped[int] = mapped_column(default=0)
    disagree_count: Mapped[int] = mapped_column(default=0)
    pass_count: Mapped[int] = mapped_column(default=0)
    reply_count: Mapped[int] = mapped_column(default=0)
    #: Replies anywhere below a top-level comment: the "most discussed" order.
    discussion_count: Mapped[int] = mapped_column(default=0)

    @property
    def is_visible(self) -> bool:
        return self.status == CommentStatus.VISIBLE

    @property
    def vote_total(self) -> int:
        return self.agree_count + self.disagree_count + self.pass_count


class Vote(TimestampMixin, db.Model):
    __table_args__ = (UniqueConstraint("comment_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(ForeignKey("comment.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    value: Mapped[VoteValue] = mapped_column(_str_enum(VoteValue))


class ConsultationParticipant(db.Model):
    """Who contributed (comment or vote) to a consultation: a row per person, for counting."""

    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultation.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), primary_key=True, index=True)


class SectionParticipant(db.Model):
    """Who contributed to an article (comment or vote on its comments)."""

    section_id: Mapped[int] = mapped_column(
        ForeignKey("section.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), primary_key=True, index=True)
