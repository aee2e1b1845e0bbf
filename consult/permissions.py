"""Who may do what: small named predicates, composed by routes and tested as a matrix."""

from datetime import datetime

from flask import current_app
from flask_babel import format_datetime
from flask_babel import gettext as _

from .comments.models import MAX_DEPTH, Comment, CommentStatus
from .consultations.models import Consultation, Phase


def is_signed_in(user) -> bool:
    return bool(user and user.is_authenticated)


def is_admin(user) -> bool:
    return is_signed_in(user) and user.is_admin


def is_moderator(user) -> bool:
    return is_signed_in(user) and (user.is_moderator or user.is_admin)


def can_report(user, content) -> bool:
    return is_signed_in(user) and getattr(content, "author_id", None) != user.id


def is_official(user) -> bool:
    return is_signed_in(user) and user.institution_id is not None


def can_manage_consultation(user, consultation: Consultation) -> bool:
    """Officials of the owning institution author and run a consultation."""
    return is_official(user) and user.institution_id == consultation.institution_id


def can_create_consultation(user) -> bool:
    return is_official(user)


def can_read_consultation(user, consultation: Consultation) -> bool:
    """Drafts are visible to their institution's officials only; the rest is public."""
    if consultation.phase == Phase.DRAFT:
        return can_manage_consultation(user, consultation) or is_admin(user)
    return True


def why_cannot_contribute(user, consultation: Consultation, now: datetime):
    """The translated reason a person cannot comment or vote now, or None if they can."""
    if not is_signed_in(user):
        return _("Sign in to take part.")
    if user.is_blocked:
        return _("Your account cannot post at the moment.")
    if user.email_confirmed_at is None:
        return _("Confirm your e-mail address to take part: follow the link we sent you.")
    phase = consultation.phase_at(now)
    if phase == Phase.UPCOMING:
        return _(
            "This consultation is not open yet: it opens on %(date)s.",
            date=format_datetime(consultation.opens_at, "medium"),
        )
    if phase != Phase.OPEN:
        return _("This consultation is closed: it no longer accepts comments or votes.")
    if consultation.audience == "organisations" and not represents_a_verified_organisation(user):
        return _(
            "This consultation is open to organisations only: representatives of verified "
            "organisations take part, everyone can read."
        )
    return None


def can_contribute(user, consultation: Consultation, now: datetime) -> bool:
    return why_cannot_contribute(user, consultation, now) is None


def can_reply_to(comment: Comment) -> bool:
    return comment.status == CommentStatus.VISIBLE and comment.depth < MAX_DEPTH


def is_author(user, comment: Comment) -> bool:
    return is_signed_in(user) and comment.author_id == user.id


def can_edit_comment(user, comment: Comment, now: datetime) -> bool:
    window = current_app.config["COMMENT_EDIT_WINDOW"]
    return (
        is_author(user, comment)
        and comment.status == CommentStatus.VISIBLE
        and now - comment.created_at <= window
    )


def can_withdraw_comment(user, comment: Comment) -> bool:
    return is_author(user, comment) and comment.status == CommentStatus.VISIBLE


def can_vote_on(comment: Comment) -> bool:
    return comment.status == CommentStatus.VISIBLE


# --- Organisations and recommendations ------------------------------------------------------


def represents(user, organisation_id: int) -> bool:
    from .organisations.services import is_representative

    return is_representative(user, organisation_id)


def can_view_organisation(user, organisation) -> bool:
    """Verified organisations are public; pending or rejected ones only to their people."""
    return organisation.is_verified or is_admin(user) or represents(user, organisation.id)


def represents_a_verified_organisation(user) -> bool:
    from .organisations.queries import verified_organisations_of

    return bool(verified_organisations_of(user))


def why_cannot_recommend(user, organisation, consultation: Consultation, now: datetime):
    """Why this person cannot act for `organisation` on `consultation` now (None if they can)."""
    if not is_signed_in(user):
        return _("Sign in to take part.")
    if user.is_blocked:
        return _("Your account cannot post at the moment.")
    if user.email_confirmed_at is None:
        return _("Confirm your e-mail address to take part: follow the link we sent you.")
    if organisation is None or not represents(user, organisation.id):
        return _("Only a representative of this organisation can do this.")
    if not organisation.is_verified:
        return _("Your organisation must be verified by an administrator first.")
    phase = consultation.phase_at(now)
    if phase == Phase.UPCOMING:
        return _(
            "This consultation is not open yet: it opens on %(date)s.",
            date=format_datetime(consultation.opens_at, "medium"),
        )
    if phase != Phase.OPEN:
        return _("This consultation is closed: it no longer accepts recommendations.")
    return None


def can_view_recommendation(user, recommendation) -> bool:
    return recommendation.is_public or represents(user, recommendation.organisation_id)


def can_edit_recommendation(user, recommendation) -> bool:
    return recommendation.status.value == "draft" and represents(
        user, recommendation.organisation_id
    )


def can_withdraw_recommendation(user, recommendation) -> bool:
    return recommendation.status.value == "submitted" and represents(
        user, recommendation.organisation_id
    )


def can_cosign_as(user, recommendation, organisation) -> bool:
    return (
        recommendation.status.value == "submitted"
        and organisation.is_verified
        and organisation.id != recommendation.organisation_id
        and represents(user, organisation.id)
    )


def can_support(user, recommendation) -> bool:
    return (
        is_signed_in(user)
        and not user.is_blocked
        and recommendation.status.value == "submitted"
    )
