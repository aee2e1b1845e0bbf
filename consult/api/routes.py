"""The API's endpoints: GET only, JSON only, drafts never visible, one limit per address."""

from flask import current_app, jsonify, url_for
from sqlalchemy import String, func, literal_column, select, union_all
from werkzeug.exceptions import HTTPException, NotFound

from ..accounts.models import User
from ..comments.models import Comment
from ..consultations import queries as consultation_queries
from ..consultations.models import Consultation, Phase, Section
from ..extensions import db, limiter
from ..observatory.queries import observatory as observatory_figures
from ..organisations.models import Organisation
from ..outcome.models import Publication
from ..recommendations.models import PUBLIC_STATUSES, Recommendation
from . import bp, serialise
from .openapi import document
from .paging import BadParameter, choice, page_request, paged

#: Phases a reader of the API may ask for; drafts are never listed.
PHASES = tuple(p.value for p in Phase if p != Phase.DRAFT)
TEXTS = ("draft", "final")
CONTRIBUTION_TYPES = ("comment", "recommendation")


def _limit() -> str:
    return current_app.config.get("RATELIMIT_API", "300 per minute")


# One budget per address for the whole API, whichever endpoints it is spent on.
limiter.shared_limit(_limit, scope="api")(bp)


class ApiNotFound(NotFound):
    pass


def _error(status: int, code: str, message: str, **extra):
    body = {"error": {"status": status, "code": code, "message": message, **extra}}
    return jsonify(body), status


@bp.errorhandler(BadParameter)
def bad_parameter(error: BadParameter):
    return _error(400, "bad_request", f"{error.name} {error.message}", parameter=error.name)


@bp.errorhandler(HTTPException)
def http_error(error: HTTPException):
    code = (error.name or "error").lower().replace(" ", "_")
    response, status = _error(error.code or 500, code, error.description or error.name)
    if error.code == 429:
        response.headers.update(
            {k: v for k, v in error.get_headers() if k.lower() == "retry-after"}
        )
    return response, status


@bp.errorhandler(Exception)
def unexpected_error(error: Exception):
    current_app.logger.exception("Unhandled error in the API")
    db.session.rollback()
    return _error(500, "internal_server_error", "The server could not answer this request.")


def _public_consultation(consultation_id: int) -> Consultation:
    consultation = db.session.get(Consultation, consultation_id)
    if consultation is None or consultation.phase == Phase.DRAFT:
        raise ApiNotFound("No such consultation.")
    return consultation


@bp.get("/openapi.json")
def openapi():
    return jsonify(document())


@bp.get("/consultations")
def consultations():
    wanted = page_request()
    phase = choice("phase", PHASES)
    query = select(Consultation).where(Consultation.phase != Phase.DRAFT.value)
    if phase:
        query = query.where(Consultation.phase == phase)
    items = db.session.scalars(
        query.order_by(Consultation.opens_at.desc(), Consultation.id.desc())
        .limit(wanted.fetch)
        .offset(wanted.offset)
    ).all()
    return jsonify(paged([serialise.consultation(c) for c in items], wanted, "api.consultations"))


@bp.get("/consultations/<int:consultation_id>")
def consultation(consultation_id: int):
    item = _public_consultation(consultation_id)
    body = serialise.consultation(item)
    body["has_final_text"] = consultation_queries.final_version(item.id) is not None
    return jsonify(body)


@bp.get("/consultations/<int:consultation_id>/articles")
def articles(consultation_id: int):
    item = _public_consultation(consultation_id)
    wanted = page_request()
    text = choice("text", TEXTS, "draft")
    version = (
        consultation_queries.final_version(item.id)
        if text == "final"
        else consultation_queries.draft_version(item.id)
    )
    if version is None:
        raise ApiNotFound(f"This consultation has no {text} text.")
    sections = db.session.scalars(
        select(Section)
        .where(Section.version_id == version.id, Section.kind == "article")
        .order_by(Section.position)
        .limit(wanted.fetch)
        .offset(wanted.offset)
    ).all()
    body = paged(
        [serialise.article(s, item.id) for s in sections],
        wanted,
        "api.articles",
        consultation_id=item.id,
    )
    return jsonify({"text": text, "version": version.number, **body})


@bp.get("/consultations/<int:consultation_id>/contributions")
def contributions(consultation_id: int):
    """Comments, replies and public recommendations, in the order they were sent."""
    item = _public_consultation(consultation_id)
    wanted = page_request()
    kind = choice("type", CONTRIBUTION_TYPES)
    parts = []
    if kind in (None, "comment"):
        parts.append(
            select(
                literal_column("'comment'", String).label("type"),
                Comment.id.label("id"),
                Comment.created_at.label("at"),
            ).where(Comment.consultation_id == item.id)
        )
    if kind in (None, "recommendation"):
        parts.append(
            select(
                literal_column("'recommendation'", String).label("type"),
                Recommendation.id.label("id"),
                func.coalesce(Recommendation.submitted_at, Recommendation.created_at).label("at"),
            ).where(
                Recommendation.consultation_id == item.id,
                Recommendation.status.in_(PUBLIC_STATUSES),
            )
        )
    every = union_all(*parts).subquery() if len(parts) > 1 else parts[0].subquery()
    refs = db.session.execute(
        select(every.c.type, every.c.id)
        .order_by(every.c.at, every.c.type, every.c.id)
        .limit(wanted.fetch)
        .offset(wanted.offset)
    ).all()
    by_ref = _contributions_by_ref(
        [i for t, i in refs if t == "comment"], [i for t, i in refs if t == "recommendation"]
    )
    items = [by_ref[(t, i)] for t, i in refs]
    return jsonify(paged(items, wanted, "api.contributions", consultation_id=item.id))


