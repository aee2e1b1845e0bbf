"""The observatory's figures, from the counters each consultation keeps (never counting comments).

Two reads whatever the size of the platform: one row per consultation held (its stored
counters), and the number of answered recommendations per consultation. The breakdowns are
summed in Python: there are hundreds of consultations, not millions.
"""

from dataclasses import dataclass, field

from sqlalchemy import func, select

from ..consultations.models import Consultation, Phase
from ..extensions import db
from ..institutions.models import Institution
from ..recommendations.models import Recommendation
from ..synthesis.models import ANSWERABLE, Response

#: Phases of a consultation that has been held (it opened); drafts and upcoming ones have not.
NOT_HELD = (Phase.DRAFT.value, Phase.UPCOMING.value)


@dataclass
class Figures:
    consultations: int = 0
    #: Sum of each consultation's participants: a person in two consultations counts twice.
    participants: int = 0
    comments: int = 0
    recommendations: int = 0
    answered: int = 0

    @property
    def answered_share(self) -> float:
        if not self.recommendations:
            return 0.0
        return min(1.0, self.answered / self.recommendations)

    def add(self, row, answered: int) -> None:
        self.consultations += 1
        self.participants += row.participant_count
        self.comments += row.comment_count
        self.recommendations += row.recommendation_count
        self.answered += answered

    def to_dict(self) -> dict:
        return {
            "consultations": self.consultations,
            "participants": self.participants,
            "comments": self.comments,
            "recommendations": self.recommendations,
            "answered": self.answered,
            "answered_share": round(self.answered_share, 4),
        }


@dataclass
class InstitutionFigures:
    institution: Institution
    figures: Figures = field(default_factory=Figures)


@dataclass
class Observatory:
    totals: Figures
    by_institution: list[InstitutionFigures]
    #: (year of closing, figures), oldest first.
    by_year: list[tuple[int, Figures]]


def observatory() -> Observatory:
    rows = db.session.execute(
        select(
            Consultation.id,
            Consultation.institution_id,
            Consultation.closes_at,
            Consultation.participant_count,
            Consultation.comment_count,
            Consultation.recommendation_count,
        ).where(Consultation.phase.not_in(NOT_HELD))
    ).all()
    answered = dict(
        db.session.execute(
            select(Recommendation.consultation_id, func.count(Response.id))
            .join(Response, Response.recommendation_id == Recommendation.id)
            .where(Recommendation.status.in_(ANSWERABLE))
            .group_by(Recommendation.consultation_id)
        ).all()
    )
    institutions = {
        i.id: i
        for i in db.session.scalars(
            select(Institution).where(Institution.id.in_({row.institution_id for row in rows}))
        )
    }
    totals = Figures()
    by_institution: dict[int, InstitutionFigures] = {}
    by_year: dict[int, Figures] = {}
    for row in rows:
        n = answered.get(row.id, 0)
        totals.add(row, n)
        entry = by_institution.setdefault(
            row.institution_id, InstitutionFigures(institutions[row.institution_id])
        )
        entry.figures.add(row, n)
        by_year.setdefault(row.closes_at.year, Figures()).add(row, n)
    return Observatory(
        totals,
        sorted(
            by_institution.values(),
            key=lambda e: (-e.figures.consultations, e.institution.slug),
        ),
        sorted(by_year.items()),
    )
