"""Publishing a consultation's outcome: freeze the report, tell everyone who took part."""

from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import defer

from .. import audit, clock
from ..accounts.models import User
from ..consultations import queries as consultation_queries
from ..consultations.models import Consultation, Phase, Section, Status
from ..errors import Conflict, DomainError
from ..extensions import db
from ..organisations.models import Organisation
from ..recommendations.models import CoSignature, Recommendation
from ..synthesis import curation, runs
from ..synthesis.models import ANSWERABLE, Response, RunGroup
from ..synthesis.queries import describe
from ..text.diff import word_diff
from . import indicators
from .models import Notification, Publication

LANGS = ("ar", "fr", "zgh")
PUBLISHABLE = (Phase.CLOSED, Phase.IN_SYNTHESIS, Phase.PUBLISHED)
REPRESENTATIVES_SHOWN = 3


@dataclass
class OutcomeFields:
    summary: dict[str, str]
    next_steps: dict[str, str]
    next_date: datetime | None
    change_note: dict[str, str]


def _texts(values: dict[str, str]) -> dict[str, str]:
    return {lang: text.strip() for lang, text in values.items() if lang in LANGS and text.strip()}


def latest(consultation_id: int) -> Publication | None:
    return db.session.scalars(
        select(Publication)
        .where(Publication.consultation_id == consultation_id)
        .order_by(Publication.version.desc())
        .limit(1)
    ).first()


def versions(consultation_id: int) -> list[Publication]:
    """Every version, oldest first, without their snapshots (read them one at a time)."""
    return list(
        db.session.scalars(
            select(Publication)
            .options(defer(Publication.snapshot))
            .where(Publication.consultation_id == consultation_id)
            .order_by(Publication.version)
        )
    )


def publish(actor, consultation: Consultation, fields: OutcomeFields) -> Publication:
    """Publish the next version of the outcome report, frozen as it stands now."""
    if consultation.phase not in PUBLISHABLE:
        raise Conflict(_l("The outcome is published once the consultation is closed."))
    summary, next_steps = _texts(fields.summary), _texts(fields.next_steps)
    if not summary:
        raise DomainError(_l("Write the summary in at least one language."))
    if not next_steps:
        raise DomainError(_l("Say what happens next, in at least one language."))
    previous = latest(consultation.id)
    change_note = _texts(fields.change_note)
    if previous is not None and not change_note:
        raise DomainError(_l("Say what this new version changes, in at least one language."))
    publication = Publication(
        consultation_id=consultation.id,
        version=(previous.version + 1) if previous else 1,
        published_at=clock.utcnow(),
        published_by_id=actor.id,
        summary=summary,
        next_steps=next_steps,
        next_date=fields.next_date,
        change_note=change_note if previous else {},
        snapshot=snapshot(consultation),
    )
    db.session.add(publication)
    consultation.status = Status.PUBLISHED
    db.session.flush()
    audit.record(actor, "outcome.publish", consultation, version=publication.version)
    notify_participants(consultation, publication)
    return publication


def snapshot(consultation: Consultation) -> dict:
    """Everything the report shows, as plain JSON."""
    run = runs.latest_done(consultation.id)
    return {
        "indicators": indicators.compute(consultation).to_dict(),
        "run": run.id if run else None,
        "themes": _themes(run) if run else [],
        "campaigns": _campaigns(run) if run else [],
        "recommendations": _recommendations(consultation.id),
        "changes": _changes(consultation.id),
    }


def _response(response: Response | None) -> dict | None:
    if response is None:
        return None
    return {
        "outcome": response.outcome.value,
        "justification": response.justification,
        "articles": response.articles or [],
    }


def _themes(run) -> list[dict]:
    summaries, _ = curation.summaries(run)
    root_of = curation.roots(run.consultation_id)
    representatives = {
        s.theme.id: curation.representatives(run, s.theme, 6, root_of) for s in summaries
    }
    # Letters imported from outside the platform are counted, never quoted: they were not
    # written for publication.
    views = describe([ref for refs in representatives.values() for ref in refs], links=False)
    themes = []
    for s in summaries:
        quoted = [
            {
                "ref": ref,
                "kind": views[ref].kind,
                "text": views[ref].text,
                "article": views[ref].article,
            }
            for ref in representatives[s.theme.id]
            if ref in views and views[ref].kind != "imported"
        ][:REPRESENTATIVES_SHOWN]
        themes.append(
            {
                "id": s.theme.id,
                "name": s.theme.name or {},
                "engine_label": s.theme.engine_label,
                "lang": s.theme.lang,
                "size": s.size,
                "support": s.support,
                "articles": dict(s.articles.most_common()),
                "representatives": quoted,
                "response": _response(s.response),
            }
        )
    return themes


