"""The demo's closed consultation: enough material for a synthesis to show its structure."""

from collections import Counter

import pytest
from sqlalchemy import func, select

from consult.accounts.models import User
from consult.accounts.profile import REGIONS
from consult.comments.models import Comment, ConsultationParticipant, Vote
from consult.consultations.models import Consultation, Section
from consult.demo import content
from consult.demo.seed import DEMO_PASSWORD, seed
from consult.extensions import db
from consult.recommendations.models import Recommendation
from consult.synthesis import loading
from consult.synthesis.engine import synthesise

pytestmark = pytest.mark.slow


def _closed() -> Consultation:
    title = content.CLOSED_CONSULTATION["title"]["fr"]
    return next(c for c in db.session.scalars(select(Consultation)) if c.title["fr"] == title)


def test_closed_demo_has_a_campaign_three_languages_recommendations_and_voters(app):
    assert seed()
    closed = _closed()
    comments = db.session.scalars(select(Comment).where(Comment.consultation_id == closed.id)).all()

    assert 120 <= len(comments) <= 150
    languages = Counter(c.lang for c in comments)
    assert set(languages) == {"ar", "fr", "zgh"}
    assert languages["fr"] > 0.35 * len(comments) and languages["ar"] > 0.30 * len(comments)
    assert languages["zgh"] > 0.10 * len(comments)
    assert sum(1 for c in comments if c.parent_id is not None) >= 10
    assert sum(1 for c in comments if c.section_id is None) >= 10

    result = synthesise(loading.contributions(closed.id), loading.votes(closed.id))
    campaigns = [g for g in result.groups if g.is_campaign]
    assert [12 <= g.signatories <= 15 for g in campaigns] == [True]
    assert any(not g.is_campaign and g.signatories == 3 for g in result.groups)

    recommendations = db.session.scalars(
        select(Recommendation).where(Recommendation.consultation_id == closed.id)
    ).all()
    assert 6 <= len(recommendations) <= 8
    assert {r.kind for r in recommendations} == {"amend", "add", "delete", "general"}
    assert all(
        r.submitted_at and closed.opens_at < r.submitted_at < closed.closes_at
        for r in recommendations
    )
    assert sum(r.support_count > 0 for r in recommendations) >= 6

    votes_per_voter = db.session.execute(
        select(Vote.user_id, func.count())
        .join(Comment, Comment.id == Vote.comment_id)
        .where(Comment.consultation_id == closed.id)
        .group_by(Vote.user_id)
    ).all()
    assert sum(1 for _, n in votes_per_voter if n >= 7) >= 80
    assert result.opinions.clustered >= 80 and len(result.opinions.groups) >= 2


def test_generated_citizens_spread_over_regions_and_demo_accounts_unchanged(app):
    seed()
    users = db.session.scalars(select(User)).all()
    by_email = {u.email: u for u in users}
    generated = [u for u in users if u.email.startswith("citizen")]

    assert len(generated) == 80
    assert Counter(u.locale for u in generated).keys() == {"ar", "fr", "zgh"}
    assert set(REGIONS) <= {u.region for u in generated}
    assert all(u.country for u in generated if u.region == "abroad")
    assert {"undisclosed", None} <= {u.gender for u in generated}
    for entry in content.USERS:
        user = by_email[entry["email"]]
        assert (user.display_name, user.region, user.age_bracket) == (
            entry["display_name"],
            entry["region"],
            entry["age_bracket"],
        )
    assert by_email[content.USERS[0]["email"]].check_password(DEMO_PASSWORD)
    assert generated[0].check_password(DEMO_PASSWORD)


def test_demo_counters_match_the_stored_votes_and_participants(app):
    seed()
    closed = _closed()
    votes = db.session.execute(
        select(Comment.id, Vote.value, func.count())
        .join(Vote, Vote.comment_id == Comment.id)
        .where(Comment.consultation_id == closed.id)
        .group_by(Comment.id, Vote.value)
    ).all()
    tally = {(comment_id, value.value): n for comment_id, value, n in votes}
    for comment in db.session.scalars(select(Comment).where(Comment.consultation_id == closed.id)):
        assert (comment.agree_count, comment.disagree_count, comment.pass_count) == tuple(
            tally.get((comment.id, value), 0) for value in ("agree", "disagree", "pass")
        )
    assert closed.vote_count == sum(tally.values())
    sections = db.session.scalars(select(Section).where(Section.consultation_id == closed.id))
    assert sum(s.vote_count for s in sections) == db.session.scalar(
        select(func.count())
        .select_from(Vote)
        .join(Comment, Comment.id == Vote.comment_id)
        .where(Comment.consultation_id == closed.id, Comment.section_id.is_not(None))
    )
    voters = select(Vote.user_id).join(Comment, Comment.id == Vote.comment_id)
    authors = select(Comment.author_id)
    people = set(db.session.scalars(voters.where(Comment.consultation_id == closed.id))) | set(
        db.session.scalars(authors.where(Comment.consultation_id == closed.id))
    )
    stored = set(
        db.session.scalars(
            select(ConsultationParticipant.user_id).where(
                ConsultationParticipant.consultation_id == closed.id
            )
        )
    )
    assert stored == people and closed.participant_count == len(people)
