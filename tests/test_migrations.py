"""Migrations run on a database that already holds data: nothing is lost on the way to head.

A database is created at the first revision and filled with plain SQL (the models may have
moved on since), then upgraded to the newest revision; every row keeps every value, and the
columns added since hold their defaults. Downgrading to an empty schema and upgrading again
works too, so a revision's downgrade is not dead code."""

import os
import uuid

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, inspect, text

from consult import create_app, normalise_database_url
from consult.extensions import db

from .conftest import BACKENDS, _base_config

FIRST = "0001"
AT = "2026-01-05 09:30:00"

#: Rows written at the first revision, table by table, in an order the foreign keys accept.
ROWS = {
    "institution": [
        {"id": 1, "name": '{"fr": "Ministère", "ar": "وزارة"}', "slug": "ministere"},
    ],
    "user": [
        {"id": 1, "email": "amina@example.org", "display_name": "Amina", "institution_id": None},
        {"id": 2, "email": "youssef@example.org", "display_name": "Youssef", "institution_id": 1},
        {"id": 3, "email": "ⵜⴰⵎⴰ@example.org", "display_name": "ⵜⴰⵎⴰ", "institution_id": None},
    ],
    "audit_event": [
        {"id": 1, "at": AT, "actor_id": 2, "action": "consultation.create",
         "target_type": "consultation", "target_id": 1, "data": "{}"},
    ],
    "consultation": [
        {"id": 1, "institution_id": 1, "created_by_id": 2, "title": '{"fr": "Projet"}',
         "summary": '{"fr": "Résumé"}', "kind": "bill", "scope": "national",
         "scope_area": None, "audience": "everyone", "opens_at": AT,
         "closes_at": "2026-02-05 09:30:00", "status": "scheduled", "comment_count": 2,
         "participant_count": 2, "vote_count": 1, "general_thread_count": 0},
    ],
    "consultation_theme": [{"consultation_id": 1, "theme": "governance"}],
    "document_version": [
        {"id": 1, "consultation_id": 1, "number": 1, "is_final": False, "preamble": "{}"},
    ],
    "section": [
        {"id": 1, "version_id": 1, "consultation_id": 1, "position": 0, "kind": "chapter",
         "number": "1", "slug": "chapter-1", "heading": '{"fr": "Dispositions"}', "body": "{}",
         "comment_count": 0, "participant_count": 0, "vote_count": 0, "thread_count": 0},
        {"id": 2, "version_id": 1, "consultation_id": 1, "position": 1, "kind": "article",
         "number": "1", "slug": "1", "heading": "{}", "body": '{"fr": "Texte."}',
         "comment_count": 2, "participant_count": 2, "vote_count": 1, "thread_count": 1},
    ],
    "comment": [
        {"id": 1, "consultation_id": 1, "section_id": 2, "parent_id": None, "root_id": None,
         "depth": 0, "author_id": 1, "body_source": "Très **bien**.",
         "body_html": "<p>Très <strong>bien</strong>.</p>", "lang": "fr", "stance": "for",
         "status": "visible", "hidden_reason": None, "edited_at": None, "agree_count": 1,
         "disagree_count": 0, "pass_count": 0, "reply_count": 1, "discussion_count": 1},
        {"id": 2, "consultation_id": 1, "section_id": 2, "parent_id": 1, "root_id": 1,
         "depth": 1, "author_id": 3, "body_source": "أوافق", "body_html": "<p>أوافق</p>",
         "lang": "ar", "stance": None, "status": "withdrawn", "hidden_reason": None,
         "edited_at": AT, "agree_count": 0, "disagree_count": 0, "pass_count": 0,
         "reply_count": 0, "discussion_count": 0},
    ],
    "vote": [{"id": 1, "comment_id": 1, "user_id": 3, "value": "agree"}],
    "consultation_participant": [
        {"consultation_id": 1, "user_id": 1},
        {"consultation_id": 1, "user_id": 3},
    ],
    "section_participant": [{"section_id": 2, "user_id": 1}, {"section_id": 2, "user_id": 3}],
}  # fmt: skip

