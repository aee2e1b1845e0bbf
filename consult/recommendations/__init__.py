"""Recommendations: organisations propose changes to a draft, co-sign and support them."""

from flask import Blueprint

bp = Blueprint("recommendations", __name__)

from . import routes  # noqa: E402,F401
