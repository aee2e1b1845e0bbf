"""Reporting content, and the moderators' decisions: hide, restore, dismiss, block."""

from datetime import datetime

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select, update

from .. import audit
from ..comments.models import Comment, CommentStatus
from ..comments.services import mark_place_changed
from ..counters import insert_if_absent
from ..errors import Conflict, DomainError, NotAllowed
from ..extensions import db
from ..recommendations.models import Recommendation
from .models import PENDING_REVIEW, REASONS, Flag, FlagStatus

TARGETS = {"comment": Comment, "recommendation": Recommendation}


def is_hidden(target) -> bool:
    if isinstance(target, Comment):
        return target.status == CommentStatus.HIDDEN
    return target.hidden_reason is not None


def _set_hidden(target, reason: str | None, note: str | None) -> None:
    if isinstance(target, Comment):
        mark_place_changed(target.consultation_id, target.section_id)
        target.status = CommentStatus.HIDDEN if reason else CommentStatus.VISIBLE
    target.hidden_reason = reason
    target.hidden_note = note


def target_type_of(target) -> str:
    return "comment" if isinstance(target, Comment) else "recommendation"


def flag(user, target, reason: str, note: str, now: datetime) -> Flag | None:
    """Report content; enough reports from different people hide it until reviewed."""
    if reason not in REASONS:
        raise DomainError(_l("Choose a reason from the list."))
    if isinstance(target, Comment) and target.status != CommentStatus.VISIBLE:
        raise Conflict(_l("This content is no longer shown."))
    if isinstance(target, Recommendation) and (not target.is_public or is_hidden(target)):
        raise Conflict(_l("This content is no longer shown."))
    if getattr(target, "author_id", None) == user.id:
        raise NotAllowed(_l("You cannot report your own contribution."))
    kind = target_type_of(target)
    inserted = insert_if_absent(
        Flag.__table__,
        target_type=kind,
        target_id=target.id,
        reporter_id=user.id,
        reason=reason,
        note=(note or "").strip()[:1000],
        created_at=now,
        status=FlagStatus.OPEN,
    )
    if not inserted:
        raise Conflict(_l("You have already reported this content."))
    audit.record(user, "moderation.flag", target, reason=reason)
    open_reports = db.session.scalar(
        select(func.count(func.distinct(Flag.reporter_id))).where(
            Flag.target_type == kind, Flag.target_id == target.id, Flag.status == FlagStatus.OPEN
        )
    )
    if open_reports >= current_app.config["FLAGS_TO_HIDE"] and not is_hidden(target):
        _set_hidden(target, PENDING_REVIEW, None)
        audit.record(None, "moderation.auto_hide", target, reports=open_reports)
    db.session.flush()
    return None


def _close_flags(moderator, target, status: FlagStatus, now: datetime) -> None:
    db.session.execute(
        update(Flag)
        .where(
            Flag.target_type == target_type_of(target),
            Flag.target_id == target.id,
            Flag.status == FlagStatus.OPEN,
        )
        .values(status=status, reviewed_by_id=moderator.id, reviewed_at=now),
        execution_options={"synchronize_session": False},
    )


def hide(moderator, target, reason: str, note: str, now: datetime) -> None:
    if reason not in REASONS:
        raise DomainError(_l("Choose a reason from the list."))
    _set_hidden(target, reason, (note or "").strip()[:300] or None)
    _close_flags(moderator, target, FlagStatus.ACTIONED, now)
    audit.record(moderator, "moderation.hide", target, reason=reason, note=note)
    db.session.flush()


def restore(moderator, target, now: datetime) -> None:
    if not is_hidden(target):
        raise Conflict(_l("This content is not hidden."))
    _set_hidden(target, None, None)
    _close_flags(moderator, target, FlagStatus.DISMISSED, now)
    audit.record(moderator, "moderation.restore", target)
    db.session.flush()


def dismiss(moderator, target, now: datetime) -> None:
    """The reports were unfounded: close them, and show again what they hid automatically."""
    if is_hidden(target) and target.hidden_reason == PENDING_REVIEW:
        _set_hidden(target, None, None)
    _close_flags(moderator, target, FlagStatus.DISMISSED, now)
    audit.record(moderator, "moderation.dismiss", target)
    db.session.flush()


def set_blocked(moderator, user, blocked: bool, reason: str = "") -> None:
    if user.id == moderator.id:
        raise Conflict(_l("You cannot block your own account."))
    user.is_blocked = blocked
    audit.record(
        moderator, "moderation.block" if blocked else "moderation.unblock", user, reason=reason
    )
    db.session.flush()
