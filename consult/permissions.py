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
    phase = consultation.phase_at(now)
    if phase == Phase.UPCOMING:
        return _(
            "This consultation is not open yet: it opens on %(date)s.",
            date=format_datetime(consultation.opens_at, "medium"),
        )
    if phase != Phase.OPEN:
        return _("This consultation is closed: it no longer accepts comments or votes.")
    if consultation.audience == "organisations":
        return _("This consultation is open to organisations only.")
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
