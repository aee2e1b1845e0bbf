"""Rate limits on signing in, signing up, posting and voting, in memory and in Redis."""

import os
import socket
import uuid

import pytest

from consult import create_app
from consult.extensions import db, limiter

from .conftest import _base_config, _empty_tables, _fresh_request_globals
from .factories import PASSWORD, Factories


def _redis_available() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        return False


STORAGES = [
    "memory://",
    pytest.param("redis://127.0.0.1:6379/0", marks=pytest.mark.redis, id="redis"),
]


@pytest.fixture(params=STORAGES)
def limited_app(request, database, monkeypatch):
    # Not the `app` fixture: the limiter is one object per process, configured by the last app
    # built, as in production where a process serves one app.
    storage = request.param
    if storage.startswith("redis") and not _redis_available():
        if os.environ.get("CI"):
            pytest.fail("Redis is not reachable on 127.0.0.1:6379 in CI")
        pytest.skip("Redis is not running here")
    yield from _limited(database, monkeypatch, storage)


def _limited(database, monkeypatch, storage: str, **settings):
    # A prefix of its own, so tests and parallel runs never share counters in Redis. The
    # limiter keeps the prefix of the first app it was bound to; the next app must not reuse it.
    prefix = f"consult-test-{uuid.uuid4().hex[:8]}"
    monkeypatch.setattr(limiter, "_key_prefix", prefix)
    app = create_app(
        {
            **_base_config(database),
            "RATELIMIT_ENABLED": True,
            "RATELIMIT_STORAGE_URI": storage,
            "RATELIMIT_KEY_PREFIX": prefix,
            "RATELIMIT_LOGIN": "3 per minute",
            "RATELIMIT_POST_PER_USER": "2 per minute",
            "RATELIMIT_POST_PER_ADDRESS": "4 per minute",
            **settings,
        }
    )
    app.before_request_funcs.setdefault(None, []).insert(0, _fresh_request_globals)
    with app.app_context():
        yield app
        db.session.remove()
        _empty_tables()
        db.engine.dispose()


@pytest.mark.parametrize("proxies", [0, 1])
def test_behind_a_trusted_proxy_each_visitor_has_their_own_sign_in_budget(
    database, monkeypatch, proxies
):
    """Behind nginx every request comes from nginx's address; with TRUSTED_PROXIES the
    address nginx forwards is the one counted. Without it, a forged header changes nothing."""
    for app in _limited(database, monkeypatch, "memory://", TRUSTED_PROXIES=proxies):
        client = app.test_client()

        def attempt(visitor: str, client=client) -> int:
            return client.post(
                "/login",
                data={"email": "x@example.org", "password": "guess"},
                environ_base={"REMOTE_ADDR": "10.0.0.2"},  # the proxy
                headers={"X-Forwarded-For": visitor},
            ).status_code

        first = [attempt("192.0.2.7") for _ in range(4)]
        assert first == [400, 400, 400, 429]
        assert attempt("198.51.100.9") == (400 if proxies else 429)


def test_repeated_failed_sign_ins_get_a_429_page(limited_app):
    make = Factories()
    client = limited_app.test_client()
    make.user(email="cible@example.org")
    statuses = [
        client.post(
            "/login",
            data={"email": "cible@example.org", "password": "guess"},
            headers={"Accept-Language": "fr"},
        ).status_code
        for _ in range(4)
    ]
    assert statuses == [400, 400, 400, 429]
    # Reading the sign-in page is not limited, only the attempts.
    assert client.get("/login").status_code == 200
    # Even the right password waits until the window passes.
    right = client.post("/login", data={"email": "cible@example.org", "password": PASSWORD})
    assert right.status_code == 429


def test_posting_is_limited_per_person(limited_app):
    make = Factories()
    from sqlalchemy import func, select

    from consult.comments.models import Comment
    from consult.consultations.models import Section

    consultation = make.consultation()
    section = db.session.scalars(
        select(Section).where(Section.consultation_id == consultation.id, Section.kind == "article")
    ).first()
    first, second = make.user(), make.user()
    client = limited_app.test_client()
    url = f"/consultations/{consultation.id}/comments"

    def post_as(user):
        with client.session_transaction() as session:
            session["_user_id"] = str(user.id)
        return client.post(url, data={"body": "Avis", "section": section.slug}).status_code

    assert [post_as(first), post_as(first), post_as(first)] == [302, 302, 429]
    # Someone else from the same address still may, until the address reaches its own limit.
    assert post_as(second) == 302
    later = [post_as(second) for _ in range(4)]
    assert 429 in later
    comments = db.session.scalar(select(func.count()).select_from(Comment))
    assert comments <= 4  # the address limit held whoever posted


def test_sign_ups_are_limited_per_address(limited_app, tmp_path):
    from sqlalchemy import func, select

    from consult.accounts.models import User

    from .test_accounts import signup_data

    limited_app.config["RATELIMIT_SIGNUP"] = "2 per hour"
    limited_app.instance_path = str(tmp_path)  # the confirmation mails go to its outbox
    client = limited_app.test_client()
    statuses = [
        client.post(
            "/signup",
            data=signup_data(email=f"inscrit{n}@example.org"),
            environ_base={"REMOTE_ADDR": "192.0.2.7"},
        ).status_code
        for n in range(3)
    ]
    assert statuses == [200, 200, 429]
    assert db.session.scalar(select(func.count()).select_from(User)) == 2
    # Another address is not held back by the first one's attempts.
    other = client.post(
        "/signup",
        data=signup_data(email="ailleurs@example.org"),
        environ_base={"REMOTE_ADDR": "198.51.100.9"},
    )
    assert other.status_code == 200


def test_votes_are_limited_per_person(limited_app):
    from consult.comments.models import Comment

    make = Factories()
    limited_app.config["RATELIMIT_VOTE_PER_USER"] = "3 per minute"
    consultation = make.consultation()
    comment = make.comment(consultation)
    voter = make.user()
    client = limited_app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = str(voter.id)
    statuses = [
        client.post(f"/comments/{comment.id}/vote", data={"value": value}).status_code
        for value in ("agree", "disagree", "pass", "agree")
    ]
    assert statuses == [303, 303, 303, 429]
    db.session.expire_all()
    assert db.session.get(Comment, comment.id).pass_count == 1  # the refused vote changed nothing
