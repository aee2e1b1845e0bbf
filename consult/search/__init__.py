"""Search across consultations, articles, comments and recommendations (`/search`)."""

from flask import Blueprint

# cli_group=None: the command is `flask search-reindex`, not `flask search reindex`.
bp = Blueprint("search", __name__, cli_group=None)

from . import cli, indexing, routes  # noqa: E402,F401
