"""Officials' pages: their consultations, the consultation form, draft import, lifecycle buttons."""

from flask import abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from sqlalchemy import select

from .. import clock, permissions
from ..consultations import queries, services
from ..consultations.models import Consultation, Phase
from ..consultations.routes import get_managed_consultation
from ..errors import DomainError
from ..extensions import db
from ..text.documents import DocumentError, read_document
from ..text.drafts import split_draft
from ..timezones import local_to_utc, utc_to_local
from ..web import flash_done, flash_error
from . import bp
from .forms import ActionForm, ConsultationForm, DraftConfirmForm, DraftUploadForm

DOCUMENT_ERRORS = {
    "unsupported_type": _l("This kind of file is not supported: use .txt, .md or .docx."),
    "corrupt": _l("This file could not be read: it seems damaged."),
    "not_utf8": _l("This text file is not in UTF-8. Save it as UTF-8 and try again."),
    "too_large": _l("This file is too large: at most 5 MB."),
    "empty": _l("This file contains no text."),
}


@bp.before_request
@login_required
def officials_only():
    if not permissions.is_official(current_user):
        abort(403)


@bp.get("/")
def dashboard():
    consultations = db.session.scalars(
        select(Consultation)
        .where(Consultation.institution_id == current_user.institution_id)
        .order_by(Consultation.opens_at.desc())
    ).all()
    return render_template(
        "manage/dashboard.html", consultations=consultations, action_form=ActionForm()
    )


def _fields(form: ConsultationForm) -> services.ConsultationFields:
    return services.ConsultationFields(
        title={lang: getattr(form, f"title_{lang}").data or "" for lang in services.LANGUAGES},
        summary={lang: getattr(form, f"summary_{lang}").data or "" for lang in services.LANGUAGES},
        kind=form.kind.data,
        scope=form.scope.data,
        scope_area=form.scope_area.data,
        audience=form.audience.data,
        themes=form.themes.data or [],
        opens_at=local_to_utc(form.opens_at.data),
        closes_at=local_to_utc(form.closes_at.data),
    )


@bp.route("/consultations/new", methods=["GET", "POST"])
def new_consultation():
    form = ConsultationForm()
    status = 200
    if form.validate_on_submit():
        try:
            consultation = services.create_consultation(
                current_user, current_user.institution_id, _fields(form)
            )
        except DomainError as error:
            form.title_ar.errors = [*form.title_ar.errors, error.message]
            status = error.status_code
        else:
            db.session.commit()
            flash_done(_("The consultation is created as a draft. Now add its text."))
            return redirect(url_for("manage.draft", consultation_id=consultation.id))
    elif form.is_submitted():
        status = 400
    return render_template("manage/consultation_form.html", form=form, consultation=None), status


@bp.route("/consultations/<int:consultation_id>/edit", methods=["GET", "POST"])
def edit_consultation(consultation_id: int):
    consultation = get_managed_consultation(consultation_id)
    form = ConsultationForm()
    if request.method == "GET":
        for lang in services.LANGUAGES:
            getattr(form, f"title_{lang}").data = consultation.title.get(lang, "")
            getattr(form, f"summary_{lang}").data = consultation.summary.get(lang, "")
        form.kind.data = consultation.kind
        form.scope.data = consultation.scope
        form.scope_area.data = consultation.scope_area or ""
        form.audience.data = consultation.audience
        form.themes.data = consultation.theme_slugs
        form.opens_at.data = utc_to_local(consultation.opens_at)
        form.closes_at.data = utc_to_local(consultation.closes_at)
    status = 200
    if form.validate_on_submit():
        try:
            services.update_consultation(current_user, consultation, _fields(form), clock.utcnow())
        except DomainError as error:
            form.title_ar.errors = [*form.title_ar.errors, error.message]
            status = error.status_code
        else:
            db.session.commit()
            flash_done(_("The consultation is saved."))
            return redirect(url_for("manage.dashboard"))
    elif form.is_submitted():
        status = 400
    return render_template(
        "manage/consultation_form.html", form=form, consultation=consultation
    ), status


@bp.route("/consultations/<int:consultation_id>/draft", methods=["GET", "POST"])
def draft(consultation_id: int):
    """Step 1: paste or upload one language of the text; step 2 (same URL) shows the split."""
    return _text_page(get_managed_consultation(consultation_id), final=False)


