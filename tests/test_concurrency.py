"""Fifty people voting, commenting, co-signing and supporting at the same instant, on PostgreSQL.

Each thread has its own application context, so its own session and connection, and all of
them start together at a barrier. Every person acts from two threads at once (a double click,
two tabs): both vote on the same comments with different choices, and both withdraw the same
comment or recommendation. Afterwards the database holds one vote per person and comment,
one co-signature per organisation, one support per person, and every stored counter equals
the rows it counts. A deadlock or any other error in a thread fails the test."""

import random
import threading

import pytest
from sqlalchemy import func, select

from consult import clock, create_app
from consult.accounts.models import User
from consult.comments import services as comment_services
from consult.comments.models import Comment, CommentStatus, Vote
from consult.consultations.models import Consultation, Section
from consult.errors import Conflict, NotAllowed
from consult.extensions import db
from consult.organisations.models import Organisation
from consult.recommendations import services as recommendation_services
from consult.recommendations.models import (
    CoSignature,
    Recommendation,
    RecommendationStatus,
    Support,
)

from .conftest import _base_config
from .org_factories import OrgFactories, article, hash_passwords_fast
from .reliability.aggregates import counter_mismatches, duplicate_votes

pytestmark = pytest.mark.postgres

THREADS = 50
PEOPLE = THREADS // 2  # each person acts from two threads at once
TARGETS = 4  # comments everyone votes on


@pytest.fixture
def worker_app(app, database, monkeypatch):
    """A second app on the same database whose pool has a connection for every thread."""
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        pytest.skip("row locks and deadlocks are checked on PostgreSQL (the [postgres] run)")
    hash_passwords_fast(monkeypatch)
    options = {
        **database.get("SQLALCHEMY_ENGINE_OPTIONS", {}),
        "pool_size": THREADS,
        "max_overflow": 0,
        "pool_timeout": 60,
    }
    worker_app = create_app({**_base_config(database), "SQLALCHEMY_ENGINE_OPTIONS": options})
    yield worker_app
    with worker_app.app_context():
        db.engine.dispose()


def run_together(worker_app, jobs) -> list[str]:
    """Run each job in its own thread and app context, all released at once; return errors."""
    barrier = threading.Barrier(len(jobs))
    errors: list[str] = []

    def run(job):
        with worker_app.app_context():
            try:
                barrier.wait(timeout=60)
                job()
            except Exception as error:
                db.session.rollback()
                errors.append(f"{type(error).__name__}: {getattr(error, 'orig', error)}")
            finally:
                db.session.remove()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    assert not any(thread.is_alive() for thread in threads), "a thread hangs (a lock never freed?)"
    return errors


def refused(action, expected, refusals: list) -> None:
    """Run `action` and commit; a refusal of the expected kind (the twin was first) is noted."""
    try:
        action()
        db.session.commit()
    except expected:
        db.session.rollback()
        refusals.append(1)


