"""What the workspace shows of contributions named by ref: text, kind, article, a link."""

from dataclasses import dataclass

from flask import url_for
from sqlalchemy import select

from ..comments.models import Comment
from ..consultations.models import Section
from ..extensions import db
from ..organisations.models import Organisation
from ..recommendations.models import Recommendation
from .models import ImportedContribution

EXCERPT = 400


@dataclass
class ContributionView:
    ref: str
    kind: str  # comment, recommendation, imported
    text: str
    article: str | None
    url: str | None
    #: The organisation of a recommendation, the file of an imported contribution.
    source: dict | str | None = None


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…"


def describe(refs: list[str], links: bool = True) -> dict[str, ContributionView]:
    """Views of the contributions named in `refs` (three queries at most, whatever their number).

    Without `links` no URL is built: a publication made outside a request needs none."""
    wanted: dict[str, list[int]] = {"comment": [], "recommendation": [], "imported": []}
    for value in refs:
        kind, _, number = value.partition(":")
        if kind in wanted and number.isdigit():
            wanted[kind].append(int(number))
    views: dict[str, ContributionView] = {}
    if wanted["comment"]:
        rows = db.session.execute(
            select(
                Comment.id,
                Comment.consultation_id,
                Comment.body_source,
                Section.number,
                Section.slug,
            )
            .outerjoin(Section, Section.id == Comment.section_id)
            .where(Comment.id.in_(wanted["comment"]))
        )
        for id_, consultation_id, text, article, slug in rows:
            anchor = f"comment-{id_}"
            url = (
                None
                if not links
                else (
                    url_for(
                        "consultations.article",
                        consultation_id=consultation_id,
                        slug=slug,
                        _anchor=anchor,
                    )
                    if slug
                    else url_for(
                        "consultations.show", consultation_id=consultation_id, _anchor=anchor
                    )
                )
            )
            views[f"comment:{id_}"] = ContributionView(
                f"comment:{id_}", "comment", _excerpt(text), article, url
            )
    if wanted["recommendation"]:
        rows = db.session.execute(
            select(
                Recommendation.id,
                Recommendation.proposed_wording,
                Recommendation.justification,
                Section.number,
                Organisation.name,
            )
            .join(Organisation, Organisation.id == Recommendation.organisation_id)
            .outerjoin(Section, Section.id == Recommendation.section_id)
            .where(Recommendation.id.in_(wanted["recommendation"]))
        )
        for id_, wording, justification, article, organisation in rows:
            views[f"recommendation:{id_}"] = ContributionView(
                f"recommendation:{id_}",
                "recommendation",
                _excerpt(wording or justification),
                article,
                url_for("recommendations.show", recommendation_id=id_) if links else None,
                organisation,
            )
    if wanted["imported"]:
        rows = db.session.execute(
            select(
                ImportedContribution.id,
                ImportedContribution.text,
                Section.number,
                ImportedContribution.source_name,
            )
            .outerjoin(Section, Section.id == ImportedContribution.section_id)
            .where(ImportedContribution.id.in_(wanted["imported"]))
        )
        for id_, text, article, source in rows:
            views[f"imported:{id_}"] = ContributionView(
                f"imported:{id_}", "imported", _excerpt(text), article, None, source
            )
    return views
