"""The ministry's answers: one per theme and one per recommendation, with a justification."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from .. import audit
from ..errors import DomainError
from ..extensions import db
from ..recommendations.models import Recommendation, RecommendationStatus
from ..recommendations.names import STATUS_NAMES
from ..text.article_numbers import normalise_article_number
from .models import ANSWERABLE, Outcome, Response, Theme

LANGS = ("ar", "fr", "zgh")
#: The recommendation statuses' names: an answer's outcome is the status it gives.
OUTCOME_NAMES = {outcome: STATUS_NAMES[outcome.value] for outcome in Outcome}


class ResponseError(DomainError):
    status_code = 400


def _justification(texts: dict[str, str]) -> dict[str, str]:
    kept = {lang: text.strip() for lang, text in texts.items() if lang in LANGS and text.strip()}
    if not kept:
        raise ResponseError(_l("Write the justification in at least one language."))
    return kept


def _articles(numbers: list[str] | None) -> list[str]:
    """Article numbers as the drafts write them ("7 bis"); a number that is not one is refused."""
    found = []
    for raw in numbers or []:
        number = normalise_article_number(raw)
        if number is None:
            raise ResponseError(_l("“%(value)s” is not an article number.", value=raw[:40]))
        if number not in found:
            found.append(number)
    return found


def _upsert(
    actor, consultation_id: int, outcome: Outcome, texts, articles=None, **target
) -> Response:
    justification = _justification(texts)
    numbers = _articles(articles)
    response = db.session.scalar(select(Response).filter_by(**target))
    if response is None:
        response = Response(consultation_id=consultation_id, **target)
        db.session.add(response)
    response.outcome = Outcome(outcome)
    response.justification = justification
    response.articles = numbers
    response.answered_by_id = actor.id
    return response


def answer_theme(
    actor, theme: Theme, outcome: Outcome, texts: dict[str, str], articles=None
) -> Response:
    response = _upsert(actor, theme.consultation_id, outcome, texts, articles, theme_id=theme.id)
    db.session.flush()
    audit.record(actor, "theme.answer", theme, outcome=str(outcome))
    return response


def answer_recommendation(
    actor, recommendation: Recommendation, outcome: Outcome, texts: dict[str, str], articles=None
) -> Response:
    """Answer a recommendation; its public status becomes the outcome."""
    if recommendation.status not in ANSWERABLE or recommendation.hidden_reason is not None:
        raise ResponseError(_l("Only recommendations sent to the ministry can be answered."))
    response = _upsert(
        actor,
        recommendation.consultation_id,
        outcome,
        texts,
        articles,
        recommendation_id=recommendation.id,
    )
    recommendation.status = RecommendationStatus(Outcome(outcome).value)
    db.session.flush()
    audit.record(actor, "recommendation.answer", recommendation, outcome=str(outcome))
    return response


def of_recommendation(recommendation_id: int) -> Response | None:
    return db.session.scalar(
        select(Response).where(Response.recommendation_id == recommendation_id)
    )


def answered_progress(consultation_id: int) -> tuple[int, int]:
    """(answered, answerable) recommendations of a consultation: the workspace's progress bar."""
    answerable = (
        select(Recommendation.id)
        .where(
            Recommendation.consultation_id == consultation_id,
            Recommendation.status.in_(ANSWERABLE),
            Recommendation.hidden_reason.is_(None),
        )
        .subquery()
    )
    total = db.session.scalar(select(func.count()).select_from(answerable))
    answered = db.session.scalar(
        select(func.count())
        .select_from(Response)
        .where(Response.recommendation_id.in_(select(answerable.c.id)))
    )
    return answered or 0, total or 0
