"""The figures of an outcome report, with small cells suppressed so no one can be singled out.

Every breakdown of *people* (participant type, region, gender, age bracket) hides a cell of
fewer than SMALL_CELL people as "<5". A breakdown shows its total, so a single hidden cell
could be found by subtraction: then the next smallest cell is hidden too (secondary
suppression). A breakdown whose total is itself small shows nothing but "<5".
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select, union

from ..accounts.models import User
from ..accounts.profile import ABROAD
from ..comments.models import Comment, CommentStatus, ConsultationParticipant
from ..consultations.models import Consultation, Section
from ..consultations.queries import draft_version
from ..extensions import db
from ..organisations.models import Organisation, Representative
from ..recommendations.models import CoSignature, Recommendation
from ..synthesis.models import ANSWERABLE, Response
from ..timezones import utc_to_local

SMALL_CELL = 5
NOT_GIVEN = "not_given"
OUTCOMES = ("accepted", "partly_accepted", "rejected", "noted")


@dataclass
class Cell:
    key: str
    count: int
    hidden: bool = False

    def to_dict(self) -> dict:
        return {"key": self.key, "count": None if self.hidden else self.count}


@dataclass
class Breakdown:
    cells: list[Cell]
    total: int
    total_hidden: bool = False

    def to_dict(self) -> dict:
        return {
            "total": None if self.total_hidden else self.total,
            "cells": [cell.to_dict() for cell in self.cells],
        }


def suppress(counts: dict[str, int], keys: list[str] | None = None) -> Breakdown:
    """A breakdown of people in which no cell below SMALL_CELL can be read or recovered."""
    keys = keys if keys is not None else sorted(counts)
    cells = [Cell(key, counts.get(key, 0)) for key in keys]
    total = sum(counts.values())
    if total < SMALL_CELL:
        for cell in cells:
            cell.hidden = cell.count > 0
        return Breakdown(cells, total, total_hidden=total > 0)
    for cell in cells:
        cell.hidden = 0 < cell.count < SMALL_CELL
    hidden = [cell for cell in cells if cell.hidden]
    if len(hidden) == 1:
        # One hidden cell = total minus the shown ones: hide the smallest shown one as well.
        shown = [cell for cell in cells if not cell.hidden and cell.count > 0]
        if shown:
            min(shown, key=lambda cell: (cell.count, cell.key)).hidden = True
    return Breakdown(cells, total)


@dataclass
class Indicators:
    participants: int
    comments: int
    replies: int
    votes: int
    recommendations: int
    organisations: int
    networks: int
    answered: int
    outcomes: dict[str, int]
    participant_types: Breakdown
    regions: Breakdown
    genders: Breakdown
    ages: Breakdown
    per_day: list[tuple[str, int]]
    per_article: list[dict] = field(default_factory=list)

    @property
    def answered_share(self) -> float:
        return self.answered / self.recommendations if self.recommendations else 0.0

    def to_dict(self) -> dict:
        return {
            "participants": self.participants,
            "comments": self.comments,
            "replies": self.replies,
            "votes": self.votes,
            "recommendations": self.recommendations,
            "organisations": self.organisations,
            "networks": self.networks,
            "answered": self.answered,
            "answered_share": round(self.answered_share, 4),
            "outcomes": self.outcomes,
            "participant_types": self.participant_types.to_dict(),
            "regions": self.regions.to_dict(),
            "genders": self.genders.to_dict(),
            "ages": self.ages.to_dict(),
            "per_day": [{"day": day, "contributions": n} for day, n in self.per_day],
            "per_article": self.per_article,
        }


REGION_KEYS = [
    "tanger-tetouan-al-hoceima",
    "oriental",
    "fes-meknes",
    "rabat-sale-kenitra",
    "beni-mellal-khenifra",
    "casablanca-settat",
    "marrakech-safi",
    "draa-tafilalet",
    "souss-massa",
    "guelmim-oued-noun",
    "laayoune-sakia-el-hamra",
    "dakhla-oued-ed-dahab",
    ABROAD,
    NOT_GIVEN,
]
GENDER_KEYS = ["female", "male", NOT_GIVEN]
AGE_KEYS = ["18-24", "25-34", "35-44", "45-54", "55-64", "65+", NOT_GIVEN]
TYPE_KEYS = ["citizen", "abroad", "organisation_member"]


def participants(consultation_id: int):
    """Everyone who took part: commented, voted (participant rows) or signed for an
    organisation's recommendation or co-signature."""
    authors = select(Recommendation.author_id.label("user_id")).where(
        Recommendation.consultation_id == consultation_id, Recommendation.status.in_(ANSWERABLE)
    )
    signers = (
        select(CoSignature.signed_by_id.label("user_id"))
        .join(Recommendation, Recommendation.id == CoSignature.recommendation_id)
        .where(Recommendation.consultation_id == consultation_id)
    )
    voters = select(ConsultationParticipant.user_id).where(
        ConsultationParticipant.consultation_id == consultation_id
    )
    return union(voters, authors, signers).subquery()