#: Columns every row of these tables needs, with the same value for each row.
COMMON = {
    "user": {
        "password_hash": "pbkdf2:sha256:1$salt$hash",
        "locale": "fr",
        "region": None,
        "country": None,
        "gender": None,
        "age_bracket": None,
        "consented_at": AT,
        "is_admin": False,
        "is_blocked": False,
    },
}
TIMESTAMPED = {"institution", "user", "consultation", "document_version", "comment", "vote"}

#: What existing rows hold in a column added after the first revision, when it is not its
#: server default (or NULL): the migration fills it from other columns.
BACKFILLED = {("user", "email_confirmed_at"): "consented_at"}


@pytest.fixture(params=BACKENDS)
def empty_app(request, tmp_path):
    """An app on a database with no tables at all."""
    if request.param == "sqlite":
        config = {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'migrations.sqlite3'}"}
        yield create_app(_base_config(config))
        return
    url = os.environ.get("CONSULT_TEST_DATABASE_URL")
    if not url:
        pytest.skip("CONSULT_TEST_DATABASE_URL is not set")
    schema = f"consult_migrations_{uuid.uuid4().hex[:10]}"
    admin = create_engine(normalise_database_url(url))
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    options = {"connect_args": {"options": f"-csearch_path={schema}"}}
    app = create_app(
        _base_config({"SQLALCHEMY_DATABASE_URI": url, "SQLALCHEMY_ENGINE_OPTIONS": options})
    )
    yield app
    with app.app_context():
        db.engine.dispose()
    with admin.begin() as connection:
        connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


def _insert_first_revision_rows() -> None:
    with db.engine.begin() as connection:
        for table, rows in ROWS.items():
            for row in rows:
                values = {**COMMON.get(table, {}), **row}
                if table in TIMESTAMPED:
                    values |= {"created_at": AT, "updated_at": AT}
                columns = ", ".join(f'"{name}"' for name in values)
                marks = ", ".join(f":{name}" for name in values)
                connection.execute(
                    text(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})'), values
                )


def _read(tables) -> dict:
    """Each table's rows as dictionaries, in primary-key order."""
    inspector = inspect(db.engine)
    rows = {}
    with db.engine.connect() as connection:
        for table in tables:
            key = ", ".join(
                f'"{name}"' for name in inspector.get_pk_constraint(table)["constrained_columns"]
            )
            query = text(f'SELECT * FROM "{table}" ORDER BY {key}')
            rows[table] = [dict(row._mapping) for row in connection.execute(query)]
    return rows


def _columns() -> dict:
    inspector = inspect(db.engine)
    return {
        table: {column["name"]: column for column in inspector.get_columns(table)}
        for table in inspector.get_table_names()
    }


def test_upgrading_from_the_first_revision_keeps_every_row_and_value(empty_app):
    with empty_app.app_context():
        upgrade(revision=FIRST)
        _insert_first_revision_rows()
        before = _read(ROWS)
        columns_before = _columns()

        upgrade(revision="head")

        after = _read(ROWS)
        columns_after = _columns()
        for table, rows in before.items():
            assert len(after[table]) == len(rows), table
            added = set(columns_after[table]) - set(columns_before[table])
            for old, new in zip(rows, after[table], strict=True):
                assert {name: new[name] for name in old} == old, table
                for name in added:
                    column = columns_after[table][name]
                    if (table, name) in BACKFILLED:
                        assert new[name] == old[BACKFILLED[table, name]], (table, name)
                    elif column["default"] is not None:
                        assert new[name] is not None, (table, name)
                    else:
                        assert new[name] is None, (table, name)
        # The counters added later start from zero, and nobody became a moderator.
        assert after["consultation"][0]["recommendation_count"] == 0
        assert {s["recommendation_count"] for s in after["section"]} == {0}
        assert {bool(u["is_moderator"]) for u in after["user"]} == {False}
        db.engine.dispose()


def test_downgrading_to_an_empty_schema_and_upgrading_again_works_with_data(empty_app):
    with empty_app.app_context():
        upgrade(revision=FIRST)
        _insert_first_revision_rows()
        upgrade(revision="head")

        downgrade(revision="base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}

        upgrade(revision="head")
        _insert_first_revision_rows()  # the first revision's rows fit the newest schema
        assert len(_read(ROWS)["comment"]) == 2
        db.engine.dispose()
