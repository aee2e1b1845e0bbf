"""The ministry officials' workspace: author consultations, import drafts, run the lifecycle."""

from flask import Blueprint

bp = Blueprint("manage", __name__, url_prefix="/manage")

from . import routes  # noqa: E402,F401
