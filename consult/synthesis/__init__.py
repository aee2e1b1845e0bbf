"""Synthesis of a consultation: near-duplicates and campaigns, themes, opinion groups, answers.

`engine/` is plain computation (no Flask, no database). Around it: `loading` reads a
consultation for the engine, `runs` executes and stores a run, `curation` is the ministry's
layer of themes on top of runs, `responses` its answers, `imports` contributions received
outside the platform, and `routes` the officials' workspace.
"""

from flask import Blueprint

bp = Blueprint(
    "synthesis", __name__, url_prefix="/manage/consultations/<int:consultation_id>/synthesis"
)

from . import models, pages, recommendation_routes, routes  # noqa: E402,F401
