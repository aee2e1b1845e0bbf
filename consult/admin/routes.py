"""Institutions and officials, for administrators."""

import csv
import io
import json

from flask import (
    Response,
    abort,
    redirect,
    render_template,
    request,
    stream_with_context,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import func, select

from .. import audit, clock, permissions
from ..accounts.models import User
from ..audit import AuditEvent
from ..errors import DomainError
from ..extensions import db
from ..i18n import pick, select_language
from ..institutions import services
from ..institutions.models import Institution
from ..organisations import queries as organisation_queries
from ..organisations import services as organisation_services
from ..organisations.forms import ActionForm, RejectForm
from ..organisations.models import Organisation
from ..pagination import Page, page_number
from ..web import flash_done, flash_error
from . import bp
from .forms import InstitutionForm, ModeratorForm, OfficialForm


@bp.before_request
@login_required
def administrators_only():
    if not permissions.is_admin(current_user):
        abort(403)


def _official_form() -> OfficialForm:
    form = OfficialForm()
    institutions = db.session.scalars(select(Institution).order_by(Institution.slug)).all()
    form.institution.choices = [("", _("None (ordinary account)"))] + [
        (str(i.id), pick(i.name, select_language()).text) for i in institutions
    ]
    return form


def _page(institution_form=None, official_form=None, status=200):
    institutions = db.session.scalars(select(Institution).order_by(Institution.slug)).all()
    officials = db.session.execute(
        select(User.display_name, User.email, Institution.name)
        .join(Institution, Institution.id == User.institution_id)
        .order_by(Institution.slug, User.email)
    ).all()
    return render_template(
        "admin/index.html",
        institutions=institutions,
        officials=officials,
        institution_form=institution_form or InstitutionForm(),
        official_form=official_form or _official_form(),
        moderator_form=ModeratorForm(),
    ), status


@bp.get("/")
def index():
    return _page()


@bp.post("/institutions")
def create_institution():
    form = InstitutionForm()
    if form.validate_on_submit():
        try:
            services.create_institution(
                current_user,
                {"ar": form.name_ar.data, "fr": form.name_fr.data, "zgh": form.name_zgh.data},
                form.slug.data,
            )
        except DomainError as error:
            form.slug.errors = [*form.slug.errors, error.message]
            return _page(institution_form=form, status=error.status_code)
        db.session.commit()
        flash_done(_("The institution is created."))
        return redirect(url_for("admin.index"))
    return _page(institution_form=form, status=400)


@bp.post("/officials")
def attach_official():
    form = _official_form()
    if form.validate_on_submit():
        institution = None
        if form.institution.data:
            if not form.institution.data.isdigit():
                abort(400)
            institution = db.get_or_404(Institution, int(form.institution.data))
        try:
            services.attach_official(current_user, form.email.data, institution)
        except DomainError as error:
            form.email.errors = [*form.email.errors, error.message]
            return _page(official_form=form, status=error.status_code)
        db.session.commit()
        flash_done(_("The account is updated."))
        return redirect(url_for("admin.index"))
    return _page(official_form=form, status=400)


@bp.get("/organisations")
def organisations():
    pagination = organisation_queries.pending_review(page_number(request.args.get("page")))
    return render_template(
        "admin/organisations.html",
        items=pagination.items,
        page=Page(pagination.page, pagination.per_page, pagination.total or 0),
        reject_form=RejectForm(),
        action_form=ActionForm(),
    )


@bp.post("/organisations/<int:organisation_id>/verify")
def verify_organisation(organisation_id: int):
    organisation = db.get_or_404(Organisation, organisation_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    organisation_services.verify(current_user, organisation, clock.utcnow())
    db.session.commit()
    flash_done(_("The organisation is verified."))
    return redirect(url_for("admin.organisations"))


@bp.post("/organisations/<int:organisation_id>/reject")
def reject_organisation(organisation_id: int):
    organisation = db.get_or_404(Organisation, organisation_id)
    form = RejectForm()
    if not form.validate_on_submit():
        pagination = organisation_queries.pending_review(1)
        return render_template(
            "admin/organisations.html",
            items=pagination.items,
            page=Page(pagination.page, pagination.per_page, pagination.total or 0),
            reject_form=form,
            rejected_id=organisation.id,
            action_form=ActionForm(),
        ), 400
    organisation_services.reject(current_user, organisation, form.reason.data, clock.utcnow())
    db.session.commit()
    flash_done(_("The organisation is rejected; its representatives see the reason."))
    return redirect(url_for("admin.organisations"))


AUDIT_PER_PAGE = 50


def _audit_query(action: str | None):
    query = select(AuditEvent, User.display_name).outerjoin(User, User.id == AuditEvent.actor_id)
    if action:
        query = query.where(AuditEvent.action.startswith(action))
    return query.order_by(AuditEvent.id.desc())


@bp.get("/audit")
def audit_log():
    action = (request.args.get("action") or "").strip()[:60] or None
    query = _audit_query(action)
    total = db.session.scalar(select(func.count()).select_from(query.subquery())) or 0
    page = Page(page_number(request.args.get("page")), AUDIT_PER_PAGE, total)
    rows = db.session.execute(query.limit(AUDIT_PER_PAGE).offset(page.offset)).all()
    return render_template("admin/audit.html", rows=rows, page=page, action=action or "")


@bp.get("/audit.csv")
def audit_export():
    """The whole log as CSV, streamed so its size does not matter."""
    action = (request.args.get("action") or "").strip()[:60] or None

    def lines():
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(
            ["id", "at_utc", "actor_id", "actor", "action", "target_type", "target_id", "data"]
        )
        yield buffer.getvalue()
        for event, name in db.session.execute(
            _audit_query(action)
            .order_by(None)
            .order_by(AuditEvent.id)
            .execution_options(yield_per=1000)
        ):
            buffer.seek(0)
            buffer.truncate()
            writer.writerow(
                [
                    event.id,
                    event.at.isoformat(),
                    event.actor_id or "",
                    name or "",
                    event.action,
                    event.target_type,
                    event.target_id or "",
                    json.dumps(event.data, ensure_ascii=False),
                ]
            )
            yield buffer.getvalue()

    return Response(
        stream_with_context(lines()),
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=audit-log.csv"},
    )


@bp.post("/moderators")
def set_moderator():
    form = ModeratorForm()
    if not form.validate_on_submit():
        return _page(status=400)
    user = db.session.scalars(
        select(User).where(func.lower(User.email) == form.email.data.strip().lower())
    ).first()
    if user is None:
        flash_error(_("No account uses this e-mail address."))
        return redirect(url_for("admin.index")), 303
    user.is_moderator = form.grant.data == "grant"
    audit.record(current_user, "user.moderator", user, granted=user.is_moderator)
    db.session.commit()
    flash_done(_("The account is updated."))
    return redirect(url_for("admin.index"))
