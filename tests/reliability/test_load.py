"""Load without loss: fifty people post comments and votes to gunicorn, then workers are killed.

The server is a real gunicorn (three sync workers) on loopback, on the test database; each
client signs in through the /login form and sends the CSRF token of the page, as a browser
does. Every comment the server acknowledged must be a row (matched by a unique token in its
text), every acknowledged vote must be the person's stored choice, no answer may be a 5xx,
and every stored counter must equal the rows it counts -- also after workers were killed
with SIGKILL in the middle of requests, which gunicorn replaces by itself.

CONSULT_LOAD_SECONDS sets the length of each phase (10 s by default; 120 for the full run).
`pytest -s` prints the figures."""

import http.client
import os
import random
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from consult.comments.models import Comment, Vote
from consult.extensions import db

from ..factories import PASSWORD
from ..org_factories import article, hash_passwords_fast
from .aggregates import counter_mismatches, duplicate_votes
from .server import Client, Gunicorn, server_environment

pytestmark = pytest.mark.slow

CLIENTS = 50
TARGETS = 10
SECONDS = float(os.environ.get("CONSULT_LOAD_SECONDS", "10"))
#: Seconds between two SIGKILLs in the fault phase: three kills in the short run, seven in the
#: long one, so a respawned worker has booted before the next one dies.
KILL_EVERY = max(2.5, SECONDS / 8)


@dataclass
class Person:
    """One client thread's person and what the server told it."""

    user_id: int
    client: Client
    answers: Counter = field(default_factory=Counter)
    #: Acknowledged requests of this phase by kind: "comment" (a 302 to it) or "vote" (a 200).
    acknowledged: Counter = field(default_factory=Counter)
    #: token -> comment id, for every comment the server acknowledged.
    comments: dict = field(default_factory=dict)
    #: comment id -> (last acknowledged value, value of a later request whose answer was lost)
    votes: dict = field(default_factory=dict)


@dataclass
class Scene:
    consultation_id: int
    slug: str
    targets: list
    people: list


@pytest.fixture
def scene(app, make, frozen_clock, monkeypatch):
    """An open consultation (by the real clock: the server does not share the frozen one),
    comments to vote on, and fifty people with confirmed accounts."""
    hash_passwords_fast(monkeypatch)
    frozen_clock.moment = datetime.now(UTC)
    consultation = make.consultation()
    section = article(consultation, "1")
    users = [make.user() for _ in range(CLIENTS)]
    targets = [make.comment(consultation, section=section).id for _ in range(TARGETS)]
    for user in users:
        if hasattr(user, "email_confirmed_at"):
            user.email_confirmed_at = frozen_clock.moment
    db.session.commit()
    people = [(u.id, u.email) for u in users]
    return Scene(consultation.id, section.slug, targets, people)


def _act(person: Person, scene: Scene, rng: random.Random) -> None:
    """One request: a comment (two times in five) or a vote, and what its answer proves."""
    client = person.client
    if rng.random() < 0.4:
        token = uuid.uuid4().hex
        form = {"csrf_token": client.csrf_token, "body": f"Charge {token}", "section": scene.slug}
        status, location, _ = client.request(
            "POST", f"/consultations/{scene.consultation_id}/comments", form
        )
        if status == 302 and "#comment-" in location:
            person.comments[token] = int(location.rsplit("#comment-", 1)[1])
            person.acknowledged["comment"] += 1
    else:
        comment_id = rng.choice(scene.targets)
        value = rng.choice(("agree", "disagree", "pass"))
        acknowledged, _ = person.votes.get(comment_id, (None, None))
        person.votes[comment_id] = (acknowledged, value)  # pending until answered
        status, _, _ = client.request(
            "POST",
            f"/comments/{comment_id}/vote",
            {"csrf_token": client.csrf_token, "value": value},
            {"Accept": "application/json"},
        )
        if status == 200:
            person.votes[comment_id] = (value, None)
            person.acknowledged["vote"] += 1
    person.answers[f"{status // 100}xx"] += 1


def _drive(people, scene: Scene, seconds: float, server: Gunicorn, kill: bool) -> dict:
    """Every person acts in a loop for `seconds`; with `kill`, a worker dies now and then."""
    for person in people:
        person.answers = Counter()
        person.acknowledged = Counter()
    deadline = time.monotonic() + seconds
    kills = []

    def run(person: Person, seed: int):
        rng = random.Random(seed)
        while time.monotonic() < deadline:
            try:
                _act(person, scene, rng)
            except TimeoutError:  # waited in the queue while workers were being replaced
                person.answers["timed out"] += 1
            except (OSError, http.client.HTTPException):  # a killed worker's connection
                person.answers["connection lost"] += 1

    # Seeds drawn afresh: each phase makes its own choices (new comments and votes to check).
    threads = [threading.Thread(target=run, args=(p, random.randrange(2**32))) for p in people]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    rng = random.Random(0)
    while kill and time.monotonic() + KILL_EVERY < deadline:
        time.sleep(KILL_EVERY)
        if server.kill_a_worker(rng):
            kills.append(time.monotonic())
    for thread in threads:
        thread.join(timeout=seconds + 60)
    answers = sum((p.answers for p in people), Counter())
    return {"seconds": time.monotonic() - started, "answers": answers, "kills": len(kills)}