def _contributions_by_ref(comment_ids: list[int], recommendation_ids: list[int]) -> dict:
    found: dict[tuple[str, int], dict] = {}
    if comment_ids:
        for c, name, deleted_at, number in db.session.execute(
            select(Comment, User.display_name, User.deleted_at, Section.number)
            .join(User, User.id == Comment.author_id)
            .outerjoin(Section, Section.id == Comment.section_id)
            .where(Comment.id.in_(comment_ids))
        ):
            found[("comment", c.id)] = serialise.comment(c, number, name, deleted_at is not None)
    if recommendation_ids:
        rows = _recommendation_rows(Recommendation.id.in_(recommendation_ids))
        for body in serialise.recommendations(rows):
            found[("recommendation", body["id"])] = body
    return found


def _recommendation_rows(*conditions, page=None):
    query = (
        select(Recommendation, Organisation, Section.number)
        .join(Organisation, Organisation.id == Recommendation.organisation_id)
        .outerjoin(Section, Section.id == Recommendation.section_id)
        .where(Recommendation.status.in_(PUBLIC_STATUSES), *conditions)
        .order_by(Recommendation.submitted_at, Recommendation.id)
    )
    if page is not None:
        query = query.limit(page.fetch).offset(page.offset)
    return db.session.execute(query).all()


@bp.get("/consultations/<int:consultation_id>/recommendations")
def recommendations(consultation_id: int):
    item = _public_consultation(consultation_id)
    wanted = page_request()
    rows = _recommendation_rows(Recommendation.consultation_id == item.id, page=wanted)
    return jsonify(
        paged(
            serialise.recommendations(rows),
            wanted,
            "api.recommendations",
            consultation_id=item.id,
        )
    )


@bp.get("/recommendations/<int:recommendation_id>")
def recommendation(recommendation_id: int):
    rows = _recommendation_rows(Recommendation.id == recommendation_id)
    if not rows:
        raise ApiNotFound("No such recommendation.")
    _public_consultation(rows[0][0].consultation_id)
    return jsonify(serialise.recommendations(rows)[0])


def _publication(item: Publication, with_snapshot: bool) -> dict:
    body = {
        "version": item.version,
        "published_at": serialise.when(item.published_at),
        "summary": serialise.texts(item.summary),
        "next_steps": serialise.texts(item.next_steps),
        "next_date": serialise.when(item.next_date),
        "change_note": serialise.texts(item.change_note),
        "links": {
            "self": url_for(
                "api.outcome", consultation_id=item.consultation_id, version=item.version
            ),
            "page": url_for(
                "outcome.report_version", consultation_id=item.consultation_id, version=item.version
            ),
        },
    }
    if with_snapshot:
        body["snapshot"] = item.snapshot
    return body


@bp.get("/consultations/<int:consultation_id>/outcomes")
def outcomes(consultation_id: int):
    item = _public_consultation(consultation_id)
    wanted = page_request()
    publications = db.session.scalars(
        select(Publication)
        .where(Publication.consultation_id == item.id)
        .order_by(Publication.version)
        .limit(wanted.fetch)
        .offset(wanted.offset)
    ).all()
    return jsonify(
        paged(
            [_publication(p, with_snapshot=False) for p in publications],
            wanted,
            "api.outcomes",
            consultation_id=item.id,
        )
    )


@bp.get("/consultations/<int:consultation_id>/outcomes/<int:version>")
def outcome(consultation_id: int, version: int):
    item = _public_consultation(consultation_id)
    publication = db.session.scalars(
        select(Publication).where(
            Publication.consultation_id == item.id, Publication.version == version
        )
    ).first()
    if publication is None:
        raise ApiNotFound("No such published version of the outcome.")
    return jsonify(_publication(publication, with_snapshot=True))


@bp.get("/observatory")
def observatory():
    figures = observatory_figures()
    return jsonify(
        {
            "totals": figures.totals.to_dict(),
            "by_institution": [
                {"institution": serialise.institution(e.institution), **e.figures.to_dict()}
                for e in figures.by_institution
            ],
            "by_year": [{"year": year, **f.to_dict()} for year, f in figures.by_year],
        }
    )


@bp.get("/<path:unknown>")
def unknown_path(unknown: str):
    """Any other path under /api/v1 is a 404 in JSON, like the API's own."""
    raise ApiNotFound("No such endpoint.")
