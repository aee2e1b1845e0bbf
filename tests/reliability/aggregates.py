"""Stored counters compared with the rows they count: the check behind "no lost update"."""

from sqlalchemy import and_, func, select
from sqlalchemy.orm import aliased

from consult.comments.models import (
    Comment,
    CommentStatus,
    ConsultationParticipant,
    SectionParticipant,
    Vote,
)
from consult.consultations.models import Consultation, Section
from consult.extensions import db
from consult.recommendations.models import (
    CoSignature,
    Recommendation,
    RecommendationStatus,
    Support,
)

#: Recommendations counted on their consultation and article: submitted, not withdrawn.
_COUNTED = Recommendation.status.not_in(
    [RecommendationStatus.DRAFT, RecommendationStatus.WITHDRAWN]
)


def _count(model, *conditions):
    return select(func.count()).select_from(model).where(*conditions).scalar_subquery()


def _votes_on_comments(*conditions):
    return (
        select(func.count())
        .select_from(Vote)
        .join(Comment, Comment.id == Vote.comment_id)
        .where(*conditions)
        .scalar_subquery()
    )


def _compare(model, counted: dict) -> list[str]:
    """One query per table: each row's stored counters next to their aggregates."""
    names = list(counted)
    query = select(model.id, *(getattr(model, n) for n in names), *counted.values())
    problems = []
    for row in db.session.execute(query):
        stored, actual = row[1 : 1 + len(names)], row[1 + len(names) :]
        problems += [
            f"{model.__name__} {row[0]}: {name} stored {s}, counted {a}"
            for name, s, a in zip(names, stored, actual, strict=True)
            if s != a
        ]
    return problems


def counter_mismatches() -> list[str]:
    """Every stored counter that differs from the aggregate of its rows (empty when exact)."""
    db.session.rollback()  # read what is committed now, not what this session remembers
    reply = aliased(Comment)
    kept = Comment.status != CommentStatus.WITHDRAWN  # withdrawing decrements; hiding does not
    problems = _compare(
        Comment,
        {
            **{
                f"{value}_count": _count(Vote, Vote.comment_id == Comment.id, Vote.value == value)
                for value in ("agree", "disagree", "pass")
            },
            "reply_count": _count(reply, reply.parent_id == Comment.id),
            "discussion_count": _count(reply, reply.root_id == Comment.id),
        },
    )
    problems += _compare(
        Section,
        {
            "comment_count": _count(Comment, Comment.section_id == Section.id, kept),
            "thread_count": _count(
                Comment, Comment.section_id == Section.id, Comment.parent_id.is_(None)
            ),
            "vote_count": _votes_on_comments(Comment.section_id == Section.id),
            "participant_count": _count(
                SectionParticipant, SectionParticipant.section_id == Section.id
            ),
            "recommendation_count": _count(
                Recommendation, Recommendation.section_id == Section.id, _COUNTED
            ),
        },
    )
    problems += _compare(
        Consultation,
        {
            "comment_count": _count(Comment, Comment.consultation_id == Consultation.id, kept),
            "general_thread_count": _count(
                Comment,
                Comment.consultation_id == Consultation.id,
                Comment.section_id.is_(None),
                Comment.parent_id.is_(None),
            ),
            "vote_count": _votes_on_comments(Comment.consultation_id == Consultation.id),
            "participant_count": _count(
                ConsultationParticipant, ConsultationParticipant.consultation_id == Consultation.id
            ),
            "recommendation_count": _count(
                Recommendation, Recommendation.consultation_id == Consultation.id, _COUNTED
            ),
        },
    )
    problems += _compare(
        Recommendation,
        {
            "cosignature_count": _count(
                CoSignature, CoSignature.recommendation_id == Recommendation.id
            ),
            "support_count": _count(Support, Support.recommendation_id == Recommendation.id),
        },
    )
    return problems + _uncounted_participants()


def _uncounted_participants() -> list[str]:
    """Everyone who commented or voted has a participant row for the consultation."""
    contributors = (
        select(Comment.consultation_id, Comment.author_id.label("user_id"))
        .union(
            select(Comment.consultation_id, Vote.user_id).join(
                Comment, Comment.id == Vote.comment_id
            )
        )
        .subquery()
    )
    missing = db.session.execute(
        select(contributors.c.consultation_id, contributors.c.user_id)
        .outerjoin(
            ConsultationParticipant,
            and_(
                ConsultationParticipant.consultation_id == contributors.c.consultation_id,
                ConsultationParticipant.user_id == contributors.c.user_id,
            ),
        )
        .where(ConsultationParticipant.user_id.is_(None))
    ).all()
    return [f"Consultation {c}: contributor {u} has no participant row" for c, u in missing]


def duplicate_votes() -> list[tuple]:
    """(comment, user, n) for any person with more than one vote on a comment."""
    return db.session.execute(
        select(Vote.comment_id, Vote.user_id, func.count())
        .group_by(Vote.comment_id, Vote.user_id)
        .having(func.count() > 1)
    ).all()
