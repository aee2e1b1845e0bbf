"""Read a consultation's contributions and votes from the database as the engine's plain data.

Rows are read as tuples (no ORM objects): a national consultation has 100 000 contributions
and a million votes, and the engine wants columns, not objects.
"""

from collections.abc import Iterable

import numpy as np
from sqlalchemy import case, select

from ..accounts.models import User
from ..accounts.profile import ABROAD
from ..comments.models import Comment, CommentStatus, Vote, VoteValue
from ..consultations.models import Section
from ..extensions import db
from ..organisations.models import Organisation
from ..recommendations.models import Recommendation
from .engine import AGREE, DISAGREE, PASS, Contribution, Votes
from .models import ANSWERABLE, ImportedContribution


def ref(kind: str, id_: int) -> str:
    """The name of a contribution across runs: "comment:12", "recommendation:3", "imported:7"."""
    return f"{kind}:{id_}"


def contributions(consultation_id: int) -> list[Contribution]:
    """Every contribution that counts: visible comments and replies, recommendations sent and
    not withdrawn nor hidden, and what the ministry imported from outside the platform."""
    return [
        *_comments(consultation_id),
        *_recommendations(consultation_id),
        *_imported(consultation_id),
    ]


def _participant_type(region: str | None) -> str:
    return "abroad" if region == ABROAD else "citizen"


def _comments(consultation_id: int) -> Iterable[Contribution]:
    rows = db.session.execute(
        select(
            Comment.id,
            Comment.author_id,
            Comment.body_source,
            Section.number,
            Comment.lang,
            Comment.agree_count,
            User.region,
        )
        .join(User, User.id == Comment.author_id)
        .outerjoin(Section, Section.id == Comment.section_id)
        .where(Comment.consultation_id == consultation_id, Comment.status == CommentStatus.VISIBLE)
        .order_by(Comment.id)
        .execution_options(yield_per=5000)
    )
    for id_, author, text, article, lang, agreed, region in rows:
        yield Contribution(
            id=ref("comment", id_),
            author=f"user:{author}",
            text=text,
            article=article,
            lang=lang,
            kind="comment",
            support=agreed,
            participant_type=_participant_type(region),
            region=region,
        )


def _recommendations(consultation_id: int) -> Iterable[Contribution]:
    rows = db.session.execute(
        select(
            Recommendation.id,
            Recommendation.organisation_id,
            Recommendation.proposed_wording,
            Recommendation.justification,
            Section.number,
            Recommendation.language,
            Recommendation.cosignature_count + Recommendation.support_count,
            Organisation.region,
        )
        .join(Organisation, Organisation.id == Recommendation.organisation_id)
        .outerjoin(Section, Section.id == Recommendation.section_id)
        .where(
            Recommendation.consultation_id == consultation_id,
            Recommendation.status.in_(ANSWERABLE),
            Recommendation.hidden_reason.is_(None),
        )
        .order_by(Recommendation.id)
    )
    for id_, organisation, wording, justification, article, lang, support, region in rows:
        yield Contribution(
            id=ref("recommendation", id_),
            author=f"organisation:{organisation}",
            text="\n".join(part for part in (wording, justification) if part),
            article=article,
            lang=lang,
            kind="recommendation",
            support=support,
            participant_type="organisation",
            region=region,
        )


def _imported(consultation_id: int) -> Iterable[Contribution]:
    rows = db.session.execute(
        select(
            ImportedContribution.id,
            ImportedContribution.text,
            Section.number,
            ImportedContribution.lang,
            ImportedContribution.sender_type,
            ImportedContribution.region,
        )
        .outerjoin(Section, Section.id == ImportedContribution.section_id)
        .where(ImportedContribution.consultation_id == consultation_id)
        .order_by(ImportedContribution.id)
    )
    for id_, text, article, lang, sender_type, region in rows:
        yield Contribution(
            # Each letter is its own sender: identical letters from many people are a campaign.
            id=ref("imported", id_),
            author=ref("imported", id_),
            text=text,
            article=article,
            lang=lang,
            kind="imported",
            participant_type=sender_type,
            region=region,
        )


def votes(consultation_id: int) -> Votes:
    """The vote matrix on visible comments, as three numpy columns.

    Comments are named by their integer id here (sorting a million strings costs seconds);
    the run turns the ids the engine returns back into refs. The database turns each vote into
    a number and the rows go from the driver's cursor straight into numpy, a batch at a time:
    a Python object per vote would cost more than the whole analysis of the votes.
    """
    code = case(
        (Vote.value == VoteValue.AGREE, AGREE),
        (Vote.value == VoteValue.DISAGREE, DISAGREE),
        else_=PASS,
    )
    query = (
        select(Vote.user_id, Vote.comment_id, code)
        .join(Comment, Comment.id == Vote.comment_id)
        .where(Comment.consultation_id == consultation_id, Comment.status == CommentStatus.VISIBLE)
    )
    connection = db.session.connection()
    sql = query.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True})
    cursor = connection.connection.cursor()
    try:
        cursor.execute(str(sql))
        batches = []
        while rows := cursor.fetchmany(100_000):
            batches.append(np.array(rows, dtype=np.int64))
    finally:
        cursor.close()
    matrix = np.concatenate(batches) if batches else np.zeros((0, 3), dtype=np.int64)
    return Votes(
        participants=matrix[:, 0],
        comments=matrix[:, 1],
        values=matrix[:, 2].astype(np.int8),
    )