def compute(consultation: Consultation) -> Indicators:
    cid = consultation.id
    people = participants(cid)
    profiles = db.session.execute(
        select(User.region, User.gender, User.age_bracket, User.id.in_(_representatives(cid))).join(
            people, people.c.user_id == User.id
        )
    ).all()
    regions, genders, ages, types = Counter(), Counter(), Counter(), Counter()
    for region, gender, age, represents in profiles:
        regions[_known(region, REGION_KEYS)] += 1
        genders[_known(gender, GENDER_KEYS)] += 1
        ages[_known(age, AGE_KEYS)] += 1
        types[
            "organisation_member" if represents else "abroad" if region == ABROAD else "citizen"
        ] += 1

    comments = dict(
        db.session.execute(
            select(Comment.parent_id.is_(None), func.count())
            .where(Comment.consultation_id == cid, Comment.status == CommentStatus.VISIBLE)
            .group_by(Comment.parent_id.is_(None))
        ).all()
    )
    recommendations = db.session.scalar(
        select(func.count()).where(
            Recommendation.consultation_id == cid,
            Recommendation.status.in_(ANSWERABLE),
            Recommendation.hidden_reason.is_(None),
        )
    )
    outcomes = dict(
        db.session.execute(
            select(Response.outcome, func.count())
            .join(Recommendation, Recommendation.id == Response.recommendation_id)
            .where(
                Response.consultation_id == cid,
                Recommendation.status.in_(ANSWERABLE),
                Recommendation.hidden_reason.is_(None),
            )
            .group_by(Response.outcome)
        ).all()
    )
    involved = _organisations(cid)
    return Indicators(
        participants=len(profiles),
        comments=comments.get(True, 0),
        replies=comments.get(False, 0),
        votes=consultation.vote_count,
        recommendations=recommendations or 0,
        organisations=len(involved),
        networks=sum(1 for kind in involved.values() if kind == "network"),
        answered=sum(outcomes.values()),
        outcomes={key: outcomes.get(key, 0) for key in OUTCOMES},
        participant_types=suppress(types, TYPE_KEYS),
        regions=suppress(regions, REGION_KEYS),
        genders=suppress(genders, GENDER_KEYS),
        ages=suppress(ages, AGE_KEYS),
        per_day=_per_day(cid),
        per_article=_per_article(cid),
    )


def _known(value: str | None, keys: list[str]) -> str:
    return value if value in keys and value != NOT_GIVEN else NOT_GIVEN


def _representatives(consultation_id: int):
    """People who acted for an organisation in this consultation."""
    involved = select(Recommendation.organisation_id).where(
        Recommendation.consultation_id == consultation_id, Recommendation.status.in_(ANSWERABLE)
    )
    return select(Representative.user_id).where(Representative.organisation_id.in_(involved))


def _organisations(consultation_id: int) -> dict[int, str]:
    """Organisations that sent or co-signed a recommendation: id -> kind."""
    sent = select(Recommendation.organisation_id.label("id")).where(
        Recommendation.consultation_id == consultation_id, Recommendation.status.in_(ANSWERABLE)
    )
    cosigned = (
        select(CoSignature.organisation_id.label("id"))
        .join(Recommendation, Recommendation.id == CoSignature.recommendation_id)
        .where(Recommendation.consultation_id == consultation_id)
    )
    ids = union(sent, cosigned).subquery()
    return dict(
        db.session.execute(
            select(Organisation.id, Organisation.kind).join(ids, ids.c.id == Organisation.id)
        ).all()
    )


def _per_day(consultation_id: int) -> list[tuple[str, int]]:
    """Contributions (comments, replies, recommendations sent) per day, Moroccan time."""
    moments = (
        db.session.scalars(
            select(Comment.created_at).where(
                Comment.consultation_id == consultation_id, Comment.status == CommentStatus.VISIBLE
            )
        ).all()
        + db.session.scalars(
            select(Recommendation.submitted_at).where(
                Recommendation.consultation_id == consultation_id,
                Recommendation.status.in_(ANSWERABLE),
                Recommendation.submitted_at.is_not(None),
            )
        ).all()
    )
    days: Counter[date] = Counter(utc_to_local(moment).date() for moment in moments)
    return [(day.isoformat(), days[day]) for day in sorted(days)]


def _per_article(consultation_id: int) -> list[dict]:
    """Engagement per article of the draft; fewer than SMALL_CELL participants shows as None
    (the articles' participants overlap, so no total recovers them)."""
    rows = db.session.execute(
        select(
            Section.number,
            Section.comment_count,
            Section.participant_count,
            Section.recommendation_count,
        )
        .where(
            Section.consultation_id == consultation_id,
            Section.kind == "article",
            Section.version_id == _draft_version_id(consultation_id),
        )
        .order_by(Section.position)
    ).all()
    return [
        {
            "article": number,
            "comments": comments,
            "participants": people if people == 0 or people >= SMALL_CELL else None,
            "recommendations": recommendations,
        }
        for number, comments, people, recommendations in rows
    ]


def _draft_version_id(consultation_id: int) -> int | None:
    version = draft_version(consultation_id)
    return version.id if version else None
