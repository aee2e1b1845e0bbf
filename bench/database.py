"""Empty benchmark databases built by the project's Alembic migrations, as users get them."""

import os
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from consult import create_app, normalise_database_url

#: The PostgreSQL database the harness owns: dropped and created again on every run.
POSTGRES_NAME = "consult_bench"
LOCAL_POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres"


def app_config(url: str) -> dict:
    return {"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench-only-secret"}


def migrate(url: str) -> None:
    """`flask db upgrade` on an empty database."""
    from flask_migrate import upgrade

    from consult.extensions import db

    app = create_app(app_config(url))
    with app.app_context():
        upgrade()
        db.engine.dispose()


def fresh_sqlite(path: Path) -> str:
    # Absolute: Flask-SQLAlchemy reads a relative SQLite path from the instance folder.
    path = path.resolve()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{path}"
    migrate(url)
    return url


def postgres_server_url() -> str:
    """Where to create the bench database: BENCH_POSTGRES_URL, DATABASE_URL or the local server."""
    return os.environ.get("BENCH_POSTGRES_URL") or os.environ.get("DATABASE_URL") or LOCAL_POSTGRES


def fresh_postgres(server_url: str, name: str = POSTGRES_NAME) -> str:
    """Drop and create database `name` on the server of `server_url`; other databases are
    never touched. Returns the URL of the new, migrated database."""
    server = make_url(normalise_database_url(server_url))
    if server.database == name:
        server = server.set(database="postgres")
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    url = server.set(database=name).render_as_string(hide_password=False)
    migrate(url)
    return url


def engine_for(url: str):
    return create_engine(normalise_database_url(url))
