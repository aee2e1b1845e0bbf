"""Public pages: the list of consultations, a consultation, an article and its comments."""

from flask import abort, current_app, render_template, request
from flask_login import current_user

from .. import clock, permissions
from ..comments.forms import STANCE_CHOICES, CommentForm
from ..comments.queries import thread_page
from ..extensions import db
from ..pagination import Page, page_number
from . import bp, queries
from .models import Consultation, Phase, Section
from .themes import THEMES


@bp.get("/")
def index():
    tab = request.args.get("tab", "open")
    if tab not in queries.LIST_TABS:
        tab = "open"
    institution = request.args.get("institution") or None
    theme = request.args.get("theme") or None
    if theme not in THEMES:
        theme = None
    pagination = queries.consultation_list(
        tab=tab,
        institution=institution,
        theme=theme,
        page=page_number(request.args.get("page")),
        per_page=current_app.config["CONSULTATIONS_PER_PAGE"],
    )
    return render_template(
        "consultations/index.html",
        tab=tab,
        items=pagination.items,
        page=Page(pagination.page, pagination.per_page, pagination.total or 0),
        counts=queries.tab_counts(),
        institutions=queries.institutions_with_consultations(),
        themes=THEMES,
        selected_institution=institution,
        selected_theme=theme,
    )


def get_readable_consultation(consultation_id: int) -> Consultation:
    consultation = db.get_or_404(Consultation, consultation_id)
    if not permissions.can_read_consultation(current_user, consultation):
        abort(404)
    return consultation


def get_managed_consultation(consultation_id: int) -> Consultation:
    """The consultation, for an official of the institution that owns it (else 403)."""
    consultation = db.get_or_404(Consultation, consultation_id)
    if not permissions.can_manage_consultation(current_user, consultation):
        abort(403)
    return consultation


@bp.get("/consultations/<int:consultation_id>")
def show(consultation_id: int):
    consultation = get_readable_consultation(consultation_id)
    return render_consultation_page(consultation)


def render_consultation_page(
    consultation: Consultation, form: CommentForm | None = None, status=200
):
    version = queries.draft_version(consultation.id)
    sections = queries.sections_of(version.id) if version else []
    threads = _threads(consultation, None, consultation.general_thread_count)
    context = _contribution_context(consultation, form)
    context["thread_ctx"]["my_votes"] = threads.my_votes
    return (
        render_template(
            "consultations/show.html",
            consultation=consultation,
            version=version,
            sections=sections,
            article_count=sum(1 for s in sections if s.is_article),
            threads=threads,
            **context,
        ),
        status,
    )


@bp.get("/consultations/<int:consultation_id>/articles/<slug>")
def article(consultation_id: int, slug: str):
    consultation = get_readable_consultation(consultation_id)
    version = queries.draft_version(consultation.id)
    sections = queries.sections_of(version.id) if version else []
    section = next((s for s in sections if s.slug == slug and s.is_article), None)
    if section is None:
        abort(404)
    return render_article_page(consultation, section, sections=sections)


def render_article_page(
    consultation: Consultation,
    section: Section,
    form: CommentForm | None = None,
    status=200,
    sections: list[Section] | None = None,
):
    if sections is None:
        sections = queries.sections_of(section.version_id)
    articles = [s for s in sections if s.is_article]
    index = next(i for i, s in enumerate(articles) if s.id == section.id)
    threads = _threads(consultation, section.id, section.thread_count)
    context = _contribution_context(consultation, form)
    context["thread_ctx"]["my_votes"] = threads.my_votes
    chapter = None
    for s in sections:
        if s.position > section.position:
            break
        if not s.is_article:
            chapter = s
    return (
        render_template(
            "consultations/article.html",
            consultation=consultation,
            section=section,
            chapter=chapter,
            sections=sections,
            previous_article=articles[index - 1] if index > 0 else None,
            next_article=articles[index + 1] if index + 1 < len(articles) else None,
            threads=threads,
            **context,
        ),
        status,
    )


def _threads(consultation: Consultation, section_id: int | None, total: int):
    return thread_page(
        consultation_id=consultation.id,
        section_id=section_id,
        total_threads=total,
        sort=request.args.get("sort", "newest"),
        page_number=page_number(request.args.get("page")),
        per_page=current_app.config["COMMENTS_PER_PAGE"],
        reader_id=current_user.id if current_user.is_authenticated else None,
    )


def _contribution_context(consultation: Consultation, form: CommentForm | None) -> dict:
    now = clock.utcnow()
    refusal = permissions.why_cannot_contribute(current_user, consultation, now)
    can_contribute = refusal is None
    # Imported here: the organisations package imports this module's readers.
    from ..organisations.queries import verified_organisations_of

    can_recommend = consultation.phase_at(now) == Phase.OPEN and bool(
        verified_organisations_of(current_user)
    )
    return {
        "can_recommend": can_recommend,
        # The form is only shown to those who may contribute; readers do not pay for it.
        "comment_form": form or (CommentForm() if can_contribute else None),
        "can_contribute": can_contribute,
        "refusal": refusal,
        "thread_ctx": {
            "can_contribute": can_contribute,
            "permissions": permissions,
            "now": now,
            "here": request.full_path.rstrip("?"),
            "stance_names": dict(STANCE_CHOICES),
            "my_votes": {},
        },
    }
