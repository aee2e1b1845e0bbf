"""Posting, editing, withdrawing comments and voting, with their counters kept exact."""

from datetime import datetime

from flask import current_app
from sqlalchemy import select, update

from .. import permissions
from ..consultations.models import Consultation, Section
from ..counters import increment, insert_if_absent
from ..errors import DomainError, NotAllowed
from ..extensions import db
from ..text.sanitize import render_comment
from ..text.scripts import lang_for_text
from . import messages
from .models import (
    STANCES,
    Comment,
    CommentStatus,
    ConsultationParticipant,
    SectionParticipant,
    Vote,
    VoteValue,
)


def clean_body(body: str | None) -> str:
    body = (body or "").strip()
    if not body:
        raise DomainError(messages.EMPTY_COMMENT)
    limit = current_app.config["COMMENT_MAX_LENGTH"]
    if len(body) > limit:
        raise DomainError(messages.COMMENT_TOO_LONG.format(max=limit))
    return body


def post_comment(
    author,
    consultation: Consultation,
    body: str,
    *,
    now: datetime,
    section: Section | None = None,
    parent: Comment | None = None,
    stance: str | None = None,
) -> Comment:
    reason = permissions.why_cannot_contribute(author, consultation, now)
    if reason:
        raise NotAllowed(reason)
    body = clean_body(body)
    if stance not in (None, "", *STANCES):
        raise DomainError(messages.UNKNOWN_STANCE)
    if parent is not None:
        if parent.consultation_id != consultation.id or parent.section_id != getattr(
            section, "id", None
        ):
            raise DomainError(messages.REPLY_ELSEWHERE)
        if not permissions.can_reply_to(parent):
            raise DomainError(messages.CANNOT_REPLY)

    comment = Comment(
        consultation_id=consultation.id,
        section_id=section.id if section else None,
        parent_id=parent.id if parent else None,
        root_id=(parent.root_id or parent.id) if parent else None,
        depth=parent.depth + 1 if parent else 0,
        author_id=author.id,
        body_source=body,
        body_html=render_comment(body),
        lang=lang_for_text(body),
        stance=stance or None,
        created_at=now,
        updated_at=now,
    )
    db.session.add(comment)
    db.session.flush()

    # Counters and the place's revision (see mark_place_changed) in the same statements.
    totals = {"comment_count": 1}
    if section is None:
        totals.update(general_comments_revision=1, general_thread_count=0 if parent else 1)
    increment(Consultation, consultation.id, **totals)
    if section is not None:
        increment(
            Section,
            section.id,
            comment_count=1,
            thread_count=0 if parent else 1,
            comments_revision=1,
        )
    if parent is not None:
        increment(Comment, parent.id, reply_count=1)
        increment(Comment, comment.root_id, discussion_count=1)
    _count_participant(author.id, consultation.id, section.id if section else None)
    return comment


def edit_comment(user, comment: Comment, body: str, *, now: datetime) -> Comment:
    if not permissions.can_edit_comment(user, comment, now):
        raise NotAllowed(messages.EDIT_WINDOW_PASSED)
    consultation = db.session.get(Consultation, comment.consultation_id)
    reason = permissions.why_cannot_contribute(user, consultation, now)
    if reason:
        raise NotAllowed(reason)
    body = clean_body(body)
    mark_place_changed(comment.consultation_id, comment.section_id)
    comment.body_source = body
    comment.body_html = render_comment(body)
    comment.lang = lang_for_text(body)
    comment.edited_at = now
    db.session.flush()
    return comment


def withdraw_comment(user, comment: Comment, *, now: datetime) -> Comment:
    """The text goes from public view; the thread keeps a placeholder so replies stay readable."""
    if not permissions.can_withdraw_comment(user, comment):
        raise NotAllowed(messages.CANNOT_WITHDRAW)
    # Consultation and article first, as everywhere (see cast_vote), then the comment itself.
    general = {"general_comments_revision": 1} if comment.section_id is None else {}
    increment(Consultation, comment.consultation_id, comment_count=-1, **general)
    if comment.section_id is not None:
        increment(Section, comment.section_id, comment_count=-1, comments_revision=1)
    # A condition in SQL: of two withdrawals at once (a double click) only one changes the
    # row; the other is refused and its decrements are rolled back with it.
    withdrawn = db.session.execute(
        update(Comment)
        .where(Comment.id == comment.id, Comment.status == CommentStatus.VISIBLE)
        .values(status=CommentStatus.WITHDRAWN, updated_at=now)
    )
    if withdrawn.rowcount != 1:
        raise NotAllowed(messages.CANNOT_WITHDRAW)
    return comment


