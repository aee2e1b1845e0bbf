"""Registering and reviewing organisations, representatives, and network memberships."""

import re
from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from .. import audit
from ..accounts.profile import ABROAD, REGIONS
from ..counters import increment
from ..errors import Conflict, DomainError, NotAllowed
from ..extensions import db
from .models import (
    DOMAINS,
    KINDS,
    Invitation,
    MembershipStatus,
    NetworkMembership,
    Organisation,
    OrganisationDomain,
    OrganisationStatus,
    Representative,
)


@dataclass
class OrganisationFields:
    name: dict[str, str]
    kind: str
    registration_ref: str
    region: str | None
    country: str | None
    domains: list[str]
    contact_email: str
    contact_phone: str | None
    description: str


def registration_key(reference: str) -> str:
    """Fold a declaration receipt number so "12/345-B" and "12 345 b" are the same."""
    return re.sub(r"[\W_]+", "", reference).casefold()


def _check(fields: OrganisationFields) -> None:
    if not any((fields.name.get(lang) or "").strip() for lang in ("ar", "fr", "zgh")):
        raise DomainError(_l("Give the organisation's name in at least one language."))
    if fields.kind not in KINDS or any(d not in DOMAINS for d in fields.domains):
        raise DomainError(_l("Choose a value from the list."))
    if fields.region not in (None, "", ABROAD, *REGIONS):
        raise DomainError(_l("Choose a value from the list."))
    if not registration_key(fields.registration_ref):
        raise DomainError(_l("Enter the receipt number of the organisation's declaration."))


def register_organisation(user, fields: OrganisationFields, now: datetime) -> Organisation:
    """The user becomes its first representative; an administrator verifies it later."""
    _check(fields)
    key = registration_key(fields.registration_ref)
    if db.session.scalar(select(Organisation.id).where(Organisation.registration_key == key)):
        raise Conflict(
            _l("Another organisation is already registered with this declaration number.")
        )
    organisation = Organisation(
        name={k: v.strip() for k, v in fields.name.items() if v and v.strip()},
        kind=fields.kind,
        registration_ref=fields.registration_ref.strip(),
        registration_key=key,
        region=fields.region or None,
        country=(fields.country or None) if fields.region == ABROAD else None,
        contact_email=fields.contact_email.strip().lower(),
        contact_phone=(fields.contact_phone or "").strip() or None,
        description=fields.description.strip(),
        status=OrganisationStatus.PENDING,
        domains=[OrganisationDomain(domain=d) for d in sorted(set(fields.domains))],
    )
    db.session.add(organisation)
    db.session.flush()
    db.session.add(Representative(organisation_id=organisation.id, user_id=user.id, since=now))
    audit.record(user, "organisation.register", organisation)
    return organisation


def verify(admin, organisation: Organisation, now: datetime) -> None:
    if organisation.status == OrganisationStatus.VERIFIED:
        raise Conflict(_l("This organisation is already verified."))
    organisation.status = OrganisationStatus.VERIFIED
    organisation.rejection_reason = None
    organisation.reviewed_at = now
    organisation.reviewed_by_id = admin.id
    audit.record(admin, "organisation.verify", organisation)


def reject(admin, organisation: Organisation, reason: str, now: datetime) -> None:
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_l("Give the reason, so the organisation knows what to correct."))
    organisation.status = OrganisationStatus.REJECTED
    organisation.rejection_reason = reason
    organisation.reviewed_at = now
    organisation.reviewed_by_id = admin.id
    audit.record(admin, "organisation.reject", organisation, reason=reason)


def is_representative(user, organisation_id: int) -> bool:
    if not user or not user.is_authenticated:
        return False
    return (
        db.session.get(Representative, {"organisation_id": organisation_id, "user_id": user.id})
        is not None
    )


def _require_representative(user, organisation: Organisation) -> None:
    if not is_representative(user, organisation.id):
        raise NotAllowed(_l("Only a representative of this organisation can do this."))


