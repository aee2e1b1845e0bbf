"""Back up and restore the database: SQLite's online backup API, pg_dump/pg_restore for PostgreSQL.

Both work while the site serves. A backup is written next to its final name and renamed when
complete, so an interrupted backup never leaves a truncated file under that name. On
PostgreSQL, when the application runs in a schema of its own (``search_path``), only that
schema is dumped and restored; otherwise the whole database is. A restore drops and recreates
the objects the backup holds, in one transaction: if it fails, nothing has changed.
"""

import os
import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_CUSTOM_MAGIC = b"PGDMP"


class BackupError(Exception):
    """The backup or restore cannot be done; the message says why and what to do."""


def backup(engine: Engine, path: Path) -> None:
    path = Path(path)
    if engine.dialect.name == "sqlite":
        _write_atomically(path, lambda part: _sqlite_copy(_sqlite_file(engine), part, True))
    elif engine.dialect.name == "postgresql":
        _write_atomically(path, lambda part: _pg_dump(engine, part))
    else:
        raise BackupError(f"backups of {engine.dialect.name} databases are not supported")


def restore(engine: Engine, path: Path) -> None:
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} does not exist")
    if engine.dialect.name == "sqlite":
        _expect_magic(path, SQLITE_MAGIC, "an SQLite backup")
        _sqlite_copy(str(path), _sqlite_file(engine), False)
    elif engine.dialect.name == "postgresql":
        _expect_magic(path, PG_CUSTOM_MAGIC, "a PostgreSQL backup (pg_dump --format=custom)")
        _pg_restore(engine, path)
    else:
        raise BackupError(f"restoring {engine.dialect.name} databases is not supported")


def _write_atomically(path: Path, write) -> None:
    if not path.parent.is_dir():
        raise BackupError(f"the folder {path.parent} does not exist")
    descriptor, part = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(descriptor)
    try:
        write(part)
        os.replace(part, path)
    finally:
        Path(part).unlink(missing_ok=True)


def _expect_magic(path: Path, magic: bytes, what: str) -> None:
    with path.open("rb") as file:
        if file.read(len(magic)) != magic:
            raise BackupError(f"{path} is not {what}")


# --- SQLite -----------------------------------------------------------------------------------


def _sqlite_file(engine: Engine) -> str:
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file::memory:"):
        raise BackupError("an in-memory SQLite database cannot be backed up or restored")
    return database


def _sqlite_copy(source_file: str, target_file: str, single_file: bool) -> None:
    """Copy page by page with SQLite's backup API: consistent even while others write."""
    source = sqlite3.connect(source_file, timeout=30)
    target = sqlite3.connect(target_file, timeout=30)
    try:
        source.backup(target)
        if single_file:  # a backup holds everything in one file, without a -wal beside it
            target.execute("PRAGMA journal_mode=DELETE")
        if target.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise BackupError(f"the copy in {target_file} fails SQLite's integrity check")
    except sqlite3.Error as error:
        raise BackupError(f"SQLite could not copy the database: {error}") from None
    finally:
        target.close()
        source.close()


# --- PostgreSQL -------------------------------------------------------------------------------


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"{name} is not installed (or not on PATH): install the PostgreSQL client tools "
            "of the server's major version (Debian: apt-get install postgresql-client)"
        )
    return found


def _own_schema(engine: Engine) -> str | None:
    """The application's schema when it is not the default one (then only it is handled)."""
    with engine.connect() as connection:
        schema = connection.execute(text("SELECT current_schema()")).scalar()
    return schema if schema and schema != "public" else None


def _connection(engine: Engine) -> tuple[list[str], dict]:
    """libpq arguments for the engine's database; the password goes in the environment."""
    url = engine.url.set(drivername="postgresql")
    env = dict(os.environ)
    if url.password is not None:
        env["PGPASSWORD"] = str(url.password)
    uri = url.set(password=None).render_as_string(hide_password=False)
    return [f"--dbname={uri}"], env


def _run(command: list[str], env: dict) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        message = (result.stderr or result.stdout).strip()[-2000:]
        raise BackupError(f"{Path(command[0]).name} failed: {message}")


def _pg_dump(engine: Engine, part: str) -> None:
    command = [_tool("pg_dump"), "--format=custom", f"--file={part}"]
    if schema := _own_schema(engine):
        command.append(f"--schema={schema}")
    arguments, env = _connection(engine)
    _run(command + arguments, env)


def _pg_restore(engine: Engine, path: Path) -> None:
    command = [
        _tool("pg_restore"),
        "--clean",
        "--if-exists",
        "--no-owner",
        "--single-transaction",  # all or nothing
    ]
    if schema := _own_schema(engine):
        # Objects in the schema only: the schema itself (and its grants) stays.
        command.append(f"--schema={schema}")
    arguments, env = _connection(engine)
    _run([*command, *arguments, str(path)], env)