@bp.route("/consultations/<int:consultation_id>/final", methods=["GET", "POST"])
def final_text(consultation_id: int):
    """The same steps for the text adopted after the consultation (the outcome compares them)."""
    return _text_page(get_managed_consultation(consultation_id), final=True)


def _text_page(consultation: Consultation, final: bool):
    form = DraftUploadForm()
    version = (queries.final_version if final else queries.draft_version)(consultation.id)
    sections = queries.sections_of(version.id) if version else []
    if final:
        editable = consultation.phase in services.FINAL_TEXT_PHASES
    else:
        editable = consultation.phase in (Phase.DRAFT, Phase.UPCOMING)
    status = 200
    if not editable and form.is_submitted():
        # Sent from a page opened before the consultation opened: the page now says why not.
        status = 409
    elif form.validate_on_submit():
        text = form.text.data or ""
        upload = form.document.data
        error = None
        if upload and upload.filename:
            try:
                text = read_document(upload.filename, upload.read())
            except DocumentError as problem:
                error = DOCUMENT_ERRORS.get(problem.code, DOCUMENT_ERRORS["corrupt"])
        if error is None and not text.strip():
            error = _l("Paste the text or choose a file.")
        if error is None:
            structure = split_draft(text, form.language.data).to_dict()
            items = services.items_from_structure(structure)
            confirm = DraftConfirmForm(language=form.language.data, preamble=structure["preamble"])
            return render_template(
                "manage/draft_preview.html",
                consultation=consultation,
                form=confirm,
                items=items,
                problems=services.check_items(items),
                final=final,
            )
        form.text.errors = [*form.text.errors, error]
        status = 400
    elif form.is_submitted():
        status = 400
    return render_template(
        "manage/draft.html",
        consultation=consultation,
        form=form,
        sections=sections,
        editable=editable,
        final=final,
    ), status


@bp.post("/consultations/<int:consultation_id>/draft/save")
def save_draft(consultation_id: int):
    """Step 3: store the rows as corrected in the preview."""
    return _save_text(get_managed_consultation(consultation_id), final=False)


@bp.post("/consultations/<int:consultation_id>/final/save")
def save_final_text(consultation_id: int):
    return _save_text(get_managed_consultation(consultation_id), final=True)


def _save_text(consultation: Consultation, final: bool):
    form = DraftConfirmForm()
    if not form.validate_on_submit():
        abort(400)
    rows = zip(
        request.form.getlist("kind"),
        request.form.getlist("number"),
        request.form.getlist("heading"),
        request.form.getlist("body"),
        strict=False,
    )
    removed = set(request.form.getlist("remove"))
    items = [
        services.DraftItem(kind, number.strip(), heading, body)
        for index, (kind, number, heading, body) in enumerate(rows)
        if str(index) not in removed and kind in services.SECTION_KINDS
    ]
    try:
        services.store_draft_language(
            current_user,
            consultation,
            form.language.data,
            items,
            form.preamble.data or "",
            clock.utcnow(),
            final=final,
        )
    except DomainError as error:
        return render_template(
            "manage/draft_preview.html",
            consultation=consultation,
            form=form,
            items=items,
            problems=[error.message],
            final=final,
        ), error.status_code
    db.session.commit()
    flash_done(_("The text is saved."))
    endpoint = "manage.final_text" if final else "manage.draft"
    return redirect(url_for(endpoint, consultation_id=consultation.id))


LIFECYCLE_ACTIONS = {
    "schedule": (services.schedule, _l("The consultation is scheduled: it opens on its date.")),
    "open": (services.open_early, _l("The consultation is open.")),
    "close": (services.close_early, _l("The consultation is closed.")),
    "unschedule": (services.unschedule, _l("The consultation is back in draft.")),
}


@bp.post("/consultations/<int:consultation_id>/<any(schedule, open, close, unschedule):action>")
def lifecycle(consultation_id: int, action: str):
    consultation = get_managed_consultation(consultation_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    change, done_message = LIFECYCLE_ACTIONS[action]
    try:
        change(current_user, consultation, clock.utcnow())
    except DomainError as error:
        # Back on the dashboard the button was on, saying why, with the error's 4xx (409).
        flash_error(error.message)
        return dashboard(), error.status_code
    db.session.commit()
    flash_done(done_message)
    return redirect(url_for("manage.dashboard"))
