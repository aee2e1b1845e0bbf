"""People who sign in: citizens, officials and administrators."""

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import ForeignKey, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from ..database import TimestampMixin, UTCDateTime
from ..extensions import db
from ..institutions.models import Institution

#: Answer recorded when someone chooses "prefer not to say" (None means not asked/answered).
UNDISCLOSED = "undisclosed"


class User(UserMixin, TimestampMixin, db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    display_name: Mapped[str] = mapped_column(String(80))
    locale: Mapped[str | None] = mapped_column(String(8))
    #: One of the 12 regions' slugs, "abroad", UNDISCLOSED or None; for published statistics only.
    region: Mapped[str | None] = mapped_column(String(40))
    #: ISO 3166 alpha-2 country of residence when region is "abroad".
    country: Mapped[str | None] = mapped_column(String(2))
    gender: Mapped[str | None] = mapped_column(String(20))
    age_bracket: Mapped[str | None] = mapped_column(String(20))
    #: When the person consented to the processing of their personal data (law 09-08).
    consented_at: Mapped[datetime] = mapped_column(UTCDateTime)
    is_admin: Mapped[bool] = mapped_column(default=False)
    is_blocked: Mapped[bool] = mapped_column(default=False)
    #: When the person followed the link sent to their address; needed to take part.
    email_confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: When the person deleted their account: their contributions stay, as "former participant".
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: Reviews reports and hides content (never edits it).
    is_moderator: Mapped[bool] = mapped_column(default=False, server_default=false())
    #: Set for ministry officials: the institution they act for.
    institution_id: Mapped[int | None] = mapped_column(ForeignKey("institution.id"), index=True)
    institution: Mapped[Institution | None] = relationship(lazy="joined")

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def is_active(self) -> bool:
        return self.deleted_at is None

    @property
    def is_official(self) -> bool:
        return self.institution_id is not None
