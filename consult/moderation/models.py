"""Reports (flags) on comments and recommendations, reviewed by moderators."""

import enum
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..database import UTCDateTime
from ..extensions import db

REASONS = ("spam", "abuse", "off_topic", "personal_data", "other")
TARGET_TYPES = ("comment", "recommendation")
#: The hidden_reason of content hidden automatically after several reports, until reviewed.
PENDING_REVIEW = "reported"


class FlagStatus(enum.StrEnum):
    OPEN = "open"
    DISMISSED = "dismissed"
    ACTIONED = "actioned"


class Flag(db.Model):
    __table_args__ = (
        UniqueConstraint("target_type", "target_id", "reporter_id"),
        Index("ix_flag_status_created", "status", "created_at"),
        Index("ix_flag_target", "target_type", "target_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    target_type: Mapped[str] = mapped_column(String(20))
    target_id: Mapped[int]
    reporter_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    reason: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[FlagStatus] = mapped_column(
        Enum(
            FlagStatus, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e]
        ),
        default=FlagStatus.OPEN,
    )
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
