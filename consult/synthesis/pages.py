"""What every page of the synthesis workspace shares: who may enter, names, the frame.

Officials of the institution that owns the consultation only; every change is audited by the
services the pages call. The routes are in routes.py (the analysis and its themes) and
recommendation_routes.py (answers to recommendations, imported contributions).
"""

from flask import abort, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import login_required

from ..accounts.models import UNDISCLOSED
from ..accounts.profile import ABROAD, REGIONS
from ..consultations.routes import get_managed_consultation
from ..errors import DomainError
from ..extensions import db
from ..i18n import pick, select_language
from ..web import flash_done, flash_error, safe_next
from . import bp, imports, responses, runs
from .models import SynthesisRun, Theme

KIND_NAMES = {
    "comment": _l("Comment"),
    "recommendation": _l("Recommendation"),
    "imported": _l("Received outside the platform"),
}
PARTICIPANT_TYPES = {
    "citizen": _l("Citizens"),
    "abroad": _l("Moroccans abroad"),
    "organisation": _l("Organisations"),
    "unknown": _l("Not known"),
}
STAGE_NAMES = {
    "load": _l("reading the contributions"),
    "normalise": _l("preparing the texts"),
    "duplicates": _l("finding near-duplicates"),
    "themes": _l("finding themes"),
    "opinions": _l("finding opinion groups"),
    "store": _l("saving the results"),
}


@bp.url_defaults
def _add_consultation(endpoint, values):
    """Links between workspace pages stay in the consultation being worked on."""
    if "consultation_id" not in values and request.view_args:
        if "consultation_id" in request.view_args:
            values["consultation_id"] = request.view_args["consultation_id"]


@bp.before_request
@login_required
def managed_consultation_only():
    g.consultation = get_managed_consultation(request.view_args["consultation_id"])


def run_or_none() -> SynthesisRun | None:
    return runs.latest_done(g.consultation.id)


def run_or_404() -> SynthesisRun:
    run = run_or_none()
    if run is None:
        abort(404)
    return run


def theme_or_404(theme_id: int) -> Theme:
    theme = db.get_or_404(Theme, theme_id)
    if theme.consultation_id != g.consultation.id:
        abort(404)
    return theme


def back(endpoint: str, **values):
    return redirect(safe_next(request.form.get("next"), url_for(endpoint, **values)))


def render(template: str, **context):
    answered, answerable = responses.answered_progress(g.consultation.id)
    return render_template(
        template,
        consultation=g.consultation,
        answered=answered,
        answerable=answerable,
        outcome_names=responses.OUTCOME_NAMES,
        kind_names=KIND_NAMES,
        type_names={**imports.SENDER_TYPES, **PARTICIPANT_TYPES},
        stage_names=STAGE_NAMES,
        theme_title=theme_title,
        region_name=region_name,
        **context,
    )


def theme_title(theme: Theme) -> str:
    return pick(theme.name, select_language()).text if theme.name else theme.engine_label


def region_name(code: str) -> str:
    if code == "unknown":
        return str(PARTICIPANT_TYPES["unknown"])
    if code == UNDISCLOSED:
        return _("Prefer not to say")
    return str(REGIONS.get(code) or (_("Moroccans abroad") if code == ABROAD else code))


def edit(action):
    """Apply an edit, commit, and say so; a refused edit says why."""
    try:
        action()
    except DomainError as error:
        db.session.rollback()
        flash_error(error.message)
    else:
        db.session.commit()
        flash_done(_("Saved."))
