"""Public pages: the list of consultations, a consultation, an article and its comments."""

from flask import abort, current_app, render_template, request
from flask_login import current_user
from sqlalchemy.orm import lazyload

from .. import clock, fragments, permissions
from ..comments.forms import STANCE_CHOICES, CommentForm
from ..comments.queries import SORTS, thread_page
from ..extensions import db
from ..i18n import select_language
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


def get_readable_consultation(consultation_id: int, *, with_themes: bool = True) -> Consultation:
    """The consultation if this reader may see it (else 404). Its themes are shown on its own
    page only: the busiest routes (an article, a comment, a vote) leave them out."""
    options = None if with_themes else [lazyload(Consultation.themes)]
    consultation = db.get_or_404(Consultation, consultation_id, options=options)
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
    # The first article's text tells whether the draft exists in the reader's language.
    first_article = queries.first_article(version.id) if version else None
    sections = queries.table_of_contents(version.id) if version else []
    threads = _threads(
        consultation,
        None,
        consultation.general_thread_count,
        consultation.general_comments_revision,
    )
    context = _contribution_context(consultation, form)
    if threads["threads"]:
        context["thread_ctx"]["my_votes"] = threads["threads"].my_votes
    return (
        render_template(
            "consultations/show.html",
            consultation=consultation,
            version=version,
            sections=sections,
            first_article=first_article,
            article_count=sum(1 for s in sections if s.is_article),
            toc_key=toc_key(sections, None),
            **threads,
            **context,
        ),
        status,
    )


@bp.get("/consultations/<int:consultation_id>/articles/<slug>")
def article(consultation_id: int, slug: str):
    found = queries.consultation_and_draft_article(consultation_id, slug)
    if found is None or not permissions.can_read_consultation(current_user, found[0]):
        abort(404)
    return render_article_page(*found)


def render_article_page(
    consultation: Consultation,
    section: Section,
    form: CommentForm | None = None,
    status=200,
):
    sections = queries.table_of_contents(section.version_id)
    articles = [s for s in sections if s.is_article]
    index = next(i for i, s in enumerate(articles) if s.id == section.id)
    threads = _threads(consultation, section.id, section.thread_count, section.comments_revision)
    context = _contribution_context(consultation, form)
    if threads["threads"]:
        context["thread_ctx"]["my_votes"] = threads["threads"].my_votes
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
            toc_key=toc_key(sections, section),
            **threads,
            **context,
        ),
        status,
    )


def toc_key(sections: list[queries.SectionHead], current: Section | None) -> tuple:
    """What the table of contents shows: each section's place, number, heading and count."""
    shown = tuple(
        (s.id, s.kind, s.number, s.slug, s.comment_count, tuple(sorted((s.heading or {}).items())))
        for s in sections
    )
    return current.id if current else None, hash(shown)


def _threads(consultation: Consultation, section_id: int | None, total: int, revision: int) -> dict:
    """The page of threads for the template: `threads` (a ThreadPage), or for a reader with
    nothing personal on it (not signed in), `threads_html` when it is cached, with the key to
    cache it under otherwise. The key holds the revision of the place, which every change to
    its comments increments in the same transaction (comments.services.mark_place_changed),
    and it is read before the comments: a cached page is never older than its key."""
    sort = request.args.get("sort", "newest")
    sort = sort if sort in SORTS else "newest"
    per_page = current_app.config["COMMENTS_PER_PAGE"]
    number = min(page_number(request.args.get("page")), Page(1, per_page, total).pages)
    key = None
    if not current_user.is_authenticated:
        key = ("threads", consultation.id, section_id, sort, number, total, select_language())
        key += (consultation.phase.value, revision)
        html = fragments.cached(key)
        if html is not None:
            return {"threads": None, "threads_html": html, "threads_key": key}
    threads = thread_page(
        consultation_id=consultation.id,
        section_id=section_id,
        total_threads=total,
        sort=sort,
        page_number=number,
        per_page=per_page,
        reader_id=current_user.id if current_user.is_authenticated else None,
    )
    return {"threads": threads, "threads_html": None, "threads_key": key}


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
            "user": current_user,
            "signed_in": current_user.is_authenticated,
            "language": select_language(),
            "stance_names": dict(STANCE_CHOICES),
            "my_votes": {},
        },
    }
