"""The synthesis workspace: officials of the owning institution only, every change audited."""

from flask import abort, current_app, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from sqlalchemy import select

from .. import permissions
from ..accounts.models import UNDISCLOSED
from ..accounts.profile import ABROAD, REGIONS
from ..consultations.models import Consultation
from ..errors import DomainError
from ..extensions import db
from ..i18n import pick, select_language
from ..organisations.models import Organisation
from ..pagination import Page, page_number
from ..recommendations.models import Recommendation
from ..web import flash_done, flash_error, safe_next
from . import bp, curation, imports, queries, responses, runs
from .forms import AnswerForm, ImportForm, MergeForm, NamesForm
from .models import ACTIVE_STATUSES, ANSWERABLE, Response, RunGroup, SynthesisRun, Theme

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
MEMBERS_PER_PAGE = 30
GROUPS_PER_PAGE = 30
RECOMMENDATIONS_PER_PAGE = 30


@bp.url_defaults
def _add_consultation(endpoint, values):
    """Links between workspace pages stay in the consultation being worked on."""
    if "consultation_id" not in values and request.view_args:
        if "consultation_id" in request.view_args:
            values["consultation_id"] = request.view_args["consultation_id"]


@bp.before_request
@login_required
def managed_consultation_only():
    consultation = db.get_or_404(Consultation, request.view_args["consultation_id"])
    if not permissions.can_manage_consultation(current_user, consultation):
        abort(403)
    g.consultation = consultation


def _run_or_none() -> SynthesisRun | None:
    return runs.latest_done(g.consultation.id)


def _run_or_404() -> SynthesisRun:
    run = _run_or_none()
    if run is None:
        abort(404)
    return run


def _theme_or_404(theme_id: int) -> Theme:
    theme = db.get_or_404(Theme, theme_id)
    if theme.consultation_id != g.consultation.id:
        abort(404)
    return theme


def _back(endpoint: str, **values):
    return redirect(safe_next(request.form.get("next"), url_for(endpoint, **values)))


def _render(template: str, **context):
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
        theme_title=_theme_title,
        region_name=_region_name,
        **context,
    )


@bp.get("/")
def overview(consultation_id: int):
    latest = runs.latest(g.consultation.id)
    done = _run_or_none()
    summaries, unthemed = curation.summaries(done) if done else ([], 0)
    return _render(
        "synthesis/overview.html",
        latest=latest,
        run=done,
        active=latest is not None and latest.status in ACTIVE_STATUSES,
        stalled=latest is not None and runs.is_stalled(latest),
        can_start=g.consultation.phase in runs.SYNTHESIS_PHASES,
        summaries=summaries[:10],
        theme_count=len(summaries),
        unthemed=unthemed,
        batches=imports.batches(g.consultation.id),
    )


@bp.post("/runs")
def start_run(consultation_id: int):
    try:
        run = runs.create_run(current_user, g.consultation)
    except DomainError as error:
        flash_error(error.message)
        return redirect(url_for(".overview"))
    db.session.commit()
    try:
        runs.launch(run)
    except Exception:  # the run says it failed; the official sees why on the page
        current_app.logger.exception("synthesis run %s failed", run.id)
    flash_done(_("The synthesis has started. This page shows its progress."))
    return redirect(url_for(".overview"))


@bp.get("/themes")
def themes(consultation_id: int):
    run = _run_or_404()
    summaries, unthemed = curation.summaries(run)
    return _render(
        "synthesis/themes.html",
        run=run,
        summaries=summaries,
        unthemed=unthemed,
        article_themes=curation.article_themes(run),
    )


def _other_themes(run: SynthesisRun, theme: Theme | None):
    summaries, _ = curation.summaries(run)
    return [s.theme for s in summaries if theme is None or s.theme.id != theme.id]


@bp.get("/themes/<int:theme_id>")
def theme(consultation_id: int, theme_id: int):
    run = _run_or_404()
    theme = _theme_or_404(theme_id)
    live = curation.roots(g.consultation.id).get(theme.id)
    if live is None or live.id != theme.id:
        # Merged or deleted: its contributions are elsewhere now.
        if live is not None:
            return redirect(url_for(".theme", theme_id=live.id))
        abort(404)
    return _members_page(run, theme)


@bp.get("/unthemed")
def unthemed(consultation_id: int):
    return _members_page(_run_or_404(), None)


