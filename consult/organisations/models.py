"""Organisations (associations, cooperatives, networks), their representatives and networks."""

import enum
from datetime import datetime

from sqlalchemy import JSON, Enum, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import TimestampMixin, UTCDateTime
from ..extensions import db

KINDS = ("association", "cooperative", "network", "diaspora_association")
DOMAINS = (
    "climate",
    "environment",
    "governance",
    "social_economy",
    "gender_equality",
    "migration",
    "human_rights",
    "youth",
    "education",
    "health",
    "culture",
    "disability",
)


def _str_enum(enum_class):
    return Enum(
        enum_class, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e]
    )


class OrganisationStatus(enum.StrEnum):
    PENDING = "pending"
    VERIFIED = "verified"
    REJECTED = "rejected"


class MembershipStatus(enum.StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"


class Organisation(TimestampMixin, db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    #: {"ar": ..., "fr": ..., "zgh": ...}; at least one language.
    name: Mapped[dict] = mapped_column(JSON)
    kind: Mapped[str] = mapped_column(String(30))
    #: The receipt number of its declaration, as written.
    registration_ref: Mapped[str] = mapped_column(String(80))
    #: The same reference folded (case, spaces, dashes) so two spellings cannot both register.
    registration_key: Mapped[str] = mapped_column(String(80), unique=True)
    #: One of the 12 regions' slugs, or "abroad" with a country.
    region: Mapped[str | None] = mapped_column(String(40), index=True)
    country: Mapped[str | None] = mapped_column(String(2))
    contact_email: Mapped[str] = mapped_column(String(254))
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[OrganisationStatus] = mapped_column(
        _str_enum(OrganisationStatus), default=OrganisationStatus.PENDING, index=True
    )
    #: Why an administrator rejected the organisation; shown to its representatives.
    rejection_reason: Mapped[str | None] = mapped_column(Text)
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    #: Accepted member organisations, for networks ("network X (N member organisations)").
    member_count: Mapped[int] = mapped_column(default=0)

    domains: Mapped[list["OrganisationDomain"]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="OrganisationDomain.domain"
    )

    @property
    def domain_slugs(self) -> list[str]:
        return [d.domain for d in self.domains]

    @property
    def is_verified(self) -> bool:
        return self.status == OrganisationStatus.VERIFIED

    @property
    def is_network(self) -> bool:
        return self.kind == "network"


class OrganisationDomain(db.Model):
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True
    )
    domain: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)


class Representative(db.Model):
    """A user who acts for an organisation."""

    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), primary_key=True, index=True)
    since: Mapped[datetime] = mapped_column(UTCDateTime)


class Invitation(TimestampMixin, db.Model):
    """An invitation to become a representative, addressed to an e-mail address."""

    __table_args__ = (UniqueConstraint("organisation_id", "email"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    email: Mapped[str] = mapped_column(String(254), index=True)
    invited_by_id: Mapped[int] = mapped_column(ForeignKey("user.id"))


class NetworkMembership(TimestampMixin, db.Model):
    """A member organisation of a network: requested by one side, accepted by the other."""

    __table_args__ = (UniqueConstraint("network_id", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[MembershipStatus] = mapped_column(
        _str_enum(MembershipStatus), default=MembershipStatus.PENDING
    )
    #: The organisation that asked; the other one accepts.
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"))
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
