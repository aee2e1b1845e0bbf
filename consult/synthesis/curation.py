"""The ministry's themes on top of the runs: linking, renaming, merging, splitting, moving.

A ministry theme is fed by run themes (RunTheme.theme_id). When a new run ends, each of its
themes is linked to the ministry theme whose contributions it mostly shares (Jaccard of the
members), so names, merges and deletions carry over; moved contributions (ThemeMove) and
campaign decisions (CampaignDecision) are keyed by contribution ref and apply to any run that
still holds that contribution.
"""

from collections import Counter
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, case, func, select

from .. import audit, clock
from ..errors import Conflict, DomainError
from ..extensions import db
from .models import (
    CampaignDecision,
    Response,
    RunAssignment,
    RunGroup,
    RunStatus,
    RunTheme,
    SynthesisRun,
    Theme,
    ThemeMove,
)

#: A new run theme takes over a ministry theme when they share at least this share of members.
CARRY_OVER = 0.5
LANGS = ("ar", "fr", "zgh")


def link_run(run: SynthesisRun) -> None:
    """Link the consultation-wide themes of a finished run to the ministry's themes."""
    previous = db.session.scalars(
        select(SynthesisRun)
        .where(
            SynthesisRun.consultation_id == run.consultation_id,
            SynthesisRun.status == RunStatus.DONE,
            SynthesisRun.id < run.id,
        )
        .order_by(SynthesisRun.id.desc())
        .limit(1)
    ).first()
    new_themes = db.session.scalars(
        select(RunTheme).where(RunTheme.run_id == run.id, RunTheme.article.is_(None))
    ).all()
    best: dict[str, int] = {}
    if previous is not None:
        best = _carried_over(run.id, previous.id)
    for run_theme in new_themes:
        theme_id = best.get(run_theme.key)
        if theme_id is None:
            theme = Theme(
                consultation_id=run.consultation_id,
                name={},
                engine_label=run_theme.label,
                lang=run_theme.lang,
            )
            db.session.add(theme)
            db.session.flush()
            theme_id = theme.id
        run_theme.theme_id = theme_id


def _carried_over(run_id: int, previous_id: int) -> dict[str, int]:
    """New run theme key -> the ministry theme it continues, by overlap of members."""
    new, old = RunAssignment.__table__.alias("new"), RunAssignment.__table__.alias("old")
    old_theme = RunTheme.__table__.alias("old_theme")
    pairs = db.session.execute(
        select(new.c.theme_key, old_theme.c.theme_id, func.count())
        .join(old, and_(old.c.ref == new.c.ref, old.c.run_id == previous_id))
        .join(
            old_theme,
            and_(old_theme.c.run_id == previous_id, old_theme.c.key == old.c.theme_key),
        )
        .where(new.c.run_id == run_id, new.c.theme_key.is_not(None))
        .group_by(new.c.theme_key, old_theme.c.theme_id)
    ).all()
    new_sizes = _sizes(run_id)
    theme_of_key = dict(
        db.session.execute(
            select(RunTheme.key, RunTheme.theme_id).where(RunTheme.run_id == previous_id)
        ).all()
    )
    old_sizes: Counter = Counter()
    for key, size in _sizes(previous_id).items():
        if theme_of_key.get(key) is not None:
            old_sizes[theme_of_key[key]] += size
    best: dict[str, tuple[float, int]] = {}
    for key, theme_id, shared in pairs:
        if theme_id is None:
            continue
        jaccard = shared / (new_sizes[key] + old_sizes[theme_id] - shared)
        if jaccard >= CARRY_OVER and jaccard > best.get(key, (0.0, 0))[0]:
            best[key] = (jaccard, theme_id)
    return {key: theme_id for key, (_, theme_id) in best.items()}


def _sizes(run_id: int) -> Counter:
    return Counter(
        dict(
            db.session.execute(
                select(RunAssignment.theme_key, func.count())
                .where(RunAssignment.run_id == run_id, RunAssignment.theme_key.is_not(None))
                .group_by(RunAssignment.theme_key)
            ).all()
        )
    )


# Reading: which theme holds what, after the officials' edits.


def roots(consultation_id: int) -> dict[int, Theme | None]:
    """Every ministry theme id -> the live theme it now belongs to (after merges), or None
    when that theme was deleted."""
    themes = {
        t.id: t
        for t in db.session.scalars(select(Theme).where(Theme.consultation_id == consultation_id))
    }

    def root(theme: Theme) -> Theme | None:
        seen = set()
        while theme.merged_into_id is not None and theme.id not in seen:
            seen.add(theme.id)
            theme = themes[theme.merged_into_id]
        return None if theme.deleted_at is not None else theme

    return {theme_id: root(theme) for theme_id, theme in themes.items()}


