"""Published outcomes: immutable, versioned reports; and the notices sent to participants."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint, event
from sqlalchemy.orm import Mapped, mapped_column

from ..database import UTCDateTime
from ..extensions import db


class Publication(db.Model):
    """One published version of a consultation's outcome, frozen when it was published.

    Everything the report shows is in `snapshot`, computed at publication: later answers or
    contributions never change what version 1 said. A correction is version 2, with a note.
    """

    __table_args__ = (UniqueConstraint("consultation_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultation.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int]
    published_at: Mapped[datetime] = mapped_column(UTCDateTime)
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    #: {"ar": ..., "fr": ..., "zgh": ...} written by the ministry.
    summary: Mapped[dict] = mapped_column(JSON)
    next_steps: Mapped[dict] = mapped_column(JSON)
    #: When the next step is expected (a date the ministry commits to), if given.
    next_date: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: What version 2+ corrects; empty for version 1.
    change_note: Mapped[dict] = mapped_column(JSON, default=dict)
    snapshot: Mapped[dict] = mapped_column(JSON)


@event.listens_for(Publication, "before_update")
def _published_is_final(mapper, connection, target):
    raise ValueError("a publication is immutable: publish a new version instead")


class Notification(db.Model):
    """Something the platform tells one person, shown on their notifications page."""

    __table_args__ = (Index("ix_notification_user_unread", "user_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    consultation_id: Mapped[int | None] = mapped_column(
        ForeignKey("consultation.id", ondelete="CASCADE")
    )
    publication_id: Mapped[int | None] = mapped_column(
        ForeignKey("publication.id", ondelete="CASCADE")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
