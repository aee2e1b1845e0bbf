"""Reads for organisation pages: who represents what, networks, an organisation's record."""

from sqlalchemy import or_, select

from ..accounts.models import User
from ..extensions import db
from .models import (
    Invitation,
    MembershipStatus,
    NetworkMembership,
    Organisation,
    OrganisationDomain,
    OrganisationStatus,
    Representative,
)


def organisations_of(user) -> list[Organisation]:
    """The organisations a user represents (any status), by name."""
    if not user or not user.is_authenticated:
        return []
    return list(
        db.session.scalars(
            select(Organisation)
            .join(Representative, Representative.organisation_id == Organisation.id)
            .where(Representative.user_id == user.id)
            .order_by(Organisation.id)
        )
    )


def verified_organisations_of(user) -> list[Organisation]:
    return [o for o in organisations_of(user) if o.is_verified]


def invitations_for(user) -> list[tuple[Invitation, Organisation]]:
    if not user or not user.is_authenticated:
        return []
    return list(
        db.session.execute(
            select(Invitation, Organisation)
            .join(Organisation, Organisation.id == Invitation.organisation_id)
            .where(Invitation.email == user.email.lower())
        ).all()
    )


def directory(*, kind: str | None, region: str | None, domain: str | None, page: int):
    query = select(Organisation).where(Organisation.status == OrganisationStatus.VERIFIED)
    if kind:
        query = query.where(Organisation.kind == kind)
    if region:
        query = query.where(Organisation.region == region)
    if domain:
        with_domain = select(OrganisationDomain.organisation_id).where(
            OrganisationDomain.domain == domain
        )
        query = query.where(Organisation.id.in_(with_domain))
    return db.paginate(query.order_by(Organisation.id), page=page, per_page=30, error_out=False)


def representatives(organisation_id: int) -> list[str]:
    return list(
        db.session.scalars(
            select(User.display_name)
            .join(Representative, Representative.user_id == User.id)
            .where(Representative.organisation_id == organisation_id)
            .order_by(Representative.since)
        )
    )


def pending_invitations(organisation_id: int) -> list[Invitation]:
    return list(
        db.session.scalars(
            select(Invitation).where(Invitation.organisation_id == organisation_id)
        )
    )


def memberships(organisation_id: int) -> list[tuple[NetworkMembership, Organisation]]:
    """Both directions: the networks it belongs to and, for a network, its members.

    Each row pairs the membership with the organisation on the other side."""
    other = Organisation
    rows = db.session.execute(
        select(NetworkMembership, other)
        .join(
            other,
            or_(
                (NetworkMembership.network_id == organisation_id)
                & (other.id == NetworkMembership.member_id),
                (NetworkMembership.member_id == organisation_id)
                & (other.id == NetworkMembership.network_id),
            ),
        )
        .order_by(NetworkMembership.id)
    ).all()
    return list(rows)


def accepted_networks(organisation_id: int) -> list[Organisation]:
    return list(
        db.session.scalars(
            select(Organisation)
            .join(NetworkMembership, NetworkMembership.network_id == Organisation.id)
            .where(
                NetworkMembership.member_id == organisation_id,
                NetworkMembership.status == MembershipStatus.ACCEPTED,
            )
        )
    )


def pending_review(page: int):
    return db.paginate(
        select(Organisation)
        .where(Organisation.status == OrganisationStatus.PENDING)
        .order_by(Organisation.created_at),
        page=page,
        per_page=30,
        error_out=False,
    )
