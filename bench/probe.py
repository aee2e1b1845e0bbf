"""Facts the harness reads from a seeded database, and SQL statements counted per page."""

import re
from dataclasses import dataclass

from sqlalchemy import event, text

from consult import create_app
from consult.config import Defaults

from .counters import check_counters
from .database import app_config, engine_for

CONSULTATION_ID = 1  # the national consultation of bench/seed.py
_COUNT_OVER_COMMENTS = re.compile(r"count\s*\((?:(?!\bFROM\b).)*\bFROM\s+\"?comment\b", re.I | re.S)


@dataclass
class Targets:
    """What the harness measures in this database."""

    consultation_id: int
    busiest_slug: str
    busiest_threads: int
    busiest_comments: int
    quietest_slug: str
    quietest_comments: int
    deep_page: int
    vote_comment_ids: list[int]

    def pages(self) -> dict[str, str]:
        article = f"/consultations/{self.consultation_id}/articles/{self.busiest_slug}"
        return {
            "home": "/",
            "consultation": f"/consultations/{self.consultation_id}",
            "article": article,
            "deep_page": f"{article}?page={self.deep_page}",
        }


def read_targets(url: str) -> Targets:
    engine = engine_for(url)
    with engine.connect() as conn:
        articles = conn.execute(
            text(
                "SELECT slug, thread_count, comment_count FROM section"
                " WHERE consultation_id = :c AND kind = 'article' ORDER BY comment_count DESC, id"
            ),
            {"c": CONSULTATION_ID},
        ).all()
        # The quietest article that has a page of threads at all: empty pages skip queries.
        busiest = articles[0]
        quietest = ([a for a in articles if a.thread_count] or articles)[-1]
        ids = (
            conn.execute(
                text(
                    "SELECT c.id FROM comment c JOIN section s ON s.id = c.section_id"
                    " WHERE s.slug = :slug AND s.consultation_id = :c AND c.status = 'visible'"
                    " ORDER BY c.id DESC LIMIT 3000"
                ),
                {"slug": busiest.slug, "c": CONSULTATION_ID},
            )
            .scalars()
            .all()
        )
    engine.dispose()
    per_page = Defaults.COMMENTS_PER_PAGE
    return Targets(
        consultation_id=CONSULTATION_ID,
        busiest_slug=busiest.slug,
        busiest_threads=busiest.thread_count,
        busiest_comments=busiest.comment_count,
        quietest_slug=quietest.slug,
        quietest_comments=quietest.comment_count,
        deep_page=max(1, -(-busiest.thread_count // per_page)),
        vote_comment_ids=list(ids),
    )


def count_rows(url: str, table: str) -> int:
    engine = engine_for(url)
    with engine.connect() as conn:
        value = conn.execute(text(f'SELECT count(*) FROM "{table}"')).scalar()
    engine.dispose()
    return value


def counters_consistent(url: str) -> dict:
    engine = engine_for(url)
    with engine.connect() as conn:
        problems = check_counters(conn)
    engine.dispose()
    return {name: [list(map(str, row)) for row in rows] for name, rows in problems.items()}


def statements_per_page(url: str, targets: Targets, reader_id: int = 2) -> dict:
    """SQL statements run by each measured page, on the busiest and on the quietest article
    (same database, so only the number of comments differs), anonymous and signed in."""
    from consult.extensions import db

    app = create_app(app_config(url))
    prefix = f"/consultations/{targets.consultation_id}/articles/"
    pages = {
        **targets.pages(),
        "quietest_article": prefix + targets.quietest_slug,
    }
    counts, count_queries = {}, []
    statements: list[str] = []

    def record(conn, cursor, statement, *args):
        statements.append(statement)

    # Each request pushes its own app context, as in production (an outer one would keep
    # the session and the signed-in user from one request to the next).
    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    for signed_in in (False, True):
        client = app.test_client()
        if signed_in:
            with client.session_transaction() as session:
                session["_user_id"] = str(reader_id)
                session["_fresh"] = True
        for name, path in pages.items():
            statements.clear()
            status = client.get(path).status_code
            key = f"{name} (signed in)" if signed_in else name
            counts[key] = {"status": status, "statements": len(statements)}
            count_queries += [
                f"{key}: {s[:120]}" for s in statements if _COUNT_OVER_COMMENTS.search(s)
            ]
    event.remove(engine, "before_cursor_execute", record)
    engine.dispose()
    constant = all(
        counts[f"article{suffix}"]["statements"]
        == counts[f"quietest_article{suffix}"]["statements"]
        and counts[f"deep_page{suffix}"]["statements"] == counts[f"article{suffix}"]["statements"]
        for suffix in ("", " (signed in)")
    )
    return {"pages": counts, "constant": constant, "count_over_comments": count_queries}
