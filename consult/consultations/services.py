"""Authoring consultations and storing their draft text, with the lifecycle's audit trail."""

from dataclasses import dataclass, replace
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from .. import audit
from ..errors import Conflict, DomainError
from ..extensions import db
from .models import (
    AUDIENCES,
    KINDS,
    SCOPES,
    Consultation,
    ConsultationTheme,
    DocumentVersion,
    Phase,
    Section,
    Status,
)
from .themes import THEMES

LANGUAGES = ("ar", "fr", "zgh")
SECTION_KINDS = ("book", "part", "title", "chapter", "section", "article")


@dataclass
class ConsultationFields:
    title: dict[str, str]
    summary: dict[str, str]
    kind: str
    scope: str
    scope_area: str | None
    audience: str
    themes: list[str]
    opens_at: datetime
    closes_at: datetime


def _check(fields: ConsultationFields) -> None:
    if not any((fields.title.get(lang) or "").strip() for lang in LANGUAGES):
        raise DomainError(_l("Give a title in at least one language."))
    if fields.kind not in KINDS or fields.scope not in SCOPES or fields.audience not in AUDIENCES:
        raise DomainError(_l("Choose a value from the list."))
    if any(theme not in THEMES for theme in fields.themes):
        raise DomainError(_l("Choose themes from the list."))
    if fields.closes_at <= fields.opens_at:
        raise DomainError(_l("The closing date must come after the opening date."))


def _apply(consultation: Consultation, fields: ConsultationFields) -> None:
    consultation.title = {k: v.strip() for k, v in fields.title.items() if v and v.strip()}
    consultation.summary = {k: v.strip() for k, v in fields.summary.items() if v and v.strip()}
    consultation.kind = fields.kind
    consultation.scope = fields.scope
    consultation.scope_area = (fields.scope_area or "").strip() or None
    consultation.audience = fields.audience
    consultation.opens_at = fields.opens_at
    consultation.closes_at = fields.closes_at
    consultation.themes = [ConsultationTheme(theme=t) for t in sorted(set(fields.themes))]


def create_consultation(author, institution_id: int, fields: ConsultationFields) -> Consultation:
    _check(fields)
    consultation = Consultation(
        institution_id=institution_id, created_by_id=author.id, status=Status.DRAFT
    )
    _apply(consultation, fields)
    db.session.add(consultation)
    db.session.flush()
    audit.record(author, "consultation.create", consultation)
    return consultation


def update_consultation(
    author, consultation: Consultation, fields: ConsultationFields, now: datetime
) -> None:
    phase = consultation.phase_at(now)
    if phase not in (Phase.DRAFT, Phase.UPCOMING, Phase.OPEN):
        raise Conflict(_l("A closed consultation can no longer be edited."))
    if phase == Phase.OPEN:
        # The form shows minutes only: the same minute means the official left the date alone
        # ("open now" stores the exact second).
        if _minute(fields.opens_at) != _minute(consultation.opens_at):
            raise Conflict(_l("The opening date of an open consultation cannot change."))
        fields = replace(fields, opens_at=consultation.opens_at)
    _check(fields)
    _apply(consultation, fields)
    db.session.flush()
    audit.record(author, "consultation.update", consultation)


def _minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def schedule(author, consultation: Consultation, now: datetime) -> None:
    if draft_article_count(consultation.id) == 0:
        raise Conflict(_l("Add the draft text (at least one article) before scheduling."))
    if consultation.closes_at <= now:
        raise Conflict(_l("The closing date is already past: change the dates first."))
    consultation.schedule()
    audit.record(author, "consultation.schedule", consultation)


def open_early(author, consultation: Consultation, now: datetime) -> None:
    consultation.open_now(now)
    audit.record(author, "consultation.open_early", consultation)


def close_early(author, consultation: Consultation, now: datetime) -> None:
    consultation.close_now(now)
    audit.record(author, "consultation.close_early", consultation)


def unschedule(author, consultation: Consultation, now: datetime) -> None:
    consultation.unschedule(now)
    audit.record(author, "consultation.unschedule", consultation)


def draft_article_count(consultation_id: int) -> int:
    from sqlalchemy import func

    return (
        db.session.scalar(
            select(func.count())
            .select_from(Section)
            .join(DocumentVersion, DocumentVersion.id == Section.version_id)
            .where(
                Section.consultation_id == consultation_id,
                Section.kind == "article",
                DocumentVersion.is_final.is_(False),
            )
        )
        or 0
    )


# --- The draft text -------------------------------------------------------------------------


@dataclass
class DraftItem:
    """One heading or article as the official confirmed it in the preview."""

    kind: str
    number: str
    heading: str
    body: str

    @property
    def slug(self) -> str:
        return section_slug(self.kind, self.number)