def effective_membership(run: SynthesisRun):
    """A subquery of the run's contributions with the ministry theme each sits in now
    (before merges: map `theme_id` through roots()), moved ones included."""
    moved = ThemeMove.__table__
    return (
        select(
            RunAssignment,
            case((moved.c.ref.is_not(None), moved.c.theme_id), else_=RunTheme.theme_id).label(
                "theme_id"
            ),
        )
        .outerjoin(
            RunTheme,
            and_(RunTheme.run_id == RunAssignment.run_id, RunTheme.key == RunAssignment.theme_key),
        )
        .outerjoin(
            moved,
            and_(moved.c.consultation_id == run.consultation_id, moved.c.ref == RunAssignment.ref),
        )
        .where(RunAssignment.run_id == run.id)
        .subquery()
    )


@dataclass
class ThemeSummary:
    theme: Theme
    size: int = 0
    support: int = 0
    campaigns: int = 0
    articles: Counter = None  # type: ignore[assignment]
    participant_types: Counter = None  # type: ignore[assignment]
    kinds: Counter = None  # type: ignore[assignment]
    regions: Counter = None  # type: ignore[assignment]
    response: Response | None = None

    def __post_init__(self):
        self.articles = Counter()
        self.participant_types = Counter()
        self.kinds = Counter()
        self.regions = Counter()


def summaries(run: SynthesisRun) -> tuple[list[ThemeSummary], int]:
    """The live ministry themes with their size, support, articles and participant types, the
    largest first; and how many contributions sit in no theme."""
    membership = effective_membership(run)
    rows = db.session.execute(
        select(
            membership.c.theme_id,
            membership.c.article,
            membership.c.participant_type,
            membership.c.kind,
            membership.c.region,
            func.count(),
            func.sum(membership.c.support),
        ).group_by(
            membership.c.theme_id,
            membership.c.article,
            membership.c.participant_type,
            membership.c.kind,
            membership.c.region,
        )
    ).all()
    root_of = roots(run.consultation_id)
    found: dict[int, ThemeSummary] = {}
    unthemed = 0
    for theme_id, article, participant_type, kind, region, count, support in rows:
        theme = root_of.get(theme_id) if theme_id is not None else None
        if theme is None:
            unthemed += count
            continue
        summary = found.setdefault(theme.id, ThemeSummary(theme))
        summary.size += count
        summary.support += int(support or 0)
        if article is not None:
            summary.articles[article] += count
        summary.participant_types[participant_type or "unknown"] += count
        summary.kinds[kind] += count
        summary.regions[region or "unknown"] += count
    responses = (
        db.session.scalars(select(Response).where(Response.theme_id.in_(list(found)))).all()
        if found
        else []
    )
    for response in responses:
        found[response.theme_id].response = response
    ordered = sorted(found.values(), key=lambda s: (-s.size, s.theme.id))
    return ordered, unthemed


def members(run: SynthesisRun, theme: Theme | None, page: int, per_page: int):
    """Refs in `theme` (None: in no theme), a page at a time, the most supported first."""
    membership = effective_membership(run)
    root_of = roots(run.consultation_id)
    if theme is None:
        live = [tid for tid, root in root_of.items() if root is not None]
        condition = membership.c.theme_id.is_(None) | membership.c.theme_id.not_in(live)
    else:
        condition = membership.c.theme_id.in_(_feeding(root_of, theme))
    query = select(membership.c.ref, membership.c.group_number).where(condition)
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    rows = db.session.execute(
        query.order_by(membership.c.support.desc(), membership.c.ref)
        .limit(per_page)
        .offset((page - 1) * per_page)
    ).all()
    return rows, total


def representatives(
    run: SynthesisRun, theme: Theme, count: int = 3, root_of: dict | None = None
) -> list[str]:
    """The engine's most representative contributions of the run themes feeding `theme`
    (`root_of`, from roots(), saves reading the themes again for each theme)."""
    feeding = _feeding(root_of or roots(run.consultation_id), theme)
    found = db.session.execute(
        select(RunTheme.representatives, RunTheme.size)
        .where(RunTheme.run_id == run.id, RunTheme.theme_id.in_(feeding))
        .order_by(RunTheme.size.desc())
    ).all()
    chosen: list[str] = []
    for refs, _ in found:
        chosen.extend(ref for ref in refs if ref not in chosen)
    return chosen[:count]


def article_themes(run: SynthesisRun) -> list[tuple[str, list[RunTheme]]]:
    """The themes the run found within each article, articles in their order, largest first."""
    found = db.session.scalars(
        select(RunTheme)
        .where(RunTheme.run_id == run.id, RunTheme.article.is_not(None))
        .order_by(RunTheme.article, RunTheme.size.desc())
    ).all()
    by_article: dict[str, list[RunTheme]] = {}
    for theme in found:
        by_article.setdefault(theme.article, []).append(theme)
    return sorted(by_article.items(), key=lambda item: _article_order(item[0]))


