"""What a page of search results shows: each hit with its consultation, article and extract."""

from dataclasses import dataclass

from flask import url_for
from markupsafe import Markup
from sqlalchemy import select

from ..comments.models import Comment, CommentStatus
from ..consultations.models import Consultation, Section, Status
from ..extensions import db
from ..i18n import Localised, pick
from ..recommendations.models import Recommendation, RecommendationStatus
from .documents import DocumentKey
from .snippets import snippet


@dataclass(frozen=True)
class Hit:
    kind: str
    language: str | None  # of the matched text; None when mixed
    title: Localised  # the consultation
    article_number: str | None  # when the hit is an article or about one
    heading: Localised | None  # the article's heading
    extract: Markup
    url: str


def hits(keys: list[DocumentKey], terms: list[str], reader_language: str) -> list[Hit]:
    """The hits in `keys` order; objects that vanished since the search are skipped."""
    ids: dict[str, set[int]] = {}
    for key in keys:
        ids.setdefault(key.kind, set()).add(key.object_id)
    comments = _by_id(Comment, ids.get("comment"))
    recommendations = _by_id(Recommendation, ids.get("recommendation"))
    section_ids = set(ids.get("article", ()))
    section_ids |= {c.section_id for c in comments.values() if c.section_id}
    section_ids |= {r.section_id for r in recommendations.values() if r.section_id}
    sections = _by_id(Section, section_ids)
    consultation_ids = set(ids.get("consultation", ()))
    for group in (comments, recommendations, sections):
        consultation_ids |= {item.consultation_id for item in group.values()}
    consultations = _by_id(Consultation, consultation_ids)

    found = []
    for key in keys:
        language = None if key.language == "und" else key.language
        if key.kind == "consultation":
            item = consultations.get(key.object_id)
            section = None
            text = (item.summary or {}).get(key.language, "") if item else ""
            url = item and url_for("consultations.show", consultation_id=item.id)
        elif key.kind == "article":
            item = sections.get(key.object_id)
            section = item
            text = (item.body or {}).get(key.language, "") if item else ""
            url = item and url_for(
                "consultations.article", consultation_id=item.consultation_id, slug=item.slug
            )
        elif key.kind == "comment":
            item = comments.get(key.object_id)
            section = item and sections.get(item.section_id)
            text = Markup(item.body_html).striptags() if item else ""
            url = item and _place(item.consultation_id, section, f"comment-{item.id}")
        else:
            item = recommendations.get(key.object_id)
            section = item and sections.get(item.section_id)
            text = f"{item.proposed_wording} {item.justification}" if item else ""
            url = item and url_for("recommendations.show", recommendation_id=item.id)
        consultation_id = (
            key.object_id if key.kind == "consultation" else getattr(item, "consultation_id", None)
        )
        consultation = consultations.get(consultation_id)
        if item is None or consultation is None or not _still_public(item, consultation):
            continue
        found.append(
            Hit(
                kind=key.kind,
                language=language,
                title=pick(consultation.title, language or reader_language),
                article_number=section.number if section else None,
                heading=pick(section.heading, language or reader_language) if section else None,
                extract=snippet(text, terms),
                url=url,
            )
        )
    return found


def _still_public(item, consultation) -> bool:
    """The index said so a moment ago; a moderator may have acted since (read committed)."""
    if consultation.status == Status.DRAFT:
        return False
    if isinstance(item, Comment):
        return item.status == CommentStatus.VISIBLE
    if isinstance(item, Recommendation):
        return (
            item.is_public
            and item.status != RecommendationStatus.WITHDRAWN
            and item.hidden_reason is None
        )
    return True


def _by_id(model, ids) -> dict:
    if not ids:
        return {}
    return {item.id: item for item in db.session.scalars(select(model).where(model.id.in_(ids)))}


def _place(consultation_id: int, section, anchor: str) -> str:
    if section is None:
        return url_for("consultations.show", consultation_id=consultation_id, _anchor=anchor)
    return url_for(
        "consultations.article", consultation_id=consultation_id, slug=section.slug, _anchor=anchor
    )
