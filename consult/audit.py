"""The append-only audit trail: who did what to what, and when."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, event
from sqlalchemy.orm import Mapped, mapped_column

from . import clock
from .database import UTCDateTime
from .extensions import db


class AuditEvent(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    #: Dotted verb, e.g. "consultation.create", "consultation.close_early".
    action: Mapped[str] = mapped_column(String(60))
    target_type: Mapped[str] = mapped_column(String(40))
    target_id: Mapped[int | None]
    data: Mapped[dict] = mapped_column(JSON, default=dict)


class AppendOnly(Exception):
    """An audit event was about to be changed or deleted: the log only grows."""


@event.listens_for(AuditEvent, "before_update")
@event.listens_for(AuditEvent, "before_delete")
def _refuse_changes(_mapper, _connection, target: AuditEvent) -> None:
    raise AppendOnly(f"audit event {target.id} cannot be changed or deleted")


def record(actor, action: str, target, **data) -> AuditEvent:
    """Add an audit event for `target` (a model instance with an id) to the session."""
    # current_user is a proxy: record the model behind it.
    target = getattr(target, "_get_current_object", lambda: target)()
    event = AuditEvent(
        at=clock.utcnow(),
        actor_id=getattr(actor, "id", None),
        action=action,
        target_type=type(target).__tablename__,
        target_id=target.id,
        data=data,
    )
    db.session.add(event)
    return event