def test_fifty_threads_voting_and_commenting_keep_one_vote_each_and_exact_counts(
    app, make, worker_app
):
    consultation = make.consultation()
    section = article(consultation, "1")
    people = [make.user() for _ in range(PEOPLE)]
    authors = [make.user() for _ in range(TARGETS)]
    targets = [make.comment(consultation, a, section=section) for a in authors[:-1]]
    targets.append(make.comment(consultation, authors[-1]))  # one on the text as a whole
    own = {p.id: make.comment(consultation, p, section=section).id for p in people}
    ids = {"consultation": consultation.id, "section": section.id}
    target_ids = [t.id for t in targets]
    attempted: dict[tuple[int, int], set[str]] = {}
    withdrawals_refused: list[int] = []

    def job(person_id: int, twin: int):
        # Both threads of a person walk the comments in the same order with different
        # choices, so their votes on one comment collide; people start at different comments.
        rng = random.Random(person_id * 2 + twin)
        order = target_ids[person_id % TARGETS :] + target_ids[: person_id % TARGETS]
        choices = ("agree", "disagree") if twin else ("disagree", "pass")
        user = db.session.get(User, person_id)
        consultation = db.session.get(Consultation, ids["consultation"])
        section = db.session.get(Section, ids["section"])
        for n, comment_id in enumerate(order):
            comment = db.session.get(Comment, comment_id)
            for value in choices:
                attempted.setdefault((person_id, comment_id), set()).add(value)
                comment_services.cast_vote(user, comment, value, now=clock.utcnow())
                db.session.commit()
            if n == twin:  # a reply, which locks its parent, while others vote on it
                parent = db.session.get(Comment, rng.choice(target_ids))
                comment_services.post_comment(
                    user,
                    consultation,
                    f"Réponse de {person_id}/{twin}",
                    section=section if parent.section_id else None,
                    parent=parent,
                    now=clock.utcnow(),
                )
                db.session.commit()
        comment_services.post_comment(
            user, consultation, f"Avis {person_id}/{twin}", section=section, now=clock.utcnow()
        )
        db.session.commit()
        mine = db.session.get(Comment, own[person_id])
        refused(
            lambda: comment_services.withdraw_comment(user, mine, now=clock.utcnow()),
            NotAllowed,
            withdrawals_refused,
        )

    errors = run_together(
        worker_app, [lambda p=p.id, t=t: job(p, t) for p in people for t in (0, 1)]
    )

    assert errors == []
    assert duplicate_votes() == []
    votes = db.session.execute(select(Vote.user_id, Vote.comment_id, Vote.value)).all()
    assert len(votes) == PEOPLE * TARGETS
    assert all(value in attempted[(user, comment)] for user, comment, value in votes)
    assert len(withdrawals_refused) == PEOPLE  # one of each pair of clicks
    statuses = db.session.scalars(select(Comment.status).where(Comment.id.in_(own.values())))
    assert set(statuses) == {CommentStatus.WITHDRAWN}
    total = TARGETS + PEOPLE + 2 * THREADS
    assert db.session.scalar(select(func.count()).select_from(Comment)) == total
    assert counter_mismatches() == []
    consultation = db.session.get(Consultation, ids["consultation"])
    assert consultation.comment_count == total - PEOPLE
    assert consultation.participant_count == PEOPLE + TARGETS
    assert consultation.vote_count == PEOPLE * TARGETS


def test_fifty_threads_cosigning_and_supporting_count_each_organisation_and_person_once(
    app, make, worker_app
):
    org = OrgFactories(make)
    consultation = make.consultation()
    recommendation_id = org.recommendation(org.organisation(), consultation).id
    signers = [org.organisation() for _ in range(PEOPLE)]
    representatives = {o.id: org._first_representative(o).id for o in signers}
    drafts = {o.id: org.recommendation(o, consultation, submit=False).id for o in signers}
    supporters = [make.user().id for _ in range(PEOPLE)]
    cosign_refusals: list[int] = []
    submit_refusals: list[int] = []
    withdraw_refusals: list[int] = []

    def job(organisation_id: int, supporter_id: int):
        recommendation = db.session.get(Recommendation, recommendation_id)
        organisation = db.session.get(Organisation, organisation_id)
        representative = db.session.get(User, representatives[organisation_id])
        refused(
            lambda: recommendation_services.cosign(
                representative, recommendation, organisation, clock.utcnow()
            ),
            Conflict,
            cosign_refusals,
        )
        recommendation_services.support(
            db.session.get(User, supporter_id), recommendation, clock.utcnow()
        )
        db.session.commit()
        own = db.session.get(Recommendation, drafts[organisation_id])
        for action, refusals in (
            (recommendation_services.submit, submit_refusals),
            (recommendation_services.withdraw, withdraw_refusals),
        ):
            refused(lambda a=action: a(representative, own, clock.utcnow()), Conflict, refusals)

    errors = run_together(
        worker_app,
        [
            lambda o=o.id, s=s: job(o, s)
            for o, s in zip(signers, supporters, strict=True)
            for _twin in (0, 1)
        ],
    )

    assert errors == []
    # Of each pair of clicks exactly one co-signed, one submitted and one withdrew.
    assert len(cosign_refusals) == len(submit_refusals) == len(withdraw_refusals) == PEOPLE
    db.session.rollback()
    recommendation = db.session.get(Recommendation, recommendation_id)
    assert recommendation.cosignature_count == PEOPLE
    assert recommendation.support_count == PEOPLE
    assert db.session.scalar(select(func.count()).select_from(CoSignature)) == PEOPLE
    assert db.session.scalar(select(func.count()).select_from(Support)) == PEOPLE
    statuses = db.session.scalars(
        select(Recommendation.status).where(Recommendation.id.in_(drafts.values()))
    )
    assert set(statuses) == {RecommendationStatus.WITHDRAWN}
    assert counter_mismatches() == []
    assert db.session.get(Consultation, consultation.id).recommendation_count == 1
