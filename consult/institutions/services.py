"""Creating institutions and attaching officials to them."""

import re

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from .. import audit
from ..accounts.models import User
from ..errors import Conflict, DomainError
from ..extensions import db
from .models import Institution


def create_institution(actor, name: dict[str, str], slug: str) -> Institution:
    name = {lang: text.strip() for lang, text in name.items() if text and text.strip()}
    if not name:
        raise DomainError(_l("Give a name in at least one language."))
    slug = slug.strip().lower()
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{1,58}", slug):
        raise DomainError(_l("The short name uses lowercase letters, digits and hyphens only."))
    if db.session.scalar(select(Institution.id).where(Institution.slug == slug)):
        raise Conflict(_l("Another institution already uses this short name."))
    institution = Institution(name=name, slug=slug)
    db.session.add(institution)
    db.session.flush()
    audit.record(actor, "institution.create", institution)
    return institution


def attach_official(actor, email: str, institution: Institution | None) -> User:
    """Make a user an official of `institution`, or an ordinary user again when None."""
    user = db.session.scalars(
        select(User).where(func.lower(User.email) == email.strip().lower())
    ).first()
    if user is None:
        raise DomainError(_l("No account uses this e-mail address."), status_code=404)
    user.institution_id = institution.id if institution else None
    db.session.flush()
    audit.record(
        actor,
        "user.attach_institution",
        user,
        institution_id=institution.id if institution else None,
    )
    return user
