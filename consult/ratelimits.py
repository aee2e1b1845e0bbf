"""Rate limits for the actions abuse aims at: signing in, signing up, posting, voting."""

from flask import current_app
from flask_limiter.util import get_remote_address
from flask_login import current_user

from .extensions import limiter


def _per_user() -> str:
    """Signed-in people are counted by account, so a shared address (a café) is not punished."""
    if current_user and current_user.is_authenticated:
        return f"user:{current_user.id}"
    return f"address:{get_remote_address()}"


def _setting(name: str):
    return lambda: current_app.config[name]


login = limiter.limit(_setting("RATELIMIT_LOGIN"), methods=["POST"])
signup = limiter.limit(_setting("RATELIMIT_SIGNUP"), methods=["POST"])
posting = [
    limiter.limit(_setting("RATELIMIT_POST_PER_USER"), key_func=_per_user, methods=["POST"]),
    limiter.limit(_setting("RATELIMIT_POST_PER_ADDRESS"), methods=["POST"]),
]
voting = limiter.limit(_setting("RATELIMIT_VOTE_PER_USER"), key_func=_per_user, methods=["POST"])


def limit_posting(view):
    for decorator in posting:
        view = decorator(view)
    return view
