"""Drafting, submitting, withdrawing, co-signing and supporting recommendations."""

from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import update

from .. import audit, permissions
from ..consultations.models import Consultation, Phase, Section
from ..counters import increment, insert_if_absent
from ..errors import Conflict, DomainError, NotAllowed
from ..extensions import db
from ..organisations.models import Organisation
from .models import KINDS, CoSignature, Recommendation, RecommendationStatus, Support

LANGUAGES = ("ar", "fr", "zgh")
MAX_TEXT = 10_000


@dataclass
class RecommendationFields:
    section: Section | None
    kind: str
    language: str
    proposed_wording: str
    justification: str


def _check(fields: RecommendationFields, submitting: bool) -> None:
    if fields.kind not in KINDS or fields.language not in LANGUAGES:
        raise DomainError(_l("Choose a value from the list."))
    if fields.kind in ("amend", "delete") and fields.section is None:
        raise DomainError(_l("Choose the article to amend or delete."))
    if len(fields.proposed_wording) > MAX_TEXT or len(fields.justification) > MAX_TEXT:
        raise DomainError(_l("This text is too long: at most 10,000 characters."))
    if submitting:
        if not fields.justification.strip():
            raise DomainError(_l("Explain why: the justification is required."))
        if fields.kind in ("amend", "add") and not fields.proposed_wording.strip():
            raise DomainError(_l("Write the wording you propose."))


def _require(user, organisation: Organisation, consultation: Consultation, now: datetime):
    reason = permissions.why_cannot_recommend(user, organisation, consultation, now)
    if reason:
        raise NotAllowed(reason)


def _apply(recommendation: Recommendation, fields: RecommendationFields) -> None:
    recommendation.section_id = fields.section.id if fields.section else None
    recommendation.kind = fields.kind
    recommendation.language = fields.language
    recommendation.proposed_wording = fields.proposed_wording.strip()
    recommendation.justification = fields.justification.strip()


def save_recommendation(
    user,
    organisation: Organisation,
    consultation: Consultation,
    fields: RecommendationFields,
    *,
    submit: bool,
    now: datetime,
    recommendation: Recommendation | None = None,
    attachment_key: str | None = None,
    attachment_name: str | None = None,
    attachment_size: int | None = None,
) -> Recommendation:
    """Create or update a draft; with `submit`, make it public at once."""
    _require(user, organisation, consultation, now)
    if recommendation is not None and not permissions.can_edit_recommendation(user, recommendation):
        raise Conflict(_l("Only a draft can be edited."))
    if fields.section is not None and fields.section.consultation_id != consultation.id:
        raise DomainError(_l("Choose the article to amend or delete."))
    _check(fields, submitting=submit)
    if recommendation is None:
        recommendation = Recommendation(
            consultation_id=consultation.id,
            organisation_id=organisation.id,
            author_id=user.id,
            status=RecommendationStatus.DRAFT,
        )
        db.session.add(recommendation)
    _apply(recommendation, fields)
    if attachment_key:
        recommendation.attachment_key = attachment_key
        recommendation.attachment_name = attachment_name
        recommendation.attachment_size = attachment_size
    db.session.flush()
    audit.record(user, "recommendation.save", recommendation)
    if submit:
        _submit(user, recommendation, consultation, now)
    return recommendation


def _submit(user, recommendation: Recommendation, consultation: Consultation, now) -> None:
    _move(
        recommendation,
        RecommendationStatus.DRAFT,
        RecommendationStatus.SUBMITTED,
        _l("Only a draft can be submitted."),
    )
    recommendation.submitted_at = now
    _count(recommendation, +1)
    audit.record(user, "recommendation.submit", recommendation)
    db.session.flush()


def submit(user, recommendation: Recommendation, now: datetime) -> None:
    consultation = db.session.get(Consultation, recommendation.consultation_id)
    organisation = db.session.get(Organisation, recommendation.organisation_id)
    _require(user, organisation, consultation, now)
    if recommendation.status != RecommendationStatus.DRAFT:
        raise Conflict(_l("Only a draft can be submitted."))
    section = (
        db.session.get(Section, recommendation.section_id) if recommendation.section_id else None
    )
    _check(
        RecommendationFields(
            section,
            recommendation.kind,
            recommendation.language,
            recommendation.proposed_wording,
            recommendation.justification,
        ),
        submitting=True,
    )
    _submit(user, recommendation, consultation, now)


def withdraw(user, recommendation: Recommendation, now: datetime) -> None:
    """Public recommendations are withdrawn, never deleted: the record stays readable."""
    consultation = db.session.get(Consultation, recommendation.consultation_id)
    organisation = db.session.get(Organisation, recommendation.organisation_id)
    _require(user, organisation, consultation, now)
    if not permissions.can_withdraw_recommendation(user, recommendation):
        raise Conflict(_l("Only a submitted recommendation can be withdrawn."))
    _move(
        recommendation,
        RecommendationStatus.SUBMITTED,
        RecommendationStatus.WITHDRAWN,
        _l("Only a submitted recommendation can be withdrawn."),
    )
    recommendation.withdrawn_at = now
    _count(recommendation, -1)
    audit.record(user, "recommendation.withdraw", recommendation)
    db.session.flush()


def cosign(user, recommendation: Recommendation, organisation: Organisation, now: datetime):
    consultation = db.session.get(Consultation, recommendation.consultation_id)
    _require(user, organisation, consultation, now)
    if organisation.id == recommendation.organisation_id:
        raise Conflict(_l("An organisation cannot co-sign its own recommendation."))
    if recommendation.status != RecommendationStatus.SUBMITTED:
        raise Conflict(_l("Only a submitted recommendation can be co-signed."))
    inserted = insert_if_absent(
        CoSignature.__table__,
        recommendation_id=recommendation.id,
        organisation_id=organisation.id,
        signed_by_id=user.id,
        signed_at=now,
    )
    if not inserted:
        raise Conflict(_l("Your organisation has already co-signed this recommendation."))
    increment(Recommendation, recommendation.id, cosignature_count=1)
    audit.record(user, "recommendation.cosign", recommendation, organisation_id=organisation.id)


def support(user, recommendation: Recommendation, now: datetime) -> None:
    """A citizen's support, one per person; supporting again changes nothing."""
    consultation = db.session.get(Consultation, recommendation.consultation_id)
    if not permissions.is_signed_in(user):
        raise NotAllowed(_l("Sign in to take part."))
    if user.is_blocked:
        raise NotAllowed(_l("Your account cannot post at the moment."))
    if consultation.phase_at(now) != Phase.OPEN:
        raise NotAllowed(_l("This consultation is closed: it no longer accepts recommendations."))
    if recommendation.status != RecommendationStatus.SUBMITTED:
        raise Conflict(_l("Only a submitted recommendation can be supported."))
    if insert_if_absent(
        Support.__table__, recommendation_id=recommendation.id, user_id=user.id, supported_at=now
    ):
        increment(Recommendation, recommendation.id, support_count=1)


def _move(recommendation: Recommendation, current, new, refusal) -> None:
    """Change the status in SQL only if it still is `current`: of two clicks, one counts."""
    moved = db.session.execute(
        update(Recommendation)
        .where(Recommendation.id == recommendation.id, Recommendation.status == current)
        .values(status=new)
    )
    if moved.rowcount != 1:
        raise Conflict(refusal)


def _count(recommendation: Recommendation, delta: int) -> None:
    """Public recommendation counters on the consultation and the article."""
    increment(Consultation, recommendation.consultation_id, recommendation_count=delta)
    if recommendation.section_id is not None:
        increment(Section, recommendation.section_id, recommendation_count=delta)
