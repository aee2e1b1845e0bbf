"""Creating accounts and checking sign-ins."""

import secrets
from datetime import datetime
from functools import cache

from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from .. import audit
from ..extensions import db
from .models import User
from .profile import ABROAD


def normalise_email(email: str) -> str:
    return email.strip().lower()


def register_user(
    *,
    email: str,
    password: str,
    display_name: str,
    locale: str | None,
    consented_at: datetime,
    region: str | None = None,
    country: str | None = None,
    gender: str | None = None,
    age_bracket: str | None = None,
) -> User:
    user = User(
        email=normalise_email(email),
        display_name=display_name.strip(),
        locale=locale,
        consented_at=consented_at,
    )
    user.set_password(password)
    set_profile(user, region=region, country=country, gender=gender, age_bracket=age_bracket)
    db.session.add(user)
    db.session.flush()
    return user


def rename(user: User, display_name: str, now: datetime) -> None:
    """A new public name. Cached pages of comments show it (see consult/fragments.py), so
    the places of the author's comments are marked changed."""
    display_name = display_name.strip()
    if display_name == user.display_name:
        return
    user.display_name = display_name
    mark_comments_changed(user.id)


def mark_comments_changed(author_id: int) -> None:
    from ..comments.services import mark_author_changed  # the comments package imports us

    mark_author_changed(author_id)


def set_profile(user: User, *, region, country, gender, age_bracket) -> None:
    user.region = region or None
    user.country = (country or None) if region == ABROAD else None
    user.gender = gender or None
    user.age_bracket = age_bracket or None


def find_by_email(email: str) -> User | None:
    return db.session.scalars(
        select(User).where(func.lower(User.email) == normalise_email(email))
    ).first()


def confirm_email(user: User, now: datetime) -> None:
    if user.email_confirmed_at is None:
        user.email_confirmed_at = now
        audit.record(user, "user.confirm_email", user)


def reset_password(user: User, password: str, now: datetime) -> None:
    user.set_password(password)
    # Following the link proved the address, too.
    confirm_email(user, now)
    audit.record(user, "user.reset_password", user)


def authenticate(email: str, password: str) -> User | None:
    user = db.session.scalars(
        select(User).where(func.lower(User.email) == normalise_email(email))
    ).first()
    if user is None:
        # Hash anyway: an unknown address answered faster would tell that it has no account.
        check_password_hash(_unused_hash(), password)
        return None
    if not user.check_password(password):
        return None
    return user


@cache
def _unused_hash() -> str:
    return generate_password_hash(secrets.token_hex(16))
