"""`flask backup` and `flask restore`: a round trip on SQLite and PostgreSQL, and clear refusals."""

import sqlite3

import pytest
from sqlalchemy import delete, select, update

from consult import backup, clock
from consult.accounts.models import User
from consult.comments import services as comment_services
from consult.comments.models import Comment, Vote
from consult.consultations.models import Consultation
from consult.extensions import db

from .org_factories import article


def snapshot() -> dict:
    """Every row of every table, in primary-key order, as plain tuples."""
    rows = {}
    for table in db.metadata.sorted_tables:
        query = select(table).order_by(*table.primary_key.columns)
        rows[table.name] = [tuple(row) for row in db.session.execute(query)]
    db.session.rollback()  # hold no lock while a restore drops and recreates tables
    return rows


@pytest.fixture
def seeded(make):
    consultation = make.consultation()
    section = article(consultation, "1")
    comment = make.comment(consultation, section=section, body="Écrit avant la sauvegarde.")
    make.comment(consultation, parent=comment, section=section, body="Une réponse.")
    voter = make.user()
    comment_services.cast_vote(voter, comment, "agree", now=clock.utcnow())
    db.session.commit()
    return consultation


def test_restore_brings_back_data_changed_and_deleted_after_the_backup(
    runner, make, seeded, tmp_path
):
    before = snapshot()
    path = tmp_path / "consult.backup"

    result = runner.invoke(args=["backup", str(path)])
    assert result.exit_code == 0, result.output
    assert path.is_file() and "Backup written" in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["consult.backup"]  # no part file left

    db.session.execute(delete(Vote))
    db.session.execute(delete(Comment).where(Comment.parent_id.is_not(None)))
    db.session.execute(update(Consultation).values(title={"fr": "Titre changé"}))
    db.session.commit()
    make.user(name="Inscrite après la sauvegarde")
    assert snapshot() != before

    result = runner.invoke(args=["restore", "--yes", str(path)])
    assert result.exit_code == 0, result.output

    assert snapshot() == before
    assert (
        db.session.scalars(select(User.display_name)).all().count("Inscrite après la sauvegarde")
        == 0
    )


def test_restore_asks_first_and_changes_nothing_when_refused(runner, make, seeded, tmp_path):
    path = tmp_path / "consult.backup"
    assert runner.invoke(args=["backup", str(path)]).exit_code == 0
    make.user(name="Gardée")
    before = snapshot()

    result = runner.invoke(args=["restore", str(path)], input="n\n")

    assert result.exit_code == 1 and "Replace the data" in result.output
    assert snapshot() == before


def test_restore_refuses_a_file_that_is_not_a_backup(runner, seeded, tmp_path):
    before = snapshot()
    path = tmp_path / "notes.txt"
    path.write_text("pas une sauvegarde")

    result = runner.invoke(args=["restore", "--yes", str(path)])

    assert result.exit_code == 1
    assert (
        "is not an SQLite backup" in result.output or "is not a PostgreSQL backup" in result.output
    )
    assert snapshot() == before


def test_a_sqlite_backup_is_consistent_while_a_write_is_in_progress(app, seeded, tmp_path):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("the online backup API is SQLite's")
    writer = sqlite3.connect(db.engine.url.database, timeout=10)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE consultation SET comment_count = 999")
    try:
        backup.backup(db.engine, tmp_path / "during.sqlite3")
    finally:
        writer.rollback()
        writer.close()
    copy = sqlite3.connect(tmp_path / "during.sqlite3")
    try:
        assert copy.execute("SELECT comment_count FROM consultation").fetchall() == [(2,)]
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one file
    finally:
        copy.close()


def test_postgresql_backup_says_what_to_install_when_pg_dump_is_missing(
    runner, seeded, tmp_path, monkeypatch
):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("pg_dump is for PostgreSQL")
    monkeypatch.setattr(backup.shutil, "which", lambda name: None)

    result = runner.invoke(args=["backup", str(tmp_path / "consult.backup")])

    assert result.exit_code == 1
    assert "pg_dump is not installed" in result.output and "postgresql-client" in result.output
    assert list(tmp_path.iterdir()) == []
