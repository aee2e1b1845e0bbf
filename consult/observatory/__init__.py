"""The platform observatory: consultations held, participation, answers, by institution, year."""

from flask import Blueprint

bp = Blueprint("observatory", __name__)

from . import routes  # noqa: E402,F401