def _article_order(number: str) -> tuple:
    head = number.split()[0] if number else ""
    return (int(head) if head.isdigit() else 10**9, number)


def _feeding(root_of: dict[int, Theme | None], theme: Theme) -> list[int]:
    """The ids of the themes that now belong to `theme`: itself and those merged into it."""
    return [tid for tid, root in root_of.items() if root is not None and root.id == theme.id]


def group_verdicts(run: SynthesisRun) -> dict[int, bool]:
    """Group number -> whether the officials said it is a campaign (only groups they judged)."""
    rows = db.session.execute(
        select(RunAssignment.group_number, CampaignDecision.is_campaign)
        .join(
            CampaignDecision,
            and_(
                CampaignDecision.consultation_id == run.consultation_id,
                CampaignDecision.ref == RunAssignment.ref,
            ),
        )
        .where(RunAssignment.run_id == run.id, RunAssignment.group_number.is_not(None))
    ).all()
    return {number: verdict for number, verdict in rows}


def is_campaign(group: RunGroup, verdicts: dict[int, bool]) -> bool:
    return verdicts.get(group.number, group.is_campaign)


# Editing: every change is audited and survives a new run.


class ThemeError(DomainError):
    status_code = 400


def _live(theme: Theme) -> None:
    if theme.deleted_at is not None or theme.merged_into_id is not None:
        raise Conflict(_l("This theme was merged or deleted in the meantime."))


def rename(actor, theme: Theme, names: dict[str, str]) -> None:
    names = {lang: text.strip() for lang, text in names.items() if lang in LANGS and text.strip()}
    if not names:
        raise ThemeError(_l("Give the theme a name in at least one language."))
    _live(theme)
    theme.name = names
    audit.record(actor, "theme.rename", theme, name=names)


def merge(actor, theme: Theme, into: Theme) -> None:
    """Fold `theme` into `into` (an Arabic and a French theme on the same subject, say)."""
    if theme.id == into.id or theme.consultation_id != into.consultation_id:
        raise ThemeError(_l("Choose another theme of this consultation to merge with."))
    _live(theme)
    _live(into)
    theme.merged_into_id = into.id
    answer = db.session.scalar(select(Response).where(Response.theme_id == theme.id))
    kept = db.session.scalar(select(Response).where(Response.theme_id == into.id))
    if answer is not None and kept is None:
        answer.theme_id = into.id  # the answer follows the subject it answered
    audit.record(actor, "theme.merge", theme, into=into.id)


def split(actor, theme: Theme, refs: list[str], names: dict[str, str]) -> Theme:
    """Take `refs` out of `theme` into a new theme named `names`."""
    if not refs:
        raise ThemeError(_l("Tick the contributions that form the new theme."))
    _live(theme)
    new = Theme(consultation_id=theme.consultation_id, name={}, engine_label="", lang=theme.lang)
    db.session.add(new)
    db.session.flush()
    rename(actor, new, names)
    for ref in refs:
        _place(theme.consultation_id, ref, new.id)
    audit.record(actor, "theme.split", theme, into=new.id, moved=len(refs))
    return new


def delete(actor, theme: Theme) -> None:
    _live(theme)
    theme.deleted_at = clock.utcnow()
    audit.record(actor, "theme.delete", theme)


def move(actor, consultation_id: int, ref: str, theme: Theme | None) -> None:
    """Put the contribution `ref` in `theme`, or in no theme."""
    if theme is not None:
        _live(theme)
    _place(consultation_id, ref, theme.id if theme is not None else None)
    audit.record(
        actor,
        "theme.move",
        theme or _consultation(consultation_id),
        ref=ref,
        to=theme.id if theme else None,
    )


def _place(consultation_id: int, ref: str, theme_id: int | None) -> None:
    existing = db.session.get(ThemeMove, (consultation_id, ref))
    if existing is None:
        db.session.add(ThemeMove(consultation_id=consultation_id, ref=ref, theme_id=theme_id))
    else:
        existing.theme_id = theme_id


def mark_campaign(actor, run: SynthesisRun, group: RunGroup, campaign: bool) -> None:
    """Say whether a near-duplicate group is a campaign (kept across runs by its members)."""
    refs = db.session.scalars(
        select(RunAssignment.ref).where(
            RunAssignment.run_id == run.id, RunAssignment.group_number == group.number
        )
    ).all()
    for ref in refs:
        decision = db.session.get(CampaignDecision, (run.consultation_id, ref))
        if decision is None:
            db.session.add(
                CampaignDecision(consultation_id=run.consultation_id, ref=ref, is_campaign=campaign)
            )
        else:
            decision.is_campaign = campaign
    audit.record(
        actor,
        "synthesis.mark_campaign",
        _consultation(run.consultation_id),
        group=group.representative,
        campaign=campaign,
    )


def _consultation(consultation_id: int):
    from ..consultations.models import Consultation

    return db.session.get(Consultation, consultation_id)
