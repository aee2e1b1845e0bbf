"""The outcome of a consultation: the published report, its versions, and participants' notices."""

from flask import Blueprint

bp = Blueprint("outcome", __name__)

from . import models, routes  # noqa: E402,F401
