"""Models as the API's JSON: what the public pages show, with people named by pseudonyms.

No e-mail address, profile field or account id leaves through here. A comment's author is a
pseudonym (stable within a consultation) and the display name the site prints beside it; a
hidden or withdrawn comment keeps its place but loses its text and author, as on the site.
"""

from datetime import datetime

from flask import url_for
from sqlalchemy import select

from ..comments.models import Comment, CommentStatus
from ..consultations.models import Consultation, Section
from ..extensions import db
from ..institutions.models import Institution
from ..opendata.pseudonyms import pseudonym
from ..organisations.models import Organisation
from ..recommendations.models import CoSignature, Recommendation
from ..synthesis.models import Response


def when(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def texts(values: dict | None) -> dict:
    """A multilingual field: only the languages that have text."""
    return {lang: text for lang, text in (values or {}).items() if text}


def institution(item: Institution) -> dict:
    return {"id": item.id, "slug": item.slug, "name": texts(item.name)}


def consultation(item: Consultation) -> dict:
    return {
        "id": item.id,
        "title": texts(item.title),
        "summary": texts(item.summary),
        "institution": institution(item.institution),
        "kind": item.kind,
        "scope": item.scope,
        "scope_area": item.scope_area,
        "audience": item.audience,
        "themes": item.theme_slugs,
        "phase": item.phase.value,
        "opens_at": when(item.opens_at),
        "closes_at": when(item.closes_at),
        "counts": {
            "participants": item.participant_count,
            "comments": item.comment_count,
            "votes": item.vote_count,
            "recommendations": item.recommendation_count,
        },
        "links": {
            "self": url_for("api.consultation", consultation_id=item.id),
            "articles": url_for("api.articles", consultation_id=item.id),
            "contributions": url_for("api.contributions", consultation_id=item.id),
            "recommendations": url_for("api.recommendations", consultation_id=item.id),
            "outcomes": url_for("api.outcomes", consultation_id=item.id),
            "page": url_for("consultations.show", consultation_id=item.id),
        },
    }


def article(item: Section, consultation_id: int) -> dict:
    return {
        "id": item.id,
        "number": item.number,
        "slug": item.slug,
        "position": item.position,
        "heading": texts(item.heading),
        "body": texts(item.body),
        "counts": {
            "comments": item.comment_count,
            "participants": item.participant_count,
            "votes": item.vote_count,
            "recommendations": item.recommendation_count,
        },
        "page": url_for("consultations.article", consultation_id=consultation_id, slug=item.slug),
    }


def comment(item: Comment, article_number: str | None, display_name: str, deleted: bool) -> dict:
    shown = item.status == CommentStatus.VISIBLE
    hidden = item.status == CommentStatus.HIDDEN
    return {
        "type": "comment" if item.depth == 0 else "reply",
        "id": item.id,
        "article": article_number,
        "parent_id": item.parent_id,
        "created_at": when(item.created_at),
        "status": item.status.value,
        "hidden_reason": item.hidden_reason if hidden else None,
        "hidden_note": item.hidden_note if hidden else None,
        "author": {
            "pseudonym": pseudonym(item.consultation_id, item.author_id, deleted),
            "display_name": (display_name or None) if not deleted else None,
        }
        if shown
        else None,
        "edited_at": when(item.edited_at) if shown else None,
        "lang": item.lang if shown else None,
        "stance": item.stance if shown else None,
        "body_html": item.body_html if shown else None,
        "votes": {
            "agree": item.agree_count,
            "disagree": item.disagree_count,
            "pass": item.pass_count,
        }
        if shown
        else None,
        "reply_count": item.reply_count,
    }


def organisation(item_id: int, name: dict, kind: str) -> dict:
    return {"id": item_id, "name": texts(name), "kind": kind}


def response(item: Response | None) -> dict | None:
    if item is None:
        return None
    return {
        "outcome": item.outcome.value,
        "justification": texts(item.justification),
        "articles": list(item.articles or []),
        "answered_at": when(item.updated_at),
    }


def recommendations(rows) -> list[dict]:
    """Rows of (Recommendation, Organisation, article number) as JSON, in two more queries."""
    ids = [r.id for r, _o, _n in rows]
    cosigners: dict[int, list[dict]] = {}
    answers: dict[int, Response] = {}
    if ids:
        for recommendation_id, org in db.session.execute(
            select(CoSignature.recommendation_id, Organisation)
            .join(Organisation, Organisation.id == CoSignature.organisation_id)
            .where(CoSignature.recommendation_id.in_(ids))
            .order_by(CoSignature.signed_at, CoSignature.id)
        ):
            cosigners.setdefault(recommendation_id, []).append(
                organisation(org.id, org.name, org.kind)
            )
        answers = {
            a.recommendation_id: a
            for a in db.session.scalars(select(Response).where(Response.recommendation_id.in_(ids)))
        }
    return [
        _recommendation(r, o, number, cosigners.get(r.id, []), answers.get(r.id))
        for r, o, number in rows
    ]


def _recommendation(
    item: Recommendation, org: Organisation, number, cosigners: list, answer
) -> dict:
    hidden = item.hidden_reason is not None
    return {
        "type": "recommendation",
        "id": item.id,
        "consultation_id": item.consultation_id,
        "article": number,
        "kind": item.kind,
        "status": item.status.value,
        "created_at": when(item.submitted_at or item.created_at),
        "withdrawn_at": when(item.withdrawn_at),
        "hidden_reason": item.hidden_reason,
        "hidden_note": item.hidden_note if hidden else None,
        "organisation": organisation(org.id, org.name, org.kind),
        "language": item.language,
        "proposed_wording": None if hidden else item.proposed_wording,
        "justification": None if hidden else item.justification,
        "attachment": url_for("recommendations.attachment", recommendation_id=item.id)
        if item.attachment_key and not hidden
        else None,
        "cosignatories": cosigners,
        "cosignature_count": item.cosignature_count,
        "support_count": item.support_count,
        "response": response(answer),
        "page": url_for("recommendations.show", recommendation_id=item.id),
    }
