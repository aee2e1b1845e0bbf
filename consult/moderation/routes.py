"""Reporting content (any signed-in person) and the moderators' queue and decisions."""

from flask import abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from .. import clock, permissions
from ..accounts.models import User
from ..errors import DomainError
from ..extensions import db
from ..pagination import page_number
from ..web import flash_done, safe_next
from . import bp, queries, services
from .forms import ActionForm, FlagForm, HideForm
from .models import REASONS, TARGET_TYPES
from .services import TARGETS


def _target(target_type: str, target_id: int):
    if target_type not in TARGETS:
        abort(404)
    target = db.get_or_404(TARGETS[target_type], target_id)
    from ..consultations.routes import get_readable_consultation

    get_readable_consultation(target.consultation_id)
    return target


def _back_url(target_type: str, target) -> str:
    if target_type == "recommendation":
        return url_for("recommendations.show", recommendation_id=target.id)
    if target.section_id is None:
        return url_for(
            "consultations.show",
            consultation_id=target.consultation_id,
            _anchor=f"comment-{target.id}",
        )
    from ..consultations.models import Section

    section = db.session.get(Section, target.section_id)
    return url_for(
        "consultations.article",
        consultation_id=target.consultation_id,
        slug=section.slug,
        _anchor=f"comment-{target.id}",
    )


@bp.route("/report/<target_type>/<int:target_id>", methods=["GET", "POST"])
@login_required
def report(target_type: str, target_id: int):
    target = _target(target_type, target_id)
    form = FlagForm()
    status = 200
    if form.validate_on_submit():
        try:
            services.flag(
                current_user, target, form.reason.data, form.note.data or "", clock.utcnow()
            )
        except DomainError as error:
            form.reason.errors = [*form.reason.errors, error.message]
            status = error.status_code
        else:
            db.session.commit()
            flash_done(_("Thank you: a moderator will review your report."))
            return redirect(_back_url(target_type, target))
    elif form.is_submitted():
        status = 400
    return render_template(
        "moderation/report.html",
        form=form,
        target=target,
        target_type=target_type,
        back_url=_back_url(target_type, target),
    ), status


def _moderators_only():
    if not permissions.is_moderator(current_user):
        abort(403)


@bp.get("/")
@login_required
def queue():
    _moderators_only()
    target_type = request.args.get("type") if request.args.get("type") in TARGET_TYPES else None
    reason = request.args.get("reason") if request.args.get("reason") in REASONS else None
    items, page = queries.queue(
        target_type=target_type, reason=reason, page=page_number(request.args.get("page"))
    )
    author_ids = [getattr(t, "author_id", 0) for _kind, t, _flags in items]
    authors = {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(author_ids)))}
    return render_template(
        "moderation/queue.html",
        items=items,
        page=page,
        authors=authors,
        selected={"type": target_type, "reason": reason},
        hide_form=HideForm(),
        action_form=ActionForm(),
        back_url=_back_url,
    )


@bp.post("/<target_type>/<int:target_id>/<any(hide, restore, dismiss):decision>")
@login_required
def decide(target_type: str, target_id: int, decision: str):
    _moderators_only()
    target = _target(target_type, target_id)
    now = clock.utcnow()
    if decision == "hide":
        form = HideForm()
        if not form.validate_on_submit():
            abort(400)
        services.hide(current_user, target, form.reason.data, form.note.data or "", now)
        flash_done(_("The content is hidden; the thread shows the reason."))
    else:
        if not ActionForm().validate_on_submit():
            abort(400)
        if decision == "restore":
            services.restore(current_user, target, now)
            flash_done(_("The content is shown again."))
        else:
            services.dismiss(current_user, target, now)
            flash_done(_("The reports are dismissed."))
    db.session.commit()
    return redirect(safe_next(request.form.get("next"), url_for("moderation.queue")))


@bp.post("/users/<int:user_id>/<any(block, unblock):decision>")
@login_required
def block(user_id: int, decision: str):
    _moderators_only()
    user = db.get_or_404(User, user_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    services.set_blocked(current_user, user, decision == "block")
    db.session.commit()
    flash_done(
        _("The account is blocked: it can no longer post.")
        if decision == "block"
        else _("The account can post again.")
    )
    return redirect(url_for("moderation.queue"))
