"""The moderators' queue: reported content, oldest report first."""

from sqlalchemy import func, select

from ..extensions import db
from ..pagination import Page
from .models import Flag, FlagStatus
from .services import TARGETS


def queue(*, target_type: str | None, reason: str | None, page: int, per_page: int = 20):
    """Targets with open reports: (type, id, first report time, report count, reasons), a page."""
    query = (
        select(
            Flag.target_type,
            Flag.target_id,
            func.min(Flag.created_at).label("first"),
            func.count().label("reports"),
        )
        .where(Flag.status == FlagStatus.OPEN)
        .group_by(Flag.target_type, Flag.target_id)
    )
    if target_type:
        query = query.where(Flag.target_type == target_type)
    if reason:
        query = query.where(Flag.reason == reason)
    total = db.session.scalar(select(func.count()).select_from(query.subquery())) or 0
    page_obj = Page(min(page, Page(1, per_page, total).pages), per_page, total)
    rows = db.session.execute(query.order_by("first").limit(per_page).offset(page_obj.offset)).all()
    # Load the reported items and their reports in two queries per type, not one per row.
    items = []
    by_type: dict[str, list[int]] = {}
    for row in rows:
        by_type.setdefault(row.target_type, []).append(row.target_id)
    loaded = {
        (kind, obj.id): obj
        for kind, ids in by_type.items()
        for obj in db.session.scalars(select(TARGETS[kind]).where(TARGETS[kind].id.in_(ids)))
    }
    reports: dict[tuple[str, int], list[Flag]] = {}
    if rows:
        for flag in db.session.scalars(
            select(Flag)
            .where(
                Flag.status == FlagStatus.OPEN,
                Flag.target_id.in_([r.target_id for r in rows]),
            )
            .order_by(Flag.created_at)
        ):
            reports.setdefault((flag.target_type, flag.target_id), []).append(flag)
    for row in rows:
        key = (row.target_type, row.target_id)
        if key in loaded:
            items.append((row.target_type, loaded[key], reports.get(key, [])))
    return items, page_obj