def _campaigns(run) -> list[dict]:
    verdicts = curation.group_verdicts(run)
    groups = [
        g
        for g in db.session.scalars(select(RunGroup).where(RunGroup.run_id == run.id))
        if curation.is_campaign(g, verdicts)
    ]
    views = describe([g.representative for g in groups], links=False)
    return [
        {
            "text": views[g.representative].text if g.representative in views else "",
            "article": views[g.representative].article if g.representative in views else None,
            "kind": views[g.representative].kind if g.representative in views else None,
            "copies": g.size,
            "signatories": g.signatories,
        }
        for g in sorted(groups, key=lambda g: -g.signatories)
        if g.representative in views and views[g.representative].kind != "imported"
    ]


def _recommendations(consultation_id: int) -> list[dict]:
    rows = db.session.execute(
        select(Recommendation, Organisation.name, Section.number, Response)
        .join(Organisation, Organisation.id == Recommendation.organisation_id)
        .outerjoin(Section, Section.id == Recommendation.section_id)
        .outerjoin(Response, Response.recommendation_id == Recommendation.id)
        .where(
            Recommendation.consultation_id == consultation_id,
            Recommendation.status.in_(ANSWERABLE),
            Recommendation.hidden_reason.is_(None),
        )
        .order_by(Recommendation.id)
    ).all()
    cosigners: dict[int, list[dict]] = {}
    for recommendation_id, organisation_id, name in db.session.execute(
        select(CoSignature.recommendation_id, Organisation.id, Organisation.name)
        .join(Organisation, Organisation.id == CoSignature.organisation_id)
        .join(Recommendation, Recommendation.id == CoSignature.recommendation_id)
        .where(Recommendation.consultation_id == consultation_id)
        .order_by(CoSignature.id)
    ):
        cosigners.setdefault(recommendation_id, []).append({"id": organisation_id, "name": name})
    return [
        {
            "id": recommendation.id,
            "kind": recommendation.kind,
            "article": number,
            "organisation": {"id": recommendation.organisation_id, "name": name},
            "cosigners": cosigners.get(recommendation.id, []),
            "support": recommendation.support_count,
            "status": recommendation.status.value,
            "language": recommendation.language,
            "wording": recommendation.proposed_wording,
            "justification": recommendation.justification,
            "response": _response(response),
        }
        for recommendation, name, number, response in rows
    ]


def _changes(consultation_id: int) -> dict:
    """Draft against final text, article by article, with the answers linked to each change."""
    draft = consultation_queries.draft_version(consultation_id)
    final = consultation_queries.final_version(consultation_id)
    if draft is None or final is None:
        return {"has_final": False, "articles": []}
    before = _articles(draft.id)
    after = _articles(final.id)
    linked_recommendations: dict[str, list[int]] = {}
    linked_themes: dict[str, list[int]] = {}
    for response in db.session.scalars(
        select(Response).where(Response.consultation_id == consultation_id)
    ):
        target = linked_themes if response.theme_id else linked_recommendations
        for number in response.articles or []:
            target.setdefault(number, []).append(response.theme_id or response.recommendation_id)
    numbers = list(before) + [n for n in after if n not in before]
    articles = []
    for number in numbers:
        old, new = before.get(number), after.get(number)
        status = (
            "added"
            if old is None
            else "removed"
            if new is None
            else "unchanged"
            if old == new
            else "changed"
        )
        texts = {}
        for lang in LANGS:
            old_text = (old or {}).get(lang, "")
            new_text = (new or {}).get(lang, "")
            if old_text or new_text:
                texts[lang] = [
                    [segment.kind, segment.text] for segment in word_diff(old_text, new_text)
                ]
        articles.append(
            {
                "number": number,
                "status": status,
                "texts": texts,
                "recommendations": sorted(linked_recommendations.get(number, [])),
                "themes": sorted(linked_themes.get(number, [])),
            }
        )
    return {"has_final": True, "articles": articles}


def _articles(version_id: int) -> dict[str, dict]:
    return {
        section.number: section.body or {}
        for section in consultation_queries.sections_of(version_id)
        if section.is_article
    }


def participant_ids(consultation_id: int) -> list[int]:
    """Everyone who took part and still has an account."""
    people = indicators.participants(consultation_id)
    return list(
        db.session.scalars(
            select(User.id)
            .join(people, people.c.user_id == User.id)
            .where(User.deleted_at.is_(None))
            .order_by(User.id)
        )
    )


def notify_participants(consultation: Consultation, publication: Publication) -> int:
    """An in-site notice for each participant; the e-mails are sent after the commit."""
    now = clock.utcnow()
    ids = participant_ids(consultation.id)
    db.session.add_all(
        Notification(
            user_id=user_id,
            kind="outcome_published",
            consultation_id=consultation.id,
            publication_id=publication.id,
            created_at=now,
        )
        for user_id in ids
    )
    return len(ids)
