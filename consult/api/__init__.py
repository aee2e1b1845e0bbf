"""The read-only JSON API under /api/v1: what the public pages show, as data."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from . import routes  # noqa: E402,F401
