"""Bulk inserts for the seed: COPY on PostgreSQL, chunked executemany elsewhere."""

import json

from sqlalchemy import insert, text

#: Column order of the rows the seed writes as tuples.
COLUMNS = {
    "comment": (
        "id",
        "consultation_id",
        "section_id",
        "parent_id",
        "root_id",
        "depth",
        "author_id",
        "body_source",
        "body_html",
        "lang",
        "stance",
        "status",
        "hidden_reason",
        "edited_at",
        "agree_count",
        "disagree_count",
        "pass_count",
        "reply_count",
        "discussion_count",
        "created_at",
        "updated_at",
    ),
    "vote": ("id", "comment_id", "user_id", "value", "created_at", "updated_at"),
    "consultation_theme": ("consultation_id", "theme"),
    "consultation_participant": ("consultation_id", "user_id"),
    "section_participant": ("section_id", "user_id"),
}


class Inserter:
    """Bulk inserts: COPY on PostgreSQL, executemany in chunks elsewhere."""

    def __init__(self, conn, meta):
        self.conn, self.meta = conn, meta

    def __call__(self, name: str, rows) -> None:
        """`rows`: dicts, or tuples in the order of COLUMNS[name]."""
        table = self.meta.tables[name]
        rows = iter(rows)
        first = next(rows, None)
        if first is None:
            return
        if isinstance(first, dict):
            columns = tuple(first)
            rows = (tuple(row.values()) for row in _chain(first, rows))
        else:
            columns = COLUMNS[name]
            rows = _chain(first, rows)
        if self.conn.dialect.name == "postgresql":
            self._copy(table, columns, rows)
            return
        statement, batch = insert(table), []
        for row in rows:
            batch.append(dict(zip(columns, row, strict=True)))
            if len(batch) == 20_000:
                self.conn.execute(statement, batch)
                batch = []
        if batch:
            self.conn.execute(statement, batch)

    def _copy(self, table, columns, rows) -> None:
        quote = self.conn.dialect.identifier_preparer
        target = f"{quote.format_table(table)} ({', '.join(quote.quote(c) for c in columns)})"
        cursor = self.conn.connection.driver_connection.cursor()
        with cursor.copy(f"COPY {target} FROM STDIN") as copy:
            for row in rows:
                copy.write_row(
                    [json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else v for v in row]
                )
        cursor.close()


def _chain(first, rest):
    yield first
    yield from rest


def tidy(engine) -> None:
    """Statistics as a running PostgreSQL would soon have them; SQLite is left as the app
    leaves it (it never runs ANALYZE), with its write-ahead log folded in."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    else:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
