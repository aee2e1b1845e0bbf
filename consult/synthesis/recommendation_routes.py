"""The workspace pages beside the analysis: answering recommendations, importing letters."""

from flask import abort, g, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select

from ..errors import DomainError
from ..extensions import db
from ..organisations.models import Organisation
from ..pagination import Page, page_number
from ..recommendations.models import Recommendation
from ..web import flash_done
from . import bp, imports, pages, responses
from .forms import AnswerForm, ImportForm, answer_data
from .models import ANSWERABLE, Response

RECOMMENDATIONS_PER_PAGE = 30


@bp.get("/recommendations")
def recommendations(consultation_id: int):
    page_no = page_number(request.args.get("page"))
    waiting = request.args.get("show") == "waiting"
    query = (
        select(Recommendation, Organisation, Response)
        .join(Organisation, Organisation.id == Recommendation.organisation_id)
        .outerjoin(Response, Response.recommendation_id == Recommendation.id)
        .where(
            Recommendation.consultation_id == g.consultation.id,
            Recommendation.status.in_(ANSWERABLE),
            Recommendation.hidden_reason.is_(None),
        )
    )
    if waiting:
        query = query.where(Response.id.is_(None))
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    page = Page(page_no, RECOMMENDATIONS_PER_PAGE, total)
    rows = db.session.execute(
        query.order_by(Recommendation.id).limit(page.per_page).offset(page.offset)
    ).all()
    return pages.render("synthesis/recommendations.html", rows=rows, page=page, waiting=waiting)


@bp.route("/recommendations/<int:recommendation_id>", methods=["GET", "POST"])
def answer_recommendation(consultation_id: int, recommendation_id: int):
    recommendation = db.get_or_404(Recommendation, recommendation_id)
    if recommendation.consultation_id != g.consultation.id:
        abort(404)
    response = responses.of_recommendation(recommendation.id)
    form = AnswerForm(data=answer_data(response) if request.method == "GET" else None)
    status = 200
    if form.validate_on_submit():
        try:
            responses.answer_recommendation(
                current_user,
                recommendation,
                form.outcome.data,
                form.texts(),
                form.article_numbers(),
            )
        except DomainError as error:
            db.session.rollback()
            form.justification_ar.errors = [*form.justification_ar.errors, error.message]
            status = 400
        else:
            db.session.commit()
            flash_done(_("Your answer is saved and shown with the recommendation."))
            return redirect(url_for(".recommendations", show=request.args.get("show")))
    elif request.method == "POST":
        status = 400
    organisation = db.session.get(Organisation, recommendation.organisation_id)
    return (
        pages.render(
            "synthesis/answer.html",
            recommendation=recommendation,
            organisation=organisation,
            form=form,
        ),
        status,
    )


@bp.route("/import", methods=["GET", "POST"])
def import_contributions(consultation_id: int):
    form = ImportForm()
    problems: list = []
    status = 200
    if form.validate_on_submit():
        upload = form.file.data
        if not upload or not upload.filename:
            form.file.errors = [*form.file.errors, _("Choose a file.")]
            status = 400
        else:
            try:
                count = imports.import_file(
                    current_user, g.consultation, upload.read(), upload.filename
                )
            except imports.ImportRefused as refused:
                db.session.rollback()
                problems = refused.errors
                form.file.errors = [*form.file.errors, _("Nothing was imported: correct the file.")]
                status = 400
            else:
                db.session.commit()
                flash_done(
                    _(
                        "%(count)s contributions imported. Start a new synthesis to include them.",
                        count=count,
                    )
                )
                return redirect(url_for(".import_contributions"))
    elif request.method == "POST":
        status = 400
    return (
        pages.render(
            "synthesis/import.html",
            form=form,
            problems=problems[: imports.MAX_ERRORS_SHOWN],
            more_problems=max(0, len(problems) - imports.MAX_ERRORS_SHOWN),
            batches=imports.batches(g.consultation.id),
            sender_types=imports.SENDER_TYPES,
        ),
        status,
    )