def cast_vote(user, comment: Comment, value: str, *, now: datetime) -> Vote:
    """One vote per person and comment; voting again changes it."""
    try:
        value = VoteValue(value)
    except ValueError:
        raise DomainError(messages.UNKNOWN_VOTE) from None
    consultation = db.session.get(Consultation, comment.consultation_id)
    reason = permissions.why_cannot_contribute(user, consultation, now)
    if reason:
        raise NotAllowed(reason)
    if not permissions.can_vote_on(comment):
        raise DomainError(messages.CANNOT_VOTE)

    inserted = insert_if_absent(
        Vote.__table__,
        comment_id=comment.id,
        user_id=user.id,
        value=value,
        created_at=now,
        updated_at=now,
    )
    vote = db.session.scalars(
        select(Vote).where(Vote.comment_id == comment.id, Vote.user_id == user.id).with_for_update()
    ).one()
    if inserted:
        # Rows are locked in one order everywhere: consultation, article, then comments (a
        # reply locks its consultation before its parent). Locking the comment first here
        # deadlocked against a concurrent reply to the same comment on PostgreSQL.
        general = {"general_comments_revision": 1} if comment.section_id is None else {}
        increment(Consultation, comment.consultation_id, vote_count=1, **general)
        if comment.section_id is not None:
            increment(Section, comment.section_id, vote_count=1, comments_revision=1)
        increment(Comment, comment.id, **{f"{value.value}_count": 1})
        _count_participant(user.id, comment.consultation_id, comment.section_id)
    elif vote.value != value:
        mark_place_changed(comment.consultation_id, comment.section_id)
        increment(
            Comment, comment.id, **{f"{vote.value.value}_count": -1, f"{value.value}_count": 1}
        )
        vote.value = value
        vote.updated_at = now
    db.session.flush()
    return vote


def _count_participant(user_id: int, consultation_id: int, section_id: int | None) -> None:
    if insert_if_absent(
        ConsultationParticipant.__table__, consultation_id=consultation_id, user_id=user_id
    ):
        increment(Consultation, consultation_id, participant_count=1)
    if section_id is not None and insert_if_absent(
        SectionParticipant.__table__, section_id=section_id, user_id=user_id
    ):
        increment(Section, section_id, participant_count=1)


def mark_place_changed(consultation_id: int, section_id: int | None) -> None:
    """Anonymous readers' pages of threads are cached under the revision of their place, an
    article or the whole text (consultations/routes.py `_threads`): every change to a comment
    shown there adds one, in the transaction that makes the change. Called before the comment
    itself is written, to keep the lock order: consultation, article, comment."""
    if section_id is None:
        increment(Consultation, consultation_id, general_comments_revision=1)
    else:
        increment(Section, section_id, comments_revision=1)


def mark_author_changed(author_id: int) -> None:
    """An author's name is shown beside each comment: a new name (or a deleted account)
    changes every place they commented on."""
    mine = select(Comment.section_id).where(Comment.author_id == author_id)
    db.session.execute(
        update(Section)
        .where(Section.id.in_(mine.where(Comment.section_id.is_not(None)).distinct()))
        .values(comments_revision=Section.comments_revision + 1),
        execution_options={"synchronize_session": False},
    )
    general = select(Comment.consultation_id).where(
        Comment.author_id == author_id, Comment.section_id.is_(None)
    )
    db.session.execute(
        update(Consultation)
        .where(Consultation.id.in_(general.distinct()))
        .values(general_comments_revision=Consultation.general_comments_revision + 1),
        execution_options={"synchronize_session": False},
    )