def _members_page(run: SynthesisRun, theme: Theme | None):
    page_no = page_number(request.args.get("page"))
    rows, total = curation.members(run, theme, page_no, MEMBERS_PER_PAGE)
    representatives = curation.representatives(run, theme) if theme else []
    views = queries.describe([ref for ref, _ in rows] + representatives)
    others = _other_themes(run, theme)
    summary = None
    if theme is not None:
        summary = next((s for s in curation.summaries(run)[0] if s.theme.id == theme.id), None)
    names = NamesForm(
        data={f"name_{lang}": (theme.name or {}).get(lang, "") for lang in curation.LANGS}
        if theme
        else None
    )
    merge = MergeForm()
    merge.into.choices = [(t.id, _theme_title(t)) for t in others]
    response = summary.response if summary else None
    answer = AnswerForm(
        data={
            "outcome": response.outcome.value,
            **{f"justification_{k}": v for k, v in response.justification.items()},
            "articles": ", ".join(response.articles or []),
        }
        if response
        else None
    )
    return _render(
        "synthesis/theme.html",
        run=run,
        theme=theme,
        summary=summary,
        members=[(ref, group, views.get(ref)) for ref, group in rows],
        representatives=representatives,
        views=views,
        page=Page(page_no, MEMBERS_PER_PAGE, total),
        others=others,
        names_form=names,
        merge_form=merge,
        answer_form=answer,
        split_form=NamesForm(prefix="split"),
    )


def _theme_title(theme: Theme) -> str:
    return pick(theme.name, select_language()).text if theme.name else theme.engine_label


def _region_name(code: str) -> str:
    if code == "unknown":
        return str(PARTICIPANT_TYPES["unknown"])
    if code == UNDISCLOSED:
        return _("Prefer not to say")
    return str(REGIONS.get(code) or (_("Moroccans abroad") if code == ABROAD else code))


def _edit(action, theme_id: int | None = None):
    """Apply an edit, commit, and say so; a refused edit says why."""
    try:
        action()
    except DomainError as error:
        db.session.rollback()
        flash_error(error.message)
    else:
        db.session.commit()
        flash_done(_("Saved."))


@bp.post("/themes/<int:theme_id>/rename")
def rename_theme(consultation_id: int, theme_id: int):
    theme = _theme_or_404(theme_id)
    form = NamesForm()
    if form.validate_on_submit():
        _edit(lambda: curation.rename(current_user, theme, form.names()))
    else:
        flash_error(_("Names are at most 200 characters."))
    return redirect(url_for(".theme", theme_id=theme.id))


@bp.post("/themes/<int:theme_id>/merge")
def merge_theme(consultation_id: int, theme_id: int):
    _run_or_404()
    theme = _theme_or_404(theme_id)
    into = db.session.get(Theme, request.form.get("into", type=int) or 0)
    if into is None or into.consultation_id != g.consultation.id:
        flash_error(_("Choose another theme of this consultation to merge with."))
        return redirect(url_for(".theme", theme_id=theme.id))
    _edit(lambda: curation.merge(current_user, theme, into))
    return redirect(url_for(".theme", theme_id=into.id))


@bp.post("/themes/<int:theme_id>/split")
def split_theme(consultation_id: int, theme_id: int):
    run = _run_or_404()
    theme = _theme_or_404(theme_id)
    form = NamesForm(prefix="split")
    refs = _refs_in(run, request.form.getlist("ref"))
    created = []

    def action():
        created.append(curation.split(current_user, theme, refs, form.names()))

    if form.validate_on_submit():
        _edit(action)
    else:
        flash_error(_("Names are at most 200 characters."))
    if created:
        return redirect(url_for(".theme", theme_id=created[0].id))
    return redirect(url_for(".theme", theme_id=theme.id))


@bp.post("/themes/<int:theme_id>/delete")
def delete_theme(consultation_id: int, theme_id: int):
    theme = _theme_or_404(theme_id)
    _edit(lambda: curation.delete(current_user, theme))
    return redirect(url_for(".themes"))


@bp.post("/move")
def move(consultation_id: int):
    run = _run_or_404()
    refs = _refs_in(run, [request.form.get("ref", "")])
    target = request.form.get("theme", "")
    theme = None
    if target not in ("", "none"):
        theme = db.session.get(Theme, int(target)) if target.isdigit() else None
        if theme is None or theme.consultation_id != g.consultation.id:
            abort(400)
    if not refs:
        abort(400)
    _edit(lambda: curation.move(current_user, g.consultation.id, refs[0], theme))
    return _back(".themes")


