"""Counters kept exact under concurrency: SQL increments and insert-if-absent."""

from sqlalchemy import update
from sqlalchemy.dialects import postgresql, sqlite

from .extensions import db


def increment(model, row_id: int, **deltas: int) -> None:
    """Add to counters in SQL (x = x + 1), so concurrent requests never overwrite each other."""
    values = {name: getattr(model, name) + delta for name, delta in deltas.items()}
    db.session.execute(
        update(model).where(model.id == row_id).values(**values),
        execution_options={"synchronize_session": False},
    )


def insert_if_absent(table, **values) -> bool:
    """Insert a row unless its unique key exists; True when this call inserted it."""
    dialect = db.session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    # RETURNING tells reliably whether a row was written (rowcount is -1 on some drivers).
    key = list(table.primary_key.columns)[0]
    statement = insert(table).values(**values).on_conflict_do_nothing().returning(key)
    return db.session.execute(statement).first() is not None
