"""Ministries and public bodies that run consultations."""

from sqlalchemy import JSON
from sqlalchemy.orm import Mapped, mapped_column

from ..database import TimestampMixin
from ..extensions import db


class Institution(TimestampMixin, db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    #: {"ar": ..., "fr": ..., "zgh": ...}; at least one language.
    name: Mapped[dict] = mapped_column(JSON)
    #: Short stable identifier used in URLs and filters.
    slug: Mapped[str] = mapped_column(unique=True)
