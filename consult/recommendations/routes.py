"""Recommendation pages: the list for a consultation, the form, a recommendation and its actions."""

from pathlib import Path

from flask import abort, current_app, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from .. import clock, permissions
from ..consultations import queries as consultation_queries
from ..consultations.routes import get_readable_consultation
from ..errors import DomainError
from ..extensions import db
from ..formtools import choices
from ..i18n import pick, select_language
from ..organisations.models import Organisation
from ..organisations.names import DOMAIN_NAMES
from ..organisations.queries import verified_organisations_of
from ..pagination import page_number
from ..text.diff import word_diff
from ..web import flash_done
from . import attachments, bp, queries, services
from .forms import ActionForm, CoSignForm, RecommendationForm
from .models import KINDS, Recommendation
from .names import SORT_NAMES, STATUS_NAMES

ATTACHMENT_ERRORS = {
    "too_large": _l("The memo is too large: at most 10 MB."),
    "empty": _l("The memo file is empty."),
    "not_pdf": _l("The memo must be a PDF file."),
}


#: Room for the form's other fields next to the memo in one request body.
FORM_ALLOWANCE = 1024 * 1024


def _uploads() -> Path:
    return Path(current_app.instance_path) / "uploads" / "recommendations"


@bp.url_value_preprocessor
def allow_memo_uploads(endpoint, _values):
    """Let a 10 MB memo through the site-wide request limit on the recommendation form.

    A URL preprocessor, because it runs before CSRF protection reads the form (a
    before_request function of the blueprint would run too late)."""
    if endpoint in ("recommendations.new", "recommendations.edit"):
        request.max_content_length = attachments.MAX_ATTACHMENT_BYTES + FORM_ALLOWANCE


@bp.get("/consultations/<int:consultation_id>/recommendations")
def listing(consultation_id: int):
    consultation = get_readable_consultation(consultation_id)
    version = consultation_queries.draft_version(consultation.id)
    sections = consultation_queries.sections_of(version.id) if version else []
    articles = [s for s in sections if s.is_article]
    args = request.args
    article = next((s for s in articles if s.slug == args.get("article")), None)
    organisation_id = args.get("organisation", "")
    filters = {
        "article": article.slug if article else None,
        "kind": args.get("kind") if args.get("kind") in KINDS else None,
        "status": args.get("status")
        if args.get("status") in STATUS_NAMES and args.get("status") != "draft"
        else None,
        "organisation": int(organisation_id) if organisation_id.isdigit() else None,
        "region": args.get("region") or None,
        "domain": args.get("domain") if args.get("domain") in DOMAIN_NAMES else None,
        "sort": args.get("sort") if args.get("sort") in SORT_NAMES else "newest",
    }
    rows, page = queries.listing(
        consultation.id,
        section_id=article.id if article else None,
        kind=filters["kind"],
        status=filters["status"],
        organisation_id=filters["organisation"],
        region=filters["region"],
        domain=filters["domain"],
        sort=filters["sort"],
        page=page_number(args.get("page")),
    )
    mine = verified_organisations_of(current_user)
    return render_template(
        "recommendations/list.html",
        consultation=consultation,
        articles=articles,
        rows=rows,
        page=page,
        total=page.total,
        filters=filters,
        organisations=queries.organisations_in(consultation.id),
        drafts=queries.drafts_of([o.id for o in mine], consultation.id),
        can_recommend=bool(mine) and consultation.is_open,
    )


def _form_choices(form: RecommendationForm, consultation, organisations) -> list:
    language = select_language()
    form.organisation.choices = choices(
        (str(o.id), pick(o.name, language).text) for o in organisations
    )
    version = consultation_queries.draft_version(consultation.id)
    articles = [
        s for s in (consultation_queries.sections_of(version.id) if version else []) if s.is_article
    ]
    form.target.choices = choices(
        [("", _("The whole text"))]
        + [(s.slug, _("Article %(number)s", number=s.number)) for s in articles]
    )
    return articles


