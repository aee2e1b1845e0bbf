"""Law 09-08: a person downloads everything the platform holds about them, or deletes it."""

import secrets
from datetime import datetime

from sqlalchemy import delete, select

from .. import audit
from ..comments.models import Comment, Vote
from ..extensions import db
from ..moderation.models import Flag
from ..organisations.models import Invitation, Organisation, Representative
from ..recommendations.models import Recommendation, Support
from .models import User
from .services import mark_comments_changed


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def export_data(user: User) -> dict:
    """Everything tied to the account, as plain JSON-ready data."""
    comments = db.session.scalars(select(Comment).where(Comment.author_id == user.id))
    votes = db.session.scalars(select(Vote).where(Vote.user_id == user.id))
    recommendations = db.session.scalars(
        select(Recommendation).where(Recommendation.author_id == user.id)
    )
    supports = db.session.scalars(select(Support).where(Support.user_id == user.id))
    organisations = db.session.scalars(
        select(Organisation)
        .join(Representative, Representative.organisation_id == Organisation.id)
        .where(Representative.user_id == user.id)
    )
    flags = db.session.scalars(select(Flag).where(Flag.reporter_id == user.id))
    return {
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "locale": user.locale,
            "region": user.region,
            "country": user.country,
            "gender": user.gender,
            "age_bracket": user.age_bracket,
            "consented_at": _iso(user.consented_at),
            "created_at": _iso(user.created_at),
        },
        "comments": [
            {
                "id": c.id,
                "consultation_id": c.consultation_id,
                "section_id": c.section_id,
                "parent_id": c.parent_id,
                "text": c.body_source,
                "stance": c.stance,
                "status": c.status.value,
                "created_at": _iso(c.created_at),
                "edited_at": _iso(c.edited_at),
            }
            for c in comments
        ],
        "votes": [
            {"comment_id": v.comment_id, "value": v.value.value, "at": _iso(v.updated_at)}
            for v in votes
        ],
        "recommendations_written": [
            {
                "id": r.id,
                "organisation_id": r.organisation_id,
                "kind": r.kind,
                "status": r.status.value,
                "proposed_wording": r.proposed_wording,
                "justification": r.justification,
                "submitted_at": _iso(r.submitted_at),
            }
            for r in recommendations
        ],
        "recommendations_supported": [
            {"recommendation_id": s.recommendation_id, "at": _iso(s.supported_at)} for s in supports
        ],
        "organisations_represented": [{"id": o.id, "name": o.name} for o in organisations],
        "reports_made": [
            {
                "target": f"{f.target_type}/{f.target_id}",
                "reason": f.reason,
                "at": _iso(f.created_at),
            }
            for f in flags
        ],
    }


def delete_account(user: User, now: datetime) -> None:
    """Erase the person, keep the public record: contributions read "former participant"."""
    audit.record(user, "user.delete", user)
    db.session.execute(delete(Representative).where(Representative.user_id == user.id))
    db.session.execute(delete(Invitation).where(Invitation.email == user.email.lower()))
    user.email = f"deleted-{user.id}-{secrets.token_hex(4)}@deleted.invalid"
    user.display_name = ""
    # Their comments now read "former participant": cached pages of them must change too.
    mark_comments_changed(user.id)
    user.set_password(secrets.token_urlsafe(32))
    user.locale = None
    user.region = user.country = user.gender = user.age_bracket = None
    user.institution_id = None
    user.is_admin = user.is_moderator = False
    user.deleted_at = now
    db.session.flush()
