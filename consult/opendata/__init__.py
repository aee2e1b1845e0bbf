"""Open data: the published outcome's files (CSV and JSON), streamed, with their SHA-256."""

from flask import Blueprint

bp = Blueprint("opendata", __name__)

from . import routes  # noqa: E402,F401