def _edit_page(consultation, recommendation: Recommendation | None):
    """The form, for a new recommendation or a draft; handles the three buttons."""
    now = clock.utcnow()
    organisations = verified_organisations_of(current_user)
    if recommendation is not None:
        organisations = [o for o in organisations if o.id == recommendation.organisation_id]
    if not organisations:
        raise DomainError(
            _l("Only representatives of a verified organisation can submit recommendations."),
            status_code=403,
        )
    form = RecommendationForm()
    articles = _form_choices(form, consultation, organisations)
    if request.method == "GET":
        if recommendation is not None:
            form.organisation.data = str(recommendation.organisation_id)
            form.target.data = next(
                (s.slug for s in articles if s.id == recommendation.section_id), ""
            )
            form.kind.data = recommendation.kind
            form.language.data = recommendation.language
            form.proposed_wording.data = recommendation.proposed_wording
            form.justification.data = recommendation.justification
        else:
            form.target.data = request.args.get("article", "")
            form.language.data = select_language()
    section = next((s for s in articles if s.slug == form.target.data), None)
    status = 200
    action = request.form.get("action", "")
    if request.method == "POST" and action == "prefill":
        if section is not None:
            form.proposed_wording.data = (section.body or {}).get(form.language.data, "")
    elif form.validate_on_submit() and action in ("draft", "submit"):
        organisation = next((o for o in organisations if str(o.id) == form.organisation.data), None)
        if organisation is None:
            abort(403)  # a representative of A can never act for B, whatever the form says
        upload: dict = {}
        try:
            upload = _read_upload(form)
            recommendation = services.save_recommendation(
                current_user,
                organisation,
                consultation,
                services.RecommendationFields(
                    section,
                    form.kind.data,
                    form.language.data,
                    form.proposed_wording.data or "",
                    form.justification.data or "",
                ),
                submit=action == "submit",
                now=now,
                recommendation=recommendation,
                **upload,
            )
        except DomainError as error:
            form.justification.errors = [*form.justification.errors, error.message]
            status = error.status_code
            if upload:  # stored before the refusal: not kept, and the browser cannot re-send it
                (_uploads() / upload["attachment_key"]).unlink(missing_ok=True)
                form.attachment.errors = [
                    _("Choose the file again: files are not kept after an error.")
                ]
        else:
            db.session.commit()
            flash_done(
                _("Your recommendation is submitted and public.")
                if action == "submit"
                else _("Your draft is saved. Only your organisation sees it.")
            )
            return redirect(url_for("recommendations.show", recommendation_id=recommendation.id))
    elif request.method == "POST":
        status = 400
    current = (section.body or {}).get(form.language.data, "") if section else ""
    return render_template(
        "recommendations/form.html",
        consultation=consultation,
        form=form,
        recommendation=recommendation,
        section=section,
        diff=word_diff(current, form.proposed_wording.data or "")
        if form.kind.data == "amend" and section is not None and form.proposed_wording.data
        else None,
    ), status


def _read_upload(form: RecommendationForm) -> dict:
    upload = form.attachment.data
    if not upload or not getattr(upload, "filename", ""):
        return {}
    data = upload.read(attachments.MAX_ATTACHMENT_BYTES + 1)
    try:
        key = attachments.store(_uploads(), data)
    except attachments.AttachmentError as error:
        form.attachment.errors = [
            ATTACHMENT_ERRORS[error.code],
            _("Choose the file again: files are not kept after an error."),
        ]
        raise DomainError(ATTACHMENT_ERRORS[error.code]) from None
    return {
        "attachment_key": key,
        "attachment_name": upload.filename[:200],
        "attachment_size": len(data),
    }


@bp.route("/consultations/<int:consultation_id>/recommendations/new", methods=["GET", "POST"])
@login_required
def new(consultation_id: int):
    return _edit_page(get_readable_consultation(consultation_id), None)


def _get(recommendation_id: int) -> Recommendation:
    recommendation = db.get_or_404(Recommendation, recommendation_id)
    get_readable_consultation(recommendation.consultation_id)
    if not permissions.can_view_recommendation(current_user, recommendation):
        abort(404)
    return recommendation


