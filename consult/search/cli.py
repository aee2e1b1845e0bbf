"""`flask search-reindex [CONSULTATION_ID]`: rebuild the search index in bulk."""

import time

import click

from ..extensions import db
from . import bp
from .indexing import reindex


@bp.cli.command("search-reindex")
@click.argument("consultation_id", type=int, required=False)
def search_reindex(consultation_id: int | None) -> None:
    """Rebuild the search index, or one consultation's part of it (after bulk imports)."""
    started = time.perf_counter()
    with db.engine.begin() as connection:
        written = reindex(connection, consultation_id)
    click.echo(f"{written} search documents written in {time.perf_counter() - started:.1f} s")
