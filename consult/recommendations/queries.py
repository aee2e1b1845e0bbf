"""Reads for recommendation pages: filtered lists, co-signatories, an organisation's record."""

from sqlalchemy import func, or_, select

from ..consultations.models import Consultation, Section
from ..extensions import db
from ..organisations.models import Organisation, OrganisationDomain
from ..pagination import Page
from .models import PUBLIC_STATUSES, CoSignature, Recommendation, RecommendationStatus, Support

_ORDER = {
    "newest": (Recommendation.submitted_at.desc(), Recommendation.id.desc()),
    "cosigned": (Recommendation.cosignature_count.desc(), Recommendation.id.desc()),
    "supported": (Recommendation.support_count.desc(), Recommendation.id.desc()),
}


def listing(
    consultation_id: int,
    *,
    section_id: int | None = None,
    kind: str | None = None,
    status: str | None = None,
    organisation_id: int | None = None,
    region: str | None = None,
    domain: str | None = None,
    sort: str = "newest",
    page: int = 1,
    per_page: int = 20,
):
    """Public recommendations with their organisation and article number: a page and its total."""
    query = (
        select(Recommendation, Organisation, Section.number)
        .join(Organisation, Organisation.id == Recommendation.organisation_id)
        .outerjoin(Section, Section.id == Recommendation.section_id)
        .where(
            Recommendation.consultation_id == consultation_id,
            Recommendation.status.in_(PUBLIC_STATUSES),
        )
    )
    if section_id is not None:
        query = query.where(Recommendation.section_id == section_id)
    if kind:
        query = query.where(Recommendation.kind == kind)
    if status:
        query = query.where(Recommendation.status == RecommendationStatus(status))
    if organisation_id:
        query = query.where(Recommendation.organisation_id == organisation_id)
    if region:
        query = query.where(Organisation.region == region)
    if domain:
        query = query.where(
            Organisation.id.in_(
                select(OrganisationDomain.organisation_id).where(
                    OrganisationDomain.domain == domain
                )
            )
        )
    total = db.session.scalar(select(func.count()).select_from(query.subquery())) or 0
    page = min(page, Page(1, per_page, total).pages)
    rows = db.session.execute(
        query.order_by(*_ORDER.get(sort, _ORDER["newest"]))
        .limit(per_page)
        .offset((page - 1) * per_page)
    ).all()
    return rows, Page(page, per_page, total)


def organisations_in(consultation_id: int) -> list[Organisation]:
    """Organisations with a public recommendation here, for the filter."""
    return list(
        db.session.scalars(
            select(Organisation)
            .where(
                Organisation.id.in_(
                    select(Recommendation.organisation_id).where(
                        Recommendation.consultation_id == consultation_id,
                        Recommendation.status.in_(PUBLIC_STATUSES),
                    )
                )
            )
            .order_by(Organisation.id)
        )
    )


def cosigners(recommendation_id: int) -> list[Organisation]:
    return list(
        db.session.scalars(
            select(Organisation)
            .join(CoSignature, CoSignature.organisation_id == Organisation.id)
            .where(CoSignature.recommendation_id == recommendation_id)
            .order_by(CoSignature.signed_at)
        )
    )


def has_supported(user, recommendation_id: int) -> bool:
    if not user or not user.is_authenticated:
        return False
    return (
        db.session.scalar(
            select(Support.id).where(
                Support.recommendation_id == recommendation_id, Support.user_id == user.id
            )
        )
        is not None
    )


def of_organisation(organisation_id: int):
    """Every public recommendation it submitted or co-signed, across consultations, newest first.

    Rows: (recommendation, consultation, article number or None, submitted: bool)."""
    cosigned = select(CoSignature.recommendation_id).where(
        CoSignature.organisation_id == organisation_id
    )
    rows = db.session.execute(
        select(Recommendation, Consultation, Section.number)
        .join(Consultation, Consultation.id == Recommendation.consultation_id)
        .outerjoin(Section, Section.id == Recommendation.section_id)
        .where(
            Recommendation.status.in_(PUBLIC_STATUSES),
            or_(
                Recommendation.organisation_id == organisation_id,
                Recommendation.id.in_(cosigned),
            ),
        )
        .order_by(Recommendation.submitted_at.desc(), Recommendation.id.desc())
    ).all()
    return [(r, c, number, r.organisation_id == organisation_id) for r, c, number in rows]


def drafts_of(organisation_ids: list[int], consultation_id: int) -> list[Recommendation]:
    if not organisation_ids:
        return []
    return list(
        db.session.scalars(
            select(Recommendation).where(
                Recommendation.consultation_id == consultation_id,
                Recommendation.organisation_id.in_(organisation_ids),
                Recommendation.status == RecommendationStatus.DRAFT,
            )
        )
    )