@bp.route("/recommendations/<int:recommendation_id>/edit", methods=["GET", "POST"])
@login_required
def edit(recommendation_id: int):
    recommendation = _get(recommendation_id)
    if not permissions.can_edit_recommendation(current_user, recommendation):
        abort(403)
    consultation = get_readable_consultation(recommendation.consultation_id)
    return _edit_page(consultation, recommendation)


@bp.get("/recommendations/<int:recommendation_id>")
def show(recommendation_id: int):
    recommendation = _get(recommendation_id)
    consultation = get_readable_consultation(recommendation.consultation_id)
    organisation = db.session.get(Organisation, recommendation.organisation_id)
    section = (
        db.session.get(consultation_queries.Section, recommendation.section_id)
        if recommendation.section_id
        else None
    )
    diff = None
    if recommendation.kind == "amend" and section is not None:
        current = (section.body or {}).get(recommendation.language) or pick(
            section.body, recommendation.language
        ).text
        diff = word_diff(current, recommendation.proposed_wording)
    cosign_form = CoSignForm()
    signable = [
        o
        for o in verified_organisations_of(current_user)
        if permissions.can_cosign_as(current_user, recommendation, o)
    ]
    cosigners = queries.cosigners(recommendation.id)
    signed_ids = {o.id for o in cosigners}
    signable = [o for o in signable if o.id not in signed_ids]
    language = select_language()
    cosign_form.organisation.choices = choices(
        (str(o.id), pick(o.name, language).text) for o in signable
    )
    from ..synthesis.responses import of_recommendation

    return render_template(
        "recommendations/show.html",
        recommendation=recommendation,
        response=of_recommendation(recommendation.id),
        consultation=consultation,
        organisation=organisation,
        section=section,
        diff=diff,
        cosigners=cosigners,
        cosign_form=cosign_form if signable and consultation.is_open else None,
        action_form=ActionForm(),
        has_supported=queries.has_supported(current_user, recommendation.id),
        can_edit=permissions.can_edit_recommendation(current_user, recommendation),
        can_withdraw=permissions.can_withdraw_recommendation(current_user, recommendation)
        and consultation.is_open,
        can_support=permissions.can_support(current_user, recommendation) and consultation.is_open,
    )


@bp.post("/recommendations/<int:recommendation_id>/<any(submit, withdraw, support):action>")
@login_required
def act(recommendation_id: int, action: str):
    recommendation = _get(recommendation_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    now = clock.utcnow()
    if action == "submit":
        services.submit(current_user, recommendation, now)
        message = _("Your recommendation is submitted and public.")
    elif action == "withdraw":
        services.withdraw(current_user, recommendation, now)
        message = _("The recommendation is withdrawn. It stays visible, marked as withdrawn.")
    else:
        services.support(current_user, recommendation, now)
        message = _("Your support is recorded.")
    db.session.commit()
    flash_done(message)
    return redirect(url_for("recommendations.show", recommendation_id=recommendation.id))


@bp.post("/recommendations/<int:recommendation_id>/cosign")
@login_required
def cosign(recommendation_id: int):
    recommendation = _get(recommendation_id)
    form = CoSignForm()
    if not form.validate_on_submit() or not (form.organisation.data or "").isdigit():
        abort(400)
    organisation = db.get_or_404(Organisation, int(form.organisation.data))
    services.cosign(current_user, recommendation, organisation, clock.utcnow())
    db.session.commit()
    flash_done(_("Your organisation co-signs this recommendation."))
    return redirect(url_for("recommendations.show", recommendation_id=recommendation.id))


@bp.get("/recommendations/<int:recommendation_id>/attachment")
def attachment(recommendation_id: int):
    recommendation = _get(recommendation_id)
    if not recommendation.attachment_key:
        abort(404)
    if recommendation.hidden_reason and not permissions.represents(
        current_user, recommendation.organisation_id
    ):
        abort(404)  # hidden by moderation: its memo is hidden too
    try:
        path = attachments.path_of(_uploads(), recommendation.attachment_key)
    except attachments.AttachmentError:
        abort(404)
    if not path.is_file():
        abort(404)
    response = send_file(
        path,
        mimetype="application/pdf",
        as_attachment=True,
        download_name=attachments.download_name(
            recommendation.attachment_name, f"recommendation-{recommendation.id}"
        ),
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
