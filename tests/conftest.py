"""Fixtures: an app per test on a migrated database (SQLite, and PostgreSQL when configured)."""

import os
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from flask import g
from flask_migrate import upgrade
from sqlalchemy import create_engine, event, text

from consult import clock, create_app, normalise_database_url
from consult.extensions import db
from consult.i18n import RecordingDomain

from . import factories

#: Every test that uses the database runs on SQLite; on PostgreSQL too when it is configured.
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]

FROZEN_AT = datetime(2026, 3, 10, 10, 0, tzinfo=UTC)


class FrozenClock:
    def __init__(self, moment: datetime):
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, **delta) -> datetime:
        self.moment += timedelta(**delta)
        return self.moment


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch):
    """Status depends on time: every test runs at FROZEN_AT unless it moves the clock."""
    frozen = FrozenClock(FROZEN_AT)
    monkeypatch.setattr(clock, "utcnow", frozen)
    return frozen


def _base_config(database: dict) -> dict:
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "WTF_CSRF_ENABLED": False,
        "I18N_RECORD_MISSING": True,
        "RATELIMIT_ENABLED": False,
        # Work started from a page (a synthesis, e-mails) runs at once, inside the request.
        "BACKGROUND_TASKS": "inline",
        **database,
    }


@pytest.fixture(scope="session", params=BACKENDS)
def database(request, tmp_path_factory):
    """A database migrated from empty, as `make run` does, once per backend."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("db") / "consult-test.sqlite3"
        config = {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"}
        cleanup = None
    else:
        url = os.environ.get("CONSULT_TEST_DATABASE_URL")
        if not url:
            pytest.skip("CONSULT_TEST_DATABASE_URL is not set")
        # A schema of our own, so parallel runs and other data in the database are untouched.
        schema = f"consult_test_{uuid.uuid4().hex[:10]}"
        # pool_pre_ping: tests/reliability restarts PostgreSQL while this engine is pooled.
        admin = create_engine(normalise_database_url(url), pool_pre_ping=True)
        with admin.begin() as connection:
            connection.execute(text(f"CREATE SCHEMA {schema}"))
        config = {
            "SQLALCHEMY_DATABASE_URI": url,
            "SQLALCHEMY_ENGINE_OPTIONS": {
                "connect_args": {"options": f"-csearch_path={schema}"},
            },
        }

        def cleanup():
            with admin.begin() as connection:
                connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
            admin.dispose()

    app = create_app(_base_config(config))
    with app.app_context():
        upgrade()
        db.engine.dispose()
    yield config
    if cleanup:
        cleanup()


def _fresh_request_globals():
    # The test holds an app context open for its factories, and Flask reuses an open app
    # context for requests: clear `g` so each request starts as in production (no cached
    # user, language or CSRF state from the previous request).
    for name in list(vars(g)):
        delattr(g, name)


@pytest.fixture
def app(database, tmp_path):
    # An instance folder of its own: mail outbox, uploads, reports and data files written by
    # one test are never read by another.
    app = create_app(_base_config(database), instance_path=str(tmp_path / "instance"))
    app.before_request_funcs.setdefault(None, []).insert(0, _fresh_request_globals)
    RecordingDomain.missing.clear()
    with app.app_context():
        yield app
        db.session.remove()
        _empty_tables()
        db.engine.dispose()


def _empty_tables() -> None:
    with db.engine.begin() as connection:
        for table in reversed(db.metadata.sorted_tables):
            connection.execute(table.delete())


@pytest.fixture(autouse=True)
def no_untranslated_strings(request):
    """Fail a test whose pages showed a UI string missing from a catalogue."""
    yield
    if "app" in request.fixturenames:
        missing = sorted(RecordingDomain.missing)
        RecordingDomain.missing.clear()
        assert not missing, f"UI strings missing from the catalogues: {missing[:10]}"


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def make(app):
    """Factories bound to the test database: make.user(), make.consultation(), ..."""
    return factories.Factories()


@pytest.fixture
def login_as(client):
    def login(user):
        with client.session_transaction() as session:
            session["_user_id"] = str(user.id)
            session["_fresh"] = True
        return user

    return login


@pytest.fixture
def count_queries(app):
    """Use as `with count_queries() as counted: ...`; counted.n is the number of statements."""

    class Counter:
        def __init__(self):
            self.n = 0
            self.statements = []

        def __enter__(self):
            event.listen(db.engine, "before_cursor_execute", self._count)
            return self

        def __exit__(self, *exc):
            event.remove(db.engine, "before_cursor_execute", self._count)

        def _count(self, conn, cursor, statement, parameters, context, executemany):
            self.n += 1
            self.statements.append(statement)

    return Counter
