"""Posting, replying, editing, withdrawing and voting: thin routes over comments.services."""

from flask import abort, jsonify, redirect, render_template, request, url_for
from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_login import current_user, login_required

from .. import clock, permissions, ratelimits
from ..consultations import queries as consultation_queries
from ..consultations.models import Consultation, Section
from ..consultations.routes import (
    get_readable_consultation,
    render_article_page,
    render_consultation_page,
)
from ..errors import DomainError
from ..extensions import db
from ..web import flash_done, flash_error, safe_next
from . import bp, services
from .forms import CommentForm, EditCommentForm, VoteForm, WithdrawForm
from .models import Comment


def _place_url(comment: Comment, section: Section | None = None) -> str:
    """The page where a comment is shown, pointing at it. Built before the commit, which
    would expire the comment and cost a query to read it again."""
    fragment = f"comment-{comment.id}"
    if comment.section_id is None:
        return url_for(
            "consultations.show", consultation_id=comment.consultation_id, _anchor=fragment
        )
    if section is None or section.id != comment.section_id:
        section = db.session.get(Section, comment.section_id)
    return url_for(
        "consultations.article",
        consultation_id=comment.consultation_id,
        slug=section.slug,
        _anchor=fragment,
    )


@bp.post("/consultations/<int:consultation_id>/comments")
@login_required
@ratelimits.limit_posting
def post_comment(consultation_id: int):
    consultation = get_readable_consultation(consultation_id, with_themes=False)
    section = None
    section_slug = request.form.get("section")
    if section_slug:
        section = consultation_queries.draft_article(consultation.id, section_slug)
        if section is None:
            abort(404)

    form = CommentForm()

    def show_again(status: int):
        if section is not None:
            return render_article_page(consultation, section, form=form, status=status)
        return render_consultation_page(consultation, form=form, status=status)

    if not form.validate_on_submit():
        return show_again(400)
    try:
        comment = services.post_comment(
            current_user,
            consultation,
            form.body.data,
            stance=form.stance.data or None,
            section=section,
            now=clock.utcnow(),
        )
    except DomainError as error:
        form.body.errors = [*form.body.errors, error.message]
        return show_again(error.status_code)
    place = _place_url(comment, section)
    db.session.commit()
    flash_done(_("Your comment is published."))
    return redirect(place)


def _get_comment(comment_id: int) -> tuple[Comment, Consultation]:
    """The comment and its consultation, if the reader may see them. The caller keeps the
    consultation: the session holds it weakly, and services read it again."""
    comment = db.get_or_404(Comment, comment_id)
    return comment, get_readable_consultation(comment.consultation_id, with_themes=False)


@bp.route("/comments/<int:comment_id>/reply", methods=["GET", "POST"])
@login_required
@ratelimits.limit_posting
def reply(comment_id: int):
    parent, consultation = _get_comment(comment_id)
    form = CommentForm()
    refusal = permissions.why_cannot_contribute(current_user, consultation, clock.utcnow())
    status = 200
    if form.validate_on_submit():
        section = db.session.get(Section, parent.section_id) if parent.section_id else None
        try:
            comment = services.post_comment(
                current_user,
                consultation,
                form.body.data,
                stance=form.stance.data or None,
                section=section,
                parent=parent,
                now=clock.utcnow(),
            )
        except DomainError as error:
            form.body.errors = [*form.body.errors, error.message]
            status = error.status_code
        else:
            place = _place_url(comment, section)
            db.session.commit()
            flash_done(_("Your reply is published."))
            return redirect(place)
    elif request.method == "POST":
        status = 400
    return render_template(
        "comments/reply.html",
        parent=parent,
        consultation=consultation,
        form=form,
        refusal=refusal,
        back_url=_place_url(parent),
        can_reply=permissions.can_reply_to(parent),
    ), status


@bp.route("/comments/<int:comment_id>/edit", methods=["GET", "POST"])
@login_required
def edit(comment_id: int):
    comment, _consultation = _get_comment(comment_id)
    now = clock.utcnow()
    if not permissions.is_author(current_user, comment):
        abort(403)
    form = EditCommentForm(body=comment.body_source)
    status = 200
    if not permissions.can_edit_comment(current_user, comment, now):
        flash_error(_("A comment can only be edited by its author in the first 15 minutes."))
        return redirect(_place_url(comment))
    if form.validate_on_submit():
        try:
            services.edit_comment(current_user, comment, form.body.data, now=now)
        except DomainError as error:
            form.body.errors = [*form.body.errors, error.message]
            status = error.status_code
        else:
            db.session.commit()
            flash_done(_("Your comment is updated."))
            return redirect(_place_url(comment))
    elif request.method == "POST":
        status = 400
    return render_template(
        "comments/edit.html", comment=comment, form=form, back_url=_place_url(comment)
    ), status


@bp.post("/comments/<int:comment_id>/withdraw")
@login_required
def withdraw(comment_id: int):
    comment, _consultation = _get_comment(comment_id)
    form = WithdrawForm()
    if not form.validate_on_submit():
        abort(400)
    services.withdraw_comment(current_user, comment, now=clock.utcnow())
    db.session.commit()
    flash_done(_("Your comment is withdrawn. Replies to it stay in the thread."))
    return redirect(safe_next(form.next.data, _place_url(comment)))


@bp.post("/comments/<int:comment_id>/vote")
@login_required
@ratelimits.voting
def vote(comment_id: int):
    comment, _consultation = _get_comment(comment_id)
    form = VoteForm()
    if not form.validate_on_submit():
        abort(400)
    # A refused vote raises a DomainError: the error page explains it with a 4xx.
    vote = services.cast_vote(
        current_user, comment, request.form.get("value", ""), now=clock.utcnow()
    )
    wants_json = request.accept_mimetypes.best == "application/json"
    back = None if wants_json else (safe_next(form.next.data, "") or _place_url(comment))
    db.session.commit()
    if wants_json:
        db.session.refresh(comment)
        counts = {v: getattr(comment, f"{v}_count") for v in ("agree", "disagree", "pass")}
        return jsonify(
            value=vote.value.value,
            counts=counts,
            counts_display={k: format_decimal(v) for k, v in counts.items()},
            message=_("Your vote is recorded."),
        )
    flash_done(_("Your vote is recorded."))
    return redirect(back, code=303)
