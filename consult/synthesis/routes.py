"""The synthesis workspace: the analysis, its themes and their edits, groups, opinions."""

from flask import abort, current_app, g, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ..errors import DomainError
from ..extensions import db
from ..pagination import Page, page_number
from ..web import flash_done, flash_error
from . import bp, curation, imports, pages, queries, responses, runs
from .forms import AnswerForm, MergeForm, NamesForm, answer_data
from .models import ACTIVE_STATUSES, RunAssignment, RunGroup, SynthesisRun, Theme

MEMBERS_PER_PAGE = 30
GROUPS_PER_PAGE = 30


@bp.get("/")
def overview(consultation_id: int):
    latest = runs.latest(g.consultation.id)
    done = pages.run_or_none()
    summaries, unthemed = curation.summaries(done) if done else ([], 0)
    return pages.render(
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
    run = pages.run_or_404()
    summaries, unthemed = curation.summaries(run)
    return pages.render(
        "synthesis/themes.html",
        run=run,
        summaries=summaries,
        unthemed=unthemed,
        article_themes=curation.article_themes(run),
    )


@bp.get("/themes/<int:theme_id>")
def theme(consultation_id: int, theme_id: int):
    run = pages.run_or_404()
    theme = pages.theme_or_404(theme_id)
    live = curation.roots(g.consultation.id).get(theme.id)
    if live is None or live.id != theme.id:
        # Merged or deleted: its contributions are elsewhere now.
        if live is not None:
            return redirect(url_for(".theme", theme_id=live.id))
        abort(404)
    return _members_page(run, theme)


@bp.get("/unthemed")
def unthemed(consultation_id: int):
    return _members_page(pages.run_or_404(), None)


def _members_page(run: SynthesisRun, theme: Theme | None):
    page_no = page_number(request.args.get("page"))
    rows, total = curation.members(run, theme, page_no, MEMBERS_PER_PAGE)
    representatives = curation.representatives(run, theme) if theme else []
    views = queries.describe([ref for ref, _ in rows] + representatives)
    summaries, _ = curation.summaries(run)
    others = [s.theme for s in summaries if theme is None or s.theme.id != theme.id]
    summary = next((s for s in summaries if theme and s.theme.id == theme.id), None)
    names = NamesForm(
        data={f"name_{lang}": (theme.name or {}).get(lang, "") for lang in curation.LANGS}
        if theme
        else None
    )
    merge = MergeForm()
    merge.into.choices = [(t.id, pages.theme_title(t)) for t in others]
    response = summary.response if summary else None
    answer = AnswerForm(data=answer_data(response))
    return pages.render(
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


@bp.post("/themes/<int:theme_id>/rename")
def rename_theme(consultation_id: int, theme_id: int):
    theme = pages.theme_or_404(theme_id)
    form = NamesForm()
    if form.validate_on_submit():
        pages.edit(lambda: curation.rename(current_user, theme, form.names()))
    else:
        flash_error(_("Names are at most 200 characters."))
    return redirect(url_for(".theme", theme_id=theme.id))


@bp.post("/themes/<int:theme_id>/merge")
def merge_theme(consultation_id: int, theme_id: int):
    pages.run_or_404()
    theme = pages.theme_or_404(theme_id)
    into = db.session.get(Theme, request.form.get("into", type=int) or 0)
    if into is None or into.consultation_id != g.consultation.id:
        flash_error(_("Choose another theme of this consultation to merge with."))
        return redirect(url_for(".theme", theme_id=theme.id))
    pages.edit(lambda: curation.merge(current_user, theme, into))
    return redirect(url_for(".theme", theme_id=into.id))


@bp.post("/themes/<int:theme_id>/split")
def split_theme(consultation_id: int, theme_id: int):
    run = pages.run_or_404()
    theme = pages.theme_or_404(theme_id)
    form = NamesForm(prefix="split")
    refs = _refs_in(run, request.form.getlist("ref"))
    created = []

    def action():
        created.append(curation.split(current_user, theme, refs, form.names()))

    if form.validate_on_submit():
        pages.edit(action)
    else:
        flash_error(_("Names are at most 200 characters."))
    if created:
        return redirect(url_for(".theme", theme_id=created[0].id))
    return redirect(url_for(".theme", theme_id=theme.id))


@bp.post("/themes/<int:theme_id>/delete")
def delete_theme(consultation_id: int, theme_id: int):
    theme = pages.theme_or_404(theme_id)
    pages.edit(lambda: curation.delete(current_user, theme))
    return redirect(url_for(".themes"))


@bp.post("/move")
def move(consultation_id: int):
    run = pages.run_or_404()
    refs = _refs_in(run, [request.form.get("ref", "")])
    target = request.form.get("theme", "")
    theme = None
    if target not in ("", "none"):
        theme = db.session.get(Theme, int(target)) if target.isdigit() else None
        if theme is None or theme.consultation_id != g.consultation.id:
            abort(400)
    if not refs:
        abort(400)
    pages.edit(lambda: curation.move(current_user, g.consultation.id, refs[0], theme))
    return pages.back(".themes")


def _refs_in(run: SynthesisRun, refs: list[str]) -> list[str]:
    """Only refs of this run (a forged ref of another consultation is ignored)."""
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
    theme = pages.theme_or_404(theme_id)
    form = AnswerForm()
    if form.validate_on_submit():
        pages.edit(
            lambda: responses.answer_theme(
                current_user, theme, form.outcome.data, form.texts(), form.article_numbers()
            )
        )
    else:
        flash_error(_("Choose an outcome and write a justification."))
    return redirect(url_for(".theme", theme_id=theme.id, _anchor="answer"))


@bp.get("/groups")
def groups(consultation_id: int):
    run = pages.run_or_404()
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
    return pages.render(
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
    run = pages.run_or_404()
    group = db.session.scalar(
        select(RunGroup).where(RunGroup.run_id == run.id, RunGroup.number == number)
    )
    if group is None:
        abort(404)
    campaign = request.form.get("campaign") == "yes"
    pages.edit(lambda: curation.mark_campaign(current_user, run, group, campaign))
    return pages.back(".groups")


@bp.get("/opinions")
def opinions(consultation_id: int):
    run = pages.run_or_404()
    opinions = run.opinions or {}
    refs = [
        stat["ref"] for part in ("consensus", "divisive") for stat in opinions.get(part, [])
    ] + [stat["ref"] for group in opinions.get("groups", []) for stat in group["representative"]]
    return pages.render(
        "synthesis/opinions.html", run=run, opinions=opinions, views=queries.describe(refs)
    )
