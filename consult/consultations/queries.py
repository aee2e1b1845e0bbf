"""Reads for consultation pages: lists with filters, the draft's table of contents, an article."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import lazyload

from ..extensions import db
from ..institutions.models import Institution
from .models import Consultation, ConsultationTheme, DocumentVersion, Phase, Section

#: Which phases each tab of the list shows.
LIST_TABS = {
    "open": (Phase.OPEN,),
    "upcoming": (Phase.UPCOMING,),
    "closed": (Phase.CLOSED, Phase.IN_SYNTHESIS, Phase.PUBLISHED),
}


def consultation_list(
    *, tab: str, institution: str | None, theme: str | None, page: int, per_page: int
):
    query = select(Consultation).where(Consultation.phase.in_([p.value for p in LIST_TABS[tab]]))
    if institution:
        query = query.join(Institution).where(Institution.slug == institution)
    if theme:
        query = query.where(
            Consultation.id.in_(
                select(ConsultationTheme.consultation_id).where(ConsultationTheme.theme == theme)
            )
        )
    order = Consultation.opens_at if tab == "upcoming" else Consultation.closes_at
    query = query.order_by(order.desc() if tab == "closed" else order, Consultation.id)
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


def tab_counts() -> dict[str, int]:
    from sqlalchemy import func

    # Grouped over a subquery: PostgreSQL does not see two renderings of the phase CASE
    # (each with its own "now" parameter) as the same expression.
    phases = select(Consultation.phase.label("phase")).subquery()
    rows = db.session.execute(select(phases.c.phase, func.count()).group_by(phases.c.phase)).all()
    by_phase = dict(rows)
    return {tab: sum(by_phase.get(p.value, 0) for p in phases) for tab, phases in LIST_TABS.items()}


def institutions_with_consultations() -> list[Institution]:
    return list(
        db.session.scalars(
            select(Institution)
            .where(Institution.id.in_(select(Consultation.institution_id)))
            .order_by(Institution.slug)
        )
    )


def draft_version(consultation_id: int) -> DocumentVersion | None:
    """The text under consultation: the first version that is not the final text."""
    return db.session.scalars(
        select(DocumentVersion)
        .where(
            DocumentVersion.consultation_id == consultation_id, DocumentVersion.is_final.is_(False)
        )
        .order_by(DocumentVersion.number)
        .limit(1)
    ).first()


def final_version(consultation_id: int) -> DocumentVersion | None:
    """The text adopted after the consultation, once the officials stored it."""
    return db.session.scalars(
        select(DocumentVersion).where(
            DocumentVersion.consultation_id == consultation_id, DocumentVersion.is_final.is_(True)
        )
    ).first()


def sections_of(version_id: int) -> list[Section]:
    return list(
        db.session.scalars(
            select(Section).where(Section.version_id == version_id).order_by(Section.position)
        )
    )


@dataclass(frozen=True, slots=True)
class SectionHead:
    """A section as the table of contents and the article's neighbours show it: no text."""

    id: int
    position: int
    kind: str
    number: str
    slug: str
    heading: dict
    comment_count: int

    @property
    def is_article(self) -> bool:
        return self.kind == "article"


def table_of_contents(version_id: int) -> list[SectionHead]:
    """The sections of a version without their text, as plain rows: pages show one article's
    text at most, and 60 articles' JSON bodies and ORM objects cost more than the rest."""
    columns = [getattr(Section, name) for name in SectionHead.__dataclass_fields__]
    rows = db.session.execute(
        select(*columns).where(Section.version_id == version_id).order_by(Section.position)
    )
    return [SectionHead(*row) for row in rows]


def _draft_article_query(consultation_id: int, slug: str):
    return (
        select(Section)
        .join(DocumentVersion, DocumentVersion.id == Section.version_id)
        .where(
            Section.consultation_id == consultation_id,
            Section.slug == slug,
            Section.kind == "article",
            DocumentVersion.is_final.is_(False),
        )
        .order_by(DocumentVersion.number)
        .limit(1)
    )


def draft_article(consultation_id: int, slug: str) -> Section | None:
    """An article of the text under consultation (the draft, not the final text), by slug."""
    return db.session.scalars(_draft_article_query(consultation_id, slug)).first()


def consultation_and_draft_article(
    consultation_id: int, slug: str
) -> tuple[Consultation, Section] | None:
    """Both in one statement, for the busiest page; the consultation without its themes."""
    query = (
        _draft_article_query(consultation_id, slug)
        .add_columns(Consultation)
        .join(Consultation, Consultation.id == Section.consultation_id)
        .options(lazyload(Consultation.themes))
    )
    row = db.session.execute(query).first()
    return (row[1], row[0]) if row else None


def first_article(version_id: int) -> Section | None:
    return db.session.scalars(
        select(Section)
        .where(Section.version_id == version_id, Section.kind == "article")
        .order_by(Section.position)
        .limit(1)
    ).first()


def article_by_slug(version_id: int, slug: str) -> Section | None:
    return db.session.scalars(
        select(Section).where(
            Section.version_id == version_id, Section.slug == slug, Section.kind == "article"
        )
    ).first()