def section_slug(kind: str, number: str) -> str:
    base = "-".join(number.split()).lower() or "0"
    return base if kind == "article" else f"{kind}-{base}"


def items_from_structure(structure: dict) -> list[DraftItem]:
    """Flatten a splitter result (chapters + articles) into document order."""
    chapters = structure.get("chapters", [])
    items: list[DraftItem] = []
    emitted: set[int] = set()
    for article in structure.get("articles", []):
        index = article.get("chapter")
        if index is not None and index not in emitted:
            # Emit every chapter up to this one, so empty chapters keep their place.
            for i in range(0, index + 1):
                if i not in emitted:
                    chapter = chapters[i]
                    items.append(
                        DraftItem(chapter["kind"], chapter["number"], chapter["heading"], "")
                    )
                    emitted.add(i)
        items.append(
            DraftItem("article", article["number"], article.get("heading", ""), article["body"])
        )
    for i, chapter in enumerate(chapters):
        if i not in emitted:
            items.append(DraftItem(chapter["kind"], chapter["number"], chapter["heading"], ""))
    return items


def check_items(items: list[DraftItem]) -> list:
    """Problems an official must fix before saving, as translated messages."""
    problems = []
    if not any(item.kind == "article" for item in items):
        problems.append(
            _l(
                "No article was found. Each article must start with a heading such as "
                "“Article 1” or “المادة 1” on its own line."
            )
        )
    seen: set[str] = set()
    for item in items:
        if not item.number.strip():
            problems.append(_l("Every article and heading needs a number."))
        elif item.slug in seen:
            problems.append(_l("The number %(number)s is used twice.", number=item.number))
        seen.add(item.slug)
    return problems


#: Phases in which the officials may store the text adopted after the consultation.
FINAL_TEXT_PHASES = (Phase.CLOSED, Phase.IN_SYNTHESIS, Phase.PUBLISHED)


def store_draft_language(
    author,
    consultation: Consultation,
    language: str,
    items: list[DraftItem],
    preamble: str,
    now: datetime,
    *,
    final: bool = False,
) -> DocumentVersion:
    """Store one language of the draft (or, with `final`, of the text adopted after the
    consultation); the same number in another language is the same article."""
    if language not in LANGUAGES:
        raise DomainError(_l("Choose a language from the list."))
    phase = consultation.phase_at(now)
    if not final and phase not in (Phase.DRAFT, Phase.UPCOMING):
        raise Conflict(_l("The draft cannot change once the consultation has opened."))
    if final and phase not in FINAL_TEXT_PHASES:
        raise Conflict(_l("The final text is added once the consultation is closed."))
    problems = check_items(items)
    if problems:
        raise DomainError(problems[0])

    version = db.session.scalars(
        select(DocumentVersion).where(
            DocumentVersion.consultation_id == consultation.id,
            DocumentVersion.is_final.is_(final),
        )
    ).first()
    if version is None:
        version = DocumentVersion(
            consultation_id=consultation.id, number=2 if final else 1, is_final=final, preamble={}
        )
        db.session.add(version)
        db.session.flush()
    version.preamble = {**(version.preamble or {}), language: preamble.strip()}

    existing = {
        s.slug: s
        for s in db.session.scalars(select(Section).where(Section.version_id == version.id))
    }
    order = sorted(existing.values(), key=lambda s: s.position)
    incoming = {item.slug for item in items}

    merged: list[Section] = list(order)
    last_index = -1
    for item in items:
        section = existing.get(item.slug)
        if section is None:
            section = Section(
                version_id=version.id,
                consultation_id=consultation.id,
                position=0,
                kind=item.kind,
                number=item.number.strip(),
                slug=item.slug,
                heading={},
                body={},
            )
            db.session.add(section)
            merged.insert(last_index + 1, section)
            last_index += 1
        else:
            last_index = merged.index(section)
        section.heading = {**section.heading, language: item.heading.strip()}
        section.body = {**section.body, language: item.body.strip()}

    for slug, section in existing.items():
        if slug not in incoming and language in (section.body or {}) | (section.heading or {}):
            section.heading = {k: v for k, v in section.heading.items() if k != language}
            section.body = {k: v for k, v in section.body.items() if k != language}
            if not any(section.heading.values()) and not any(section.body.values()):
                if section.comment_count == 0:
                    merged.remove(section)
                    db.session.delete(section)

    for position, section in enumerate(merged):
        section.position = position
    db.session.flush()
    audit.record(
        author,
        "consultation.store_final_text" if final else "consultation.store_draft",
        consultation,
        language=language,
        articles=sum(1 for i in items if i.kind == "article"),
    )
    return version