def invite(user, organisation: Organisation, email: str) -> Invitation:
    _require_representative(user, organisation)
    email = email.strip().lower()
    from ..accounts.models import User

    existing = db.session.scalars(select(User).where(func.lower(User.email) == email)).first()
    if existing is not None and is_representative(existing, organisation.id):
        raise Conflict(_l("This person already represents the organisation."))
    already = db.session.scalars(
        select(Invitation).where(
            Invitation.organisation_id == organisation.id, Invitation.email == email
        )
    ).first()
    if already is not None:
        raise Conflict(_l("This person has already been invited."))
    invitation = Invitation(organisation_id=organisation.id, email=email, invited_by_id=user.id)
    db.session.add(invitation)
    db.session.flush()
    audit.record(user, "organisation.invite", organisation, email=email)
    return invitation


def accept_invitation(user, invitation: Invitation, now: datetime) -> Representative:
    if invitation.email != user.email.lower():
        raise NotAllowed(_l("This invitation is addressed to someone else."))
    representative = Representative(
        organisation_id=invitation.organisation_id, user_id=user.id, since=now
    )
    db.session.add(representative)
    db.session.delete(invitation)
    organisation = db.session.get(Organisation, invitation.organisation_id)
    audit.record(user, "organisation.join", organisation)
    db.session.flush()
    return representative


def decline_invitation(user, invitation: Invitation) -> None:
    if invitation.email != user.email.lower():
        raise NotAllowed(_l("This invitation is addressed to someone else."))
    db.session.delete(invitation)
    db.session.flush()


def leave(user, organisation: Organisation) -> None:
    """A representative leaves; the last one cannot, so an organisation is never orphaned."""
    _require_representative(user, organisation)
    count = db.session.scalar(
        select(func.count())
        .select_from(Representative)
        .where(Representative.organisation_id == organisation.id)
    )
    if count <= 1:
        raise Conflict(
            _l("You are its only representative: invite someone else before leaving.")
        )
    db.session.delete(
        db.session.get(Representative, {"organisation_id": organisation.id, "user_id": user.id})
    )
    audit.record(user, "organisation.leave", organisation)
    db.session.flush()


def request_membership(
    user, network: Organisation, member: Organisation, requested_by: Organisation
) -> NetworkMembership:
    """Either side asks; `requested_by` is the side the user represents."""
    _require_representative(user, requested_by)
    if requested_by.id not in (network.id, member.id):
        raise NotAllowed(_l("Only a representative of this organisation can do this."))
    if not (network.is_verified and member.is_verified):
        raise NotAllowed(_l("Your organisation must be verified by an administrator first."))
    if not network.is_network:
        raise DomainError(_l("Only a network or coalition can have member organisations."))
    if network.id == member.id:
        raise DomainError(_l("A network cannot be a member of itself."))
    exists = db.session.scalar(
        select(NetworkMembership.id).where(
            NetworkMembership.network_id == network.id, NetworkMembership.member_id == member.id
        )
    )
    if exists:
        raise Conflict(_l("This membership has already been requested."))
    membership = NetworkMembership(
        network_id=network.id, member_id=member.id, requested_by_id=requested_by.id
    )
    db.session.add(membership)
    db.session.flush()
    audit.record(user, "network.request", membership, network_id=network.id, member_id=member.id)
    return membership


def _other_side(membership: NetworkMembership) -> int:
    if membership.requested_by_id == membership.network_id:
        return membership.member_id
    return membership.network_id


def accept_membership(user, membership: NetworkMembership, now: datetime) -> None:
    """Accepted by the side that did not ask."""
    if membership.status != MembershipStatus.PENDING:
        raise Conflict(_l("This membership is already accepted."))
    if not is_representative(user, _other_side(membership)):
        raise NotAllowed(_l("Only the other organisation can accept this request."))
    membership.status = MembershipStatus.ACCEPTED
    membership.accepted_at = now
    increment(Organisation, membership.network_id, member_count=1)
    audit.record(user, "network.accept", membership)
    db.session.flush()


def end_membership(user, membership: NetworkMembership) -> None:
    """Either side may end a membership or cancel a request."""
    if not (
        is_representative(user, membership.network_id)
        or is_representative(user, membership.member_id)
    ):
        raise NotAllowed(_l("Only a representative of this organisation can do this."))
    if membership.status == MembershipStatus.ACCEPTED:
        increment(Organisation, membership.network_id, member_count=-1)
    audit.record(user, "network.end", membership)
    db.session.delete(membership)
    db.session.flush()
