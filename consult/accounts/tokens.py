"""Signed, expiring, single-use links for confirming an address and resetting a password."""

import hashlib

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

from ..extensions import db
from .models import User

CONFIRM = "confirm-email"
RESET = "reset-password"
MAX_AGE = {CONFIRM: 3 * 24 * 3600, RESET: 3600}


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=purpose)


def _state(user: User, purpose: str) -> str:
    """What using the link changes, so a used link no longer matches: single use."""
    if purpose == CONFIRM:
        seen = f"{user.email}|{user.email_confirmed_at is not None}"
    else:
        seen = f"{user.email}|{user.password_hash}"
    return hashlib.sha256(seen.encode()).hexdigest()[:16]


def make_token(user: User, purpose: str) -> str:
    return _serializer(purpose).dumps({"user": user.id, "state": _state(user, purpose)})


def read_token(token: str, purpose: str) -> User | None:
    """The user the link was made for, or None if it is forged, expired or already used."""
    try:
        data = _serializer(purpose).loads(token, max_age=MAX_AGE[purpose])
    except BadSignature:  # includes SignatureExpired
        return None
    if not isinstance(data, dict) or not isinstance(data.get("user"), int):
        return None
    user = db.session.get(User, data["user"])
    if user is None or user.deleted_at is not None or data.get("state") != _state(user, purpose):
        return None
    return user