def _refs_in(run: SynthesisRun, refs: list[str]) -> list[str]:
    """Only refs of this run (a forged ref of another consultation is ignored)."""
    from .models import RunAssignment

    wanted = [ref for ref in refs if ref][:1000]
    if not wanted:
        return []
    found = set(
        db.session.scalars(
            select(RunAssignment.ref).where(
                RunAssignment.run_id == run.id, RunAssignment.ref.in_(wanted)
            )
        )
    )
    return [ref for ref in wanted if ref in found]


@bp.post("/themes/<int:theme_id>/answer")
def answer_theme(consultation_id: int, theme_id: int):
    theme = _theme_or_404(theme_id)
    form = AnswerForm()
    if form.validate_on_submit():
        _edit(
            lambda: responses.answer_theme(
                current_user, theme, form.outcome.data, form.texts(), form.article_numbers()
            )
        )
    else:
        flash_error(_("Choose an outcome and write a justification."))
    return redirect(url_for(".theme", theme_id=theme.id, _anchor="answer"))


@bp.get("/groups")
def groups(consultation_id: int):
    run = _run_or_404()
    page_no = page_number(request.args.get("page"))
    only_campaigns = request.args.get("show") == "campaigns"
    query = select(RunGroup).where(RunGroup.run_id == run.id)
    verdicts = curation.group_verdicts(run)
    all_groups = db.session.scalars(query.order_by(RunGroup.size.desc(), RunGroup.number)).all()
    shown = [
        group for group in all_groups if not only_campaigns or curation.is_campaign(group, verdicts)
    ]
    page = Page(page_no, GROUPS_PER_PAGE, len(shown))
    visible = shown[page.offset : page.offset + GROUPS_PER_PAGE]
    views = queries.describe([group.representative for group in visible])
    return _render(
        "synthesis/groups.html",
        run=run,
        groups=[
            (group, curation.is_campaign(group, verdicts), views.get(group.representative))
            for group in visible
        ],
        page=page,
        only_campaigns=only_campaigns,
        campaign_count=sum(1 for group in all_groups if curation.is_campaign(group, verdicts)),
        group_count=len(all_groups),
    )


@bp.post("/groups/<int:number>/campaign")
def mark_campaign(consultation_id: int, number: int):
    run = _run_or_404()
    group = db.session.scalar(
        select(RunGroup).where(RunGroup.run_id == run.id, RunGroup.number == number)
    )
    if group is None:
        abort(404)
    campaign = request.form.get("campaign") == "yes"
    _edit(lambda: curation.mark_campaign(current_user, run, group, campaign))
    return _back(".groups")


@bp.get("/opinions")
def opinions(consultation_id: int):
    run = _run_or_404()
    opinions = run.opinions or {}
    refs = [
        stat["ref"] for part in ("consensus", "divisive") for stat in opinions.get(part, [])
    ] + [stat["ref"] for group in opinions.get("groups", []) for stat in group["representative"]]
    return _render(
        "synthesis/opinions.html", run=run, opinions=opinions, views=queries.describe(refs)
    )


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
    from sqlalchemy import func

    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    page = Page(page_no, RECOMMENDATIONS_PER_PAGE, total)
    rows = db.session.execute(
        query.order_by(Recommendation.id).limit(page.per_page).offset(page.offset)
    ).all()
    return _render("synthesis/recommendations.html", rows=rows, page=page, waiting=waiting)


@bp.route("/recommendations/<int:recommendation_id>", methods=["GET", "POST"])
def answer_recommendation(consultation_id: int, recommendation_id: int):
    recommendation = db.get_or_404(Recommendation, recommendation_id)
    if recommendation.consultation_id != g.consultation.id:
        abort(404)
    response = responses.of_recommendation(recommendation.id)
    form = AnswerForm(
        data={
            "outcome": response.outcome.value,
            **{f"justification_{k}": v for k, v in response.justification.items()},
            "articles": ", ".join(response.articles or []),
        }
        if response and request.method == "GET"
        else None
    )
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
        _render(
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
        _render(
            "synthesis/import.html",
            form=form,
            problems=problems[: imports.MAX_ERRORS_SHOWN],
            more_problems=max(0, len(problems) - imports.MAX_ERRORS_SHOWN),
            batches=imports.batches(g.consultation.id),
            sender_types=imports.SENDER_TYPES,
        ),
        status,
    )