def _sign_in_everyone(server: Gunicorn, scene: Scene) -> list[Person]:
    people: list[Person] = []
    page = f"/consultations/{scene.consultation_id}/articles/{scene.slug}"

    def sign_in(user_id: int, email: str):
        client = Client(server.port)
        client.sign_in(email, PASSWORD, then=page)
        people.append(Person(user_id, client))

    threads = [threading.Thread(target=sign_in, args=pair) for pair in scene.people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(people) == CLIENTS, f"only {len(people)} people could sign in"
    return people


def _losses(people: list[Person]) -> list[str]:
    """Acknowledged contributions that the database does not hold as acknowledged."""
    db.session.rollback()
    bodies = dict(db.session.execute(select(Comment.id, Comment.body_source)).all())
    problems = [
        f"comment {comment_id} ({token}) was acknowledged but is not stored"
        for person in people
        for token, comment_id in person.comments.items()
        if token not in bodies.get(comment_id, "")
    ]
    stored = {
        (user_id, comment_id): value.value
        for user_id, comment_id, value in db.session.execute(
            select(Vote.user_id, Vote.comment_id, Vote.value)
        )
    }
    for person in people:
        for comment_id, (acknowledged, unanswered) in person.votes.items():
            value = stored.get((person.user_id, comment_id))
            possible = {acknowledged} if unanswered is None else {acknowledged, unanswered}
            if value not in possible:
                problems.append(
                    f"person {person.user_id}, comment {comment_id}: stored {value}, "
                    f"acknowledged {acknowledged}, unanswered {unanswered}"
                )
    return problems


def _figures(backend: str, phase: str, run: dict, people: list[Person]) -> str:
    answers = run["answers"]
    requests = sum(answers.values())
    db.session.rollback()
    rows = db.session.scalar(
        select(db.func.count()).select_from(Comment).where(Comment.body_source.like("Charge %"))
    )
    votes = db.session.scalar(select(db.func.count()).select_from(Vote))
    acknowledged = sum(len(p.comments) for p in people)
    heard = sum((p.acknowledged for p in people), Counter())
    return (
        f"[{backend}] {phase}: {requests} requests in {run['seconds']:.0f} s "
        f"({requests / run['seconds']:.0f}/s); answered 2xx/3xx {answers['2xx'] + answers['3xx']}"
        f", 4xx {answers['4xx']}, 5xx {answers['5xx']}, connection lost "
        f"{answers['connection lost']}, timed out (30 s) {answers['timed out']}; "
        f"acknowledged this phase: comments {heard['comment']}, votes {heard['vote']}; "
        f"comments acknowledged so far {acknowledged}, comment rows {rows}, vote rows {votes}; "
        f"workers killed {run['kills']}"
    )


def test_no_acknowledged_post_is_lost_under_load_nor_when_workers_are_killed(
    app, database, scene, tmp_path, capsys
):
    backend = app.config["SQLALCHEMY_DATABASE_URI"].split(":", 1)[0].split("+")[0]
    server = Gunicorn(server_environment(database), tmp_path, workers=3)
    try:
        people = _sign_in_everyone(server, scene)
        for phase, kill in (("steady load", False), ("SIGKILL to workers", True)):
            run = _drive(people, scene, SECONDS, server, kill)
            server.wait_for_workers()  # respawned by the master, nobody restarted it
            with capsys.disabled():
                print("\n" + _figures(backend, phase, run, people))
            answers = run["answers"]
            assert answers["5xx"] == 0, server.log_tail()
            assert answers["4xx"] == 0
            assert answers["2xx"] + answers["3xx"] > 0
            if not kill:
                assert answers["connection lost"] == answers["timed out"] == 0
            else:
                assert run["kills"] >= min(2, int(SECONDS // KILL_EVERY) - 1)
            assert _losses(people) == []
            assert duplicate_votes() == []
            assert counter_mismatches() == []  # no half-written contribution
        # The service recovered by itself: someone signs in afresh and is heard.
        newcomer = Person(people[0].user_id, Client(server.port))
        newcomer.client.sign_in(
            scene.people[0][1], PASSWORD, then=f"/consultations/{scene.consultation_id}"
        )
        _act(newcomer, scene, random.Random(1))
        assert newcomer.answers["2xx"] + newcomer.answers["3xx"] == 1
    finally:
        server.stop()
